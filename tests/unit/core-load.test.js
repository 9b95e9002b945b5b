// How the core (www/src/core.js) and the Worker's side (www/src/host.js)
// load a dataset in two files: the search file is requested at once, the
// details file as soon as the screener is built from it; search answers then,
// detail() and batch rows wait for the details. Against a stand-in for the
// wasm glue (fixtures/fake-glue.js) and a fetch whose answers arrive when the
// test says; the real wasm is tested in tests/package/ and the browser tests.
import { test, before, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const fakeGlue = pathToFileURL(resolve(here, 'fixtures/fake-glue.js')).href;
const { log } = await import(fakeGlue);
let core;
let host;

// www/src with `#wasm-glue` pointing at the stand-in (kept external, so the
// test and the bundle share its log).
async function load(entry) {
  const out = await esbuild.build({
    entryPoints: [resolve(here, '../../www/src', entry)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
    plugins: [{ name: 'fake-glue', setup: (b) => b.onResolve({ filter: /^#wasm-glue$/ }, () => ({ path: fakeGlue, external: true })) }],
  });
  const file = join(mkdtempSync(join(tmpdir(), 'es-core-')), entry.replace('.js', '.mjs'));
  writeFileSync(file, out.outputFiles[0].text);
  return import(pathToFileURL(file).href);
}

before(async () => {
  core = await load('core.js');
  host = (await load('host.js')).createHost();
});

// A fetch whose responses the test releases one by one.
const requested = [];
const answers = new Map();
// The glue calls made before each request (which one waited for what).
const callsBefore = new Map();
globalThis.fetch = (url) => {
  requested.push(String(url));
  callsBefore.set(String(url), log.map((l) => l[0]));
  return new Promise((resolve, reject) => answers.set(String(url), { resolve, reject }));
};
const respond = (url, bytes) => answers.get(url).resolve({ ok: true, status: 200, arrayBuffer: async () => new Uint8Array(bytes).buffer });
const respond404 = (url) => answers.get(url).resolve({ ok: false, status: 404 });
const tick = () => new Promise((r) => setTimeout(r, 0));
// A valid, empty wasm module: the glue stand-in ignores it.
const wasm = { module: new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])) };

afterEach(() => {
  requested.length = 0;
  callsBefore.clear();
  answers.clear();
  log.length = 0;
});

test('the search file is requested first and the details file once the screener is built from it; the screener is ready before the details, whose detail() waits for them', async () => {
  const created = core.createScreener({ wasm, data: 'http://h/a.esd', details: 'http://h/a.details.esd' });
  await tick();
  assert.deepEqual(requested, ['http://h/a.esd'], 'the details wait for the search file');
  respond('http://h/a.esd', [1, 9]);
  const s = await created;
  assert.deepEqual(requested, ['http://h/a.esd', 'http://h/a.details.esd']);
  // The screener was built before the details file was asked for, so its
  // download and decoding never hold up the first search.
  assert.deepEqual(callsBefore.get('http://h/a.esd').filter((c) => c === 'fromBytes'), []);
  assert.deepEqual(callsBefore.get('http://h/a.details.esd').filter((c) => c === 'fromBytes'), ['fromBytes']);
  assert.equal(s.search('Candiru')[0].citation, '86 FR 60760');
  assert.equal(s.hasDetails(), false);
  let shown = null;
  const detail = s.detail(4).then((d) => (shown = d));
  await tick();
  assert.equal(shown, null);
  assert.throws(() => s.screenRows([{ row: 1, query: 'x' }]), /^Error: details not loaded/);
  respond('http://h/a.details.esd', [3, 9]);
  await detail;
  assert.equal(shown.key, 4);
  assert.equal(shown.record.addresses[0].country, 'IL');
  assert.equal(s.hasDetails(), true);
  assert.equal(typeof s.timings.attachDetails, 'number');
  assert.deepEqual(requested, ['http://h/a.esd', 'http://h/a.details.esd']); // nothing more was fetched
  assert.deepEqual(log.filter((l) => l[0] !== 'initSync'), [['fromBytes', 1, 9], ['attachDetails', 3, 9]]);
});

test('details that fail to load or belong to another dataset make detail() reject with why, and search goes on', async () => {
  const a = core.createScreener({ wasm, data: 'http://h/b.esd', details: 'http://h/b.details.esd' });
  await tick();
  respond('http://h/b.esd', [1, 1]);
  const s = await a;
  respond404('http://h/b.details.esd');
  await assert.rejects(s.detail(4), { message: 'details not loaded: http://h/b.details.esd: HTTP 404' });
  await assert.rejects(s.details, /details not loaded: .*HTTP 404/);
  assert.equal(s.search('x').length, 1);

  const other = await core.createScreener({ wasm, data: new Uint8Array([1, 1]), details: new Uint8Array([3, 2]) });
  await assert.rejects(other.detail(4), { message: 'these details belong to another dataset' });
  const none = await core.createScreener({ wasm, data: new Uint8Array([1, 1]) });
  await assert.rejects(none.detail(4), { message: 'details not loaded: no details file was given for this dataset' });
});

test('a full dataset file has its details already: a details source is then not waited for, and its failure does not matter', async () => {
  const created = core.createScreener({ wasm, data: new Uint8Array([2, 5]), details: 'http://h/full.details.esd' });
  const s = await created;
  assert.equal(s.hasDetails(), true);
  assert.equal((await s.detail(4)).key, 4);
  respond404('http://h/full.details.esd');
  await s.details;
  assert.equal(log.some((l) => l[0] === 'attachDetails'), false);
});

test('the Worker side answers init and searches before the details arrive; detail and batch rows wait, without holding up a search', async () => {
  const replies = [];
  const ask = (id, op, fields = {}) => host({ id, op, ...fields }).then((r) => (replies.push(r.id), r));
  const init = ask(1, 'init', { wasm, data: { url: 'http://h/c.esd' }, details: { url: 'http://h/c.details.esd' } });
  await tick();
  assert.deepEqual(requested, ['http://h/c.esd']);
  respond('http://h/c.esd', [1, 3]);
  const ready = await init;
  assert.deepEqual(requested, ['http://h/c.esd', 'http://h/c.details.esd']);
  assert.equal(ready.ok, true);
  assert.equal(ready.value.hasDetails, false);
  const detail = ask(2, 'detail', { screener: 0, key: 4 });
  const rows = ask(3, 'screenRows', { screener: 0, rows: [{ row: 1, query: 'Candiru' }] });
  const attached = ask(4, 'details', { screener: 0 });
  const search = await ask(5, 'search', { screener: 0, query: 'Candiru' });
  assert.equal(search.value[0].name, 'Candiru');
  await tick();
  assert.deepEqual(replies, [1, 5]);
  respond('http://h/c.details.esd', [3, 3]);
  assert.equal((await detail).value.key, 4);
  assert.deepEqual((await rows).value, [{ row: 1, query: 'Candiru', status: 'exact' }]);
  assert.equal((await attached).ok, true);
  assert.deepEqual(replies.slice(0, 2), [1, 5]);
});
