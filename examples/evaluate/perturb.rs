//! Realistic rewrites of a listed name: the ways people mistype, re-spell,
//! re-order or half-type a name they are screening. Each kind is a rule
//! applied to whatever name the sampler drew, never a hand-picked example.

use entity_screen::{Party, PartyType};

use crate::rng::Rng;
use crate::text;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Typo1,
    Typo2,
    WordOrder,
    LegalForm,
    Diacritics,
    CasePunct,
    DropMiddle,
    Translit,
    Cyrillic,
    Prefix,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::Typo1,
        Kind::Typo2,
        Kind::WordOrder,
        Kind::LegalForm,
        Kind::Diacritics,
        Kind::CasePunct,
        Kind::DropMiddle,
        Kind::Translit,
        Kind::Cyrillic,
        Kind::Prefix,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::Typo1 => "typo-1",
            Kind::Typo2 => "typo-2",
            Kind::WordOrder => "word-order",
            Kind::LegalForm => "legal-form",
            Kind::Diacritics => "diacritics",
            Kind::CasePunct => "case-punct",
            Kind::DropMiddle => "drop-middle",
            Kind::Translit => "translit",
            Kind::Cyrillic => "cyrillic",
            Kind::Prefix => "prefix",
        }
    }

    /// Whether this kind of rewrite makes sense for this name of this party.
    pub fn applies(self, party: &Party, name: &str) -> bool {
        let letters = name.chars().filter(char::is_ascii_alphabetic).count();
        match self {
            Kind::Typo1 => letters >= 5 && !typo_positions(&chars(name)).is_empty(),
            Kind::Typo2 => letters >= 10 && !typo_positions(&chars(name)).is_empty(),
            Kind::WordOrder => content_tokens(name).len() >= 2,
            Kind::LegalForm => party.party_type == PartyType::Entity && letters >= 3,
            Kind::Diacritics => name.chars().any(|c| accents(c).is_some()),
            Kind::CasePunct => letters >= 3,
            Kind::DropMiddle => {
                party.party_type == PartyType::Individual && !given_and_middle(name).is_empty()
            }
            Kind::Translit => !translit_options(name, romanised(party, name)).is_empty(),
            Kind::Cyrillic => russian_looking(party, name),
            Kind::Prefix => prefix_words(party, name, false).is_some(),
        }
    }

    /// The rewritten name, or `None` when the rule does not apply after all.
    pub fn apply(self, party: &Party, name: &str, rng: &mut Rng) -> Option<String> {
        let out = match self {
            Kind::Typo1 => typo(name, rng),
            Kind::Typo2 => typo(name, rng).and_then(|s| typo(&s, rng)),
            Kind::WordOrder => word_order(party, name, rng),
            Kind::LegalForm => legal_form(name, rng),
            Kind::Diacritics => diacritics(name, rng),
            Kind::CasePunct => case_punct(name, rng),
            Kind::DropMiddle => drop_middle(name, rng),
            Kind::Translit => translit(name, romanised(party, name), rng),
            Kind::Cyrillic => cyrillic(party, name, rng),
            Kind::Prefix => prefix(party, name, rng),
        }?;
        let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
        (out != name && !out.is_empty()).then_some(out)
    }
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// Whitespace tokens that hold a letter or digit, without edge commas.
fn content_tokens(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|t| t.trim_matches(',').to_string())
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .collect()
}

fn same_case(model: char, c: char) -> char {
    if model.is_uppercase() {
        c.to_uppercase().next().unwrap_or(c)
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Writes `word` in the case style of `model` (ALL CAPS, Title or lower).
fn styled(model: &str, word: &str) -> String {
    let letters: Vec<char> = model.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        word.to_uppercase()
    } else if letters.first().is_some_and(|c| c.is_uppercase()) {
        let mut cs = word.chars();
        match cs.next() {
            Some(f) => f
                .to_uppercase()
                .chain(cs.flat_map(char::to_lowercase))
                .collect(),
            None => String::new(),
        }
    } else {
        word.to_lowercase()
    }
}

// ---------------------------------------------------------------- typos

/// QWERTY neighbours: what a finger hits instead.
fn neighbours(c: char) -> &'static str {
    match c.to_ascii_lowercase() {
        'q' => "wa",
        'w' => "qeas",
        'e' => "wrsd",
        'r' => "etdf",
        't' => "ryfg",
        'y' => "tugh",
        'u' => "yihj",
        'i' => "uojk",
        'o' => "ipkl",
        'p' => "ol",
        'a' => "qwsz",
        's' => "awedxz",
        'd' => "serfcx",
        'f' => "drtgvc",
        'g' => "ftyhbv",
        'h' => "gyujnb",
        'j' => "huikmn",
        'k' => "jiolm",
        'l' => "kop",
        'z' => "asx",
        'x' => "zsdc",
        'c' => "xdfv",
        'v' => "cfgb",
        'b' => "vghn",
        'n' => "bhjm",
        'm' => "njk",
        _ => "",
    }
}

