// The in-page half of the engine benchmark (bundled by scripts/bench-browser
// into target/bench/engines-page.js). Exposes window.__bench:
//   load()               fetches the exported names and cases once
//   run(engine, options) builds one engine, runs every case, returns figures
// Every engine gets the same names (every name and alias of the dataset) and
// the same queries, one engine at a time, in this one page.
import { peers } from './engines.js';

const state = { cases: null, names: null };

/** One query's time: a single call when it takes 2 ms or more (the timer's
 * ~0.1 ms grain is then small), else the mean of enough back-to-back calls
 * to fill about 2 ms. Returns the first call's result. */
async function timed(fn) {
  const t0 = performance.now();
  let r = fn();
  if (r && typeof r.then === 'function') r = await r;
  const once = performance.now() - t0;
  if (once >= 2) return [r, once, 1];
  const reps = Math.min(2000, Math.max(3, Math.ceil(2 / Math.max(once, 0.002))));
  const t1 = performance.now();
  for (let i = 0; i < reps; i++) {
    const x = fn();
    if (x && typeof x.then === 'function') await x;
  }
  return [r, (performance.now() - t1) / reps, reps];
}

/** `n` of the cases, evenly spread (the export groups them by kind, so a
 * prefix of the list would be one kind only). */
function spread(all, n) {
  if (n >= all.length) return all;
  return Array.from({ length: n }, (_, i) => all[Math.floor((i * all.length) / n)]);
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))];
const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/** The product: the core module of later builds when the bench script saw
 * dist/entity-screen-core.js, else the current build's wasm-bindgen glue
 * with dist/entity-screen.wasm (which embeds the default dataset). */
async function loadProduct(mode) {
  if (mode === 'core') {
    const t0 = performance.now();
    // A URL in a variable: the page loads it from dist/, the bundler leaves it alone.
    const url = '/entity-screen-core.js';
    const mod = await import(url);
    const screener = await mod.createScreener();
    const loadMs = performance.now() - t0;
    return {
      index: screener,
      loadMs,
      parts: { createScreenerMs: round(loadMs, 1) },
      how: 'import dist/entity-screen-core.js + await createScreener() (fetches its default dataset from 127.0.0.1: included)',
    };
  }
  if (window.__noGlue || typeof wasm_bindgen === 'undefined') throw new Error('no wasm-bindgen glue at /bench-web/entity_screen.js: run scripts/build-web');
  const bytes = await (await fetch('/entity-screen.wasm')).arrayBuffer();
  const t0 = performance.now();
  await wasm_bindgen({ module_or_path: bytes });
  const t1 = performance.now();
  const index = new wasm_bindgen.Screener();
  const t2 = performance.now();
  return {
    index,
    loadMs: t2 - t0,
    parts: { compileInstantiateMs: round(t1 - t0, 1), constructMs: round(t2 - t1, 1), wasmBytes: bytes.byteLength },
    how: 'wasm_bindgen(bytes of dist/entity-screen.wasm) + new Screener() (bytes fetched before timing)',
  };
}

/** A product result's party keys: every listing of its cluster (`lists`,
 * each with its own code and id: one party, one result), else `source` and
 * `id`. */
function productKeys(m) {
  const keys = Array.isArray(m.lists) ? m.lists.filter((l) => l && l.code && l.id).map((l) => `${l.code}\t${l.id}`) : [];
  const list = m.source ?? m.list;
  if (list) keys.push(`${list}\t${m.id}`);
  return keys;
}

