// The results table: every input row once (paged, in input order unless
// sorted), its status, best match with list badges and score, a button to
// expand all its matches with their reasons, and the reviewer's decision and
// note. "Hits only" hides rows without a match. Every text from the input
// or the lists goes in as textContent.

import { h } from './dom.js';
import { DECISIONS, decide } from './decisions.js';

export const PAGE_ROWS = 100;

const STATUS_ORDER = { exact: 0, strong: 1, possible: 2, error: 3, 'no match': 4 };

const SORTS = {
  row: (a, b) => a.row - b.row,
  score: (a, b) => (b.score ?? -1) - (a.score ?? -1) || a.row - b.row,
  status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.row - b.row,
  query: (a, b) => a.query.localeCompare(b.query) || a.row - b.row,
};

export class ResultsTable {
  constructor(s, uid, hooks) {
    this.s = s;
    this.uid = uid;
    this.hooks = hooks;
    this.rows = [];
    this.view = [];
    this.page = 0;
    this.sort = 'row';
    this.hitsOnly = false;
    this.open = new Set();

    this.hits = h('input', { type: 'checkbox', id: uid + 'hits' });
    this.sortSelect = h('select', { id: uid + 'sort' });
    for (const [k, label] of Object.entries(s.sorts)) this.sortSelect.append(h('option', { value: k, textContent: label }));
    this.tbody = h('tbody');
    const cols = s.columns;
    this.table = h(
      'table',
      { class: 'esb-table' },
      h('caption', { class: 'esb-visually-hidden', textContent: s.resultsHeading }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[cols.row, cols.query, cols.status, cols.match, cols.score, cols.decision, cols.note].map((t) => h('th', { scope: 'col', textContent: t })),
        ),
      ),
      this.tbody,
    );
    this.prev = h('button', { type: 'button', textContent: s.prev });
    this.next = h('button', { type: 'button', textContent: s.next });
    this.pageText = h('span', { class: 'esb-page' });
    this.shown = h('p', { class: 'esb-shown', 'aria-live': 'polite' });
    this.root = h(
      'div',
      { class: 'esb-results' },
      h(
        'div',
        { class: 'esb-table-controls' },
        h('span', { class: 'esb-check' }, this.hits, h('label', { for: uid + 'hits', textContent: s.hitsOnly })),
        h('span', {}, h('label', { for: uid + 'sort', textContent: s.sortBy + ' ' }), this.sortSelect),
      ),
      h('div', { class: 'esb-scroll' }, this.table),
      h('nav', { class: 'esb-pager', 'aria-label': s.resultsHeading }, this.prev, this.pageText, this.next),
      this.shown,
    );
    this.hits.addEventListener('change', () => {
      this.hitsOnly = this.hits.checked;
      this.page = 0;
      this.refresh();
    });
    this.sortSelect.addEventListener('change', () => {
      this.sort = this.sortSelect.value;
      this.page = 0;
      this.refresh();
    });
    this.prev.addEventListener('click', () => this.goto(this.page - 1));
    this.next.addEventListener('click', () => this.goto(this.page + 1));
  }

  setRows(rows) {
    this.rows = rows;
    this.page = 0;
    this.open.clear();
    this.refresh();
  }

  refresh() {
    const base = this.hitsOnly ? this.rows.filter((r) => r.matches.length > 0) : this.rows.slice();
    base.sort(SORTS[this.sort] || SORTS.row);
    this.view = base;
    this.render();
  }

  pages() {
    return Math.max(1, Math.ceil(this.view.length / PAGE_ROWS));
  }

  goto(p) {
    this.page = Math.min(Math.max(0, p), this.pages() - 1);
    this.render();
  }

  render() {
    const from = this.page * PAGE_ROWS;
    const slice = this.view.slice(from, from + PAGE_ROWS);
    const trs = [];
    for (const row of slice) {
      trs.push(this.rowElement(row));
      if (this.open.has(row.row)) trs.push(this.matchesElement(row));
    }
    if (!slice.length) trs.push(h('tr', {}, h('td', { colspan: '7', textContent: this.s.noRows })));
    this.tbody.replaceChildren(...trs);
    this.pageText.textContent = this.s.page(this.page + 1, this.pages());
    this.prev.disabled = this.page === 0;
    this.next.disabled = this.page >= this.pages() - 1;
    this.shown.textContent = slice.length ? this.s.showing(from + 1, from + slice.length, this.view.length) : '';
  }

  rowElement(row) {
    const s = this.s;
    const best = row.matches[0];
    const queryCell = h('td', { class: 'esb-query' }, h('span', { textContent: row.query }));
    if (row.country) queryCell.append(h('span', { class: 'esb-country', textContent: ` (${row.country})` }));
    if (row.problem) queryCell.append(h('span', { class: 'esb-problem', textContent: row.problem }));
    const matchCell = h('td', { class: 'esb-match' });
    if (best) {
      matchCell.append(h('span', { class: 'esb-match-name', textContent: best.name }));
      for (const l of best.lists) matchCell.append(' ', h('span', { class: 'esb-badge', 'data-list': l, textContent: l }));
      if (best.matched_alias) matchCell.append(h('span', { class: 'esb-alias', textContent: s.viaAlias(best.matched_name) }));
      const btn = h('button', {
        type: 'button',
        class: 'esb-expand',
        'aria-expanded': this.open.has(row.row) ? 'true' : 'false',
        'aria-controls': `${this.uid}m${row.row}`,
        textContent: this.open.has(row.row) ? s.hideMatches : s.showMatches(row.matches.length),
      });
      btn.addEventListener('click', () => {
        if (this.open.has(row.row)) this.open.delete(row.row);
        else this.open.add(row.row);
        this.render();
        this.tbody.querySelector(`[aria-controls="${this.uid}m${row.row}"]`)?.focus();
      });
      matchCell.append(btn);
    }
    const select = h('select', { class: 'esb-decision', 'aria-label': s.decisionLabel(row.row) });
    for (const v of DECISIONS) select.append(h('option', { value: v, textContent: s.decisions[v] }));
    select.value = row.decision ? row.decision.value : '';
    const note = h('input', { type: 'text', class: 'esb-note', 'aria-label': s.noteLabel(row.row), value: row.decision ? row.decision.note : '' });
    const onChange = () => {
      decide(row, select.value, note.value);
      this.hooks.onDecision?.(row);
      decisionInfo.textContent = this.decisionText(row);
    };
    select.addEventListener('change', onChange);
    note.addEventListener('change', onChange);
    const decisionInfo = h('span', { class: 'esb-decided', textContent: this.decisionText(row) });
    return h(
      'tr',
      { class: `esb-row esb-${row.status.replace(' ', '-')}` },
      h('td', { class: 'esb-num', textContent: String(row.row) }),
      queryCell,
      h('td', {}, h('span', { class: 'esb-status', textContent: s.statuses[row.status] || row.status })),
      matchCell,
      h('td', { class: 'esb-num', textContent: row.score == null ? '' : row.score.toFixed(3) }),
      h('td', {}, select, decisionInfo),
      h('td', {}, note),
    );
  }

  decisionText(row) {
    const d = row.decision;
    if (!d) return '';
    const date = (iso) => (iso || '').slice(0, 10);
    if (d.previous) return this.s.listingChanged(this.s.decisions[d.previous.value] || d.previous.value, date(d.previous.date));
    if (d.restored && d.value) return this.s.clearedOn(this.s.decisions[d.value], date(d.date));
    return '';
  }

  matchesElement(row) {
    const list = h('ol', { class: 'esb-matches' });
    for (const m of row.matches) {
      const reasons = h('ul', { class: 'esb-reasons' });
      for (const r of m.reasons) reasons.append(h('li', { textContent: r }));
      const head = h('p', {}, h('strong', { textContent: m.name }));
      for (const l of m.lists) head.append(' ', h('span', { class: 'esb-badge', 'data-list': l, textContent: l }));
      head.append(` ${m.score.toFixed(3)} · ${m.type} · ${m.id}`);
      if (m.countries.length) head.append(` · ${m.countries.join(', ')}`);
      list.append(h('li', {}, head, m.matched_alias ? h('p', { textContent: this.s.viaAlias(m.matched_name) }) : null, reasons));
    }
    return h('tr', { class: 'esb-detail', id: `${this.uid}m${row.row}` }, h('td', { colspan: '7' }, list));
  }
}
