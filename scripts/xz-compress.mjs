// .xz compression for standalone.html's inlined dataset parts (used by
// scripts/build-web.mjs; decoded in the browser by www/src/xz.js), with the
// system `xz` (xz-utils; scripts/setup installs it where it is missing).
// The settings are spelled out so the bytes are the same on every run and
// machine of one xz version:
// - one thread: xz 5.6 defaults to several, which splits the input into
//   independent blocks (and compresses worse);
// - a dictionary just big enough for the input: the decoder allocates what
//   the header says, and -9's is 64 MiB;
// - a CRC32 (xz-embedded checks it; the SHA-384 of the bytes is checked
//   after it anyway).
import { execFileSync } from 'node:child_process';

/** The .xz (LZMA2, preset 9e) of `bytes`, as a Buffer. */
export function xzCompress(bytes) {
  let dict = 1 << 12;
  while (dict < bytes.length) dict *= 2;
  return execFileSync('xz', ['--format=xz', '--check=crc32', '-T1', `--lzma2=preset=9e,dict=${dict}`, '--stdout'], {
    input: bytes,
    maxBuffer: 2 * bytes.length + (1 << 20),
  });
}
