// The text encoding of the standalone page's inlined bytes (www/src/base122.js):
// round trips, and never writes what the HTML parser changes in script data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { toBase122, fromBase122, FORBIDDEN } from '../../www/src/base122.js';

test('any bytes come back the same, whatever their length, including forbidden values at the very end', () => {
  const cases = [[], [0], [0x3c], [0xff], [0, 0, 0], [0x1a, 0x00], [0x06, 0x80]];
  for (let n = 1; n <= 40; n++) cases.push([...randomBytes(n)]);
  // Every byte value, and runs of what encodes to forbidden groups.
  cases.push([...Array(256).keys()], Array(50).fill(0), Array(50).fill(0x3c), Array(49).fill(0x1a));
  for (const c of cases) {
    const bytes = new Uint8Array(c);
    assert.deepEqual(fromBase122(toBase122(bytes)), bytes, `bytes ${c.slice(0, 8)}… (${c.length})`);
  }
  const big = gzipSync(randomBytes(300_000));
  assert.deepEqual(fromBase122(toBase122(big)), new Uint8Array(big));
});

test('the text has no NUL, CR or "<", and gzip takes about 8/7 of its bytes in UTF-8 (base64: 4/3)', () => {
  const gz = gzipSync(randomBytes(200_000));
  const text = toBase122(gz);
  assert.equal(/[\u0000\r<]/.test(text), false);
  for (const v of FORBIDDEN) assert.equal(text.includes(String.fromCharCode(v)), false);
  const ratio = Buffer.byteLength(text, 'utf8') / gz.length;
  assert.ok(ratio > 1.14 && ratio < 1.15, `UTF-8 bytes per byte: ${ratio}`);
});

test('a character outside the alphabet is an error that says where', () => {
  assert.throws(() => fromBase122('ab\u20acc'), /the inlined data is damaged: character U\+20ac at 2/);
  assert.throws(() => fromBase122('\u0400'), /damaged/);
});
