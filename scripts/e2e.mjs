// Runs the Playwright specs in whatever Chromium this machine has: $CHROMIUM_PATH if set,
// else Debian's /usr/bin/chromium, else Playwright's own download. With none, it says in
// one line what to install. Builds the app first if there is no build to test.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) if (path && existsSync(path)) return { path, source: path === process.env.CHROMIUM_PATH ? 'CHROMIUM_PATH' : 'system' };
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { path: '', source: "Playwright's own" };
  } catch {
    // No browser registry entry: fall through to the message below.
  }
  return null;
}

const found = findChromium();
if (!found) {
  console.error('No Chromium found: install one (Debian/Ubuntu: `apt-get install chromium`; elsewhere: `npx playwright install chromium`) or set CHROMIUM_PATH.');
  process.exit(1);
}
console.log(`e2e: using ${found.source} Chromium${found.path ? ` at ${found.path}` : ''}`);

if (!existsSync('dist/index.html')) {
  const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const env = { ...process.env };
if (found.path) env.CHROMIUM_PATH = found.path;
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
