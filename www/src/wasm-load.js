// Getting the wasm module (and dataset bytes) from wherever they are: a URL
// (fetched, compiled while it streams in, SRI-checked), bytes, base64 or
// one-char-per-byte text inlined in a page, a script that carries the bytes
// (for pages whose CSP forbids fetch), or a file:// URL in Node. No DOM here:
// this runs in a Worker, on a page and in Node.

/** Decodes base64 to bytes, with the native decoder where there is one. */
export function fromBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text.trim());
  const bin = atob(text.trim());
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Bytes from a string with one char per byte (U+0000..U+00FF): how
 * entity-screen.wasm.js carries the wasm, since in a UTF-8 JS file such a
 * string gzips almost as small as the bytes themselves (base64: ~45 % more). */
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

/** The global that entity-screen.wasm.js assigns the wasm bytes to. */
const SCRIPT_GLOBAL = '__entityScreenWasm';

/**
 * Runs entity-screen.wasm.js and takes the string it leaves in a global. A
 * script load is allowed by `script-src` where `connect-src 'none'` forbids
 * fetch. In a Worker, importScripts keeps the 8 MB string off the page's
 * main thread; on the page, import() (the file is valid as either).
 */
async function loadScript(url) {
  if (typeof importScripts === 'function') importScripts(url);
  else await import(/* webpackIgnore: true */ url);
  const text = globalThis[SCRIPT_GLOBAL];
  delete globalThis[SCRIPT_GLOBAL];
  if (typeof text !== 'string') throw new Error(`${url} did not define the wasm`);
  return text;
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
 * file:// URL outside a browser (SRI-checked here). */
export async function fetchBytes(url, integrity, what) {
  const href = String(url);
  if (href.startsWith('file:') && typeof document === 'undefined' && typeof importScripts !== 'function') {
    const bytes = await readFileUrl(href);
    await checkIntegrity(bytes, integrity, what);
    return bytes;
  }
  const response = await fetch(href, integrity ? { integrity } : {});
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
 * Compiles the module from any of these sources: a WebAssembly.Module;
 * bytes (ArrayBuffer or typed array); a URL (string or URL object); or an
 * object {module} | {bytes} | {base64, integrity} | {latin1, integrity} |
 * {script, integrity} | {url, integrity}. A URL is compiled while it
 * streams in; when the server sends the wrong Content-Type, from its bytes.
 */
export async function compileWasm(source) {
  if (source instanceof WebAssembly.Module) return source;
  const bytes = asBytes(source);
  if (bytes) return WebAssembly.compile(bytes);
  if (typeof source === 'string' || source instanceof URL) source = { url: String(source) };
  if (!source || typeof source !== 'object') throw new TypeError('no wasm source: pass a URL, bytes or a WebAssembly.Module');
  if (source.module instanceof WebAssembly.Module) return source.module;
  if (source.bytes) return WebAssembly.compile(asBytes(source.bytes));
  if (source.script) source = { latin1: await loadScript(source.script), integrity: source.integrity };
  if (source.base64 !== undefined || source.latin1 !== undefined) {
    const b = source.latin1 !== undefined ? fromLatin1(source.latin1) : fromBase64(source.base64);
    await checkIntegrity(b, source.integrity);
    return WebAssembly.compile(b);
  }
  const href = String(source.url);
  if (href.startsWith('file:') && typeof document === 'undefined' && typeof importScripts !== 'function') {
    return WebAssembly.compile(await fetchBytes(href, source.integrity));
  }
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
