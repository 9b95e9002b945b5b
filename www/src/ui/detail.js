// The detail view: a modal <dialog> with why a party matched, then every
// listing of the party (each list's own record: its fields, CBP status, FCC
// equipment, Federal Register citation and date, programs, ..., and where
// each field came from, in words), then its "also on" listings of other
// departments with the reason they are not merged. Official sources are
// links the user may click (http(s) only; anything else in the data is
// shown as text). Escape and the close
// button close it (the browser's dialog handles Escape); the element then
// puts focus back in the box.
//
// The header and "why it matched" come from the search summary; the
// listings' records from the details file. Opened before that file has
// arrived, the view shows at once with a waiting note in place of the
// listings (aria-busy), and fills them in when the records come: the
// detail request waits for the file already requested at load, nothing
// more is fetched.

import { h, icon, link } from './dom.js';
import { addressLine, federalRegisterSegments, safeHref } from './text.js';
import { highlightedName, listBadge, listBadges, listCodes, scoreView } from './results.js';
import { listMeaning } from './filters.js';

/**
 * Where a record's fields came from, in words: one line per entry of its
 * `provenance` ("addresses as of December 2025", with the file), then the
 * rest at the list's own date; without provenance, every field at the
 * list's date. Pure (unit-tested).
 */
export function provenanceLines(record, listAsOf, fmt) {
  const prov = Array.isArray(record && record.provenance) ? record.provenance : [];
  const names = fmt.strings.provenanceFields || {};
  const lines = prov.map((p) => {
    const field = names[p.field] || String(p.field || '').replace(/_/g, ' ');
    const text = fmt.t('provenance', { field, date: fmt.date(p.as_of, true) });
    return p.file ? fmt.t('provenanceFile', { text, file: p.file }) : text;
  });
  if (listAsOf) lines.push(fmt.t(prov.length ? 'provenanceRest' : 'provenanceAll', { date: fmt.date(listAsOf, true) }));
  return lines;
}

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
function fields(r, fmt, listAsOf) {
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
  add(f.addresses, list((r.addresses || []).map((a) => addressLine(a.text, a.country ? fmt.country(a.country) : ''))));
  add(f.status, text(r.status));
  add(f.equipment, text(r.equipment));
  add(f.federal_register_notice, r.federal_register_notice ? federalRegister(r.federal_register_notice, fmt) : null);
  add(f.federal_register_date, text(r.federal_register_date && fmt.date(r.federal_register_date, true)));
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
  add(f.provenance, list(provenanceLines(r, listAsOf, fmt)));
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

  /**
   * Shows match `m` (a search summary): every listing of the party and its
   * "also on" listings. `detail` is a promise of the party's full records
   * (engine.detail); `ready` says whether the details are attached (then
   * the view opens when they are in, in a few ms, without a waiting note).
   * `listInfo(code)` gives a list's entry of info().lists (name, agency,
   * meaning, as_of), if known. Resolves when the listings are shown (or the
   * view was closed or showed another party first).
   */
  async show(m, listInfo, fmt, detail, ready) {
    const token = {};
    this.token = token;
    const current = () => this.token === token;
    let full = null;
    let failure = null;
    if (ready) {
      try {
        full = await detail;
      } catch (e) {
        failure = e;
      }
      if (!current()) return;
    }
    const listingsBox = h('div', { class: 'es-listings' });
    this.#frame(m, fmt, listingsBox);
    if (!ready) {
      listingsBox.setAttribute('aria-busy', 'true');
      listingsBox.append(h('p', { class: 'es-detail-wait', role: 'status', textContent: fmt.t('detailsLoading') }));
      try {
        full = await detail;
      } catch (e) {
        failure = e;
      }
      if (!current() || !this.element.open) return;
    }
    listingsBox.removeAttribute('aria-busy');
    // The core answers null for a key no party has (a summary from another
    // dataset than the one now loaded).
    if (!failure && !full) failure = new Error(`no party ${m.key} in this dataset`);
    if (failure) {
      listingsBox.replaceChildren(h('p', { class: 'es-detail-error', role: 'alert', textContent: fmt.t('detailsError', { message: failure.message || String(failure) }) }));
      return;
    }
    listingsBox.replaceChildren(...this.#listings(m, full, listInfo, fmt));
    if (listingsBox.querySelector('a')) listingsBox.append(h('p', { class: 'es-hint', textContent: fmt.t('linkNote') }));
  }

  /** The title of a party: its name on the most severe list. */
  static title(m) {
    return (Array.isArray(m.lists) && m.lists[0] && m.lists[0].name) || m.name;
  }

  /** Header, "why it matched", the box the listings go in and the
   * disclaimer, from the summary; opens the dialog. */
  #frame(m, fmt, listingsBox) {
    const entries = Array.isArray(m.lists) && m.lists.length ? m.lists.length : 1;
    const count = listCodes(m).length;
    const closeButton = h('button', { type: 'button', class: 'es-close', 'aria-label': fmt.t('close'), autofocus: true }, icon('close'));
    closeButton.addEventListener('click', () => this.close());
    const header = h(
      'header',
      { class: 'es-dialog-head' },
      h(
        'div',
        { class: 'es-dialog-titles' },
        h('p', { class: 'es-dialog-kicker', textContent: fmt.t('detailTitle') }),
        h('h2', { id: this.uid + 'detail-title', class: 'es-dialog-title', textContent: DetailDialog.title(m) }),
        h(
          'p',
          { class: 'es-dialog-sub' },
          listBadges(m, fmt),
          ' ',
          fmt.t('listings', { count }) + (entries > count ? ' · ' + fmt.t('entries', { count: entries }) : ''),
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
    const body = h('div', { class: 'es-dialog-body' }, why, listingsBox, h('p', { class: 'es-hint', textContent: fmt.t('disclaimer') }));
    this.element.replaceChildren(header, body);
    if (!this.element.open) this.element.showModal();
  }

  /** The listing sections of a party's full records `d` (engine.detail):
   * one per list it is on, then the "also on" ones. */
  #listings(m, d, listInfo, fmt) {
    const info = (code) => (listInfo && listInfo(code)) || null;
    const listings = Array.isArray(d.lists) && d.lists.length ? d.lists : [{ code: d.source, id: d.id, name: d.name, record: d.record }];
    const title = DetailDialog.title(m);
    let n = 0;
    const section = (cls, level, code, name, extra, record) => {
      const l = info(code);
      const headId = `${this.uid}listing-${++n}`;
      return h(
        'section',
        { class: cls, 'data-list': code, 'aria-labelledby': headId },
        h(
          level,
          { id: headId, class: 'es-listing-head' },
          listBadge(code, fmt),
          ' ',
          fmt.t('onList', { list: l ? l.name : code, agency: l ? l.agency : '' }),
        ),
        l && l.meaning ? h('p', { class: 'es-listing-meaning', textContent: listMeaning(l) }) : null,
        name && name !== title ? h('p', { class: 'es-listing-name', textContent: name }) : null,
        extra,
        fields(record || {}, fmt, l ? l.as_of : ''),
      );
    };
    const listingEls = listings.map((x) => section('es-listing', 'h3', x.code, x.name, null, x.record));
    const also = (d.also_on || []).map((a) =>
      section(
        'es-listing es-also',
        'h4',
        a.code,
        a.name,
        h('p', { class: 'es-also-reason' }, h('span', { class: 'es-also-label', textContent: fmt.t('alsoOnReason') + ': ' }), a.reason || ''),
        a.record,
      ),
    );
    return [
      ...listingEls,
      also.length ? h('section', { class: 'es-also-on-all' }, h('h3', { class: 'es-also-heading', textContent: fmt.t('alsoOnHeading') }), also) : null,
    ].filter(Boolean);
  }
}
