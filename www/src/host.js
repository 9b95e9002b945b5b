// The side that owns the wasm: it compiles the module, holds the Screeners
// and answers requests. It runs inside a Worker (worker-main.js) so that
// building the index and searching never block the page; when a page's CSP
// forbids the Worker, engine.js runs the same code on the page instead.
//
// Requests are plain objects {id, op, ...}; every reply is {id, ok, value}
// or {id, ok: false, error}. Nothing here touches the DOM.

import glue from '#wasm-glue';
import { decisionsOf } from './batch/decisions.js';

/** Decodes base64 to bytes, with the native decoder where there is one. */
function fromBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text.trim());
  const bin = atob(text.trim());
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Bytes from a string with one char per byte (U+0000..U+00FF): how
 * entity-screen.wasm.js carries the wasm, since in a UTF-8 JS file such a
 * string gzips almost as small as the bytes themselves (base64: ~45 % more). */
function fromLatin1(text) {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/**
 * Checks bytes against an SRI value ("sha384-<base64>"). The fetch path gets
 * this from fetch's own `integrity` option; inlined bytes are checked here.
 * Where SubtleCrypto is missing (an insecure context) the check is skipped.
 */
async function checkIntegrity(bytes, integrity) {
  if (!integrity || !globalThis.crypto || !crypto.subtle) return;
  const [algo, expected] = integrity.split(/-(.*)/s);
  const name = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' }[algo];
  if (!name) return;
  const digest = new Uint8Array(await crypto.subtle.digest(name, bytes));
  let bin = '';
  for (const b of digest) bin += String.fromCharCode(b);
  if (btoa(bin) !== expected) throw new Error('the wasm bytes do not match their integrity hash');
}

/** The global that entity-screen.wasm.js assigns the wasm bytes to. */
const SCRIPT_GLOBAL = '__entityScreenWasm';

/**
 * Runs entity-screen.wasm.js and takes the string it leaves in a global. A
 * script load is allowed by `script-src` where `connect-src 'none'` forbids
 * fetch. In the Worker, importScripts keeps the 8 MB string off the page's
 * main thread and out of its memory; on the page, import() (module or not, the
 * file is valid as either).
 */
async function loadScript(url) {
  if (typeof importScripts === 'function') importScripts(url);
  else await import(url);
  const text = globalThis[SCRIPT_GLOBAL];
  delete globalThis[SCRIPT_GLOBAL];
  if (typeof text !== 'string') throw new Error(`${url} did not define the wasm`);
  return text;
}

/**
 * Compiles the module from one of the sources engine.js can hand over:
 * {module} (already compiled), {bytes}, {base64, integrity},
 * {latin1, integrity}, {script, integrity} or {url, integrity}. A URL is compiled while it streams in; when the server
 * sends the wrong Content-Type, from its bytes instead.
 */
async function compile(source) {
  if (source.module instanceof WebAssembly.Module) return source.module;
  if (source.bytes) return WebAssembly.compile(source.bytes);
  if (source.script) source = { latin1: await loadScript(source.script), integrity: source.integrity };
  if (source.base64 !== undefined || source.latin1 !== undefined) {
    const bytes = source.latin1 !== undefined ? fromLatin1(source.latin1) : fromBase64(source.base64);
    await checkIntegrity(bytes, source.integrity);
    return WebAssembly.compile(bytes);
  }
  const init = source.integrity ? { integrity: source.integrity } : {};
  const response = await fetch(source.url, init);
  if (!response.ok) throw new Error(`${source.url}: HTTP ${response.status}`);
  if (typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(response.clone());
    } catch (e) {
      // A wrong MIME type fails here; the bytes are still good.
    }
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/** Inputs read and kept here, by id, so their rows never cross to the page
 * (100,000 rows cloned at once would block its main thread); the newest few
 * are kept, older ones dropped. */
const KEPT_INPUTS = 3;

export function createHost() {
  const inputs = new Map();
  let nextInput = 1;
  const screeners = new Map();
  let nextId = 1;
  let Screener = null;

  function screener(id) {
    const s = screeners.get(id);
    if (!s) throw new Error(`no dataset ${id}`);
    return s;
  }

  const ops = {
    async init({ wasm }) {
      const t0 = performance.now();
      const module = await compile(wasm);
      const t1 = performance.now();
      // Compiling was the slow, async part; instantiating a compiled module
      // takes a few ms, so the glue's synchronous init does.
      glue.initSync({ module });
      Screener = glue.Screener;
      const t2 = performance.now();
      const s = new Screener();
      const t3 = performance.now();
      screeners.set(0, s);
      return {
        screener: 0,
        info: s.info(),
        defaultThreshold: Screener.defaultThreshold(),
        timings: { compile: t1 - t0, instantiate: t2 - t1, construct: t3 - t2 },
      };
    },
    open({ bytes }) {
      if (!Screener) throw new Error('the wasm module is not loaded yet');
      const s = Screener.fromBytes(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
      const id = nextId++;
      screeners.set(id, s);
      return { screener: id, info: s.info() };
    },
    search({ screener: id, query, options }) {
      return screener(id).search(query, options);
    },
    compare({ a, b }) {
      if (!Screener) throw new Error('the wasm module is not loaded yet');
      return Screener.compare(a, b);
    },
    // ---- batch screening (<entity-screen-batch>); all the logic is the
    // crate's src/batch, through the glue.

    /** Reads pasted text, a File/Blob or bytes with the CLI's reader:
     * {format, columns, nameColumn, countryColumn, rows}. Reading the File
     * here keeps its bytes off the page's main thread. */
    async readInput({ text, file, bytes, spec }) {
      if (!Screener) throw new Error('the wasm module is not loaded yet');
      let data;
      if (typeof text === 'string') data = new TextEncoder().encode(text);
      else if (file) data = new Uint8Array(await file.arrayBuffer());
      else data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
      const read = Screener.readInput(data, spec || {});
      const input = nextInput++;
      inputs.set(input, read.rows);
      for (const old of inputs.keys()) if (inputs.size > KEPT_INPUTS) inputs.delete(old);
      return {
        input,
        count: read.rows.length,
        format: read.format,
        columns: read.columns,
        nameColumn: read.nameColumn,
        countryColumn: read.countryColumn,
      };
    },
    /** Screens rows given, or rows [start, end) of a kept input. */
    screenRows({ screener: id, rows, input, start, end, options }) {
      if (!rows) {
        const kept = inputs.get(input);
        if (!kept) throw new Error(`no input ${input} (read it again)`);
        rows = kept.slice(start, end);
      }
      return screener(id).screenRows(rows, options);
    },
    batchAudit({ screener: id, request }) {
      return screener(id).batchAudit(request);
    },
    batchCsv({ rows }) {
      if (!Screener) throw new Error('the wasm module is not loaded yet');
      return Screener.batchCsv(rows);
    },
    /** The decided rows of an earlier JSON export (a File/Blob, or the
     * parsed value), parsed here so a large file never blocks the page. */
    async readDecisions({ file, value }) {
      return decisionsOf(file ? JSON.parse(await file.text()) : value);
    },
    batchSchema() {
      if (!Screener) throw new Error('the wasm module is not loaded yet');
      return Screener.batchSchema();
    },
    ping() {
      return 'pong';
    },
  };

  return async function handle(message) {
    const { id, op } = message;
    try {
      if (!Object.hasOwn(ops, op)) throw new Error(`unknown request ${op}`);
      return { id, ok: true, value: await ops[op](message) };
    } catch (e) {
      return { id, ok: false, error: String((e && e.message) || e) };
    }
  };
}