fn neighbour(c: char, rng: &mut Rng) -> char {
    let n: Vec<char> = neighbours(c).chars().collect();
    same_case(c, *rng.pick(&n))
}

/// Letters inside words of four or more letters: a typo in a three-letter
/// word makes a different name rather than a misspelt one.
fn typo_positions(cs: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < cs.len() {
        let end = (start..cs.len())
            .find(|&i| cs[i].is_whitespace())
            .unwrap_or(cs.len());
        let letters: Vec<usize> = (start..end)
            .filter(|&i| cs[i].is_ascii_alphabetic())
            .collect();
        if letters.len() >= 4 {
            out.extend(letters);
        }
        start = end + 1;
    }
    out
}

/// One typo: adjacent-key substitution, deletion, insertion or transposition.
fn typo(name: &str, rng: &mut Rng) -> Option<String> {
    let mut cs = chars(name);
    let positions = typo_positions(&cs);
    if positions.is_empty() {
        return None;
    }
    let i = *rng.pick(&positions);
    let c = cs[i];
    match rng.below(4) {
        0 => cs[i] = neighbour(c, rng),
        1 => {
            cs.remove(i);
        }
        2 => {
            let extra = if rng.chance(0.3) {
                c
            } else {
                neighbour(c, rng)
            };
            cs.insert(i + 1, extra);
        }
        _ => {
            let swappable = i + 1 < cs.len()
                && cs[i + 1].is_ascii_alphabetic()
                && !cs[i + 1].eq_ignore_ascii_case(&c);
            if swappable {
                let (a, b) = (cs[i], cs[i + 1]);
                cs[i] = same_case(a, b);
                cs[i + 1] = same_case(b, a);
            } else {
                cs[i] = neighbour(c, rng);
            }
        }
    }
    Some(cs.into_iter().collect())
}

// ---------------------------------------------------------- word order

fn word_order(party: &Party, name: &str, rng: &mut Rng) -> Option<String> {
    if party.party_type == PartyType::Individual {
        if let Some((last, given)) = name.split_once(',') {
            if given.trim().is_empty() || last.trim().is_empty() {
                return None;
            }
            // "PUTIN, Vladimir" written the natural way.
            return Some(format!("{} {}", given.trim(), last.trim()));
        }
    }
    // A legal form stays where it is; the words of the name move.
    let tokens: Vec<&str> = name.split_whitespace().collect();
    let (form, form_at_start, body) = match find_form(&tokens) {
        Some((_, _, true, len)) => (tokens[..len].join(" "), true, tokens[len..].join(" ")),
        Some((_, _, false, len)) => (
            tokens[tokens.len() - len..].join(" "),
            false,
            tokens[..tokens.len() - len].join(" "),
        ),
        None => (String::new(), false, name.to_string()),
    };
    let mut w = content_tokens(&body);
    if w.len() < 2 {
        return None;
    }
    let original = w.clone();
    if party.party_type == PartyType::Individual {
        // "Abdul Satar Ghoura" written family name first.
        w.rotate_right(1);
    } else if w.len() <= 3 {
        for _ in 0..8 {
            rng.shuffle(&mut w);
            if w != original {
                break;
            }
        }
    } else {
        match rng.below(3) {
            0 => w.rotate_left(1),
            1 => w.rotate_right(1),
            _ => {
                let j = rng.below(w.len() - 1);
                w.swap(j, j + 1);
            }
        }
    }
    let body = w.join(" ");
    Some(match (form.is_empty(), form_at_start) {
        (true, _) => body,
        (false, true) => format!("{form} {body}"),
        (false, false) => format!("{body} {}", form.trim_start_matches(',')),
    })
}

