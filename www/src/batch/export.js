// The exports: CSV (made by the crate's src/batch/csv.rs in the Worker, so
// its columns and CSV-injection escaping are the CLI's), JSON {audit, rows},
// downloads as Blob URLs (never the network), and the printable report.
// Big results are handled in slices so no main-thread task runs long.

import { h, yieldToPage } from './dom.js';

const SLICE = 2000;

/** The CSV export, as text: the engine formats slices of rows. */
export async function csvText(engine, rows) {
  if (!rows.length) return engine.batchCsv([]);
  const parts = [];
  for (let i = 0; i < rows.length; i += SLICE) {
    const text = await engine.batchCsv(rows.slice(i, i + SLICE));
    // Each slice comes with the header; keep the first one only.
    parts.push(i === 0 ? text : text.slice(text.indexOf('\r\n') + 2));
  }
  return parts.join('');
}

/** The JSON export {audit, rows} as a Blob, stringified slice by slice. */
export async function jsonBlob(audit, rows) {
  const parts = ['{"audit":', JSON.stringify(audit), ',"rows":['];
  for (let i = 0; i < rows.length; i += SLICE) {
    const slice = rows.slice(i, i + SLICE).map((r) => JSON.stringify(r));
    parts.push((i ? ',' : '') + slice.join(','));
    await yieldToPage();
  }
  parts.push(']}\n');
  return new Blob(parts, { type: 'application/json' });
}

/** Offers a Blob as a download through a blob: URL (no network). */
export function download(blob, fileName, root) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: fileName, class: 'esb-visually-hidden' });
  root.append(a);
  a.click();
  a.remove();
  // Long enough for the browser to start the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name for the exports: the input's name (or "pasted") and the date. */
export function exportName(audit, ext) {
  const base = (audit.input.file || 'pasted-list').replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_');
  return `${base}-screened-${audit.generated_at.slice(0, 10)}.${ext}`;
}

/** Fills `section` with the printable report: the audit record, then every
 * row (status, best match, decision, note), built in slices. */
export async function buildReport(section, s, audit, rows) {
  const a = s.audit;
  const dl = h('dl', { class: 'esb-audit' });
  const item = (k, v) => dl.append(h('dt', { textContent: k }), h('dd', { textContent: v }));
  item(a.generated, audit.generated_at);
  item(a.software, `${audit.software.name} ${audit.software.version}`);
  item(a.dataset, audit.dataset.label);
  item(a.sha256, audit.dataset.sha256);
  item(a.lists, audit.lists.map((l) => s.listAsOf(l.code, l.as_of, l.count)).join('; '));
  item(a.threshold, String(audit.threshold));
  const f = audit.filters;
  const filters = [
    f.lists.length ? `lists ${f.lists.join(', ')}` : '',
    f.types.length ? `types ${f.types.join(', ')}` : '',
    f.countries.length ? `countries ${f.countries.join(', ')}` : '',
    f.country_column ? `country from column "${f.country_column}"` : '',
  ].filter(Boolean);
  item(a.filters, filters.join('; ') || s.none);
  item(a.input, s.inputLine(audit.input.file, audit.input.format, audit.input.rows, audit.input.name_column));
  item(a.counts, s.summary(audit.input.rows, audit.counts));
  const tbody = h('tbody');
  const cols = s.columns;
  const table = h(
    'table',
    { class: 'esb-report-table' },
    h('thead', {}, h('tr', {}, ...[cols.row, cols.query, cols.status, cols.match, cols.score, cols.decision, cols.note].map((t) => h('th', { scope: 'col', textContent: t })))),
    tbody,
  );
  section.replaceChildren(h('h2', { textContent: s.reportTitle }), dl, table);
  for (let i = 0; i < rows.length; i += SLICE) {
    const frag = document.createDocumentFragment();
    for (const r of rows.slice(i, i + SLICE)) {
      const m = r.matches[0];
      const d = r.decision;
      frag.append(
        h(
          'tr',
          {},
          h('td', { textContent: String(r.row) }),
          h('td', { textContent: r.query }),
          h('td', { textContent: s.statuses[r.status] || r.status }),
          h('td', { textContent: m ? `${m.name} [${m.lists.join(', ')}]` : '' }),
          h('td', { textContent: r.score == null ? '' : r.score.toFixed(3) }),
          h('td', { textContent: d && d.value ? `${s.decisions[d.value]} (${(d.date || '').slice(0, 10)})` : '' }),
          h('td', { textContent: [r.problem, d && d.note].filter(Boolean).join(' | ') }),
        ),
      );
    }
    tbody.append(frag);
    await yieldToPage();
  }
}
