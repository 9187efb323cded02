/**
 * Inside an embed page: tells the host page its height whenever it changes (drawing, width change,
 * the data table opened), in a namespaced message carrying the embed's id from ?embed=. The page
 * sends only; it listens to no message, so a host cannot command it.
 */
import { HEIGHT_MESSAGE } from '../embed/messages.ts';

const id = new URLSearchParams(location.search).get('embed');

if (id && window.parent !== window) {
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    // The host's origin is not known to a static page; the message holds nothing private.
    window.parent.postMessage({ type: HEIGHT_MESSAGE, id, height }, '*');
  };
  new ResizeObserver(report).observe(document.documentElement);
  addEventListener('load', report);
  // The host's loader script may start after this page (it loads async): say it again a few times.
  for (const delay of [500, 1500, 3000, 6000]) setTimeout(report, delay);
}
