/**
 * The reading preferences: data-text-size and data-contrast on <html>, remembered in localStorage
 * (public/prefs.js applies them before the page paints, so nothing jumps).
 */
const SIZE_KEY = 'report-text-size';
const CONTRAST_KEY = 'report-contrast';

function remember(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private browsing may refuse storage; the choice still applies to this page.
  }
}

class TextSize extends HTMLElement {
  connectedCallback() {
    const root = document.documentElement;
    const sizeButtons = [...this.querySelectorAll<HTMLButtonElement>('button[data-size]')];
    const showSize = (size: string) => sizeButtons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset['size'] === size)));
    showSize(root.getAttribute('data-text-size') ?? 'medium');
    for (const button of sizeButtons) {
      button.addEventListener('click', () => {
        const size = button.dataset['size'] ?? 'medium';
        if (size === 'medium') root.removeAttribute('data-text-size');
        else root.setAttribute('data-text-size', size);
        remember(SIZE_KEY, size === 'medium' ? null : size);
        showSize(size);
      });
    }
    const contrast = this.querySelector<HTMLButtonElement>('button[data-contrast-toggle]');
    if (!contrast) return;
    contrast.setAttribute('aria-pressed', String(root.getAttribute('data-contrast') === 'high'));
    contrast.addEventListener('click', () => {
      const high = root.getAttribute('data-contrast') !== 'high';
      if (high) root.setAttribute('data-contrast', 'high');
      else root.removeAttribute('data-contrast');
      remember(CONTRAST_KEY, high ? 'high' : null);
      contrast.setAttribute('aria-pressed', String(high));
      // Charts read their colours from CSS when drawn: tell them to redraw.
      document.dispatchEvent(new CustomEvent('report-contrast-change'));
    });
  }
}

customElements.define('text-size', TextSize);
