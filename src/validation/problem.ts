/** A problem found in the content, located for the editor: `file:line:column  field.path  message`. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based; 0 when the problem concerns the file as a whole. */
  line: number;
  column: number;
  /** Dotted field path such as `indicators.2.value`, or '' for the whole file. */
  field: string;
  /** In Chinese, with the value found and what was expected. */
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  const kind = p.severity === 'error' ? '错误' : '警告';
  return `${where}  ${p.field || '-'}  ${kind}：${p.message}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Problems in reading order: by file, then line, then column. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
