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
//   init {wasm, data}                 -> {screener: 0, info, defaultThreshold, timings}
//   open {bytes}                      -> {screener, info}        (another dataset)
//   search {screener, query, options} -> matches
//   searchMany {screener, queries, options} -> [{query, matches} | {query, error}]
//   detail {screener, recordId}       -> record | null
//   compare {screener, a, b}          -> {score, match, reasons, pairs}
//   close {screener}                  -> true                    (frees it)
// Nothing here touches the DOM.

import { createScreener } from './core.js';

export function createHost() {
  const screeners = new Map();
  let nextId = 1;
  let wasmSource = null;

  function screener(id) {
    const s = screeners.get(id ?? 0);
    if (!s) throw new Error(`no dataset ${id}`);
    return s;
  }

  const ops = {
    // `wasm` and `data` are sources for compileWasm and loadBytes
    // (wasm-load.js): a URL with its integrity, a script, inlined text.
    async init({ wasm, data }) {
      wasmSource = wasm;
      const s = await createScreener({ wasm, data });
      screeners.set(0, s);
      return { screener: 0, info: s.info(), defaultThreshold: s.defaultThreshold, timings: s.timings };
    },
    async open({ bytes }) {
      if (!wasmSource) throw new Error('the wasm module is not loaded yet');
      const s = await createScreener({ wasm: wasmSource, data: bytes });
      const id = nextId++;
      screeners.set(id, s);
      return { screener: id, info: s.info() };
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
    detail({ screener: id, recordId }) {
      return screener(id).detail(recordId);
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
