// The compliance record of a screen, {audit, rows}: what the batch's JSON
// export holds and what the single-name widget's "save this result" saves.
// Both come from here, and the audit record itself is built by the crate
// (src/batch/audit.rs, through batchAudit in src/wasm.rs), so the CLI, the
// batch element and the widget write the same fields from one definition.
// No DOM here (unit-tested in Node with a fake engine).

/**
 * The audit record of rows screened with `options`: `input` is
 * {fileName, format, nameColumn, countryColumn} (all optional; pasted text
 * is format "text"), `now` the clock (the wasm has none).
 */
export function auditFor(engine, screener, rows, options, input = {}, now = new Date()) {
  return engine.batchAudit(screener, {
    options,
    fileName: input.fileName,
    format: input.format,
    nameColumn: input.nameColumn,
    countryColumn: input.countryColumn,
    statuses: rows.map((r) => r.status),
    generatedAt: now.toISOString(),
  });
}

/**
 * The record {audit, rows} of one query, screened as a one-row batch with
 * the crate's batch code (statuses, matches with reasons, listing
 * fingerprint) and `options` (those of the search shown: threshold, lists,
 * limit, prefix). Resolves to {audit, rows: [row]}.
 */
export async function queryRecord(engine, screener, query, options, now = new Date()) {
  const rows = await engine.request('screenRows', { screener, rows: [{ row: 1, query: String(query).trim() }], options });
  const audit = await auditFor(engine, screener, rows, options, { format: 'text' }, now);
  return { audit, rows };
}
