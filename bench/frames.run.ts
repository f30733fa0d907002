import { benchFrames } from './frames.ts';

/** `node scripts/bench.mjs bench/frames.run.ts [seconds]`: the animation frame-time benchmark on its own. */
const seconds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
const r = await benchFrames({ seconds, profile: process.argv.includes('--profile') });
const ms = (x: number) => `${x.toFixed(1)} ms`;
console.log(`Animation: playground, 9 replicas, ${r.inFlightMin}–${r.inFlightMax} messages in flight, 4× speed, ${seconds} s`);
console.log(`  ${r.frames} frames: p50 ${ms(r.p50)}, p95 ${ms(r.p95)} (budget ≤ 16.7 ms), max ${ms(r.max)}; ${r.longTasks} long tasks`);

if (r.hot) console.log(r.hot.map((h) => `  ${h}`).join('\n'));
