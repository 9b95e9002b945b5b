// Browser benchmark of entity-screen against peer engines, and the cold
// start of the demo page against a MiniSearch page. Run by
// scripts/bench-browser (see there and the README for the command);
// figures only, nothing is asserted.
//
//   node bench/browser/run.mjs [--queries N] [--slow-queries N] [--engines a,b] [--runs N]
//        [--no-engines] [--no-cold] [--no-export] [--out FILE]
//
// Writes JSON (default target/bench/browser.json) and prints a table. The
// JSON: {command, date, commit, machine, product, args, notes,
//   engines: {dataset, engines: [{engine, version, how, loadMs, loadParts,
//     queries, calls, queryMs: {mean, p50, p90, p99, max}, recallAt1,
//     recallAt10, innocent, innocentWithAnyResult, recallAt10ByKind,
//     p50MsByKind}]},
//   coldStart: [{page, url, best, firstResultMsAll, loads: [{firstResultMs,
//     bytesBeforeFirstResult, bytesFirstResultNeeds, bodyBytesBeforeFirstResult,
//     requestsBeforeFirstResult, inFlightAtFirstResult, bytesTotal,
//     longTasksBeforeFirstResult, longestTaskBeforeFirstResultMs, ...}]}],
//   targets: [{what, target, measured, met}]}

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { chromium } from '@playwright/test';
import { serve } from '../../scripts/serve.mjs';
import { peers } from './engines.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const benchDir = join(root, 'target/bench');

