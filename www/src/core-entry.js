// Entry of dist/entity-screen-core.js: the core (core.js) with its default
// wasm (entity-screen.wasm, code only) and dataset next to this module, each
// checked against the SHA-384 the build wrote here. The dataset is two
// files: entity-screen.esd (search) and entity-screen.details.esd (the full
// records), requested together. In Node the files are read from disk
// (node:fs), in browsers fetched whole.
//
//   import { createScreener } from 'entity-screen/core';
//   const screener = await createScreener();            // the default dataset
//   const other = await createScreener({ data: bytes, details: detailBytes }); // or URLs

import { createScreener as create, defaultThreshold as threshold } from './core.js';
import { detailsUrlFor } from './wasm-load.js';

/* global __WASM_SRI__, __DATA_SRI__, __DETAILS_SRI__ */
export const WASM_INTEGRITY = __WASM_SRI__;
export const DATA_INTEGRITY = __DATA_SRI__;
export const DETAILS_INTEGRITY = __DETAILS_SRI__;

const defaultWasm = () => ({ url: new URL('entity-screen.wasm', import.meta.url).href, integrity: WASM_INTEGRITY });

const here = (file) => new URL(file, import.meta.url).href;

const isUrl = (v) => typeof v === 'string' || v instanceof URL;
const none = (v) => v === undefined || v === null;

/**
 * See core.js: {search, detail, hasDetails, details, compare, info,
 * defaultThreshold, timings, free}. Without `data`, the default dataset next
 * to this module (both files). With `data` a URL and no `details`, the
 * details file next to it (`x.esd` -> `x.details.esd`); with `data` bytes and
 * no `details`, none (fine for a full dataset file). `details: false` asks
 * for no details file at all.
 */
export function createScreener(options = {}) {
  const useDefault = none(options.data);
  let details = options.details;
  let detailsIntegrity = options.detailsIntegrity;
  if (details === false) details = null;
  else if (useDefault && none(details)) {
    details = here('entity-screen.details.esd');
    detailsIntegrity = DETAILS_INTEGRITY;
  } else if (none(details) && isUrl(options.data)) details = detailsUrlFor(String(options.data));
  return create({
    ...options,
    wasm: options.wasm ?? defaultWasm(),
    data: useDefault ? here('entity-screen.esd') : options.data,
    dataIntegrity: useDefault ? DATA_INTEGRITY : options.dataIntegrity,
    details,
    detailsIntegrity,
  });
}

/** The core's default minimum score. */
export function defaultThreshold(options = {}) {
  return threshold(options.wasm ?? defaultWasm());
}
