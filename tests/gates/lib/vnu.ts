/**
 * Nu Html Checker gate: every page through vnu.jar (the npm package vnu-jar, the checker behind
 * validator.w3.org/nu), errors only. It parses as browsers do and checks the HTML standard's content
 * models, so it catches what html-validate lets through: a <script> after </html> (a "stray start tag",
 * fatal for the checker) passed html-validate on /search/.
 *
 * The JVM takes about a second to start and warm up, so all pages — of several built folders — go
 * through one `java -jar vnu.jar` run, never one per page.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Finding } from './findings.ts';
import type { SitePage } from './site.ts';

/** vnu.jar as shipped by the vnu-jar package (its main export is the jar's path). */
export const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'));

/** One message of vnu's `--format json` output (https://github.com/validator/validator/wiki/Output-»-JSON). */
export interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url: string;
  message: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  extract?: string;
}

/**
 * Java is not an npm package: vnu-jar's own installer would download a JDK from GitHub, which CI cannot
 * reach (and npm does not run its install script here), so the gate uses the system's `java` and says
 * plainly what to install when there is none.
 */
function requireJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'The vnu gate (Nu Html Checker) needs Java, and `java` was not found. Install a JRE, on Debian: ' +
        'apt-get install default-jre-headless (.ci/run does it on a fresh machine).',
    );
  }
}

/**
 * Runs vnu once over the files and returns its error messages by absolute file path (a file with no
 * errors is absent). Throws when vnu itself fails (no Java, no JSON output).
 */
export async function runVnu(files: readonly string[]): Promise<Map<string, VnuMessage[]>> {
  const byFile = new Map<string, VnuMessage[]>();
  if (files.length === 0) return byFile;
  requireJava();
  // -Xss: vnu's schema check recurses deeply and asks for at least 512k of thread stack.
  // --no-langdetect: the pages say lang="zh-CN"; the guesser is slow and, errors-only, unused anyway.
  const args = ['-Xss4m', '-jar', VNU_JAR, '--errors-only', '--no-langdetect', '--format', 'json', '--stdout', ...files];
  const { stdout, stderr, code } = await new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve, reject) => {
    const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout: out, stderr: err, code: status }));
  });
  let parsed: { messages?: VnuMessage[] };
  try {
    parsed = JSON.parse(stdout) as { messages?: VnuMessage[] };
  } catch {
    throw new Error(`vnu.jar gave no JSON report (exit ${code}):\n${stdout.slice(0, 2000)}\n${stderr.slice(0, 2000)}`);
  }
  for (const m of parsed.messages ?? []) {
    // Errors-only still lets "info" through for some notes; only errors and I/O failures count.
    if (m.type === 'info') continue;
    // vnu names a file `file:/abs/path` (one slash), possibly percent-encoded.
    const file = path.resolve(decodeURIComponent(m.url.replace(/^file:(\/\/)?/, '')));
    byFile.set(file, [...(byFile.get(file) ?? []), m]);
  }
  return byFile;
}

/** vnu's messages for a page, as gate findings. */
export function vnuFindings(page: SitePage, messages: readonly VnuMessage[]): Finding[] {
  return messages.map((m) => {
    const line = m.lastLine ?? m.firstLine;
    const where = line === undefined ? '' : ` (line ${line}${m.firstColumn !== undefined ? `, column ${m.firstColumn}` : ''})`;
    return {
      gate: 'vnu',
      page: page.path,
      // vnu has no rule ids: the kind of message says whether the checker could go on after it.
      rule: m.type === 'non-document-error' ? 'io-error' : m.subType === 'fatal' ? 'fatal-error' : 'error',
      message: `${m.message}${where}`,
      // The file as the site serves it: /search/index.html:2.
      ...(line !== undefined ? { target: `${page.path.endsWith('/') ? `${page.path}index.html` : page.path}:${line}` } : {}),
      ...(m.extract ? { snippet: m.extract } : {}),
    };
  });
}

/** Every page through one vnu run: the findings, page by page. */
export async function checkVnu(pages: readonly SitePage[]): Promise<Finding[]> {
  const byFile = await runVnu([...new Set(pages.map((p) => path.resolve(p.file)))]);
  return pages.flatMap((p) => vnuFindings(p, byFile.get(path.resolve(p.file)) ?? []));
}
