/**
 * Golden files: the YAML the importer drafts for each input, stored beside the inputs' names in
 * tests/import/golden/<name>.yaml (every drafted YAML file of the report folder, and the draft town file
 * when there is one, as the documents of one YAML stream). Any change to a draft, wanted or not, shows
 * here as a diff to read.
 *
 * A draft that differs from its golden file fails and is written to <name>-changed.yaml beside it, to
 * compare (`diff tests/import/golden/x.yaml tests/import/golden/x-changed.yaml`); when the change is
 * wanted, move the -changed file over the golden one. A missing golden file is written from the draft,
 * except with CI=true, where it fails: expected files are never generated in CI.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftReport } from '../../src/import/draft.ts';
import { readSourceFile, readTowns } from '../../src/import/write.ts';
import { FIXTURE_DIR, NANTANG_SOURCE } from './support.ts';

const GOLDEN_DIR = path.resolve('tests/import/golden');
const REAL_DIR = path.resolve('tests/import/real');
const CI = process.env['CI'] === 'true';

interface Input {
  name: string;
  file: string;
  /** Town files the content folder already has (the draft then has no town file of its own). */
  towns: string[];
}

const sourcesIn = (dir: string): Input[] =>
  readdirSync(dir)
    .filter((f) => /\.(txt|html)$/u.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/\.(txt|html)$/u, ''), file: path.join(dir, f), towns: [] }));

/** The fictional fixtures, the real corpus, and 南塘 with its town known. */
const INPUTS: Input[] = [...sourcesIn(FIXTURE_DIR), ...sourcesIn(REAL_DIR), { name: 'nantang-2022-h1', file: NANTANG_SOURCE, towns: ['nantang'] }];

/** The drafted YAML of a report, as one stream: a document per file, in the order the draft lists them. */
function draftedYaml(input: Input): string {
  const towns = new Map([...readTowns(path.resolve('content'))].filter(([id]) => input.towns.includes(id)));
  const draft = draftReport(readSourceFile(input.file), { id: input.name, fileName: input.file, towns, today: '2024-06-30' });
  const files = Object.entries(draft.files).filter(([name]) => name.endsWith('.yaml'));
  if (draft.townFile) files.push([`towns/${draft.townId}.yaml`, draft.townFile]);
  return files.map(([name, content]) => `--- # ${name}\n${content}`).join('');
}

describe('drafted YAML against the golden files', () => {
  it.each(INPUTS)('$name', (input) => {
    const actual = draftedYaml(input);
    const expectedFile = path.join(GOLDEN_DIR, `${input.name}.yaml`);
    const changedFile = path.join(GOLDEN_DIR, `${input.name}-changed.yaml`);
    if (!existsSync(expectedFile)) {
      if (CI) throw new Error(`${expectedFile} is missing: golden files are never generated when CI=true`);
      console.warn(`! generating ${path.relative(process.cwd(), expectedFile)}`);
      writeFileSync(expectedFile, actual);
      return;
    }
    const equal = readFileSync(expectedFile, 'utf8') === actual;
    if (equal) rmSync(changedFile, { force: true });
    else writeFileSync(changedFile, actual);
    expect(equal, `the draft of ${input.name} changed: compare ${path.relative(process.cwd(), changedFile)} with ${path.relative(process.cwd(), expectedFile)}`).toBe(true);
  });
});
