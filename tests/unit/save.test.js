// "Save this result" without a browser: the record of one query is the
// batch's audit record and row (www/src/batch/record.js, through a fake
// engine standing in for the Worker), with a sentence saying what was found
// (www/src/ui/save.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditFor, queryRecord } from '../../www/src/batch/record.js';
import { statement, savedRecord, savedFileName } from '../../www/src/ui/save.js';
import { SearchController } from '../../www/src/ui/controller.js';
import { createFormatter } from '../../www/src/ui/format.js';
import { DEFAULT_STRINGS } from '../../www/src/strings.js';

const en = createFormatter(DEFAULT_STRINGS);
const LISTS = [
  { code: 'EL', name: 'Entity List', agency: 'Commerce / BIS', as_of: '2026-07', count: 3556 },
  { code: 'SDN', name: 'Specially Designated Nationals', agency: 'Treasury / OFAC', as_of: '2026-08-20', count: 19249 },
];

/** Answers like the Worker: screenRows gives one row per input row (a
 * match for "Candiru"), batchAudit an audit record from the request. */
function fakeEngine() {
  const calls = [];
  return {
    calls,
    async start() {
      return { screener: 0, info: { lists: LISTS }, defaultThreshold: 0.75, hasDetails: true };
    },
    async search() {
      return [{ id: '1', name: 'Candiru' }];
    },
    async request(op, fields) {
      calls.push([op, fields]);
      return fields.rows.map((r) => ({
        row: r.row,
        query: r.query,
        status: r.query === 'Candiru' ? 'exact' : 'no match',
        score: r.query === 'Candiru' ? 1 : null,
        matches: r.query === 'Candiru' ? [{ id: '1', name: 'Candiru', lists: ['EL'] }] : [],
      }));
    },
    async batchAudit(screener, request) {
      calls.push(['batchAudit', request]);
      const counts = { 'no match': 0, possible: 0, strong: 0, exact: 0, error: 0 };
      for (const s of request.statuses) counts[s]++;
      return {
        generated_at: request.generatedAt,
        lists: LISTS,
        threshold: request.options.threshold ?? 0.75,
        input: { file: request.fileName || '', format: request.format, rows: request.statuses.length },
        counts,
      };
    },
  };
}

test('the audit request carries every row status in order and the clock, and passes the input through', async () => {
  const engine = fakeEngine();
  const now = new Date('2026-12-01T17:00:00Z');
  await auditFor(engine, 0, [{ status: 'exact' }, { status: 'no match' }], { threshold: 0.8 }, { fileName: 'a.csv', format: 'csv', nameColumn: 'name' }, now);
  assert.deepEqual(engine.calls[0], [
    'batchAudit',
    {
      options: { threshold: 0.8 },
      fileName: 'a.csv',
      format: 'csv',
      nameColumn: 'name',
      countryColumn: undefined,
      statuses: ['exact', 'no match'],
      generatedAt: '2026-12-01T17:00:00.000Z',
    },
  ]);
});

test('a query is screened as a one-row batch, trimmed, and audited as pasted text with the same options', async () => {
  const engine = fakeEngine();
  const record = await queryRecord(engine, 3, '  Candiru ', { threshold: 0.75, prefix: true }, new Date('2026-12-01T17:00:00Z'));
  assert.deepEqual(engine.calls[0], ['screenRows', { screener: 3, rows: [{ row: 1, query: 'Candiru' }], options: { threshold: 0.75, prefix: true } }]);
  assert.equal(engine.calls[1][1].format, 'text');
  assert.deepEqual(engine.calls[1][1].options, { threshold: 0.75, prefix: true });
  assert.equal(record.rows.length, 1);
  assert.equal(record.audit.counts.exact, 1);
});

test('the statement documents a negative result with every list searched, its date and the threshold', () => {
  const record = { audit: { lists: LISTS, threshold: 0.75 }, rows: [{ query: 'Acme', matches: [] }] };
  assert.equal(statement(record, en), 'No match for “Acme” in 2 lists (EL as of 2026-07, SDN as of 2026-08-20), threshold 0.75.');
  const one = { audit: { lists: LISTS.slice(1), threshold: 0.9 }, rows: [{ query: 'Acme', matches: [] }] };
  assert.equal(statement(one, en), 'No match for “Acme” in 1 list (SDN as of 2026-08-20), threshold 0.90.');
});

test('the statement counts the matches, and the saved record puts it before the audit and the rows', () => {
  const record = { audit: { lists: LISTS, threshold: 0.75, generated_at: '2026-12-01T17:00:00Z' }, rows: [{ query: 'Candiru', matches: [{}, {}] }] };
  assert.equal(statement(record, en), '2 matches for “Candiru” in 2 lists (EL as of 2026-07, SDN as of 2026-08-20), threshold 0.75.');
  const saved = savedRecord(record, en);
  assert.deepEqual(Object.keys(saved), ['statement', 'audit', 'rows']);
});

test('the file name has the query in safe characters and the record date', () => {
  const at = { generated_at: '2026-12-01T17:00:00Z' };
  assert.equal(savedFileName({ audit: at, rows: [{ query: 'Gazprombank JSC' }] }), 'entity-screen-gazprombank-jsc-2026-12-01.json');
  assert.equal(savedFileName({ audit: at, rows: [{ query: '../<script>' }] }), 'entity-screen-..-script-2026-12-01.json');
  assert.equal(savedFileName({ audit: at, rows: [{ query: '///' }] }), 'entity-screen-query-2026-12-01.json');
  assert.equal(savedFileName({ audit: at, rows: [{ query: 'Société Générale' }] }), 'entity-screen-societe-generale-2026-12-01.json');
});

test("the controller's record uses the shown search's options with prefix matching, and is null before a search or when no list was searched", async () => {
  const engine = fakeEngine();
  const c = new SearchController(() => engine);
  assert.equal(await c.record(), null);
  await c.search('Candiru', { threshold: 0.8, lists: ['EL'] });
  const record = await c.record(new Date('2026-12-01T17:00:00Z'));
  assert.deepEqual(engine.calls[0][1].options, { threshold: 0.8, lists: ['EL'], prefix: true });
  assert.equal(record.rows[0].query, 'Candiru');
  await c.search('Candiru', { lists: [] });
  assert.equal(await c.record(), null);
  c.clear();
  assert.equal(await c.record(), null);
});
