import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The address is read and written in src/embed/ only, through the declarations. This
 * fails when code elsewhere reads or writes it on its own: `location.search`,
 * `location.href`, `new URLSearchParams(`, `.searchParams`, `history.replaceState`.
 */

const SRC = join(import.meta.dirname, '..');
const LOOKS_AT_ADDRESS = /location\.(search|href)|new URLSearchParams\(|\.searchParams\b|history\.(replace|push)State/;

/** The lines allowed to, each with why. A new one needs a reason as good. */
const ALLOWED: readonly { readonly file: string; readonly line: string; readonly why: string }[] = [
  {
    file: 'app/App.tsx',
    line: "return new URLSearchParams(window.location.search).get('lab');",
    why: 'the page shell picks the lab before any lab loads; it could read LAB_PARAM through readParams instead (its owner’s call)',
  },
  {
    file: 'labs/conflicts/ConflictsLab.tsx',
    line: 'const search = window.location.search;',
    why: 'the lab takes the query string once and hands it to readParams (initialStore) and to its panels, which read it the same way',
  },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'embed' && dir === SRC ? [] : sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe('who reads the address', () => {
  it('is only src/embed/, and the lines listed here', () => {
    const found = sourceFiles(SRC).flatMap((path) => {
      const file = relative(SRC, path).split('\\').join('/');
      return readFileSync(path, 'utf8')
        .split('\n')
        .map((text) => text.trim())
        .filter((text) => LOOKS_AT_ADDRESS.test(text))
        .map((line) => ({ file, line }));
    });
    const unexplained = found.filter((f) => !ALLOWED.some((a) => a.file === f.file && a.line === f.line));
    expect(unexplained).toEqual([]);
  });

  it('would notice a lab reading it', () => {
    expect(LOOKS_AT_ADDRESS.test('const q = new URLSearchParams(window.location.search);')).toBe(true);
    expect(LOOKS_AT_ADDRESS.test('url.searchParams.set("crdt", kind)')).toBe(true);
    expect(LOOKS_AT_ADDRESS.test('window.history.replaceState(null, "", href)')).toBe(true);
  });
});
