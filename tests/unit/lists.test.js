// The widget's list logic without a browser: grouping by department, list
// meanings, badge order, provenance in words (www/src/ui/filters.js,
// results.js, detail.js), in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { departmentGroups, listMeaning } from '../../www/src/ui/filters.js';
import { listCodes, alsoOnText } from '../../www/src/ui/results.js';
import { provenanceLines } from '../../www/src/ui/detail.js';
import { createFormatter } from '../../www/src/ui/format.js';
import { DEFAULT_STRINGS } from '../../www/src/strings.js';

const en = createFormatter(DEFAULT_STRINGS);

test('lists are grouped by department in the order each department first appears, lists kept in their order', () => {
  const lists = [
    { code: 'EL', department: 'Commerce' },
    { code: 'SDN', department: 'Treasury' },
    { code: 'DPL', department: 'Commerce' },
    { code: 'UFLPA', department: 'Homeland Security' },
    { code: 'X', agency: 'Some Agency' },
  ];
  assert.deepEqual(
    departmentGroups(lists).map((g) => [g.department, g.lists.map((l) => l.code)]),
    [
      ['Commerce', ['EL', 'DPL']],
      ['Treasury', ['SDN']],
      ['Homeland Security', ['UFLPA']],
      ['Some Agency', ['X']],
    ],
  );
});

test("a list's meaning loses its leading code and starts with a capital", () => {
  assert.equal(
    listMeaning({ code: 'UFLPA', meaning: 'UFLPA: goods from this entity are presumed made with forced labour' }),
    'Goods from this entity are presumed made with forced labour',
  );
  assert.equal(listMeaning({ code: 'EL', meaning: 'no code here' }), 'No code here');
  assert.equal(listMeaning({ code: 'EL' }), '');
});

test("a match's badges are its lists in the core's order, once each; an older match without lists gives its source", () => {
  assert.deepEqual(listCodes({ source: 'SDN', lists: [{ code: 'SDN' }, { code: 'SSI' }, { code: 'MBS' }, { code: 'SSI' }] }), ['SDN', 'SSI', 'MBS']);
  assert.deepEqual(listCodes({ source: 'EL', lists: ['EL', '1260H'] }), ['EL', '1260H']);
  assert.deepEqual(listCodes({ source: 'EL' }), ['EL']);
  assert.deepEqual(listCodes({ source: 'EL', lists: [] }), ['EL']);
});

test('an "also on" listing is one line with the list, its agency and the reason', () => {
  const m = { also_on: [{ code: 'UFLPA', agency: 'Homeland Security / FLETF', reason: 'same name; not merged' }] };
  assert.deepEqual(alsoOnText(m, en), ['Also on the UFLPA Entity List (Homeland Security / FLETF): same name; not merged']);
  assert.deepEqual(alsoOnText({}, en), []);
});

test('provenance is said per field with its date and file, then the rest at the list date', () => {
  const record = {
    provenance: [
      { field: 'name', file: 'ofac_sdn_names_2026-08-20.csv', as_of: '2026-08-20' },
      { field: 'addresses', file: 'sdn_add_2025-12.csv', as_of: '2025-12' },
      { field: 'license_requirement', file: 'csl.json', as_of: '2026-07-27' },
      { field: 'odd_field', as_of: '2026-07' },
    ],
  };
  assert.deepEqual(provenanceLines(record, '2026-08-20', en), [
    'name as of August 20, 2026 (ofac_sdn_names_2026-08-20.csv)',
    'addresses as of December 2025 (sdn_add_2025-12.csv)',
    'license requirement as of July 27, 2026 (csl.json)',
    'odd field as of July 2026',
    'the other fields as of August 20, 2026, the list’s date',
  ]);
});

test('a record without provenance has every field at the list date; without a list date, nothing is claimed', () => {
  assert.deepEqual(provenanceLines({ provenance: [] }, '2025-12', en), ['every field as of December 2025, the list’s date']);
  assert.deepEqual(provenanceLines({}, '', en), []);
});
