/*
 * report-microsite embed loader: resizes chart iframes to their content.
 * Paste once per page, after the iframes: <script src=".../embed/loader.js" async></script>
 * It trusts a height message only when it comes from the iframe's own window, from the iframe's
 * origin, with the iframe's embed id. It never sends anything to the embedded page.
 * Plain ES5 on purpose: portal pages still serve old browsers. Its address never changes.
 */
(function () {
  'use strict';
  if (window.reportMicrositeEmbedLoader) return;
  window.reportMicrositeEmbedLoader = true;
  var MESSAGE = 'report-microsite:embed-height';
  var MAX_HEIGHT = 20000;

  function frames() {
    return document.querySelectorAll('iframe[data-report-embed]');
  }

  // The iframe's origin, as event.origin spells it (scheme://host[:port], no default port). Read with an
  // <a> element, not new URL() (which ES5-era browsers lack): the browser resolves the address itself.
  var parser = document.createElement('a');
  function originOf(iframe) {
    var src = iframe.getAttribute('src');
    if (!src) return null;
    parser.href = src;
    // Old IE fills in host and protocol of a relative address only once it is set again as absolute.
    parser.href = parser.href;
    var protocol = parser.protocol;
    if ((protocol !== 'http:' && protocol !== 'https:') || !parser.hostname) return null;
    // Old IE reports the default port (":80", ":443"), which an origin leaves out.
    var port = parser.port;
    if (port === (protocol === 'http:' ? '80' : '443')) port = '';
    return protocol + '//' + parser.hostname + (port ? ':' + port : '');
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== MESSAGE || typeof data.id !== 'string') return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var iframe = list[i];
      if (iframe.contentWindow !== event.source) continue;
      if (iframe.getAttribute('data-report-embed') !== data.id || originOf(iframe) !== event.origin) return;
      iframe.setAttribute('height', String(Math.ceil(height)));
      iframe.style.height = Math.ceil(height) + 'px';
      iframe.setAttribute('scrolling', 'no');
      return;
    }
  });
})();
