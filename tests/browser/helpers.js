// Shared helpers of the browser tests.
import { expect } from '@playwright/test';
import { resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const standaloneFileUrl = pathToFileURL(resolve(root, 'dist/standalone.html')).href;
export const axePath = resolve(root, 'node_modules/axe-core/axe.min.js');

/** Records, before any navigation, what a page's CSP refused and what it
 * logged as an error, and times when each widget became ready and showed
 * results (performance.now(), ms since navigation start). */
export async function instrument(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.type()} ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await page.addInitScript(() => {
    window.__es = { violations: [], ready: null, details: null, results: [] };
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__es.violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
    document.addEventListener('entity-screen-ready', (e) => {
      window.__es.ready = { at: performance.now(), mode: e.detail.mode, timings: e.detail.timings };
    });
    document.addEventListener('entity-screen-details', (e) => {
      window.__es.details = { at: performance.now(), timings: e.detail.timings };
    });
    document.addEventListener('entity-screen-results', (e) => {
      window.__es.results.push({ at: performance.now(), query: e.detail.query, count: e.detail.matches.length });
    });
  });
  return problems;
}

/** Every request a browser context makes, from pages and workers alike. */
export function recordRequests(context) {
  const urls = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

export function searchBox(page) {
  return page.getByRole('combobox');
}

export async function typeQuery(page, text) {
  const box = searchBox(page);
  await box.click();
  await box.pressSequentially(text, { delay: 40 });
}

/** Waits until the widget shows results for exactly `query`. */
export async function waitForResults(page, query) {
  await expect
    .poll(() => page.evaluate((q) => window.__es.results.some((r) => r.query === q), query), { timeout: 30_000 })
    .toBe(true);
}

export async function widgetState(page, selector = 'entity-screen') {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    return { info: el.info, matches: el.results };
  }, selector);
}

/** A party's full records by the key of its summary, from the widget
 * (element.detail(key)). */
export async function detailOf(page, key, selector = 'entity-screen') {
  return page.evaluate(([sel, k]) => document.querySelector(sel).detail(k), [selector, key]);
}

export async function violations(page) {
  return page.evaluate(() => window.__es.violations);
}