// ---------------------------------------------------------- legal forms

/// Classes of interchangeable legal forms; the first entries are what people
/// type most.
const LEGAL_CLASSES: &[&[&str]] = &[
    &["LLC", "L.L.C.", "OOO", "Limited Liability Company", "TOV"],
    &[
        "JSC",
        "AO",
        "OAO",
        "PAO",
        "ZAO",
        "PJSC",
        "OJSC",
        "CJSC",
        "Joint Stock Company",
        "Public Joint Stock Company",
        "Open Joint Stock Company",
        "Closed Joint Stock Company",
    ],
    &[
        "Ltd.",
        "Ltd",
        "Limited",
        "Co., Ltd.",
        "Co. Ltd",
        "Company Limited",
        "Co., Limited",
    ],
    &["Inc.", "Inc", "Incorporated"],
    &["Corp.", "Corp", "Corporation"],
    &["Co.", "Co", "Company"],
    &["GmbH", "G.m.b.H."],
    &["S.A.", "SA", "Sociedad Anonima", "Societe Anonyme"],
    &["PTE. LTD.", "Pte Ltd", "Private Limited", "Pte. Limited"],
    &["PLC", "P.L.C.", "Public Limited Company"],
    &["FZE", "F.Z.E.", "Free Zone Establishment"],
    &["FZCO", "FZ-LLC", "FZ LLC"],
    &["LLP", "L.L.P."],
    &["S.R.L.", "SRL"],
    &["Sdn. Bhd.", "Sdn Bhd"],
];

/// Forms a user adds to a listed name that has none.
const ADDED_FORMS: &[&str] = &[
    "Ltd",
    "LLC",
    "GmbH",
    "Inc.",
    "Co., Ltd.",
    "Limited",
    "JSC",
    "S.A.",
    "Corp.",
];

/// Whether a single token is a legal form on its own ("OOO", "LLC", "Ltd.").
fn is_legal_token(token: &str) -> bool {
    let key = vec![form_key(token)];
    LEGAL_CLASSES
        .iter()
        .flat_map(|class| class.iter())
        .any(|m| form_keys(m) == key)
}

fn form_key(token: &str) -> String {
    token
        .chars()
        .filter(|c| !matches!(c, '.' | ','))
        .flat_map(char::to_lowercase)
        .collect()
}

fn form_keys(form: &str) -> Vec<String> {
    form.split_whitespace().map(form_key).collect()
}

/// The longest legal form at the start or the end of `tokens`:
/// (class, member, at_start, token count).
fn find_form(tokens: &[&str]) -> Option<(usize, usize, bool, usize)> {
    let keys: Vec<String> = tokens.iter().map(|t| form_key(t)).collect();
    let mut best: Option<(usize, usize, bool, usize)> = None;
    for (ci, class) in LEGAL_CLASSES.iter().enumerate() {
        for (mi, member) in class.iter().enumerate() {
            let fk = form_keys(member);
            // Only when something is left besides the form.
            if fk.len() >= keys.len() {
                continue;
            }
            let at_end = keys[keys.len() - fk.len()..] == fk[..];
            let at_start = keys[..fk.len()] == fk[..];
            for (hit, start) in [(at_end, false), (at_start, true)] {
                if hit && best.map_or(true, |b| fk.len() > b.3) {
                    best = Some((ci, mi, start, fk.len()));
                }
            }
        }
    }
    best
}

