// <entity-screen-batch>: screens a whole list in the browser and gives a
// record a compliance officer can file. It shares the page's engine (the
// same Worker and wasm as <entity-screen>); this file wires the parts:
//
//   input.js      paste box, file picker / drop, column choosers
//   run.js        chunked screening in the Worker, progress, cancel
//   table.js      results table, filter, sort, decisions
//   decisions.js  decisions and restoring them from an earlier export
//   export.js     CSV, JSON, Blob downloads, printable report
//   record.js     the audit record (shared with <entity-screen>'s "save this result")
//
// JS API: `await el.screen(input)` -> {audit, rows}; `await el.toCSV()`;
// `el.toJSON()`; events `entity-screen-batch-progress` ({done, total}) and
// `entity-screen-batch-done` ({audit, rows}). See www/README.md.
//
// A little over the ~300 lines the house style aims at: the documented
// public API is about a third of it; the rest is the wiring of the parts
// above, which reads best in one place.

import CSS from './styles.css';
import { BATCH_STRINGS } from './strings.js';
import { h } from './dom.js';
import { InputPanel, toSource } from './input.js';
import { screenAll, Progress, Cancelled } from './run.js';
import { ResultsTable } from './table.js';
import { restore } from './decisions.js';
import { csvText, jsonBlob, download, exportName, buildReport } from './export.js';
import { auditFor } from './record.js';

let engineProvider = null;

/** Sets how an element finds its engine (index.js / standalone.js pass the
 * same provider as <entity-screen>'s, so both share one engine per page). */
export function setBatchEngineProvider(fn) {
  engineProvider = fn;
}

let uidCounter = 0;

/** The attribute the element sets on <html> while its report prints, so a
 * page's print stylesheet can hide everything else. */
export const PRINTING_ATTRIBUTE = 'data-entity-screen-printing';

export class EntityScreenBatchElement extends HTMLElement {
  #s = BATCH_STRINGS;
  #ui = null;
  #engine = null;
  #started = null;
  #result = null;
  #prepared = null;
  #running = null;
  #uid = `esb${++uidCounter}-`;

  connectedCallback() {
    if (!this.#ui) this.#build();
    if ((this.getAttribute('load') || '').toLowerCase() === 'eager') this.#start().catch(() => {});
  }

  /** The last result {audit, rows}, or null. */
  get result() {
    return this.#result;
  }

  set strings(value) {
    this.#s = { ...BATCH_STRINGS, ...value };
  }

  get strings() {
    return this.#s;
  }

  /** Screens `input` (a string of lines, an array of strings, or a File or
   * Blob) and resolves to {audit, rows}; the table shows the result. */
  async screen(input) {
    const { source, fileName } = toSource(input);
    await this.#start();
    if (source.file) this.#checkSize(source.file);
    const prepared = await this.#engine.readInput(source, { fileName });
    return this.#run(prepared, fileName);
  }

  /** The CSV export of the last result (a Promise of its text). */
  async toCSV() {
    if (!this.#result) throw new Error('nothing screened yet');
    return csvText(this.#engine, this.#result.rows);
  }

  /** The JSON export of the last result: {audit, rows} (JSON.stringify(el)
   * gives the file's text). */
  toJSON() {
    return this.#result ? { audit: this.#result.audit, rows: this.#result.rows } : null;
  }

  /** Applies the decisions of an earlier JSON export (a File, Blob or the
   * parsed object) to the current result: {restored, changed}. */
  async restoreDecisions(previous) {
    if (!this.#result) throw new Error('screen a list first, then restore its decisions');
    await this.#start();
    const earlier =
      typeof Blob === 'function' && previous instanceof Blob
        ? await this.#engine.request('readDecisions', { file: previous })
        : await this.#engine.request('readDecisions', { value: previous });
    const counts = restore(this.#result.rows, earlier);
    this.#ui.table.render();
    this.#say(this.#s.restored(counts.restored, counts.changed));
    return counts;
  }

  // ---- internals ----------------------------------------------------------

  #start() {
    if (!this.#started) {
      if (!engineProvider) return Promise.reject(new Error('entity-screen-batch: no engine'));
      this.#engine = engineProvider(this);
      this.#started = this.#engine.start().then(async (started) => {
        this.schema = await this.#engine.batchSchema();
        return started;
      });
      this.#started.catch(() => {
        this.#started = null;
      });
    }
    return this.#started;
  }

