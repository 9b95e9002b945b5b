// Entry of the Worker. The build bundles this (with the wasm-bindgen glue) into
// one classic script, which engine.js starts from a blob: URL, so the widget
// needs no second file and works from any origin and from file://.

import { createHost } from './host.js';

const handle = createHost();
self.onmessage = async (event) => {
  self.postMessage(await handle(event.data));
};
