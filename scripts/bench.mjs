// Bundles bench/run.ts with rolldown (already here as Vite's bundler) and runs it in Node
// with --expose-gc, so the benchmarks measure the same TypeScript the app ships.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { build } from 'rolldown';

const out = 'node_modules/.cache/bench/run.mjs';
mkdirSync('node_modules/.cache/bench', { recursive: true });
await build({ input: 'bench/run.ts', platform: 'node', logLevel: 'warn', output: { file: out, format: 'esm' } });
const result = spawnSync(process.execPath, ['--expose-gc', out, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
