// The page side of the wasm, shared by every element that screens names
// (<entity-screen>, and <entity-screen-batch> in batch/). It starts the
// Worker that owns the wasm (or, where the page's CSP forbids blob: workers,
// runs the same host code on the page) and turns requests into promises. One
// engine per page and wasm source, so the lists load once whatever the
// number of elements.
//
// API (every method resolves or rejects with an Error carrying the core's
// message):
//   const engine = engineFor(key, wasmSource, dataSource, detailsSource)
//       // each () => a source for compileWasm / loadBytes (wasm-load.js);
//       // one engine per key: elements with the same files share it
//   await engine.start()        -> {screener: 0, info, defaultThreshold, timings, hasDetails, mode: 'worker'|'page'}
//                                  (once search works; the details are still on their way)
//   await engine.details(screener)                     -> {timings} once the details are attached
//   await engine.search(screener, query, options)      -> summaries
//   await engine.searchMany(screener, queries, options) -> [{query, matches} | {query, error}]
//   await engine.detail(screener, key)                 -> the party's full records, or null (waits for the details)
//   await engine.compare(screener, a, b)               -> {score, match, reasons, pairs}
//   await engine.open(bytes, details?) -> {screener, info, hasDetails}  (another dataset, by its bytes)
//   await engine.close(screener)                        (frees an opened dataset)
// `screener` is the number start() or open() returned (0: the default one).
// The wasm, the search file and the details file are requested together at
// start, whatever is typed. Answers may come in any order (a detail that
// waits for the details file does not hold up searches); callers that must
// drop stale answers keep their own sequence number (see ui/controller.js).

import { createHost } from './host.js';
import WORKER_SOURCE from '#worker-source';

/** How long a Worker may take to answer its first message before the page
 * gives up on it and runs the host itself. */
const WORKER_START_TIMEOUT_MS = 10000;

/**
 * Starts the Worker and posts it `first` (the init request) right behind
 * the handshake, so that it starts loading the wasm and the lists as soon as
 * its script runs, not a round trip later. Resolves to the Worker once it
 * has answered the handshake, with every later reply going to `settle`; to
 * null where there is no Worker, the page's CSP refuses a blob: one, or it
 * does not answer in time (the caller then runs the host on the page and
 * sends `first` again: a refused Worker never ran it).
 */
function startWorker(first, settle) {
  if (typeof Worker !== 'function' || typeof Blob !== 'function') return Promise.resolve(null);
  let url;
  let worker;
  try {
    url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    worker = new Worker(url, { name: 'entity-screen' });
  } catch (e) {
    if (url) URL.revokeObjectURL(url);
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    let answered = false;
    const done = (ok) => {
      clearTimeout(timer);
      URL.revokeObjectURL(url);
      worker.onerror = null;
      if (!ok) {
        worker.onmessage = null;
        worker.terminate();
      }
      resolve(ok ? worker : null);
    };
    const timer = setTimeout(() => done(false), WORKER_START_TIMEOUT_MS);
    worker.onmessage = (event) => {
      if (answered) return settle(event.data);
      answered = true;
      done(event.data && event.data.value === 'pong');
    };
    worker.onerror = (event) => {
      event.preventDefault();
      done(false);
    };
    worker.postMessage({ id: 0, op: 'ping' });
    worker.postMessage(first);
  });
}

export class Engine {
  /** @param {() => Promise<object>|object} wasmSource what host.js compiles.
   * @param {() => Promise<object>|object} dataSource the search file's (or a
   * full dataset file's) bytes or where they are (null: the module's
   * embedded one).
   * @param {() => Promise<object>|object} detailsSource the details file's,
   * likewise (null: none, for a full dataset file). */
  constructor(wasmSource, dataSource, detailsSource) {
    this.wasmSource = wasmSource;
    this.dataSource = dataSource || (() => null);
    this.detailsSource = detailsSource || (() => null);
    this.pending = new Map();
    this.nextId = 1;
    this.started = null;
    this.mode = null;
    this.send = null;
  }

  /** Loads the wasm and the default dataset once; resolves to
   * {screener, info, defaultThreshold, timings, mode}. */
  start() {
    if (!this.started) this.started = this.#start();
    return this.started;
  }