fn legal_form(name: &str, rng: &mut Rng) -> Option<String> {
    let tokens: Vec<&str> = name.split_whitespace().collect();
    let upper = !name.chars().any(char::is_lowercase);
    let style = |s: &str| {
        if upper {
            s.to_uppercase()
        } else {
            s.to_string()
        }
    };
    let Some((ci, mi, at_start, len)) = find_form(&tokens) else {
        let added = rng.pick::<&str>(ADDED_FORMS);
        let form = style(added);
        return Some(format!("{} {}", name.trim_end_matches([',', ' ']), form));
    };
    let rest: Vec<&str> = if at_start {
        tokens[len..].to_vec()
    } else {
        tokens[..tokens.len() - len].to_vec()
    };
    let rest = rest.join(" ").trim_end_matches([',', ' ']).to_string();
    let class = LEGAL_CLASSES[ci];
    let current = form_keys(class[mi]);
    let others: Vec<&str> = class
        .iter()
        .copied()
        .filter(|m| form_keys(m) != current)
        .collect();
    let roll = rng.below(10);
    if roll < 3 {
        // Dropped: "Co., Ltd." is the part people leave out.
        return Some(rest);
    }
    let chosen = if others.is_empty() {
        class[mi]
    } else {
        rng.pick::<&str>(&others)
    };
    let form = style(chosen);
    // Moved to the other end ("OOO ORION" / "ORION LLC") or kept in place.
    let front = if roll < 6 { !at_start } else { at_start };
    Some(if front {
        format!("{form} {rest}")
    } else {
        format!("{rest} {form}")
    })
}

// ----------------------------------------------------------- diacritics

fn accents(c: char) -> Option<&'static str> {
    match c.to_ascii_lowercase() {
        'a' => Some("áàâäåã"),
        'e' => Some("éèêë"),
        'i' => Some("íîï"),
        'o' => Some("óöôøõ"),
        'u' => Some("úüû"),
        'c' => Some("çč"),
        'n' => Some("ñń"),
        's' => Some("šşś"),
        'z' => Some("žż"),
        'g' => Some("ğ"),
        'y' => Some("ý"),
        'r' => Some("ř"),
        'l' => Some("ł"),
        _ => None,
    }
}

fn diacritics(name: &str, rng: &mut Rng) -> Option<String> {
    let mut cs = chars(name);
    let mut positions: Vec<usize> = (0..cs.len())
        .filter(|&i| cs[i].is_ascii_alphabetic() && accents(cs[i]).is_some())
        .collect();
    if positions.is_empty() {
        return None;
    }
    rng.shuffle(&mut positions);
    let k = rng.range(1, positions.len().min(3));
    for &i in &positions[..k] {
        let options: Vec<char> = accents(cs[i])?.chars().collect();
        cs[i] = same_case(cs[i], *rng.pick(&options));
    }
    Some(cs.into_iter().collect())
}

// ------------------------------------------------ case and punctuation

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| styled("Aa", w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn case_punct(name: &str, rng: &mut Rng) -> Option<String> {
    let mut s = match rng.below(4) {
        0 => name.to_lowercase(),
        1 => name.to_uppercase(),
        2 => title_case(name),
        _ => name.to_string(),
    };
    match rng.below(4) {
        0 => {
            s = s
                .chars()
                .filter(|c| !matches!(c, '.' | ',' | '\'' | '"' | '(' | ')'))
                .map(|c| if matches!(c, '-' | '/') { ' ' } else { c })
                .collect();
        }
        1 => {
            let w: Vec<&str> = s.split_whitespace().collect();
            if w.len() >= 2 {
                let j = rng.below(w.len() - 1);
                let mut out = w[..j].join(" ");
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&format!("{}-{}", w[j], w[j + 1]));
                if j + 2 < w.len() {
                    out.push(' ');
                    out.push_str(&w[j + 2..].join(" "));
                }
                s = out;
            }
        }
        2 => {
            // An abbreviation written with dots ("LLC" -> "L.L.C."), or the
            // comma of "LAST, First" left out.
            let w: Vec<String> = s.split_whitespace().map(str::to_string).collect();
            let original: Vec<&str> = name.split_whitespace().collect();
            let short: Vec<usize> = (0..w.len().min(original.len()))
                .filter(|&i| {
                    (2..=4).contains(&original[i].len())
                        && original[i].chars().all(|c| c.is_ascii_uppercase())
                })
                .collect();
            if short.is_empty() {
                s = s.replace(',', "");
            } else {
                let j = *rng.pick(&short);
                let mut w = w;
                w[j] = w[j].chars().map(|c| format!("{c}.")).collect();
                s = w.join(" ");
            }
        }
        _ => {}
    }
    if s == name {
        s = if name.to_lowercase() != name {
            name.to_lowercase()
        } else {
            name.to_uppercase()
        };
    }
    Some(s)
}

// ------------------------------------------------------- middle names

