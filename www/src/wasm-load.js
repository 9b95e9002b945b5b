// Getting the wasm module and the dataset's bytes from wherever they are: a
// URL (fetched whole, SRI-checked; the wasm compiled while it streams in),
// bytes, base64 or one-char-per-byte text inlined in a page, gzip inlined as
// base64 or base-122 (decompressed with DecompressionStream), a script that carries the
// bytes (for pages whose CSP forbids fetch), or a file:// URL in Node. No
// DOM here: this runs in a Worker, on a page and in Node.

import { fromBase122 } from './base122.js';

/** Decodes base64 to bytes, with the native decoder where there is one. */
export function fromBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text.trim());
  const bin = atob(text.trim());
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Bytes from a string with one char per byte (U+0000..U+00FF): a
 * `{latin1}` source (the scripts of earlier builds carried their bytes so). */
export function fromLatin1(text) {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/**
 * Checks bytes against an SRI value ("sha384-<base64>"). The fetch path gets
 * this from fetch's own `integrity` option; other bytes are checked here.
 * Where SubtleCrypto is missing (an insecure context) the check is skipped.
 */
export async function checkIntegrity(bytes, integrity, what = 'the wasm bytes') {
  if (!integrity || !globalThis.crypto || !crypto.subtle) return;
  const [algo, expected] = integrity.split(/-(.*)/s);
  const name = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' }[algo];
  if (!name) return;
  const digest = new Uint8Array(await crypto.subtle.digest(name, bytes));
  let bin = '';
  for (const b of digest) bin += String.fromCharCode(b);
  if (btoa(bin) !== expected) throw new Error(`${what} do not match their integrity hash`);
}

/** The globals that entity-screen.wasm.js, entity-screen.esd.js and
 * entity-screen.details.esd.js assign their bytes to (the build,
 * scripts/build-web.mjs, writes the scripts with these names). */
export const SCRIPT_GLOBALS = { wasm: '__entityScreenWasm', data: '__entityScreenData', details: '__entityScreenDetails' };

/**
 * Where the details file of a dataset is, by default: the search file's URL
 * with its final `.esd` replaced by `.details.esd` (`entity-screen split
 * IN SEARCH.esd SEARCH.details.esd` names them so), null when the URL does
 * not end in `.esd`. One rule for the widget's `details-src` and the core's
 * `details` option.
 */
export function detailsUrlFor(url) {
  const u = new URL(String(url), 'file:///');
  if (!/\.esd$/i.test(u.pathname)) return null;
  const href = String(url);
  const at = href.search(/\.esd(?=[?#]|$)/i);
  return at < 0 ? null : `${href.slice(0, at)}.details.esd${href.slice(at + 4)}`;
}

/**
 * Runs a script that carries bytes (entity-screen.wasm.js,
 * entity-screen.esd.js, entity-screen.details.esd.js: base64 of the bytes
 * gzipped, written by scripts/bytes-script.mjs) and takes the string it
 * leaves in `globalName`. A script load is allowed by `script-src` where
 * `connect-src 'none'` forbids fetch. With import() (the file is valid as a
 * classic script and as a module), which is asynchronous, so the scripts of
 * the wasm, the search file and the details load in parallel; in a Worker
 * that keeps the large strings off the page's main thread. importScripts
 * (synchronous: it would load them one after the other) only where a
 * Worker refuses import().
 */
async function loadScript(url, globalName) {
  try {
    await import(/* webpackIgnore: true */ /* @vite-ignore */ url);
  } catch (e) {
    if (typeof importScripts !== 'function' || typeof globalThis[globalName] === 'string') throw e;
    importScripts(url);
  }
  const text = globalThis[globalName];
  delete globalThis[globalName];
  if (typeof text !== 'string') throw new Error(`${url} did not define ${globalName}`);
  return text;
}

/** The bytes a script's string carries (base64 of their gzip, written by
 * scripts/bytes-script.mjs); a damaged string is an error naming the
 * script. */
async function fromScriptText(text, url) {
  requireDecompression(); // a missing decoder is the browser's, not the script's
  try {
    return await gunzip(fromBase64(text));
  } catch (e) {
    throw new Error(`${url} is damaged (its base64 or gzip does not decode): ${(e && e.message) || e}`);
  }
}

/** Throws when this browser has no DecompressionStream (gzip's decoder). */
function requireDecompression() {
  if (typeof DecompressionStream !== 'function') throw new Error('this browser cannot decompress the inlined data (no DecompressionStream)');
}

/** Gunzips bytes with the browser's (or Node's) DecompressionStream. */
export async function gunzip(bytes) {
  requireDecompression();
  // A ReadableStream of our own, not Blob.stream() or Response: WebKit's
  // Workers started from a file:// page fail to read blobs
  // (NotReadableError), and this works everywhere.
  const input = new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  const reader = input.pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return concatBytes(chunks);
}

/** The chunks a decompressing stream gave, as one Uint8Array. */
export function concatBytes(chunks) {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Decompressors other than gzip, by name ('xz': xz.js registers it):
 * only the standalone page bundles one, so the builds served over HTTP
 * carry no decoder of their own. */
const decompressors = new Map();

/** Makes loadBytes take {<name>Base122} sources, decoded by `decode(bytes)
 * -> Promise<Uint8Array>`. */
export function registerDecompressor(name, decode) {
  decompressors.set(name, decode);
}

function decompressor(name) {
  const decode = decompressors.get(name);
  if (!decode) throw new Error(`this build cannot decompress ${name} data (no ${name} decoder is bundled)`);
  return decode;
}

/** Reads a file:// URL in Node. The module name is computed (a literal,
 * even a constant one, would be folded in and resolved by bundlers
 * building for browsers, which then fail on a Node built-in). */
async function readFileUrl(url) {
  const fsName = ['node', 'fs/promises'].join(':');
  const fs = await import(/* webpackIgnore: true */ /* @vite-ignore */ fsName);
  return new Uint8Array(await fs.readFile(new URL(url)));
}

/** A URL's bytes: fetched (SRI-checked by fetch), or read from disk for a
 * file:// URL outside a browser (SRI-checked here). `priority` is fetch's
 * hint ('low' for the details file, so on a slow link the search file's
 * bytes come first; browsers without the hint ignore it). */
export async function fetchBytes(url, integrity, what, priority) {
  const href = String(url);
  if (href.startsWith('file:') && typeof document === 'undefined' && typeof importScripts !== 'function') {
    const bytes = await readFileUrl(href);
    await checkIntegrity(bytes, integrity, what);
    return bytes;
  }
  const init = {};
  if (integrity) init.integrity = integrity;
  if (priority) init.priority = priority;
  let response;
  try {
    response = await fetch(href, init);
  } catch (e) {
    // Browsers say only "Failed to fetch" (or similar), also when the bytes
    // fail their integrity check: name the file, and both causes.
    throw new Error(`${href} could not be fetched (a network error, or bytes that do not match their integrity hash): ${(e && e.message) || e}`);
  }
  if (!response.ok) throw new Error(`${href}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Bytes as a Uint8Array, for an ArrayBuffer, any typed array or DataView. */
export function asBytes(value) {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return null;
}

/**
 * Bytes from any of these sources: bytes (ArrayBuffer or typed array); a URL
 * (string or URL object; fetched, or read from disk in Node); or an object
 * {bytes} | {url, integrity, priority} | {base64, integrity} | {latin1, integrity} |
 * {script, integrity} (a script that assigns base64 of the bytes gzipped
 * to `scriptGlobal`) |
 * {gzipBase64, integrity} | {gzipBase122, integrity} (base64 or base-122,
 * base122.js, of gzip: standalone.html inlines the wasm so) |
 * {xzBase122, integrity} (base-122 of .xz, standalone.html's dataset parts;
 * needs the decoder xz.js registers). `integrity` is checked on the bytes as they are used, after
 * decompression.
 */
export async function loadBytes(source, { what = 'the bytes', scriptGlobal = SCRIPT_GLOBALS.data } = {}) {
  const direct = asBytes(source);
  if (direct) return direct;
  if (typeof source === 'string' || source instanceof URL) source = { url: String(source) };
  if (!source || typeof source !== 'object') throw new TypeError(`no source for ${what}: pass a URL or bytes`);
  let bytes;
  if (source.bytes) bytes = asBytes(source.bytes);
  else if (source.url !== undefined) return fetchBytes(source.url, source.integrity, what, source.priority);
  else if (source.script) bytes = await fromScriptText(await loadScript(source.script, scriptGlobal), source.script);
  else if (source.latin1 !== undefined) bytes = fromLatin1(source.latin1);
  else if (source.base64 !== undefined) bytes = fromBase64(source.base64);
  else if (source.gzipBase64 !== undefined) bytes = await gunzip(fromBase64(source.gzipBase64));
  else if (source.gzipBase122 !== undefined) bytes = await gunzip(fromBase122(source.gzipBase122));
  else if (source.xzBase122 !== undefined) bytes = await decompressor('xz')(fromBase122(source.xzBase122));
  else throw new TypeError(`no source for ${what} in {${Object.keys(source).join(', ')}}`);
  if (!bytes) throw new TypeError(`${what}: bytes must be an ArrayBuffer or a typed array`);
  await checkIntegrity(bytes, source.integrity, what);
  return bytes;
}

/**
 * Compiles the wasm module from a WebAssembly.Module, {module}, or any
 * source loadBytes takes. A URL in a browser is compiled while it streams
 * in; when the server sends the wrong Content-Type, from its bytes.
 */
export async function compileWasm(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (source && source.module instanceof WebAssembly.Module) return source.module;
  if (typeof source === 'string' || source instanceof URL) source = { url: String(source) };
  const inBrowser = typeof document !== 'undefined' || typeof importScripts === 'function';
  if (source && typeof source === 'object' && source.url !== undefined && inBrowser) {
    const href = String(source.url);
    const response = await fetch(href, source.integrity ? { integrity: source.integrity } : {});
    if (!response.ok) throw new Error(`${href}: HTTP ${response.status}`);
    if (typeof WebAssembly.compileStreaming === 'function') {
      try {
        return await WebAssembly.compileStreaming(response.clone());
      } catch (e) {
        // A wrong MIME type fails here; the bytes are still good.
      }
    }
    return WebAssembly.compile(await response.arrayBuffer());
  }
  return WebAssembly.compile(await loadBytes(source, { what: 'the wasm bytes', scriptGlobal: SCRIPT_GLOBALS.wasm }));
}
