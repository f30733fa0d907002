import { readFileSync } from 'node:fs';
import { runCli } from './checkHistory.ts';

/* `npm run check-history -- [--json] FILE...`, bundled and run by scripts/check-history.mjs. */
process.exitCode = runCli(
  process.argv.slice(2),
  (file) => readFileSync(file, 'utf8'),
  (line) => console.log(line),
  (line) => console.error(line),
);
