// Types of the element bundle (dist/entity-screen.js): importing it defines
// <entity-screen>.

import type { Comparison, DatasetInfo, Detail, Match } from './core.js';
import type { EntityScreenStrings, EntityScreenStringsOverride } from './strings.js';

export type { Comparison, DatasetInfo, Detail, Match, SearchOptions, PartyRecord, ListInfo } from './core.js';
export type { EntityScreenStrings, EntityScreenStringsOverride, Plural } from './strings.js';

/** The element's attributes (all optional, all strings in HTML). */
export interface EntityScreenAttributes {
  /** Warn when a searched list is older than this many days (default 365). */
  'max-age-days'?: string | number;
  /** Initial minimum score, 0 to 1 (default: the core's). */
  threshold?: string | number;
  /** Initial lists, codes separated by commas or spaces ("EL,SDN"). */
  lists?: string;
  /** At most this many results (default 10). */
  limit?: string | number;
  /** When to load the wasm (default "focus"). */
  load?: 'focus' | 'idle' | 'eager';
  /** "script" for pages whose CSP forbids fetch (default "fetch"). */
  loader?: 'fetch' | 'script';
  /** Another URL for entity-screen.wasm (its hash must still match). */
  'wasm-src'?: string;
  /** Another dataset's search file (or a full dataset file), fetched whole
   * (default: entity-screen.esd next to the module). */
  'data-src'?: string;
  /** An SRI value the data-src file must match. */
  'data-integrity'?: string;
  /** Its details file, fetched whole at the same time (default: the
   * data-src URL with `.esd` -> `.details.esd`, or entity-screen.details.esd
   * next to the module; "none" when data-src is a full dataset file). */
  'details-src'?: string;
  /** An SRI value the details-src file must match. */
  'details-integrity'?: string;
}

/** Search works (the details file may still be on its way). */
export interface EntityScreenReadyDetail {
  info: DatasetInfo;
  timings: { compile: number; instantiate: number; construct: number };
  /** Where the wasm runs: in a Worker, or on the page (CSP refused blob: workers). */
  mode: 'worker' | 'page';
}

/** The details file is in and attached: detail views open at once. */
export interface EntityScreenDetailsDetail {
  timings: { compile: number; instantiate: number; construct: number; attachDetails?: number };
}

export interface EntityScreenResultsDetail {
  query: string;
  matches: Match[];
}

/** "Save this result": `audit` and `rows` exactly as in a batch's JSON
 * export (one row), and the result in one sentence. */
export interface SearchRecord {
  statement: string;
  audit: Record<string, unknown> & {
    generated_at: string;
    software: { name: string; version: string };
    dataset: { label: string; sha256: string };
    lists: { code: string; name: string; agency: string; as_of: string; count: number }[];
    threshold: number;
  };
  rows: {
    row: number;
    query: string;
    status: 'no match' | 'possible' | 'strong' | 'exact' | 'error';
    score: number | null;
    matches: { id: string; name: string; matched_name: string; matched_alias: boolean; score: number; lists: string[]; type: string; countries: string[]; reasons: string[] }[];
    problem: string | null;
    listing: string;
    decision: null;
  }[];
}

export class EntityScreenElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Strings for every widget on the page (merged over the defaults). */
  static strings: EntityScreenStringsOverride;
  static readonly defaultStrings: EntityScreenStrings;

  /** Strings for this widget (merged over the page's and the defaults). */
  strings: EntityScreenStringsOverride;
  /** The dataset's info once loaded, else null. */
  readonly info: DatasetInfo | null;
  /** The current query's matches: search summaries, no full records (see
   * detail()). (Not `matches`, which stays Element.prototype.matches(selector).) */
  readonly results: Match[];

  /** A party's full records by the `key` of its summary (null for a key no
   * party has); resolves once the details file (requested at load) is in. */
  detail(key: number): Promise<Detail | null>;

  /** Types the query and searches; resolves to the matches (null when a
   * newer search superseded this one). */
  search(query: string): Promise<Match[] | null>;
  /** Starts loading the wasm now (it otherwise loads on first focus). */
  load(): Promise<void>;
  /** Scores two names against each other. */
  compare(a: string, b: string): Promise<Comparison>;
  /** Replaces the dataset with one from a full dataset file's bytes, or a
   * search file's and its details file's; resolves to its info. */
  loadDataset(bytes: ArrayBuffer | Uint8Array, details?: ArrayBuffer | Uint8Array): Promise<DatasetInfo>;
  /** The record of the shown search for a compliance file (null when none is shown). */
  resultRecord(): Promise<SearchRecord | null>;
  /** Offers resultRecord() as a JSON download (a blob: URL, no network); resolves to it. */
  saveResult(): Promise<SearchRecord | null>;

  addEventListener<K extends keyof EntityScreenEventMap>(
    type: K,
    listener: (this: EntityScreenElement, ev: EntityScreenEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

/** The element's events; both bubble and are composed. */
export interface EntityScreenEventMap extends HTMLElementEventMap {
  'entity-screen-ready': CustomEvent<EntityScreenReadyDetail>;
  'entity-screen-details': CustomEvent<EntityScreenDetailsDetail>;
  'entity-screen-results': CustomEvent<EntityScreenResultsDetail>;
}

export const DEFAULT_STRINGS: EntityScreenStrings;

declare global {
  interface HTMLElementTagNameMap {
    'entity-screen': EntityScreenElement;
  }
  interface HTMLElementEventMap {
    'entity-screen-ready': CustomEvent<EntityScreenReadyDetail>;
    'entity-screen-details': CustomEvent<EntityScreenDetailsDetail>;
    'entity-screen-results': CustomEvent<EntityScreenResultsDetail>;
  }
}
