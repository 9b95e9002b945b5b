// The screening core without any UI: the wasm (Rust matcher and dataset
// reader) behind a small promise-free API once created. The Worker of the
// widget (host.js) and dist/entity-screen-core.js (core-entry.js) both use
// this module, so there is one way to load and call the wasm.
//
//   const screener = await createScreener({ wasm, data });  // data: the dataset file
//   screener.search('Candiru', { limit: 5 });   // synchronous: the matches
//   screener.detail(id);                        // the full record, or null
//   screener.compare('Candiru Ltd', 'Candiru'); // {score, match, reasons, pairs}
//   screener.info();                            // {label, format_version, default_threshold, lists}
//
// One wasm instance per JS realm: the first createScreener instantiates it,
// later calls reuse it (their `wasm` option is then ignored), so opening a
// second dataset costs only decoding and indexing it.

import glue from '#wasm-glue';
import { asBytes, compileWasm, loadBytes } from './wasm-load.js';

let instance = null; // Promise<{timings}> of the one instantiation

const now = () => (globalThis.performance ? performance.now() : Date.now());

function instantiate(wasm) {
  if (!instance) {
    instance = (async () => {
      const t0 = now();
      const module = await compileWasm(wasm);
      const t1 = now();
      // Compiling was the slow, async part; instantiating a compiled module
      // takes a few ms, so the glue's synchronous init does.
      glue.initSync({ module });
      return { compile: t1 - t0, instantiate: now() - t1 };
    })();
    instance.catch(() => {
      instance = null; // a failed load may be retried with another source
    });
  }
  return instance;
}

/** The core's default minimum score (DEFAULT_THRESHOLD in src/matcher.rs),
 * once the wasm is instantiated. */
export async function defaultThreshold(wasm) {
  await instantiate(wasm);
  return glue.Screener.defaultThreshold();
}

/** Dataset bytes from `data`: a URL (string or URL), ArrayBuffer, typed
 * array, or a source object loadBytes takes; null for the dataset embedded
 * in the wasm (only a module built with the `embed` feature has one). */
async function datasetBytes(data, integrity) {
  if (data === undefined || data === null) return null;
  let source = data;
  if (integrity) {
    const bytes = asBytes(data);
    if (bytes) source = { bytes, integrity };
    else if (typeof data === 'string' || data instanceof URL) source = { url: String(data), integrity };
    else source = { ...data, integrity };
  }
  return loadBytes(source, { what: 'the dataset bytes' });
}

/**
 * Creates a screener. Options (the entry, core-entry.js or host.js's
 * caller, supplies the defaults):
 * - `wasm`: where the module is (see compileWasm in wasm-load.js);
 * - `data`: the dataset file (`entity-screen build --out FILE`): a URL,
 *   ArrayBuffer, Uint8Array or a loadBytes source; fetched whole;
 * - `dataIntegrity`: an SRI value the dataset's bytes must match.
 * The wasm and the dataset load in parallel; only then is the index built.
 */
export async function createScreener(options = {}) {
  const { wasm, data, dataIntegrity } = options || {};
  const [load, bytes] = await Promise.all([instantiate(wasm), datasetBytes(data, dataIntegrity)]);
  const t0 = now();
  const inner = bytes ? glue.Screener.fromBytes(bytes) : new glue.Screener();
  const timings = { ...load, construct: now() - t0 };
  return wrap(inner, timings);
}

function wrap(inner, timings) {
  return {
    /** Ranked matches, best first, for `query` (a string); options
     * {limit, threshold, lists, types, countries, prefix}. Synchronous. */
    search: (query, options) => inner.search(query, options),
    /** The full record of a party by its id, or null. */
    detail: (id) => inner.detail(id),
    /** Scores two names against each other: {score, match, reasons, pairs}. */
    compare: (a, b) => inner.compare(a, b),
    /** The dataset's label, format version, default threshold and lists. */
    info: () => inner.info(),
    /** The core's default threshold (the same as info().default_threshold). */
    defaultThreshold: glue.Screener.defaultThreshold(),
    /** How long compiling, instantiating and building took, in ms (compile
     * and instantiate are 0-ish for every screener after the first). */
    timings,
    /** Screens batch rows (`readInput`'s rows, or `{row, query, country?}`
     * objects): one `{row, query, status, score, matches, ...}` per row, in
     * order. The statuses and their cut-offs are the crate's src/batch. */
    screenRows: (rows, options) => inner.screenRows(rows, options),
    /** The audit record of a batch screened with this dataset. */
    batchAudit: (request) => inner.batchAudit(request),
    /** Frees the wasm memory the screener holds; it cannot be used after. */
    free: () => inner.free(),
  };
}

// Batch screening helpers that need no dataset, only the instantiated wasm
// (call them after a createScreener has resolved). The reading rules, the
// CSV columns and their escaping are the crate's src/batch, so the browser
// and `entity-screen batch` cannot drift apart.

function loaded() {
  if (!instance) throw new Error('the wasm module is not loaded yet');
  return glue.Screener;
}

/** Reads pasted text or a file's bytes as the CLI does: {format, columns,
 * nameColumn, countryColumn, rows}; `spec` is {fileName, column, countryColumn}. */
export const readInput = (bytes, spec) => loaded().readInput(bytes, spec || {});
/** The CSV export of screened rows (header included). */
export const batchCsv = (rows) => loaded().batchCsv(rows);
/** The batch export's column names and statuses. */
export const batchSchema = () => loaded().batchSchema();
