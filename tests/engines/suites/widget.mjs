// Smoke test of <entity-screen> in every engine: the demo over HTTP and the
// standalone page from file://. In each: type a name with real key presses
// and see it first; open its detail view with the keyboard, see its listing
// (from the details file) and close it with Escape; and check that the page
// asked for nothing but its own files.

import { readdirSync } from 'node:fs';
import assert from 'node:assert/strict';

const focusBox = () => {
  const el = document.querySelector('entity-screen');
  el.shadowRoot.querySelector('[role="combobox"]').focus();
  return el.shadowRoot.activeElement && el.shadowRoot.activeElement.getAttribute('role') === 'combobox';
};
// Records the query of every answer the element shows, so that a wait can
// tell the answer to the whole typed name from one to a prefix of it that
// came back while typing (the debounce can fire between two key presses).
const watchResults = () => {
  window.__shownQueries = [];
  document
    .querySelector('entity-screen')
    .addEventListener('entity-screen-results', (e) => window.__shownQueries.push(e.detail.query));
  return true;
};
// The first option's name once the answer to `query` is the one shown.
const firstOptionNameFor = (query) => {
  const shown = window.__shownQueries;
  if (!shown || shown[shown.length - 1] !== query) return '';
  const el = document.querySelector('entity-screen');
  const opt = el.shadowRoot.querySelector('[role="option"]');
  return opt ? opt.querySelector('.es-name').textContent : '';
};
const dialogState = () => {
  const d = document.querySelector('entity-screen').shadowRoot.querySelector('dialog');
  return { open: d.open, title: d.open ? d.querySelector('h2').textContent : '' };
};
// Every resource the page (not its Worker) fetched, by resource timing, and
// CSP violations reported since the listener was added.
const pageResources = () => performance.getEntriesByType('resource').map((e) => e.name);
const watchViolations = () => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  return true;
};

async function screenCandiru(driver) {
  await driver.evaluate(watchViolations);
  assert.equal(await driver.waitFor(() => !!customElements.get('entity-screen'), 20_000), true);
  assert.equal(await driver.evaluate(watchResults), true);
  assert.equal(await driver.evaluate(focusBox), true, 'the search box takes focus');
  await driver.type('Candiru');
  const name = await driver.waitFor(firstOptionNameFor, 60_000, 'Candiru');
  assert.equal(name, 'Candiru');
  const first = await driver.evaluate(() => {
    const m = document.querySelector('entity-screen').results[0];
    return { name: m.name, source: m.source };
  });
  assert.deepEqual(first, { name: 'Candiru', source: 'EL' });

  await driver.press('ArrowDown');
  await driver.press('Enter');
  const shown = await driver.waitFor(() => {
    const d = document.querySelector('entity-screen').shadowRoot.querySelector('dialog');
    return d.open && d.querySelector('h2').textContent;
  }, 10_000);
  assert.equal(shown, 'Candiru');
  // The listings come from the details file (waited for if still loading).
  const listing = await driver.waitFor(() => {
    const d = document.querySelector('entity-screen').shadowRoot.querySelector('dialog');
    const el = d.querySelector('section.es-listing[data-list="EL"]');
    return el ? el.textContent.includes('86 FR 60760') : false;
  }, 20_000);
  assert.equal(listing, true);
  await driver.press('Escape');
  await driver.waitFor(() => !document.querySelector('entity-screen').shadowRoot.querySelector('dialog').open, 10_000);
  assert.deepEqual(await driver.evaluate(dialogState), { open: false, title: '' });
  assert.deepEqual(await driver.evaluate(() => window.__violations), []);
}

export const tests = [
  {
    name: 'the demo over HTTP: Candiru first, detail view opens and closes with Escape, only its own files requested',
    async run(driver, { server, dist }) {
      const own = new Set(readdirSync(dist).map((f) => '/' + f));
      const from = server.requests.length;
      await driver.goto(server.url + 'index.html');
      await screenCandiru(driver);
      const asked = server.requests.slice(from);
      assert.ok(asked.includes('/entity-screen.js'), `asked: ${asked}`);
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
    name: 'standalone.html from file://: Candiru first, detail view opens and closes with Escape, no request at all',
    async run(driver, { server, standaloneUrl }) {
      const from = server.requests.length;
      const seen = driver.requests ? driver.requests.length : 0;
      await driver.goto(standaloneUrl);
      await screenCandiru(driver);
      assert.deepEqual(server.requests.slice(from), []);
      for (const url of await driver.evaluate(pageResources)) {
        assert.ok(/^(file|blob|data):/.test(url), `resource ${url}`);
      }
      if (driver.requests) {
        for (const url of driver.requests.slice(seen)) assert.ok(/^(file|blob|data):/.test(url), `browser requested ${url}`);
      }
    },
  },
];
