import { benchBounded } from './bounded.ts';

/** `node scripts/bench.mjs bench/bounded.run.ts`: the longest tasks where input once locked the tab, on their own. */
console.log(await benchBounded());
