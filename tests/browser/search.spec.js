// What a reader of the demo story sees when they search.
import { test, expect } from '@playwright/test';
import { instrument, typeQuery, waitForResults, widgetState, searchBox } from './helpers.js';

test.beforeEach(async ({ page }) => {
  await instrument(page);
  await page.goto('/index.html');
});

test('typing Candiru shows Candiru on the Entity List (86 FR 60760) first', async ({ page }) => {
  await typeQuery(page, 'Candiru');
  await waitForResults(page, 'Candiru');
  const first = page.getByRole('option').first();
  await expect(first).toContainText('Candiru');
  await expect(first).toContainText('Entity List');
  await expect(first).toContainText('86 FR 60760');
  const { matches } = await widgetState(page);
  expect(matches[0].name).toBe('Candiru');
  expect(matches[0].source).toBe('EL');
  // A result is a summary: its citation and countries, no full record.
  expect(matches[0].citation).toContain('86 FR 60760');
  expect(matches[0].countries).toContain('IL');
  expect(matches[0]).not.toHaveProperty('record');
});

test('Saito Tech finds Candiru through its alias, with the matched part highlighted', async ({ page }) => {
  await typeQuery(page, 'Saito Tech');
  await waitForResults(page, 'Saito Tech');
  const first = page.getByRole('option').first();
  await expect(first.locator('.es-name')).toHaveText('Candiru');
  await expect(first).toContainText('also known as');
  await expect(first.locator('.es-aka-name')).toContainText('Saito Tech');
  await expect(first.locator('.es-aka-name mark').first()).toBeVisible();
  const { matches } = await widgetState(page);
  expect(matches[0].matched_alias).toBe(true);
  expect(matches[0].highlights.length).toBeGreaterThan(0);
});

test('a partial query like "nso gr" already shows NSO Group', async ({ page }) => {
  await typeQuery(page, 'nso gr');
  await waitForResults(page, 'nso gr');
  await expect(page.getByRole('option').first().locator('.es-name')).toHaveText('NSO Group');
});

test('a name typed out to its legal form is searched whole: "Orange" shows the bank, "Orange S.A." nothing', async ({ page }) => {
  // While the last word may still grow, the listed words not typed yet
  // are forgiven; "S.A." closes the name (normalize::last_word_open).
  await typeQuery(page, 'Orange');
  await waitForResults(page, 'Orange');
  await expect(page.getByRole('option').first()).toContainText('BANK ORANGE');
  await searchBox(page).pressSequentially(' S.A.', { delay: 40 });
  await waitForResults(page, 'Orange S.A.');
  await expect(page.locator('entity-screen [role=status]')).toContainText('No match for “Orange S.A.”');
  await expect(page.getByRole('option')).toHaveCount(0);
});

test('each result shows the list, type, country, score in words and as a number, and reasons', async ({ page }) => {
  await typeQuery(page, 'Candiru');
  await waitForResults(page, 'Candiru');
  const first = page.getByRole('option').first();
  await expect(first.locator('.es-badge')).toHaveText('Entity List');
  await expect(first.locator('.es-meta')).toContainText('Entity');
  await expect(first.locator('.es-meta')).toContainText('Israel');
  await expect(first.locator('.es-score-word')).toHaveText(/exact|strong|possible/);
  await expect(first.locator('.es-score-num')).toHaveText(/^\d\.\d\d$/);
  const { matches } = await widgetState(page);
  if (matches[0].reasons.length) await expect(first.locator('.es-reasons')).toBeVisible();
});

test('the result count is announced in a polite live region', async ({ page }) => {
  await typeQuery(page, 'Candiru');
  await waitForResults(page, 'Candiru');
  const status = page.locator('entity-screen [role=status]');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await expect(status).toContainText(/\d+ possible match(es)? for “Candiru”/);
});

