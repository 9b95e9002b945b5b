// The note under the box on what data is searched (or that it is loading,
// or failed), and the warning when a searched list is older than the
// `max-age-days` the site set: a "no match" against stale data is not a
// clean bill.

import { h, icon } from './dom.js';
import { parseDate } from './format.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The lists (from info().lists) whose "as of" date is more than
 * `maxAgeDays` before `now` (ms), or is not a date at all. None when
 * `maxAgeDays` is not a number ≥ 0. */
export function staleLists(lists, maxAgeDays, now = Date.now()) {
  if (!(maxAgeDays >= 0)) return [];
  return lists.filter((l) => {
    const parsed = parseDate(l.as_of);
    return !parsed || (now - parsed.date.getTime()) / DAY_MS > maxAgeDays;
  });
}

/** The `max-age-days` attribute's value, 365 when missing; NaN (no
 * warning) when it is not a number. */
export function maxAgeDays(attr) {
  return parseFloat(attr === null || attr === undefined || attr === '' ? '365' : attr);
}

/**
 * Renders the data note and the warning. `state` is {info, lists (the ones
 * searched), loading, error, maxAge}.
 */
export function renderDataNote(note, warning, state, fmt) {
  const { info, lists, loading, error, maxAge } = state;
  if (error) note.textContent = fmt.t('loadError', { message: error.message });
  else if (info) note.textContent = fmt.t('dataSearched', { count: lists.length, lists: fmt.listsAsOf(lists) });
  else if (loading) note.textContent = fmt.t('dataLoading');
  else note.textContent = fmt.t('dataSearchedLazy');

  const stale = info ? staleLists(lists, maxAge) : [];
  if (!stale.length) {
    warning.hidden = true;
    warning.replaceChildren();
    return;
  }
  const text = fmt.t('staleWarning', { count: stale.length, lists: fmt.listsAsOf(stale, true), days: maxAge });
  warning.replaceChildren(icon('alert'), h('span', { textContent: text }));
  warning.hidden = false;
}
