/**
 * The layers of src/ stay a straight line (content → schemas and validation → model and view → pages →
 * client): no module imports itself back through others, and no module below the pages reads content
 * from a global or the environment (src/pages/_site.ts is the pages' one accessor).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');
const files = readdirSync(SRC, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(ts|astro)$/.test(e.name))
  .map((e) => path.join(e.parentPath, e.name));

/** Relative imports of a module, static and dynamic, type-only ones included (they tie the layers too). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\s*\(\s*['"](\.[^'"]+)['"]\s*\)|import\s+['"](\.[^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
  return specifiers.map((s) => path.resolve(path.dirname(file), s)).filter((target) => files.includes(target));
}

describe('src/ imports', () => {
  it('have no cycle', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(SRC, f)).join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of graph.get(file)!) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('read content and settings only where the pages start: no global, no environment below them', () => {
    // The accessor and the channel it reads; the build hands its own environment (PATH…) on to Astro.
    const allowed = new Set(['pages/_site.ts', 'build-channel.ts', 'build.ts']);
    const readers = files
      .filter((f) => !allowed.has(path.relative(SRC, f)) && !path.relative(SRC, f).startsWith('import/'))
      .filter((f) => /process\.env|(?<![.\w])getContent\(|import\.meta\.env/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(SRC, f));
    expect(readers).toEqual([]);
  });
});