  async #start() {
    const [wasm, data, details] = await Promise.all([this.wasmSource(), this.dataSource(), this.detailsSource()]);
    const id = this.nextId++;
    const init = { wasm, data, details, id, op: 'init' };
    const initialised = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
    const worker = await startWorker(init, (reply) => this.#settle(reply));
    if (worker) {
      this.mode = 'worker';
      worker.onerror = (event) => {
        event.preventDefault();
        this.#failAll(new Error(event.message || 'the search worker stopped'));
      };
      this.send = (message, transfer) => worker.postMessage(message, transfer || []);
    } else {
      this.mode = 'page';
      const handle = createHost();
      this.send = (message) => {
        setTimeout(async () => this.#settle(await handle(message)), 0);
      };
    }
    if (this.mode === 'page') this.send(init);
    const value = await initialised;
    return { ...value, mode: this.mode };
  }

  /** One request; `fields` must not use the names `id` and `op` (the
   * envelope's). */
  request(op, fields, transfer) {
    return new Promise((resolve, reject) => {
      if (fields && (Object.hasOwn(fields, 'id') || Object.hasOwn(fields, 'op'))) {
        throw new Error('request fields may not be named id or op');
      }
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      this.send({ ...fields, id, op }, transfer);
    });
  }

  #settle(reply) {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.value);
    else p.reject(new Error(reply.error));
  }

  #failAll(error) {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  async search(screener, query, options) {
    await this.start();
    return this.request('search', { screener, query, options });
  }

  async searchMany(screener, queries, options) {
    await this.start();
    return this.request('searchMany', { screener, queries, options });
  }

  /** A party's full records by the `key` of its summary; waits for the
   * details file if it is still on its way. */
  async detail(screener, key) {
    await this.start();
    return this.request('detail', { screener, key });
  }

  /** Resolves when the screener's details are attached (rejects with
   * "details not loaded: why" when they cannot be). */
  async details(screener) {
    await this.start();
    return this.request('details', { screener });
  }

  async compare(screener, a, b) {
    await this.start();
    return this.request('compare', { screener, a, b });
  }

  /** Opens another dataset from its bytes (copied, the caller keeps
   * theirs): a full dataset file, or a search file and, optionally, its
   * details file's bytes. Resolves to {screener, info, hasDetails}. */
  async open(bytes, details) {
    await this.start();
    const copy = (b) => (b instanceof ArrayBuffer ? new Uint8Array(b.slice(0)) : new Uint8Array(b));
    const fields = { bytes: copy(bytes) };
    if (details !== undefined && details !== null) fields.details = copy(details);
    const transfer = [fields.bytes.buffer];
    if (fields.details) transfer.push(fields.details.buffer);
    return this.request('open', fields, transfer);
  }

  async close(screener) {
    await this.start();
    return this.request('close', { screener });
  }

  // ---- batch screening (<entity-screen-batch>, src/batch in the crate) ----

  /** Reads a batch input: `source` is {text} or {file} (a File or Blob,
   * read in the Worker); `spec` {fileName, column, countryColumn}. Resolves
   * to {input, count, format, columns, nameColumn, countryColumn}: the rows
   * stay in the Worker under the id `input`, for screenInput. */
  async readInput(source, spec) {
    await this.start();
    return this.request('readInput', { ...source, spec });
  }

  /** Screens rows [start, end) of an input from readInput; resolves to one
   * result row per row, in order. */
  async screenInput(screener, input, start, end, options) {
    await this.start();
    return this.request('screenRows', { screener, input, start, end, options });
  }

  /** The audit record of a batch (see batchAudit in src/wasm.rs). */
  async batchAudit(screener, request) {
    await this.start();
    return this.request('batchAudit', { screener, request });
  }

  /** The CSV export of result rows, as text. */
  async batchCsv(rows) {
    await this.start();
    return this.request('batchCsv', { rows });
  }

  /** Columns, statuses, cut-offs and limits of batch screening. */
  async batchSchema() {
    await this.start();
    return this.request('batchSchema', {});
  }
}

const engines = new Map();

/** The page's engine for one wasm, data and details source (by key),
 * created on first use. */
export function engineFor(name, wasmSource, dataSource, detailsSource) {
  if (!engines.has(name)) engines.set(name, new Engine(wasmSource, dataSource, detailsSource));
  return engines.get(name);
}
