// Applies the reader's saved text size and contrast before the page paints, so nothing jumps.
// A classic blocking script from the site itself: allowed by the strict CSP, unlike an inline one.
// It also says what the page's scripts will be able to do, so that the controls needing them are laid
// out (or left out) in the first paint, never moved later: html.js (scripts run: 字号, 高对比度, the
// menus that collapse on phones) and html.speech (the browser can read aloud: 朗读本页).
(function () {
  var root = document.documentElement;
  root.classList.add('js');
  var speech = window.speechSynthesis;
  if (speech && typeof speech.speak === 'function' && typeof window.SpeechSynthesisUtterance === 'function') root.classList.add('speech');
  try {
    var size = localStorage.getItem('report-text-size');
    if (size === 'small' || size === 'large') root.setAttribute('data-text-size', size);
    if (localStorage.getItem('report-contrast') === 'high') root.setAttribute('data-contrast', 'high');
  } catch (e) {}
})();