/// For "LAST, First Middle ...": the given names, when there are two or more.
fn given_and_middle(name: &str) -> Vec<&str> {
    match name.split_once(',') {
        Some((_, given)) => {
            let g: Vec<&str> = given.split_whitespace().collect();
            if g.len() >= 2 {
                g
            } else {
                Vec::new()
            }
        }
        None => {
            let w: Vec<&str> = name.split_whitespace().collect();
            if w.len() >= 3 {
                w
            } else {
                Vec::new()
            }
        }
    }
}

fn drop_middle(name: &str, rng: &mut Rng) -> Option<String> {
    match name.split_once(',') {
        Some((last, given)) => {
            let mut g: Vec<&str> = given.split_whitespace().collect();
            if g.len() < 2 {
                return None;
            }
            g.remove(rng.range(1, g.len() - 1));
            let last = last.trim();
            Some(if rng.chance(0.5) {
                format!("{}, {}", last, g.join(" "))
            } else {
                format!("{} {}", g.join(" "), last)
            })
        }
        None => {
            let mut w: Vec<&str> = name.split_whitespace().collect();
            if w.len() < 3 {
                return None;
            }
            w.remove(rng.range(1, w.len() - 2));
            Some(w.join(" "))
        }
    }
}

// ----------------------------------------------------- transliteration

/// Spellings of one name in different romanisations.
const FAMILIES: &[&[&str]] = &[
    &["yevgeniy", "yevgeny", "evgeny", "evgenii", "evgeniy"],
    &["aleksandr", "alexander", "aleksander", "alexandr"],
    &["aleksey", "alexey", "alexei", "aleksei", "alexej"],
    &["sergey", "sergei", "sergej", "serguei"],
    &["dmitriy", "dmitry", "dmitri", "dmitrii"],
    &["yuriy", "yury", "yuri", "iurii", "jurij"],
    &["andrey", "andrei", "andrej"],
    &["nikolay", "nikolai", "nikolaj"],
    &["mikhail", "michail"],
    &["vyacheslav", "viacheslav"],
    &["vitaliy", "vitaly", "vitali", "vitalii"],
    &["anatoliy", "anatoly", "anatoli", "anatolii"],
    &["valeriy", "valery", "valeri", "valerii"],
    &["grigoriy", "grigory", "grigori", "grigorii"],
    &["arkadiy", "arkady", "arkadi", "arkadii"],
    &["gennadiy", "gennady", "gennadi", "gennadii"],
    &["vasiliy", "vasily", "vasili", "vasilii"],
    &["natalya", "natalia", "natalja"],
    &["tatyana", "tatiana", "tatjana"],
    &["yuliya", "yulia", "iuliia", "julia"],
    &["yelena", "elena", "jelena"],
    &["mariya", "maria"],
    &["pyotr", "petr", "piotr"],
    &["fyodor", "fedor"],
    &["semyon", "semen"],
    &["ilya", "ilia", "ilja"],
    &["maksim", "maxim"],
    &["konstantin", "constantin"],
    &[
        "mohammed", "muhammad", "mohamed", "mohammad", "muhammed", "mohamad",
    ],
    &["ahmed", "ahmad", "achmed"],
    &["mahmoud", "mahmud", "mahmood"],
    &["mustafa", "mostafa", "moustafa"],
    &[
        "hussein", "husayn", "hussain", "husain", "hossein", "hosein",
    ],
    &["hassan", "hasan"],
    &["abdul", "abdel", "abdol"],
    &["abdullah", "abdallah", "abdollah"],
    &["yusuf", "youssef", "yousef", "yousif"],
    &["osama", "usama"],
    &["omar", "umar"],
    &["khalid", "khaled"],
    &["qasim", "qassem", "kassem", "qasem"],
    &["said", "saeed", "sayed"],
    &["jafar", "jaafar"],
    &["ibrahim", "ebrahim", "ibraheem"],
    &["ismail", "ismael", "esmail"],
    &["suleiman", "sulaiman", "soleiman", "suleyman"],
    &["hezbollah", "hizballah", "hizbullah"],
    &["qaida", "qaeda"],
    &["gaddafi", "qadhafi", "qaddafi", "kadhafi"],
    &["zhou", "chou"],
    &["xu", "hsu"],
    &["park", "pak"],
    &["choe", "choi"],
];

