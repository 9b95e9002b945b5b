// The detail view: a modal <dialog> with a match's full record, why it
// matched, and the official sources as links the user may click (http(s)
// only; anything else in the data is shown as text). Escape and the close
// button close it (the browser's dialog handles Escape); the element then
// puts focus back in the box.

import { h, icon, link } from './dom.js';
import { federalRegisterSegments, safeHref } from './text.js';
import { highlightedName, listBadge, scoreView } from './results.js';

/** The Federal Register field with each "86 FR 60760" citation linked. */
function federalRegister(value, fmt) {
  return h(
    'span',
    {},
    federalRegisterSegments(value).map((seg) => {
      if (!seg.href) return seg.text;
      const a = link(seg.href, seg.text);
      a.setAttribute('aria-label', fmt.t('federalRegisterLink', { citation: seg.citation }));
      return a;
    }),
  );
}

/** The record's fields as a <dl>, in a fixed order, skipping empty ones. */
function fields(r, fmt) {
  const f = fmt.strings.fields;
  const dl = h('dl', { class: 'es-fields' });
  const add = (label, ...value) => {
    const nodes = value.flat().filter((v) => v !== null && v !== undefined && v !== '');
    if (!nodes.length) return;
    dl.append(h('div', { class: 'es-field-row' }, h('dt', { textContent: label }), h('dd', {}, ...nodes)));
  };
  const list = (items) => (items && items.length ? h('ul', { class: 'es-plain' }, items.map((x) => h('li', {}, x))) : null);
  const text = (s) => (s ? String(s) : null);

  add(f.aliases, list((r.aliases || []).map((a) => String(a))));
  add(f.addresses, list((r.addresses || []).map((a) => [a.text, a.country ? fmt.country(a.country) : ''].filter(Boolean).join(', '))));
  add(f.federal_register_notice, r.federal_register_notice ? federalRegister(r.federal_register_notice, fmt) : null);
  add(f.start_date, text(r.start_date && fmt.date(r.start_date, true)));
  add(f.end_date, text(r.end_date && fmt.date(r.end_date, true)));
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
    const vf = fmt.strings.vesselFields;
    const parts = Object.keys(vf)
      .filter((k) => r.vessel[k])
      .map((k) => `${vf[k]}: ${r.vessel[k]}`);
    add(f.vessel, text(parts.join('; ')));
  }
  const links = [];
  const sl = safeHref(r.source_list_url);
  const si = safeHref(r.source_information_url);
  if (sl) links.push(link(sl, fmt.t('sourceList')));
  else if (r.source_list_url) links.push(h('span', { textContent: r.source_list_url }));
  if (si && si !== sl) links.push(link(si, fmt.t('sourceInformation')));
  else if (!si && r.source_information_url) links.push(h('span', { textContent: r.source_information_url }));
  add(f.sources, links.length ? h('ul', { class: 'es-plain es-links' }, links.map((l) => h('li', {}, l))) : null);
  add(f.id, text(r.id));
  return dl;
}

export class DetailDialog {
  /** @param {string} uid id prefix; @param {() => void} onClose */
  constructor(uid, onClose) {
    this.uid = uid;
    this.element = h('dialog', { class: 'es-dialog', part: 'dialog', 'aria-labelledby': uid + 'detail-title' });
    this.element.addEventListener('close', onClose);
    // A click on the backdrop (the dialog itself, outside its content) closes.
    this.element.addEventListener('click', (e) => {
      if (e.target === this.element) this.close();
    });
  }

  get open() {
    return this.element.open;
  }

  close() {
    if (this.element.open) this.element.close();
  }

  /** Shows match `m` with its full `record`; `listInfo` is its list's entry
   * of info().lists (name and agency), if known. */
  show(m, record, listInfo, fmt) {
    const r = record || {};
    const closeButton = h('button', { type: 'button', class: 'es-close', 'aria-label': fmt.t('close'), autofocus: true }, icon('close'));
    closeButton.addEventListener('click', () => this.close());
    const header = h(
      'header',
      { class: 'es-dialog-head' },
      h(
        'div',
        { class: 'es-dialog-titles' },
        h('p', { class: 'es-dialog-kicker', textContent: fmt.t('detailTitle') }),
        h('h2', { id: this.uid + 'detail-title', class: 'es-dialog-title', textContent: r.name || m.name }),
        h(
          'p',
          { class: 'es-dialog-sub' },
          listBadge(m.source, fmt),
          ' ',
          fmt.t('onList', { list: listInfo ? listInfo.name : m.source, agency: listInfo ? listInfo.agency : '' }),
        ),
      ),
      closeButton,
    );

    const why = h(
      'section',
      { class: 'es-why', 'aria-label': fmt.t('whyMatched') },
      h(
        'p',
        { class: 'es-why-head' },
        scoreView(m.score, fmt),
        ' ',
        h(
          'span',
          { class: 'es-why-name' },
          (m.matched_alias ? fmt.t('matchedAlias') : fmt.t('matchedName')) + ': ',
          h('span', { class: 'es-why-matched' }, ...highlightedName(m.matched_name || '', m.highlights)),
        ),
      ),
      m.reasons && m.reasons.length ? h('ul', { class: 'es-why-reasons' }, m.reasons.map((x) => h('li', { textContent: x }))) : null,
    );

    const dl = fields(r, fmt);
    this.element.replaceChildren(
      header,
      h(
        'div',
        { class: 'es-dialog-body' },
        why,
        dl,
        h('p', { class: 'es-hint', textContent: fmt.t('disclaimer') }),
        dl.querySelector('a') ? h('p', { class: 'es-hint', textContent: fmt.t('linkNote') }) : null,
      ),
    );
    if (!this.element.open) this.element.showModal();
  }
}
