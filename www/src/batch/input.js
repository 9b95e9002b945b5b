// Input of a batch: the paste box, the file picker and drop target, and the
// column choosers. Reading and parsing happen in the engine (the crate's
// src/batch/input.rs, in the Worker), so pasted text, CSV and TSV are read
// exactly as the CLI reads them. This module only collects the source and
// the user's column choice.

import { h } from './dom.js';

/** Normalises what `el.screen()` accepts into an engine source and a file name. */
export function toSource(input) {
  if (typeof input === 'string') return { source: { text: input }, fileName: '' };
  if (Array.isArray(input)) {
    // One element, one row: line breaks and tabs inside an element would
    // split it or make it a table.
    const text = input.map((s) => String(s ?? '').replace(/[\r\n\t]+/g, ' ')).join('\n');
    return { source: { text }, fileName: '' };
  }
  if (typeof Blob === 'function' && input instanceof Blob) {
    return { source: { file: input }, fileName: typeof input.name === 'string' ? input.name : '' };
  }
  throw new TypeError('screen() takes a string of lines, an array of strings, or a File or Blob');
}

export class InputPanel {
  /**
   * @param {object} s strings
   * @param {string} uid id prefix
   * @param {{onFile: (file: File) => void}} hooks
   */
  constructor(s, uid, hooks) {
    this.s = s;
    this.file = null;
    this.columns = [];
    this.hooks = hooks;
    const ta = h('textarea', { id: uid + 'paste', rows: '8', spellcheck: 'false', autocomplete: 'off', class: 'esb-paste' });
    const fileInput = h('input', { id: uid + 'file', type: 'file', accept: '.csv,.tsv,.tab,.txt,text/csv,text/tab-separated-values,text/plain' });
    this.fileStatus = h('p', { class: 'esb-file-status', hidden: '' });
    this.clearFile = h('button', { type: 'button', class: 'esb-link', hidden: '', textContent: s.clearFile });
    this.nameSelect = h('select', { id: uid + 'namecol' });
    this.countrySelect = h('select', { id: uid + 'countrycol' });
    this.columnsBox = h(
      'div',
      { class: 'esb-columns', hidden: '' },
      h('label', { for: uid + 'namecol', textContent: s.nameColumn }),
      this.nameSelect,
      h('label', { for: uid + 'countrycol', textContent: s.countryColumn }),
      this.countrySelect,
    );
    this.textarea = ta;
    this.fileInput = fileInput;
    this.root = h(
      'div',
      { class: 'esb-input' },
      h('label', { for: uid + 'paste', textContent: s.pasteLabel }),
      ta,
      h('label', { for: uid + 'file', textContent: s.fileLabel }),
      fileInput,
      h('p', { class: 'esb-hint', textContent: s.dropHint }),
      this.fileStatus,
      this.clearFile,
      this.columnsBox,
    );
    fileInput.addEventListener('change', () => {
      if (fileInput.files && fileInput.files[0]) this.hooks.onFile(fileInput.files[0]);
    });
    this.clearFile.addEventListener('click', () => this.setFile(null));
    this.root.addEventListener('dragover', (e) => {
      if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) {
        e.preventDefault();
        this.root.classList.add('esb-drop');
      }
    });
    this.root.addEventListener('dragleave', () => this.root.classList.remove('esb-drop'));
    this.root.addEventListener('drop', (e) => {
      this.root.classList.remove('esb-drop');
      const f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
      if (f) {
        e.preventDefault();
        this.hooks.onFile(f);
      }
    });
  }

  /** Shows a chosen file and, for a table, its columns (from readInput). */
  setFile(file, prepared) {
    this.file = file;
    if (!file) {
      this.fileInput.value = '';
      this.fileStatus.hidden = true;
      this.clearFile.hidden = true;
      this.columnsBox.hidden = true;
      this.textarea.disabled = false;
      return;
    }
    this.textarea.disabled = true;
    this.fileStatus.hidden = false;
    this.fileStatus.textContent = this.s.fileChosen(file.name || 'file', prepared.count);
    this.clearFile.hidden = false;
    this.showColumns(prepared);
  }

  showColumns(prepared) {
    this.columns = prepared.columns || [];
    if (!this.columns.length) {
      this.columnsBox.hidden = true;
      return;
    }
    const fill = (select, chosen, withNone) => {
      select.replaceChildren();
      if (withNone) select.append(h('option', { value: '', textContent: this.s.noCountry }));
      for (const c of this.columns) select.append(h('option', { value: c, textContent: c }));
      select.value = chosen || '';
    };
    fill(this.nameSelect, prepared.nameColumn, false);
    fill(this.countrySelect, prepared.countryColumn, true);
    this.columnsBox.hidden = false;
  }

  /** The engine source and reading spec for the current choice, or null. */
  current() {
    const spec = {};
    if (this.columns.length) {
      spec.column = this.nameSelect.value;
      spec.countryColumn = this.countrySelect.value;
    }
    if (this.file) return { source: { file: this.file }, fileName: this.file.name || '', spec };
    const text = this.textarea.value;
    if (!text.trim()) return null;
    return { source: { text }, fileName: '', spec };
  }
}
