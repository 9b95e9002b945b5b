// The screening run: sends the rows to the engine (the Worker) in chunks,
// reports progress with an estimate of the time left, and stops between
// chunks when cancelled. The page's main thread only receives each chunk's
// results, so it stays responsive whatever the size of the list.

/** Rows per request: small enough that a chunk's results arrive often (a
 * smooth progress bar, a prompt cancel), large enough that messaging costs
 * little next to the screening. */
export const CHUNK_ROWS = 250;

export class Cancelled extends Error {
  constructor(done) {
    super('cancelled');
    this.name = 'Cancelled';
    this.done = done;
  }
}

/**
 * Screens an input read by engine.readInput (its rows stay in the Worker)
 * and resolves to the results, in order.
 * @param {object} engine the page's Engine
 * @param {number} screener the engine's screener id
 * @param {{input: number, count: number}} prepared
 * @param {object} options search options (threshold, lists, ...)
 * @param {{onProgress?: (p: {done: number, total: number, secondsLeft: number|null}) => void, signal?: {cancelled: boolean}}} hooks
 */
export async function screenAll(engine, screener, prepared, options, hooks = {}) {
  const total = prepared.count;
  const out = [];
  const t0 = performance.now();
  hooks.onProgress?.({ done: 0, total, secondsLeft: null });
  for (let i = 0; i < total; i += CHUNK_ROWS) {
    if (hooks.signal?.cancelled) throw new Cancelled(out.length);
    const results = await engine.screenInput(screener, prepared.input, i, Math.min(total, i + CHUNK_ROWS), options);
    for (const r of results) out.push(r);
    const elapsed = (performance.now() - t0) / 1000;
    const done = out.length;
    const secondsLeft = done < total && elapsed > 0.5 ? (elapsed / done) * (total - done) : null;
    hooks.onProgress?.({ done, total, secondsLeft });
  }
  return out;
}

/** The progress bar: role="progressbar" with rows done, total and time left. */
export class Progress {
  constructor(s, h) {
    this.s = s;
    this.fill = h('div', { class: 'esb-bar-fill' });
    this.bar = h(
      'div',
      { class: 'esb-bar', role: 'progressbar', 'aria-label': s.progressLabel, 'aria-valuemin': '0', 'aria-valuemax': '1', 'aria-valuenow': '0' },
      this.fill,
    );
    this.text = h('p', { class: 'esb-progress-text', 'aria-live': 'polite' });
    this.root = h('div', { class: 'esb-progress', hidden: '' }, this.bar, this.text);
    this.lastAnnounce = 0;
  }

  show(on) {
    this.root.hidden = !on;
  }

  update({ done, total, secondsLeft }) {
    this.bar.setAttribute('aria-valuemax', String(total));
    this.bar.setAttribute('aria-valuenow', String(done));
    const left = secondsLeft == null ? '' : this.s.seconds(secondsLeft);
    const text = this.s.progress(done, total, left);
    this.bar.setAttribute('aria-valuetext', text);
    // CSSOM, not a style attribute: allowed under a strict style-src CSP.
    this.fill.style.transform = `scaleX(${total ? done / total : 0})`;
    // The live region speaks at most every 2 s, and at the end.
    const now = performance.now();
    if (done === total || now - this.lastAnnounce > 2000) {
      this.text.textContent = text;
      this.lastAnnounce = now;
    }
  }

  message(text) {
    this.text.textContent = text;
  }
}
