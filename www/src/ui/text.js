// Pure text logic of the widget, with no DOM: which URLs may become links,
// how highlight ranges split a name, where Federal Register citations are.
// The DOM side (ui/dom.js) turns the segments into text nodes and <mark>s.

/** An http(s) URL as its normalised href, or null for anything else (a
 * `javascript:` or `data:` URL in the data is then shown as text). */
export function safeHref(text) {
  try {
    const url = new URL(String(text).trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch (e) {
    return null;
  }
}

/**
 * Splits `text` at the [start, end) UTF-16 ranges the core returns into
 * segments `{text, mark}`. Ranges are clamped to the text, sorted, and
 * overlapping ones merged; empty or inverted ranges are ignored. The
 * segments' texts always join back to `text`.
 */
export function highlightSegments(text, ranges) {
  text = String(text ?? '');
  const clamp = (n) => Math.max(0, Math.min(Number(n) || 0, text.length));
  const sorted = (Array.isArray(ranges) ? ranges : [])
    .filter((r) => Array.isArray(r) && r.length >= 2)
    .map(([s, e]) => [clamp(s), clamp(e)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const out = [];
  let at = 0;
  for (const [s, e] of sorted) {
    const start = Math.max(s, at);
    if (e <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    // Adjacent or overlapping with the previous mark: extend it.
    const last = out[out.length - 1];
    if (last && last.mark && start === at) last.text += text.slice(start, e);
    else out.push({ text: text.slice(start, e), mark: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/**
 * Splits a Federal Register field ("86 FR 60760, 11/04/21") into text
 * segments and citation segments `{text, citation, href}`, where `href` is
 * the citation's page at federalregister.gov.
 */
export function federalRegisterSegments(value) {
  value = String(value ?? '');
  const re = /(\d{1,3})\s*FR\s*(\d{1,6})/g;
  const out = [];
  let at = 0;
  let m;
  while ((m = re.exec(value))) {
    if (m.index > at) out.push({ text: value.slice(at, m.index) });
    out.push({
      text: m[0],
      citation: `${m[1]} FR ${m[2]}`,
      href: `https://www.federalregister.gov/citation/${m[1]}-FR-${m[2]}`,
    });
    at = m.index + m[0].length;
  }
  if (at < value.length) out.push({ text: value.slice(at) });
  return out;
}

/** List codes from a `lists` attribute ("EL,SDN" or "el sdn"), upper-cased,
 * as a Set; null (all lists) when the attribute is missing or empty. */
export function parseListCodes(attr) {
  if (!attr || !String(attr).trim()) return null;
  return new Set(
    String(attr)
      .split(/[\s,]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean),
  );
}

/** An address line with its country's name after it, unless the line
 * already ends with that name (the Entity List writes "..., Jiangsu
 * Province, China", and its country field says China again), a closing
 * "(See alternate addresses under ...)" note aside. */
export function addressLine(text, countryName) {
  const line = text || '';
  if (!countryName) return line;
  const core = line
    .replace(/\s*\([^()]*\)[\s.]*$/, '')
    .replace(/[\s.,;]+$/, '')
    .toLowerCase();
  const name = countryName.toLowerCase();
  const before = core.length - name.length - 1;
  if (core.endsWith(name) && (before < 0 || !/\p{L}/u.test(core[before]))) return line;
  return line ? `${line}, ${countryName}` : countryName;
}
