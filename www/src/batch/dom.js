// The one DOM helper of the batch element: elements from a tag, attributes
// and children. Text only ever goes in through textContent (the `textContent`
// key) or text nodes, never as markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'textContent') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

/** Yields to the event loop so no main-thread task runs long. */
export function yieldToPage() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
