// The READMEs' embed snippet is the build's: same HTML, and its integrity
// hash is the SHA-384 of dist/entity-screen.js, so a site that copies it
// gets a script the browser accepts. Chromium then loads the snippet as
// written (with the CDN URL pointed at a local server) under SRI.
// Run after scripts/build-web; fix a failure with scripts/update-readme-sri.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium } from '@playwright/test';
import { READMES, buildSnippet, readSnippet, root } from '../scripts/readme-snippet.mjs';
import { serve } from '../scripts/serve.mjs';

const moduleSri = () => 'sha384-' + createHash('sha384').update(readFileSync(join(root, 'dist/entity-screen.js'))).digest('base64');

for (const file of READMES) {
  const name = relative(root, file);
  test(`${name}: the embed snippet is the build's, with the bundle's SHA-384 (else run scripts/update-readme-sri)`, () => {
    const snippet = readSnippet(readFileSync(file, 'utf8'), name);
    const hashes = [...snippet.matchAll(/integrity="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(hashes, [moduleSri()]);
    assert.equal(snippet, buildSnippet());
  });
}

test('Chromium runs the README snippet under SRI: the element is defined and screens Candiru', async () => {
  const snippet = readSnippet(readFileSync(READMES[0], 'utf8'), 'README.md');
  const pages = mkdtempSync(join(tmpdir(), 'entity-screen-sri-'));
  const server = await serve({ mounts: [['/entity-screen/', join(root, 'dist')], ['/', pages]] });
  // The CDN in the snippet is another origin; a second server plays it, so
  // crossorigin + integrity work as on a real site.
  const cdn = await serve({ mounts: [['/entity-screen/', join(root, 'dist')]], cors: true });
  const html = snippet.replace('https://YOUR.CDN/', cdn.url);
  assert.notEqual(html, snippet, 'the snippet points at https://YOUR.CDN/');
  writeFileSync(join(pages, 'index.html'), `<!doctype html><html lang="en"><meta charset="utf-8"><title>sri</title><link rel="icon" href="data:,">\n${html}`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(server.url + 'index.html');
    await page.waitForFunction(() => !!customElements.get('entity-screen'), null, { timeout: 20_000 });
    const box = page.getByRole('combobox');
    await box.click();
    await box.pressSequentially('Candiru', { delay: 30 });
    await page.getByRole('option').first().locator('.es-name').filter({ hasText: 'Candiru' }).waitFor({ timeout: 30_000 });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
    await cdn.close();
    rmSync(pages, { recursive: true, force: true });
  }
});
