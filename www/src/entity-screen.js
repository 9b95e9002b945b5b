// <entity-screen>: a restricted-party search box that runs in the visitor's
// browser. It enhances plain markup:
//
//   <entity-screen>
//     <form role="search" action="https://www.trade.gov/data-visualization/csl-search">
//       <label>Check a company or person <input type="search"></label>
//       <button>Search</button>
//     </form>
//   </entity-screen>
//
// Without scripts that form leads to the official search page (the input has
// no name, so nothing typed is sent). With scripts the element draws its own
// UI in a shadow root (the light DOM stays as the fallback and gives the label
// and placeholder), loads the wasm lazily and searches as the user types.
//
// This file only reflects attributes, exposes the API and wires the parts:
// ui/controller.js (search lifecycle), ui/combobox.js (keys and ARIA),
// ui/layout.js, ui/results.js, ui/filters.js, ui/detail.js, ui/data-note.js,
// ui/save.js ("save this result", over batch/record.js, the batch's audit
// record), ui/format.js (strings and Intl), ui/dom.js and ui/text.js. Text from data
// or the user is only ever set with textContent or as attribute values.
//
// Longer than the ~300 lines the house style aims at (about 400): the
// public API with its documentation is a third of it, and the rest is the
// wiring between the parts, which reads best in one place.

import { DEFAULT_STRINGS } from './strings.js';
import CSS from './styles.css';
import { h, icon } from './ui/dom.js';
import { adoptStyles, buildParts } from './ui/layout.js';
import { createFormatter, mergeStrings } from './ui/format.js';
import { parseListCodes } from './ui/text.js';
import { SearchController } from './ui/controller.js';
import { Combobox } from './ui/combobox.js';
import { renderOption, resultsText } from './ui/results.js';
import { Filters } from './ui/filters.js';
import { DetailDialog } from './ui/detail.js';
import { maxAgeDays, renderDataNote } from './ui/data-note.js';
import { savedRecord, savedFileName } from './ui/save.js';
import { download } from './batch/export.js';

/* global __DEFAULT_THRESHOLD__ */
/** The core's DEFAULT_THRESHOLD, read from the built wasm by the build (so
 * the slider shows it before the wasm has loaded); the engine's own value
 * replaces it once loaded. */
const BUILD_DEFAULT_THRESHOLD = typeof __DEFAULT_THRESHOLD__ === 'number' ? __DEFAULT_THRESHOLD__ : null;

let pageStrings = {};
let engineProvider = null;
let instances = 0;
const connected = new Set();

/** Set by the bundle's entry: which engine an element uses (it may read the
 * element's `loader` and `wasm-src` attributes). */
export function setEngineProvider(fn) {
  engineProvider = fn;
}

function event(type, detail) {
  return new CustomEvent(type, { bubbles: true, composed: true, detail });
}

/** Runs `fn` when the page is idle, at the latest after `timeout` ms; where
 * there is no requestIdleCallback, after `fallbackMs`. */
function whenIdle(fn, timeout, fallbackMs) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout });
  else setTimeout(fn, fallbackMs);
}

/** Runs `tasks` one per idle moment of the page: the formatter's Intl
 * objects, made while the lists load instead of in the task that first
 * shows a date or a count. */
function warmUp(tasks) {
  const next = () => {
    const task = tasks.shift();
    if (!task) return;
    task();
    whenIdle(next, 1000, 50);
  };
  whenIdle(next, 1000, 50);
}

export class EntityScreenElement extends HTMLElement {
  static get observedAttributes() {
    return ['max-age-days', 'threshold', 'lists', 'limit'];
  }

  /** Strings for every widget on the page (merged over the defaults). */
  static get strings() {
    return pageStrings;
  }

  static set strings(value) {
    pageStrings = value || {};
    for (const el of connected) el.#rerender();
  }

  static get defaultStrings() {
    return DEFAULT_STRINGS;
  }

