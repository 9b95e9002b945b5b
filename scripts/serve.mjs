// A tiny static server for dist/ on 127.0.0.1 (the demo and the browser
// tests). It sends `application/wasm` for .wasm, so instantiateStreaming
// works, and serves tests/browser/pages/ under /test/ for the tests' own pages.
// The browser benchmark (bench/browser/run.mjs) uses it too, with `gzip`.
// Usage: node scripts/serve.mjs [--port 8000] [--host 127.0.0.1]

import { createServer } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// /test/octet/ serves dist/ with a generic Content-Type, for the test of
// the loader's fallback from streaming compilation to bytes.
const OCTET = '/test/octet/';
const DEFAULT_MOUNTS = [
  [OCTET, join(root, 'dist')],
  ['/test/fixtures/', join(root, 'test-results/fixtures')],
  ['/test/', join(root, 'tests/browser/pages')],
  ['/', join(root, 'dist')],
];
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.esd': 'application/octet-stream',
  '.svg': 'image/svg+xml',
};

async function resolvePath(mounts, urlPath) {
  for (const [prefix, dir] of mounts) {
    if (!urlPath.startsWith(prefix)) continue;
    const rel = normalize(decodeURIComponent(urlPath.slice(prefix.length)));
    const file = join(dir, rel);
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    try {
      const s = await stat(file);
      return s.isDirectory() ? join(file, 'index.html') : file;
    } catch {
      return null;
    }
  }
  return null;
}

// Every file below `dir`, recursively (none when it does not exist).
function walk(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

// Every file under the mounts, gzipped (level 9) once: file path -> bytes.
function precompress(mounts) {
  const gz = new Map();
  for (const [, dir] of mounts) {
    for (const file of walk(dir)) {
      if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(file), { level: 9 }));
    }
  }
  return gz;
}

/**
 * Starts the server; resolves to {url, requests, close()}. `requests` lists
 * every request path it received, in order (tests check that a page asked
 * for nothing but its own files). `mounts` are [urlPrefix, directory] pairs,
 * first match wins (default: dist/ at /, the test pages at /test/).
 * `cors` adds Access-Control-Allow-Origin: * to every file.
 * `gzip` (for the benchmark, whose cold-start figures are about bytes on the
 * wire) compresses every file under the mounts once, at start, so that no
 * load pays for compression, and sends it gzipped to a client that accepts
 * gzip; responses then also carry Content-Length and Vary: Accept-Encoding.
 * A file created after the start is sent as it is.
 */
export function serve({ port = 0, host = '127.0.0.1', mounts = DEFAULT_MOUNTS, cors = false, gzip = false } = {}) {
  const requests = [];
  const compressed = gzip ? precompress(mounts) : null;
  const server = createServer(async (req, res) => {
    const urlPath = new URL(req.url, 'http://localhost').pathname;
    requests.push(urlPath);
    const file = await resolvePath(mounts, urlPath);
    try {
      if (!file) throw new Error('not found');
      const gz = compressed && /\bgzip\b/.test(req.headers['accept-encoding'] || '') ? compressed.get(file) : undefined;
      const body = gz || (await readFile(file));
      res.writeHead(200, {
        'Content-Type': urlPath.startsWith(OCTET) ? 'application/octet-stream' : types[extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        // `cors`: play a CDN, whose files a page on another origin loads
        // with crossorigin + integrity.
        ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
        ...(compressed ? { 'Content-Length': body.length, Vary: 'Accept-Encoding' } : {}),
        ...(gz ? { 'Content-Encoding': 'gzip' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
    }
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address();
      resolveServer({
        url: `http://${host}:${bound}/`,
        requests,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const arg = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
  };
  const port = Number(arg('--port', process.env.PORT || 8000));
  const host = arg('--host', '127.0.0.1');
  serve({ port, host }).then(({ url }) => console.log(`serving dist/ at ${url} (Ctrl-C to stop)`));
}