#[derive(Clone, Copy, PartialEq)]
enum At {
    Start,
    End,
    Anywhere,
}

/// Letter-level respellings between romanisation systems.
const RULES: &[(&str, &str, At)] = &[
    ("ov", "off", At::End),
    ("ev", "eff", At::End),
    ("iy", "y", At::End),
    ("iy", "ii", At::End),
    ("ii", "iy", At::End),
    ("ey", "ei", At::End),
    ("ei", "ey", At::End),
    ("ay", "ai", At::End),
    ("ai", "ay", At::End),
    ("ks", "x", At::Anywhere),
    ("x", "ks", At::Anywhere),
    ("kh", "h", At::Anywhere),
    ("ya", "ia", At::Anywhere),
    ("yu", "iu", At::Anywhere),
    ("ia", "ya", At::Anywhere),
    ("ye", "e", At::Start),
    ("shch", "sch", At::Anywhere),
    ("ts", "tz", At::Anywhere),
    ("ou", "u", At::Anywhere),
    ("oo", "u", At::Anywhere),
    ("ee", "i", At::Anywhere),
    ("q", "k", At::Anywhere),
    ("ph", "f", At::Anywhere),
    ("v", "w", At::Start),
    ("dzh", "j", At::Anywhere),
    ("ck", "k", At::Anywhere),
    ("al-", "el-", At::Start),
    ("zh", "ch", At::Start),
];

/// One possible respelling: token index, byte range in the token's lower
/// case core, replacement.
type Edit = (usize, std::ops::Range<usize>, String);