  #ownStrings = {};
  #fmt = createFormatter(DEFAULT_STRINGS);
  #uid = 'es' + ++instances + '-';
  #ui = null;
  #controller = new SearchController(() => engineProvider(this));
  #combobox = null;
  #filters = null;
  #dialog = null;
  #shown = 0; // render generation, part of option ids

  constructor() {
    super();
    const c = this.#controller;
    c.addEventListener('loading', () => this.#renderDataNote());
    c.addEventListener('ready', (e) => {
      this.#rerenderData();
      const { info, timings, mode } = e.detail;
      this.dispatchEvent(event('entity-screen-ready', { info, timings, mode }));
    });
    c.addEventListener('details', (e) => this.dispatchEvent(event('entity-screen-details', { timings: e.detail.timings })));
    c.addEventListener('loaderror', (e) => {
      this.#renderDataNote();
      this.#setStatus(this.#fmt.t('loadError', { message: e.detail.error.message }));
    });
    c.addEventListener('searching', () => {
      this.#ui.spinner.hidden = false;
      this.#setStatus(this.#fmt.t('searching'));
    });
    c.addEventListener('settled', () => {
      this.#ui.spinner.hidden = true;
    });
    c.addEventListener('results', (e) => {
      this.#renderResults();
      this.dispatchEvent(event('entity-screen-results', { query: e.detail.query, matches: e.detail.matches }));
    });
    c.addEventListener('searcherror', (e) => {
      const key = c.state ? 'searchError' : 'loadError';
      this.#ui.listbox.replaceChildren();
      this.#ui.saveBox.hidden = true;
      this.#combobox.setExpanded(false);
      this.#setStatus(this.#fmt.t(key, { message: e.detail.error.message }));
    });
  }

  // ---- public API ----------------------------------------------------------

  get strings() {
    return this.#ownStrings;
  }

  set strings(value) {
    this.#ownStrings = value || {};
    this.#rerender();
  }

  /** The dataset info once loaded ({label, format_version, default_threshold, lists}). */
  get info() {
    return this.#controller.info;
  }

  /** The current query's matches: the core's search summaries (no full
   * records; see detail()). (Not named `matches`: that would hide
   * Element.prototype.matches(selector).) */
  get results() {
    return this.#controller.matches;
  }

  /** A party's full records by the `key` of its summary (in `results`):
   * {key, id, name, source, type, record, lists, also_on}. Resolves once
   * the details file, requested at load, is in. */
  detail(key) {
    return this.#controller.detail(key);
  }

  /** Searches for `query` as if typed; resolves to the matches (null when a
   * newer search superseded it). */
  async search(query) {
    this.#ui.input.value = String(query);
    return this.#searchNow();
  }

  /**
   * The record of the shown search for a compliance file, or null when none
   * is shown: {statement, audit, rows}, `audit` and `rows` as in a batch's
   * JSON export (one row), `statement` the result in one sentence (a
   * documented negative result when nothing matched).
   */
  async resultRecord() {
    const record = await this.#controller.record();
    return record && savedRecord(record, this.#fmt);
  }

  /** Offers resultRecord() as a JSON download (a blob: URL, no network);
   * resolves to the record (null when no search is shown). */
  async saveResult() {
    const saved = await this.resultRecord();
    if (saved) download(new Blob([JSON.stringify(saved, null, 2) + '\n'], { type: 'application/json' }), savedFileName(saved), this.shadowRoot);
    return saved;
  }

  /** Loads the wasm now (it otherwise loads on first focus). */
  load() {
    return this.#controller.load();
  }

  /** Scores two names against each other with the core:
   * {score, match, reasons, pairs}. */
  compare(a, b) {
    return this.#controller.compare(a, b);
  }

  /**
   * Replaces this widget's dataset with another one, from the bytes of a
   * dataset file (`entity-screen build --out FILE`), or of a search file
   * and its details file (`entity-screen split`). Nothing is fetched: the
   * page supplies the bytes however it likes. Resolves to the new info.
   */
  async loadDataset(bytes, details) {
    const info = await this.#controller.open(bytes, details);
    this.#filters.selected = parseListCodes(this.getAttribute('lists'));
    this.#rerenderData();
    if (this.#ui.input.value.trim()) await this.#searchNow();
    return info;
  }

  // ---- lifecycle -----------------------------------------------------------

  connectedCallback() {
    connected.add(this);
    if (!this.#ui) {
      this.#build();
      warmUp(this.#fmt.warmUps());
    }
    const when = (this.getAttribute('load') || 'focus').toLowerCase();
    if (when === 'eager') this.load();
    else if (when === 'idle') whenIdle(() => this.isConnected && this.load(), 3000, 200);
  }

  disconnectedCallback() {
    connected.delete(this);
    this.#controller.dispose();
    if (this.#dialog) this.#dialog.close();
  }

  attributeChangedCallback(name) {
    if (!this.#ui) return;
    if (name === 'lists') this.#filters.selected = parseListCodes(this.getAttribute('lists'));
    if (name === 'threshold') this.#filters.threshold = null;
    this.#rerenderData();
    if (this.#controller.query) this.#searchNow();
  }

  // ---- wiring --------------------------------------------------------------

  #build() {
    const root = this.attachShadow({ mode: 'open', delegatesFocus: true });
    adoptStyles(root, CSS);
    const u = this.#uid;
    const ui = buildParts(this, u);
    this.#ui = ui;

    this.#filters = new Filters(u, (what) => {
      if (what === 'threshold') this.#filters.renderThreshold(this.#threshold(), this.#fmt);
      else this.#rerenderData();
      if (ui.input.value.trim()) this.#controller.schedule(ui.input.value, () => this.#searchOptions());
    });
    this.#filters.selected = parseListCodes(this.getAttribute('lists'));
    this.#dialog = new DetailDialog(u, () => ui.input.focus());
    this.#combobox = new Combobox(ui.input, ui.listbox, {
      onInput: () => this.#onInput(),
      onPick: (i) => this.#openDetail(i),
      onSubmit: () => this.#searchNow(),
      onClear: () => this.#clear(),
    });

    root.append(
      // The warning sits under the results, next to what it qualifies: right
      // below a "no match", and above the note on which data was searched.
      h('div', { class: 'es-root', part: 'root' }, ui.form, this.#filters.element, ui.status, ui.hint, ui.listbox, ui.warning, ui.footer),
      this.#dialog.element,
    );

    ui.form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (this.#combobox.active >= 0) this.#openDetail(this.#combobox.active);
      else this.#searchNow();
    });
    ui.input.addEventListener('focus', () => this.load(), { once: true });
    ui.clear.addEventListener('click', () => {
      this.#clear();
      ui.input.focus();
    });
    ui.save.addEventListener('click', () =>
      this.saveResult().catch((e) => this.#setStatus(this.#fmt.t('saveError', { message: e.message || String(e) }))),
    );
    this.#rerender();
  }

  #onInput() {
    const value = this.#ui.input.value;
    this.#ui.clear.hidden = !value;
    if (!value.trim()) this.#clear(true);
    else this.#controller.schedule(value, () => this.#searchOptions());
  }

  #searchNow() {
    const query = this.#ui.input.value;
    this.#ui.clear.hidden = !query;
    if (!query.trim()) {
      this.#clear(true);
      return Promise.resolve([]);
    }
    return this.#controller.search(query, () => this.#searchOptions());
  }

  #clear(keepText) {
    if (!keepText) this.#ui.input.value = '';
    this.#ui.clear.hidden = !this.#ui.input.value;
    this.#ui.spinner.hidden = true;
    this.#controller.clear();
    this.#renderResults();
  }

