// Bundles bench/frames.run.ts with rolldown, like scripts/bench.mjs, and runs it in Node:
// the animation frame-time benchmark on its own. Needs a built dist/ (`npm run build`).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { build } from 'rolldown';

const out = 'node_modules/.cache/bench/frames.mjs';
mkdirSync('node_modules/.cache/bench', { recursive: true });
await build({ input: 'bench/frames.run.ts', platform: 'node', logLevel: 'warn', external: ['@playwright/test'], output: { file: out, format: 'esm' } });
const result = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