test('a keyboard-only user can search, move through results and open a detail view', async ({ page }) => {
  // Tab from the top of the page until the search box has focus.
  const focusedIsBox = () =>
    page.evaluate(() => {
      const el = document.querySelector('entity-screen');
      return el.shadowRoot.activeElement && el.shadowRoot.activeElement.getAttribute('role') === 'combobox';
    });
  for (let i = 0; i < 15 && !(await focusedIsBox()); i++) await page.keyboard.press('Tab');
  expect(await focusedIsBox()).toBe(true);

  await page.keyboard.type('Candiru', { delay: 40 });
  await waitForResults(page, 'Candiru');
  const box = searchBox(page);
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  const options = page.getByRole('option');
  const n = await options.count();
  expect(n).toBeGreaterThan(0);

  await page.keyboard.press('ArrowDown');
  const firstId = await options.first().getAttribute('id');
  await expect(box).toHaveAttribute('aria-activedescendant', firstId);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('End');
  await expect(options.nth(n - 1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  if (n > 1) {
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
  }
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Candiru');
  await expect(dialog).toContainText('86 FR 60760');
  await expect(dialog).toContainText('Saito Tech');
  await expect(dialog).toContainText('License requirement');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await focusedIsBox()).toBe(true);

  await page.keyboard.press('Escape');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');
});

test('the detail view shows the record and links only to http(s) sources the user clicks', async ({ page }) => {
  await typeQuery(page, 'Candiru');
  await waitForResults(page, 'Candiru');
  await page.getByRole('option').first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  for (const label of ['Also known as', 'Addresses', 'Federal Register', 'License requirement']) {
    await expect(dialog.locator('dt', { hasText: label })).toBeVisible();
  }
  const hrefs = await dialog.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
  await expect(dialog.getByRole('link', { name: /86 FR 60760/ })).toHaveAttribute(
    'href',
    'https://www.federalregister.gov/citation/86-FR-60760',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('a party the Entity List files under six countries is one result, its detail view one list with six entries', async ({ page }) => {
  await typeQuery(page, 'Kedacom');
  await waitForResults(page, 'Kedacom');
  const { matches } = await widgetState(page);
  expect(matches.filter((m) => m.name === 'Suzhou Keda Technology Co., Ltd.')).toHaveLength(1);
  const keda = matches.find((m) => m.name === 'Suzhou Keda Technology Co., Ltd.');
  expect(keda.countries, JSON.stringify(matches.map((m) => [m.name, m.countries]))).toEqual(['CN', 'NL', 'PK', 'SG', 'KR', 'TR']);
  const first = page.getByRole('option').first();
  await expect(first.locator('.es-badge')).toHaveCount(1);
  await first.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('.es-dialog-sub')).toHaveText(/On 1 list · 6 entries/);
  await expect(dialog.locator('section.es-listing:not(.es-also)')).toHaveCount(6);
  for (const place of ['Amstelveen', 'Karachi', 'Istanbul']) await expect(dialog).toContainText(place);
});

test('results of an outdated query are dropped when a newer one is typed', async ({ page }) => {
  const box = searchBox(page);
  await box.click();
  await box.pressSequentially('Candiru', { delay: 10 });
  await box.fill('NSO Group');
  await waitForResults(page, 'NSO Group');
  await page.waitForTimeout(500);
  await expect(page.getByRole('option').first().locator('.es-name')).toHaveText('NSO Group');
  const shown = await page.evaluate(() => window.__es.results.map((r) => r.query));
  expect(shown[shown.length - 1]).toBe('NSO Group');
});

test('no match says what was searched: the query, the number of lists and each list with its date', async ({ page }) => {
  await typeQuery(page, 'Xqzv Wwkjh Plonk');
  await waitForResults(page, 'Xqzv Wwkjh Plonk');
  const { info } = await widgetState(page);
  const status = page.locator('entity-screen [role=status]');
  await expect(status).toContainText(`No match for “Xqzv Wwkjh Plonk” in ${info.lists.length} lists`);
  await expect(status).toContainText('Entity List as of July 2026');
  await expect(page.getByRole('option')).toHaveCount(0);
  await expect(searchBox(page)).toHaveAttribute('aria-expanded', 'false');
});

test('the as-of date of every list is shown, with the note that nothing typed leaves the browser', async ({ page }) => {
  await searchBox(page).focus();
  await expect.poll(() => page.evaluate(() => !!document.querySelector('entity-screen').info)).toBe(true);
  const { info } = await widgetState(page);
  expect(info.lists.length).toBe(19);
  const footer = page.locator('entity-screen .es-footer');
  await expect(footer).toContainText('nothing you type leaves your browser');
  const text = await footer.textContent();
  for (const l of info.lists) {
    const [y, m] = l.as_of.split('-').map(Number);
    const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
    expect(text).toContain(`as of ${month} ${y}`);
  }
});

test('the stale-data warning appears when max-age-days is small and not when it is large', async ({ page }) => {
  await searchBox(page).focus();
  await expect.poll(() => page.evaluate(() => !!document.querySelector('entity-screen').info)).toBe(true);
  const warning = page.locator('entity-screen .es-warning');
  await page.evaluate(() => document.querySelector('entity-screen').setAttribute('max-age-days', '30'));
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('older than 30 days');
  await expect(warning).toContainText('Entity List as of July 2026');
  await page.evaluate(() => document.querySelector('entity-screen').setAttribute('max-age-days', '100000'));
  await expect(warning).toBeHidden();
});

test('list filters narrow the search and the empty state names only the lists searched', async ({ page }) => {
  await searchBox(page).focus();
  await expect.poll(() => page.evaluate(() => !!document.querySelector('entity-screen').info)).toBe(true);
  await page.getByText('Filters', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'All lists' }).uncheck();
  await page.getByRole('checkbox', { name: /^SDN/ }).check();
  await typeQuery(page, 'Candiru');
  await waitForResults(page, 'Candiru');
  await expect(page.locator('entity-screen [role=status]')).toContainText('No match for “Candiru” in 1 list (SDN as of');
  await page.getByRole('checkbox', { name: /^Entity List/ }).check();
  await expect(page.getByRole('option').first().locator('.es-name')).toHaveText('Candiru');
});

test('the threshold control changes the minimum score of the results', async ({ page }) => {
  await typeQuery(page, 'Candiru');
  await waitForResults(page, 'Candiru');
  await page.getByText('Filters', { exact: true }).click();
  const slider = page.getByRole('slider', { name: 'Minimum match score' });
  await slider.fill('0.95');
  await expect.poll(() => page.evaluate(() => document.querySelector('entity-screen').results.every((m) => m.score >= 0.95))).toBe(true);
  await expect(page.locator('entity-screen .es-threshold-value')).toContainText('0.95');
});

test('UI strings can be replaced for translation', async ({ page }) => {
  await page.evaluate(() => {
    customElements.get('entity-screen').strings = {
      locale: 'fr',
      privacy: 'Rien de ce que vous tapez ne quitte votre navigateur.',
      noMatch: { one: 'Aucun résultat pour « {query} » dans {count} liste.', other: 'Aucun résultat pour « {query} » dans {count} listes.' },
    };
  });
  await expect(page.locator('entity-screen .es-privacy')).toHaveText('Rien de ce que vous tapez ne quitte votre navigateur.');
  await typeQuery(page, 'Xqzv Wwkjh');
  await waitForResults(page, 'Xqzv Wwkjh');
  await expect(page.locator('entity-screen [role=status]')).toHaveText('Aucun résultat pour « Xqzv Wwkjh » dans 19 listes.');
});

test('a query with a lone UTF-16 surrogate is searched without an error', async ({ page }) => {
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const matches = await page.evaluate(() => document.querySelector('entity-screen').search('Candiru\uD800'));
  expect(Array.isArray(matches)).toBe(true);
  await expect(page.locator('entity-screen [role=status]')).not.toContainText('failed');
  const again = await page.evaluate(() => document.querySelector('entity-screen').search('Candiru'));
  expect(again[0].name).toBe('Candiru');
  expect(problems).toEqual([]);
});

test('an unknown list code is reported as an error from the wasm, not a silently wider search', async ({ page }) => {
  await page.evaluate(() => document.querySelector('entity-screen').setAttribute('lists', 'EL,NOPE'));
  await page.evaluate(() => document.querySelector('entity-screen').search('Candiru'));
  await expect(page.locator('entity-screen [role=status]')).toHaveText(/^The search failed: unknown list "NOPE"; known: EL,SDN,.*EO14032$/);
  await expect(page.getByRole('option')).toHaveCount(0);
});

test('keys pressed while an IME is composing are left to the IME', async ({ page }) => {
  await typeQuery(page, 'Candiru');
  await waitForResults(page, 'Candiru');
  const box = searchBox(page);
  const press = (key, isComposing) =>
    box.evaluate((el, [k, c]) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, isComposing: c, bubbles: true, cancelable: true })), [key, isComposing]);
  await box.evaluate((el) => el.dispatchEvent(new CompositionEvent('compositionstart', { data: '' })));
  await press('ArrowDown', true);
  await press('Enter', true);
  await expect(box).not.toHaveAttribute('aria-activedescendant', /.+/);
  await expect(page.getByRole('dialog')).toBeHidden();
  await box.evaluate((el) => el.dispatchEvent(new CompositionEvent('compositionend', { data: '' })));
  await press('ArrowDown', false);
  await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
});

