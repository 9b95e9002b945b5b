// The script form of the wasm and the dataset files: what the build writes
// (scripts/bytes-script.mjs) is what the loader reads (loadBytes with a
// `{script}` source, www/src/wasm-load.js), integrity-checked, and a damaged
// or tampered script is an error that names it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bytesAsScript, zopfliGzip } from '../../scripts/bytes-script.mjs';
import { loadBytes, SCRIPT_GLOBALS } from '../../www/src/wasm-load.js';

const dir = mkdtempSync(join(tmpdir(), 'es-script-'));
let n = 0;
// Each script at a new URL: import() runs a URL once per process.
const writeScript = (content) => {
  const file = join(dir, `s${n++}.js`);
  writeFileSync(file, content);
  return pathToFileURL(file).href;
};
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

// Bytes shaped like a dataset: repetitive text with random runs.
function datasetLike(size) {
  const parts = [];
  for (let i = 0; parts.length < size; i++) parts.push(...Buffer.from(`PARTY ${i} CO., LTD.\u0000`), ...randomBytes(i % 7));
  return Buffer.from(parts.slice(0, size));
}

test('the bytes a script carries come back the same, integrity-checked, for the data and the wasm globals', async () => {
  for (const [bytes, global] of [
    [datasetLike(200_000), SCRIPT_GLOBALS.data],
    [randomBytes(5_000), SCRIPT_GLOBALS.wasm],
    [Buffer.alloc(0), SCRIPT_GLOBALS.details],
  ]) {
    const url = writeScript(await bytesAsScript(bytes, global));
    const got = await loadBytes({ script: url, integrity: sri(bytes) }, { scriptGlobal: global });
    assert.deepEqual(Buffer.from(got), bytes);
    assert.equal(globalThis[global], undefined, 'the global is taken, not left behind');
  }
});

test('a served script costs about what its zopfli stream does, less than the raw bytes gzipped -9', async () => {
  const bytes = datasetLike(300_000);
  const script = await bytesAsScript(bytes, SCRIPT_GLOBALS.data);
  const served = gzipSync(script, { level: 9 }).length;
  const stream = (await zopfliGzip(bytes)).length;
  assert.ok(served < stream * 1.01, `served ${served} B, zopfli stream ${stream} B`);
  assert.ok(stream < gzipSync(bytes, { level: 9 }).length, 'zopfli beats gzip -9');
});

test('a damaged script is an error that names it; a tampered one fails its integrity check', async () => {
  const bytes = datasetLike(50_000);
  const good = (await bytesAsScript(bytes, SCRIPT_GLOBALS.data)).toString('utf8');
  // Cut short: the gzip stream ends early.
  const cut = writeScript(`${good.slice(0, good.length / 2)}";\n`);
  await assert.rejects(loadBytes({ script: cut, integrity: sri(bytes) }), (e) => e.message.startsWith(`${cut} is damaged`));
  // Not base64 at all.
  const junk = writeScript(`globalThis.${SCRIPT_GLOBALS.data} = "not base64 !!";\n`);
  await assert.rejects(loadBytes({ script: junk }), (e) => e.message.startsWith(`${junk} is damaged`));
  // Valid, but other bytes than the integrity hash names.
  const other = writeScript(await bytesAsScript(datasetLike(49_999), SCRIPT_GLOBALS.data));
  await assert.rejects(loadBytes({ script: other, integrity: sri(bytes) }, { what: 'the dataset bytes' }), /the dataset bytes do not match their integrity hash/);
});
