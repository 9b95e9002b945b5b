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

setEngineProvider((el) => {
  if ((el.getAttribute('loader') || '').toLowerCase() === 'script') return engineFor('script', scriptSource);
  const url = wasmUrl(el);
  return engineFor('fetch ' + url, () => ({ url, integrity: WASM_SRI }));
});
define();

export { EntityScreenElement, DEFAULT_STRINGS };
