// The npm package as a user gets it: `npm pack dist/npm`, installed offline
// from the tarball into a fresh project, bundled there with esbuild, loaded
// in Chromium; and its core imported by Node. Run after scripts/build-web:
//   node --test tests/package/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from '@playwright/test';
import { serve } from '../../scripts/serve.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const npmDir = join(root, 'dist/npm');
let work;
let project;

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

before(() => {
  assert.ok(existsSync(join(npmDir, 'package.json')), 'dist/npm is missing: run scripts/build-web first');
  work = mkdtempSync(join(tmpdir(), 'entity-screen-pack-'));
  const packed = JSON.parse(run('npm', ['pack', npmDir, '--pack-destination', work, '--json'], root));
  const tarball = join(work, packed[0].filename);
  project = join(work, 'app');
  run('mkdir', ['-p', project], work);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  // --offline: the tarball has no dependencies, so nothing may be fetched.
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], project);
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the tarball holds the bundles, the wasm, the types and the README, and nothing else', () => {
  const files = JSON.parse(run('npm', ['pack', npmDir, '--dry-run', '--json'], root))[0].files.map((f) => f.path).sort();
  assert.deepEqual(files, [
    'README.md',
    'core.d.ts',
    'entity-screen-core.js',
    'entity-screen.d.ts',
    'entity-screen.details.esd',
    'entity-screen.details.esd.js',
    'entity-screen.esd',
    'entity-screen.esd.js',
    'entity-screen.js',
    'entity-screen.wasm',
    'entity-screen.wasm.js',
    'package.json',
    'strings.d.ts',
  ]);
  const pkg = JSON.parse(readFileSync(join(project, 'node_modules/entity-screen/package.json'), 'utf8'));
  assert.equal(pkg.exports['.'].default, './entity-screen.js');
  assert.equal(pkg.exports['./core'].types, './core.d.ts');
  assert.equal(pkg.types, './entity-screen.d.ts');
});

test('Node 20 imports entity-screen/core from the installed package and screens Candiru, summary first, records by key', () => {
  const script = `
    import { createScreener } from 'entity-screen/core';
    const s = await createScreener();
    const matches = s.search('Candiru', { limit: 3 });
    const detail = await s.detail(matches[0].key);
    const cmp = s.compare('Candiru Ltd', 'Candiru');
    console.log(JSON.stringify({ first: matches[0].name, source: matches[0].source, summaryRecord: 'record' in matches[0],
      citation: matches[0].citation, countries: matches[0].countries, detail: detail.record.name, key: detail.key === matches[0].key,
      fr: detail.record.federal_register_notice, cmp: cmp.match, threshold: s.defaultThreshold, lists: s.info().lists.length }));
  `;
  writeFileSync(join(project, 'core-check.mjs'), script);
  const out = JSON.parse(run(process.execPath, ['core-check.mjs'], project).trim().split('\n').pop());
  assert.equal(out.first, 'Candiru');
  assert.equal(out.source, 'EL');
  assert.equal(out.summaryRecord, false);
  assert.match(out.citation, /86 FR 60760/);
  assert.deepEqual(out.countries, ['IL']);
  assert.equal(out.detail, 'Candiru');
  assert.equal(out.key, true);
  assert.match(out.fr, /86 FR 60760/);
  assert.equal(out.cmp, true);
  assert.equal(out.threshold, JSON.parse(run(process.execPath, ['-e', 'import("entity-screen/core").then(m=>m.defaultThreshold()).then(console.log)'], project)));
  assert.ok(out.lists > 1);
});

test('Node screens with the dataset passed as bytes: the search file alone searches, with its details file the records come', () => {
  writeFileSync(join(project, 'core-bytes.mjs'), `
    import { readFileSync } from 'node:fs';
    import { createRequire } from 'node:module';
    import { createScreener } from 'entity-screen/core';
    const dir = createRequire(import.meta.url).resolve('entity-screen/package.json').replace(/package\\.json$/, '');
    const data = new Uint8Array(readFileSync(dir + 'entity-screen.esd'));
    const details = new Uint8Array(readFileSync(dir + 'entity-screen.details.esd'));
    const alone = await createScreener({ data });
    const [m] = alone.search('Saito Tech', { limit: 1 });
    let refused = '';
    await alone.detail(m.key).catch((e) => (refused = e.message));
    const both = await createScreener({ data, details });
    const d = await both.detail(both.search('Saito Tech', { limit: 1 })[0].key);
    console.log(JSON.stringify({ name: m.name, alias: m.matched_alias, refused, hasDetails: both.hasDetails(), detail: d.record.name, aliases: d.record.aliases }));
  `);
  const out = JSON.parse(run(process.execPath, ['core-bytes.mjs'], project).trim().split('\n').pop());
  assert.equal(out.name, 'Candiru');
  assert.equal(out.alias, true);
  assert.match(out.refused, /^details not loaded/);
  assert.equal(out.hasDetails, true);
  assert.equal(out.detail, 'Candiru');
  assert.ok(out.aliases.some((a) => /Saito Tech/.test(a)), out.aliases.join('; '));
});

