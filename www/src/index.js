// Entry of the embeddable ES module (dist/entity-screen.js). It defines
// <entity-screen> and tells it where its three files are, next to this
// module, all requested together when it loads (never depending on a query):
//
// - entity-screen.wasm, the code, fetched and compiled while it streams in
//   (the default; a `wasm-src` attribute can point elsewhere);
// - entity-screen.esd, the dataset's search part, fetched whole (cacheable
//   on its own; a `data-src` attribute points at another dataset, with an
//   optional `data-integrity` SRI value): search works once it is in;
// - entity-screen.details.esd, the dataset's full records, fetched whole in
//   parallel and attached when it arrives (`details-src`, `details-integrity`;
//   by default the data-src URL with `.esd` -> `.details.esd`; `none` when
//   the data-src file is a full dataset);
// - or, for pages whose CSP forbids fetch (`connect-src 'none'`), the same
//   bytes as strings in scripts, entity-screen.wasm.js,
//   entity-screen.esd.js and entity-screen.details.esd.js: loading a script
//   is allowed by `script-src`. Use `<entity-screen loader="script">`.
//
// Two whole files rather than one streamed file with two sections: SRI is
// checked on a whole body only, so a streamed file could not be searched
// before its integrity is known.
//
// The default files are checked against the SHA-384s the build wrote here.

import { define, setEngineProvider, EntityScreenElement } from './entity-screen.js';
import { engineFor } from './engine.js';
import { detailsUrlFor } from './wasm-load.js';
import { DEFAULT_STRINGS } from './strings.js';
import { defineBatch, setBatchEngineProvider, EntityScreenBatchElement } from './batch/element.js';
import { BATCH_STRINGS } from './batch/strings.js';

/* global __WASM_SRI__, __DATA_SRI__, __DETAILS_SRI__ */
const WASM_SRI = __WASM_SRI__;
const DATA_SRI = __DATA_SRI__;
const DETAILS_SRI = __DETAILS_SRI__;

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
  const details = detailsFor(el, dataSrc, script);
  const wasm = script
    ? { script: here('entity-screen.wasm.js'), integrity: WASM_SRI }
    : { url: attrUrl(el, 'wasm-src') || here('entity-screen.wasm'), integrity: WASM_SRI };
  const key = JSON.stringify([wasm, data, details]);
  return engineFor(key, () => wasm, () => data, () => details);
}

/** The details file's source: `details-src` (`none`: no file, the data-src
 * file is a full dataset), else next to a data-src (`x.esd` ->
 * `x.details.esd`), else the default one next to this module. */
function detailsFor(el, dataSrc, script) {
  const own = (el.getAttribute('details-src') || '').trim();
  const integrity = el.getAttribute('details-integrity') || undefined;
  if (own.toLowerCase() === 'none') return null;
  if (own) return { url: new URL(own, document.baseURI).href, integrity };
  if (dataSrc) {
    const url = detailsUrlFor(dataSrc);
    return url ? { url, integrity } : null;
  }
  return script
    ? { script: here('entity-screen.details.esd.js'), integrity: DETAILS_SRI }
    : { url: here('entity-screen.details.esd'), integrity: DETAILS_SRI };
}
setEngineProvider(provider);
setBatchEngineProvider(provider);
define();
defineBatch();

export { EntityScreenElement, DEFAULT_STRINGS, EntityScreenBatchElement, BATCH_STRINGS };
