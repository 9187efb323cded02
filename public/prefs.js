// Applies the reader's saved text size and contrast before the page paints, so nothing jumps.
// A classic blocking script from the site itself: allowed by the strict CSP, unlike an inline one.
document.documentElement.classList.add('js');
try {
  var size = localStorage.getItem('report-text-size');
  if (size === 'small' || size === 'large') document.documentElement.setAttribute('data-text-size', size);
  if (localStorage.getItem('report-contrast') === 'high') document.documentElement.setAttribute('data-contrast', 'high');
} catch (e) {}
