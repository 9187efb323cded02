/**
 * The field reference of the editor's guide, generated from the same JSON Schemas the editor uses
 * (themselves generated from the zod schemas): one table per content file, never written by hand.
 */
import { CONTENT_SCHEMAS } from '../schemas/index.ts';
import { jsonSchemaOf } from '../schemas/json-schema.ts';

interface JsonSchema {
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  default?: unknown;
  anyOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
}

export interface FieldDoc {
  /** Dotted path; `[]` marks a list item: indicators[].growth.kind */
  path: string;
  required: boolean;
  type: string;
  description: string;
}

const TYPE_NAMES: Record<string, string> = { string: '文本', number: '数字', integer: '整数', boolean: '是/否', array: '列表', object: '一组字段' };

function typeOf(s: JsonSchema): string {
  if (s.enum) return s.enum.map(String).join(' / ');
  if (s.anyOf) return s.anyOf.map(typeOf).join(' 或 ');
  return TYPE_NAMES[s.type ?? ''] ?? s.type ?? '';
}

function walk(schema: JsonSchema, prefix: string, required: boolean, out: FieldDoc[]) {
  if (prefix) out.push({ path: prefix, required, type: typeOf(schema), description: schema.description ?? '' });
  if (schema.type === 'array' && schema.items) walk(schema.items, `${prefix}[]`, true, out);
  const itemOrSelf = schema.type === 'array' ? undefined : schema;
  for (const [key, child] of Object.entries(itemOrSelf?.properties ?? {})) {
    walk(child, prefix ? `${prefix}.${key}` : key, (itemOrSelf?.required ?? []).includes(key), out);
  }
  if (schema.type === 'object' && typeof schema.additionalProperties === 'object') {
    walk(schema.additionalProperties, `${prefix}.<名称>`, false, out);
  }
}

/** Every content file with its fields, in the order an editor meets them. */
export function fieldReference(): { file: string; title: string; fields: FieldDoc[] }[] {
  return CONTENT_SCHEMAS.map(({ glob, schema }) => {
    const json = jsonSchemaOf(schema) as JsonSchema;
    const fields: FieldDoc[] = [];
    walk(json, '', true, fields);
    // A list item's own row says nothing its fields do not.
    return { file: glob, title: schema.description ?? glob, fields: fields.filter((f) => !(f.path.endsWith('[]') && f.type === '一组字段')) };
  });
}
