// The script form of the wasm and of the dataset files (entity-screen.wasm.js,
// entity-screen.esd.js, entity-screen.details.esd.js): for pages whose CSP
// forbids fetch (`connect-src 'none'`), where loading a script is still
// allowed. www/src/wasm-load.js reads it back (loadBytes, a `{script}`
// source); tests/unit/script-source.test.js checks the round trip.
//
// The script assigns base64 of the bytes' gzip, by zopfli (npm @gfx/zopfli,
// Apache-2.0; 5 iterations), to a global: globalThis.__entityScreenWasm,
// __entityScreenData or __entityScreenDetails (SCRIPT_GLOBALS in
// wasm-load.js). It is valid as a classic script, for importScripts in the
// Worker, and as a module, for import() on the page.
//
// Why this form: zopfli's deflate is about 7 % smaller than gzip -9 (wasm
// 347 -> 323 KB, search file 899 -> 837 KB), deterministic, and read by the
// browser's own DecompressionStream, so no decoder ships. A server's gzip
// takes base64 of compressed bytes back to within 0.5 % of those bytes (each
// char carries 6 random bits), so the script costs on the wire what the
// zopfli stream does. The scripts used to carry one char per byte: 3 to 9 %
// over the raw file gzipped, and for the search file a 2.5 M-char string
// (3.5 MB of UTF-8) that the Worker parsed, then copied char by char. Now
// it is 1.1 M ASCII chars, decoded natively (Uint8Array.fromBase64 or atob,
// then DecompressionStream).
import { gzipAsync } from '@gfx/zopfli';

const done = new Map();

/** The zopfli gzip of `bytes` (a Buffer), memoised by buffer: the build
 * uses the wasm's twice (its script and standalone.html). */
export function zopfliGzip(bytes) {
  if (!done.has(bytes)) done.set(bytes, gzipAsync(bytes, { numiterations: 5 }).then((g) => Buffer.from(g)));
  return done.get(bytes);
}

/** The script that assigns `bytes` to `globalThis[globalName]`, as a Buffer
 * of its UTF-8. */
export async function bytesAsScript(bytes, globalName) {
  const b64 = (await zopfliGzip(bytes)).toString('base64');
  return Buffer.from(`globalThis.${globalName} = "${b64}";\n`, 'utf8');
}