window.__bench = {
  async load() {
    const cases = await (await fetch('/bench-data/cases.json')).json();
    state.cases = cases;
    state.names = cases.names.map(([, t]) => t);
    state.partyOfName = cases.names.map(([p]) => p);
    state.partyOfKey = new Map(cases.parties.map(([l, id], i) => [`${l}\t${id}`, i]));
    return { label: cases.label, parties: cases.parties.length, names: state.names.length, queries: cases.queries.length };
  },

  async run(engine, { productMode = 'glue', maxQueries = Infinity, slowQueries = 100 } = {}) {
    const { cases, names, partyOfName, partyOfKey } = state;
    let index, loadMs, parts, how, search, peer;
    if (engine === 'entity-screen') {
      ({ index, loadMs, parts, how } = await loadProduct(productMode));
      search = (q, prefix) => index.search(q, { limit: 10, prefix });
      how += '; search(q, {limit: 10, prefix}) at its default threshold';
    } else {
      peer = peers.find((p) => p.name === engine);
      if (!peer) throw new Error(`unknown engine ${engine}`);
      const t0 = performance.now();
      index = await peer.build(names);
      loadMs = performance.now() - t0;
      parts = {};
      how = `${peer.config}; index built from the names already in memory`;
      if (peer.slow) maxQueries = Math.min(maxQueries, slowQueries);
      search = (q, prefix) => peer.search(index, q, prefix);
    }
    const toParties = (result) => {
      const out = [];
      for (const r of result) {
        let ps;
        if (engine === 'entity-screen') ps = productKeys(r).map((k) => partyOfKey.get(k)).filter((p) => p !== undefined);
        else ps = [partyOfName[r]];
        for (const p of ps) if (!out.includes(p)) out.push(p);
        if (out.length >= 10) break;
      }
      return out;
    };
    const queries = spread(cases.queries, maxQueries);
    // Warm-up: a tenth of the queries (at most 20, spread over the kinds)
    // once, untimed, so the JIT has seen the code.
    for (const c of spread(queries, Math.min(20, Math.ceil(queries.length / 10)))) await search(c.q, c.prefix);
    const times = [];
    let hit1 = 0;
    let hit10 = 0;
    let calls = 0;
    const byKind = {};
    for (const c of queries) {
      const [result, ms, reps] = await timed(() => search(c.q, c.prefix));
      calls += reps + (reps > 1 ? 1 : 0);
      times.push(ms);
      const ranked = toParties(result);
      const pos = ranked.indexOf(c.target);
      const k = (byKind[c.kind] ??= { n: 0, r1: 0, r10: 0, ms: [] });
      k.n++;
      k.ms.push(ms);
      if (pos === 0) (hit1++, k.r1++);
      if (pos >= 0 && pos < 10) (hit10++, k.r10++);
    }
    // False hits: innocent names with any result (untimed). The product
    // answers only at or above its threshold; the peers have none, so for
    // them this is how often they answer at all.
    const innocent = peer?.slow ? spread(cases.innocent ?? [], Math.min(slowQueries, (cases.innocent ?? []).length)) : cases.innocent ?? [];
    let flagged = 0;
    for (const q of innocent) if ((await search(q, false)).length > 0) flagged++;
    const sorted = [...times].sort((a, b) => a - b);
    const n = queries.length;
    return {
      engine,
      how,
      loadMs: round(loadMs, 1),
      loadParts: parts,
      queries: n,
      calls,
      queryMs: {
        mean: round(times.reduce((a, b) => a + b, 0) / n, 4),
        p50: round(quantile(sorted, 0.5), 4),
        p90: round(quantile(sorted, 0.9), 4),
        p99: round(quantile(sorted, 0.99), 4),
        max: round(sorted[n - 1], 4),
      },
      recallAt1: round(hit1 / n),
      recallAt10: round(hit10 / n),
      innocent: innocent.length,
      innocentWithAnyResult: innocent.length ? round(flagged / innocent.length) : null,
      recallAt10ByKind: Object.fromEntries(Object.entries(byKind).map(([kind, v]) => [kind, round(v.r10 / v.n)])),
      p50MsByKind: Object.fromEntries(
        Object.entries(byKind).map(([kind, v]) => [kind, round(quantile([...v.ms].sort((a, b) => a - b), 0.5), 4)]),
      ),
    };
  },
};
window.__benchReady = true;
