// The screening core without any UI: the wasm (Rust matcher and dataset
// reader) behind a small API. The Worker of the widget (host.js) and
// dist/entity-screen-core.js (core-entry.js) both use this module, so there
// is one way to load and call the wasm.
//
//   const screener = await createScreener({ wasm, data, details });
//   screener.search('Candiru', { limit: 5 });   // synchronous: summaries, best first
//   await screener.detail(key);                 // a party's full records (waits for the details)
//   screener.compare('Candiru Ltd', 'Candiru'); // {score, match, reasons, pairs}
//   screener.info();                            // {label, format_version, default_threshold, lists}
//
// A dataset comes as two whole files (format v5, `entity-screen split`): the
// search part (names, lists, types, countries, citations, the index) and
// the details (addresses, remarks, ids, programs, licence texts). The
// search part is requested at once, with the wasm; the details once the
// screener is built from it, in an order that never depends on a query;
// search is ready when the search part is in, and the details are attached
// when they arrive. A full dataset file (`entity-screen build`) holds both.
//
// One wasm instance per JS realm: the first createScreener instantiates it,
// later calls reuse it (their `wasm` option is then ignored), so opening a
// second dataset costs only loading its bytes.

import glue from '#wasm-glue';
import { asBytes, compileWasm, loadBytes, SCRIPT_GLOBALS } from './wasm-load.js';

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
async function datasetBytes(data, integrity, what, scriptGlobal, priority) {
  if (data === undefined || data === null) return null;
  let source = data;
  if (typeof data === 'string' || data instanceof URL) source = { url: String(data) };
  if (integrity) {
    const bytes = asBytes(data);
    source = bytes ? { bytes, integrity } : { ...source, integrity };
  }
  if (priority && source.url !== undefined) source = { priority, ...source };
  return loadBytes(source, { what, scriptGlobal });
}

/** How the message of an Error about missing details starts: the wasm's
 * (DETAILS_NOT_LOADED in src/wasm.rs), so this module's own start the same
 * way. Called once the wasm is instantiated. */
const notLoaded = () => glue.Screener.detailsNotLoaded();

/**
 * Creates a screener. Options (the entry, core-entry.js or host.js's
 * caller, supplies the defaults):
 * - `wasm`: where the module is (see compileWasm in wasm-load.js);
 * - `data`: the search file (or a full dataset file): a URL, ArrayBuffer,
 *   Uint8Array or a loadBytes source; fetched whole;
 * - `dataIntegrity`: an SRI value the search file's bytes must match;
 * - `details`, `detailsIntegrity`: the details file, the same ways; none
 *   (null or undefined) when `data` is a full dataset, or when only search
 *   is wanted (detail() then rejects with "details not loaded").
 * The wasm and the search file are requested together, the details file
 * once the screener is built from the search file; the returned promise
 * resolves then, without waiting for the details (see `details` on the
 * screener).
 */
export async function createScreener(options = {}) {
  const { wasm, data, dataIntegrity, details, detailsIntegrity } = options || {};
  // The wasm and the search file are requested now; the details file once
  // the screener is built from the search file, so that neither its bytes
  // nor its decoding (a script's parse, base64, gunzip, all on this thread)
  // compete with what the first result needs: on a fast link they used to
  // arrive while the screener was being built, and were decoded and
  // attached before the first search could run. The order is the same
  // whatever the query.
  const searchBytes = datasetBytes(data, dataIntegrity, 'the dataset bytes', SCRIPT_GLOBALS.data);
  const [load, bytes] = await Promise.all([instantiate(wasm), searchBytes]);
  const t0 = now();
  const inner = bytes ? glue.Screener.fromBytes(bytes) : new glue.Screener();
  const timings = { ...load, construct: now() - t0 };
  const detailBytes =
    details === undefined || details === null
      ? null
      : datasetBytes(details, detailsIntegrity, 'the details bytes', SCRIPT_GLOBALS.details, 'low');
  // The details may fail (a 404, a wrong hash) while search works: their
  // error belongs to detail(), not to this promise.
  if (detailBytes) detailBytes.catch(() => {});
  return wrap(inner, timings, attachWhenIn(inner, detailBytes, timings));
}

/**
 * Attaches the details once their bytes are in; resolves when the screener
 * has them. A full dataset file already has them: its details source, if
 * any, is then not used (and its failure does not matter). Rejects with the
 * reason when there are none: no source, a failed load, or bytes the wasm
 * refuses (another dataset's, malformed).
 */
async function attachWhenIn(inner, detailBytes, timings) {
  if (inner.hasDetails()) return;
  if (!detailBytes) throw new Error(`${notLoaded()}: no details file was given for this dataset`);
  let bytes;
  try {
    bytes = await detailBytes;
  } catch (e) {
    throw new Error(`${notLoaded()}: ${(e && e.message) || e}`);
  }
  const t0 = now();
  inner.attachDetails(bytes);
  timings.attachDetails = now() - t0;
}

function wrap(inner, timings, detailsIn) {
  // Why the details could not be attached, once that is known.
  let failure = null;
  detailsIn.catch((e) => {
    failure = e;
  });
  const details = detailsIn.then(() => undefined);
  details.catch(() => {});
  return {
    /** Ranked summaries, best first, for `query` (a string); options
     * {limit, threshold, lists, types, countries, prefix}. Synchronous. */
    search: (query, options) => inner.search(query, options),
    /** The full records of a party by its `key` (a summary's `key`):
     * {key, id, name, source, type, record, lists, also_on}, or null for a
     * key no party has. A promise that waits for the details file if it
     * has not arrived yet; it rejects with "details not loaded: why" when
     * it cannot come. */
    detail: async (key) => {
      if (!inner.hasDetails()) await detailsIn;
      return inner.detail(key);
    },
    /** Whether the details are attached (detail() then answers at once). */
    hasDetails: () => inner.hasDetails(),
    /** Resolves when the details are attached; rejects with why they are
     * not ("details not loaded: ..."). */
    details,
    /** The reason the details could not be attached, once known, else null. */
    get detailsError() {
      return failure;
    },
    /** Scores two names against each other: {score, match, reasons, pairs}. */
    compare: (a, b) => inner.compare(a, b),
    /** The dataset's label, format version, default threshold and lists. */
    info: () => inner.info(),
    /** The core's default threshold (the same as info().default_threshold). */
    defaultThreshold: glue.Screener.defaultThreshold(),
    /** How long compiling, instantiating, building the screener and (once
     * they are in) attaching the details took, in ms (compile and
     * instantiate are 0-ish for every screener after the first). */
    timings,
    /** Screens batch rows (`readInput`'s rows, or `{row, query, country?}`
     * objects): one `{row, query, status, score, matches, ...}` per row, in
     * order. The statuses and their cut-offs are the crate's src/batch.
     * Needs the details (a row carries its listings' fingerprint): throws
     * "details not loaded" before they are attached; await `details`. */
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
