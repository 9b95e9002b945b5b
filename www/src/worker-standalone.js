// Entry of standalone.html's Worker: worker-main.js's Worker plus the xz
// decoder for the page's inlined dataset parts (xz.js), so the Worker of the
// builds served over HTTP (worker-main.js) carries no decoder. The same
// three lines as worker-main.js, not an import of it: www/package.json
// marks www/src modules free of side effects, so a bare import would be
// dropped by the bundler.

import { createHost } from './host.js';
import { registerDecompressor } from './wasm-load.js';
import { unxz } from './xz.js';

registerDecompressor('xz', unxz);
const handle = createHost();
self.onmessage = async (event) => {
  self.postMessage(await handle(event.data));
};
