// Browser batch benchmark: screens N names (default 100,000; the names of
// tests/data/batch_2000.txt repeated) with <entity-screen-batch> in
// dist/standalone.html from file://, in headless Chromium (the apt one), and
// prints the seconds, the CSV export's seconds, and the longest main-thread
// tasks seen (PerformanceObserver 'longtask', 50 ms and more).
// Usage: node scripts/bench-batch-browser.mjs [N]   (after scripts/build-web)
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const n = Number(process.argv[2] || 100_000);
const lines = readFileSync(resolve(root, 'tests/data/batch_2000.txt'), 'utf8').trim().split('\n');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
await page.goto(pathToFileURL(resolve(root, 'dist/standalone.html')).href);
const text = Array.from({ length: n }, (_, i) => lines[i % lines.length]).join('\n');
const r = await page.evaluate(async (t) => {
  const el = document.querySelector('entity-screen-batch');
  await el.screen(['warm-up']);
  const tasks = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) tasks.push(Math.round(e.duration));
  }).observe({ type: 'longtask' });
  const t0 = performance.now();
  const res = await el.screen(t);
  const seconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const csv = await el.toCSV();
  const csvSeconds = (performance.now() - t1) / 1000;
  await new Promise((done) => setTimeout(done, 200));
  return { rows: res.rows.length, seconds, csvSeconds, csvBytes: csv.length, longestTasksMs: tasks.sort((a, b) => b - a).slice(0, 5) };
}, text);
console.log(JSON.stringify({ ...r, namesPerSecond: Math.round(r.rows / r.seconds), loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') }));
await browser.close();
