// Before the browser tests: builds the small dataset with hostile names from
// fixtures/hostile.csv with the crate's own CLI (`entity-screen build`), so the
// tests can load it with `element.loadDataset(bytes)`.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { root } from './helpers.js';

export default function globalSetup() {
  const out = resolve(root, 'test-results/fixtures/hostile.esd');
  mkdirSync(resolve(root, 'test-results/fixtures'), { recursive: true });
  try {
    execFileSync(
      'cargo',
      ['run', '--quiet', '--bin', 'entity-screen', '--', 'build', '--csl', 'tests/browser/fixtures/hostile.csv', '--out', out],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
  } catch (e) {
    console.warn(`global-setup: could not build ${out}: ${e.message}`);
  }
}
