// Second half of scripts/build-web: bundles the JS with esbuild, inlines what
// the standalone page needs, computes the SRI and CSP hashes and writes dist/.
// Input: $WEB_BUILD_DIR/bindgen/entity_screen.js (wasm-bindgen --target
// no-modules glue), $WEB_BUILD_DIR/entity_screen.opt.wasm (after wasm-opt)
// and the dataset's two parts, $WEB_BUILD_DIR/entity-screen.esd and
// entity-screen.details.esd (`entity-screen split data/default.esd ...`).

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bytesAsScript, zopfliGzip } from './bytes-script.mjs';
import * as esbuild from 'esbuild';
import { toBase122 } from '../www/src/base122.js';
import { xzCompress } from './xz-compress.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const web = resolve(root, process.env.WEB_BUILD_DIR || 'target/web');
const dist = join(root, 'dist');
const www = join(root, 'www');

const sri = (bytes, algo = 'sha384') => `${algo}-${createHash(algo).update(bytes).digest('base64')}`;
const cspHash = (text) => `'${sri(Buffer.from(text, 'utf8'), 'sha256')}'`;

// The no-modules glue is a classic script that declares `wasm_bindgen`; one
// export line makes the same text an ES module esbuild can bundle into the
// Worker script and into the page-side fallback.
const glue = readFileSync(join(web, 'bindgen/entity_screen.js'), 'utf8');
const gluePath = join(web, 'glue.mjs');
writeFileSync(gluePath, `${glue}\nexport default wasm_bindgen;\n`);

const wasm = readFileSync(join(web, 'entity_screen.opt.wasm'));
const wasmSri = sri(wasm);

// The dataset is its own pair of files (the wasm is built without the
// `embed` feature): the default one, data/default.esd built from
// data/sources/, split by the CLI into the search part (what a result
// needs) and the details (the full records).
const data = readFileSync(join(web, 'entity-screen.esd'));
const dataSri = sri(data);
const details = readFileSync(join(web, 'entity-screen.details.esd'));
const detailsSri = sri(details);
// The standalone page inlines its three payloads as base-122 text (7 bits a
// character: 14 % over the bytes, where base64 adds 33 %). The wasm as gzip
// (zopfli's: scripts/bytes-script.mjs), gunzipped with DecompressionStream:
// xz would save 115 KB of page on it but decodes for ~110 ms before the
// wasm can compile, where gzip's bytes compile in the background while the
// search part decodes. The dataset's two parts as xz -9e
// (scripts/xz-compress.mjs), decoded by xz-embedded in wasm (www/src/xz.js,
// ~43 KB of decoder, half in the page script, half in its Worker): search
// 892 KB -> 699 KB, details 1107 KB -> 823 KB, so the page is 503 KB
// smaller net, with search ready as soon as with gzip and the details
// ~200 ms later (www/README.md has the measured figures).
const inlineGzip = async (bytes) => toBase122(await zopfliGzip(bytes));
const inlineXz = (bytes) => toBase122(xzCompress(bytes));