/// Splits a token into (leading punctuation, core, trailing punctuation).
fn core(token: &str) -> (&str, &str, &str) {
    let start = token.find(char::is_alphanumeric).unwrap_or(token.len());
    let end = token
        .rfind(char::is_alphanumeric)
        .map(|i| i + token[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(start);
    (&token[..start], &token[start..end], &token[end..])
}

/// Whether a name is a romanisation from another script, so that letter-level
/// respelling is realistic: people's names, and Russian organisation names
/// written in Latin letters. ("Equipment" is never spelt "Ekuipment".)
fn romanised(party: &Party, name: &str) -> bool {
    party.party_type == PartyType::Individual || russian_looking(party, name)
}

/// Possible respellings; whole-name families always, letter rules only when
/// `letter_rules`.
fn translit_options(name: &str, letter_rules: bool) -> Vec<(bool, Edit)> {
    let mut out = Vec::new();
    for (ti, token) in name.split_whitespace().enumerate() {
        let (_, c, _) = core(token);
        // Legal forms are abbreviations, not romanised words ("OOO" never
        // becomes "UO").
        if !c.is_ascii() || is_legal_token(c) {
            continue;
        }
        let lower = c.to_ascii_lowercase();
        for family in FAMILIES {
            if family.contains(&lower.as_str()) {
                for other in family.iter().filter(|o| **o != lower) {
                    out.push((true, (ti, 0..lower.len(), other.to_string())));
                }
            }
        }
        if !letter_rules {
            continue;
        }
        for (from, to, at) in RULES {
            for (pos, _) in lower.match_indices(from) {
                let ok = match at {
                    At::Start => pos == 0,
                    At::End => pos + from.len() == lower.len() && lower.len() > from.len() + 2,
                    At::Anywhere => true,
                };
                if ok {
                    out.push((false, (ti, pos..pos + from.len(), to.to_string())));
                }
            }
        }
    }
    out
}

fn apply_edit(name: &str, edit: &Edit) -> String {
    let (ti, range, with) = edit;
    let tokens: Vec<String> = name
        .split_whitespace()
        .enumerate()
        .map(|(i, t)| {
            if i != *ti {
                return t.to_string();
            }
            let (pre, c, post) = core(t);
            let lower = c.to_ascii_lowercase();
            let new = format!("{}{}{}", &lower[..range.start], with, &lower[range.end..]);
            format!("{pre}{}{post}", styled(c, &new))
        })
        .collect();
    tokens.join(" ")
}

fn translit(name: &str, letter_rules: bool, rng: &mut Rng) -> Option<String> {
    let mut s = name.to_string();
    let edits = if rng.chance(0.3) { 2 } else { 1 };
    for _ in 0..edits {
        let options = translit_options(&s, letter_rules);
        if options.is_empty() {
            break;
        }
        let whole: Vec<&Edit> = options.iter().filter(|o| o.0).map(|o| &o.1).collect();
        let edit = if !whole.is_empty() && rng.chance(0.6) {
            (*rng.pick(&whole)).clone()
        } else {
            rng.pick(&options).1.clone()
        };
        s = apply_edit(&s, &edit);
    }
    Some(s)
}

// ------------------------------------------------------------ Cyrillic

/// Transliterated Russian organisation words: an entity name made only of
/// these and words not in English is a romanised Russian name.
const RUSSIAN_ORG_WORDS: &[&str] = &[
    "obshchestvo",
    "aktsionernoe",
    "aktsionernoye",
    "otvetstvennostyu",
    "ogranichennoi",
    "ogranichennoy",
    "zavod",
    "kompaniya",
    "predpriyatie",
    "predpriyatiye",
    "nauchno",
    "proizvodstvennoe",
    "proizvodstvennoye",
    "gosudarstvennoe",
    "obedinenie",
    "ooo",
    "oao",
    "zao",
    "pao",
    "ao",
    "nii",
    "tsentr",
    "kontsern",
    "gruppa",
    "torgovy",
    "dom",
];

/// English words that give away a translated (not transliterated) name.
const ENGLISH_WORDS: &[&str] = &[
    "company",
    "limited",
    "liability",
    "joint",
    "stock",
    "research",
    "institute",
    "center",
    "centre",
    "plant",
    "group",
    "bank",
    "technologies",
    "technology",
    "engineering",
    "trading",
    "the",
    "of",
    "and",
    "for",
    "llc",
    "jsc",
    "ltd",
    "corporation",
    "corp",
    "inc",
    "international",
    "holding",
    "holdings",
    "services",
    "systems",
    "scientific",
    "production",
    "enterprise",
    "federal",
    "state",
    "university",
    "academy",
    "public",
    "open",
    "closed",
    "design",
    "bureau",
    "association",
    "investment",
    "development",
    "industrial",
    "fund",
    "management",
    "shipping",
    "energy",
    "oil",
    "gas",
    "national",
    "named",
    "after",
    "military",
    "ojsc",
    "cjsc",
    "pjsc",
    "fka",
    "aka",
];

fn russian_looking(party: &Party, name: &str) -> bool {
    if !name.is_ascii() || !name.chars().any(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    let russian_country = party
        .addresses
        .iter()
        .any(|a| a.country == "RU" || a.country == "BY")
        || party
            .nationalities
            .iter()
            .chain(&party.citizenships)
            .any(|n| n.contains("Russia") || n.contains("Belarus"));
    let w = text::words(name);
    match party.party_type {
        PartyType::Individual => {
            let patronymic = w.iter().any(|x| {
                x.ends_with("ovich")
                    || x.ends_with("evich")
                    || x.ends_with("ovna")
                    || x.ends_with("evna")
            });
            russian_country || patronymic
        }
        PartyType::Entity => {
            russian_country
                && w.iter().any(|x| RUSSIAN_ORG_WORDS.contains(&x.as_str()))
                && !w.iter().any(|x| ENGLISH_WORDS.contains(&x.as_str()))
        }
        _ => false,
    }
}

/// Romanised Russian back to Cyrillic, longest letter group first (a simple
/// inverse of the BGN/PCGN-style romanisation the lists use).
fn to_cyrillic_word(word: &str) -> String {
    const GROUPS: &[(&str, &str)] = &[
        ("shch", "щ"),
        ("sch", "щ"),
        ("zh", "ж"),
        ("kh", "х"),
        ("ts", "ц"),
        ("tz", "ц"),
        ("ch", "ч"),
        ("sh", "ш"),
        ("ya", "я"),
        ("ia", "я"),
        ("yu", "ю"),
        ("iu", "ю"),
        ("yo", "ё"),
        ("ye", "е"),
        ("ph", "ф"),
        ("x", "кс"),
        ("a", "а"),
        ("b", "б"),
        ("v", "в"),
        ("w", "в"),
        ("g", "г"),
        ("d", "д"),
        ("e", "е"),
        ("z", "з"),
        ("i", "и"),
        ("j", "дж"),
        ("k", "к"),
        ("l", "л"),
        ("m", "м"),
        ("n", "н"),
        ("o", "о"),
        ("p", "п"),
        ("r", "р"),
        ("s", "с"),
        ("t", "т"),
        ("u", "у"),
        ("f", "ф"),
        ("h", "х"),
        ("c", "к"),
        ("q", "к"),
        ("'", "ь"),
    ];
    let lower = word.to_ascii_lowercase();
    let vowels = "aeiouy";
    let mut out = String::new();
    let mut i = 0;
    while i < lower.len() {
        let rest = &lower[i..];
        let prev = lower[..i].chars().last();
        // Word-initial "e" is "э"; "iy"/"yy" at the end are "ий"/"ый";
        // "y" after a vowel is "й", elsewhere "ы".
        if i == 0 && rest.starts_with('e') {
            out.push('э');
            i += 1;
            continue;
        }
        if rest == "iy" || rest == "yy" {
            out.push_str(if rest == "iy" { "ий" } else { "ый" });
            break;
        }
        if rest.starts_with('y')
            && !rest.starts_with("ya")
            && !rest.starts_with("yu")
            && !rest.starts_with("yo")
            && !rest.starts_with("ye")
        {
            out.push(if prev.is_some_and(|p| vowels.contains(p)) {
                'й'
            } else {
                'ы'
            });
            i += 1;
            continue;
        }
        match GROUPS.iter().find(|(from, _)| rest.starts_with(from)) {
            Some((from, to)) => {
                out.push_str(to);
                i += from.len();
            }
            None => {
                let c = rest.chars().next().unwrap_or(' ');
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    styled(word, &out)
}

fn cyrillic(party: &Party, name: &str, rng: &mut Rng) -> Option<String> {
    let ordered = match (party.party_type, name.split_once(',')) {
        // Russian order "Путин Владимир Владимирович", or "Владимир Путин".
        (PartyType::Individual, Some((last, given))) if rng.chance(0.5) => {
            format!("{} {}", given.trim(), last.trim())
        }
        _ => name.replace(',', " "),
    };
    let words: Vec<String> = ordered
        .split_whitespace()
        .map(|t| {
            let (pre, c, post) = core(t);
            format!("{pre}{}{post}", to_cyrillic_word(c))
        })
        .collect();
    Some(words.join(" "))
}

// -------------------------------------------------------------- prefix

/// The two words a user types first, in the order they would type them.
fn prefix_words(party: &Party, name: &str, natural: bool) -> Option<(String, String)> {
    let ordered = match (party.party_type, name.split_once(',')) {
        (PartyType::Individual, Some((last, given))) if natural => format!("{given} {last}"),
        _ => name.to_string(),
    };
    // Nobody starts typing "OOO Orion" or "Joint Stock Company Orion" at the
    // legal form.
    let tokens: Vec<&str> = ordered.split_whitespace().collect();
    let skip = match find_form(&tokens) {
        Some((_, _, true, len)) => len,
        _ => 0,
    };
    let w: Vec<String> = tokens[skip..]
        .iter()
        .map(|t| core(t).1.to_string())
        .filter(|t| !t.is_empty())
        .collect();
    if w.len() < 2 {
        return None;
    }
    let first_letters = w[0].chars().filter(|c| c.is_alphabetic()).count();
    let second_letters = w[1].chars().count();
    (first_letters >= 3 && second_letters >= 4 && w[1].chars().all(char::is_alphanumeric))
        .then(|| (w[0].clone(), w[1].clone()))
}

/// What is in the search box while the name is being typed: the first word
/// and three or more letters of the second.
fn prefix(party: &Party, name: &str, rng: &mut Rng) -> Option<String> {
    let natural = rng.chance(0.5);
    let (a, b) =
        prefix_words(party, name, natural).or_else(|| prefix_words(party, name, !natural))?;
    let n = b.chars().count();
    let k = rng.range(3, n - 1);
    let typed: String = b.chars().take(k).collect();
    let q = format!("{a} {typed}");
    Some(if rng.chance(0.5) { q.to_lowercase() } else { q })
}