function parseArgs(argv) {
  const a = { queries: 1000, slowQueries: 100, engines: null, runs: 3, engineRuns: true, cold: true, exportCases: true, out: join(benchDir, 'browser.json') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[++i];
    };
    const count = () => {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag}: expected a whole number of at least 1, got ${JSON.stringify(v)}`);
      return n;
    };
    switch (flag) {
      case '--queries': a.queries = count(); break;
      case '--runs': a.runs = count(); break;
      case '--slow-queries': a.slowQueries = count(); break;
      case '--engines': a.engines = value().split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--no-engines': a.engineRuns = false; break;
      case '--no-cold': a.cold = false; break;
      case '--no-export': a.exportCases = false; break;
      case '--out': a.out = resolve(value()); break;
      case '-h':
      case '--help':
        console.log('usage: scripts/bench-browser [--queries N] [--slow-queries N] [--engines entity-screen,Fuse.js,...] [--runs N] [--no-engines] [--no-cold] [--no-export] [--out FILE]');
        process.exit(0);
      default:
        throw new Error(`unknown argument ${flag} (try --help)`);
    }
  }
  return a;
}

const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
const version = (pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const log = (...m) => console.error('bench-browser:', ...m);

function exportCases(queries) {
  log(`exporting names and ${queries} perturbed queries (cargo run --release --example bench_cases)`);
  execFileSync('cargo', ['run', '--release', '--quiet', '--example', 'bench_cases', '--', '--perturbed', String(queries), '--out', benchDir], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function bundle() {
  for (const [entry, out] of [
    ['bench/browser/engines-page.js', 'engines-page.js'],
    ['bench/browser/minisearch-cold.js', 'minisearch-cold.js'],
  ]) {
    await esbuild.build({
      entryPoints: [join(root, entry)],
      outfile: join(benchDir, out),
      bundle: true,
      minify: true,
      format: 'esm',
      target: ['chrome111'],
      logLevel: 'warning',
    });
  }
}

async function runEngines(browser, base, args, productMode) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/bench/engines.html`);
  await page.waitForFunction(() => window.__benchReady === true);
  const info = await page.evaluate(() => window.__bench.load());
  log(`${info.names} names of ${info.parties} parties, ${info.queries} queries`);
  const names = args.engines ?? ['entity-screen', ...peers.map((p) => p.name)];
  const results = [];
  for (const engine of names) {
    log(`engine ${engine}...`);
    const t0 = performance.now();
    try {
      const r = await page.evaluate(([e, o]) => window.__bench.run(e, o), [engine, { productMode, maxQueries: args.queries, slowQueries: args.slowQueries }]);
      const peer = peers.find((p) => p.name === engine);
      r.version = peer ? version(peer.pkg) : 'this build (dist/)';
      results.push(r);
      log(`  ${engine}: load ${r.loadMs} ms, p50 ${r.queryMs.p50} ms, r@10 ${r.recallAt10} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    } catch (e) {
      results.push({ engine, error: e.message.split('\n')[0] });
      log(`  ${engine}: failed: ${e.message.split('\n')[0]}`);
    }
  }
  await context.close();
  return { dataset: info, engines: results, pageErrors: errors };
}

/** One cold load in a fresh context: navigation to the first result for
 * "Candiru", typed at once; bytes on the wire before it; long tasks. */
async function coldLoad(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const started = new Map();
  const finished = [];
  let firstAt = null;
  const pending = [];
  context.on('request', (r) => {
    if (/^https?:/.test(r.url())) started.set(r, performance.now());
  });
  context.on('requestfinished', (r) => {
    if (!/^https?:/.test(r.url())) return;
    const at = performance.now();
    pending.push(
      r.sizes().then((s) => finished.push({ url: r.url(), at, body: s.responseBodySize, headers: s.responseHeadersSize })),
    );
  });
  const failed = [];
  context.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  await page.exposeBinding('__benchFirst', () => {
    firstAt ??= performance.now();
  });
  await page.addInitScript(() => {
    window.__cold = { longtasks: [], first: null };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__cold.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    const done = (query, count) => {
      if (window.__cold.first === null && query === 'Candiru' && count > 0) {
        window.__cold.first = performance.now();
        window.__benchFirst();
      }
    };
    document.addEventListener('entity-screen-results', (e) =>
      done(e.detail?.query, (e.detail?.matches ?? e.detail?.results ?? []).length),
    );
    document.addEventListener('bench-results', (e) => done(e.detail.query, e.detail.count));
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByRole('combobox').first().fill('Candiru', { timeout: 60_000 });
  await page.waitForFunction(() => window.__cold.first !== null, null, { timeout: 60_000, polling: 100 });
  const { first, longtasks } = await page.evaluate(() => window.__cold);
  // Let whatever loads after the first result (details, say) arrive.
  await page.waitForLoadState('load');
  await page.waitForTimeout(2000);
  await Promise.all(pending);
  const before = finished.filter((f) => f.at <= firstAt);
  const inFlight = [...started.entries()]
    .filter(([r, t]) => t <= firstAt && !before.some((f) => f.url === r.url()))
    .map(([r]) => r.url());
  const wire = (fs) => fs.reduce((s, f) => s + Math.max(0, f.body) + Math.max(0, f.headers), 0);
  const early = longtasks.filter((t) => t.start < first);
  await context.close();
  return {
    firstResultMs: round(first),
    bytesBeforeFirstResult: wire(before),
    // What the first result waits for: everything before it but the
    // details file, which is requested once the search file is in and is
    // not needed to answer (on 127.0.0.1 it often arrives first anyway).
    bytesFirstResultNeeds: wire(before.filter((f) => !/\.details\.esd/.test(new URL(f.url).pathname))),
    bodyBytesBeforeFirstResult: before.reduce((s, f) => s + Math.max(0, f.body), 0),
    requestsBeforeFirstResult: before.map((f) => ({ url: new URL(f.url).pathname, bytes: f.body })),
    inFlightAtFirstResult: inFlight.map((u) => new URL(u).pathname),
    bytesTotal: wire(finished),
    longTasksBeforeFirstResult: early.length,
    longestTaskBeforeFirstResultMs: round(Math.max(0, ...early.map((t) => t.duration))),
    longTaskMsBeforeFirstResult: round(early.reduce((s, t) => s + t.duration, 0)),
    failedRequests: failed,
    pageErrors: errors,
  };
}

async function runCold(browser, base, runs) {
  const pages = [
    ['demo page (dist/index.html)', `${base}/index.html`],
    ['MiniSearch page (names.json, indexed on load)', `${base}/bench/minisearch-cold.html`],
  ];
  const out = [];
  for (const [name, url] of pages) {
    const loads = [];
    for (let i = 0; i < runs; i++) {
      try {
        loads.push(await coldLoad(browser, url));
        log(`cold ${name} #${i + 1}: first result ${loads.at(-1).firstResultMs} ms, ${loads.at(-1).bytesBeforeFirstResult} B`);
      } catch (e) {
        loads.push({ error: e.message.split('\n')[0] });
        log(`cold ${name} #${i + 1}: failed: ${e.message.split('\n')[0]}`);
      }
    }
    const ok = loads.filter((l) => !l.error);
    const best = ok.length ? ok.reduce((a, b) => (b.firstResultMs < a.firstResultMs ? b : a)) : null;
    out.push({ page: name, url: new URL(url).pathname, best, firstResultMsAll: loads.map((l) => l.firstResultMs ?? null), loads });
  }
  return out;
}

