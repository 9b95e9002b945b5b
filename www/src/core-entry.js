// Entry of dist/entity-screen-core.js: the core (core.js) with its default
// wasm next to this module, checked against the SHA-384 the build wrote
// here. In Node the file is read from disk (node:fs), in browsers fetched.
//
//   import { createScreener } from 'entity-screen/core';
//   const screener = await createScreener();            // embedded dataset
//   const other = await createScreener({ data: bytes }); // or a URL

import { createScreener as create, defaultThreshold as threshold } from './core.js';

/* global __WASM_SRI__ */
export const WASM_INTEGRITY = __WASM_SRI__;

const defaultWasm = () => ({ url: new URL('entity-screen.wasm', import.meta.url).href, integrity: WASM_INTEGRITY });

/** See core.js: {search, detail, compare, info, defaultThreshold, timings, free}. */
export function createScreener(options = {}) {
  return create({ ...options, wasm: options.wasm ?? defaultWasm() });
}

/** The core's default minimum score. */
export function defaultThreshold(options = {}) {
  return threshold(options.wasm ?? defaultWasm());
}