test('compare scores two names with the core, through the Worker, and rejects what is not two strings', async ({ page }) => {
  const result = await page.evaluate(() => document.querySelector('entity-screen').compare('Candiru Ltd', 'Candiru'));
  expect(result.match).toBe(true);
  expect(result.score).toBeGreaterThan(0.75);
  expect(result.score).toBeLessThanOrEqual(1);
  expect(Array.isArray(result.reasons)).toBe(true);
  const unrelated = await page.evaluate(() => document.querySelector('entity-screen').compare('Candiru', 'Positive Technologies'));
  expect(unrelated.match).toBe(false);
  expect(unrelated.score).toBeLessThan(result.score);
  const error = await page.evaluate(() =>
    document.querySelector('entity-screen').compare('Candiru', 42).then(() => 'no error', (e) => e.message),
  );
  expect(error).toBe('compare takes two strings');
});

test('before the wasm loads, the threshold slider already shows the core default it will use', async ({ page }) => {
  // fetch.html loads the wasm on focus only, so nothing has loaded yet.
  await page.goto('/test/fetch.html');
  await expect.poll(() => page.evaluate(() => !!customElements.get('entity-screen'))).toBe(true);
  const before = await page.evaluate(() => {
    const el = document.querySelector('entity-screen');
    return { value: Number(el.shadowRoot.querySelector('.es-range').value), info: el.info };
  });
  expect(before.info).toBe(null);
  await page.evaluate(() => document.querySelector('entity-screen').load());
  const info = await page.evaluate(() => document.querySelector('entity-screen').info);
  expect(before.value).toBe(info.default_threshold);
  const after = await page.evaluate(() => Number(document.querySelector('entity-screen').shadowRoot.querySelector('.es-range').value));
  expect(after).toBe(info.default_threshold);
});

test('an element taken off the page drops the search still on its way, and works again when put back', async ({ page }) => {
  await page.evaluate(() => document.querySelector('entity-screen').load());
  const dropped = await page.evaluate(async () => {
    const el = document.querySelector('entity-screen');
    const parent = el.parentNode;
    const pending = el.search('Candiru');
    el.remove();
    const result = await pending;
    parent.append(el);
    return { result, shown: window.__es.results.some((r) => r.query === 'Candiru') };
  });
  expect(dropped).toEqual({ result: null, shown: false });
  const again = await page.evaluate(() => document.querySelector('entity-screen').search('Candiru').then((m) => m[0].name));
  expect(again).toBe('Candiru');
});

test('the element keeps Element.matches(selector); its results are el.results', async ({ page }) => {
  const out = await page.evaluate(async () => {
    const el = document.querySelector('entity-screen');
    await el.search('Candiru');
    return { isWidget: el.matches('entity-screen'), first: el.results[0].name };
  });
  expect(out).toEqual({ isWidget: true, first: 'Candiru' });
});
