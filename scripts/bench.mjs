// Bundles a benchmark entry (default bench/run.ts) with rolldown, already here as Vite's
// bundler, and runs it in Node with --expose-gc, so benchmarks measure the same
// TypeScript the app ships. `node scripts/bench.mjs bench/frames.run.ts` runs one alone.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import { build } from 'rolldown';

const args = process.argv.slice(2);
const input = args[0]?.endsWith('.ts') ? args.shift() : 'bench/run.ts';
const out = `node_modules/.cache/bench/${basename(input, '.ts')}.mjs`;
mkdirSync('node_modules/.cache/bench', { recursive: true });
// Playwright stays a package import: bundled, it breaks (and weighs 7 MB).
await build({ input, platform: 'node', logLevel: 'warn', external: ['@playwright/test'], output: { file: out, format: 'esm' } });
const result = spawnSync(process.execPath, ['--expose-gc', out, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
