// The WAI-ARIA combobox: a text input that controls a listbox popup.
// It owns aria-expanded, aria-activedescendant and the options'
// aria-selected, and the keys: ArrowDown/ArrowUp move (wrapping), Home/End
// jump while an option is active, Enter picks the active option (or submits),
// Escape closes the popup, then clears the input. Keys pressed while an IME
// composes belong to the IME, and input events during composition wait for
// its end. What the options say is results.js's business.

export class Combobox {
  /**
   * @param {HTMLInputElement} input
   * @param {HTMLElement} listbox its children with role="option" are the options
   * @param {{onInput: () => void, onPick: (i: number) => void, onSubmit: () => void, onClear: () => void}} handlers
   */
  constructor(input, listbox, handlers) {
    this.input = input;
    this.listbox = listbox;
    this.handlers = handlers;
    this.expanded = false;
    this.active = -1;
    this.composing = false;

    input.addEventListener('input', (e) => {
      if (this.composing || e.isComposing) return;
      handlers.onInput();
    });
    input.addEventListener('keydown', (e) => this.#onKeyDown(e));
    input.addEventListener('compositionstart', () => {
      this.composing = true;
    });
    input.addEventListener('compositionend', () => {
      this.composing = false;
      handlers.onInput();
    });
    // A click on an option must not blur the input first.
    listbox.addEventListener('mousedown', (e) => e.preventDefault());
    listbox.addEventListener('click', (e) => {
      const option = e.target.closest('[role="option"]');
      if (option) handlers.onPick(Number(option.dataset.index));
    });
  }

  options() {
    return this.listbox.querySelectorAll('[role="option"]');
  }

  get count() {
    return this.options().length;
  }

  /** Opens the popup (only when it has options) or closes it. */
  setExpanded(on) {
    this.expanded = !!on && this.count > 0;
    this.input.setAttribute('aria-expanded', String(this.expanded));
    this.listbox.hidden = !this.expanded;
    if (!this.expanded) this.setActive(-1);
  }

  /** Makes option `i` the active one (-1: none) and scrolls it into view. */
  setActive(i) {
    const options = this.options();
    options.forEach((o, j) => o.setAttribute('aria-selected', String(j === i)));
    this.active = i >= 0 && i < options.length ? i : -1;
    if (this.active >= 0) {
      this.input.setAttribute('aria-activedescendant', options[i].id);
      options[i].scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  #onKeyDown(e) {
    if (e.isComposing || e.keyCode === 229 || this.composing) return;
    const n = this.count;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!n) return;
        e.preventDefault();
        if (!this.expanded) this.setExpanded(true);
        const down = e.key === 'ArrowDown';
        const next = down ? (this.active + 1 >= n ? 0 : this.active + 1) : this.active <= 0 ? n - 1 : this.active - 1;
        this.setActive(next);
        break;
      }
      case 'Home':
      case 'End':
        if (!n || !this.expanded || this.active < 0) return;
        e.preventDefault();
        this.setActive(e.key === 'Home' ? 0 : n - 1);
        break;
      case 'Enter':
        e.preventDefault();
        if (this.active >= 0 && this.expanded) this.handlers.onPick(this.active);
        else this.handlers.onSubmit();
        break;
      case 'Escape':
        if (this.expanded && n) {
          e.preventDefault();
          this.setExpanded(false);
        } else if (this.input.value) {
          e.preventDefault();
          this.handlers.onClear();
        }
        break;
      default:
    }
  }
}
