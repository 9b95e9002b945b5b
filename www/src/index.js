// Entry of the embeddable ES module (dist/entity-screen.js). It defines
// <entity-screen> and tells it where its two files are, next to this module:
//
// - entity-screen.wasm, the code, fetched and compiled while it streams in
//   (the default; a `wasm-src` attribute can point elsewhere);
// - entity-screen.esd, the dataset, fetched whole, in parallel (cacheable
//   on its own; a `data-src` attribute points at another dataset, with an
//   optional `data-integrity` SRI value);
// - or, for pages whose CSP forbids fetch (`connect-src 'none'`), the same
//   bytes as strings in scripts, entity-screen.wasm.js and
//   entity-screen.esd.js: loading a script is allowed by `script-src`. Use
//   `<entity-screen loader="script">`.
//
// The default files are checked against the SHA-384s the build wrote here.

import { define, setEngineProvider, EntityScreenElement } from './entity-screen.js';
import { engineFor } from './engine.js';
import { DEFAULT_STRINGS } from './strings.js';
import { defineBatch, setBatchEngineProvider, EntityScreenBatchElement } from './batch/element.js';
import { BATCH_STRINGS } from './batch/strings.js';

/* global __WASM_SRI__, __DATA_SRI__ */
const WASM_SRI = __WASM_SRI__;
const DATA_SRI = __DATA_SRI__;

const here = (file) => new URL(file, import.meta.url).href;
const attrUrl = (el, name) => {
  const v = el.getAttribute(name);
  return v ? new URL(v, document.baseURI).href : null;
};

// One provider for both elements: engineFor() keeps one engine (one Worker,
// one copy of the lists) per wasm and data source, so <entity-screen> and
// <entity-screen-batch> on a page share it.
function provider(el) {
  const script = (el.getAttribute('loader') || '').toLowerCase() === 'script';
  const dataSrc = attrUrl(el, 'data-src');
  const dataIntegrity = el.getAttribute('data-integrity') || undefined;
  // A site's own dataset is fetched (it has no script form); the default one
  // comes in the same form as the wasm.
  const data = dataSrc
    ? { url: dataSrc, integrity: dataIntegrity }
    : script
      ? { script: here('entity-screen.esd.js'), integrity: DATA_SRI }
      : { url: here('entity-screen.esd'), integrity: DATA_SRI };
  const wasm = script
    ? { script: here('entity-screen.wasm.js'), integrity: WASM_SRI }
    : { url: attrUrl(el, 'wasm-src') || here('entity-screen.wasm'), integrity: WASM_SRI };
  const key = JSON.stringify([wasm, data]);
  return engineFor(key, () => wasm, () => data);
}
setEngineProvider(provider);
setBatchEngineProvider(provider);
define();
defineBatch();

export { EntityScreenElement, DEFAULT_STRINGS, EntityScreenBatchElement, BATCH_STRINGS };
