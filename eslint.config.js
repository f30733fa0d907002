import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The folders that must stay pure: they run in Node, in workers and in tests, with no DOM. */
const PURE = ['src/sim/**/*.ts', 'src/check/**/*.ts', 'src/analysis/**/*.ts', 'src/view/**/*.ts', 'src/labs/*/model/**/*.ts'];
/** Of the pure core, the simulator and its checkers and views know nothing of labs or their addresses. */
const CORE = ['src/sim/**/*.ts', 'src/check/**/*.ts', 'src/analysis/**/*.ts', 'src/view/**/*.ts'];

/** Layers that import downwards only: a lab's pieces never reach up into the page shell, shared components never into a lab. */
const LAYERS = [
  { files: ['src/components/**/*.{ts,tsx}', 'src/store/**/*.{ts,tsx}', 'src/controller/**/*.ts', 'src/machines/**/*.ts'], group: ['**/labs/**', '**/app/**'], message: 'shared code must not import a lab or the page shell: move what both need into components/ or below.' },
  { files: ['src/labs/**/*.{ts,tsx}'], group: ['**/app/**'], message: 'a lab must not import the page shell (app/): shared hooks live in components/.' },
];

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
  ...LAYERS.map(({ files, group, message }) => ({
    files,
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] },
  })),
  {
    // DESIGN.md convention 1: the pure core (and each lab's model/) reaches nothing outside itself.
    files: PURE,
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'zustand', 'xstate', '@xstate/react', 'd3', 'd3-selection', 'd3-transition'].map((name) => ({
            name,
            message: 'sim/, check/, analysis/, view/ and labs/*/model/ are pure: no UI, state or DOM libraries here.',
          })),
          patterns: [
            { group: ['**/store/**', '**/components/**', '**/machines/**', '**/app/**', '**/ui/**'], message: 'the pure core must not import the UI layers.' },
            // A lab's model may declare its address (embed/params.ts is pure); the page's address itself is not.
            { group: ['**/embed/address*'], message: 'the pure core must not touch the page address: take the search string as an argument.' },
          ],
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
  {
    // After the block above, so for the core these import rules are the ones that hold.
    files: CORE,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'zustand', 'xstate', '@xstate/react', 'd3', 'd3-selection', 'd3-transition'].map((name) => ({ name, message: 'the core is pure: no UI or state libraries here.' })),
          patterns: [{ group: ['**/store/**', '**/components/**', '**/machines/**', '**/app/**', '**/labs/**', '**/embed/**', '**/controller/**'], message: 'the core must not import the UI layers, a lab or the address.' }],
        },
      ],
    },
  },
);
