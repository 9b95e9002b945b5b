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
// Rules this file keeps: text from data or the user is only ever set with
// textContent or as attribute values, never parsed as HTML; the only way out
// of the page is an <a href> (http/https only) the user clicks; the UI
// follows the WAI-ARIA combobox pattern with a listbox popup.

import { DEFAULT_STRINGS } from './strings.js';
import CSS from './styles.css';

const SVG_NS = 'http://www.w3.org/2000/svg';
const DEBOUNCE_MS = 90;
const SEARCHING_DELAY_MS = 250;
const DAY_MS = 24 * 60 * 60 * 1000;

let pageStrings = {};
let engineProvider = null;
let instances = 0;

/** Set by the bundle's entry: which engine an element uses (it may read the
 * element's `loader` and `wasm-src` attributes). */
export function setEngineProvider(fn) {
  engineProvider = fn;
}

/** Builds an element. `attrs` are set with setAttribute (or as properties
 * for `textContent`); children are nodes or strings (text nodes). */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'textContent') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

/** A 16x16 icon from one path; decorative. */
function icon(d, cls) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'es-icon' + (cls ? ' ' + cls : ''));
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}

const ICONS = {
  search:
    'M10.68 11.74a6 6 0 0 1-7.92-8.98 6 6 0 0 1 8.98 7.92l3.04 3.04a.75.75 0 0 1-1.06 1.06l-3.04-3.04ZM11.5 7a4.5 4.5 0 1 0-9 0 4.5 4.5 0 0 0 9 0Z',
  lock: 'M4 4a4 4 0 0 1 8 0v2h.25c.97 0 1.75.78 1.75 1.75v5.5A1.75 1.75 0 0 1 12.25 15h-8.5A1.75 1.75 0 0 1 2 13.25v-5.5C2 6.78 2.78 6 3.75 6H4Zm6.5 2V4a2.5 2.5 0 1 0-5 0v2ZM3.75 7.5a.25.25 0 0 0-.25.25v5.5c0 .14.11.25.25.25h8.5a.25.25 0 0 0 .25-.25v-5.5a.25.25 0 0 0-.25-.25Z',
  alert:
    'M6.46 1.78a1.75 1.75 0 0 1 3.08 0l5.53 10.02A1.75 1.75 0 0 1 13.53 14.5H2.47a1.75 1.75 0 0 1-1.54-2.7ZM8 5a.75.75 0 0 0-.75.75v2.5a.75.75 0 0 0 1.5 0v-2.5A.75.75 0 0 0 8 5Zm1 6a1 1 0 1 0-2 0 1 1 0 0 0 2 0Z',
  close:
    'M3.72 3.72a.75.75 0 0 1 1.06 0L8 6.94l3.22-3.22a.75.75 0 1 1 1.06 1.06L9.06 8l3.22 3.22a.75.75 0 1 1-1.06 1.06L8 9.06l-3.22 3.22a.75.75 0 0 1-1.06-1.06L6.94 8 3.72 4.78a.75.75 0 0 1 0-1.06Z',
  chevron:
    'M6.22 3.22a.75.75 0 0 1 1.06 0l4.25 4.25a.75.75 0 0 1 0 1.06l-4.25 4.25a.75.75 0 0 1-1.06-1.06L9.94 8 6.22 4.28a.75.75 0 0 1 0-1.06Z',
  filter:
    'M.75 3h14.5a.75.75 0 0 1 0 1.5H.75a.75.75 0 0 1 0-1.5ZM3 7.75A.75.75 0 0 1 3.75 7h8.5a.75.75 0 0 1 0 1.5h-8.5A.75.75 0 0 1 3 7.75Zm3 4a.75.75 0 0 1 .75-.75h2.5a.75.75 0 0 1 0 1.5h-2.5a.75.75 0 0 1-.75-.75Z',
  external:
    'M3.75 2h3.5a.75.75 0 0 1 0 1.5h-3.5a.25.25 0 0 0-.25.25v8.5c0 .14.11.25.25.25h8.5a.25.25 0 0 0 .25-.25v-3.5a.75.75 0 0 1 1.5 0v3.5A1.75 1.75 0 0 1 12.25 14h-8.5A1.75 1.75 0 0 1 2 12.25v-8.5C2 2.78 2.78 2 3.75 2Zm6.85-.5h3.65c.14 0 .25.11.25.25V5.4a.25.25 0 0 1-.43.17L12.7 4.2 9.28 7.78a.75.75 0 0 1-1.06-1.06L11.63 3.3l-1.2-1.37a.25.25 0 0 1 .17-.43Z',
};

/** Merges string overrides over the defaults, one level deep for objects. */
function mergeStrings(...layers) {
  const out = {};
  for (const layer of layers) {
    for (const [k, v] of Object.entries(layer || {})) {
      const isPlainObject = v && typeof v === 'object' && !Array.isArray(v);
      out[k] = isPlainObject && out[k] && typeof out[k] === 'object' ? { ...out[k], ...v } : v;
    }
  }
  return out;
}

