// Strings and Intl formatting (www/src/ui/format.js), in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFormatter, mergeStrings, parseDate, scoreBand, SCORE_BANDS } from '../../www/src/ui/format.js';
import { DEFAULT_STRINGS } from '../../www/src/strings.js';

const en = createFormatter(DEFAULT_STRINGS);

test('a plural string takes its "one" form for 1 and its "other" form otherwise', () => {
  assert.equal(en.t('resultCount', { count: 1, query: 'Candiru' }), '1 possible match for “Candiru”');
  assert.equal(en.t('resultCount', { count: 3, query: 'Candiru' }), '3 possible matches for “Candiru”');
  assert.equal(en.t('resultCount', { count: 0, query: 'x' }), '0 possible matches for “x”');
});

test('plural categories follow the locale: French puts 0 and 1 in "one"', () => {
  const fr = createFormatter(mergeStrings(DEFAULT_STRINGS, { locale: 'fr', filtersActive: { one: '{count} filtre', other: '{count} filtres' } }));
  assert.equal(fr.t('filtersActive', { count: 0 }), '0 filtre');
  assert.equal(fr.t('filtersActive', { count: 1 }), '1 filtre');
  assert.equal(fr.t('filtersActive', { count: 2 }), '2 filtres');
});

test('numbers in placeholders are formatted in the locale', () => {
  assert.equal(en.t('listMeta', { count: 12345, date: 'x' }), '12,345 records · as of x');
  const de = createFormatter({ ...DEFAULT_STRINGS, locale: 'de' });
  assert.equal(de.t('listMeta', { count: 12345, date: 'x' }), '12.345 records · as of x');
});

test('an unknown placeholder stays as written and an unknown key gives the key', () => {
  assert.equal(en.t('listAsOf', { list: 'EL' }), 'EL as of {date}');
  assert.equal(en.t('noSuchKey'), 'noSuchKey');
});

test('a placeholder value is inserted as text, never re-expanded', () => {
  assert.equal(en.t('listAsOf', { list: '{date}', date: 'D' }), '{date} as of D');
});

test('an unknown locale falls back without throwing', () => {
  const bad = createFormatter({ ...DEFAULT_STRINGS, locale: 'not a locale!!' });
  assert.equal(bad.t('resultCount', { count: 2, query: 'q' }), '2 possible matches for “q”');
  assert.equal(bad.score(0.5), '0.50');
  assert.equal(bad.country('IL'), 'IL');
  assert.equal(bad.join(['a', 'b']), 'a, b');
});

test('scores show two decimals, with the locale decimal sign', () => {
  assert.equal(en.score(1), '1.00');
  assert.equal(en.score(0.8765), '0.88');
  assert.equal(createFormatter({ ...DEFAULT_STRINGS, locale: 'fr' }).score(0.75), '0,75');
});

test('score bands have stable names whatever their translated words', () => {
  assert.deepEqual(SCORE_BANDS.map((b) => b.name), ['exact', 'strong', 'possible']);
  assert.equal(scoreBand(1), 'exact');
  assert.equal(scoreBand(0.995), 'exact');
  assert.equal(scoreBand(0.99), 'strong');
  assert.equal(scoreBand(0.9), 'strong');
  assert.equal(scoreBand(0.5), 'possible');
  const fr = createFormatter(mergeStrings(DEFAULT_STRINGS, { scoreBands: { exact: 'exacte' } }));
  assert.equal(fr.scoreWord(1), 'exacte');
  assert.equal(fr.scoreWord(0.95), 'strong');
  assert.equal(scoreBand(1), 'exact');
});

test('dates are month and year, with the day only in the long form', () => {
  assert.equal(en.date('2021-11-04'), 'November 2021');
  assert.equal(en.date('2021-11-04', true), 'November 4, 2021');
  assert.equal(en.date('2021-11', true), 'November 2021');
  assert.equal(en.date('not a date'), 'not a date');
  assert.deepEqual(parseDate('2021-11'), { date: new Date(Date.UTC(2021, 10, 1)), hasDay: false });
  assert.equal(parseDate(''), null);
});

test('country codes become names in the locale; an unknown code stays a code', () => {
  assert.equal(en.country('IL'), 'Israel');
  assert.equal(createFormatter({ ...DEFAULT_STRINGS, locale: 'fr' }).country('DE'), 'Allemagne');
  assert.equal(en.country(''), '');
});

test('string overrides merge one level deep', () => {
  const s = mergeStrings(DEFAULT_STRINGS, { lists: { DPL: 'Personnes refusées' } }, { label: 'x' });
  assert.equal(s.lists.DPL, 'Personnes refusées');
  assert.equal(s.lists.EL, 'Entity List');
  assert.equal(s.label, 'x');
  assert.equal(DEFAULT_STRINGS.lists.DPL, 'Denied Persons');
});

test('lists with their dates read as one phrase', () => {
  const lists = [
    { code: 'EL', as_of: '2021-11-04' },
    { code: 'SDN', as_of: '2024-01' },
  ];
  assert.equal(en.listsAsOf(lists), 'Entity List as of November 2021, SDN as of January 2024');
  assert.equal(en.listsAsOf(lists, true), 'Entity List as of November 2021 and SDN as of January 2024');
});

test('a formatter makes each Intl object on its first use, once, not when it is created', () => {
  const made = [];
  const saved = {};
  for (const name of ['PluralRules', 'NumberFormat', 'ListFormat', 'DisplayNames']) {
    saved[name] = Intl[name];
    Intl[name] = new Proxy(saved[name], {
      construct(target, args) {
        made.push(name);
        return Reflect.construct(target, args);
      },
    });
  }
  try {
    const fmt = createFormatter(DEFAULT_STRINGS);
    assert.deepEqual(made, [], 'nothing is made with the formatter');
    assert.equal(fmt.country('IL'), 'Israel');
    assert.equal(fmt.country('FR'), 'France');
    assert.deepEqual(made, ['DisplayNames']);
    assert.equal(fmt.join(['a', 'b', 'c']), 'a, b, and c');
    assert.equal(fmt.t('filtersActive', { count: 2 }), fmt.t('filtersActive', { count: 2 }));
    assert.deepEqual([...new Set(made)].sort(), ['DisplayNames', 'ListFormat', 'NumberFormat', 'PluralRules']);
    assert.equal(made.length, 4, 'each once');
  } finally {
    Object.assign(Intl, saved);
  }
});
