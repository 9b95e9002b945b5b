// Accessibility, small screens, zoom and style isolation.
import { test, expect } from '@playwright/test';
import { instrument, typeQuery, waitForResults, axePath, standaloneFileUrl, searchBox } from './helpers.js';

async function axe(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target) }));
  });
}

test.describe('axe-core', () => {
  // axe is injected as an inline script, which the pages' CSP would refuse.
  test.use({ bypassCSP: true });

  test('reports no violations on the demo page before and after a search', async ({ page }) => {
    await instrument(page);
    await page.goto('/index.html');
    expect(await axe(page)).toEqual([]);
    await typeQuery(page, 'Candiru');
    await waitForResults(page, 'Candiru');
    await page.keyboard.press('ArrowDown');
    await page.getByText('Filters', { exact: true }).click();
    expect(await axe(page)).toEqual([]);
  });

  test('reports no violations with the stale-data warning and an empty result', async ({ page }) => {
    await instrument(page);
    await page.goto('/index.html');
    await page.evaluate(() => document.querySelector('entity-screen').setAttribute('max-age-days', '1'));
    await typeQuery(page, 'Xqzv Wwkjh');
    await waitForResults(page, 'Xqzv Wwkjh');
    await expect(page.locator('entity-screen .es-warning')).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });

  test('reports no violations in the detail view', async ({ page }) => {
    await instrument(page);
    await page.goto('/index.html');
    await typeQuery(page, 'Candiru');
    await waitForResults(page, 'Candiru');
    await page.getByRole('option').first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });

  test('reports no violations in the detail view while it waits for the details file, nor once they are in', async ({ page, context }) => {
    await instrument(page);
    let release;
    const gate = new Promise((resolve) => (release = resolve));
    // The demo loads the details as a script (loader="script").
    await context.route('**/entity-screen.details.esd.js', async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto('/index.html');
    await typeQuery(page, 'Candiru');
    await waitForResults(page, 'Candiru');
    await page.getByRole('option').first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('status')).toHaveText('Loading the full records of this party…');
    expect(await axe(page)).toEqual([]);
    release();
    await expect(dialog.locator('section.es-listing[data-list="EL"]')).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });

  test('reports no violations in the detail views of a party on three lists and of one with an "also on" listing', async ({ page }) => {
    await instrument(page);
    await page.goto('/index.html');
    for (const [query, selector] of [
      ['Gazprombank', 'section.es-listing[data-list="MBS"]'],
      ['Xinjiang Production and Construction Corps', 'section.es-also'],
    ]) {
      await searchBox(page).fill('');
      await typeQuery(page, query);
      await waitForResults(page, query);
      await expect(page.getByRole('button', { name: 'Save this result' })).toBeVisible();
      await page.getByRole('option').first().click();
      await expect(page.getByRole('dialog').locator(selector).first()).toBeVisible();
      expect(await axe(page)).toEqual([]);
      await page.keyboard.press('Escape');
    }
  });

  test('reports no violations on the standalone page', async ({ page }) => {
    await instrument(page);
    await page.goto(standaloneFileUrl);
    await typeQuery(page, 'NSO Group');
    await waitForResults(page, 'NSO Group');
    expect(await axe(page)).toEqual([]);
  });
});

/** Widths in CSS px that overflow the viewport, on the page and in the widget. */
async function overflow(page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const out = [];
    if (document.documentElement.scrollWidth > vw + 1) out.push(`page ${document.documentElement.scrollWidth} > ${vw}`);
    const root = document.querySelector('entity-screen').shadowRoot;
    for (const el of root.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width && r.right > vw + 1 && !el.closest('[hidden]')) out.push(`${el.className || el.tagName} right=${Math.round(r.right)} > ${vw}`);
    }
    return out;
  });
}

test('the widget fits a 360 px wide phone screen without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await instrument(page);
  await page.goto('/index.html');
  await typeQuery(page, 'Positive Technologies');
  await waitForResults(page, 'Positive Technologies');
  await page.getByText('Filters', { exact: true }).click();
  expect(await overflow(page)).toEqual([]);
  await page.getByRole('option').first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await overflow(page)).toEqual([]);
});

test('the widget stays usable at 200 % zoom', async ({ browser }) => {
  // 200 % zoom of a 1280 px window: a 640 px layout viewport at scale 2.
  const context = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await instrument(page);
  await page.goto('/index.html');
  await typeQuery(page, 'Candiru');
  await waitForResults(page, 'Candiru');
  expect(await overflow(page)).toEqual([]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeInViewport();
  await context.close();
});

test('focus is visible on the search box and on the active result', async ({ page }) => {
  await instrument(page);
  await page.goto('/index.html');
  await typeQuery(page, 'Candiru');
  await waitForResults(page, 'Candiru');
  const ring = await searchBox(page).evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).boxShadow);
  expect(ring).not.toBe('none none');
  await page.keyboard.press('ArrowDown');
  const active = page.getByRole('option').first();
  expect(await active.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
});

test('host page CSS does not break the widget, and the widget CSS does not reach the page', async ({ page }) => {
  await instrument(page);
  await page.goto('/test/hostile-css.html');
  const box = searchBox(page);
  await expect(box).toBeVisible();
  const style = await box.evaluate((el) => {
    const s = getComputedStyle(el);
    const label = el.closest('.es-form').querySelector('label');
    return {
      letterSpacing: s.letterSpacing,
      textTransform: s.textTransform,
      labelShown: getComputedStyle(label).display !== 'none',
      rootFontSize: getComputedStyle(el.closest('.es-root')).fontSize,
    };
  });
  expect(style).toEqual({ letterSpacing: 'normal', textTransform: 'none', labelShown: true, rootFontSize: '16px' });
  await typeQuery(page, 'Candiru');
  await waitForResults(page, 'Candiru');
  await expect(page.getByRole('option').first()).toBeVisible();
  const host = await page.evaluate(() => ({
    mark: getComputedStyle(document.getElementById('host-mark')).backgroundColor,
    option: getComputedStyle(document.getElementById('host-option')).paddingLeft,
    badge: getComputedStyle(document.getElementById('host-badge')).borderTopStyle,
  }));
  expect(host).toEqual({ mark: 'rgb(0, 0, 0)', option: '0px', badge: 'none' });
});
