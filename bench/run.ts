import { benchBounded } from './bounded.ts';
import { benchCheckers } from './checkers.ts';
import { benchFrames } from './frames.ts';
import { benchSimulator } from './simulator.ts';
import { benchWars } from './wars.ts';
import { benchScrub } from './timeline.ts';

/**
 * `npm run bench`: the performance budgets of DESIGN.md, measured and printed. Figures
 * vary with the machine and what else it is doing; compare runs on one machine.
 */
const BUDGET_EVENTS_PER_SECOND = 1_000_000;
/** The simulator, tracing every message, within this factor of a bare event loop on the same workload. */
const BUDGET_RATIO = 2.5;
/** The standard run (1.3 M events) and its trace in memory. */
const BUDGET_MIB = 100;
/** PBS Monte Carlo, 100,000 trials in Node: a margin under the 250 ms the worker may take on a slower laptop. */
const BUDGET_WARS_MS = 150;

function line(name: string, value: string, budget: string, ok: boolean): void {
  console.log(`${ok ? 'ok  ' : 'OVER'}  ${name.padEnd(44)} ${value.padStart(18)}   budget ${budget}`);
}

const { sim, bare } = benchSimulator(100_000, 7);
console.log(`Simulator: standard leaderless workload (N=5, W=R=3, exponential latency), best of 7, in turns with the bare loop`);
console.log(`  ${sim.events.toLocaleString('en')} events, ${sim.messages.toLocaleString('en')} messages, ${sim.seconds.toFixed(3)} s`);
line('simulator throughput', `${Math.round(sim.eventsPerSecond).toLocaleString('en')} events/s`, `≥ ${BUDGET_EVENTS_PER_SECOND.toLocaleString('en')}`, sim.eventsPerSecond >= BUDGET_EVENTS_PER_SECOND);
console.log(`  the same workload in a bare event loop (binary heap, no trace): ${bare.events.toLocaleString('en')} events, ${bare.seconds.toFixed(3)} s`);
line('bare event loop, same run', `${Math.round(bare.eventsPerSecond).toLocaleString('en')} events/s`, '(reference)', true);
const ratio = bare.eventsPerSecond / sim.eventsPerSecond;
line('bare loop ÷ simulator', `${ratio.toFixed(2)}×`, `≤ ${BUDGET_RATIO}×`, ratio <= BUDGET_RATIO);
line('memory held by the run and its trace', `${sim.heapMiB.toFixed(1)} MiB`, `< ${BUDGET_MIB} MiB`, sim.heapMiB < BUDGET_MIB);
line('memory per event', `${Math.round((sim.heapMiB * 2 ** 20) / sim.events)} B`, `(reported)`, true);

const led = benchSimulator(100_000, 5, true);
console.log(`\nSimulator: the same stream on single-leader replication (5 replicas, two follower acknowledgements, follower reads), best of 5, in turns with the bare loop`);
console.log(`  ${led.sim.events.toLocaleString('en')} events, ${led.sim.messages.toLocaleString('en')} messages, ${led.sim.seconds.toFixed(3)} s`);
line('leader protocol throughput', `${Math.round(led.sim.eventsPerSecond).toLocaleString('en')} events/s`, `≥ ${BUDGET_EVENTS_PER_SECOND.toLocaleString('en')}`, led.sim.eventsPerSecond >= BUDGET_EVENTS_PER_SECOND);
const ledRatio = led.bare.eventsPerSecond / led.sim.eventsPerSecond;
line('bare loop ÷ leader protocol', `${ledRatio.toFixed(2)}×`, `≤ ${BUDGET_RATIO}×`, ledRatio <= BUDGET_RATIO);
line('leader protocol ÷ leaderless, events/s', `${(led.sim.eventsPerSecond / sim.eventsPerSecond).toFixed(2)}×`, '(reported)', true);

const scrub = benchScrub(2000);
console.log(`\nScrubbing: a 10-minute run, 20 operations/s, a partition every minute (${scrub.events.toLocaleString('en')} events)`);
line('run the whole 10 minutes (fork from scratch)', `${scrub.runMs.toFixed(0)} ms`, '(reported)', true);
line('index the trace for scrubbing', `${scrub.indexMs.toFixed(0)} ms`, '(reported)', true);
line('cluster state at a random moment, p50', `${scrub.p50.toFixed(3)} ms`, '(reported)', true);
line('cluster state at a random moment, p99', `${scrub.p99.toFixed(3)} ms`, '< 16.7 ms (one frame)', scrub.p99 < 16.7);

