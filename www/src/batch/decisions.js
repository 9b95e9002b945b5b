// Reviewers' decisions on rows, and bringing them back from an earlier JSON
// export. A decision is {value, note, date, listing} (src/batch/mod.rs,
// `Decision`): `listing` is the row's listing fingerprint when it was made,
// so a decision restored onto a row whose listing has changed since no
// longer covers it, and the row is flagged for review again. Decisions live
// only in the page and in the files the user saves.

/** The decision values, in the order the UI offers them ('' = none). */
export const DECISIONS = ['', 'cleared', 'confirmed', 'needs review'];

/** Rows from one screen to the next are the same name (and country). */
export function rowKey(row) {
  return `${row.query}\u0000${row.country || ''}`;
}

/** Records a decision (or, with value and note both empty, removes it). */
export function decide(row, value, note, now = new Date()) {
  if (!DECISIONS.includes(value)) throw new Error(`unknown decision ${value}`);
  if (!value && !note) {
    row.decision = null;
    return;
  }
  row.decision = { value, note: note || '', date: now.toISOString(), listing: row.listing };
}

/** The decided rows of a parsed JSON export: [{key, decision}]. */
export function decisionsOf(exported) {
  if (!exported || !Array.isArray(exported.rows)) throw new Error('not an entity-screen JSON export (no "rows")');
  const out = [];
  for (const r of exported.rows) {
    const d = r && r.decision;
    if (!d || typeof d !== 'object' || !DECISIONS.includes(d.value) || !d.value) continue;
    out.push({
      key: rowKey({ query: String(r.query ?? ''), country: String(r.country ?? '') }),
      decision: {
        value: d.value,
        note: String(d.note ?? ''),
        date: String(d.date ?? ''),
        listing: String(d.listing ?? ''),
      },
    });
  }
  return out;
}

/**
 * Applies earlier decisions to freshly screened rows (the latest decision
 * per name wins). Same listing: restored as it was ("cleared on ...").
 * Another listing: the row is set to "needs review", keeping the earlier
 * decision in `previous` for the reviewer to see.
 * @returns {{restored: number, changed: number}}
 */
export function restore(rows, earlier, now = new Date()) {
  const byKey = new Map();
  for (const e of earlier) byKey.set(e.key, e.decision);
  let restored = 0;
  let changed = 0;
  for (const row of rows) {
    const d = byKey.get(rowKey(row));
    if (!d) continue;
    restored++;
    if (d.listing === row.listing) {
      row.decision = { ...d, restored: true };
    } else {
      changed++;
      row.decision = {
        value: 'needs review',
        note: d.note,
        date: now.toISOString(),
        listing: row.listing,
        previous: { value: d.value, date: d.date, listing: d.listing },
      };
    }
  }
  return { restored, changed };
}
