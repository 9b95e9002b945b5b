// Figures, not asserts: cold start to the first result and the longest
// main-thread task while typing. Written to test-results/perf.json and
// printed; nothing here fails on a slow machine.
import { test, expect } from '@playwright/test';
import { writeFileSync, mkdirSync, readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { instrument, waitForResults, searchBox, root, standaloneFileUrl } from './helpers.js';

const out = resolve(root, 'test-results/perf.json');

function record(key, value) {
  mkdirSync(resolve(root, 'test-results'), { recursive: true });
  const all = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : {};
  all[key] = value;
  writeFileSync(out, JSON.stringify(all, null, 2) + '\n');
  console.log(`PERF ${key}: ${JSON.stringify(value)}`);
}

async function observeLongTasks(page) {
  await page.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

for (const [name, url] of [
  ['demo (loader=script, CSP)', '/index.html'],
  ['fetch loader', '/test/fetch.html'],
  ['standalone (file://)', standaloneFileUrl],
]) {
  test(`cold start to the first result for Candiru and the longest main-thread task while typing: ${name}`, async ({ page }) => {
    await instrument(page);
    await observeLongTasks(page);
    await page.goto(url);
    const box = searchBox(page);
    await box.click();
    const typingFrom = await page.evaluate(() => performance.now());
    await box.pressSequentially('Candiru', { delay: 60 });
    await waitForResults(page, 'Candiru');
    await expect(page.getByRole('option').first()).toContainText('Candiru');
    // Keep typing after the data is in: searches while the user types.
    for (const q of [' Ltd', '']) await box.pressSequentially(q, { delay: 60 });
    await box.fill('');
    await box.pressSequentially('nso group', { delay: 60 });
    await waitForResults(page, 'nso group');
    const typingTo = await page.evaluate(() => performance.now());
    const figures = await page.evaluate(
      ([from, to]) => {
        const during = window.__longtasks.filter((t) => t.start + t.duration >= from && t.start <= to);
        const first = window.__es.results.find((r) => r.query === 'Candiru');
        return {
          firstResultMs: Math.round(first.at),
          readyMs: Math.round(window.__es.ready.at),
          // When the details file was in and attached (detail views open at once from then on).
          detailsMs: window.__es.details ? Math.round(window.__es.details.at) : null,
          mode: window.__es.ready.mode,
          wasm: Object.fromEntries(Object.entries(window.__es.ready.timings).map(([k, v]) => [k + 'Ms', Math.round(v)])),
          longTasksWhileTyping: during.length,
          longestTaskWhileTypingMs: Math.round(Math.max(0, ...during.map((t) => t.duration))),
          longestTaskOverallMs: Math.round(Math.max(0, ...window.__longtasks.map((t) => t.duration))),
        };
      },
      [typingFrom, typingTo],
    );
    record(name, figures);
  });
}
