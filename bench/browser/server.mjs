// The benchmark's static server on 127.0.0.1: gzip (level 9, compressed once
// at start so no load pays for compression), `application/wasm` for .wasm,
// no caching. Separate from scripts/serve.mjs, which the tests use and which
// does not compress: the cold-start figures are about bytes on the wire.
//
// Mounts: /bench/ the benchmark pages, /bench-data/ target/bench/ (exported
// names and cases, bundled peer engines), /bench-web/ target/web/bindgen/
// (the wasm-bindgen glue), / dist/.

import { createServer } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

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

/** Starts the server; resolves to `{ url, close() }`. */
export async function serve(root, { port = 0 } = {}) {
  const mounts = [
    ['/bench/', join(root, 'bench/browser/pages')],
    ['/bench-data/', join(root, 'target/bench')],
    ['/bench-web/', join(root, 'target/web/bindgen')],
    ['/', join(root, 'dist')],
  ];
  // Every file, read and gzipped once.
  const files = new Map();
  for (const [prefix, dir] of mounts) {
    for (const file of walk(dir)) {
      const rel = file.slice(dir.length + 1).split(sep).join('/');
      const url = prefix + rel;
      if (files.has(url)) continue;
      const body = readFileSync(file);
      files.set(url, { body, gz: gzipSync(body, { level: 9 }), type: types[extname(file)] || 'application/octet-stream' });
    }
  }
  const server = createServer((req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url, 'http://localhost').pathname));
    if (path.endsWith('/')) path += 'index.html';
    const f = files.get(path);
    if (!f) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] || '');
    const body = gzip ? f.gz : f.body;
    res.writeHead(200, {
      'Content-Type': f.type,
      'Content-Length': body.length,
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    files,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
