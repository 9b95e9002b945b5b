// Types of entity-screen/core (dist/entity-screen-core.js): the screening
// core without the UI. The shapes are the CLI's `--json` shapes.

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

/** One list a party is on (a match carries all of them, most severe first). */
export interface OnList {
  code: ListCode;
  list_name: string;
  /** The party's id on that list. */
  id: string;
  name: string;
  /** That list's own record of the party. */
  record: PartyRecord;
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
  record: PartyRecord;
}

export interface TokenPair {
  query: string;
  listed: string;
  similarity: number;
}

export interface Match {
  id: string;
  name: string;
  matched_name: string;
  matched_alias: boolean;
  /** 0 to 1. */
  score: number;
  /** The code of the most severe list the party is on (lists[0]). */
  source: ListCode;
  type: PartyType;
  reasons: string[];
  pairs: TokenPair[];
  /** [start, end) offsets in UTF-16 code units into matched_name. */
  highlights: [number, number][];
  record: PartyRecord;
  /** Every list the party is on, most severe first (info().severity_order). */
  lists: OnList[];
  /** Same-name listings of another department, with the reason. */
  also_on: AlsoOn[];
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

export interface CreateScreenerOptions {
  /** The dataset file (`entity-screen build --out FILE`): its URL or bytes,
   * fetched (or read from disk in Node) whole. Default: entity-screen.esd
   * next to the module, checked against DATA_INTEGRITY. */
  data?: string | URL | ArrayBuffer | Uint8Array;
  /** An SRI value ("sha384-...") the dataset's bytes must match. */
  dataIntegrity?: string;
  /** The wasm. Default: entity-screen.wasm next to the module, checked
   * against the hash the build compiled in (read from disk in Node). */
  wasm?: WasmSource;
}

export interface Screener {
  /** Ranked matches, best first. Synchronous. Throws an Error with the
   * core's message for a non-string query or bad options. */
  search(query: string, options?: SearchOptions): Match[];
  /** The full record of a party by its id, or null. */
  detail(id: string): PartyRecord | null;
  /** Scores two names against each other. */
  compare(a: string, b: string): Comparison;
  info(): DatasetInfo;
  /** The core's default minimum score. */
  readonly defaultThreshold: number;
  /** ms spent compiling, instantiating and building this screener. */
  readonly timings: { compile: number; instantiate: number; construct: number };
  /** Frees the wasm memory; the screener cannot be used afterwards. */
  free(): void;
}

/** Loads the wasm (once per JS realm) and the dataset. */
export function createScreener(options?: CreateScreenerOptions): Promise<Screener>;

/** The core's default minimum score (loads the wasm if needed). */
export function defaultThreshold(options?: { wasm?: WasmSource }): Promise<number>;

/** The SHA-384 SRI value of entity-screen.wasm this module checks. */
export const WASM_INTEGRITY: string;
/** The SHA-384 SRI value of the default dataset, entity-screen.esd. */
export const DATA_INTEGRITY: string;
