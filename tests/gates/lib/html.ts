/**
 * Valid HTML gate: every page through html-validate's Node API with the project's .htmlvalidate.json
 * (html-validate:recommended). Errors are findings; so are warnings, a gate has no "probably fine".
 */
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import type { Finding } from './findings.ts';
import type { SitePage } from './site.ts';
import { readFileSync } from 'node:fs';

let validator: HtmlValidate | undefined;

export async function checkHtml(pages: readonly SitePage[]): Promise<Finding[]> {
  validator ??= new HtmlValidate(new FileSystemConfigLoader());
  const findings: Finding[] = [];
  for (const page of pages) {
    const report = await validator.validateFile(page.file);
    const source = readFileSync(page.file, 'utf8');
    for (const result of report.results) {
      for (const m of result.messages) {
        const at = m.offset ?? 0;
        const start = source.lastIndexOf('<', at);
        const end = source.indexOf('>', at);
        findings.push({
          gate: 'html',
          page: page.path,
          rule: m.ruleId,
          message: `${m.message} (line ${m.line}, column ${m.column})${m.ruleUrl ? ` — ${m.ruleUrl}` : ''}`,
          ...(m.selector ? { target: m.selector } : {}),
          snippet: source.slice(Math.max(0, start), end < 0 ? at + 120 : Math.min(end + 1, at + 240)),
        });
      }
    }
  }
  return findings;
}
