// The filter panel: which lists to search and the minimum score. It keeps
// the user's choices (a Set of list codes, null for all; a threshold the
// user set, null for the attribute's or the core's) and tells the element
// when they change. The threshold in effect is decided by the element, which
// knows the attribute and the core's default.

import { h, icon } from './dom.js';

/**
 * The lists grouped by department (info's `department`, else `agency`), in
 * the order each department first appears in info (the dataset's list
 * order), lists in their order within it: [{department, lists}].
 */
export function departmentGroups(lists) {
  const groups = new Map();
  for (const l of lists) {
    const d = l.department || l.agency || '';
    if (!groups.has(d)) groups.set(d, []);
    groups.get(d).push(l);
  }
  return [...groups].map(([department, ls]) => ({ department, lists: ls }));
}

/** A list's one-line meaning without its leading "CODE: " (the code is
 * shown next to it already), as a sentence. */
export function listMeaning(l) {
  const m = String(l.meaning || '');
  const prefix = l.code + ': ';
  const rest = m.startsWith(prefix) ? m.slice(prefix.length) : m;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

export class Filters {
  /** @param {string} uid id prefix; @param {(what: 'lists'|'threshold') => void} onChange */
  constructor(uid, onChange) {
    this.uid = uid;
    this.onChange = onChange;
    this.selected = null;
    this.threshold = null;

    this.summaryText = h('span', {});
    this.badge = h('span', { class: 'es-filters-badge', hidden: true });
    this.fieldset = h('fieldset', { class: 'es-lists' });
    this.range = h('input', {
      id: uid + 'threshold',
      type: 'range',
      min: '0.5',
      max: '1',
      step: '0.01',
      class: 'es-range',
      'aria-describedby': uid + 'threshold-hint',
    });
    this.rangeLabel = h('label', { for: uid + 'threshold', class: 'es-threshold-label' });
    // A span, not an <output>: that would be a second live region, and the
    // slider already announces its value (aria-valuetext).
    this.rangeValue = h('span', { class: 'es-threshold-value', 'aria-hidden': 'true' });
    this.rangeHint = h('p', { id: uid + 'threshold-hint', class: 'es-hint' });
    this.element = h(
      'details',
      { class: 'es-filters', part: 'filters' },
      h('summary', { class: 'es-filters-summary' }, icon('filter'), this.summaryText, this.badge),
      h(
        'div',
        { class: 'es-filters-body' },
        this.fieldset,
        h(
          'div',
          { class: 'es-threshold' },
          h('div', { class: 'es-threshold-row' }, this.rangeLabel, this.rangeValue),
          this.range,
          this.rangeHint,
        ),
      ),
    );

    this.range.addEventListener('input', () => {
      this.threshold = Number(this.range.value);
      this.onChange('threshold');
    });
    this.fieldset.addEventListener('change', (e) => this.#onToggle(e));
    this.codes = [];
  }

  /** True when the user unticked every list. */
  get noneSelected() {
    return !!this.selected && this.selected.size === 0;
  }

  #onToggle(e) {
    const box = e.target;
    if (!(box instanceof HTMLInputElement)) return;
    const all = this.codes;
    if (box.value === '*') {
      this.selected = box.checked ? null : new Set();
    } else {
      const set = new Set(this.selected || all);
      if (box.checked) set.add(box.value);
      else set.delete(box.value);
      this.selected = set.size === all.length && all.every((c) => set.has(c)) ? null : set;
    }
    this.onChange('lists');
  }

  /** Redraws the panel for the dataset `info` (null before it loads), the
   * threshold in effect and the core's default. */
  render(info, threshold, defaultThreshold, fmt) {
    const u = this.uid;
    this.summaryText.textContent = fmt.t('filters');
    this.rangeLabel.textContent = fmt.t('threshold');
    this.rangeHint.textContent = fmt.t('thresholdHint');
    this.range.min = String(Math.min(0.5, threshold));
    this.range.value = String(threshold);
    this.renderThreshold(threshold, fmt);

    this.codes = info ? info.lists.map((l) => l.code) : [];
    const rows = [];
    if (info) {
      const allBox = h('input', { type: 'checkbox', value: '*', id: u + 'list-all' });
      allBox.checked = !this.selected;
      allBox.indeterminate = !!this.selected && this.selected.size > 0;
      rows.push(h('label', { class: 'es-check es-check-all', for: u + 'list-all' }, allBox, h('span', { textContent: fmt.t('allLists') })));
      departmentGroups(info.lists).forEach((group, gi) => {
        const headId = `${u}dept-${gi}`;
        const title = (fmt.strings.departments && fmt.strings.departments[group.department]) || group.department;
        rows.push(
          h(
            'div',
            { class: 'es-dept', role: 'group', 'aria-labelledby': headId },
            h('p', { id: headId, class: 'es-dept-name', textContent: fmt.t('departmentGroup', { department: title }) }),
            group.lists.map((l) => this.#listRow(l, fmt)),
          ),
        );
      });
    }
    this.fieldset.replaceChildren(h('legend', { textContent: fmt.t('listsLegend') }), ...rows);
    this.fieldset.hidden = !info;
    const moved = this.threshold !== null && defaultThreshold !== null && this.threshold !== defaultThreshold;
    const active = (this.selected ? 1 : 0) + (moved ? 1 : 0);
    this.badge.hidden = active === 0;
    this.badge.textContent = active ? fmt.t('filtersActive', { count: active }) : '';
  }

  /** One list's checkbox: its badge name and code, its official name, count
   * and date, and what being on it means (the box's description). */
  #listRow(l, fmt) {
    const id = this.uid + 'list-' + l.code;
    const box = h('input', { type: 'checkbox', value: l.code, id, 'aria-describedby': l.meaning ? id + '-meaning' : null });
    box.checked = !this.selected || this.selected.has(l.code);
    const meta = fmt.t('listMeta', { count: l.count, date: fmt.date(l.as_of) });
    return h(
      'label',
      { class: 'es-check', for: id, 'data-list': l.code },
      box,
      h(
        'span',
        { class: 'es-check-text' },
        h(
          'span',
          { class: 'es-check-name' },
          h('span', { textContent: fmt.listName(l.code) }),
          ' ',
          h('span', { class: 'es-check-code', textContent: l.code }),
        ),
        l.name && l.name !== fmt.listName(l.code) ? h('span', { class: 'es-check-full', textContent: l.name }) : null,
        h('span', { class: 'es-check-meta', textContent: meta }),
        l.meaning ? h('span', { id: id + '-meaning', class: 'es-check-meaning', textContent: listMeaning(l) }) : null,
      ),
    );
  }

  /** The slider's visible and announced value ("0.75 (possible)"). */
  renderThreshold(threshold, fmt) {
    const text = `${fmt.score(threshold)} (${fmt.scoreWord(threshold)})`;
    this.rangeValue.textContent = text;
    this.range.setAttribute('aria-valuetext', text);
  }
}
