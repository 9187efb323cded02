/**
 * `npm run dev`: the content folder is not imported by any module, so Vite would not notice an
 * editor saving a YAML or Markdown file. This plugin watches content/, clears Astro's cache of
 * getStaticPaths results (the message Astro's own content layer sends for the same reason) and
 * reloads the browser; the pages then read the content afresh (getContent does not cache in dev).
 */
import path from 'node:path';
import type { Plugin } from 'vite';

export function liveContent(contentDir: string): Plugin {
  const dir = path.resolve(contentDir);
  return {
    name: 'report-microsite:live-content',
    apply: 'serve',
    configureServer(server) {
      server.watcher.add(dir);
      const reload = (file: string) => {
        if (!path.resolve(file).startsWith(dir + path.sep)) return;
        for (const environment of Object.values(server.environments)) {
          if (environment.name !== 'client') environment.hot.send('astro:content-changed', {});
        }
        server.environments.client.hot.send({ type: 'full-reload', path: '*' });
      };
      server.watcher.on('change', reload);
      server.watcher.on('add', reload);
      server.watcher.on('unlink', reload);
    },
  };
}
