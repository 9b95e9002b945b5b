// standalone.html's xz payloads: the build's compressor
// (scripts/xz-compress.mjs, system xz) and the page's decoder
// (www/src/xz.js, xz-embedded in wasm), through loadBytes' {xzBase122}
// source as the page uses it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { xzCompress } from '../../scripts/xz-compress.mjs';
import { unxz } from '../../www/src/xz.js';
import { loadBytes, registerDecompressor } from '../../www/src/wasm-load.js';
import { toBase122 } from '../../www/src/base122.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Real bytes: the first MiB of the default dataset built from the real lists.
const dataset = new Uint8Array(readFileSync(resolve(root, 'data/default.esd')).subarray(0, 1 << 20));
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

test('without a registered xz decoder, an xz source is refused with an error that says so', async () => {
  await assert.rejects(loadBytes({ xzBase122: toBase122(xzCompress(new Uint8Array([1, 2, 3]))) }), /cannot decompress xz data/);
});

test('dataset bytes, random bytes and no bytes come back the same after xz and unxz', async () => {
  for (const bytes of [dataset, new Uint8Array(randomBytes(100_000)), new Uint8Array(0), new Uint8Array([0])]) {
    const out = await unxz(new Uint8Array(xzCompress(bytes)));
    assert.equal(out.length, bytes.length);
    assert.ok(Buffer.from(out).equals(Buffer.from(bytes)), `${bytes.length} bytes differ after the round trip`);
  }
});

test('the compressor writes the same bytes every time, smaller than gzip -9 on the dataset', async () => {
  const a = xzCompress(dataset);
  const b = xzCompress(dataset);
  assert.ok(a.equals(b));
  const { gzipSync } = await import('node:zlib');
  assert.ok(a.length < gzipSync(dataset, { level: 9 }).length);
});

test('a truncated or bit-flipped xz stream is refused with a clear error, not hung on', async () => {
  const xz = new Uint8Array(xzCompress(dataset));
  await assert.rejects(unxz(xz.subarray(0, xz.length >> 1)), /the inlined xz data could not be decompressed/);
  await assert.rejects(unxz(xz.subarray(0, 20)), /the inlined xz data could not be decompressed/);
  const flipped = xz.slice();
  flipped[xz.length >> 1] ^= 0x10;
  await assert.rejects(unxz(flipped), /the inlined xz data could not be decompressed/);
  await assert.rejects(unxz(new Uint8Array(randomBytes(1000))), /the inlined xz data could not be decompressed/);
});

test('loadBytes decodes an {xzBase122} source once xz is registered, and checks the integrity of the result', async () => {
  registerDecompressor('xz', unxz);
  const text = toBase122(xzCompress(dataset));
  const out = await loadBytes({ xzBase122: text, integrity: sri(dataset) });
  assert.ok(Buffer.from(out).equals(Buffer.from(dataset)));
  await assert.rejects(loadBytes({ xzBase122: text, integrity: sri(new Uint8Array([1])) }, { what: 'the dataset bytes' }), /the dataset bytes do not match their integrity hash/);
});
