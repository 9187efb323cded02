/**
 * The editor's guide covers every content file and every field: the prose names each file, and the
 * site page's field reference (generated from the schemas) lists each field with its Chinese help.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { fieldReference } from '../../src/editor/field-docs.ts';
import { CONTENT_SCHEMAS } from '../../src/schemas/index.ts';

const guide = readFileSync(path.resolve('docs/editor-guide.md'), 'utf8');
const page = parse(readFileSync(path.join(inject('gates').dist, 'help/editor/index.html'), 'utf8'));

describe('editor’s guide', () => {
  it.each(CONTENT_SCHEMAS)('explains $glob in words', ({ glob }) => {
    expect(guide).toContain(path.basename(glob).replace('*.yaml', '.yaml').replace('*', ''));
  });

  it('documents every field on the site, each with its description', () => {
    const rows = page.querySelectorAll('#fields ~ section tbody tr').map((tr) => tr.querySelectorAll('th, td').map((c) => c.textContent.trim()));
    const reference = fieldReference();
    expect(rows.length).toBe(reference.reduce((n, f) => n + f.fields.length, 0));
    const figureValue = rows.find((r) => r[0] === 'indicators[].value');
    expect(figureValue?.[3]).toMatch(/^数值，照原文/);
    expect(rows.find((r) => r[0] === 'outcomes[].status')?.[2]).toBe('done / in-progress / not-done');
  });

  it('shows the guide’s steps on the site with linkable headings', () => {
    const headings = page.querySelectorAll('.guide h2[id^="section-"]');
    expect(headings.map((h) => h.textContent)).toContain('三、发布新一期报告');
    expect(new Set(headings.map((h) => h.id)).size).toBe(headings.length);
    expect(page.textContent).toContain('npm run new-report -- nantang-2022-h2 --from nantang-2022-h1');
  });
});