  /** The threshold in effect: the user's (slider), else the attribute's,
   * else the core's default. */
  #threshold() {
    if (this.#filters.threshold !== null) return this.#filters.threshold;
    const attr = parseFloat(this.getAttribute('threshold') || '');
    if (attr >= 0 && attr <= 1) return attr;
    const state = this.#controller.state;
    return state ? state.defaultThreshold : BUILD_DEFAULT_THRESHOLD;
  }

  #searchOptions() {
    const opts = {};
    const threshold = this.#threshold();
    if (threshold !== null) opts.threshold = threshold;
    const limit = parseInt(this.getAttribute('limit') || '', 10);
    if (limit > 0) opts.limit = limit;
    if (this.#filters.selected) opts.lists = [...this.#filters.selected];
    return opts;
  }

  #searchedLists() {
    const info = this.info;
    const selected = this.#filters.selected;
    return info ? info.lists.filter((l) => !selected || selected.has(l.code)) : [];
  }

  #openDetail(i) {
    const c = this.#controller;
    const m = c.matches[i];
    if (!m) return;
    const lists = (this.info && this.info.lists) || [];
    const detail = c.detail(m.key);
    detail.catch(() => {}); // shown in the dialog
    this.#dialog.show(m, (code) => lists.find((l) => l.code === code), this.#fmt, detail, c.detailsLoaded);
  }

  // ---- rendering -----------------------------------------------------------

  #rerender() {
    if (!this.#ui) return;
    this.#fmt = createFormatter(mergeStrings(DEFAULT_STRINGS, pageStrings, this.#ownStrings));
    const ui = this.#ui;
    const t = (k) => this.#fmt.t(k);
    ui.label.textContent = ui.lightLabelText || t('label');
    ui.input.setAttribute('placeholder', ui.lightPlaceholder || t('placeholder'));
    ui.clear.setAttribute('aria-label', t('clear'));
    ui.listbox.setAttribute('aria-label', t('listboxLabel'));
    ui.privacy.replaceChildren(icon('lock'), h('span', { textContent: t('privacy') }));
    ui.save.textContent = t('saveResult');
    ui.saveHint.textContent = t('saveResultHint');
    this.#rerenderData();
    if (this.#controller.query) this.#renderResults();
  }

  #rerenderData() {
    const state = this.#controller.state;
    const threshold = this.#threshold();
    this.#filters.render(this.info, threshold ?? 0.5, state ? state.defaultThreshold : BUILD_DEFAULT_THRESHOLD, this.#fmt);
    this.#renderDataNote();
  }

  #renderDataNote() {
    const c = this.#controller;
    renderDataNote(
      this.#ui.dataNote,
      this.#ui.warning,
      {
        info: c.info,
        lists: this.#searchedLists(),
        loading: !!c.ready,
        error: c.loadError,
        maxAge: maxAgeDays(this.getAttribute('max-age-days')),
      },
      this.#fmt,
    );
  }

  #renderResults() {
    const { listbox, hint } = this.#ui;
    const c = this.#controller;
    listbox.replaceChildren();
    hint.hidden = true;
    // A search shown (matches or none) can be saved; "no list selected"
    // searched nothing, so there is nothing to record.
    this.#ui.saveBox.hidden = !c.query || !c.options || this.#filters.noneSelected;
    if (!c.query) {
      this.#setStatus('');
      this.#combobox.setExpanded(false);
      return;
    }
    const lists = this.#searchedLists();
    const searched = { count: lists.length, lists: this.#fmt.listsAsOf(lists) };
    const text = resultsText(c.query, c.matches, searched, this.#filters.noneSelected, this.#fmt);
    const gen = ++this.#shown;
    c.matches.forEach((m, i) => listbox.append(renderOption(m, i, `${this.#uid}opt-${gen}-${i}`, this.#fmt)));
    this.#setStatus(text.status);
    if (text.hint) {
      hint.textContent = text.hint;
      hint.hidden = false;
    }
    this.#combobox.setExpanded(c.matches.length > 0);
  }

  #setStatus(text) {
    this.#ui.status.textContent = text;
  }
}

export function define(name = 'entity-screen') {
  if (!customElements.get(name)) customElements.define(name, EntityScreenElement);
  return EntityScreenElement;
}
