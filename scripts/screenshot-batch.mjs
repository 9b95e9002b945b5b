// Takes docs/batch.png, the README's picture of <entity-screen-batch>: the
// standalone page from file:// in headless Chromium (the apt one), a short
// supplier list screened, one row opened. Usage: node scripts/screenshot-batch.mjs
import { chromium } from '@playwright/test';
import { resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
await page.goto(pathToFileURL(resolve(root, 'dist/standalone.html')).href);
const names = ['Mahan Air', 'Saito Tech', 'Acme Bakery of Leeds', 'Rosoboronexport', 'University of Bologna', 'Banco Nacional de Cuba', 'Nordic Timber AB', ''];
await page.getByLabel(/Names, one per line/).fill(names.join('\n') + '\nMaria Fernandez Lopez\n');
await page.getByRole('button', { name: 'Screen the list' }).click();
await page.getByRole('status').filter({ hasText: 'rows:' }).waitFor({ timeout: 120_000 });
await page.getByLabel('Decision for row 3', { exact: true }).selectOption('cleared');
await page.getByRole('button', { name: /Show all \d+ matches|Show the match/ }).nth(1).click();
const el = page.locator('entity-screen-batch');
await el.scrollIntoViewIfNeeded();
await el.screenshot({ path: resolve(root, 'docs/batch.png') });
await browser.close();
console.log('wrote docs/batch.png');
