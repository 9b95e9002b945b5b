// Safe links, highlight ranges, citations, list codes and address lines (www/src/ui/text.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressLine, federalRegisterSegments, highlightSegments, parseListCodes, safeHref } from '../../www/src/ui/text.js';

const joined = (segs) => segs.map((s) => s.text).join('');
const marks = (segs) => segs.filter((s) => s.mark).map((s) => s.text);

test('only http and https URLs become links', () => {
  assert.equal(safeHref('https://www.trade.gov/x'), 'https://www.trade.gov/x');
  assert.equal(safeHref(' http://example.org '), 'http://example.org/');
  for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>', 'vbscript:x', 'file:///etc/passwd', '/relative', '', 'not a url', null, undefined]) {
    assert.equal(safeHref(bad), null, String(bad));
  }
});

test('highlight ranges mark exactly those parts and keep the whole text', () => {
  const segs = highlightSegments('Saito Tech Ltd', [[0, 5], [6, 10]]);
  assert.equal(joined(segs), 'Saito Tech Ltd');
  assert.deepEqual(marks(segs), ['Saito', 'Tech']);
});

test('highlight ranges out of order, overlapping or out of bounds are clamped and merged', () => {
  const segs = highlightSegments('Candiru', [[3, 99], [0, 2], [1, 4], [-5, 0], [5, 2]]);
  assert.equal(joined(segs), 'Candiru');
  assert.deepEqual(marks(segs), ['Candiru']);
});

test('highlights are UTF-16 offsets, so text after an emoji is cut where JS cuts it', () => {
  const text = 'Ωmega 😀 Trading';
  const segs = highlightSegments(text, [[0, 5], [9, 16]]);
  assert.deepEqual(marks(segs), ['Ωmega', 'Trading']);
  assert.equal(joined(segs), text);
});

test('missing or malformed highlight ranges give the plain text', () => {
  for (const bad of [undefined, null, 'x', [[1]], [['a', 'b']]]) {
    const segs = highlightSegments('Candiru', bad);
    assert.equal(joined(segs), 'Candiru');
    assert.deepEqual(marks(segs), []);
  }
  assert.deepEqual(highlightSegments('', [[0, 3]]), []);
});

test('Federal Register citations are found and linked to federalregister.gov', () => {
  const segs = federalRegisterSegments('86 FR 60760, 11/04/21; 87FR123');
  assert.equal(joined(segs), '86 FR 60760, 11/04/21; 87FR123');
  const cites = segs.filter((s) => s.href);
  assert.deepEqual(
    cites.map((s) => [s.citation, s.href]),
    [
      ['86 FR 60760', 'https://www.federalregister.gov/citation/86-FR-60760'],
      ['87 FR 123', 'https://www.federalregister.gov/citation/87-FR-123'],
    ],
  );
  assert.deepEqual(federalRegisterSegments('no citation'), [{ text: 'no citation' }]);
});

test('a lists attribute gives upper-cased codes, or null for all lists', () => {
  assert.deepEqual([...parseListCodes('el, SDN  dpl')], ['EL', 'SDN', 'DPL']);
  assert.equal(parseListCodes(''), null);
  assert.equal(parseListCodes(null), null);
  assert.equal(parseListCodes('  '), null);
});

test('an address line gets its country once: not again when it already ends with it', () => {
  assert.equal(addressLine('No. 131, Jinshan Road, Suzhou City, Jiangsu Province, China', 'China'), 'No. 131, Jinshan Road, Suzhou City, Jiangsu Province, China');
  assert.equal(
    addressLine('Room 1201, Urumqi, Xinjiang, China. (See alternate addresses under Netherlands, Pakistan)', 'China'),
    'Room 1201, Urumqi, Xinjiang, China. (See alternate addresses under Netherlands, Pakistan)',
  );
  assert.equal(addressLine('Groenhof 344, Amstelveen', 'Netherlands'), 'Groenhof 344, Amstelveen, Netherlands');
  // A word that merely ends in the name is not the name.
  assert.equal(addressLine('12 Rue de Franceville', 'France'), '12 Rue de Franceville, France');
  assert.equal(addressLine('1 Main St, Indochina', 'China'), '1 Main St, Indochina, China');
  assert.equal(addressLine('', 'Iran'), 'Iran');
  assert.equal(addressLine('Tehran', ''), 'Tehran');
});
