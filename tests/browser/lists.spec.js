// The lists as a reader sees them in <entity-screen> (issue 7): one result
// per party with every list badge, most severe first; "also on ..." listings
// of another department with their reason; the list filter grouped by
// department with each list's meaning; the detail view with every listing's
// own fields and where each field came from. And "save this result" (issue
// 10): a record of one search for a compliance file, the same audit record
// as a batch export. All on the real default dataset, and every test checks
// that the page asked for nothing but its own files.
import { test, expect } from '@playwright/test';
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { instrument, recordRequests, typeQuery, waitForResults, widgetState, searchBox, root, violations, detailOf } from './helpers.js';

const VERSION = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(resolve(root, 'Cargo.toml'), 'utf8'))[1];
const HOSTILE_DATASET = resolve(root, 'test-results/fixtures/hostile.esd');
const OWN_FILES = ['/entity-screen.details.esd.js', '/entity-screen.esd.js', '/entity-screen.js', '/entity-screen.wasm.js', '/index.html'];

let urls;
let problems;
test.beforeEach(async ({ page, context }) => {
  problems = await instrument(page);
  urls = recordRequests(context);
  await page.goto('/index.html');
});

test.afterEach(async ({ page, baseURL }) => {
  const foreign = urls.filter((u) => !u.startsWith(baseURL + '/') && !u.startsWith(`blob:${baseURL}/`));
  expect(foreign).toEqual([]);
  const own = [...new Set(urls.filter((u) => u.startsWith(baseURL + '/')).map((u) => new URL(u).pathname))];
  for (const path of own) expect(OWN_FILES).toContain(path);
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

async function search(page, query) {
  await searchBox(page).fill('');
  await typeQuery(page, query);
  await waitForResults(page, query);
}

/** The detail view's field row whose label is exactly `label`. */
function fieldRow(section, label) {
  return section.locator('.es-field-row').filter({ has: section.page().locator('dt', { hasText: new RegExp(`^${label}$`) }) });
}

async function openFilters(page) {
  await page.locator('entity-screen .es-filters-summary').click();
}

/** Clicks "Save this result" and resolves to the downloaded file: its name
 * and its parsed JSON. */
async function saveResult(page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save this result' }).click()]);
  expect(dl.url()).toMatch(/^blob:/);
  return { name: dl.suggestedFilename(), record: JSON.parse(readFileSync(await dl.path(), 'utf8')) };
}

test('Gazprombank gives one result, Gazprombank JSC, with SDN first among its badges and SSI and MBS too', async ({ page }) => {
  await search(page, 'Gazprombank');
  const { matches } = await widgetState(page);
  const gpb = matches.filter((m) => m.name === 'GAZPROMBANK JOINT STOCK COMPANY');
  expect(gpb.length).toBe(1);
  expect(matches[0].name).toBe('GAZPROMBANK JOINT STOCK COMPANY');
  expect(matches[0].source).toBe('SDN');
  expect(matches[0].lists.map((l) => l.code)).toEqual(['SDN', 'SSI', 'MBS']);

  const options = page.getByRole('option').filter({ has: page.locator('.es-name', { hasText: /^GAZPROMBANK JOINT STOCK COMPANY$/ }) });
  await expect(options).toHaveCount(1);
  const badges = options.first().locator('.es-badge');
  await expect(badges).toHaveText(['SDN', 'Sectoral Sanctions', 'Menu-Based Sanctions']);
  expect(await badges.evaluateAll((bs) => bs.map((b) => b.dataset.list))).toEqual(['SDN', 'SSI', 'MBS']);
});

test('a same-name listing of another department shows as "also on ..." with its reason, in the result and the detail view', async ({ page }) => {
  await search(page, 'Xinjiang Production and Construction Corps');
  const { matches } = await widgetState(page);
  const i = matches.findIndex((m) => m.source === 'SDN');
  expect(i).toBeGreaterThanOrEqual(0);
  const also = matches[i].also_on.find((a) => a.code === 'UFLPA');
  expect(also.reason).toContain('not merged');
  const option = page.getByRole('option').nth(i);
  await expect(option.locator('.es-also-on')).toContainText(`Also on the UFLPA Entity List (Homeland Security / FLETF): ${also.reason}`);

  await option.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('section.es-listing[data-list="SDN"]')).toBeVisible();
  const alsoSection = dialog.locator('section.es-also[data-list="UFLPA"]');
  await expect(alsoSection).toContainText('Uyghur Forced Labor Prevention Act Entity List');
  await expect(alsoSection).toContainText(also.reason);
  await expect(alsoSection).toContainText('presumed made with forced labour');
});

test('the list filter groups every list by department with its code, name and meaning, the six new lists among them', async ({ page }) => {
  await search(page, 'Candiru');
  await openFilters(page);
  const { info } = await widgetState(page);
  expect(info.lists.length).toBe(19);
  const groups = page.locator('entity-screen .es-dept');
  const departments = [...new Set(info.lists.map((l) => l.department))];
  await expect(groups).toHaveCount(departments.length);
  for (const [code, dept] of [
    ['UFLPA', 'Homeland Security'],
    ['CBP', 'Homeland Security'],
    ['1260H', 'Defense (War)'],
    ['1286', 'Defense (War)'],
    ['FCC', 'FCC'],
    ['EO14032', 'Treasury'],
    ['SDN', 'Treasury'],
    ['EL', 'Commerce'],
  ]) {
    const group = page.getByRole('group', { name: dept, exact: true });
    const box = group.locator(`input[type=checkbox][value="${code}"]`);
    await expect(box).toHaveCount(1);
    const l = info.lists.find((x) => x.code === code);
    const label = group.locator(`label[data-list="${code}"]`);
    await expect(label.locator('.es-check-code')).toHaveText(code);
    await expect(label).toContainText(l.name);
    // The one-line meaning is the checkbox's description.
    const meaning = l.meaning.replace(`${code}: `, '');
    await expect(box).toHaveAccessibleDescription(meaning.charAt(0).toUpperCase() + meaning.slice(1));
  }
  // Every list is in exactly one group, in the group of its department.
  for (const l of info.lists) {
    await expect(page.getByRole('group', { name: l.department, exact: true }).locator(`input[value="${l.code}"]`)).toHaveCount(1);
  }
});

test('filtering to UFLPA searches only UFLPA, and the empty state names the one list searched', async ({ page }) => {
  await search(page, 'Xinjiang Production and Construction Corps');
  await openFilters(page);
  await page.getByRole('checkbox', { name: 'All lists' }).uncheck();
  await page.locator('entity-screen input[type=checkbox][value="UFLPA"]').check();
  // Until the filtered search has answered (the unfiltered results hold
  // UFLPA and SDN listings of the same name).
  await expect
    .poll(async () => {
      const { matches } = await widgetState(page);
      return matches.length > 0 && matches.every((m) => m.source === 'UFLPA');
    })
    .toBe(true);
  const { matches } = await widgetState(page);
  expect(matches.length).toBeGreaterThan(0);
  for (const m of matches) expect(m.lists.map((l) => l.code)).toEqual(['UFLPA']);
  for (const badge of await page.getByRole('option').locator('.es-badge').allTextContents()) expect(badge).toBe('UFLPA Entity List');

  await search(page, 'Candiru');
  await expect(page.locator('entity-screen [role=status]')).toHaveText(/^No match for “Candiru” in 1 list \(UFLPA Entity List as of July 2026\)\.$/);
});

test("a CBP party's detail view shows its CBP status and what the list means", async ({ page }) => {
  await search(page, 'Hoshine Silicon Industry Co. Ltd. and Subsidiaries');
  const { matches } = await widgetState(page);
  const i = matches.findIndex((m) => m.source === 'CBP');
  expect(i).toBeGreaterThanOrEqual(0);
  const status = (await detailOf(page, matches[i].key)).lists[0].record.status;
  expect(status).toBe('Active');
  await page.getByRole('option').nth(i).click();
  const section = page.getByRole('dialog').locator('section.es-listing[data-list="CBP"]');
  await expect(fieldRow(section, 'Status').locator('dd')).toHaveText(status);
  await expect(section.locator('.es-listing-meaning')).toHaveText(/^Goods from this producer or region are held at the US border/);
  await expect(section.locator('.es-listing-head')).toContainText('Withhold Release Orders and Findings');
});

test('the detail view shows each listing with its own fields and says "addresses as of December 2025" for an SDN address', async ({ page }) => {
  await search(page, 'Gazprombank');
  await page.getByRole('option').first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('GAZPROMBANK JOINT STOCK COMPANY');
  await expect(dialog.locator('section.es-listing')).toHaveCount(3);
  await expect(dialog.locator('section.es-listing').locator('> h3 .es-badge')).toHaveText(['SDN', 'Sectoral Sanctions', 'Menu-Based Sanctions']);
  const sdn = dialog.locator('section.es-listing[data-list="SDN"]');
  await expect(fieldRow(sdn, 'Addresses')).toContainText('Moscow');
  const asOf = fieldRow(sdn, 'Data as of');
  await expect(asOf).toContainText('addresses as of December 2025 (sdn_add_2025-12.csv)');
  await expect(asOf).toContainText('name as of August 20, 2026 (ofac_sdn_names_2026-08-20.csv)');
  await expect(fieldRow(sdn, 'Programs')).toContainText('RUSSIA-EO14024');
  // A list whose rows carry no per-field provenance: every field at the list's date.
  const { info } = await widgetState(page);
  const ssiAsOf = info.lists.find((l) => l.code === 'SSI').as_of;
  expect(ssiAsOf).toBe('2025-12');
  await expect(fieldRow(dialog.locator('section.es-listing[data-list="SSI"]'), 'Data as of')).toContainText(
    'every field as of December 2025, the list’s date',
  );
});

test("an FCC party's detail view shows the FCC's equipment note", async ({ page }) => {
  await search(page, 'Hytera Communications');
  const { matches } = await widgetState(page);
  const i = matches.findIndex((m) => m.source === 'FCC');
  expect(i).toBeGreaterThanOrEqual(0);
  const equipment = (await detailOf(page, matches[i].key)).lists[0].record.equipment;
  expect(equipment).toMatch(/^Video surveillance and telecommunications equipment produced by Hytera/);
  await page.getByRole('option').nth(i).click();
  const section = page.getByRole('dialog').locator('section.es-listing[data-list="FCC"]');
  await expect(fieldRow(section, 'Equipment or service').locator('dd')).toHaveText(equipment);
});

test('a Federal Register date and citation of a listing are shown (1260H)', async ({ page }) => {
  await search(page, 'Zhejiang Dahua Technology');
  const { matches } = await widgetState(page);
  const i = matches.findIndex((m) => m.source === '1260H');
  expect(i).toBeGreaterThanOrEqual(0);
  const r = (await detailOf(page, matches[i].key)).lists[0].record;
  expect(r.federal_register_date).toBe('2026-06-10');
  await page.getByRole('option').nth(i).click();
  const section = page.getByRole('dialog').locator('section.es-listing[data-list="1260H"]');
  await expect(fieldRow(section, 'Federal Register date').locator('dd')).toHaveText('June 10, 2026');
  await expect(section.getByRole('link', { name: 'Open 91 FR 35189 at federalregister.gov' })).toBeVisible();
});

test('save this result downloads a record of a match with the audit fields, the same matches as shown', async ({ page }) => {
  await search(page, 'Candiru');
  const { info, matches } = await widgetState(page);
  const before = Date.now();
  const { name, record } = await saveResult(page);
  expect(name).toMatch(/^entity-screen-candiru-\d{4}-\d{2}-\d{2}\.json$/);
  const { audit, rows, statement } = record;
  expect(Object.keys(record)).toEqual(['statement', 'audit', 'rows']);
  expect(Math.abs(Date.parse(audit.generated_at) - before)).toBeLessThan(60_000);
  expect(audit.software).toEqual({ name: 'entity-screen', version: VERSION });
  expect(audit.dataset.label).toBe(info.label);
  expect(audit.dataset.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(audit.lists).toEqual(info.lists.map((l) => ({ code: l.code, name: l.name, agency: l.agency, as_of: l.as_of, count: l.count })));
  expect(audit.threshold).toBe(0.75);
  expect(audit.filters).toEqual({ lists: [], types: [], countries: [], country_column: null });
  expect(audit.input).toEqual({ file: '', format: 'text', name_column: null, rows: 1 });
  expect(rows.length).toBe(1);
  expect(rows[0].query).toBe('Candiru');
  expect(rows[0].matches.map((m) => m.id)).toEqual(matches.map((m) => m.id));
  expect(rows[0].matches[0]).toMatchObject({ name: 'Candiru', lists: ['EL'] });
  expect(rows[0].matches[0].reasons.length).toBeGreaterThan(0);
  expect(audit.counts[rows[0].status]).toBe(1);
  const lists = info.lists.map((l) => `${l.code} as of ${l.as_of}`).join(', ');
  expect(lists).toContain('SDN as of 2026-08-20');
  expect(lists).toContain('UFLPA as of 2026-07-09');
  expect(statement).toBe(`${matches.length} match${matches.length === 1 ? '' : 'es'} for “Candiru” in 19 lists (${lists}), threshold 0.75.`);
});

test('save this result for a name on no list documents the negative result, with the lists, their dates and the filters', async ({ page }) => {
  const query = 'Qwyxz Nonexistent Holdings';
  await search(page, query);
  await expect(page.locator('entity-screen [role=status]')).toContainText(`No match for “${query}” in 19 lists`);
  let { record } = await saveResult(page);
  expect(record.rows[0]).toMatchObject({ query, status: 'no match', score: null, matches: [] });
  expect(record.audit.counts).toEqual({ 'no match': 1, possible: 0, strong: 0, exact: 0, error: 0 });
  const { info } = await widgetState(page);
  const lists = info.lists.map((l) => `${l.code} as of ${l.as_of}`).join(', ');
  expect(record.statement).toBe(`No match for “${query}” in 19 lists (${lists}), threshold 0.75.`);

  // Filters and threshold are recorded as they were for the shown search.
  await page.evaluate(() => {
    const el = document.querySelector('entity-screen');
    el.setAttribute('threshold', '0.9');
    el.setAttribute('lists', 'UFLPA CBP');
  });
  await waitForResults(page, query);
  await expect(page.locator('entity-screen [role=status]')).toContainText(`No match for “${query}” in 2 lists`);
  ({ record } = await saveResult(page));
  expect(record.audit.threshold).toBe(0.9);
  expect(record.audit.filters.lists.sort()).toEqual(['CBP', 'UFLPA']);
  expect(record.audit.lists.map((l) => l.code).sort()).toEqual(['CBP', 'UFLPA']);
  expect(record.statement).toMatch(new RegExp(`^No match for “${query}” in 2 lists \\(.*UFLPA as of 2026-07-09.*\\), threshold 0\\.90\\.$`));
});

test('save this result is offered only while a search is shown', async ({ page }) => {
  const save = page.getByRole('button', { name: 'Save this result' });
  await expect(save).toBeHidden();
  await search(page, 'Candiru');
  await expect(save).toBeVisible();
  await page.locator('entity-screen .es-clear').click();
  await expect(save).toBeHidden();
  expect(await page.evaluate(() => document.querySelector('entity-screen').resultRecord())).toBeNull();
});

test('hostile text from the data and the query stays text in the listings and in the saved record', async ({ page }) => {
  test.skip(!existsSync(HOSTILE_DATASET), 'the hostile fixture dataset was not built (see global-setup.js)');
  const bytes = [...readFileSync(HOSTILE_DATASET)];
  await page.evaluate((b) => document.querySelector('entity-screen').loadDataset(new Uint8Array(b)), bytes);
  const name = '<img src=x onerror="window.__pwned=1">Zanzibar Hostile Trading';
  await searchBox(page).fill(name);
  await waitForResults(page, name);
  await page.getByRole('option').first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('section.es-listing').first()).toContainText('<a href="javascript:alert(1)">x</a>');
  await page.keyboard.press('Escape');
  const { record } = await saveResult(page);
  expect(record.rows[0].query).toBe(name);
  expect(record.rows[0].matches[0].name).toBe(name);
  expect(record.statement).toContain(`for “${name}” in`);
  const counts = await page.evaluate(() => {
    const root = document.querySelector('entity-screen').shadowRoot;
    return { elements: root.querySelectorAll('img, script, iframe, b, a[href^="javascript"]').length, pwned: window.__pwned ?? null };
  });
  expect(counts).toEqual({ elements: 0, pwned: null });
});

test('the batch table shows every list badge of a best match, most severe first, and its saved record has the same audit fields as the widget one', async ({ page }) => {
  // The widget first (the batch table's selects are comboboxes too).
  await search(page, 'Gazprombank');
  const { record } = await saveResult(page);

  await page.getByLabel(/Names, one per line/).fill('Gazprombank\nCandiru');
  await page.getByRole('button', { name: 'Screen the list' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 rows:' })).toBeVisible({ timeout: 60_000 });
  const first = page.locator('entity-screen-batch tbody tr.esb-row').first();
  await expect(first.locator('.esb-match-name')).toHaveText('GAZPROMBANK JOINT STOCK COMPANY');
  expect(await first.locator('.esb-match .esb-badge').evaluateAll((bs) => bs.map((b) => b.dataset.list))).toEqual(['SDN', 'SSI', 'MBS']);
  await first.getByRole('button', { name: /Show/ }).click();
  const expanded = page.locator('entity-screen-batch tr.esb-detail li').first();
  expect(await expanded.locator('.esb-badge').evaluateAll((bs) => bs.map((b) => b.dataset.list))).toEqual(['SDN', 'SSI', 'MBS']);

  const batch = await page.evaluate(() => document.querySelector('entity-screen-batch').toJSON());
  // One definition of the audit record: the same fields, lists and dataset.
  expect(Object.keys(record.audit)).toEqual(Object.keys(batch.audit));
  expect(record.audit.lists).toEqual(batch.audit.lists);
  expect(record.audit.dataset).toEqual(batch.audit.dataset);
  expect(record.audit.software).toEqual(batch.audit.software);
  expect(Object.keys(record.rows[0]).sort()).toEqual(Object.keys(batch.rows[0]).sort());
  expect(record.rows[0].matches[0].lists).toEqual(batch.rows[0].matches[0].lists);
});
