/**
 * `npm run screenshots`: every page of dist/ at 375 px and 1280 px, written to test-results/screenshots/
 * for a reviewer to look at (they are not compared pixel by pixel).
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/server.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const out = path.resolve('test-results/screenshots');
mkdirSync(out, { recursive: true });

function pages(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return pages(full, `${prefix}${name}/`);
    return name === 'index.html' ? [prefix] : [];
  });
}

const server = await serveStatic(dist);
const browser = await launchBrowser();
for (const width of [375, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const p of pages(dist)) {
    await page.goto(`${server.url}${p}`);
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 50));
      }
      window.scrollTo(0, 0);
    });
    await page.waitForTimeout(600);
    const name = `${(p || 'home').replace(/\/$/, '').replace(/\//g, '_')}-${width}.png`;
    await page.screenshot({ path: path.join(out, name), fullPage: true });
    console.log(path.join(out, name));
  }
  await page.close();
}
await browser.close();
await server.close();