/** Issue 8's targets next to what this run measured: reported, never
 * asserted (`met` is null when this run lacks the figure). */
function targets(report) {
  const eng = (name) => report.engines?.engines.find((e) => e.engine === name && !e.error);
  const cold = (prefix) => report.coldStart?.find((c) => c.page.startsWith(prefix))?.best;
  const ours = eng('entity-screen');
  const ms = eng('MiniSearch');
  const demo = cold('demo');
  const peer = cold('MiniSearch');
  let standalone = null;
  try {
    standalone = statSync(join(root, 'dist/standalone.html')).size;
  } catch {}
  const t = (what, target, measured, met) => ({ what, target, measured, met: measured == null ? null : met });
  return [
    t('first result on the demo page / MiniSearch page, same run', '<= 0.5', demo && peer ? round(demo.firstResultMs / peer.firstResultMs, 2) : null, demo && peer && demo.firstResultMs <= peer.firstResultMs / 2),
    t('first result on the demo page, ms', '<= 150 (quiet machine)', demo?.firstResultMs, demo?.firstResultMs <= 150),
    t('bytes the first result needs (default dataset; all files before it but the details file)', '<= 700 KB', demo?.bytesFirstResultNeeds, demo?.bytesFirstResultNeeds <= 700_000),
    t('bytes that arrived before the first result, details file included if it was in', '(for reference)', demo?.bytesBeforeFirstResult, null),
    t('bytes of everything the demo page loads, details included', '<= 1.6 MB', demo?.bytesTotal, demo?.bytesTotal <= 1_600_000),
    t('dist/standalone.html on disk, bytes', '<= 2.5 MB', standalone, standalone <= 2_500_000),
    t('main-thread tasks >= 50 ms before the first result (demo)', '0', demo?.longTasksBeforeFirstResult, demo?.longTasksBeforeFirstResult === 0),
    t('load in the wasm (in-page), ms', '<= 20', ours?.loadMs, ours?.loadMs <= 20),
    t('MiniSearch p50 / our p50', '>= 6', ours && ms ? round(ms.queryMs.p50 / ours.queryMs.p50, 1) : null, ours && ms && ms.queryMs.p50 / ours.queryMs.p50 >= 6),
    t('our p99 / MiniSearch p50', '<= 0.7', ours && ms ? round(ours.queryMs.p99 / ms.queryMs.p50, 2) : null, ours && ms && ours.queryMs.p99 / ms.queryMs.p50 <= 0.7),
  ];
}

function table(report) {
  const lines = [];
  const pad = (s, n, left = false) => (left ? String(s ?? '').padEnd(n) : String(s ?? '').padStart(n));
  if (report.engines) {
    const d = report.engines.dataset;
    lines.push(`In-page engines: ${d.names} names of ${d.parties} parties (${d.label}), ${d.queries} perturbed queries (n: how many each engine ran)`);
    lines.push(`${pad('engine', 16, true)}${pad('version', 20, true)}${pad('n', 6)}${pad('load ms', 10)}${pad('p50 ms', 9)}${pad('p90 ms', 9)}${pad('p99 ms', 9)}${pad('mean ms', 9)}${pad('r@1', 7)}${pad('r@10', 7)}${pad('innocent hit', 14)}`);
    for (const e of report.engines.engines) {
      if (e.error) {
        lines.push(`${pad(e.engine, 16, true)} failed: ${e.error}`);
        continue;
      }
      lines.push(
        `${pad(e.engine, 16, true)}${pad(e.version, 20, true)}${pad(e.queries, 6)}${pad(e.loadMs, 10)}${pad(e.queryMs.p50, 9)}${pad(e.queryMs.p90, 9)}${pad(e.queryMs.p99, 9)}${pad(e.queryMs.mean, 9)}${pad(e.recallAt1.toFixed(3), 7)}${pad(e.recallAt10.toFixed(3), 7)}${pad(e.innocentWithAnyResult?.toFixed(3), 14)}`,
      );
    }
  }
  if (report.coldStart) {
    lines.push('');
    lines.push(`Cold start, best of ${report.args.runs} (navigation to the first "Candiru" result):`);
    lines.push(`${pad('page', 48, true)}${pad('first ms', 10)}${pad('all runs', 22)}${pad('B before', 11)}${pad('B total', 11)}${pad('long tasks', 11)}${pad('longest', 9)}`);
    for (const c of report.coldStart) {
      const b = c.best;
      lines.push(
        `${pad(c.page, 48, true)}${pad(b?.firstResultMs, 10)}${pad(c.firstResultMsAll.join('/'), 22)}${pad(b?.bytesBeforeFirstResult, 11)}${pad(b?.bytesTotal, 11)}${pad(b?.longTasksBeforeFirstResult, 11)}${pad(b?.longestTaskBeforeFirstResultMs, 9)}`,
      );
    }
  }
  if (report.targets) {
    lines.push('');
    lines.push('Issue 8 targets (reported, not asserted):');
    for (const x of report.targets) lines.push(`  ${x.met == null ? '  -  ' : x.met ? ' met ' : ' NOT '} ${x.what}: ${x.measured ?? 'not measured'} (target ${x.target})`);
  }
  return lines.join('\n');
}