/** Only http(s) URLs become links; anything else is shown as text. */
function safeHref(text) {
  try {
    const url = new URL(String(text).trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch (e) {
    return null;
  }
}

/** Splits `text` into text nodes and <mark>s at the given [start, end)
 * UTF-16 ranges (clamped, sorted, overlaps merged). */
function highlighted(text, spans) {
  const ranges = (Array.isArray(spans) ? spans : [])
    .map(([s, e]) => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const nodes = [];
  let at = 0;
  for (const [s, e] of ranges) {
    const start = Math.max(s, at);
    if (e <= start) continue;
    if (start > at) nodes.push(document.createTextNode(text.slice(at, start)));
    nodes.push(h('mark', { textContent: text.slice(start, e) }));
    at = e;
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}

/** Parses a dataset date ("YYYY-MM-DD" or "YYYY-MM") as UTC, or null. */
function parseDate(text) {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(String(text || '').trim());
  if (!m) return null;
  return { date: new Date(Date.UTC(+m[1], +m[2] - 1, m[3] ? +m[3] : 1)), hasDay: !!m[3] };
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
    for (const el of document.querySelectorAll('entity-screen')) {
      if (el instanceof EntityScreenElement) el.#rerender();
    }
  }

  static get defaultStrings() {
    return DEFAULT_STRINGS;
  }

  #ownStrings = {};
  #s = DEFAULT_STRINGS;
  #ui = null;
  #uid = '';
  #engine = null;
  #ready = null;
  #state = null; // {screener, info, defaultThreshold, timings, mode}
  #loadError = null;
  #matches = [];
  #lastQuery = '';
  #active = -1;
  #expanded = false;
  #searchId = 0;
  #debounce = 0;
  #searchingTimer = 0;
  #composing = false;
  #threshold = null;
  #selectedLists = null; // Set of codes, null = all
  #detailIndex = -1;

  constructor() {
    super();
    this.#uid = 'es' + ++instances + '-';
  }

  get strings() {
    return this.#ownStrings;
  }

  set strings(value) {
    this.#ownStrings = value || {};
    this.#rerender();
  }

  /** The dataset info once loaded ({label, format_version, lists, ...}). */
  get info() {
    return this.#state ? this.#state.info : null;
  }

  /** The current query's matches, as the wasm returned them. */
  get matches() {
    return this.#matches;
  }

  connectedCallback() {
    if (!this.#ui) this.#build();
    const when = (this.getAttribute('load') || 'focus').toLowerCase();
    if (when === 'eager') this.#load();
    else if (when === 'idle') {
      const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 200));
      idle(() => this.#load(), { timeout: 3000 });
    }
  }

  attributeChangedCallback(name) {
    if (!this.#ui) return;
    if (name === 'lists') this.#selectedLists = this.#listsFromAttribute();
    if (name === 'threshold') this.#threshold = null;
    this.#renderFilters();
    this.#renderDataNote();
    if (this.#lastQuery) this.#searchNow();
  }

  /** Searches for `query` as if typed; resolves to the matches. */
  async search(query) {
    this.#ui.input.value = String(query);
    return this.#searchNow();
  }

  /** Loads the wasm now (it otherwise loads on first focus). */
  load() {
    return this.#load();
  }

  /**
   * Replaces this widget's dataset with another one, from the bytes of a
   * dataset file (`entity-screen build --out FILE`). Nothing is fetched: the
   * page supplies the bytes however it likes. Resolves to the new info.
   */
  async loadDataset(bytes) {
    await this.#load();
    if (!this.#state) throw this.#loadError || new Error('not loaded');
    const opened = await this.#engine.open(bytes);
    this.#state = { ...this.#state, screener: opened.screener, info: opened.info };
    this.#selectedLists = this.#listsFromAttribute();
    this.#renderFilters();
    this.#renderDataNote();
    if (this.#ui.input.value.trim()) await this.#searchNow();
    return opened.info;
  }

  // ---- strings -----------------------------------------------------------

  #t(key, vars = {}) {
    let v = this.#s[key];
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const n = typeof vars.count === 'number' ? vars.count : 0;
      let cat = 'other';
      try {
        cat = new Intl.PluralRules(this.#s.locale).select(n);
      } catch (e) {
        /* unknown locale: "other" */
      }
      v = v[cat] ?? v.other ?? '';
    }
    const show = (x) => (typeof x === 'number' ? this.#formatNumber(x) : String(x));
    return String(v ?? key).replace(/\{(\w+)\}/g, (m, k) => (k in vars ? show(vars[k]) : m));
  }

  #formatNumber(n) {
    try {
      return new Intl.NumberFormat(this.#s.locale).format(n);
    } catch (e) {
      return String(n);
    }
  }

  #formatDate(text, long) {
    const parsed = parseDate(text);
    if (!parsed) return String(text || '');
    const opts = { timeZone: 'UTC', year: 'numeric', month: 'long' };
    if (parsed.hasDay && long) opts.day = 'numeric';
    try {
      return new Intl.DateTimeFormat(this.#s.locale, opts).format(parsed.date);
    } catch (e) {
      return String(text);
    }
  }

  #country(code) {
    if (!code) return '';
    try {
      return new Intl.DisplayNames([this.#s.locale], { type: 'region' }).of(code) || code;
    } catch (e) {
      return code;
    }
  }

  #listName(code) {
    return (this.#s.lists && this.#s.lists[code]) || code;
  }

  #joinList(items) {
    try {
      return new Intl.ListFormat(this.#s.locale, { style: 'long', type: 'conjunction' }).format(items);
    } catch (e) {
      return items.join(', ');
    }
  }

  #scoreWord(score) {
    const bands = this.#s.scoreBands || [];
    const band = bands.find((b) => score >= b.min) || bands[bands.length - 1] || { label: '' };
    return band.label;
  }

  #scoreBand(score) {
    const bands = this.#s.scoreBands || [];
    const i = bands.findIndex((b) => score >= b.min);
    return ['exact', 'strong', 'possible'][i] || 'possible';
  }

  #formatScore(score) {
    try {
      return new Intl.NumberFormat(this.#s.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(score);
    } catch (e) {
      return score.toFixed(2);
    }
  }

  // ---- building the UI ---------------------------------------------------

  #build() {
    const root = this.attachShadow({ mode: 'open', delegatesFocus: true });
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.append(h('style', { textContent: CSS }));
    }

    const u = this.#uid;
    const lightLabel = this.querySelector('label');
    const lightInput = this.querySelector('input');
    const ui = {};
    ui.label = h('label', { class: 'es-label', for: u + 'input', part: 'label' });
    ui.input = h('input', {
      id: u + 'input',
      class: 'es-input',
      part: 'input',
      type: 'search',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': u + 'listbox',
      'aria-describedby': u + 'status ' + u + 'privacy',
      autocomplete: 'off',
      autocapitalize: 'off',
      spellcheck: 'false',
      enterkeyhint: 'search',
    });
    if (lightInput && lightInput.value) ui.input.value = lightInput.value;
    ui.lightLabelText = lightLabel ? (lightLabel.textContent || '').trim() : '';
    ui.lightPlaceholder = lightInput ? lightInput.getAttribute('placeholder') || '' : '';

    ui.clear = h('button', { type: 'button', class: 'es-clear', hidden: true }, icon(ICONS.close));
    ui.spinner = h('span', { class: 'es-spinner', 'aria-hidden': 'true', hidden: true });
    ui.form = h(
      'form',
      { role: 'search', class: 'es-form', novalidate: true },
      ui.label,
      h('div', { class: 'es-field' }, icon(ICONS.search, 'es-field-icon'), ui.input, ui.spinner, ui.clear),
    );

    ui.filtersSummaryText = h('span', {});
    ui.filtersBadge = h('span', { class: 'es-filters-badge', hidden: true });
    ui.filtersSummary = h('summary', { class: 'es-filters-summary' }, icon(ICONS.filter), ui.filtersSummaryText, ui.filtersBadge);
    ui.listsFieldset = h('fieldset', { class: 'es-lists' });
    ui.thresholdInput = h('input', {
      id: u + 'threshold',
      type: 'range',
      min: '0.5',
      max: '1',
      step: '0.01',
      class: 'es-range',
      'aria-describedby': u + 'threshold-hint',
    });
    ui.thresholdLabel = h('label', { for: u + 'threshold', class: 'es-threshold-label' });
    // A span, not an <output>: that would be a second live region, and the
    // slider already announces its value (aria-valuetext).
    ui.thresholdValue = h('span', { class: 'es-threshold-value', 'aria-hidden': 'true' });
    ui.thresholdHint = h('p', { id: u + 'threshold-hint', class: 'es-hint' });
    ui.filters = h(
      'details',
      { class: 'es-filters', part: 'filters' },
      ui.filtersSummary,
      h(
        'div',
        { class: 'es-filters-body' },
        ui.listsFieldset,
        h(
          'div',
          { class: 'es-threshold' },
          h('div', { class: 'es-threshold-row' }, ui.thresholdLabel, ui.thresholdValue),
          ui.thresholdInput,
          ui.thresholdHint,
        ),
      ),
    );

    ui.warning = h('div', { class: 'es-warning', part: 'warning', role: 'note', hidden: true });
    ui.status = h('div', { id: u + 'status', class: 'es-status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    ui.hint = h('p', { class: 'es-hint es-empty-hint', hidden: true });
    ui.listbox = h('ul', { id: u + 'listbox', class: 'es-results', role: 'listbox', part: 'results', hidden: true });
    ui.privacy = h('p', { id: u + 'privacy', class: 'es-privacy' });
    ui.dataNote = h('p', { class: 'es-data' });
    ui.footer = h('div', { class: 'es-footer', part: 'footer' }, ui.privacy, ui.dataNote);
    ui.dialog = h('dialog', { class: 'es-dialog', part: 'dialog', 'aria-labelledby': u + 'detail-title' });

    root.append(
      // The warning sits under the results, next to what it qualifies: right
      // below a "no match", and above the note on which data was searched.
      h('div', { class: 'es-root', part: 'root' }, ui.form, ui.filters, ui.status, ui.hint, ui.listbox, ui.warning, ui.footer),
      ui.dialog,
    );
    this.#ui = ui;
    this.#selectedLists = this.#listsFromAttribute();

    ui.form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (this.#active >= 0) this.#openDetail(this.#active);
      else this.#searchNow();
    });
    ui.input.addEventListener('focus', () => this.#load(), { once: true });
    ui.input.addEventListener('input', (e) => this.#onInput(e));
    ui.input.addEventListener('keydown', (e) => this.#onKeyDown(e));
    ui.input.addEventListener('compositionstart', () => {
      this.#composing = true;
    });
    ui.input.addEventListener('compositionend', () => {
      this.#composing = false;
      this.#onInput();
    });
    ui.clear.addEventListener('click', () => {
      this.#clear();
      ui.input.focus();
    });
    ui.listbox.addEventListener('mousedown', (e) => e.preventDefault());
    ui.listbox.addEventListener('click', (e) => {
      const option = e.target.closest('[role="option"]');
      if (option) this.#openDetail(Number(option.dataset.index));
    });
    ui.thresholdInput.addEventListener('input', () => {
      this.#threshold = Number(ui.thresholdInput.value);
      this.#renderThresholdValue();
      this.#scheduleSearch();
    });
    ui.listsFieldset.addEventListener('change', (e) => this.#onListToggle(e));
    ui.dialog.addEventListener('close', () => {
      this.#detailIndex = -1;
      ui.input.focus();
    });
    ui.dialog.addEventListener('click', (e) => {
      if (e.target === ui.dialog) ui.dialog.close();
    });

    this.#rerender();
  }

  #rerender() {
    if (!this.#ui) return;
    this.#s = mergeStrings(DEFAULT_STRINGS, pageStrings, this.#ownStrings);
    const ui = this.#ui;
    ui.label.textContent = ui.lightLabelText || this.#s.label;
    ui.input.setAttribute('placeholder', ui.lightPlaceholder || this.#s.placeholder);
    ui.clear.setAttribute('aria-label', this.#t('clear'));
    ui.listbox.setAttribute('aria-label', this.#t('listboxLabel'));
    ui.filtersSummaryText.textContent = this.#t('filters');
    ui.thresholdLabel.textContent = this.#t('threshold');
    ui.thresholdHint.textContent = this.#t('thresholdHint');
    ui.privacy.replaceChildren(icon(ICONS.lock), h('span', { textContent: this.#t('privacy') }));
    this.#renderFilters();
    this.#renderDataNote();
    if (this.#lastQuery) this.#renderResults();
  }

  // ---- loading -----------------------------------------------------------

  #load() {
    if (this.#ready) return this.#ready;
    if (!engineProvider) return Promise.reject(new Error('entity-screen: no engine'));
    this.#engine = engineProvider(this);
    this.#renderDataNote();
    this.#ready = this.#engine.start().then(
      (state) => {
        this.#state = { ...state };
        this.#renderFilters();
        this.#renderDataNote();
        this.dispatchEvent(
          new CustomEvent('entity-screen-ready', {
            bubbles: true,
            composed: true,
            detail: { info: state.info, timings: state.timings, mode: state.mode },
          }),
        );
      },
      (error) => {
        this.#loadError = error;
        this.#renderDataNote();
        this.#setStatus(this.#t('loadError', { message: error.message }));
      },
    );
    return this.#ready;
  }

  // ---- searching ---------------------------------------------------------

  #onInput(e) {
    if (this.#composing || (e && e.isComposing)) return;
    this.#ui.clear.hidden = !this.#ui.input.value;
    if (!this.#ui.input.value.trim()) {
      this.#clear(true);
      return;
    }
    this.#scheduleSearch();
  }

  #scheduleSearch() {
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => this.#searchNow(), DEBOUNCE_MS);
  }

  #options() {
    const opts = { threshold: this.#currentThreshold() };
    const limit = parseInt(this.getAttribute('limit') || '', 10);
    if (limit > 0) opts.limit = limit;
    if (this.#selectedLists) opts.lists = [...this.#selectedLists];
    return opts;
  }

  #currentThreshold() {
    if (this.#threshold !== null) return this.#threshold;
    const attr = parseFloat(this.getAttribute('threshold') || '');
    if (attr >= 0 && attr <= 1) return attr;
    return this.#state ? this.#state.defaultThreshold : 0.8;
  }

  async #searchNow() {
    clearTimeout(this.#debounce);
    const query = this.#ui.input.value;
    const id = ++this.#searchId;
    this.#ui.clear.hidden = !query;
    if (!query.trim()) {
      this.#clear(true);
      return [];
    }
    clearTimeout(this.#searchingTimer);
    this.#searchingTimer = setTimeout(() => {
      if (id === this.#searchId) {
        this.#ui.spinner.hidden = false;
        this.#setStatus(this.#t('searching'));
      }
    }, SEARCHING_DELAY_MS);
    try {
      await this.#load();
      if (id !== this.#searchId) return null;
      if (!this.#state) return [];
      if (this.#selectedLists && this.#selectedLists.size === 0) {
        this.#show(query, []);
        return [];
      }
      const matches = await this.#engine.search(this.#state.screener, query, this.#options());
      // A newer query was typed meanwhile: its results will come; drop these.
      if (id !== this.#searchId) return null;
      this.#show(query, matches);
      return matches;
    } catch (error) {
      if (id === this.#searchId) {
        const key = this.#state ? 'searchError' : 'loadError';
        this.#matches = [];
        this.#ui.listbox.replaceChildren();
        this.#setExpanded(false);
        this.#setStatus(this.#t(key, { message: error.message }));
      }
      return [];
    } finally {
      if (id === this.#searchId) {
        clearTimeout(this.#searchingTimer);
        this.#ui.spinner.hidden = true;
      }
    }
  }

  #show(query, matches) {
    this.#lastQuery = query;
    this.#matches = matches;
    this.#active = -1;
    this.#renderResults();
    this.dispatchEvent(
      new CustomEvent('entity-screen-results', { bubbles: true, composed: true, detail: { query, matches } }),
    );
  }

  #clear(keepText) {
    clearTimeout(this.#debounce);
    this.#searchId++;
    if (!keepText) this.#ui.input.value = '';
    this.#ui.clear.hidden = !this.#ui.input.value;
    this.#lastQuery = '';
    this.#matches = [];
    this.#active = -1;
    this.#ui.spinner.hidden = true;
    this.#renderResults();
  }

  #setStatus(text) {
    this.#ui.status.textContent = text;
  }

  // ---- keyboard ----------------------------------------------------------

  #onKeyDown(e) {
    // Keys pressed while an IME composes text belong to the IME.
    if (e.isComposing || e.keyCode === 229 || this.#composing) return;
    const n = this.#matches.length;
    switch (e.key) {
      case 'ArrowDown':
        if (!n) return;
        e.preventDefault();
        if (!this.#expanded) this.#setExpanded(true);
        this.#setActive(this.#active + 1 >= n ? 0 : this.#active + 1);
        break;
      case 'ArrowUp':
        if (!n) return;
        e.preventDefault();
        if (!this.#expanded) this.#setExpanded(true);
        this.#setActive(this.#active <= 0 ? n - 1 : this.#active - 1);
        break;
      case 'Home':
      case 'End':
        if (!n || !this.#expanded || this.#active < 0) return;
        e.preventDefault();
        this.#setActive(e.key === 'Home' ? 0 : n - 1);
        break;
      case 'Enter':
        e.preventDefault();
        if (this.#active >= 0 && this.#expanded) this.#openDetail(this.#active);
        else this.#searchNow();
        break;
      case 'Escape':
        if (this.#expanded && n) {
          e.preventDefault();
          this.#setExpanded(false);
        } else if (this.#ui.input.value) {
          e.preventDefault();
          this.#clear();
        }
        break;
      default:
    }
  }

  #setExpanded(on) {
    this.#expanded = on && this.#matches.length > 0;
    this.#ui.input.setAttribute('aria-expanded', String(this.#expanded));
    this.#ui.listbox.hidden = !this.#expanded;
    if (!this.#expanded) this.#setActive(-1);
  }

  #setActive(i) {
    const options = this.#ui.listbox.querySelectorAll('[role="option"]');
    options.forEach((o, j) => o.setAttribute('aria-selected', String(j === i)));
    this.#active = i;
    if (i >= 0 && options[i]) {
      this.#ui.input.setAttribute('aria-activedescendant', options[i].id);
      options[i].scrollIntoView({ block: 'nearest' });
    } else {
      this.#ui.input.removeAttribute('aria-activedescendant');
    }
  }

  // ---- rendering results -------------------------------------------------

  #searchedListsText() {
    const lists = this.#visibleLists();
    return {
      count: lists.length,
      lists: lists.map((l) => this.#t('listAsOf', { list: this.#listName(l.code), date: this.#formatDate(l.as_of) })).join(', '),
    };
  }

  #visibleLists() {
    const info = this.info;
    if (!info) return [];
    return info.lists.filter((l) => !this.#selectedLists || this.#selectedLists.has(l.code));
  }

  #renderResults() {
    const ui = this.#ui;
    ui.listbox.replaceChildren();
    ui.hint.hidden = true;
    if (!this.#lastQuery) {
      this.#setStatus('');
      this.#setExpanded(false);
      return;
    }
    const query = this.#lastQuery.trim();
    if (this.#selectedLists && this.#selectedLists.size === 0) {
      this.#setStatus(this.#t('noListsSelected'));
      this.#setExpanded(false);
      return;
    }
    if (!this.#matches.length) {
      const { count, lists } = this.#searchedListsText();
      this.#setStatus(this.#t('noMatch', { query, count, lists }));
      ui.hint.textContent = this.#t('noMatchHint');
      ui.hint.hidden = false;
      this.#setExpanded(false);
      return;
    }
    this.#matches.forEach((m, i) => ui.listbox.append(this.#option(m, i)));
    this.#setStatus(this.#t('resultCount', { count: this.#matches.length, query }));
    this.#setExpanded(true);
  }

  #option(m, i) {
    const id = `${this.#uid}opt-${this.#searchId}-${i}`;
    const record = m.record || {};
    // The option's accessible name is its whole text: name, list, score,
    // then the details (axe: the visible text must be part of the name).
    const nameEl = h('span', { class: 'es-name' });
    if (m.matched_alias) nameEl.textContent = m.name;
    else nameEl.append(...highlighted(m.matched_name || m.name, m.highlights));

    const band = this.#scoreBand(m.score);
    const badge = h('span', { class: 'es-badge', 'data-list': m.source, textContent: this.#listName(m.source) });
    const score = h(
      'span',
      { class: 'es-score', 'data-band': band },
      h('span', { class: 'es-score-word', textContent: this.#scoreWord(m.score) }),
      h('span', { class: 'es-score-num', textContent: this.#formatScore(m.score) }),
    );

    const meta = [];
    const type = this.#s.types[m.type] || m.type;
    if (type) meta.push(type);
    const countries = [...new Set((record.addresses || []).map((a) => a.country).filter(Boolean))];
    if (countries.length) meta.push(countries.map((c) => this.#country(c)).join(', '));
    if (record.federal_register_notice) meta.push(record.federal_register_notice);

    const details = h('div', { class: 'es-opt-details' });
    if (m.matched_alias) {
      details.append(
        h(
          'div',
          { class: 'es-aka' },
          h('span', { class: 'es-aka-label', textContent: this.#t('matchedAlias') + ' ' }),
          h('span', { class: 'es-aka-name' }, ...highlighted(m.matched_name, m.highlights)),
        ),
      );
    }
    if (meta.length) details.append(h('div', { class: 'es-meta', textContent: meta.join(' · ') }));
    if (m.reasons && m.reasons.length) details.append(h('div', { class: 'es-reasons', textContent: m.reasons.join('; ') }));

    return h(
      'li',
      {
        id,
        role: 'option',
        class: 'es-option',
        'aria-selected': 'false',
        'data-index': i,
      },
      h('div', { class: 'es-opt-head' }, nameEl, badge, score),
      details,
      icon(ICONS.chevron, 'es-opt-chevron'),
    );
  }

  // ---- filters, data note, warning ---------------------------------------

  #listsFromAttribute() {
    const attr = this.getAttribute('lists');
    if (!attr) return null;
    return new Set(
      attr
        .split(/[\s,]+/)
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    );
  }

  #onListToggle(e) {
    const box = e.target;
    if (!(box instanceof HTMLInputElement)) return;
    const all = (this.info ? this.info.lists : []).map((l) => l.code);
    if (box.value === '*') {
      this.#selectedLists = box.checked ? null : new Set();
    } else {
      const set = new Set(this.#selectedLists || all);
      if (box.checked) set.add(box.value);
      else set.delete(box.value);
      this.#selectedLists = set.size === all.length && all.every((c) => set.has(c)) ? null : set;
    }
    this.#renderFilters();
    this.#renderDataNote();
    if (this.#ui.input.value.trim()) this.#scheduleSearch();
  }

  #renderFilters() {
    const ui = this.#ui;
    const info = this.info;
    const threshold = this.#currentThreshold();
    ui.thresholdInput.min = String(Math.min(0.5, threshold));
    ui.thresholdInput.value = String(threshold);
    this.#renderThresholdValue();
    const legend = h('legend', { textContent: this.#t('listsLegend') });
    const rows = [];
    if (info) {
      const allChecked = !this.#selectedLists;
      const allBox = h('input', { type: 'checkbox', value: '*', id: this.#uid + 'list-all' });
      allBox.checked = allChecked;
      allBox.indeterminate = !!this.#selectedLists && this.#selectedLists.size > 0;
      rows.push(h('label', { class: 'es-check es-check-all', for: this.#uid + 'list-all' }, allBox, h('span', { textContent: this.#t('allLists') })));
      for (const l of info.lists) {
        const box = h('input', { type: 'checkbox', value: l.code, id: this.#uid + 'list-' + l.code });
        box.checked = !this.#selectedLists || this.#selectedLists.has(l.code);
        rows.push(
          h(
            'label',
            { class: 'es-check', for: this.#uid + 'list-' + l.code, title: l.name },
            box,
            h('span', { class: 'es-check-text' }, h('span', { class: 'es-check-name', textContent: this.#listName(l.code) }), h('span', { class: 'es-check-meta', textContent: this.#t('listMeta', { count: l.count, date: this.#formatDate(l.as_of) }) })),
          ),
        );
      }
    }
    ui.listsFieldset.replaceChildren(legend, ...rows);
    ui.listsFieldset.hidden = !info;
    const active = (this.#selectedLists ? 1 : 0) + (this.#threshold !== null && this.#state && this.#threshold !== this.#state.defaultThreshold ? 1 : 0);
    ui.filtersBadge.hidden = active === 0;
    ui.filtersBadge.textContent = active ? this.#t('filtersActive', { count: active }) : '';
  }

  #renderThresholdValue() {
    const t = this.#currentThreshold();
    const text = `${this.#formatScore(t)} (${this.#scoreWord(t)})`;
    this.#ui.thresholdValue.textContent = text;
    this.#ui.thresholdInput.setAttribute('aria-valuetext', text);
  }

  #renderDataNote() {
    const ui = this.#ui;
    const info = this.info;
    if (this.#loadError) {
      ui.dataNote.textContent = this.#t('loadError', { message: this.#loadError.message });
    } else if (info) {
      const { count, lists } = this.#searchedListsText();
      ui.dataNote.textContent = this.#t('dataSearched', { count, lists });
    } else if (this.#ready) {
      ui.dataNote.textContent = this.#t('dataLoading');
    } else {
      ui.dataNote.textContent = this.#t('dataSearchedLazy');
    }
    this.#renderWarning();
  }

  #renderWarning() {
    const ui = this.#ui;
    const info = this.info;
    const maxAge = parseFloat(this.getAttribute('max-age-days') || '365');
    if (!info || !(maxAge >= 0)) {
      ui.warning.hidden = true;
      return;
    }
    const now = Date.now();
    const stale = this.#visibleLists().filter((l) => {
      const parsed = parseDate(l.as_of);
      return !parsed || (now - parsed.date.getTime()) / DAY_MS > maxAge;
    });
    if (!stale.length) {
      ui.warning.hidden = true;
      ui.warning.replaceChildren();
      return;
    }
    const lists = this.#joinList(stale.map((l) => this.#t('listAsOf', { list: this.#listName(l.code), date: this.#formatDate(l.as_of) })));
    ui.warning.replaceChildren(icon(ICONS.alert), h('span', { textContent: this.#t('staleWarning', { count: stale.length, lists, days: maxAge }) }));
    ui.warning.hidden = false;
  }

  // ---- detail view -------------------------------------------------------

  #openDetail(i) {
    const m = this.#matches[i];
    if (!m) return;
    this.#detailIndex = i;
    const ui = this.#ui;
    const r = m.record || {};
    const f = this.#s.fields;
    const listInfo = this.info && this.info.lists.find((l) => l.code === m.source);
    const titleId = this.#uid + 'detail-title';

    const header = h(
      'header',
      { class: 'es-dialog-head' },
      h(
        'div',
        { class: 'es-dialog-titles' },
        h('p', { class: 'es-dialog-kicker', textContent: this.#t('detailTitle') }),
        h('h2', { id: titleId, class: 'es-dialog-title', textContent: r.name || m.name }),
        h(
          'p',
          { class: 'es-dialog-sub' },
          h('span', { class: 'es-badge', 'data-list': m.source, textContent: this.#listName(m.source) }),
          ' ',
          this.#t('onList', { list: listInfo ? listInfo.name : m.source, agency: listInfo ? listInfo.agency : '' }),
        ),
      ),
      h('button', { type: 'button', class: 'es-close', 'aria-label': this.#t('close'), autofocus: true }, icon(ICONS.close)),
    );
    header.querySelector('.es-close').addEventListener('click', () => ui.dialog.close());

    const band = this.#scoreBand(m.score);
    const why = h(
      'section',
      { class: 'es-why', 'aria-label': this.#t('whyMatched') },
      h(
        'p',
        { class: 'es-why-head' },
        h('span', { class: 'es-score', 'data-band': band }, h('span', { class: 'es-score-word', textContent: this.#scoreWord(m.score) }), h('span', { class: 'es-score-num', textContent: this.#formatScore(m.score) })),
        ' ',
        h('span', { class: 'es-why-name' }, (m.matched_alias ? this.#t('matchedAlias') : this.#t('matchedName')) + ': ', h('span', { class: 'es-why-matched' }, ...highlighted(m.matched_name || '', m.highlights))),
      ),
      m.reasons && m.reasons.length ? h('ul', { class: 'es-why-reasons' }, m.reasons.map((x) => h('li', { textContent: x }))) : null,
    );

    const dl = h('dl', { class: 'es-fields' });
    const add = (label, ...value) => {
      const nodes = value.flat().filter((v) => v !== null && v !== undefined && v !== '');
      if (!nodes.length) return;
      dl.append(h('div', { class: 'es-field-row' }, h('dt', { textContent: label }), h('dd', {}, ...nodes)));
    };
    const list = (items) => (items && items.length ? h('ul', { class: 'es-plain' }, items.map((x) => h('li', {}, x))) : null);
    const text = (s) => (s ? String(s) : null);

    add(f.aliases, list((r.aliases || []).map((a) => String(a))));
    add(
      f.addresses,
      list(
        (r.addresses || []).map((a) => {
          const country = a.country ? this.#country(a.country) : '';
          return [a.text, country].filter(Boolean).join(', ');
        }),
      ),
    );
    add(f.federal_register_notice, r.federal_register_notice ? this.#federalRegister(r.federal_register_notice) : null);
    add(f.start_date, text(r.start_date && this.#formatDate(r.start_date, true)));
    add(f.end_date, text(r.end_date && this.#formatDate(r.end_date, true)));
    add(f.license_requirement, text(r.license_requirement));
    add(f.license_policy, text(r.license_policy));
    add(f.standard_order, text(r.standard_order));
    add(f.programs, text((r.programs || []).join(', ')));
    add(f.title, text(r.title));
    add(f.remarks, text(r.remarks));
    add(f.ids, list((r.ids || []).map((d) => [d.kind, d.number].filter(Boolean).join(' ') + (d.country ? ` (${d.country})` : ''))));
    add(f.dates_of_birth, text((r.dates_of_birth || []).join('; ')));
    add(f.places_of_birth, text((r.places_of_birth || []).join('; ')));
    add(f.nationalities, text((r.nationalities || []).join(', ')));
    add(f.citizenships, text((r.citizenships || []).join(', ')));
    if (r.vessel) {
      const vf = this.#s.vesselFields;
      const parts = Object.keys(vf)
        .filter((k) => r.vessel[k])
        .map((k) => `${vf[k]}: ${r.vessel[k]}`);
      add(f.vessel, text(parts.join('; ')));
    }
    const links = [];
    const sl = safeHref(r.source_list_url);
    const si = safeHref(r.source_information_url);
    if (sl) links.push(this.#link(sl, this.#t('sourceList')));
    else if (r.source_list_url) links.push(h('span', { textContent: r.source_list_url }));
    if (si && si !== sl) links.push(this.#link(si, this.#t('sourceInformation')));
    else if (!si && r.source_information_url) links.push(h('span', { textContent: r.source_information_url }));
    add(f.sources, links.length ? h('ul', { class: 'es-plain es-links' }, links.map((l) => h('li', {}, l))) : null);
    add(f.id, text(r.id));

    ui.dialog.replaceChildren(
      header,
      h('div', { class: 'es-dialog-body' }, why, dl, h('p', { class: 'es-hint', textContent: this.#t('disclaimer') }), links.length || dl.querySelector('a') ? h('p', { class: 'es-hint', textContent: this.#t('linkNote') }) : null),
    );
    if (!ui.dialog.open) ui.dialog.showModal();
  }

  #link(href, label) {
    return h(
      'a',
      { href, target: '_blank', rel: 'noopener noreferrer', referrerpolicy: 'no-referrer', class: 'es-link' },
      label,
      icon(ICONS.external, 'es-link-icon'),
    );
  }

  /** The Federal Register field with each "86 FR 60760" citation linked. */
  #federalRegister(value) {
    const out = h('span', {});
    const re = /(\d{1,3})\s*FR\s*(\d{1,6})/g;
    let at = 0;
    let m;
    while ((m = re.exec(value))) {
      if (m.index > at) out.append(document.createTextNode(value.slice(at, m.index)));
      const citation = `${m[1]} FR ${m[2]}`;
      const a = this.#link(`https://www.federalregister.gov/citation/${m[1]}-FR-${m[2]}`, m[0]);
      a.setAttribute('aria-label', this.#t('federalRegisterLink', { citation }));
      out.append(a);
      at = m.index + m[0].length;
    }
    if (at < value.length) out.append(document.createTextNode(value.slice(at)));
    return out;
  }
}

export function define(name = 'entity-screen') {
  if (!customElements.get(name)) customElements.define(name, EntityScreenElement);
  return EntityScreenElement;
}
