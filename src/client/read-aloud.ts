/**
 * <read-aloud data-target="selector">: speaks the target's text in Chinese, sentence by sentence (long
 * utterances are cut off by some engines), with play, pause/resume and stop.
 */
class ReadAloud extends HTMLElement {
  private queue: string[] = [];
  private state: 'idle' | 'playing' | 'paused' = 'idle';

  connectedCallback() {
    // Without speech synthesis the control is not shown (html:not(.speech), public/prefs.js, same test).
    if (typeof window.speechSynthesis?.speak !== 'function' || typeof SpeechSynthesisUtterance === 'undefined') return;
    this.button('toggle').addEventListener('click', () => this.toggle());
    this.button('stop').addEventListener('click', () => this.stop());
    addEventListener('pagehide', () => speechSynthesis.cancel());
  }

  private button(action: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;
  }

  private toggle() {
    if (this.state === 'playing') {
      speechSynthesis.pause();
      this.show('paused');
    } else if (this.state === 'paused') {
      speechSynthesis.resume();
      this.show('playing');
    } else {
      const text = document.querySelector<HTMLElement>(this.dataset['target'] ?? 'main')?.innerText ?? '';
      this.queue = text.split(/(?<=[。！？；!?;\n])/).map((s) => s.trim()).filter(Boolean);
      speechSynthesis.cancel();
      this.show('playing');
      this.next();
    }
  }

  private next() {
    const sentence = this.queue.shift();
    if (sentence === undefined || this.state === 'idle') {
      this.show('idle');
      return;
    }
    const utterance = new SpeechSynthesisUtterance(sentence);
    utterance.lang = 'zh-CN';
    utterance.rate = 0.9;
    utterance.onend = () => this.next();
    speechSynthesis.speak(utterance);
  }

  private stop() {
    this.queue = [];
    this.show('idle');
    speechSynthesis.cancel();
  }

  private show(state: 'idle' | 'playing' | 'paused') {
    this.state = state;
    const toggle = this.button('toggle');
    toggle.textContent = (state === 'playing' ? toggle.dataset['pause'] : state === 'paused' ? toggle.dataset['resume'] : toggle.dataset['play']) ?? '';
    toggle.setAttribute('aria-pressed', String(state === 'playing'));
    this.button('stop').disabled = state === 'idle';
    this.querySelector('.read-aloud-status')!.textContent = state === 'playing' ? (this.dataset['playing'] ?? '') : state === 'paused' ? (this.dataset['paused'] ?? '') : '';
  }
}

customElements.define('read-aloud', ReadAloud);
