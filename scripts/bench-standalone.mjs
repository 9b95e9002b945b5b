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
  const results = files.map((file) => ({ file, path: resolve(file), ready: [], details: [] }));
  // The files take turns, run by run, so a machine that gets busier or
  // quieter during the benchmark weighs on each alike; run -1 warms up (the
  // OS file cache, Chromium's own start) and is not counted.
  for (let r = -1; r < runs; r++) {
    for (const f of results) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__t = { longTasks: [] };
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__t.longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
        }).observe({ type: 'longtask', buffered: true });
        document.addEventListener('DOMContentLoaded', () => (window.__t.parsed = performance.now()));
        document.addEventListener('entity-screen-ready', (e) => {
          window.__t.ready = performance.now();
          window.__t.timings = e.detail.timings;
        });
        document.addEventListener('entity-screen-details', () => (window.__t.details = performance.now()));
      });
      await page.goto(pathToFileURL(f.path).href);
      await page.waitForFunction(() => window.__t.details !== undefined, null, { timeout: 60_000 });
      const t = await page.evaluate(() => window.__t);
      if (process.env.BENCH_VERBOSE) console.error(f.file, JSON.stringify(t));
      if (r >= 0) {
        f.ready.push(Math.round(t.ready));
        f.details.push(Math.round(t.details));
      }
      await context.close();
    }
  }
  for (const f of results) {
    console.log(
      JSON.stringify({ file: f.file, bytes: statSync(f.path).size, runs, searchReadyMs: stats(f.ready), detailsReadyMs: stats(f.details) }),
    );
  }
} finally {
  await browser.close();
}
