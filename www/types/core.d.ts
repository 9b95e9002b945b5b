// Types of entity-screen/core (dist/entity-screen-core.js): the screening
// core without the UI. search() returns compact summaries; detail() the
// full records (the shapes of the CLI's `--json`).

export type ListCode = string; // "EL", "SDN", "DPL", ... (see info().lists)
export type PartyType = 'entity' | 'individual' | 'vessel' | 'aircraft';

export interface SearchOptions {
  /** At most this many matches (default 10). */
  limit?: number;
  /** Minimum score, 0 to 1 (default: the core's, info().default_threshold). */
  threshold?: number;
  /** Only these lists; an unknown code is an error. */
  lists?: ListCode[];
  /** Only these party types; an unknown type is an error. */
  types?: PartyType[];
  /** Only parties with an address in one of these ISO country codes. */
  countries?: string[];
  /** Search-as-you-type: the last word may be incomplete (default true). */
  prefix?: boolean;
}

export interface Address {
  text: string;
  /** ISO code, "" when unknown. */
  country: string;
}

export interface IdDocument {
  kind: string;
  number: string;
  country: string;
}

export interface Vessel {
  call_sign: string;
  vessel_type: string;
  gross_tonnage: string;
  gross_registered_tonnage: string;
  flag: string;
  owner: string;
}

/** A party's full record, as stored in the dataset. A text field the source
 * leaves empty is "" (not null). */
export interface PartyRecord {
  id: string;
  list: ListCode;
  type: PartyType;
  name: string;
  aliases: string[];
  addresses: Address[];
  programs: string[];
  federal_register_notice: string;
  start_date: string;
  end_date: string;
  standard_order: string;
  license_requirement: string;
  license_policy: string;
  title: string;
  remarks: string;
  ids: IdDocument[];
  dates_of_birth: string[];
  places_of_birth: string[];
  nationalities: string[];
  citizenships: string[];
  vessel: Vessel | null;
  source_list_url: string;
  source_information_url: string;
  /** "YYYY-MM-DD" where the list gives a Federal Register date, else "". */
  federal_register_date: string;
  /** CBP's status of a Withhold Release Order or Finding ("Active", ...), else "". */
  status: string;
  /** The FCC Covered List's equipment or service note, else "". */
  equipment: string;
  /** Which file (and its date) each field came from, where a listing was
   * joined from several files; empty when every field is the list's own. */
  provenance: Provenance[];
}

export interface Provenance {
  /** The record's field ("addresses", "name", ...). */
  field: string;
  /** The source file's name. */
  file: string;
  /** The file's date, "YYYY-MM-DD" or "YYYY-MM". */
  as_of: string;
}

/** One list a party is on, in a search summary (a match carries all of
 * them, most severe first). */
export interface OnList {
  code: ListCode;
  list_name: string;
  /** The party's id on that list. */
  id: string;
  name: string;
  /** That listing's number in the dataset. */
  key: number;
}

/** A same-name listing of another department, shown, not merged. */
export interface AlsoOn {
  code: ListCode;
  list_name: string;
  agency: string;
  id: string;
  name: string;
  /** Why it is shown and why it is not merged, in words. */
  reason: string;
  /** That listing's number in the dataset. */
  key: number;
}

export interface TokenPair {
  query: string;
  listed: string;
  similarity: number;
}

/** One search result: everything a result list shows, no full record
 * (get those with detail(key)). */
export interface Match {
  /** The party's number in the dataset: what detail() takes. */
  key: number;
  id: string;
  name: string;
  matched_name: string;
  matched_alias: boolean;
  /** 0 to 1. */
  score: number;
  /** The code of the most severe list the party is on (lists[0]). */
  source: ListCode;
  type: PartyType;
  /** ISO 3166-1 alpha-2 codes of the countries of all the party's listings' addresses, the matched listing's first. */
  countries: string[];
  /** The Federal Register citation ("86 FR 60760"), "" when none. */
  citation: string;
  reasons: string[];
  pairs: TokenPair[];
  /** [start, end) offsets in UTF-16 code units into matched_name. */
  highlights: [number, number][];
  /** Every list the party is on, most severe first (info().severity_order). */
  lists: OnList[];
  /** Same-name listings of another department, with the reason. */
  also_on: AlsoOn[];
}

/** One list a party is on, with that list's own record. */
export interface OnListDetail extends OnList {
  record: PartyRecord;
}

/** A same-name listing of another department, with its record. */
export interface AlsoOnDetail extends AlsoOn {
  record: PartyRecord;
}

/** A party's full records, by its key (detail(key)). */
export interface Detail {
  key: number;
  id: string;
  name: string;
  source: ListCode;
  type: PartyType;
  /** The record on the most severe list (lists[0].record). */
  record: PartyRecord;
  lists: OnListDetail[];
  also_on: AlsoOnDetail[];
}

