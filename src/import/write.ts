/**
 * Reads a source file, drafts the report and writes it into a content folder: the report folder
 * (never over an existing one) and, when the town has no file yet, a draft town file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { townSchema, type Town } from '../schemas/town.ts';
import { draftReport, ImportError, type Draft } from './draft.ts';
import { declaredCharset } from './source.ts';
import { decodeBytes } from './text.ts';

export interface ImportOptions {
  file: string;
  id: string;
  town?: string;
  /** The content folder (holding site.yaml, towns/, reports/). */
  contentDir: string;
  today?: string;
}

export interface ImportResult {
  draft: Draft;
  reportDir: string;
  /** Set when a draft town file was written. */
  townFile?: string;
}

export function readTowns(contentDir: string): Map<string, Town> {
  const towns = new Map<string, Town>();
  const dir = path.join(contentDir, 'towns');
  if (!existsSync(dir)) return towns;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
    try {
      const parsed = townSchema.safeParse(parse(readFileSync(path.join(dir, name), 'utf8')));
      if (parsed.success) towns.set(name.replace(/\.yaml$/u, ''), parsed.data);
    } catch {
      // A town file that does not read is reported by npm run check, not here.
    }
  }
  return towns;
}

/** Reads a file as text: UTF-8, or the charset a saved page declares (GBK pages are common). */
export function readSourceFile(file: string): string {
  const bytes = readFileSync(file);
  return decodeBytes(bytes, /\.s?html?$/iu.test(file) ? declaredCharset(bytes) : undefined);
}

export function importFile(options: ImportOptions): ImportResult {
  if (!existsSync(options.file)) throw new ImportError(`找不到原文文件：${options.file}`);
  const reportDir = path.join(options.contentDir, 'reports', options.id);
  if (existsSync(reportDir)) {
    throw new ImportError(`报告文件夹 ${reportDir} 已经存在，不会覆盖。请换一个 --id，或先把原来的文件夹移走。`);
  }
  const draft = draftReport(readSourceFile(options.file), {
    id: options.id,
    ...(options.town ? { town: options.town } : {}),
    fileName: options.file,
    towns: readTowns(options.contentDir),
    ...(options.today ? { today: options.today } : {}),
  });
  mkdirSync(reportDir, { recursive: true });
  for (const [name, content] of Object.entries(draft.files)) writeFileSync(path.join(reportDir, name), content);
  const townPath = path.join(options.contentDir, 'towns', `${draft.townId}.yaml`);
  if (draft.townFile === undefined || existsSync(townPath)) return { draft, reportDir };
  mkdirSync(path.dirname(townPath), { recursive: true });
  writeFileSync(townPath, draft.townFile);
  return { draft, reportDir, townFile: townPath };
}
