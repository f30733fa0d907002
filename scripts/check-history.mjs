// `npm run check-history -- [--json] FILE...`: bundles src/cli/main.ts with rolldown (Vite's
// bundler, already installed) and runs it in Node, so the checkers the command runs are the
// TypeScript the app ships.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { build } from 'rolldown';

const out = 'node_modules/.cache/cli/check-history.mjs';
mkdirSync('node_modules/.cache/cli', { recursive: true });
await build({ input: 'src/cli/main.ts', platform: 'node', logLevel: 'warn', output: { file: out, format: 'esm' } });
const result = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
