// Entry of dist/standalone.html: the same widget as a classic script, with the
// wasm bytes inlined in the page as base64 (a non-executed
// <script type="application/octet-stream"> data block), so the one file works
// opened from file:// with no network at all.

import { define, setEngineProvider, EntityScreenElement } from './entity-screen.js';
import { engineFor } from './engine.js';

setEngineProvider(() =>
  engineFor('inline', () => ({ base64: document.getElementById('entity-screen-wasm').textContent })),
);
define();
window.EntityScreenElement = EntityScreenElement;
