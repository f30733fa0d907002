import { benchSimulator } from './simulator.ts';
const r = benchSimulator(100_000, 3);
console.log(Math.round(r.eventsPerSecond));
