/**
 * The editor's JSON Schemas, generated from the zod schemas (the single source of truth): field
 * descriptions become hover help, enums become completion, unknown keys are marked as errors.
 */
import { z } from 'zod';
import { CONTENT_SCHEMAS } from './index.ts';

export const SCHEMA_DIR = 'schemas';

export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** Every generated file: one schema per content file kind, and the VS Code settings that attach them. */
export function editorFiles(): { file: string; text: string }[] {
  const schemas = CONTENT_SCHEMAS.map(({ name, glob, schema }) => ({
    file: `${SCHEMA_DIR}/${name}.schema.json`,
    glob,
    text: `${JSON.stringify({ ...jsonSchemaOf(schema), title: schema.description ?? name }, null, 2)}\n`,
  }));
  const settings = {
    'yaml.schemas': Object.fromEntries(schemas.map((s) => [`./${s.file}`, s.glob])),
    'yaml.validate': true,
    'yaml.completion': true,
    'yaml.hover': true,
    'files.encoding': 'utf8',
    '[yaml]': { 'editor.insertSpaces': true, 'editor.tabSize': 2, 'editor.autoIndent': 'keep' },
  };
  return [
    ...schemas.map(({ file, text }) => ({ file, text })),
    { file: '.vscode/settings.json', text: `${JSON.stringify(settings, null, 2)}\n` },
    { file: '.vscode/extensions.json', text: `${JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2)}\n` },
  ];
}
