// Entry of dist/standalone.html: the same widget as a classic script, with
// the wasm (code only) inlined as base64 and the dataset as base64 of its
// gzip, in non-executed <script type="application/octet-stream"> data blocks,
// so the one file works opened from file:// with no network at all. The
// Worker decompresses the dataset with DecompressionStream and checks it
// against the SHA-384 of the uncompressed file.

import { define, setEngineProvider, EntityScreenElement } from './entity-screen.js';
import { engineFor } from './engine.js';
import { defineBatch, setBatchEngineProvider, EntityScreenBatchElement } from './batch/element.js';

/* global __DATA_SRI__ */
const block = (id) => document.getElementById(id).textContent;

const provider = () =>
  engineFor(
    'inline',
    () => ({ base64: block('entity-screen-wasm') }),
    () => ({ gzipBase64: block('entity-screen-data'), integrity: __DATA_SRI__ }),
  );
setEngineProvider(provider);
setBatchEngineProvider(provider);
define();
defineBatch();
window.EntityScreenElement = EntityScreenElement;
window.EntityScreenBatchElement = EntityScreenBatchElement;
