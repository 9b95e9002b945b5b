// Entry of the embeddable ES module (dist/entity-screen.js). It defines
// <entity-screen> and tells it where the wasm is, next to this module:
//
// - entity-screen.wasm, fetched and compiled while it streams in (the
//   default; a `wasm-src` attribute can point elsewhere);
// - entity-screen.wasm.js, the same bytes as a string in a script, for pages
//   whose CSP forbids fetch (`connect-src 'none'`): loading a script is
//   allowed by `script-src`. Use `<entity-screen loader="script">`.
//
// Either way the bytes are checked against the SHA-384 the build wrote here.

import { define, setEngineProvider, EntityScreenElement } from './entity-screen.js';
import { engineFor } from './engine.js';
import { DEFAULT_STRINGS } from './strings.js';
import { defineBatch, setBatchEngineProvider, EntityScreenBatchElement } from './batch/element.js';
import { BATCH_STRINGS } from './batch/strings.js';

/* global __WASM_SRI__ */
const WASM_SRI = __WASM_SRI__;

function wasmUrl(el) {
  const src = el.getAttribute('wasm-src');
  return src ? new URL(src, document.baseURI).href : new URL('entity-screen.wasm', import.meta.url).href;
}

const scriptSource = () => ({
  script: new URL('entity-screen.wasm.js', import.meta.url).href,
  integrity: WASM_SRI,
});

// One provider for both elements: engineFor() keeps one engine (one Worker,
// one copy of the lists) per wasm source, so <entity-screen> and
// <entity-screen-batch> on a page share it.
function provider(el) {
  if ((el.getAttribute('loader') || '').toLowerCase() === 'script') return engineFor('script', scriptSource);
  const url = wasmUrl(el);
  return engineFor('fetch ' + url, () => ({ url, integrity: WASM_SRI }));
}
setEngineProvider(provider);
setBatchEngineProvider(provider);
define();
defineBatch();

export { EntityScreenElement, DEFAULT_STRINGS, EntityScreenBatchElement, BATCH_STRINGS };
