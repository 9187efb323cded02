/**
 * `npm run dev` as an editor uses it: saving a content file updates the page, and a mistake shows in
 * the browser with file, line, field and the Chinese message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectBrowser } from '../support/browser.ts';
import { childEnv } from '../support/env.ts';

const work = mkdtempSync(path.join(tmpdir(), 'dev-'));
const content = path.join(work, 'content');
const port = 4300 + Math.floor(Math.random() * 600);
/** Astro moves to another port when the asked one is taken: the address is read from what it prints. */
let url = '';
let server: ChildProcess;
let log = '';
let last = '';

async function fetchText(): Promise<string> {
  const response = await fetch(url);
  return response.text();
}

beforeAll(async () => {
  cpSync(path.resolve('tests/fixtures/minimal/content'), content, { recursive: true });
  server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port)], {
    env: childEnv({ CONTENT_DIR: content, NO_COLOR: '1', FORCE_COLOR: '0' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  // expect.poll belongs to tests; here a plain wait for the server's first page.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    // eslint-disable-next-line no-control-regex -- Astro colours its output when it thinks it may.
    const local = /Local\s+(http:\/\/[^\s\u001b]+?)\/?[\s\u001b]/.exec(log.replace(/\u001b\[[0-9;]*m/g, ' '))?.[1];
    if (!local) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    url = `${local}/reports/testtown-2023-h1/`;
    const body = await fetchText().catch((e: Error) => `fetch failed: ${e.message} ${String(e.cause)}`);
    if (titleOf(body) === '测试镇2023年上半年工作总结') return;
    last = body.slice(0, 3000);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`astro dev did not serve ${url} within 120 s (last answer: ${last}):\n${log}`);
}, 150_000);

afterAll(() => {
  server?.kill();
  rmSync(work, { recursive: true, force: true });
});

/** The page's h1 as read (the title wraps between words: <wbr> inside). */
const titleOf = (html: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '').trim();

const edit = (file: string, from: string, to: string) => {
  const full = path.join(content, 'reports/testtown-2023-h1', file);
  writeFileSync(full, readFileSync(full, 'utf8').replace(from, to));
};

describe('npm run dev', { timeout: 60_000 }, () => {
  it('shows a saved change on the next load', async () => {
    edit('report.yaml', 'title: 测试镇2023年上半年工作总结', 'title: 测试镇2023年上半年工作总结（修订稿）');
    await expect.poll(async () => titleOf(await fetchText()), { timeout: 20_000, interval: 500 }).toBe('测试镇2023年上半年工作总结（修订稿）');
  });

  it('shows a mistake in the browser with its file, line, field and message', async () => {
    edit('indicators.yaml', 'value: 3.5', 'vaule: 3.5');
    const browser = await connectBrowser(inject('gates').wsEndpoint);
    try {
      const page = await browser.newPage();
      await expect
        .poll(
          async () => {
            await page.goto(url);
            return page.locator('vite-error-overlay').evaluate((el) => el.shadowRoot?.textContent ?? '').catch(() => '');
          },
          { timeout: 30_000, interval: 1000 },
        )
        .toContain('reports/testtown-2023-h1/indicators.yaml:6:5  indicators.0.vaule  错误：未知字段“vaule”，是不是想写“value”？');
    } finally {
      await browser.close();
    }
    edit('indicators.yaml', 'vaule: 3.5', 'value: 3.5');
    await expect.poll(async () => titleOf(await fetchText()), { timeout: 20_000, interval: 500 }).toBe('测试镇2023年上半年工作总结（修订稿）');
  });
});
