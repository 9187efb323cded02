/**
 * public/embed/loader.js says it is plain ES5, because the portal pages it is pasted into still serve
 * old browsers: it must parse as ES5 (acorn, ecmaVersion 5) and use none of the later built-ins those
 * browsers lack (new URL() was one). What it does is checked in Chromium by harness.test.ts.
 */
import { readFileSync } from 'node:fs';
import { parse, tokenizer } from 'acorn';
import { describe, expect, it } from 'vitest';

const source = readFileSync('public/embed/loader.js', 'utf8');

/** Globals and methods newer than ES5 / IE 9–11 that a loader for old portal browsers must not touch. */
const LATER = ['URL', 'URLSearchParams', 'Promise', 'fetch', 'Map', 'Set', 'WeakMap', 'Symbol', 'Proxy', 'Reflect', 'from', 'includes', 'startsWith', 'endsWith', 'find', 'findIndex', 'assign', 'entries', 'closest', 'append', 'remove', 'replaceAll', 'padStart', 'trimStart'];

describe('public/embed/loader.js', () => {
  it('parses as ES5 (no let/const, arrow functions, classes, template strings…)', () => {
    expect(() => parse(source, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    // The check checks: ES2015 syntax is refused at ecmaVersion 5.
    expect(() => parse('var f = () => 1;', { ecmaVersion: 5 })).toThrow();
  });

  it('uses no built-in that ES5-era browsers lack', () => {
    const names = [...tokenizer(source, { ecmaVersion: 5 })].filter((t) => t.type.label === 'name').map((t) => source.slice(t.start, t.end));
    expect(names.filter((n) => LATER.includes(n))).toEqual([]);
    expect(names).toContain('createElement');
  });
});
