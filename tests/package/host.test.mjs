// The engine layer's request protocol (www/src/host.js), which every element
// (<entity-screen>, a batch element) reaches through engine.js: bundled here
// with the real wasm-bindgen glue and run in Node against the built wasm.
// Run after scripts/build-web: node --test tests/package/
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const glue = join(root, process.env.CARGO_TARGET_DIR || 'target', 'web/glue.mjs');
let handle;
let nextId = 1;
const ask = async (op, fields = {}) => {
  const id = nextId++;
  const reply = await handle({ id, op, ...fields });
  assert.equal(reply.id, id);
  return reply;
};
const value = async (op, fields) => {
  const reply = await ask(op, fields);
  assert.equal(reply.ok, true, reply.error);
  return reply.value;
};

before(async () => {
  assert.ok(existsSync(glue), `${glue} is missing: run scripts/build-web first`);
  const out = await esbuild.build({
    entryPoints: [join(root, 'www/src/host.js')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
    plugins: [{ name: 'glue', setup: (b) => b.onResolve({ filter: /^#wasm-glue$/ }, () => ({ path: glue })) }],
  });
  const url = 'data:text/javascript;base64,' + Buffer.from(out.outputFiles[0].text).toString('base64');
  const { createHost } = await import(url);
  handle = createHost();
  const bytes = new Uint8Array(readFileSync(join(root, 'dist/entity-screen.wasm')));
  // The web build's wasm is code only: without a dataset it refuses to start.
  const bare = await ask('init', { wasm: { bytes } });
  assert.deepEqual([bare.ok, bare.error], [false, 'this module has no embedded dataset: open one with Screener.fromBytes']);
  const data = new Uint8Array(readFileSync(join(root, 'dist/entity-screen.esd')));
  const details = new Uint8Array(readFileSync(join(root, 'dist/entity-screen.details.esd')));
  const init = await value('init', { wasm: { bytes }, data: { bytes: data }, details: { bytes: details } });
  assert.equal(init.screener, 0);
  assert.equal(init.defaultThreshold, init.info.default_threshold);
  await value('details', { screener: 0 });
});

test('search answers summaries; detail gives the full records of a summary by its key; compare answers', async () => {
  const matches = await value('search', { screener: 0, query: 'Candiru', options: { limit: 3 } });
  assert.equal(matches[0].name, 'Candiru');
  assert.equal('record' in matches[0], false);
  assert.deepEqual(matches[0].countries, ['IL']);
  const detail = await value('detail', { screener: 0, key: matches[0].key });
  assert.equal(detail.key, matches[0].key);
  assert.equal(detail.id, matches[0].id);
  assert.deepEqual(detail.lists.map((l) => [l.code, l.id, l.key]), matches[0].lists.map((l) => [l.code, l.id, l.key]));
  assert.match(detail.record.federal_register_notice, /86 FR 60760/);
  assert.equal(detail.record.addresses[0].country, 'IL');
  assert.equal(await value('detail', { screener: 0, key: 4294967295 }), null);
  const notAKey = await ask('detail', { screener: 0, key: 'x' });
  assert.deepEqual([notAKey.ok, notAKey.error], [false, "detail takes a result's key (a whole number)"]);
  const cmp = await value('compare', { screener: 0, a: 'Candiru Ltd', b: 'Candiru' });
  assert.equal(cmp.match, true);
});

test('a search file opened without its details searches, and detail says the details are not loaded', async () => {
  const data = new Uint8Array(readFileSync(join(root, 'dist/entity-screen.esd')));
  const opened = await value('open', { bytes: data });
  assert.equal(opened.hasDetails, false);
  const matches = await value('search', { screener: opened.screener, query: 'Candiru', options: { limit: 1 } });
  assert.equal(matches[0].name, 'Candiru');
  const detail = await ask('detail', { screener: opened.screener, key: matches[0].key });
  assert.equal(detail.ok, false);
  assert.match(detail.error, /^details not loaded/);
  const wrong = await ask('open', { bytes: data, details: new Uint8Array(readFileSync(join(root, 'dist/entity-screen.esd'))) });
  assert.equal(wrong.ok, true); // search works; the details are refused, and detail() says why
  const refused = await ask('detail', { screener: wrong.value.screener, key: 0 });
  assert.equal(refused.ok, false);
  assert.ok(refused.error.length > 0);
  await value('close', { screener: opened.screener });
  await value('close', { screener: wrong.value.screener });
});

test('searchMany screens a batch in one request; a bad name gets its own error and the rest go on', async () => {
  const out = await value('searchMany', { screener: 0, queries: ['Candiru', 42, 'NSO Group'], options: { limit: 1 } });
  assert.equal(out.length, 3);
  assert.equal(out[0].matches[0].name, 'Candiru');
  assert.equal(out[1].error, 'query must be a string');
  assert.equal(out[2].matches[0].name, 'NSO Group');
  const bad = await ask('searchMany', { screener: 0, queries: 'Candiru' });
  assert.deepEqual([bad.ok, bad.error], [false, 'searchMany takes an array of queries']);
});

test('errors come back as messages: an unknown op, an unknown dataset, bad options, bad dataset bytes', async () => {
  assert.equal((await ask('nope')).error, 'unknown request nope');
  assert.equal((await ask('search', { screener: 7, query: 'x' })).error, 'no dataset 7');
  assert.match((await ask('search', { screener: 0, query: 'x', options: { lists: ['ZZ'] } })).error, /unknown list "ZZ"; known: EL,/);
  assert.match((await ask('search', { screener: 0, query: 'x', options: { threshold: 2 } })).error, /threshold must be between 0 and 1/);
  const open = await ask('open', { bytes: new Uint8Array([1, 2, 3]) });
  assert.equal(open.ok, false);
  assert.ok(open.error.length > 0);
  assert.equal((await ask('close', { screener: 0 })).error, 'the default dataset stays open');
});
