// The demo page's "Try:" buttons: fill the widget with an example query.
const widget = document.querySelector('entity-screen');
for (const chip of document.querySelectorAll('.chip[data-query]')) {
  chip.addEventListener('click', async () => {
    await customElements.whenDefined('entity-screen');
    widget.focus();
    widget.search(chip.dataset.query);
  });
}
