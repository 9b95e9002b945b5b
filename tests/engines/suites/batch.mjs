// Smoke test of <entity-screen-batch> in every engine: the demo over HTTP
// and the standalone page from file://. In each: paste a few names into
// the box, screen them, and see one row per name in input order with its
// status and best match (Gazprombank with all its list badges, SDN first;
// a name on no list as "no match"; markup in a name shown as text); and
// check that the page asked for nothing but its own files.

import { readdirSync } from 'node:fs';
import assert from 'node:assert/strict';

const NAMES = ['Candiru', 'Gazprombank', 'Qwyxz Nonexistent Holdings', '<b>NSO Group</b>'];

// Runs in the page: pastes the names (sets the box's value and fires the
// input event a paste fires) and presses "Screen the list".
const pasteAndScreen = (names) => {
  const el = document.querySelector('entity-screen-batch');
  if (!el || !el.shadowRoot) return false;
  const ta = el.shadowRoot.querySelector('textarea');
  ta.focus();
  ta.value = names.join('\n');
  ta.dispatchEvent(new Event('input', { bubbles: true }));
  const button = [...el.shadowRoot.querySelectorAll('button')].find((b) => b.textContent === 'Screen the list');
  button.click();
  return true;
};

// The table's rows once every name has one: [{row, query, status, best, badges}].
const tableRows = (n) => {
  const root = document.querySelector('entity-screen-batch').shadowRoot;
  const trs = [...root.querySelectorAll('tbody tr.esb-row')];
  if (trs.length < n) return null;
  return trs.map((tr) => ({
    row: tr.cells[0].textContent,
    query: tr.querySelector('.esb-query span').textContent,
    status: tr.querySelector('.esb-status').textContent,
    best: tr.querySelector('.esb-match-name') ? tr.querySelector('.esb-match-name').textContent : '',
    badges: [...tr.querySelectorAll('.esb-match .esb-badge')].map((b) => b.dataset.list),
  }));
};

const markupInside = () => document.querySelector('entity-screen-batch').shadowRoot.querySelectorAll('tbody b, tbody script, tbody img').length;
const pageResources = () => performance.getEntriesByType('resource').map((e) => e.name);

async function screenNames(driver) {
  assert.equal(await driver.waitFor(() => !!customElements.get('entity-screen-batch'), 20_000), true);
  assert.equal(await driver.evaluate(pasteAndScreen, NAMES), true, 'the batch element is on the page');
  const rows = await driver.waitFor(tableRows, 90_000, NAMES.length);
  assert.deepEqual(
    rows.map((r) => [r.row, r.query]),
    NAMES.map((q, i) => [String(i + 1), q]),
    'one row per name, in input order, the query as text',
  );
  assert.equal(rows[0].best, 'Candiru');
  assert.deepEqual(rows[0].badges, ['EL']);
  assert.equal(rows[1].best, 'GAZPROMBANK JOINT STOCK COMPANY');
  assert.deepEqual(rows[1].badges, ['SDN', 'SSI', 'MBS'], 'every list badge of the best match, most severe first');
  assert.equal(rows[2].status, 'no match');
  assert.deepEqual(rows[2].badges, []);
  for (const r of [rows[0], rows[1]]) assert.notEqual(r.status, 'no match');
  assert.equal(await driver.evaluate(markupInside), 0, 'markup in a name is shown as text');
}

export const tests = [
  {
    name: 'batch on the demo over HTTP: pasted names give one row each in order, Gazprombank with SDN, SSI and MBS; only its own files requested',
    async run(driver, { server, dist }) {
      const own = new Set(readdirSync(dist).map((f) => '/' + f));
      const from = server.requests.length;
      await driver.goto(server.url + 'index.html');
      await screenNames(driver);
      const asked = server.requests.slice(from);
      for (const path of asked) assert.ok(own.has(path), `requested ${path}, not one of the page's files`);
      for (const url of await driver.evaluate(pageResources)) assert.ok(url.startsWith(server.url), `resource ${url}`);
      if (driver.requests) {
        for (const url of driver.requests.filter((u) => !u.startsWith('file:'))) {
          assert.ok(url.startsWith(server.url) || url.startsWith('blob:') || url.startsWith('data:'), `browser requested ${url}`);
        }
      }
    },
  },
  {
    name: 'batch in standalone.html from file://: pasted names give one row each in order, Gazprombank with SDN, SSI and MBS; no request at all',
    async run(driver, { server, standaloneUrl }) {
      const from = server.requests.length;
      const seen = driver.requests ? driver.requests.length : 0;
      await driver.goto(standaloneUrl);
      await screenNames(driver);
      assert.deepEqual(server.requests.slice(from), []);
      for (const url of await driver.evaluate(pageResources)) assert.ok(/^(file|blob|data):/.test(url), `resource ${url}`);
      if (driver.requests) {
        for (const url of driver.requests.slice(seen)) assert.ok(/^(file|blob|data):/.test(url), `browser requested ${url}`);
      }
    },
  },
];