function virtualModules(workerSource) {
  return {
    name: 'entity-screen-virtual',
    setup(build) {
      build.onResolve({ filter: /^#wasm-glue$/ }, () => ({ path: gluePath }));
      build.onResolve({ filter: /^#worker-source$/ }, () => ({ path: 'worker-source', namespace: 'virtual' }));
      build.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({
        contents: `export default ${JSON.stringify(workerSource ?? '')};`,
        loader: 'js',
      }));
    },
  };
}

const common = {
  bundle: true,
  minify: true,
  write: false,
  legalComments: 'none',
  target: ['chrome111', 'firefox115', 'safari16.4'],
  loader: { '.css': 'text' },
  logLevel: 'warning',
};

async function bundle(entry, options, workerSource) {
  const result = await esbuild.build({
    ...common,
    ...options,
    entryPoints: [join(www, 'src', entry)],
    plugins: [virtualModules(workerSource)],
  });
  return result.outputFiles[0].text;
}

// The core's default threshold, read from the wasm just built (one
// definition, DEFAULT_THRESHOLD in src/matcher.rs): the element shows it on
// the slider before its wasm has loaded.
const glueModule = (await import(pathToFileURL(gluePath).href)).default;
glueModule.initSync({ module: wasm });
const defaultThreshold = glueModule.Screener.defaultThreshold();
if (!(defaultThreshold > 0 && defaultThreshold <= 1)) throw new Error(`bad default threshold ${defaultThreshold}`);
const elementDefines = {
  __DEFAULT_THRESHOLD__: JSON.stringify(defaultThreshold),
  __DATA_SRI__: JSON.stringify(dataSri),
  __DETAILS_SRI__: JSON.stringify(detailsSri),
};

const workerSource = await bundle('worker-main.js', { format: 'iife' });
const moduleJs = await bundle(
  'index.js',
  { format: 'esm', define: { __WASM_SRI__: JSON.stringify(wasmSri), ...elementDefines } },
  workerSource,
);
// The standalone page's Worker also decodes xz (worker-standalone.js).
const standaloneWorkerSource = await bundle('worker-standalone.js', { format: 'iife' });
const standaloneJs = await bundle('standalone.js', { format: 'iife', define: elementDefines }, standaloneWorkerSource);
// The core without the UI, for browsers and Node (ES module, not minified
// beyond whitespace so a reader can follow it; the glue is most of it).
const coreJs = await bundle('core-entry.js', {
  format: 'esm',
  platform: 'neutral',
  minifyIdentifiers: false,
  define: { __WASM_SRI__: JSON.stringify(wasmSri), __DATA_SRI__: JSON.stringify(dataSri), __DETAILS_SRI__: JSON.stringify(detailsSri) },
});

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const files = {
  'entity-screen.js': moduleJs,
  'entity-screen.wasm': wasm,
  'entity-screen.wasm.js': await bytesAsScript(wasm, '__entityScreenWasm'),
  'entity-screen.esd': data,
  'entity-screen.esd.js': await bytesAsScript(data, '__entityScreenData'),
  'entity-screen.details.esd': details,
  'entity-screen.details.esd.js': await bytesAsScript(details, '__entityScreenDetails'),
  'entity-screen-core.js': coreJs,
};
for (const [name, content] of Object.entries(files)) writeFileSync(join(dist, name), content);
const moduleSri = sri(Buffer.from(moduleJs));

// The demo page. Its CSP forbids every connection, so the widget is told to
// load the wasm as a script (loader="script") rather than fetch it. Its own
// script and style are inline, allowed by their hashes, so 'self' is left
// only where it is needed: script-src, for entity-screen.js and the Worker's
// importScripts of entity-screen.wasm.js. Images: only data: (the empty
// favicon), so nothing can be sent to any server as an image URL. The one
// form action is the official search the no-script fallback opens.
const OFFICIAL_SEARCH = 'https://www.trade.gov/data-visualization/csl-search';
const demoScript = readFileSync(join(www, 'demo/demo.js'), 'utf8');
const demoStyle = readFileSync(join(www, 'demo/demo.css'), 'utf8');
const demoCsp = [
  "default-src 'none'",
  "connect-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${cspHash(demoScript)}`,
  'worker-src blob:',
  `style-src ${cspHash(demoStyle)}`,
  'img-src data:',
  "base-uri 'none'",
  `form-action ${OFFICIAL_SEARCH}`,
].join('; ');
const fill = (template, values) =>
  template.replace(/%%([A-Z0-9_]+)%%/g, (m, k) => {
    if (!(k in values)) throw new Error(`template placeholder ${m} has no value`);
    return values[k];
  });
const demoTemplate = readFileSync(join(www, 'demo/index.html'), 'utf8');
if (!demoTemplate.includes(`action="${OFFICIAL_SEARCH}"`)) throw new Error('the demo form must lead to the official search');
writeFileSync(
  join(dist, 'index.html'),
  fill(demoTemplate, { CSP: demoCsp, MODULE_SRI: moduleSri, DEMO_SCRIPT: demoScript, DEMO_STYLE: demoStyle }),
);

// The standalone page: everything inline, each inline script and style
// allowed by its hash. The wasm sits in a data block (never executed, so CSP
// does not apply to it).
const standaloneCss = readFileSync(join(www, 'standalone/standalone.css'), 'utf8');
const inlineJs = standaloneJs.replace(/<\/script/gi, '<\\/script');
const standaloneCsp = [
  "default-src 'none'",
  "connect-src 'none'",
  `script-src ${cspHash(inlineJs)} 'wasm-unsafe-eval'`,
  'worker-src blob:',
  `style-src ${cspHash(standaloneCss)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const standaloneHtml = fill(readFileSync(join(www, 'standalone/standalone.html'), 'utf8'), {
  CSP: standaloneCsp,
  STYLE: standaloneCss,
  SCRIPT: inlineJs,
  WASM_GZIP: await inlineGzip(wasm),
  DATA_XZ: inlineXz(data),
  DETAILS_XZ: inlineXz(details),
});
writeFileSync(join(dist, 'standalone.html'), standaloneHtml);

// The npm package, ready for `npm pack dist/npm` / `npm publish dist/npm`:
// www/package.json (the publishable manifest; the repo-root package.json only
// drives the dev tools) with the crate's version, the bundles, the wasm, the
// type declarations and www/README.md.
const npmDir = join(dist, 'npm');
mkdirSync(npmDir, { recursive: true });
const cargoVersion = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1];
const manifest = JSON.parse(readFileSync(join(www, 'package.json'), 'utf8'));
manifest.version = cargoVersion;
writeFileSync(join(npmDir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
const BUILT = [
  'entity-screen.js',
  'entity-screen-core.js',
  'entity-screen.wasm',
  'entity-screen.wasm.js',
  'entity-screen.esd',
  'entity-screen.esd.js',
  'entity-screen.details.esd',
  'entity-screen.details.esd.js',
];
for (const name of BUILT) copyFileSync(join(dist, name), join(npmDir, name));
for (const name of ['entity-screen.d.ts', 'core.d.ts', 'strings.d.ts']) copyFileSync(join(www, 'types', name), join(npmDir, name));
copyFileSync(join(www, 'README.md'), join(npmDir, 'README.md'));
for (const name of manifest.files) {
  if (!readFileSync(join(npmDir, name))) throw new Error(`package file ${name} missing`);
}

// The copy-paste snippet.
const snippet = `<script type="module" src="https://YOUR.CDN/entity-screen/entity-screen.js"
  integrity="${moduleSri}" crossorigin="anonymous"></script>
<entity-screen max-age-days="365">
  <form role="search" action="https://www.trade.gov/data-visualization/csl-search">
    <label>Check a company or person against US restricted-party lists
      <input type="search"></label>
    <button>Search</button>
  </form>
</entity-screen>
`;
writeFileSync(join(dist, 'embed.html'), snippet);

const sizes = {};
for (const name of [...BUILT, 'standalone.html']) {
  const bytes = readFileSync(join(dist, name));
  sizes[name] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}
const integrity = {
  'entity-screen.js': moduleSri,
  'entity-screen-core.js': sri(Buffer.from(coreJs)),
  'entity-screen.wasm': wasmSri,
  'entity-screen.wasm.js (checks its bytes against the .wasm hash)': wasmSri,
  'entity-screen.esd': dataSri,
  'entity-screen.esd.js (checks its bytes against the .esd hash)': dataSri,
  'entity-screen.details.esd': detailsSri,
  'entity-screen.details.esd.js (checks its bytes against the .details.esd hash)': detailsSri,
};
writeFileSync(join(dist, 'sizes.json'), JSON.stringify({ sizes, integrity }, null, 2) + '\n');

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
for (const [name, s] of Object.entries(sizes)) {
  console.log(`${name.padEnd(30)} ${kb(s.raw).padStart(12)} raw ${kb(s.gzip).padStart(12)} gzip`);
}
console.log(`\nembed snippet (dist/embed.html):\n\n${snippet}`);
