//! The evaluation's own, deliberately plain text handling: used to decide
//! which aliases are "real names", which innocent names are actually listed,
//! and where a perturbation may apply. It is independent of the matcher's
//! normaliser on purpose, so the evaluation does not share its blind spots.

/// Lower-case ASCII words: transliterated with `deunicode`, every run of
/// non-alphanumeric characters is a word break.
pub fn words(s: &str) -> Vec<String> {
    deunicode::deunicode(s)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The words joined by single spaces.
pub fn norm(s: &str) -> String {
    words(s).join(" ")
}

/// The words sorted, joined: equal for "PUTIN, Vladimir" and "Vladimir Putin".
pub fn sorted_key(s: &str) -> String {
    let mut w = words(s);
    w.sort();
    w.join(" ")
}

/// An alias worth holding out or perturbing: more than three characters and
/// not only digits and punctuation.
pub fn is_real_name(s: &str) -> bool {
    s.trim().chars().count() > 3 && s.chars().any(char::is_alphabetic)
}

/// A name someone would type or paste as a query: at most 80 characters and
/// ten words, and no address mixed in (a postcode, "See also ..."), which
/// some Entity List names carry from the source's parsing.
pub fn is_query_like(s: &str) -> bool {
    let long_number = s.split(|c: char| !c.is_ascii_digit()).any(|d| d.len() >= 5);
    s.chars().count() <= 80
        && s.split_whitespace().count() <= 10
        && !long_number
        && !s.contains("See ")
}

/// Legal-form words: "Target Corporation" and "TARGET LLC" are the same name.
pub const LEGAL_FORMS: &[&str] = &[
    "co",
    "company",
    "corp",
    "corporation",
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "llc",
    "plc",
    "sa",
    "ag",
    "gmbh",
    "nv",
    "bv",
    "spa",
    "srl",
    "pte",
    "pty",
    "lp",
    "llp",
    "se",
    "ooo",
    "oao",
    "zao",
    "pao",
    "ao",
    "jsc",
    "pjsc",
    "the",
];

/// Words that say what kind of organisation a party is, not which one:
/// legal forms, function words and generic organisation words.
pub const GENERIC: &[&str] = &[
    "of",
    "and",
    "for",
    "in",
    "de",
    "la",
    "le",
    "el",
    "al",
    "group",
    "holding",
    "holdings",
    "university",
    "college",
    "institute",
    "school",
    "academy",
    "technology",
    "technologies",
    "research",
    "science",
    "sciences",
    "national",
    "state",
    "republic",
    "international",
    "trade",
    "trading",
    "center",
    "centre",
    "foundation",
    "bank",
    "banking",
    "companies",
    "industries",
    "industry",
    "systems",
    "services",
    "service",
    "management",
    "insurance",
    "energy",
    "general",
    "airlines",
    "airline",
    "association",
    "society",
    "organization",
    "organisation",
    "council",
    "committee",
    "agency",
    "enterprise",
    "enterprises",
    "development",
    "investment",
    "investments",
    "engineering",
    "electronics",
    "electronic",
    "manufacturing",
    "products",
    "production",
    "plant",
    "factory",
    "works",
    "store",
    "stores",
    "shop",
    "market",
    "global",
    "world",
    "united",
    "new",
];

/// Words of `s` minus legal forms, sorted: the name's identity.
pub fn core_key(s: &str) -> String {
    let mut w: Vec<String> = words(s)
        .into_iter()
        .filter(|w| !LEGAL_FORMS.contains(&w.as_str()))
        .collect();
    w.sort();
    w.join(" ")
}

/// Words of `s` that are neither legal forms nor generic, deduplicated.
pub fn distinctive(s: &str) -> Vec<String> {
    let mut w: Vec<String> = words(s)
        .into_iter()
        .filter(|w| !LEGAL_FORMS.contains(&w.as_str()) && !GENERIC.contains(&w.as_str()))
        .collect();
    w.sort();
    w.dedup();
    w
}