export interface Comparison {
  score: number;
  /** score >= the default threshold. */
  match: boolean;
  reasons: string[];
  pairs: TokenPair[];
}

export interface SourceFile {
  name: string;
  sha256: string;
  as_of: string;
}

export interface ListInfo {
  code: ListCode;
  name: string;
  official_name: string;
  /** "Treasury / OFAC", ... */
  agency: string;
  /** The agency's department ("Treasury", "Commerce", ...): the widget groups its list filter by it. */
  department: string;
  official_url: string;
  /** What being on the list means, in one plain line ("SDN: ..."). */
  meaning: string;
  /** Place in severity_order (0: most severe, SDN). */
  severity: number;
  /** "YYYY-MM-DD" (or "YYYY-MM"). */
  as_of: string;
  count: number;
  sources: SourceFile[];
}

export interface DatasetInfo {
  label: string;
  format_version: number;
  default_threshold: number;
  /** Every list code, most severe first. */
  severity_order: ListCode[];
  lists: ListInfo[];
}

/** Where the wasm module is: a URL, its bytes, a compiled module, or one of
 * the source objects the widget's Worker uses. */
export type WasmSource =
  | string
  | URL
  | ArrayBuffer
  | ArrayBufferView
  | WebAssembly.Module
  | { url: string; integrity?: string }
  | { bytes: ArrayBuffer | ArrayBufferView }
  | { base64: string; integrity?: string }
  | { latin1: string; integrity?: string }
  | { script: string; integrity?: string }
  | { module: WebAssembly.Module };

/** A dataset file: its URL (fetched, or read from disk in Node for a
 * file: URL) or its bytes. */
export type DataSource = string | URL | ArrayBuffer | Uint8Array;

export interface CreateScreenerOptions {
  /** The dataset's search file (`entity-screen split`), or a full dataset
   * file (`entity-screen build --out FILE`): its URL or bytes, fetched (or
   * read from disk in Node) whole. Default: entity-screen.esd next to the
   * module, checked against DATA_INTEGRITY. */
  data?: DataSource;
  /** An SRI value ("sha384-...") the search file's bytes must match. */
  dataIntegrity?: string;
  /** The dataset's details file (`entity-screen split`), requested at the
   * same time as `data`, attached when it arrives. Default: with no `data`,
   * entity-screen.details.esd next to the module (checked against
   * DETAILS_INTEGRITY); with `data` a URL, the same URL with `.esd` ->
   * `.details.esd`; with `data` bytes, none. `false`: none. Not needed
   * (and not used) when `data` is a full dataset file. */
  details?: DataSource | false | null;
  /** An SRI value the details file's bytes must match. */
  detailsIntegrity?: string;
  /** The wasm. Default: entity-screen.wasm next to the module, checked
   * against the hash the build compiled in (read from disk in Node). */
  wasm?: WasmSource;
}

export interface Screener {
  /** Ranked summaries, best first. Synchronous (ready before the details
   * have arrived). Throws an Error with the core's message for a
   * non-string query or bad options. */
  search(query: string, options?: SearchOptions): Match[];
  /** A party's full records by the `key` of its summary, or null for a key
   * no party has. Waits for the details file if it is still on its way;
   * rejects with an Error whose message starts with "details not loaded"
   * when it cannot come (none given, failed to load), or with the core's
   * message for bytes of another dataset or a key that is not a whole
   * number. */
  detail(key: number): Promise<Detail | null>;
  /** Whether the details are attached (detail() then answers at once). */
  hasDetails(): boolean;
  /** Resolves when the details are attached; rejects with why not. */
  readonly details: Promise<void>;
  /** Why the details could not be attached, once known, else null. */
  readonly detailsError: Error | null;
  /** Scores two names against each other. */
  compare(a: string, b: string): Comparison;
  info(): DatasetInfo;
  /** The core's default minimum score. */
  readonly defaultThreshold: number;
  /** ms spent compiling, instantiating and building this screener, and
   * attaching its details once they are in. */
  readonly timings: { compile: number; instantiate: number; construct: number; attachDetails?: number };
  /** Frees the wasm memory; the screener cannot be used afterwards. */
  free(): void;
}

/** Loads the wasm (once per JS realm) and the dataset: resolves when
 * search works, without waiting for the details file. */
export function createScreener(options?: CreateScreenerOptions): Promise<Screener>;

/** The core's default minimum score (loads the wasm if needed). */
export function defaultThreshold(options?: { wasm?: WasmSource }): Promise<number>;

/** The SHA-384 SRI value of entity-screen.wasm this module checks. */
export const WASM_INTEGRITY: string;
/** The SHA-384 SRI value of the default dataset's search file, entity-screen.esd. */
export const DATA_INTEGRITY: string;
/** The SHA-384 SRI value of the default dataset's details file, entity-screen.details.esd. */
export const DETAILS_INTEGRITY: string;
