// Entry of dist/entity-screen-core.js: the core (core.js) with its default
// wasm (entity-screen.wasm, code only) and dataset (entity-screen.esd) next
// to this module, each checked against the SHA-384 the build wrote here. In
// Node the files are read from disk (node:fs), in browsers fetched whole.
//
//   import { createScreener } from 'entity-screen/core';
//   const screener = await createScreener();            // the default dataset
//   const other = await createScreener({ data: bytes }); // or a URL

import { createScreener as create, defaultThreshold as threshold } from './core.js';

/* global __WASM_SRI__, __DATA_SRI__ */
export const WASM_INTEGRITY = __WASM_SRI__;
export const DATA_INTEGRITY = __DATA_SRI__;

const defaultWasm = () => ({ url: new URL('entity-screen.wasm', import.meta.url).href, integrity: WASM_INTEGRITY });

const defaultData = () => new URL('entity-screen.esd', import.meta.url).href;

/** See core.js: {search, detail, compare, info, defaultThreshold, timings,
 * free}. Without `data`, the default dataset next to this module. */
export function createScreener(options = {}) {
  const useDefault = options.data === undefined || options.data === null;
  return create({
    ...options,
    wasm: options.wasm ?? defaultWasm(),
    data: useDefault ? defaultData() : options.data,
    dataIntegrity: useDefault ? DATA_INTEGRITY : options.dataIntegrity,
  });
}

/** The core's default minimum score. */
export function defaultThreshold(options = {}) {
  return threshold(options.wasm ?? defaultWasm());
}
