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
  detailOf,
} from './helpers.js';

const HOSTILE_DATASET = resolve(root, 'test-results/fixtures/hostile.esd');
const HOSTILE_SPLIT = resolve(root, 'test-results/fixtures/hostile-split.esd');

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
  expect([...new Set(own)].sort()).toEqual([
    '/entity-screen.details.esd.js',
    '/entity-screen.esd.js',
    '/entity-screen.js',
    '/entity-screen.wasm.js',
    '/index.html',
  ]);
  expect(problems).toEqual([]);
});

/** The paths a fresh page of `url` requests while a visitor searches for
 * `query` and opens the first result's detail view, in order. */
async function requestsFor(browser, baseURL, url, query) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await instrument(page);
  const urls = recordRequests(context);
  await page.goto(url);
  await typeQuery(page, query);
  await waitForResults(page, query);
  await page.getByRole('option').first().click();
  await expect(page.getByRole('dialog').locator('section.es-listing').first()).toBeVisible();
  await context.close();
  // The Worker's own blob: URL of the page's origin is local (and new each time).
  return urls.filter((u) => !u.startsWith(`blob:${baseURL}/`)).map((u) => (u.startsWith(baseURL) ? new URL(u).pathname : u));
}

for (const [name, url, files] of [
  ['the demo (loader=script)', '/index.html', ['/entity-screen.js', '/entity-screen.wasm.js', '/entity-screen.esd.js', '/entity-screen.details.esd.js']],
  ['the fetch loader', '/test/fetch.html', ['/entity-screen.js', '/entity-screen.wasm', '/entity-screen.esd', '/entity-screen.details.esd']],
]) {
  test(`${name}: the same files are requested whatever is typed, each once, and none after a search or a detail view`, async ({ browser, baseURL }) => {
    const a = await requestsFor(browser, baseURL, url, 'Candiru');
    const b = await requestsFor(browser, baseURL, url, 'Gazprombank');
    const page = url;
    expect([...a].sort()).toEqual([page, ...files].sort());
    expect([...b].sort()).toEqual([...a].sort());
    for (const u of [...a, ...b]) expect(u.toLowerCase()).not.toMatch(/candiru|gazprom/);
  });
}

