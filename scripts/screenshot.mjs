// Takes a screenshot of the built lab, for looking at what a change did:
//   node scripts/screenshot.mjs <url-path> <out.png> [width] [height]
// Needs `npm run preview` (or any server of dist/) on E2E_PORT (default 4173).
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

const [path = '', out = 'screenshots/lab.png', width = '1280', height = '800'] = process.argv.slice(2);
const port = process.env.E2E_PORT ?? '4173';
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({ executablePath, args: ['--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
await page.goto(`http://127.0.0.1:${port}/${path}`);
await page.waitForTimeout(Number(process.env.WAIT ?? 500));
await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
await browser.close();
console.log(`wrote ${out}`);
