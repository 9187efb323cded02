/**
 * What every quality gate returns: one finding per problem, naming the page, the rule and the element,
 * and a one-command way to reproduce it (`npm run gates -- …`, see scripts/gates.ts).
 */

export const GATES = ['html', 'vnu', 'links', 'external', 'csp', 'console', 'nojs', 'axe', 'reflow', 'keyboard', 'budgets', 'cls', 'chart-clip', 'chart-text'] as const;
export type GateName = (typeof GATES)[number];

export interface Finding {
  gate: GateName;
  /** The page, as a path inside the site without the base path: `/`, `/reports/x/`, `/404.html`. */
  page: string;
  /** The rule broken: an axe rule id, an html-validate rule id, or the gate's own (dead-link…; vnu: error, fatal-error). */
  rule: string;
  message: string;
  /** Which element or file: a CSS selector, or `file:line`. */
  target?: string;
  /** The offending markup or source, shortened. */
  snippet?: string;
  /** The conditions it was seen under: `large text`, `320px`, `JavaScript off`. */
  variant?: string;
}

export interface SiteRef {
  /** The built site folder, relative to the project (default `dist`, i.e. the real site built from content/). */
  dist?: string;
  /** The base path the site was built for (default `/`). */
  base?: string;
}

/** The command that re-runs just this gate on just this page. */
export function reproCommand(finding: Pick<Finding, 'gate' | 'page'>, site: SiteRef = {}): string {
  const args = ['npm run gates --'];
  if (site.dist && site.dist !== 'dist') args.push(`--dist ${site.dist}`);
  if (site.base && site.base !== '/') args.push(`--base ${site.base}`);
  // A query string (/search/?q=…) is quoted, so the shell leaves its ? and & alone.
  const page = /[?&*\s]/.test(finding.page) ? `'${finding.page}'` : finding.page;
  args.push(`--gate ${finding.gate}`, `--page ${page}`);
  return args.join(' ');
}

const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** A readable report of findings, grouped by page and gate, each group ending with its reproduction command. */
export function formatFindings(findings: readonly Finding[], site: SiteRef = {}): string {
  if (findings.length === 0) return 'no findings';
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.gate}\u0000${f.page}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const lines = [`${findings.length} finding${findings.length === 1 ? '' : 's'}:`];
  for (const group of groups.values()) {
    const { gate, page } = group[0]!;
    lines.push('', `✗ [${gate}] page ${page}`);
    for (const f of group) {
      lines.push(`  • rule ${f.rule}${f.variant ? ` (${f.variant})` : ''}: ${clip(f.message, 500)}`);
      if (f.target) lines.push(`      element: ${clip(f.target)}`);
      if (f.snippet) lines.push(`      snippet: ${clip(f.snippet.replace(/\s+/g, ' '))}`);
    }
    lines.push(`  reproduce: ${reproCommand({ gate, page }, site)}`);
  }
  return lines.join('\n');
}