  #options() {
    const o = {};
    const t = this.getAttribute('threshold');
    if (t !== null && t !== '' && Number.isFinite(Number(t))) o.threshold = Number(t);
    const lists = (this.getAttribute('lists') || '').split(/[\s,]+/).filter(Boolean);
    if (lists.length) o.lists = lists;
    return o;
  }

  #checkSize(file) {
    const max = this.schema.maxFileBytes;
    if (file.size > max) throw new Error(this.#s.tooBig(Math.round(max / (1024 * 1024))));
  }

  #say(text) {
    this.#ui.status.textContent = text;
  }

  async #run(prepared, fileName) {
    if (this.#running) throw new Error('a screen is already running');
    const ui = this.#ui;
    const signal = { cancelled: false };
    this.#running = signal;
    ui.screen.disabled = true;
    ui.cancel.hidden = false;
    ui.progress.show(true);
    this.#say('');
    try {
      const { screener } = await this.#start();
      const options = this.#options();
      const rows = await screenAll(this.#engine, screener, prepared, options, {
        signal,
        onProgress: (p) => {
          ui.progress.update(p);
          this.dispatchEvent(new CustomEvent('entity-screen-batch-progress', { detail: { done: p.done, total: p.total }, bubbles: true }));
        },
      });
      const audit = await auditFor(this.#engine, screener, rows, options, {
        fileName,
        format: prepared.format,
        nameColumn: prepared.nameColumn,
        countryColumn: prepared.countryColumn,
      });
      this.#result = { audit, rows };
      ui.table.setRows(rows);
      ui.resultsBox.hidden = false;
      ui.exportBox.hidden = false;
      this.#say(this.#s.summary(audit.input.rows, audit.counts));
      this.dispatchEvent(new CustomEvent('entity-screen-batch-done', { detail: this.#result, bubbles: true }));
      return this.#result;
    } catch (e) {
      if (e instanceof Cancelled) ui.progress.message(this.#s.cancelled(e.done, prepared.count));
      throw e;
    } finally {
      this.#running = null;
      ui.screen.disabled = false;
      ui.cancel.hidden = true;
    }
  }

  async #onFile(file) {
    try {
      await this.#start();
      this.#checkSize(file);
      this.#prepared = await this.#engine.readInput({ file }, { fileName: file.name || '' });
      this.#ui.input.setFile(file, this.#prepared);
      this.#say('');
    } catch (e) {
      this.#ui.input.setFile(null);
      this.#say(this.#s.error(e.message || String(e)));
    }
  }

  async #onScreen() {
    const cur = this.#ui.input.current();
    if (!cur) {
      this.#say(this.#s.noInput);
      return;
    }
    try {
      await this.#start();
      if (cur.source.file) this.#checkSize(cur.source.file);
      const prepared = await this.#engine.readInput(cur.source, { fileName: cur.fileName, ...cur.spec });
      await this.#run(prepared, cur.fileName);
    } catch (e) {
      if (!(e instanceof Cancelled)) this.#say(this.#s.error(e.message || String(e)));
    }
  }

  async #print() {
    if (!this.#result) return;
    await buildReport(this.#ui.report, this.#s, this.#result.audit, this.#result.rows);
    const html = document.documentElement;
    html.setAttribute(PRINTING_ATTRIBUTE, '');
    const done = () => {
      html.removeAttribute(PRINTING_ATTRIBUTE);
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  }

  #build() {
    const s = this.#s;
    const u = this.#uid;
    const root = this.attachShadow({ mode: 'open' });
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.append(h('style', { textContent: CSS }));
    }
    const ui = {};
    ui.input = new InputPanel(s, u, { onFile: (f) => this.#onFile(f) });
    ui.screen = h('button', { type: 'button', class: 'esb-primary', textContent: s.screen });
    ui.cancel = h('button', { type: 'button', hidden: '', textContent: s.cancel });
    ui.progress = new Progress(s, h);
    ui.status = h('p', { class: 'esb-status-line', role: 'status' });
    ui.table = new ResultsTable(s, u, {});
    ui.restore = h('input', { type: 'file', id: u + 'restore', accept: '.json,application/json' });
    ui.csv = h('button', { type: 'button', textContent: s.exportCsv });
    ui.json = h('button', { type: 'button', textContent: s.exportJson });
    ui.printBtn = h('button', { type: 'button', textContent: s.print });
    ui.resultsBox = h(
      'section',
      { class: 'esb-screen-only', hidden: '', 'aria-labelledby': u + 'rh' },
      h('h3', { id: u + 'rh', textContent: s.resultsHeading }),
      h('p', { class: 'esb-restore' }, h('label', { for: u + 'restore', textContent: s.restore }), ui.restore),
      ui.table.root,
    );
    ui.exportBox = h(
      'section',
      { class: 'esb-screen-only esb-export', hidden: '', 'aria-labelledby': u + 'eh' },
      h('h3', { id: u + 'eh', textContent: s.exportHeading }),
      h('p', {}, ui.csv, ' ', ui.json, ' ', ui.printBtn),
      h('p', { class: 'esb-hint', textContent: s.exportNote }),
    );
    ui.report = h('section', { class: 'esb-report' });
    root.append(
      h(
        'div',
        { class: 'esb', part: 'container' },
        h(
          'div',
          { class: 'esb-screen-only' },
          h('p', { class: 'esb-intro', textContent: s.intro }),
          ui.input.root,
          h('p', { class: 'esb-actions' }, ui.screen, ' ', ui.cancel),
          ui.progress.root,
          ui.status,
        ),
        ui.resultsBox,
        ui.exportBox,
        ui.report,
      ),
    );
    ui.screen.addEventListener('click', () => this.#onScreen());
    ui.cancel.addEventListener('click', () => {
      if (this.#running) this.#running.cancelled = true;
    });
    const columnsChanged = async () => {
      const file = ui.input.file;
      if (!file) return;
      try {
        const cur = ui.input.current();
        this.#prepared = await this.#engine.readInput({ file }, { fileName: file.name || '', ...cur.spec });
        ui.input.fileStatus.textContent = s.fileChosen(file.name || 'file', this.#prepared.count);
        this.#say('');
      } catch (e) {
        this.#say(this.#s.error(e.message || String(e)));
      }
    };
    ui.input.nameSelect.addEventListener('change', columnsChanged);
    ui.input.countrySelect.addEventListener('change', columnsChanged);
    ui.restore.addEventListener('change', async () => {
      const f = ui.restore.files && ui.restore.files[0];
      if (!f) return;
      try {
        await this.restoreDecisions(f);
      } catch (e) {
        this.#say(this.#s.error(e.message || String(e)));
      }
      ui.restore.value = '';
    });
    ui.csv.addEventListener('click', async () => {
      const text = await this.toCSV();
      download(new Blob([text], { type: 'text/csv' }), exportName(this.#result.audit, 'csv'), root);
    });
    ui.json.addEventListener('click', async () => {
      const blob = await jsonBlob(this.#result.audit, this.#result.rows);
      download(blob, exportName(this.#result.audit, 'json'), root);
    });
    ui.printBtn.addEventListener('click', () => this.#print());
    this.addEventListener('focusin', () => this.#start().catch(() => {}), { once: true });
    this.#ui = ui;
  }
}

export function defineBatch(name = 'entity-screen-batch') {
  if (!customElements.get(name)) customElements.define(name, EntityScreenBatchElement);
}