test('a detail view opened before the details file has arrived waits for it, then shows the full records; nothing more is fetched', async ({ page, context, baseURL }) => {
  const problems = await instrument(page);
  const urls = recordRequests(context);
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  let held = 0;
  await context.route('**/entity-screen.details.esd', async (route) => {
    held++;
    await gate;
    await route.continue();
  });
  await page.goto('/test/fetch.html');
  await typeQuery(page, 'Candiru');
  await waitForResults(page, 'Candiru');
  // Search works on the search file alone; the details are still held.
  await expect(page.getByRole('option').first()).toContainText('86 FR 60760');
  expect(held).toBe(1);
  expect(await page.evaluate(() => window.__es.details)).toBe(null);

  await page.getByRole('option').first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Candiru');
  const box = dialog.locator('.es-listings');
  await expect(box).toHaveAttribute('aria-busy', 'true');
  await expect(box.getByRole('status')).toHaveText('Loading the full records of this party…');
  await expect(dialog.locator('section.es-listing')).toHaveCount(0);
  // The close button has focus while it waits, and keeps it when the records come.
  const closeFocused = () =>
    page.evaluate(() => document.querySelector('entity-screen').shadowRoot.activeElement?.classList.contains('es-close') ?? false);
  expect(await closeFocused()).toBe(true);

  release();
  const el = dialog.locator('section.es-listing[data-list="EL"]');
  await expect(el).toBeVisible();
  await expect(el).toContainText('86 FR 60760');
  await expect(el).toContainText('Israel');
  await expect(box).not.toHaveAttribute('aria-busy', /.*/);
  await expect(box.locator('.es-detail-wait')).toHaveCount(0);
  expect(await closeFocused()).toBe(true);
  await expect.poll(() => page.evaluate(() => !!window.__es.details)).toBe(true);
  expect(urls.filter((u) => u.endsWith('/entity-screen.details.esd'))).toEqual([`${baseURL}/entity-screen.details.esd`]);

  // Opened again now that the details are in: the records at once, no waiting note.
  await page.keyboard.press('Escape');
  await page.getByRole('option').first().click();
  await expect(dialog.locator('section.es-listing[data-list="EL"]')).toBeVisible();
  await expect(dialog.locator('.es-detail-wait')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('when the details file cannot be loaded, search still works and the detail view says why', async ({ page, context }) => {
  await instrument(page);
  await context.route('**/entity-screen.details.esd', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'gone' }));
  await page.goto('/test/fetch.html');
  await typeQuery(page, 'Candiru');
  await waitForResults(page, 'Candiru');
  await expect(page.getByRole('option').first().locator('.es-name')).toHaveText('Candiru');
  await page.getByRole('option').first().click();
  const alert = page.getByRole('dialog').getByRole('alert');
  // (A 404's body fails the integrity check the default file has, before its status is seen.)
  await expect(alert).toHaveText(/^The full records could not be loaded: details not loaded: http:\/\/.*\/entity-screen\.details\.esd(: HTTP 404$| could not be fetched )/);
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

test('the standalone page works without a Worker too: the page decodes its xz dataset parts itself, detail views included', async ({ page, context }) => {
  const problems = await instrument(page);
  const urls = recordRequests(context);
  // As in a browser that cannot start a blob: Worker from file://: the
  // engine then runs the host on the page, with the page's own xz decoder.
  await page.addInitScript(() => {
    delete window.Worker;
  });
  await page.goto(standaloneFileUrl);
  await exercise(page);
  expect(await page.evaluate(() => window.__es.ready.mode)).toBe('page');
  await expect.poll(() => page.evaluate(() => window.__es.details !== null)).toBe(true);
  const { matches } = await widgetState(page);
  const record = await detailOf(page, matches[0].key);
  expect(record.name).toBe(matches[0].name);
  expect(urls.filter((u) => u !== standaloneFileUrl)).toEqual([]);
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
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

test('hostile fields that come from a details file (loadDataset(search, details)) are shown as text and never run', async ({ page }) => {
  test.skip(!existsSync(HOSTILE_SPLIT), 'the split hostile fixture was not built (see global-setup.js)');
  const problems = await instrument(page);
  await page.goto('/index.html');
  const search = [...readFileSync(HOSTILE_SPLIT)];
  const details = [...readFileSync(HOSTILE_SPLIT.replace(/\.esd$/, '.details.esd'))];
  const info = await page.evaluate(
    ([a, b]) => document.querySelector('entity-screen').loadDataset(new Uint8Array(a), new Uint8Array(b)),
    [search, details],
  );
  expect(info.label).toContain('hostile');
  const name = '<img src=x onerror="window.__pwned=1">Zanzibar Hostile Trading';
  await searchBox(page).fill(name);
  await waitForResults(page, name);
  await page.getByRole('option').first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('<iframe src="https://example.org/"></iframe> remarks as text');
  await expect(dialog).toContainText('1 <b>Bold</b> Street, Valletta');
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

test('with JavaScript off, the demo button opens the official search, and nothing typed is sent', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const official = [];
  await context.route('https://www.trade.gov/**', (route) => {
    official.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Consolidated Screening List Search</title>' });
  });
  const page = await context.newPage();
  await page.goto(`${baseURL}/index.html`);
  await page.locator('entity-screen input[type=search]').fill('Candiru');
  await page.locator('entity-screen button', { hasText: 'Search' }).click();
  await page.waitForURL(/^https:\/\/www\.trade\.gov\//);
  expect(official.map((u) => u.replace(/\?$/, ''))).toEqual(['https://www.trade.gov/data-visualization/csl-search']);
  expect(official.join(' ')).not.toContain('Candiru');
  await context.close();
});

test('the demo CSP: the one form action is the official search, no image source but data:, its own script and style by hash', async ({ page }) => {
  await page.goto('/index.html');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = Object.fromEntries(
    csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
  );
  expect(directives['form-action']).toEqual(['https://www.trade.gov/data-visualization/csl-search']);
  expect(directives['img-src']).toEqual(['data:']);
  expect(directives['style-src']).toHaveLength(1);
  expect(directives['style-src'][0]).toMatch(/^'sha256-/);
  expect(directives['script-src'].filter((v) => v.startsWith("'sha256-"))).toHaveLength(1);
  expect(directives['script-src'].filter((v) => !v.startsWith("'sha256-")).sort()).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(directives['connect-src']).toEqual(["'none'"]);
  // The inline demo script ran (its "Try:" buttons fill the widget).
  await page.getByRole('button', { name: 'Saito Tech' }).click();
  await expect(page.getByRole('combobox')).toHaveValue('Saito Tech');
});

test('a host page with the minimal CSP the README gives (fetch loader) loads and searches in a Worker with no violation', async ({ page }) => {
  const problems = await instrument(page);
  await page.goto('/test/host-csp.html');
  await typeQuery(page, 'Candiru');
  await waitForResults(page, 'Candiru');
  await expect(page.getByRole('option').first().locator('.es-name')).toHaveText('Candiru');
  expect(await page.evaluate(() => window.__es.ready.mode)).toBe('worker');
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('data-src points the widget at another dataset: its search file and the details file next to it, each fetched whole', async ({ page, context, baseURL }) => {
  test.skip(!existsSync(HOSTILE_SPLIT), 'the split hostile fixture was not built (see global-setup.js)');
  const urls = recordRequests(context);
  const problems = await instrument(page);
  await page.goto('/test/fetch.html');
  await page.evaluate(() => {
    const other = document.createElement('entity-screen');
    other.id = 'other';
    other.setAttribute('data-src', '/test/fixtures/hostile-split.esd');
    document.querySelector('entity-screen').after(other);
  });
  const found = await page.evaluate(async () => {
    const other = document.getElementById('other');
    await other.load();
    const [m] = await other.search('Zanzibar Hostile Trading');
    const d = await other.detail(m.key);
    return { label: other.info.label, name: m.name, record: 'record' in m, detailName: d.record.name, lists: d.lists.length };
  });
  expect(found.label).toContain('hostile');
  expect(found.record).toBe(false);
  expect(found.detailName).toBe(found.name);
  expect(found.lists).toBeGreaterThan(0);
  expect(urls).toContain(`${baseURL}/test/fixtures/hostile-split.esd`);
  expect(urls).toContain(`${baseURL}/test/fixtures/hostile-split.details.esd`);
  expect(problems).toEqual([]);
});

test('the dataset is its own file: data-src can be a full dataset file (details-src="none"), fetched whole, and nothing else changes', async ({ page, context, baseURL }) => {
  test.skip(!existsSync(HOSTILE_DATASET), 'the hostile fixture dataset was not built (see global-setup.js)');
  const urls = recordRequests(context);
  const problems = await instrument(page);
  await page.goto('/test/fetch.html');
  await page.evaluate(() => {
    const el = document.querySelector('entity-screen');
    const other = document.createElement('entity-screen');
    other.id = 'other';
    other.setAttribute('data-src', '/test/fixtures/hostile.esd');
    other.setAttribute('details-src', 'none');
    el.after(other);
  });
  const info = await page.evaluate(() => document.getElementById('other').load().then(() => document.getElementById('other').info));
  const hostileInfo = await page.evaluate((b) => document.querySelector('entity-screen').loadDataset(new Uint8Array(b)), [...readFileSync(HOSTILE_DATASET)]);
  expect(info.label).toBe(hostileInfo.label);
  const [m] = await page.evaluate(() => document.getElementById('other').search('Zanzibar Hostile Trading'));
  expect((await detailOf(page, m.key, '#other')).record.name).toBe(m.name);
  expect(urls).toContain(`${baseURL}/test/fixtures/hostile.esd`);
  expect(urls.filter((u) => u.includes('/test/fixtures/hostile.details'))).toEqual([]);
  expect(urls).toContain(`${baseURL}/entity-screen.esd`);
  expect(problems).toEqual([]);
});

test('a dataset that does not match its data-integrity is refused with a clear message', async ({ page }) => {
  test.skip(!existsSync(HOSTILE_DATASET), 'the hostile fixture dataset was not built (see global-setup.js)');
  await instrument(page);
  await page.goto('/test/fetch.html');
  const message = await page.evaluate(async () => {
    const el = document.querySelector('entity-screen');
    el.setAttribute('data-src', '/test/fixtures/hostile.esd');
    el.setAttribute('data-integrity', 'sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await el.load();
    return el.shadowRoot.querySelector('.es-data').textContent;
  });
  expect(message).toContain('The screening data could not be loaded');
  expect(await page.evaluate(() => document.querySelector('entity-screen').info)).toBe(null);
});
