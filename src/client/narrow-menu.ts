/**
 * <narrow-menu>: a button and the panel it controls (aria-controls). On phones the panel is folded away
 * behind the button; on wider screens, and without JavaScript, the panel is simply shown and the button
 * is not. Which of the two applies is decided by CSS before the first paint (styles/global.css, on
 * html.js from public/prefs.js), so nothing moves when this script arrives: it only opens and closes
 * the panel (data-open, aria-expanded). Escape closes it and puts the focus back on the button.
 */
class NarrowMenu extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector<HTMLButtonElement>(':scope > button[aria-controls]');
    if (!button) return;
    const show = (open: boolean) => {
      button.setAttribute('aria-expanded', String(open));
      this.toggleAttribute('data-open', open);
    };
    button.addEventListener('click', () => show(button.getAttribute('aria-expanded') !== 'true'));
    this.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || button.getAttribute('aria-expanded') !== 'true' || !button.offsetParent) return;
      show(false);
      button.focus();
    });
  }
}

customElements.define('narrow-menu', NarrowMenu);
