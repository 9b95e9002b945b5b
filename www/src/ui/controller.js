// The search lifecycle of one <entity-screen>, with no DOM: it loads the
// engine once, runs searches, drops stale answers and tells the UI what
// happened through events. The element listens and renders; nothing here
// knows about markup, so it is unit-tested in Node with a fake engine.
//
// Events (plain Events on this EventTarget, data in `detail`):
//   loading                        the engine started loading
//   ready      {info, timings, mode, defaultThreshold, hasDetails}
//                                  search works (the details may still be on their way)
//   details    {screener, timings} the shown dataset's details are attached
//   detailserror {screener, error} they could not be (search still works)
//   loaderror  {error}
//   searching  {query}             a search has taken longer than SEARCHING_DELAY_MS
//   results    {query, matches}    the answer to the latest search
//   searcherror {query, error}
//   settled                        the latest search finished (either way)
//
// The stale-result guard: every search gets the next number; an answer that
// comes back for anything but the latest number is dropped, so a slow answer
// to "Cand" never replaces the one to "Candiru".

import { queryRecord } from '../batch/record.js';

export const DEBOUNCE_MS = 90;
export const SEARCHING_DELAY_MS = 250;

function emit(target, type, detail) {
  const event = new Event(type);
  event.detail = detail;
  target.dispatchEvent(event);
}

export class SearchController extends EventTarget {
  /** @param {() => import('../engine.js').Engine} engineProvider called once, on load. */
  constructor(engineProvider) {
    super();
    this.engineProvider = engineProvider;
    this.engine = null;
    this.ready = null; // Promise of the load, once started
    this.state = null; // {screener, info, defaultThreshold, timings, mode, hasDetails}
    this.loadError = null;
    this.detailsError = null; // why the current dataset's details could not be attached
    this.query = ''; // the query whose results are shown ('' = none)
    this.matches = [];
    this.options = null; // the options the shown matches were searched with
    this.seq = 0;
    this.debounce = 0;
    this.searchingTimer = 0;
  }

  get info() {
    return this.state ? this.state.info : null;
  }

  get loading() {
    return !!this.ready && !this.state && !this.loadError;
  }

  /** Whether the current dataset's details are attached (detail() then
   * answers in a round trip, without waiting for a file). */
  get detailsLoaded() {
    return !!(this.state && this.state.hasDetails);
  }

  /** Starts loading the engine (once); resolves when ready or failed. */
  load() {
    if (this.ready) return this.ready;
    if (!this.engineProvider) {
      this.loadError = new Error('entity-screen: no engine');
      return (this.ready = Promise.resolve());
    }
    this.engine = this.engineProvider();
    this.ready = this.engine.start().then(
      (state) => {
        this.state = { ...state };
        emit(this, 'ready', { ...state });
        this.#watchDetails();
      },
      (error) => {
        this.loadError = error;
        emit(this, 'loaderror', { error });
      },
    );
    emit(this, 'loading');
    return this.ready;
  }

  /** Runs `search(query, options())` after the debounce delay, replacing any
   * scheduled one. */
  schedule(query, options) {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.search(query, options), DEBOUNCE_MS);
  }

  /**
   * Searches now. Resolves to the matches, or null when a newer search (or
   * a clear) superseded this one before its answer came. `options` is an
   * object or a function returning one (read when the search runs). A
   * `lists: []` option (nothing selected) searches nothing.
   */
  async search(query, options) {
    clearTimeout(this.debounce);
    const seq = ++this.seq;
    clearTimeout(this.searchingTimer);
    this.searchingTimer = setTimeout(() => {
      if (seq === this.seq) emit(this, 'searching', { query });
    }, SEARCHING_DELAY_MS);
    try {
      await this.load();
      if (seq !== this.seq) return null;
      if (!this.state) throw this.loadError || new Error('not loaded');
      const opts = typeof options === 'function' ? options() : options || {};
      const matches =
        Array.isArray(opts.lists) && opts.lists.length === 0
          ? []
          : await this.engine.search(this.state.screener, query, opts);
      if (seq !== this.seq) return null;
      this.query = query;
      this.matches = matches;
      this.options = opts;
      emit(this, 'results', { query, matches });
      return matches;
    } catch (error) {
      if (seq !== this.seq) return null;
      this.query = query;
      this.matches = [];
      this.options = null;
      emit(this, 'searcherror', { query, error });
      return [];
    } finally {
      if (seq === this.seq) {
        clearTimeout(this.searchingTimer);
        emit(this, 'settled');
      }
    }
  }

  /** Forgets the query and its results; answers still on their way are
   * dropped. */
  clear() {
    clearTimeout(this.debounce);
    clearTimeout(this.searchingTimer);
    this.seq++;
    this.query = '';
    this.matches = [];
    this.options = null;
  }

  /**
   * The record {audit, rows} of the shown query (batch/record.js): the
   * query screened again by the crate's batch code as a one-row batch, with
   * the options its shown matches were searched with (prefix matching, as
   * typed, unless they say otherwise), so the saved matches are the shown
   * ones. Null when no query's results are shown, or no list was searched.
   */
  async record(now) {
    const opts = this.options;
    if (!this.state || !this.query.trim() || !opts) return null;
    if (Array.isArray(opts.lists) && opts.lists.length === 0) return null;
    return queryRecord(this.engine, this.state.screener, this.query, { ...opts, prefix: opts.prefix ?? true }, now);
  }

  /** Follows the current screener's details until they are attached (or
   * fail): sets state.hasDetails and emits `details` (or `detailserror`),
   * unless another dataset has replaced it meanwhile. Details already
   * attached (a full dataset file, or a details file that came first) are
   * announced at once, so `details` always follows `ready`. */
  #watchDetails() {
    const { screener, hasDetails, timings } = this.state;
    this.detailsError = null;
    if (hasDetails) {
      emit(this, 'details', { screener, timings });
      return;
    }
    this.engine.details(screener).then(
      (value) => {
        if (!this.state || this.state.screener !== screener) return;
        this.state = { ...this.state, hasDetails: true };
        emit(this, 'details', { screener, timings: value && value.timings });
      },
      (error) => {
        if (!this.state || this.state.screener !== screener) return;
        this.detailsError = error;
        emit(this, 'detailserror', { screener, error });
      },
    );
  }

  /**
   * A party's full records by the `key` of its summary, from the current
   * dataset: {key, id, name, source, type, record, lists, also_on}. Waits
   * for the details if they have not arrived yet.
   */
  async detail(key) {
    await this.load();
    if (!this.state) throw this.loadError || new Error('not loaded');
    return this.engine.detail(this.state.screener, key);
  }

  /** Replaces the dataset with one from bytes (a full dataset file, or a
   * search file and its details file's bytes); resolves to its info. */
  async open(bytes, details) {
    await this.load();
    if (!this.state) throw this.loadError || new Error('not loaded');
    const previous = this.state.screener;
    const opened = await this.engine.open(bytes, details);
    this.state = { ...this.state, screener: opened.screener, info: opened.info, hasDetails: !!opened.hasDetails };
    this.#watchDetails();
    if (previous !== 0) this.engine.close(previous).catch(() => {});
    return opened.info;
  }

  /** Scores two names with the current dataset's screener. */
  async compare(a, b) {
    await this.load();
    if (!this.state) throw this.loadError || new Error('not loaded');
    return this.engine.compare(this.state.screener, a, b);
  }

  /** Stops timers (the element left the page); the engine stays shared. */
  dispose() {
    this.clear();
  }
}
