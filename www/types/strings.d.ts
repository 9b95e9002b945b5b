// Types of the widget's strings (www/src/strings.js): every text it shows.
// Override any part with `element.strings = {...}` or
// `EntityScreenElement.strings = {...}`; objects merge one level deep.

/** A string, or one string per plural category (Intl.PluralRules). */
export type Plural = string | { zero?: string; one?: string; two?: string; few?: string; many?: string; other: string };

export interface EntityScreenStrings {
  /** BCP 47 tag for plural rules, numbers, dates and country names. */
  locale: string;
  label: string;
  placeholder: string;
  clear: string;
  listboxLabel: string;
  privacy: string;
  dataLoading: string;
  dataSearched: Plural;
  dataSearchedLazy: string;
  listAsOf: string;
  loadError: string;
  searchError: string;
  filters: string;
  filtersActive: Plural;
  listsLegend: string;
  allLists: string;
  listMeta: Plural;
  threshold: string;
  thresholdHint: string;
  staleWarning: Plural;
  searching: string;
  resultCount: Plural;
  noMatch: Plural;
  noMatchHint: string;
  noListsSelected: string;
  /** Words for each score band (the bands' names are fixed: exact from
   * 0.995, strong from 0.9, else possible). */
  scoreBands: { exact: string; strong: string; possible: string };
  matchedAlias: string;
  matchedName: string;
  types: Record<'entity' | 'individual' | 'vessel' | 'aircraft', string>;
  /** Badge names per list code. */
  lists: Record<string, string>;
  /** Names for the filter's department groups (default: the data's). */
  departments: Record<string, string>;
  departmentGroup: string;
  alsoOn: string;
  listings: Plural;
  /** "6 entries", after `listings` when one list holds the party more than once. */
  entries: Plural;
  alsoOnHeading: string;
  alsoOnReason: string;
  provenance: string;
  provenanceFile: string;
  provenanceRest: string;
  provenanceAll: string;
  provenanceFields: Record<string, string>;
  detailTitle: string;
  /** Shown in the detail view while the details file is still loading. */
  detailsLoading: string;
  /** Shown in the detail view when the details file failed: `{message}`. */
  detailsError: string;
  close: string;
  onList: string;
  whyMatched: string;
  fields: Record<string, string>;
  vesselFields: Record<string, string>;
  sourceList: string;
  sourceInformation: string;
  federalRegisterLink: string;
  linkNote: string;
  saveResult: string;
  saveResultHint: string;
  savedNoMatch: Plural;
  savedMatches: Plural;
  savedMatchCount: Plural;
  savedListAsOf: string;
  saveError: string;
  disclaimer: string;
}

/** Any part of the strings, nested objects partial too. */
export type EntityScreenStringsOverride = {
  [K in keyof EntityScreenStrings]?: EntityScreenStrings[K] extends string
    ? string
    : EntityScreenStrings[K] extends Plural
      ? Plural
      : Partial<EntityScreenStrings[K]>;
};

export const DEFAULT_STRINGS: EntityScreenStrings;
