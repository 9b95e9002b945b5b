// Small DOM helpers shared by the widget's parts. Everything that puts text
// from data or the user into the page goes through `h` (textContent or
// attribute values) or `segmentsToNodes` (text nodes and <mark>s): nothing
// here ever parses a string as HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Builds an element. `attrs` are set with setAttribute (or as the property
 * for `textContent`); children are nodes or strings (text nodes). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'textContent') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

/** Text segments ({text, mark}) as text nodes and <mark> elements. */
export function segmentsToNodes(segments) {
  return segments.map((s) => (s.mark ? h('mark', { textContent: s.text }) : document.createTextNode(s.text)));
}

/** A 16x16 icon from one path of ICONS; decorative. */
export function icon(name, cls) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'es-icon' + (cls ? ' ' + cls : ''));
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICONS[name]);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}

/** An outside link the user may click: http(s) only (the caller checks with
 * safeHref), opened in a new context with no opener and no referrer. */
export function link(href, label) {
  return h(
    'a',
    { href, target: '_blank', rel: 'noopener noreferrer', referrerpolicy: 'no-referrer', class: 'es-link' },
    label,
    icon('external', 'es-link-icon'),
  );
}

const ICONS = {
  search:
    'M10.68 11.74a6 6 0 0 1-7.92-8.98 6 6 0 0 1 8.98 7.92l3.04 3.04a.75.75 0 0 1-1.06 1.06l-3.04-3.04ZM11.5 7a4.5 4.5 0 1 0-9 0 4.5 4.5 0 0 0 9 0Z',
  lock: 'M4 4a4 4 0 0 1 8 0v2h.25c.97 0 1.75.78 1.75 1.75v5.5A1.75 1.75 0 0 1 12.25 15h-8.5A1.75 1.75 0 0 1 2 13.25v-5.5C2 6.78 2.78 6 3.75 6H4Zm6.5 2V4a2.5 2.5 0 1 0-5 0v2ZM3.75 7.5a.25.25 0 0 0-.25.25v5.5c0 .14.11.25.25.25h8.5a.25.25 0 0 0 .25-.25v-5.5a.25.25 0 0 0-.25-.25Z',
  alert:
    'M6.46 1.78a1.75 1.75 0 0 1 3.08 0l5.53 10.02A1.75 1.75 0 0 1 13.53 14.5H2.47a1.75 1.75 0 0 1-1.54-2.7ZM8 5a.75.75 0 0 0-.75.75v2.5a.75.75 0 0 0 1.5 0v-2.5A.75.75 0 0 0 8 5Zm1 6a1 1 0 1 0-2 0 1 1 0 0 0 2 0Z',
  close:
    'M3.72 3.72a.75.75 0 0 1 1.06 0L8 6.94l3.22-3.22a.75.75 0 1 1 1.06 1.06L9.06 8l3.22 3.22a.75.75 0 1 1-1.06 1.06L8 9.06l-3.22 3.22a.75.75 0 0 1-1.06-1.06L6.94 8 3.72 4.78a.75.75 0 0 1 0-1.06Z',
  chevron:
    'M6.22 3.22a.75.75 0 0 1 1.06 0l4.25 4.25a.75.75 0 0 1 0 1.06l-4.25 4.25a.75.75 0 0 1-1.06-1.06L9.94 8 6.22 4.28a.75.75 0 0 1 0-1.06Z',
  filter:
    'M.75 3h14.5a.75.75 0 0 1 0 1.5H.75a.75.75 0 0 1 0-1.5ZM3 7.75A.75.75 0 0 1 3.75 7h8.5a.75.75 0 0 1 0 1.5h-8.5A.75.75 0 0 1 3 7.75Zm3 4a.75.75 0 0 1 .75-.75h2.5a.75.75 0 0 1 0 1.5h-2.5a.75.75 0 0 1-.75-.75Z',
  external:
    'M3.75 2h3.5a.75.75 0 0 1 0 1.5h-3.5a.25.25 0 0 0-.25.25v8.5c0 .14.11.25.25.25h8.5a.25.25 0 0 0 .25-.25v-3.5a.75.75 0 0 1 1.5 0v3.5A1.75 1.75 0 0 1 12.25 14h-8.5A1.75 1.75 0 0 1 2 12.25v-8.5C2 2.78 2.78 2 3.75 2Zm6.85-.5h3.65c.14 0 .25.11.25.25V5.4a.25.25 0 0 1-.43.17L12.7 4.2 9.28 7.78a.75.75 0 0 1-1.06-1.06L11.63 3.3l-1.2-1.37a.25.25 0 0 1 .17-.43Z',
};
