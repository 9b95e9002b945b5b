// Before the browser tests: builds the small dataset with hostile names from
// fixtures/hostile.csv with the crate's own CLI (`entity-screen build`), so the
// tests can load it with `element.loadDataset(bytes)`, and splits it into
// its search and details files (`entity-screen split`) for the tests of
// `data-src` with its details file next to it.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { root } from './helpers.js';

export default function globalSetup() {
  const out = resolve(root, 'test-results/fixtures/hostile.esd');
  mkdirSync(resolve(root, 'test-results/fixtures'), { recursive: true });
  const cli = (...args) => execFileSync('cargo', ['run', '--quiet', '--bin', 'entity-screen', '--', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    cli('build', '--csl', 'tests/browser/fixtures/hostile.csv', '--out', out);
    const split = resolve(root, 'test-results/fixtures/hostile-split');
    cli('split', out, `${split}.esd`, `${split}.details.esd`);
  } catch (e) {
    console.warn(`global-setup: could not build ${out} and its split files: ${e.message}`);
  }
}
