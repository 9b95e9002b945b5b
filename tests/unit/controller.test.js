// The search lifecycle (www/src/ui/controller.js) against a fake engine whose
// answers arrive in whatever order the test says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchController } from '../../www/src/ui/controller.js';

function fakeEngine() {
  const pending = [];
  const info = { lists: [{ code: 'EL' }] };
  return {
    pending,
    calls: [],
    start: async () => ({ screener: 0, info, defaultThreshold: 0.75, timings: {}, mode: 'page', hasDetails: true }),
    search(screener, query, options) {
      this.calls.push({ screener, query, options });
      return new Promise((resolve, reject) => pending.push({ query, resolve, reject }));
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

test('a slow answer to an older query never replaces the answer to the newer one', async () => {
  const engine = fakeEngine();
  const c = new SearchController(() => engine);
  const shown = [];
  c.addEventListener('results', (e) => shown.push(e.detail.query));
  const first = c.search('Cand');
  const second = c.search('Candiru');
  await tick();
  assert.deepEqual(engine.pending.map((p) => p.query), ['Candiru']); // 'Cand' was superseded before it was sent
  engine.pending[0].resolve([{ name: 'Candiru' }]);
  assert.deepEqual(await second, [{ name: 'Candiru' }]);
  assert.equal(await first, null);
  assert.deepEqual(shown, ['Candiru']);
  assert.equal(c.query, 'Candiru');
});

test('an answer that arrives after a newer search was sent is dropped', async () => {
  const engine = fakeEngine();
  const c = new SearchController(() => engine);
  await c.load();
  const shown = [];
  c.addEventListener('results', (e) => shown.push(e.detail.query));
  const a = c.search('nso');
  await tick();
  const b = c.search('nso group');
  await tick();
  assert.equal(engine.pending.length, 2);
  engine.pending[1].resolve(['new']);
  engine.pending[0].resolve(['old']);
  assert.equal(await a, null);
  assert.deepEqual(await b, ['new']);
  assert.deepEqual(shown, ['nso group']);
  assert.deepEqual(c.matches, ['new']);
});

test('clearing drops the answer still on its way', async () => {
  const engine = fakeEngine();
  const c = new SearchController(() => engine);
  await c.load();
  const p = c.search('x');
  await tick();
  c.clear();
  engine.pending[0].resolve(['late']);
  assert.equal(await p, null);
  assert.deepEqual(c.matches, []);
  assert.equal(c.query, '');
});

test('options given as a function are read when the search runs, and no list selected searches nothing', async () => {
  const engine = fakeEngine();
  const c = new SearchController(() => engine);
  let opts = { threshold: 0.9 };
  const p = c.search('x', () => opts);
  opts = { threshold: 0.5 };
  await tick();
  assert.deepEqual(engine.calls[0].options, { threshold: 0.5 });
  engine.pending[0].resolve([]);
  await p;
  assert.deepEqual(await c.search('y', { lists: [] }), []);
  assert.equal(engine.calls.length, 1);
});

test('a failed search reports its error and leaves no matches', async () => {
  const engine = fakeEngine();
  const c = new SearchController(() => engine);
  const errors = [];
  c.addEventListener('searcherror', (e) => errors.push(e.detail.error.message));
  const p = c.search('x');
  await tick();
  engine.pending[0].reject(new Error('unknown list code "ZZ"'));
  assert.deepEqual(await p, []);
  assert.deepEqual(errors, ['unknown list code "ZZ"']);
});

test('the engine loads once and a load failure is reported, not thrown', async () => {
  let starts = 0;
  const c = new SearchController(() => ({
    start: async () => {
      starts++;
      throw new Error('no wasm');
    },
  }));
  const failures = [];
  c.addEventListener('loaderror', (e) => failures.push(e.detail.error.message));
  await c.load();
  await c.load();
  assert.equal(starts, 1);
  assert.deepEqual(failures, ['no wasm']);
  const errors = [];
  c.addEventListener('searcherror', (e) => errors.push(e.detail.error.message));
  assert.deepEqual(await c.search('x'), []);
  assert.deepEqual(errors, ['no wasm']);
});

/** An engine whose details file arrives when the test says: `arrive()`
 * (or `fail(error)`); detail() waits for it as the Worker does. */
function slowDetailsEngine() {
  let arrive;
  let fail;
  const details = new Promise((resolve, reject) => {
    arrive = () => resolve({ timings: { attachDetails: 1 } });
    fail = reject;
  });
  details.catch(() => {});
  const engine = {
    detailCalls: [],
    arrive: () => arrive(),
    fail: (e) => fail(e),
    start: async () => ({ screener: 0, info: { lists: [] }, defaultThreshold: 0.75, timings: {}, mode: 'page', hasDetails: false }),
    search: async () => [{ key: 7, name: 'Candiru' }],
    details: (screener) => details.then((v) => (screener === 0 ? v : Promise.reject(new Error('no dataset')))),
    async detail(screener, key) {
      engine.detailCalls.push([screener, key]);
      await details;
      return { key, record: { name: 'Candiru' } };
    },
  };
  return engine;
}

test('search is ready before the details; the details event comes when they are attached, and detail() waits for them', async () => {
  const engine = slowDetailsEngine();
  const c = new SearchController(() => engine);
  const events = [];
  c.addEventListener('ready', (e) => events.push(['ready', e.detail.hasDetails]));
  c.addEventListener('details', (e) => events.push(['details', e.detail.timings.attachDetails]));
  await c.load();
  assert.deepEqual(await c.search('Candiru'), [{ key: 7, name: 'Candiru' }]);
  assert.equal(c.detailsLoaded, false);
  let answered = null;
  const detail = c.detail(7).then((d) => (answered = d));
  await tick();
  assert.equal(answered, null);
  assert.deepEqual(engine.detailCalls, [[0, 7]]);
  engine.arrive();
  assert.deepEqual(await detail, { key: 7, record: { name: 'Candiru' } });
  await tick();
  assert.equal(c.detailsLoaded, true);
  assert.deepEqual(events, [
    ['ready', false],
    ['details', 1],
  ]);
});

test('details that fail to load are reported as detailserror while search keeps working', async () => {
  const engine = slowDetailsEngine();
  const c = new SearchController(() => engine);
  const errors = [];
  c.addEventListener('detailserror', (e) => errors.push(e.detail.error.message));
  await c.load();
  engine.fail(new Error('details not loaded: HTTP 404'));
  await tick();
  await tick();
  assert.deepEqual(errors, ['details not loaded: HTTP 404']);
  assert.equal(c.detailsLoaded, false);
  assert.equal(c.detailsError.message, 'details not loaded: HTTP 404');
  assert.deepEqual(await c.search('Candiru'), [{ key: 7, name: 'Candiru' }]);
  await assert.rejects(c.detail(7), /details not loaded: HTTP 404/);
});

test('details attached before search was ready are announced right after ready', async () => {
  const engine = fakeEngine();
  const c = new SearchController(() => engine);
  const events = [];
  c.addEventListener('ready', () => events.push('ready'));
  c.addEventListener('details', () => events.push('details'));
  await c.load();
  assert.deepEqual(events, ['ready', 'details']);
  assert.equal(c.detailsLoaded, true);
});
