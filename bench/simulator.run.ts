import { benchSimulator } from './simulator.ts';

/**
 * `node scripts/bench.mjs bench/simulator.run.ts`: the simulator beside the bare event loop,
 * on their own (for a CPU profile, run the bundled file with `node --cpu-prof`).
 */
const { sim, bare } = benchSimulator(100_000, 7);
console.log(`simulator ${Math.round(sim.eventsPerSecond).toLocaleString('en')} events/s, bare loop ${Math.round(bare.eventsPerSecond).toLocaleString('en')} events/s, ratio ${(bare.eventsPerSecond / sim.eventsPerSecond).toFixed(2)}×, ${sim.heapMiB.toFixed(1)} MiB`);
