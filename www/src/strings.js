// Every string the widget shows, in one object a site can override for
// translation: `EntityScreenElement.strings = { ... }` for every widget on the
// page, or `element.strings = { ... }` for one. Overrides are merged over
// these defaults, so a partial object is fine.
//
// `{name}` placeholders are filled in by the widget. An entry that is an
// object keyed by plural category ("one", "other", ...) is chosen with
// Intl.PluralRules for `locale`.

export const DEFAULT_STRINGS = {
  // BCP 47 tag used for plural rules, dates and country names.
  locale: 'en',

  label: 'Check a company or person against US restricted-party lists',
  placeholder: 'Company or person, e.g. Candiru',
  clear: 'Clear search',
  listboxLabel: 'Matches',

  privacy: 'Private: nothing you type leaves your browser.',
  dataLoading: 'Loading the lists into this page…',
  dataSearched: {
    one: 'Searches {count} list: {lists}.',
    other: 'Searches {count} lists: {lists}.',
  },
  dataSearchedLazy: 'The lists load into this page when you start typing.',
  listAsOf: '{list} as of {date}',
  loadError: 'The screening data could not be loaded: {message}',
  searchError: 'The search failed: {message}',

  filters: 'Filters',
  filtersActive: { one: '{count} filter on', other: '{count} filters on' },
  listsLegend: 'Lists to search',
  allLists: 'All lists',
  listMeta: { one: '{count} record · as of {date}', other: '{count} records · as of {date}' },
  threshold: 'Minimum match score',
  thresholdHint: 'Lower finds more possible matches; higher only close ones.',

  staleWarning: {
    one: 'Some data may be out of date. {lists} is older than {days} day. Check the official list before relying on a “no match”.',
    other: 'Some data may be out of date. {lists} are older than {days} days. Check the official lists before relying on a “no match”.',
  },

  searching: 'Searching…',
  resultCount: {
    one: '{count} possible match for “{query}”',
    other: '{count} possible matches for “{query}”',
  },
  noMatch: {
    one: 'No match for “{query}” in {count} list ({lists}).',
    other: 'No match for “{query}” in {count} lists ({lists}).',
  },
  noMatchHint: 'Try another spelling, a shorter name, or a lower match score under Filters.',
  noListsSelected: 'No list is selected. Choose at least one list under Filters.',

  // Score in words, per band. The bands and their minimums (exact from
  // 0.995, strong from 0.9, else possible) are SCORE_BANDS in ui/format.js;
  // the keys are also the CSS `data-band` values, whatever the words.
  scoreBands: {
    exact: 'exact',
    strong: 'strong',
    possible: 'possible',
  },
  matchedAlias: 'also known as',
  matchedName: 'matched name',

  types: {
    entity: 'Entity',
    individual: 'Individual',
    vessel: 'Vessel',
    aircraft: 'Aircraft',
  },

  // Short names for the badges; the full names come from the dataset.
  lists: {
    EL: 'Entity List',
    SDN: 'SDN',
    DPL: 'Denied Persons',
    UVL: 'Unverified List',
    MEU: 'Military End User',
    DTC: 'ITAR Debarred',
    ISN: 'Nonproliferation',
    SSI: 'Sectoral Sanctions',
    PLC: 'Palestinian Legislative Council',
    CMIC: 'Chinese Military-Industrial',
    CAP: 'CAPTA',
    MBS: 'Menu-Based Sanctions',
    FSE: 'Foreign Sanctions Evaders',
    UFLPA: 'UFLPA Entity List',
    '1260H': '1260H Chinese Military Companies',
    '1286': '1286 Foreign Institutions',
    FCC: 'FCC Covered List',
    CBP: 'CBP Withhold Release Orders',
    EO14032: 'E.O. 14032 Annex',
  },
  // The list filter's groups, by the dataset's `department` of each list
  // (a department the strings do not name is shown as the data has it).
  departments: {},
  departmentGroup: '{department}',
  alsoOn: 'Also on the {list} ({agency}): {reason}',

  // Detail view.
  detailTitle: 'Listing details',
  close: 'Close',
  onList: 'On the {list}, kept by {agency}',
  listings: { one: 'On {count} list', other: 'On {count} lists' },
  // A list can file one party more than once (the Entity List, under each
  // of its countries): "On 1 list · 6 entries".
  entries: { one: '{count} entry', other: '{count} entries' },
  alsoOnHeading: 'Also on other lists (not merged)',
  alsoOnReason: 'Why it is shown here',
  // Where a field of a listing came from: "addresses as of December 2025".
  provenance: '{field} as of {date}',
  provenanceFile: '{text} ({file})',
  provenanceRest: 'the other fields as of {date}, the list’s date',
  provenanceAll: 'every field as of {date}, the list’s date',
  provenanceFields: {
    name: 'name',
    type: 'type',
    aliases: 'aliases',
    addresses: 'addresses',
    programs: 'programs',
    title: 'title',
    remarks: 'remarks',
    vessel: 'vessel details',
    ids: 'identification',
    federal_register_notice: 'Federal Register citation',
    federal_register_date: 'Federal Register date',
    start_date: 'listing date',
    license_requirement: 'license requirement',
    license_policy: 'license policy',
    status: 'status',
    equipment: 'equipment',
  },
  whyMatched: 'Why it matched',
  // Shown in place of the listings while the details file is still on its
  // way (it was requested with the rest at load; nothing more is fetched).
  detailsLoading: 'Loading the full records of this party…',
  detailsError: 'The full records could not be loaded: {message}',
  fields: {
    aliases: 'Also known as',
    addresses: 'Addresses',
    federal_register_notice: 'Federal Register',
    federal_register_date: 'Federal Register date',
    status: 'Status',
    equipment: 'Equipment or service',
    provenance: 'Data as of',
    start_date: 'Listed since',
    end_date: 'Listed until',
    license_requirement: 'License requirement',
    license_policy: 'License policy',
    standard_order: 'Standard order',
    programs: 'Programs',
    title: 'Title',
    remarks: 'Remarks',
    ids: 'Identification',
    dates_of_birth: 'Date of birth',
    places_of_birth: 'Place of birth',
    nationalities: 'Nationality',
    citizenships: 'Citizenship',
    vessel: 'Vessel',
    sources: 'Official sources',
    id: 'Record id',
  },
  vesselFields: {
    call_sign: 'call sign',
    vessel_type: 'type',
    gross_tonnage: 'gross tonnage',
    gross_registered_tonnage: 'gross registered tonnage',
    flag: 'flag',
    owner: 'owner',
  },
  sourceList: 'Official list',
  sourceInformation: 'About this list',
  federalRegisterLink: 'Open {citation} at federalregister.gov',
  linkNote: 'Links open outside this page; only what you click is sent.',
  // "Save this result": a JSON record of one search for a compliance file
  // (the same audit record as a batch's JSON export).
  saveResult: 'Save this result',
  saveResultHint: 'Downloads a record of this search (the query, date, data and settings), made in this browser.',
  savedNoMatch: {
    one: 'No match for “{query}” in {count} list ({lists}), threshold {threshold}.',
    other: 'No match for “{query}” in {count} lists ({lists}), threshold {threshold}.',
  },
  savedMatches: {
    one: '{matches} for “{query}” in {count} list ({lists}), threshold {threshold}.',
    other: '{matches} for “{query}” in {count} lists ({lists}), threshold {threshold}.',
  },
  savedMatchCount: { one: '{count} match', other: '{count} matches' },
  savedListAsOf: '{list} as of {date}',
  saveError: 'The record could not be made: {message}',
  disclaimer: 'A match is a lead to check, not a finding. Confirm it against the official record.',
};
