/**
 * The editor's JSON Schemas are generated, never hand-written: the files in the repo must equal what
 * the zod schemas give today, and they must accept the real content and mark what zod would refuse.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONTENT_SCHEMAS } from '../../src/schemas/index.ts';
import { editorFiles, jsonSchemaOf } from '../../src/schemas/json-schema.ts';

describe('editor JSON Schemas', () => {
  it.each(editorFiles())('$file is up to date (run `npm run schemas` after changing a zod schema)', ({ file, text }) => {
    expect(readFileSync(path.resolve(file), 'utf8')).toBe(text);
  });

  const ajv = new Ajv2020({ allErrors: true, strict: false });
  // The real reports, and the fixture that has the optional files the real ones lack (outcomes.yaml).
  const roots = ['content', 'tests/fixtures/multi/content'];
  const reportDirs = roots.flatMap((root) => readdirSync(path.resolve(root, 'reports')).map((r) => path.resolve(root, 'reports', r)));

  it.each(CONTENT_SCHEMAS.filter((s) => s.glob.startsWith('content/reports/')))('accepts every $name file of the real and fixture reports', ({ glob, schema }) => {
    const validate = ajv.compile(jsonSchemaOf(schema));
    const files = reportDirs.map((dir) => path.join(dir, path.basename(glob))).filter((f) => existsSync(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(validate(parse(readFileSync(file, 'utf8'))), `${file}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('marks an unknown key and a wrong type as the editor types them, with the Chinese field help', () => {
    const schema = jsonSchemaOf(CONTENT_SCHEMAS.find((s) => s.name === 'indicators')!.schema);
    const validate = ajv.compile(schema);
    const typo = { indicators: [{ id: 'x', name: '产值', point: 's1', vaule: 1, quote: '产值1亿元' }] };
    expect(validate(typo)).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'additionalProperties' && e.params['additionalProperty'] === 'vaule')).toBe(true);
    expect(validate({ indicators: [{ id: 'x', name: '产值', point: 's1', value: '4.91亿', unit: '亿元', quote: '产值4.91亿元' }] })).toBe(false);
    const item = (schema['properties'] as Record<string, { items: { properties: Record<string, { description?: string }> } }>)['indicators']!.items;
    expect(item.properties['value']!.description).toMatch(/^数值/);
  });
});
