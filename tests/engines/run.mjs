// Runs the smoke suites (tests/engines/suites/*.mjs) in Firefox and WebKit,
// the engines Playwright cannot download here (see drivers.mjs):
//
//   xvfb-run -a node tests/engines/run.mjs [firefox] [webkit]   (default: both)
//
// after scripts/build-web. A suite exports `tests`: [{name, run(driver, env)}]
// where env is {server (scripts/serve.mjs over dist/), root, dist,
// standaloneUrl (file://)}; a test throws to fail. Each engine is launched
// once and runs every test. Prints one line per test and ends with
// "N passed, N failed, N skipped" (what .ci/run sums); exits non-zero on any
// failure. An engine that cannot start fails all its tests.

import { readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ENGINES } from './drivers.mjs';
import { serve } from '../../scripts/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dist = join(root, 'dist');
const engines = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(ENGINES);
for (const e of engines) {
  if (!ENGINES[e]) {
    console.error(`unknown engine ${e}; known: ${Object.keys(ENGINES).join(', ')}`);
    process.exit(2);
  }
}

const suites = [];
for (const file of readdirSync(join(here, 'suites')).filter((f) => f.endsWith('.mjs')).sort()) {
  const mod = await import(pathToFileURL(join(here, 'suites', file)).href);
  suites.push({ file, tests: mod.tests });
}

const withTimeout = (promise, ms, what) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms))]);

let passed = 0;
let failed = 0;
const server = await serve();
const env = { server, root, dist, standaloneUrl: pathToFileURL(join(dist, 'standalone.html')).href };
for (const engine of engines) {
  let driver = null;
  let launchError = null;
  try {
    driver = await withTimeout(ENGINES[engine](), 90_000, `launching ${engine}`);
    console.log(`# ${engine} ${driver.version || ''}`);
  } catch (e) {
    launchError = e;
    console.log(`# ${engine} could not start: ${e.message}`);
  }
  for (const suite of suites) {
    for (const t of suite.tests) {
      const label = `${engine} › ${suite.file} › ${t.name}`;
      if (!driver) {
        failed++;
        console.log(`not ok - ${label} (engine did not start: ${launchError.message})`);
        continue;
      }
      const started = Date.now();
      try {
        await withTimeout(t.run(driver, env), 120_000, t.name);
        passed++;
        console.log(`ok - ${label} (${Date.now() - started} ms)`);
      } catch (e) {
        failed++;
        console.log(`not ok - ${label}\n  ${String((e && e.stack) || e).split('\n').join('\n  ')}`);
      }
    }
  }
  if (driver) await driver.close().catch(() => {});
}
await server.close();
console.log(`${passed} passed, ${failed} failed, 0 skipped`);
process.exit(failed ? 1 : 0);
