// Which lists are stale (www/src/ui/data-note.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maxAgeDays, staleLists } from '../../www/src/ui/data-note.js';

const now = Date.UTC(2026, 0, 31);
const lists = [
  { code: 'EL', as_of: '2026-01-30' },
  { code: 'SDN', as_of: '2025-01-01' },
  { code: 'X', as_of: 'unknown' },
];

test('a list older than max-age-days, or with no date, is stale', () => {
  assert.deepEqual(staleLists(lists, 30, now).map((l) => l.code), ['SDN', 'X']);
  assert.deepEqual(staleLists(lists, 1000, now).map((l) => l.code), ['X']);
  assert.deepEqual(staleLists(lists, 0, now).map((l) => l.code), ['EL', 'SDN', 'X']);
});

test('a max-age-days that is not a number turns the warning off; missing means 365', () => {
  assert.equal(maxAgeDays(null), 365);
  assert.equal(maxAgeDays('30'), 30);
  assert.deepEqual(staleLists(lists, maxAgeDays('never'), now), []);
  assert.deepEqual(staleLists(lists, -1, now), []);
});
