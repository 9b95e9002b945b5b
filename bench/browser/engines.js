// The engines the browser benchmark compares, each behind the same two
// calls: build(names) over every name and alias, and search(index, query,
// prefix) giving name numbers (indices into `names`) best first. The
// product's adapter lives in the page (it loads from dist/, not npm).
//
// Each peer is configured as its documentation suggests for fuzzy search of
// short names; none gets any of the product's matching logic. `prefix` is
// the case's search-as-you-type flag, given to the engines that have one.
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { Index, Charset } from 'flexsearch';
import uFuzzy from '@leeoniya/ufuzzy';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';

/** How many name hits to ask a peer for: enough for ten distinct parties
 * after parties with several matching names are merged. */
export const PEER_LIMIT = 50;

export const peers = [
  {
    name: 'Fuse.js',
    pkg: 'fuse.js',
    // A full scan per query (Bitap over every name): about a second per
    // query over these names, so it runs an evenly spread subset of the
    // cases (--slow-queries, default 100).
    slow: true,
    config: '{keys: ["t"], ignoreLocation: true, includeScore: true} (default threshold 0.6)',
    build: (names) => new Fuse(names.map((t, i) => ({ i, t })), { keys: ['t'], ignoreLocation: true, includeScore: true }),
    search: (fuse, q) => fuse.search(q, { limit: PEER_LIMIT }).map((r) => r.item.i),
  },
  {
    name: 'MiniSearch',
    pkg: 'minisearch',
    config: '{fields: ["t"]}, search {fuzzy: 0.2, prefix: case.prefix}',
    build: (names) => {
      const ms = new MiniSearch({ fields: ['t'], idField: 'i' });
      ms.addAll(names.map((t, i) => ({ i, t })));
      return ms;
    },
    search: (ms, q, prefix) => ms.search(q, { fuzzy: 0.2, prefix }).slice(0, PEER_LIMIT).map((r) => r.id),
  },
  {
    name: 'FlexSearch',
    pkg: 'flexsearch',
    config: 'Index {tokenize: "forward", encoder: Charset.LatinBalance}, search {suggest: true}',
    build: (names) => {
      const index = new Index({ tokenize: 'forward', encoder: Charset.LatinBalance });
      names.forEach((t, i) => index.add(i, t));
      return index;
    },
    search: (index, q) => index.search(q, { limit: PEER_LIMIT, suggest: true }),
  },
  {
    name: 'uFuzzy',
    pkg: '@leeoniya/ufuzzy',
    config: '{intraMode: 1} (one typo per term), search(haystack, q, outOfOrder = 1)',
    build: (names) => ({ uf: new uFuzzy({ intraMode: 1 }), haystack: names }),
    search: ({ uf, haystack }, q) => {
      const [idxs, info, order] = uf.search(haystack, q, 1);
      if (!idxs) return [];
      // Ranked only when at most 1,000 names pass the filter (its default
      // infoThresh); beyond that, in haystack order, as the library gives.
      const ranked = order ? order.map((o) => info.idx[o]) : idxs;
      return ranked.slice(0, PEER_LIMIT);
    },
  },
  {
    name: 'Orama',
    pkg: '@orama/orama',
    config: 'schema {t: "string"}, search {term, properties: ["t"], tolerance: 1}',
    build: async (names) => {
      const db = create({ schema: { t: 'string' } });
      await insertMultiple(db, names.map((t, i) => ({ id: String(i), t })), 1000);
      return db;
    },
    search: (db, q) => {
      const r = oramaSearch(db, { term: q, properties: ['t'], tolerance: 1, limit: PEER_LIMIT });
      const ids = (res) => res.hits.map((h) => Number(h.id));
      return typeof r?.then === 'function' ? r.then(ids) : ids(r);
    },
  },
];
