// Strings and Intl formatting: merges string overrides, picks plural forms,
// fills `{name}` placeholders and formats numbers, scores, dates, country
// names and lists in the strings' locale. No DOM here (unit-tested in Node).

import { DEFAULT_STRINGS } from '../strings.js';

/**
 * The score bands, best first: a score is in the first band whose minimum
 * it reaches. `name` is the stable key (the CSS `data-band` value and the
 * key of `strings.scoreBands`); the words shown come from the strings.
 */
export const SCORE_BANDS = Object.freeze([
  Object.freeze({ name: 'exact', min: 0.995 }),
  Object.freeze({ name: 'strong', min: 0.9 }),
  Object.freeze({ name: 'possible', min: 0 }),
]);

/** The band name ("exact", "strong" or "possible") of a score. */
export function scoreBand(score) {
  const band = SCORE_BANDS.find((b) => score >= b.min) || SCORE_BANDS[SCORE_BANDS.length - 1];
  return band.name;
}

/** Merges string overrides over each other, one level deep for objects
 * (so `{lists: {DPL: '...'}}` changes one list name, not all of them). */
export function mergeStrings(...layers) {
  const out = {};
  for (const layer of layers) {
    for (const [k, v] of Object.entries(layer || {})) {
      const isPlainObject = v && typeof v === 'object' && !Array.isArray(v);
      out[k] = isPlainObject && out[k] && typeof out[k] === 'object' && !Array.isArray(out[k]) ? { ...out[k], ...v } : v;
    }
  }
  return out;
}

/** Parses a dataset date ("YYYY-MM-DD" or "YYYY-MM") as UTC, or null. */
export function parseDate(text) {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(String(text || '').trim());
  if (!m) return null;
  return { date: new Date(Date.UTC(+m[1], +m[2] - 1, m[3] ? +m[3] : 1)), hasDay: !!m[3] };
}

/** Calls an Intl constructor, or returns null when the locale or the
 * options are refused (then the caller falls back to plain text). */
function intl(make) {
  try {
    return make();
  } catch (e) {
    return null;
  }
}

/** `intl(make)` on first call, its result kept. */
function lazyIntl(make) {
  let made = false;
  let value = null;
  return () => {
    if (!made) {
      made = true;
      value = intl(make);
    }
    return value;
  };
}

/**
 * A formatter over merged strings (see strings.js). Its methods never throw
 * on an unknown locale: they fall back to plain English forms.
 *
 * Each Intl object is made on its first use (or by `warmUps`), not here:
 * the element makes its formatter while the page's module runs, and the
 * five of them took 40 ms of that task in Chromium (the locale's data
 * loading), where a task of 50 ms counts as a long one.
 */
export function createFormatter(strings = DEFAULT_STRINGS) {
  const s = strings;
  const locale = s.locale || 'en';
  const plural = lazyIntl(() => new Intl.PluralRules(locale));
  const number = lazyIntl(() => new Intl.NumberFormat(locale));
  const score2 = lazyIntl(() => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  const listFormat = lazyIntl(() => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }));
  const regions = lazyIntl(() => new Intl.DisplayNames([locale], { type: 'region' }));
  const dates = new Map();
  const english = /^en(-|$)/i.test(locale);
  const dateFormat = (withDay) => {
    if (!dates.has(withDay)) {
      const opts = { timeZone: 'UTC', year: 'numeric', month: 'long' };
      if (withDay) opts.day = 'numeric';
      dates.set(withDay, intl(() => new Intl.DateTimeFormat(locale, opts)));
    }
    return dates.get(withDay);
  };

  const fmt = {
    strings: s,
    locale,

    /** The string `key`, its plural form chosen by `vars.count`, with
     * `{name}` placeholders filled (numbers formatted in the locale). An
     * unknown key gives the key itself; an unknown placeholder stays. */
    t(key, vars = {}) {
      let v = s[key];
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const n = typeof vars.count === 'number' ? vars.count : 0;
        const rules = plural();
        const cat = rules ? rules.select(n) : n === 1 ? 'one' : 'other';
        v = v[cat] ?? v.other ?? '';
      }
      const show = (x) => (typeof x === 'number' ? fmt.number(x) : String(x));
      return String(v ?? key).replace(/\{(\w+)\}/g, (m, k) => (Object.hasOwn(vars, k) ? show(vars[k]) : m));
    },

    number(n) {
      const f = number();
      return f ? f.format(n) : String(n);
    },

    /** A score with two decimals ("0.98", "0,98" in French). In English
     * that is what toFixed writes for a score (0 to 1): the element shows
     * its threshold as it is built, and Intl's first object on a page costs
     * its locale data (about 30 ms in Chromium) in that task. */
    score(n) {
      if (english && Math.abs(n) < 1000) return Number(n).toFixed(2);
      const f = score2();
      return f ? f.format(n) : Number(n).toFixed(2);
    },

    /** The words for a score's band (strings.scoreBands[name]). */
    scoreWord(n) {
      const name = scoreBand(n);
      return (s.scoreBands && s.scoreBands[name]) || name;
    },

    /** A dataset date as "November 2021" ("4 November 2021" with `long` and
     * a day); text that is not a date is returned as it is. */
    date(text, long = false) {
      const parsed = parseDate(text);
      if (!parsed) return String(text || '');
      const f = dateFormat(parsed.hasDay && long);
      return f ? f.format(parsed.date) : String(text);
    },

    /** A country's name from its ISO code, in the locale. */
    country(code) {
      if (!code) return '';
      const names = regions();
      return (names && intl(() => names.of(code))) || code;
    },

    /** The badge name of a list code (strings.lists), else the code. */
    listName(code) {
      return (s.lists && s.lists[code]) || code;
    },

    /** "A, B and C" in the locale. */
    join(items) {
      const f = listFormat();
      return f ? f.format(items) : items.join(', ');
    },

    /** The making of each Intl object this formatter uses, as functions to
     * run one per idle moment (see warmUp in entity-screen.js), so that
     * their locale data loads while the page waits for the lists, in short
     * tasks of their own, not in the task that first needs them. Each
     * object is still made once. */
    warmUps() {
      return [number, dateFormat.bind(null, false), plural, listFormat, regions, dateFormat.bind(null, true)];
    },

    /** "Entity List as of November 2021, SDN as of ..." for lists from info(). */
    listsAsOf(lists, conjunction = false) {
      const parts = lists.map((l) => fmt.t('listAsOf', { list: fmt.listName(l.code), date: fmt.date(l.as_of) }));
      return conjunction ? fmt.join(parts) : parts.join(', ');
    },
  };
  return fmt;
}
