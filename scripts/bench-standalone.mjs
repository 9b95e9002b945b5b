// Cold start of standalone.html from file:// in headless Chromium: ms from
// navigation to search-ready (the `entity-screen-ready` event) and to
// details-ready (`entity-screen-details`), each run in a fresh browser
// context. Prints one JSON line per file (median, min, max of the runs) and
// asserts nothing.
// Usage: node scripts/bench-standalone.mjs [--runs N] [FILE.html ...]
//        (default: dist/standalone.html, 7 runs)
import { chromium } from '@playwright/test';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let runs = 7;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else files.push(args[i]);
}
if (!(runs >= 1)) throw new Error('--runs takes a positive number');
if (files.length === 0) files.push('dist/standalone.html');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};
try {
  for (const file of files) {
    const path = resolve(file);
    const ready = [];
    const details = [];
    // Runs alternate with the other files' only through their order on the
    // command line; one warm-up run first (the OS file cache, Chromium's own start).
    for (let r = -1; r < runs; r++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__t = {};
        document.addEventListener('DOMContentLoaded', () => (window.__t.parsed = performance.now()));
        document.addEventListener('entity-screen-ready', (e) => {
          window.__t.ready = performance.now();
          window.__t.timings = e.detail.timings;
        });
        document.addEventListener('entity-screen-details', () => (window.__t.details = performance.now()));
      });
      await page.goto(pathToFileURL(path).href);
      await page.waitForFunction(() => window.__t.details !== undefined, null, { timeout: 60_000 });
      const t = await page.evaluate(() => window.__t);
      if (process.env.BENCH_VERBOSE) console.error(JSON.stringify(t));
      if (r >= 0) {
        ready.push(Math.round(t.ready));
        details.push(Math.round(t.details));
      }
      await context.close();
    }
    console.log(JSON.stringify({ file, bytes: statSync(path).size, runs, searchReadyMs: stats(ready), detailsReadyMs: stats(details) }));
  }
} finally {
  await browser.close();
}
