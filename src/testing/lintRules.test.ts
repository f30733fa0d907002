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
