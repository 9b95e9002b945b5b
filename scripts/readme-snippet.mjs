// The embed snippet in the READMEs: the text between `<!-- embed:start -->`
// and `<!-- embed:end -->` (a ```html fence around the build's
// dist/embed.html). Shared by scripts/update-readme-sri and its test.
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const READMES = ['README.md', 'www/README.md'].map((f) => join(root, f));
const START = '<!-- embed:start -->';
const END = '<!-- embed:end -->';

/** The snippet's HTML in a README's text, or throws naming the file. */
export function readSnippet(text, file) {
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${file}: no ${START} ... ${END} block`);
  const block = text.slice(a + START.length, b);
  const m = /```html\n([\s\S]*?)```/.exec(block);
  if (!m) throw new Error(`${file}: the embed block has no \`\`\`html fence`);
  return m[1];
}

/** The README text with its snippet replaced by `snippet`. */
export function writeSnippet(text, snippet, file) {
  readSnippet(text, file);
  const a = text.indexOf(START) + START.length;
  const b = text.indexOf(END);
  return `${text.slice(0, a)}\n\`\`\`html\n${snippet}\`\`\`\n${text.slice(b)}`;
}

/** The build's snippet (dist/embed.html). */
export function buildSnippet() {
  return readFileSync(join(root, 'dist/embed.html'), 'utf8');
}
