// The promises the widget makes about privacy and safety: nothing leaves the
// page, the CSP holds, and hostile text is only ever shown as text.
import { test, expect } from '@playwright/test';
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  instrument,
  recordRequests,
  typeQuery,
  waitForResults,
  widgetState,
  violations,
  standaloneFileUrl,
  root,
  searchBox,
} from './helpers.js';

const HOSTILE_DATASET = resolve(root, 'test-results/fixtures/hostile.esd');

/** Searches a few names and opens a detail view: everything a visitor does. */
async function exercise(page) {
  for (const q of ['Saito Tech', 'NSO Group', 'Candiru']) {
    const box = searchBox(page);
    await box.fill('');
    await typeQuery(page, q);
    await waitForResults(page, q);
  }
  await page.getByRole('option').first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
}

test('the demo page served over HTTP makes no request beyond its own files', async ({ page, context, baseURL }) => {
  const problems = await instrument(page);
  const urls = recordRequests(context);
  await page.goto('/index.html');
  await exercise(page);
  const foreign = urls.filter((u) => !u.startsWith(baseURL + '/') && !u.startsWith(`blob:${baseURL}/`));
  expect(foreign).toEqual([]);
  const own = urls.filter((u) => u.startsWith(baseURL + '/')).map((u) => new URL(u).pathname);
  expect([...new Set(own)].sort()).toEqual(['/demo.css', '/demo.js', '/entity-screen.js', '/entity-screen.wasm.js', '/index.html']);
  expect(problems).toEqual([]);
});

test('the standalone page works from file:// and makes no request beyond the file itself', async ({ page, context }) => {
  const problems = await instrument(page);
  const urls = recordRequests(context);
  await page.goto(standaloneFileUrl);
  await exercise(page);
  await expect(page.getByRole('option').first()).toBeVisible();
  const foreign = urls.filter((u) => u !== standaloneFileUrl && !u.startsWith('blob:null/'));
  expect(foreign).toEqual([]);
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
  const { info } = await widgetState(page);
  expect(info.lists.length).toBe(19);
});

test('the standalone page served over HTTP makes no request beyond itself', async ({ page, context, baseURL }) => {
  await instrument(page);
  const urls = recordRequests(context);
  await page.goto('/standalone.html');
  await exercise(page);
  const foreign = urls.filter((u) => u !== `${baseURL}/standalone.html` && !u.startsWith(`blob:${baseURL}/`));
  expect(foreign).toEqual([]);
});

