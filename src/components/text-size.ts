/** The 大/中/小 control: sets data-text-size on <html> and remembers it across pages (public/prefs.js reads it). */
const KEY = 'report-text-size';

class TextSize extends HTMLElement {
  connectedCallback() {
    const current = document.documentElement.getAttribute('data-text-size') ?? 'medium';
    this.hidden = false;
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-size]')) {
      button.setAttribute('aria-pressed', String(button.dataset['size'] === current));
      button.addEventListener('click', () => this.choose(button.dataset['size'] ?? 'medium'));
    }
  }

  choose(size: string) {
    if (size === 'medium') document.documentElement.removeAttribute('data-text-size');
    else document.documentElement.setAttribute('data-text-size', size);
    try {
      if (size === 'medium') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, size);
    } catch {
      // Private browsing may refuse storage; the size still applies to this page.
    }
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-size]')) {
      button.setAttribute('aria-pressed', String(button.dataset['size'] === size));
    }
  }
}

customElements.define('text-size', TextSize);
