import { benchCheckers } from './checkers.ts';

/** `node scripts/bench.mjs bench/checkers.run.ts`: the consistency checkers' timings, on their own. */
console.log(benchCheckers());
