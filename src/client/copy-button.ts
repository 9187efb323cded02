/** <copy-button data-target="id">: copies the target textarea's text, and says so in a status line. */
class CopyButton extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    const status = this.querySelector('.copy-status');
    const target = document.getElementById(this.dataset['target'] ?? '');
    if (!button || !status || !(target instanceof HTMLTextAreaElement)) return;
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(target.value);
        status.textContent = this.dataset['done'] ?? '';
      } catch {
        // Clipboard refused (insecure origin, old browser): leave the text selected for Ctrl+C.
        target.focus();
        target.select();
        status.textContent = this.dataset['failed'] ?? '';
      }
    });
  }
}

customElements.define('copy-button', CopyButton);
