// The cold-start peer page (bundled by scripts/bench-browser into
// target/bench/minisearch-cold.js): a plain page that fetches the same names
// as JSON on load, indexes them with MiniSearch on the main thread, and shows
// the first ten hits as the user types. It dispatches `bench-results`
// ({query, count}) each time it renders, as the widget does with
// `entity-screen-results`.
import MiniSearch from 'minisearch';

const input = document.querySelector('input');
const list = document.querySelector('ul');
let ms = null;
let data = null;

function render() {
  if (!ms) return;
  const q = input.value.trim();
  const hits = q ? ms.search(q, { fuzzy: 0.2, prefix: true }).slice(0, 10) : [];
  list.replaceChildren(
    ...hits.map((h) => {
      const li = document.createElement('li');
      li.setAttribute('role', 'option');
      const [party, name] = data.names[h.id];
      li.textContent = `${name} (${data.parties[party][0]})`;
      return li;
    }),
  );
  input.setAttribute('aria-expanded', String(hits.length > 0));
  document.dispatchEvent(new CustomEvent('bench-results', { detail: { query: q, count: hits.length } }));
}

input.addEventListener('input', render);
data = await (await fetch('/bench-data/names.json')).json();
const index = new MiniSearch({ fields: ['t'], idField: 'i' });
index.addAll(data.names.map(([, t], i) => ({ i, t })));
ms = index;
render();
