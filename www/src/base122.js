// Bytes as text for an HTML data block (the standalone page's inlined wasm
// and dataset): 7 bits per character, about 14 % bigger than the bytes
// where base64 is 33 % bigger. What the page holds is gzip, so its bytes are
// near random and this is the saving that counts: about 300 KB on the
// standalone page.
//
// The text sits in a <script type="application/octet-stream"> element, which
// the HTML parser reads as "script data": it turns NUL into U+FFFD and CR
// (and CR LF) into LF, and a "<" can start "</script" or "<!--". Those three
// 7-bit values are never written as themselves: each is written with the
// next 7-bit group in one character U+0100..U+03FF (two UTF-8 bytes, 14
// bits: no loss):
//   (k << 8) | (last ? 0x80 : 0) | next     k = 1 + its index in FORBIDDEN
// `last` marks a forbidden value that ends the text (there is no next group).
// Every other 7-bit value v is the character U+00vv. The bits are read most
// significant first; the zero bits that pad the last group are dropped by
// the decoder (it keeps whole bytes only). The scheme is Kevin Albertson's
// base-122, with these three characters for HTML script data.

/** The 7-bit values the HTML parser would change or act on in script data. */
export const FORBIDDEN = Object.freeze([0x00, 0x0d, 0x3c]);

/** Bytes (Uint8Array) to the text above. Used by the build (Node). */
export function toBase122(bytes) {
  const groups = [];
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 7) {
      bits -= 7;
      groups.push((acc >> bits) & 0x7f);
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) groups.push((acc << (7 - bits)) & 0x7f);
  const codes = [];
  for (let i = 0; i < groups.length; i++) {
    const k = FORBIDDEN.indexOf(groups[i]) + 1;
    if (!k) codes.push(groups[i]);
    else if (i + 1 < groups.length) codes.push((k << 8) | groups[++i]);
    else codes.push((k << 8) | 0x80);
  }
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/** The text above back to bytes. Characters outside its alphabet (which a
 * damaged page could hold) are an error, not silently other bytes. */
export function fromBase122(text) {
  // Each character carries at most 14 bits.
  const out = new Uint8Array(Math.ceil((text.length * 14) / 8));
  let n = 0;
  let acc = 0;
  let bits = 0;
  const push = (v) => {
    acc = (acc << 7) | v;
    bits += 7;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = acc >> bits;
      acc &= (1 << bits) - 1;
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      push(c);
      continue;
    }
    const k = c >> 8;
    if (k < 1 || k > FORBIDDEN.length) throw new Error(`the inlined data is damaged: character U+${c.toString(16).padStart(4, '0')} at ${i}`);
    push(FORBIDDEN[k - 1]);
    if (!(c & 0x80)) push(c & 0x7f);
  }
  return out.subarray(0, n);
}
