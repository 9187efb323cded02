// Before the first paint (the CSP forbids inline scripts): the saved text size and contrast; html.js and
// html.speech say which controls can work (styles/global.css). The page's scripts are modules: a browser
// without them gets no html.js, so nothing waits for a script that will never run.
(function () {
  var root = document.documentElement, speech = window.speechSynthesis;
  if (!('noModule' in HTMLScriptElement.prototype)) return;
  root.classList.add('js');
  if (speech && typeof speech.speak == 'function' && window.SpeechSynthesisUtterance) root.classList.add('speech');
  try {
    var size = localStorage.getItem('report-text-size');
    if (size == 'small' || size == 'large') root.setAttribute('data-text-size', size);
    if (localStorage.getItem('report-contrast') == 'high') root.setAttribute('data-contrast', 'high');
  } catch (e) {}
})();