// What the benchmark serves (gzip -9, compressed once at start, no caching):
// /bench/ the benchmark pages, /bench-data/ target/bench/ (exported names and
// cases, bundled peer engines), /bench-web/ target/web/bindgen/ (the
// wasm-bindgen glue), / dist/.
function benchMounts() {
  return [
    ['/bench/', join(root, 'bench/browser/pages')],
    ['/bench-data/', join(root, 'target/bench')],
    ['/bench-web/', join(root, 'target/web/bindgen')],
    ['/', join(root, 'dist')],
  ];
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(benchDir, { recursive: true });
  const hasCore = existsSync(join(root, 'dist/entity-screen-core.js'));
  if (!hasCore && !existsSync(join(root, 'dist/entity-screen.wasm'))) throw new Error('dist/ has no build: run scripts/build-web first');
  if (!hasCore && !existsSync(join(root, 'target/web/bindgen/entity_screen.js'))) throw new Error('target/web/bindgen/entity_screen.js is missing: run scripts/build-web first');
  if (args.exportCases || !existsSync(join(benchDir, 'cases.json'))) exportCases(args.queries);
  await bundle();
  const server = await serve({ mounts: benchMounts(), gzip: true });
  // serve()'s url ends in '/'; the pages below are joined as `${base}/path`.
  const base = server.url.replace(/\/$/, '');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const report = {
    command: `scripts/bench-browser ${process.argv.slice(2).join(' ')}`.trim(),
    date: new Date().toISOString(),
    commit: (() => {
      try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
      } catch {
        return null;
      }
    })(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, chromium: browser.version() },
    product: hasCore ? 'dist/entity-screen-core.js (createScreener)' : 'target/web/bindgen glue + dist/entity-screen.wasm',
    args: { queries: args.queries, slowQueries: args.slowQueries, runs: args.runs },
    notes: [
      'query times are the mean of back-to-back calls of the same query (a single call when it takes 2 ms or more), in ms',
      'recall: the target party (list code + id) among the first 1 / 10 distinct parties returned; peers get every name and alias as a document and their name hits are merged by party',
      'innocent hit: share of innocent real names (tests/data/innocent_names.txt, less those actually listed) with any result; the product answers at its default threshold, the peers have no threshold',
      'cold start: fresh browser context per load, gzip -9 from 127.0.0.1, "Candiru" filled into the combobox as soon as it exists; bytes are encoded body + headers of the requests finished before the first result',
    ],
  };
  try {
    if (args.engineRuns) report.engines = await runEngines(browser, base, args, hasCore ? 'core' : 'glue');
    if (args.cold) report.coldStart = await runCold(browser, base, args.runs);
  } finally {
    await browser.close();
    await server.close();
  }
  report.targets = targets(report);
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify(report, null, 2) + '\n');
  console.log(JSON.stringify(report, null, 2));
  console.log('\n' + table(report));
  log(`wrote ${args.out}`);
}

main().catch((e) => {
  console.error(`bench-browser: ${e.message}`);
  process.exit(1);
});
