// Entry of the embeddable ES module (dist/entity-screen.js). It defines
// <entity-screen> and tells it where the wasm is: next to this module, either
// as entity-screen.wasm (fetched, compiled while streaming; the default) or as
// entity-screen.wasm.js (the same bytes as a JS module, for pages whose CSP
// forbids fetch with `connect-src 'none'`: `<entity-screen loader="script">`).
// Both are checked against the SHA-384 the build wrote into this file.

import { define, setEngineProvider, EntityScreenElement } from './entity-screen.js';
import { engineFor } from './engine.js';
import { DEFAULT_STRINGS } from './strings.js';

/* global __WASM_SRI__ */
const WASM_SRI = __WASM_SRI__;

const sources = {
  fetch: () => ({ url: new URL('entity-screen.wasm', import.meta.url).href, integrity: WASM_SRI }),
  script: async () => {
    const m = await import(new URL('entity-screen.wasm.js', import.meta.url).href);
    return { base64: m.default, integrity: WASM_SRI };
  },
};

setEngineProvider((loader) => {
  const name = loader === 'script' ? 'script' : 'fetch';
  return engineFor(name, sources[name]);
});
define();

export { EntityScreenElement, DEFAULT_STRINGS };
