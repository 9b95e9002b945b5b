// The side that owns the wasm: it holds the screeners (core.js) and answers
// requests. It runs inside a Worker (worker-main.js) so that building the
// index and searching never block the page; when a page's CSP forbids the
// Worker, engine.js runs the same code on the page instead.
//
// The protocol (engine.js is its one client; a new element should use
// Engine rather than post these itself):
//   request  {id, op, ...fields}
//   reply    {id, ok: true, value} | {id, ok: false, error: message}
// ops:
//   ping                              -> 'pong'
//   init {wasm, data, details}        -> {screener: 0, info, defaultThreshold, timings, hasDetails}
//                                        (as soon as the search file is in)
//   details {screener}                -> {timings} once the details are attached
//                                        (error "details not loaded: why" if they cannot be)
//   open {bytes, details?}            -> {screener, info, hasDetails}  (another dataset)
//   search {screener, query, options} -> summaries
//   searchMany {screener, queries, options} -> [{query, matches} | {query, error}]
//   detail {screener, key}            -> {key, id, name, source, type, record, lists, also_on} | null
//                                        (waits for the details if they are still on their way)
//   compare {screener, a, b}          -> {score, match, reasons, pairs}
//   close {screener}                  -> true                    (frees it)
// Replies go out as each request finishes, not in order: a `detail` that
// waits for the details file never holds up the searches behind it.
// Nothing here touches the DOM.

import { createScreener, readInput, batchCsv, batchSchema } from './core.js';
import { decisionsOf } from './batch/decisions.js';

/** Inputs read and kept here, by id, so their rows never cross to the page
 * (100,000 rows cloned at once would block its main thread); the newest few
 * are kept, older ones dropped. */
const KEPT_INPUTS = 3;

export function createHost() {
  const inputs = new Map();
  let nextInput = 1;
  const screeners = new Map();
  let nextId = 1;
  let wasmSource = null;

  function screener(id) {
    const s = screeners.get(id ?? 0);
    if (!s) throw new Error(`no dataset ${id}`);
    return s;
  }

  const ops = {
    // `wasm`, `data` and `details` are sources for compileWasm and
    // loadBytes (wasm-load.js): a URL with its integrity, a script, inlined
    // text. The three are requested at once; this answers when search works.
    async init({ wasm, data, details }) {
      wasmSource = wasm;
      const s = await createScreener({ wasm, data, details });
      screeners.set(0, s);
      return { screener: 0, info: s.info(), defaultThreshold: s.defaultThreshold, timings: s.timings, hasDetails: s.hasDetails() };
    },
    async details({ screener: id }) {
      const s = screener(id);
      await s.details;
      return { timings: s.timings };
    },
    async open({ bytes, details }) {
      if (!wasmSource) throw new Error('the wasm module is not loaded yet');
      const s = await createScreener({ wasm: wasmSource, data: bytes, details });
      const id = nextId++;
      screeners.set(id, s);
      return { screener: id, info: s.info(), hasDetails: s.hasDetails() };
    },
    search({ screener: id, query, options }) {
      return screener(id).search(query, options);
    },
    // One request for many names (batch screening): one message each way
    // instead of one per name. A bad name gets its error; the rest go on.
    searchMany({ screener: id, queries, options }) {
      const s = screener(id);
      if (!Array.isArray(queries)) throw new Error('searchMany takes an array of queries');
      return queries.map((query) => {
        try {
          return { query, matches: s.search(query, options) };
        } catch (e) {
          return { query, error: String((e && e.message) || e) };
        }
      });
    },
    detail({ screener: id, key }) {
      return screener(id).detail(key);
    },
    compare({ screener: id, a, b }) {
      return screener(id).compare(a, b);
    },
    close({ screener: id }) {
      if (id === 0) throw new Error('the default dataset stays open');
      screener(id).free();
      screeners.delete(id);
      return true;
    },
    // ---- batch screening (<entity-screen-batch>); all the logic is the
    // crate's src/batch, through the glue.

    /** Reads pasted text, a File/Blob or bytes with the CLI's reader:
     * {format, columns, nameColumn, countryColumn, rows}. Reading the File
     * here keeps its bytes off the page's main thread. */
    async readInput({ text, file, bytes, spec }) {
      if (!wasmSource) throw new Error('the wasm module is not loaded yet');
      let data;
      if (typeof text === 'string') data = new TextEncoder().encode(text);
      else if (file) data = new Uint8Array(await file.arrayBuffer());
      else data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
      const read = readInput(data, spec || {});
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
    /** Screens rows given, or rows [start, end) of a kept input. A row
     * carries its listings' fingerprint, so this waits for the details. */
    async screenRows({ screener: id, rows, input, start, end, options }) {
      const s = screener(id);
      if (!rows) {
        const kept = inputs.get(input);
        if (!kept) throw new Error(`no input ${input} (read it again)`);
        rows = kept.slice(start, end);
      }
      if (!s.hasDetails()) await s.details;
      return s.screenRows(rows, options);
    },
    batchAudit({ screener: id, request }) {
      return screener(id).batchAudit(request);
    },
    batchCsv({ rows }) {
      if (!wasmSource) throw new Error('the wasm module is not loaded yet');
      return batchCsv(rows);
    },
    /** The decided rows of an earlier JSON export (a File/Blob, or the
     * parsed value), parsed here so a large file never blocks the page. */
    async readDecisions({ file, value }) {
      return decisionsOf(file ? JSON.parse(await file.text()) : value);
    },
    batchSchema() {
      if (!wasmSource) throw new Error('the wasm module is not loaded yet');
      return batchSchema();
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
