// The result options of the listbox: one <li role="option"> per party with
// the name (matched part highlighted), all its list badges (most severe
// first), score in words and as a number, type, countries, citation, the
// core's reasons and any "also on ..." listing of another department with
// its reason. All of it is in the search summary (no detail record is
// needed, so results show before the details file has arrived). The option's
// accessible name is its whole text (axe: the visible text must be part of
// the name). Also the status line's text for a result set.

import { h, icon, segmentsToNodes } from './dom.js';
import { highlightSegments } from './text.js';
import { scoreBand } from './format.js';

/** The score as words and number; `data-band` is the band's stable name. */
export function scoreView(score, fmt) {
  return h(
    'span',
    { class: 'es-score', 'data-band': scoreBand(score) },
    h('span', { class: 'es-score-word', textContent: fmt.scoreWord(score) }),
    h('span', { class: 'es-score-num', textContent: fmt.score(score) }),
  );
}

/** A list's badge. */
export function listBadge(code, fmt) {
  return h('span', { class: 'es-badge', 'data-list': code, textContent: fmt.listName(code) });
}

/** The codes of every list a match is on, most severe first (the core
 * orders `lists` so; `source` is the first). Older shapes without `lists`
 * give just `source`. */
export function listCodes(m) {
  const codes = Array.isArray(m.lists) && m.lists.length ? m.lists.map((l) => (typeof l === 'string' ? l : l.code)) : [m.source];
  return [...new Set(codes.filter(Boolean))];
}

/** All of a match's list badges, most severe first. */
export function listBadges(m, fmt) {
  return h('span', { class: 'es-badges' }, listCodes(m).map((c) => listBadge(c, fmt)));
}

/** The "also on ..." lines of a match: same-name listings of another
 * department, not merged, each with the core's reason. */
export function alsoOnText(m, fmt) {
  return (m.also_on || []).map((a) => fmt.t('alsoOn', { list: fmt.listName(a.code), agency: a.agency || '', reason: a.reason || '' }));
}

/** The name with the matched ranges as <mark>s. */
export function highlightedName(text, ranges) {
  return segmentsToNodes(highlightSegments(text, ranges));
}

/** One match as an option; `id` must be unique in the document. */
export function renderOption(m, i, id, fmt) {
  const nameEl = h('span', { class: 'es-name' });
  if (m.matched_alias) nameEl.textContent = m.name;
  else nameEl.append(...highlightedName(m.matched_name || m.name, m.highlights));

  const meta = [];
  const type = (fmt.strings.types && fmt.strings.types[m.type]) || m.type;
  if (type) meta.push(type);
  const countries = [...new Set((m.countries || []).filter(Boolean))];
  if (countries.length) meta.push(countries.map((c) => fmt.country(c)).join(', '));
  if (m.citation) meta.push(m.citation);

  const details = h('div', { class: 'es-opt-details' });
  if (m.matched_alias) {
    details.append(
      h(
        'div',
        { class: 'es-aka' },
        h('span', { class: 'es-aka-label', textContent: fmt.t('matchedAlias') + ' ' }),
        h('span', { class: 'es-aka-name' }, ...highlightedName(m.matched_name, m.highlights)),
      ),
    );
  }
  if (meta.length) details.append(h('div', { class: 'es-meta', textContent: meta.join(' · ') }));
  if (m.reasons && m.reasons.length) details.append(h('div', { class: 'es-reasons', textContent: m.reasons.join('; ') }));
  for (const line of alsoOnText(m, fmt)) details.append(h('div', { class: 'es-also-on', textContent: line }));

  return h(
    'li',
    { id, role: 'option', class: 'es-option', 'aria-selected': 'false', 'data-index': i },
    h('div', { class: 'es-opt-head' }, nameEl, listBadges(m, fmt), scoreView(m.score, fmt)),
    details,
    icon('chevron', 'es-opt-chevron'),
  );
}

/**
 * What the status line and the hint under it say for a shown query:
 * {status, hint} (hint null when none). `searched` is {count, lists} of the
 * lists searched; `noneSelected` when the user unticked every list.
 */
export function resultsText(query, matches, searched, noneSelected, fmt) {
  const q = query.trim();
  if (noneSelected) return { status: fmt.t('noListsSelected'), hint: null };
  if (!matches.length) {
    return { status: fmt.t('noMatch', { query: q, count: searched.count, lists: searched.lists }), hint: fmt.t('noMatchHint') };
  }
  return { status: fmt.t('resultCount', { count: matches.length, query: q }), hint: null };
}