console.log('\nPBS Monte Carlo (WARS), 100,000 trials, N=3, W=R=1, in Node (the lab runs it in a Web Worker)');
for (const w of benchWars()) {
  line(`${w.id}: 100,000 trials`, `${w.ms.toFixed(0)} ms`, `≤ ${BUDGET_WARS_MS} ms`, w.ms <= BUDGET_WARS_MS);
  console.log(`      consistent right after the commit: ${(100 * w.consistentAt0).toFixed(2)}%; 99.9% consistent after ${w.visible999.toFixed(2)} ms`);
}

const checkers = benchCheckers();
console.log('\nConsistency checkers, linearizability, in Node (the lab runs them in a Web Worker); reference: Porcupine, on this kind of machine');
if (checkers.etcd) {
  line(`Porcupine's ${checkers.etcd.files} etcd logs, together`, `${checkers.etcd.totalMs.toFixed(0)} ms`, '≤ 750 ms', checkers.etcd.totalMs <= 750);
  line(`the slowest (${checkers.etcd.slowest})`, `${checkers.etcd.slowestMs.toFixed(0)} ms`, '≤ 280 ms', checkers.etcd.slowestMs <= 280);
  line('the same, witnesses shrunk for the broken ones', `${checkers.etcd.withWitnessesMs.toFixed(0)} ms`, '(reported)', true);
  line(`sequential consistency, the same logs (${checkers.etcd.sequential.undecided} undecided within its step budget)`, `${checkers.etcd.sequential.totalMs.toFixed(0)} ms`, '(reported)', true);
} else console.log('  skipped: ../shared/fixtures/porcupine-etcd is not beside this checkout');
line(`a generated history, ${checkers.generated.clients} clients, ${checkers.generated.ops.toLocaleString('en')} operations (${checkers.generated.verdict})`, `${checkers.generated.ms.toFixed(0)} ms`, '≤ 1,000 ms', checkers.generated.ms <= 1000);

const frames = await benchFrames({ seconds: 5 });
console.log(`\nAnimation: the playground in headless Chromium, 9 replicas, ${frames.inFlightMin}–${frames.inFlightMax} messages in flight, 4× speed, 5 s`);
line('1280×800 (the picture in view): frames of 300', `${frames.frames}`, '(reported)', true);
line('1280×800: frame time p50', `${frames.p50.toFixed(1)} ms`, '(reported)', true);
// Frames come at 60 Hz, so a perfect run's frame times sit either side of 16.7 ms.
line('1280×800: frame time p95', `${frames.p95.toFixed(1)} ms`, '≤ 16.7 ms (+0.8 ms vsync jitter)', frames.p95 <= 17.5);
line('1280×800: long tasks (> 50 ms)', `${frames.longTasks}`, '(reported)', true);
const tall = await benchFrames({ seconds: 5, height: 1700 });
line('1280×1700 (diagram in view too): frames of 300', `${tall.frames}`, '(reported)', true);
line('1280×1700: frame time p95', `${tall.p95.toFixed(1)} ms`, '≤ 16.7 ms (+0.8 ms vsync jitter)', tall.p95 <= 17.5);

const bounded = await benchBounded();
console.log('\nInput that asks for too much, in headless Chromium: the longest main-thread task');
// The browser reports only tasks over 50 ms: none means every task was shorter.
const task = (ms: number) => (ms === 0 ? 'none over 50 ms' : `${ms.toFixed(0)} ms`);
line('opening the hour-long 9-replica, 100-key link', task(bounded.heavyLink), '≤ 50 ms', bounded.heavyLink <= 50);
line('opening the smaller run it offers (sliced)', task(bounded.smallerRun), '≤ 50 ms', bounded.smallerRun <= 50);
line('opening a link to a 10-min, 8,000-operation run', task(bounded.longLink), '≤ 50 ms', bounded.longLink <= 50);
line('dragging its timeline end to end', task(bounded.drag), '≤ 50 ms', bounded.drag <= 50);
line('opening a 1 MB run file (12,000 operations)', task(bounded.file), '≤ 50 ms', bounded.file <= 50);
