// The fixed parts of the shadow root: the styles, the labelled combobox
// input with its clear button and spinner, the status line (the polite live
// region), the listbox, the stale warning and the footer (with the "save
// this result" button). The element puts them in order with the filter
// panel and the dialog; the label text and placeholder come from the
// light-DOM fallback markup when it has them.

import { h, icon } from './dom.js';

/** The widget's CSS as a constructed stylesheet where supported (not
 * subject to the page's style-src), else a <style>. */
export function adoptStyles(root, css) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(h('style', { textContent: css }));
  }
}

/** Builds the parts; `host` is the element (read for its fallback label,
 * placeholder and any value typed before the script ran), `u` the id prefix. */
export function buildParts(host, u) {
  const lightLabel = host.querySelector('label');
  const lightInput = host.querySelector('input');
  const ui = {};
  ui.lightLabelText = lightLabel ? (lightLabel.textContent || '').trim() : '';
  ui.lightPlaceholder = lightInput ? lightInput.getAttribute('placeholder') || '' : '';
  ui.label = h('label', { class: 'es-label', for: u + 'input', part: 'label' });
  ui.input = h('input', {
    id: u + 'input',
    class: 'es-input',
    part: 'input',
    type: 'search',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': u + 'listbox',
    'aria-describedby': u + 'status ' + u + 'privacy',
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
  });
  if (lightInput && lightInput.value) ui.input.value = lightInput.value;
  ui.clear = h('button', { type: 'button', class: 'es-clear', hidden: true }, icon('close'));
  ui.spinner = h('span', { class: 'es-spinner', 'aria-hidden': 'true', hidden: true });
  ui.form = h(
    'form',
    { role: 'search', class: 'es-form', novalidate: true },
    ui.label,
    h('div', { class: 'es-field' }, icon('search', 'es-field-icon'), ui.input, ui.spinner, ui.clear),
  );
  ui.warning = h('div', { class: 'es-warning', part: 'warning', role: 'note', hidden: true });
  ui.status = h('div', { id: u + 'status', class: 'es-status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  ui.hint = h('p', { class: 'es-hint es-empty-hint', hidden: true });
  ui.listbox = h('ul', { id: u + 'listbox', class: 'es-results', role: 'listbox', part: 'results', hidden: true });
  ui.privacy = h('p', { id: u + 'privacy', class: 'es-privacy' });
  ui.dataNote = h('p', { class: 'es-data' });
  ui.save = h('button', { type: 'button', class: 'es-save', 'aria-describedby': u + 'save-hint' });
  ui.saveHint = h('span', { id: u + 'save-hint', class: 'es-save-hint' });
  ui.saveBox = h('p', { class: 'es-save-box', hidden: true }, ui.save, ' ', ui.saveHint);
  ui.footer = h('div', { class: 'es-footer', part: 'footer' }, ui.saveBox, ui.privacy, ui.dataNote);
  return ui;
}
