import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The folders that must stay pure: they run in Node, in workers and in tests, with no DOM. */
const PURE = ['src/sim/**/*.ts', 'src/check/**/*.ts', 'src/analysis/**/*.ts', 'src/view/**/*.ts'];

/**
 * An assertion whose subject is a literal checks nothing: `expect(true).toBe(true)`,
 * `expect(1).toEqual(1)`, `expect('x').toBeTruthy()`, `assert(true)`. In the AST the
 * literal is the first argument of the call to `expect`, not of the matcher (a selector on
 * the matcher's call never matched). Tested in src/testing/lintRules.test.ts.
 */
export const LITERAL_ASSERTIONS = [
  {
    selector: "CallExpression[callee.name='expect'][arguments.0.type='Literal']",
    message: 'an assertion on a literal checks nothing: assert on what the code computed',
  },
  {
    selector: "CallExpression[callee.name='expect'][arguments.0.type='TemplateLiteral'][arguments.0.expressions.length=0]",
    message: 'an assertion on a literal checks nothing: assert on what the code computed',
  },
  {
    selector: "CallExpression[callee.name='assert'][arguments.0.type='Literal']",
    message: 'an assertion on a literal checks nothing: assert on what the code computed',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/', '.scratch/', 'screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...LITERAL_ASSERTIONS],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // DESIGN.md convention 1: the pure core reaches nothing outside itself.
    files: PURE,
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'zustand', 'xstate', '@xstate/react', 'd3', 'd3-selection', 'd3-transition'].map((name) => ({
            name,
            message: 'sim/, check/, analysis/ and view/ are pure: no UI, state or DOM libraries here.',
          })),
          patterns: [{ group: ['**/store/**', '**/components/**', '**/machines/**', '**/app/**', '**/labs/**', '**/embed/**'], message: 'the pure core must not import the UI layers.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'setTimeout', 'setInterval', 'requestAnimationFrame', 'performance', 'fetch'].map((name) => ({
          name,
          message: 'the pure core takes time and I/O as inputs; it never reaches for them.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'use the seeded rng in src/sim/rng.ts' },
        { object: 'Date', property: 'now', message: 'virtual time only: take the time as an argument' },
      ],
    },
  },
);
