// Decompressing .xz (LZMA2) in a browser or Node, for the standalone page
// only: xz-embedded compiled to WebAssembly (npm xz-decompress, MIT; its
// ~16 KB of wasm is inlined in its JS as base64 and instantiated from those
// bytes, so it needs 'wasm-unsafe-eval' like our own wasm and makes no
// request). The standalone page inlines its two dataset parts as xz -9e,
// which is 470 KB smaller than gzip -9 for them; the builds served over HTTP
// keep gzip and DecompressionStream, and never bundle this module.
// The standalone entries register unxz (registerDecompressor('xz', unxz),
// wasm-load.js), which lets loadBytes take {xzBase122} sources.

import xzPackage from 'xz-decompress';
import { concatBytes } from './wasm-load.js';

const { XzReadableStream } = xzPackage;

/** How long unxz decodes before it lets the thread's other tasks run. */
const SLICE_MS = 8;

/** Resolves after the tasks already queued (a MessageChannel message: no
 * 4 ms clamp, as nested setTimeouts have). */
function yieldToTasks() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * The bytes an .xz stream holds; rejects on a truncated or corrupt one.
 * The decoder's reads resolve as microtasks, so without a break a whole
 * stream would decode as one task: the details part's ~150 ms would then
 * hold up the Worker's other work queued meanwhile (the wasm compiled, the
 * search part's screener built, its answer sent). So every SLICE_MS it
 * yields to the task queue.
 */
export async function unxz(bytes) {
  // A ReadableStream of our own, as for gunzip in wasm-load.js (WebKit's
  // Workers started from a file:// page cannot read Blob streams).
  const input = new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  const reader = new XzReadableStream(input).getReader();
  const chunks = [];
  let slice = performance.now();
  try {
    for (;;) {
      if (performance.now() - slice > SLICE_MS) {
        await yieldToTasks();
        slice = performance.now();
      }
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
  } catch (e) {
    throw new Error(`the inlined xz data could not be decompressed: ${(e && e.message) || e}`);
  }
  return concatBytes(chunks);
}