test('Node gets a clear error for a dataset that is not one', async () => {
  writeFileSync(join(project, 'bad-data.mjs'), `
    import { createScreener } from 'entity-screen/core';
    try { await createScreener({ data: new Uint8Array([1, 2, 3, 4]) }); console.log('no error'); }
    catch (e) { console.log('error: ' + e.message); }
  `);
  const out = run(process.execPath, ['bad-data.mjs'], project).trim();
  assert.match(out, /^error: /);
  assert.doesNotMatch(out, /no error/);
});

test('a page bundled with esbuild from the installed package renders the element and screens Candiru in Chromium', async () => {
  const site = join(project, 'site');
  run('mkdir', ['-p', site], project);
  writeFileSync(join(project, 'main.js'), `import 'entity-screen';\n`);
  await esbuild.build({
    absWorkingDir: project,
    entryPoints: ['main.js'],
    bundle: true,
    format: 'esm',
    outfile: join(site, 'main.js'),
    logLevel: 'warning',
  });
  // The element finds its wasm and dataset next to the script that holds it (import.meta.url).
  for (const file of ['entity-screen.wasm', 'entity-screen.esd', 'entity-screen.details.esd']) {
    copyFileSync(join(project, 'node_modules/entity-screen', file), join(site, file));
  }
  writeFileSync(
    join(site, 'index.html'),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>app</title><link rel="icon" href="data:,">
<script type="module" src="main.js"></script>
<entity-screen load="eager"><form role="search" action="https://www.trade.gov/data-visualization/csl-search">
<label>Check a name <input type="search"></label><button>Search</button></form></entity-screen>`,
  );
  const server = await serve({ mounts: [['/', site]] });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const outside = [];
    page.on('request', (r) => {
      // The Worker starts from a blob: URL of the page's own origin.
      const url = r.url().replace(/^blob:/, '');
      if (!url.startsWith(server.url)) outside.push(r.url());
    });
    await page.goto(server.url + 'index.html');
    const box = page.getByRole('combobox');
    await box.click();
    await box.pressSequentially('Candiru', { delay: 30 });
    const first = page.getByRole('option').first();
    await first.locator('.es-name').filter({ hasText: 'Candiru' }).waitFor({ timeout: 30_000 });
    assert.match(await first.textContent(), /Entity List/);
    assert.deepEqual(outside, []);
    assert.deepEqual([...new Set(server.requests)].sort(), ['/entity-screen.details.esd', '/entity-screen.esd', '/entity-screen.wasm', '/index.html', '/main.js']);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('the shipped .d.ts files type-check a consumer in strict TypeScript, and reject a wrong use', () => {
  writeFileSync(
    join(project, 'consumer.ts'),
    `import 'entity-screen';
import { createScreener, type Detail, type Match, type PartyRecord } from 'entity-screen/core';
import type { EntityScreenElement, EntityScreenStringsOverride } from 'entity-screen';

const el: EntityScreenElement | null = document.querySelector('entity-screen');
const isWidget: boolean | undefined = el?.matches('entity-screen');
const shown: Match[] | undefined = el?.results;
console.log(isWidget, shown);
el?.addEventListener('entity-screen-results', (e) => {
  const matches: Match[] = e.detail.matches;
  console.log(matches.length, e.detail.query);
});
el?.addEventListener('entity-screen-ready', (e) => console.log(e.detail.mode, e.detail.info.lists[0].code));
const strings: EntityScreenStringsOverride = { locale: 'fr', scoreBands: { exact: 'exacte' }, noMatch: { one: 'a', other: 'b' } };
if (el) el.strings = strings;

export async function check(): Promise<number> {
  const s = await createScreener({ data: new Uint8Array(0), dataIntegrity: 'sha384-x', details: 'x.details.esd' });
  const found: Match[] = s.search('Candiru', { limit: 3, lists: ['EL'], prefix: false });
  const countries: string[] = found[0].countries;
  const detail: Detail | null = await s.detail(found[0].key);
  const record: PartyRecord | null = detail ? detail.lists[0].record : null;
  const fromElement: Detail | null | undefined = await el?.detail(found[0].key);
  const compared: boolean = s.compare('a', 'b').match;
  const m = await el?.compare('a', 'b');
  return (record ? record.aliases.length : 0) + countries.length + (fromElement ? 1 : 0) + (compared ? 1 : 0) + s.info().lists.length + (m ? m.score : 0) + s.defaultThreshold + (s.hasDetails() ? 1 : 0);
}

// @ts-expect-error: search options have no such field
createScreener().then((s) => s.search('x', { limt: 3 }));
// @ts-expect-error: a summary carries no record (detail(key) has them)
createScreener().then((s) => s.search('x')[0].record);
`,
  );
  const tsc = join(root, 'node_modules/.bin/tsc');
  const args = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2022,dom', 'consumer.ts'];
  run(tsc, args, project);
  writeFileSync(join(project, 'wrong.ts'), `import { createScreener } from 'entity-screen/core';\nexport const n: number = (await createScreener()).search('x');\n`);
  assert.throws(
    () => run(tsc, [...args.slice(0, -1), 'wrong.ts'], project),
    (e) => /Type 'Match\[\]' is not assignable to type 'number'/.test(String(e.stdout)),
  );
});