test('the bundle works under the demo CSP that forbids every connection, with no violation or console error', async ({ page }) => {
  const problems = await instrument(page);
  await page.goto('/index.html');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("connect-src 'none'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  await exercise(page);
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
  // The page really cannot connect anywhere: its own fetch is refused.
  const fetched = await page.evaluate(() => fetch('/index.html').then(() => 'fetched', () => 'refused'));
  expect(fetched).toBe('refused');
  expect(await page.evaluate(() => window.__es.ready.mode)).toBe('worker');
});

test('the default loader compiles the .wasm while it streams in, in a Worker', async ({ page, context, baseURL }) => {
  const problems = await instrument(page);
  const urls = recordRequests(context);
  await page.goto('/test/fetch.html');
  await typeQuery(page, 'Candiru');
  await waitForResults(page, 'Candiru');
  expect(urls).toContain(`${baseURL}/entity-screen.wasm`);
  expect(await page.evaluate(() => window.__es.ready.mode)).toBe('worker');
  expect(problems).toEqual([]);
});

test('the loader falls back to compiling bytes when the server sends the wrong Content-Type', async ({ page }) => {
  const problems = await instrument(page);
  await page.goto('/test/wrong-mime.html');
  await expect.poll(() => page.evaluate(() => !!window.__es.ready), { timeout: 30_000 }).toBe(true);
  await typeQuery(page, 'Candiru');
  await waitForResults(page, 'Candiru');
  await expect(page.getByRole('option').first()).toContainText('Candiru');
  expect(problems.filter((p) => !/MIME|Content-Type|compileStreaming/i.test(p))).toEqual([]);
});

test('a page whose CSP forbids blob: workers still searches, on the page itself', async ({ page }) => {
  await instrument(page);
  await page.goto('/test/no-worker.html');
  await expect.poll(() => page.evaluate(() => window.__es.ready && window.__es.ready.mode), { timeout: 30_000 }).toBe('page');
  await typeQuery(page, 'Candiru');
  await waitForResults(page, 'Candiru');
  await expect(page.getByRole('option').first()).toContainText('Candiru');
});

test('a query containing HTML or script is shown as text and never run', async ({ page }) => {
  const problems = await instrument(page);
  await page.goto('/index.html');
  const query = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  await searchBox(page).fill(query);
  await waitForResults(page, query);
  await expect(page.locator('entity-screen [role=status]')).toContainText(`“${query}”`);
  const injected = await page.evaluate(() => {
    const root = document.querySelector('entity-screen').shadowRoot;
    return root.querySelectorAll('img, script, iframe').length + document.querySelectorAll('img').length;
  });
  expect(injected).toBe(0);
  expect(problems).toEqual([]);
});

test('names and fields in the data that contain HTML or script are shown as text and never run', async ({ page }) => {
  test.skip(!existsSync(HOSTILE_DATASET), 'the hostile fixture dataset was not built (see global-setup.js)');
  const problems = await instrument(page);
  await page.goto('/index.html');
  const bytes = [...readFileSync(HOSTILE_DATASET)];
  const info = await page.evaluate((b) => document.querySelector('entity-screen').loadDataset(new Uint8Array(b)), bytes);
  expect(info.label).toContain('hostile');

  // The query is the hostile name itself: it is echoed too.
  const name = '<img src=x onerror="window.__pwned=1">Zanzibar Hostile Trading';
  await searchBox(page).fill(name);
  await waitForResults(page, name);
  const first = page.getByRole('option').first();
  await expect(first.locator('.es-name')).toHaveText(name);
  await first.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('<script>window.__pwned=2</script>Quokka Script Holdings');
  await expect(dialog).toContainText('<iframe src="https://example.org/"></iframe> remarks as text');
  await expect(dialog).toContainText('javascript:window.__pwned=3');
  const hrefs = await dialog.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
  expect(hrefs).toContain('https://example.org/about-this-list');

  const counts = await page.evaluate(() => {
    const root = document.querySelector('entity-screen').shadowRoot;
    return { elements: root.querySelectorAll('img, script, iframe, b').length, pwned: window.__pwned ?? null };
  });
  expect(counts).toEqual({ elements: 0, pwned: null });
  expect(problems).toEqual([]);
});

test('an alias with characters outside the BMP is highlighted on whole words', async ({ page }) => {
  test.skip(!existsSync(HOSTILE_DATASET), 'the hostile fixture dataset was not built (see global-setup.js)');
  await instrument(page);
  await page.goto('/index.html');
  const bytes = [...readFileSync(HOSTILE_DATASET)];
  await page.evaluate((b) => document.querySelector('entity-screen').loadDataset(new Uint8Array(b)), bytes);
  // Highlights are UTF-16 offsets: after the emoji (two code units) a byte or
  // code-point offset would cut words apart.
  const alias = 'Ωmega 😀 Trading';
  await searchBox(page).fill(alias);
  await waitForResults(page, alias);
  const { matches } = await widgetState(page);
  expect(matches[0].matched_name).toBe(alias);
  const shown = page.getByRole('option').first().locator('.es-aka-name');
  await expect(shown).toHaveText(alias);
  const marks = await shown.locator('mark').allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  for (const m of marks) expect(['Ωmega', 'Trading', 'Ωmega 😀 Trading', '😀']).toContain(m.trim());
});
