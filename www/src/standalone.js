// Entry of dist/standalone.html: the same widget as a classic script, with the
// wasm bytes inlined in the page as base64 (a non-executed
// <script type="application/octet-stream"> data block), so the one file works
// opened from file:// with no network at all.

import { define, setEngineProvider, EntityScreenElement } from './entity-screen.js';
import { engineFor } from './engine.js';
import { defineBatch, setBatchEngineProvider, EntityScreenBatchElement } from './batch/element.js';

const provider = () => engineFor('inline', () => ({ base64: document.getElementById('entity-screen-wasm').textContent }));
setEngineProvider(provider);
setBatchEngineProvider(provider);
define();
defineBatch();
window.EntityScreenElement = EntityScreenElement;
window.EntityScreenBatchElement = EntityScreenBatchElement;
