/**
 * The last resort of `npm run check` and `npm run build`: an exception while loading that no check
 * turned into a problem (a bug) is told in Chinese, naming the file being read, without a stack trace.
 * The bug is simulated: reading a narrative with a marker in it throws.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ContentLoadError, loadContent, unexpectedFailure } from '../../src/model/load.ts';

vi.mock('../../src/model/narrative.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/model/narrative.ts')>();
  return {
    ...real,
    parseNarrative: (text: string) => {
      if (text.includes('这里有一个程序错误')) throw new TypeError('Cannot read properties of undefined (reading \'children\')\n    at parseNarrative (narrative.ts:1:1)');
      return real.parseNarrative(text);
    },
  };
});

const root = mkdtempSync(path.join(tmpdir(), 'guard-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('an unexpected exception while loading', () => {
  it('names the file being read and is told in Chinese, with one line of detail and no stack frame', () => {
    cpSync(path.resolve('tests/fixtures/minimal/content'), path.join(root, 'content'), { recursive: true });
    const narrative = path.join(root, 'content/reports/testtown-2023-h1/narrative.md');
    writeFileSync(narrative, `${readFileSync(narrative, 'utf8')}\n这里有一个程序错误。\n`);
    let thrown: unknown;
    try {
      loadContent(path.join(root, 'content'), root);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContentLoadError);
    expect((thrown as ContentLoadError).file).toBe('content/reports/testtown-2023-h1/narrative.md');
    expect(unexpectedFailure(thrown)).toMatchInlineSnapshot(`
      "读取 content/reports/testtown-2023-h1/narrative.md 时出现了意外的错误，内容检查没有完成。这多半是程序的问题，而不是内容写错了：请把这条消息转给技术人员。
      技术细节：Cannot read properties of undefined (reading 'children')"
    `);
  });
});
