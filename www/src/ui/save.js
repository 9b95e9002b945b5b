// "Save this result": the record of one search for a compliance file. The
// record is {statement, audit, rows}: `audit` and `rows` exactly as a batch's
// JSON export has them (batch/record.js, built by the crate), and a sentence
// that says what was found, a documented negative result when nothing was:
// "No match for “X” in 19 lists (SDN as of 2026-08-20, ...), threshold 0.75."
// No DOM here (unit-tested in Node); the element offers it as a Blob
// download (batch/export.js), never through the network.

/** The sentence for a record {audit, rows} of one query. */
export function statement(record, fmt) {
  const { audit, rows } = record;
  const row = rows[0] || { query: '', matches: [] };
  const lists = audit.lists.map((l) => fmt.t('savedListAsOf', { list: l.code, date: l.as_of })).join(', ');
  const vars = { query: row.query, count: audit.lists.length, lists, threshold: fmt.score(audit.threshold) };
  if (!row.matches.length) return fmt.t('savedNoMatch', vars);
  return fmt.t('savedMatches', { ...vars, matches: fmt.t('savedMatchCount', { count: row.matches.length }) });
}

/** The saved record: the statement first (for a reader of the file), then
 * the audit record and the row. */
export function savedRecord(record, fmt) {
  return { statement: statement(record, fmt), audit: record.audit, rows: record.rows };
}

/** "entity-screen-gazprombank-2026-12-01.json": the query (letters
 * without their accents, digits, dots and dashes; at most 40 characters)
 * and the record's date. */
export function savedFileName(record) {
  const q = (record.rows[0] ? record.rows[0].query : '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}.-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .toLowerCase();
  return `entity-screen-${q || 'query'}-${record.audit.generated_at.slice(0, 10)}.json`;
}
