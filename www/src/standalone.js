// Entry of dist/standalone.html: the same widget as a classic script, with
// the wasm (code only) and the dataset's two parts (search, details) inlined
// as base-122 (base122.js), in non-executed <script
// type="application/octet-stream"> data blocks, so the one file works opened
// from file:// with no network at all: the wasm as gzip (DecompressionStream),
// the dataset's parts as xz (xz.js; see scripts/build-web.mjs for why). The
// Worker decompresses each and checks the dataset's parts against the
// SHA-384s of the uncompressed files; search works once the search part is
// in, the details are decompressed and attached after it.

import { define, setEngineProvider, EntityScreenElement } from './entity-screen.js';
import { engineFor } from './engine.js';
import { defineBatch, setBatchEngineProvider, EntityScreenBatchElement } from './batch/element.js';
import { registerDecompressor } from './wasm-load.js';
import { unxz } from './xz.js';

/* global __DATA_SRI__, __DETAILS_SRI__ */
// For the page-side fallback (engine.js runs the host on the page where a
// Worker cannot start); the Worker registers its own (worker-standalone.js).
registerDecompressor('xz', unxz);
const block = (id) => document.getElementById(id).textContent;

const provider = () =>
  engineFor(
    'inline',
    () => ({ gzipBase122: block('entity-screen-wasm') }),
    () => ({ xzBase122: block('entity-screen-data'), integrity: __DATA_SRI__ }),
    () => ({ xzBase122: block('entity-screen-details'), integrity: __DETAILS_SRI__ }),
  );
setEngineProvider(provider);
setBatchEngineProvider(provider);
define();
defineBatch();
window.EntityScreenElement = EntityScreenElement;
window.EntityScreenBatchElement = EntityScreenBatchElement;
