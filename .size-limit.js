// What `npm run size` measures: for each lab, the JavaScript its first screen loads, as the
// build's manifest says (the entry, the lab's chunk, and every chunk they import
// statically). What a lab loads later, through dynamic import(), is left out, and so is
// every other lab's code: no list of exclusions to keep up to date by hand.
import { existsSync, readFileSync } from 'node:fs';

const MANIFEST = 'dist/.vite/manifest.json';
if (!existsSync(MANIFEST)) throw new Error(`${MANIFEST} is missing: run \`npm run build\` first (npm run size does).`);
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));

/** Files loaded up front from these manifest keys: them, and what they import statically. */
function firstScreen(keys) {
  const seen = new Set();
  const stack = [...keys];
  while (stack.length > 0) {
    const key = stack.pop();
    if (seen.has(key)) continue;
    seen.add(key);
    stack.push(...(manifest[key].imports ?? []));
  }
  return [...seen].map((key) => `dist/${manifest[key].file}`);
}

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const labs = Object.keys(manifest).filter((key) => /^src\/labs\/[^/]+\/[A-Za-z]+Lab\.tsx$/.test(key));
const labId = (key) => key.split('/')[2];

export default [
  {
    name: 'first screen of the whole app: shell + the default page (the course path)',
    path: firstScreen([entry, labs.find((key) => labId(key) === 'start')]),
    limit: '150 KB',
    gzip: true,
  },
  ...labs.map((key) => ({
    name: `one embedded lab: ?lab=${labId(key)} (what loads after its first screen is left out)`,
    path: firstScreen([entry, key]),
    limit: '120 KB',
    gzip: true,
  })),
];
