/**
 * Elder-friendly reading: 大/中/小 and high contrast persist across pages without breaking the layout
 * at 375 px; read-aloud plays, pauses and stops with its state in words, and hides without speech.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useSharedBrowser } from '../gates/support.ts';

const { siteUrl } = inject('gates');
const REPORT = 'reports/nantang-2022-h1/';
const browser = useSharedBrowser();

async function open(path: string, width = 375): Promise<Page> {
  const page = await browser().newPage({ viewport: { width, height: 800 } });
  await page.goto(`${siteUrl}${path}`);
  return page;
}

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('reading preferences', { timeout: 60_000 }, () => {
  it('大 makes the base text at least 18 px and controls at least 44 px, kept on the next page, layout intact', async () => {
    const page = await open(REPORT);
    // On a phone the reading controls are behind 菜单.
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('button', { name: '大字号' }).click();
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(18);
    await page.goto(`${siteUrl}${REPORT}indicators/`);
    expect(await page.locator('html').getAttribute('data-text-size')).toBe('large');
    expect(await page.getByRole('button', { name: '大字号', includeHidden: true }).getAttribute('aria-pressed')).toBe('true');
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, .report-nav a')].filter((el) => (el as HTMLElement).offsetParent && el.getBoundingClientRect().height < 44).map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(small).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.close();
  });

  it('high contrast turns the page black on white, is kept on the next page, and redraws the charts in it', async () => {
    const page = await open(`${REPORT}indicators/`, 1280);
    // chart.js draws a chart once the reader touches it.
    await page.locator('report-chart .chart-area').first().hover();
    await page.waitForSelector('report-chart[data-drawn="true"]');
    await page.getByRole('button', { name: '高对比度' }).click();
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).color)).toBe('rgb(0, 0, 0)');
    // A bar is drawn in black after the switch.
    await expect
      .poll(() =>
        page.locator('report-chart canvas').first().evaluate((canvas: HTMLCanvasElement) => {
          const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
          let black = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i]! < 10 && data[i + 1]! < 10 && data[i + 2]! < 10 && data[i + 3]! > 200) black++;
          return black / (data.length / 4);
        }),
      )
      .toBeGreaterThan(0.02);
    // Switched off and on again at once, before the redraw has finished: one chart per canvas, no error.
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const toggle = page.getByRole('button', { name: '高对比度' });
    await toggle.click();
    await toggle.click();
    await page.waitForTimeout(1500);
    expect(errors).toEqual([]);
    expect(await page.locator('html').getAttribute('data-contrast')).toBe('high');
    await page.goto(`${siteUrl}${REPORT}`);
    expect(await page.locator('html').getAttribute('data-contrast')).toBe('high');
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.close();
  });
});

describe('read-aloud', { timeout: 60_000 }, () => {
  it('plays, pauses, resumes and stops, saying its state', async () => {
    const page = await browser().newPage();
    // Headless Chromium has no voices: a stand-in engine records what would be spoken.
    await page.addInitScript(() => {
      const spoken: string[] = [];
      (window as unknown as { spoken: string[] }).spoken = spoken;
      const engine = {
        speak: (u: SpeechSynthesisUtterance) => spoken.push(u.text),
        cancel: () => {},
        pause: () => {},
        resume: () => {},
      };
      Object.defineProperty(window, 'speechSynthesis', { value: engine });
    });
    await page.goto(`${siteUrl}${REPORT}part-1/`);
    const control = page.locator('read-aloud');
    await control.getByRole('button', { name: '朗读' }).click();
    await expect.poll(() => control.getByRole('status').textContent()).toBe('正在朗读');
    expect(await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken[0])).toBe('(一)坚持转型升级,经济发展集聚新动能。');
    await control.getByRole('button', { name: '暂停' }).click();
    expect(await control.getByRole('status').textContent()).toBe('已暂停');
    await control.getByRole('button', { name: '继续' }).click();
    await control.getByRole('button', { name: '停止' }).click();
    expect(await control.getByRole('status').textContent()).toBe('');
    expect(await control.getByRole('button', { name: '停止' }).isDisabled()).toBe(true);
    await page.close();
  });

  it('is hidden where the browser has no speech synthesis', async () => {
    const page = await browser().newPage();
    await page.addInitScript(() => {
      Object.defineProperty(window, 'speechSynthesis', { value: undefined });
    });
    await page.goto(`${siteUrl}${REPORT}part-1/`);
    expect(await page.locator('read-aloud').isHidden()).toBe(true);
    await page.close();
  });
});
