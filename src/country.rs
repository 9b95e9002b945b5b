//! ISO 3166-1 alpha-2 country codes and English names.
//!
//! One plain static table ([`COUNTRIES`]) serves both directions:
//! [`name`] turns a code into the name the widget shows, and [`code`] turns
//! the many ways the official lists write a country ("Russia", "Korea,
//! South", "Burma", "Bahamas, The", "UAE", "Region: Crimea") into its code.
//! It is core code (no dependencies) so the wasm build can use it too.
//!
//! The table holds the 249 officially assigned codes plus `XK` (Kosovo), the
//! user-assigned code that OFAC and the CSL use.
//!
//! ```
//! use entity_screen::country;
//! assert_eq!(country::code("Korea, South"), Some("KR"));
//! assert_eq!(country::code("Burma"), Some("MM"));
//! assert_eq!(country::name("IL"), Some("Israel"));
//! assert_eq!(country::code("Atlantis"), None);
//! ```

/// Every code with its English short name, sorted by code.
pub static COUNTRIES: &[(&str, &str)] = &[
    ("AD", "Andorra"),
    ("AE", "United Arab Emirates"),
    ("AF", "Afghanistan"),
    ("AG", "Antigua and Barbuda"),
    ("AI", "Anguilla"),
    ("AL", "Albania"),
    ("AM", "Armenia"),
    ("AO", "Angola"),
    ("AQ", "Antarctica"),
    ("AR", "Argentina"),
    ("AS", "American Samoa"),
    ("AT", "Austria"),
    ("AU", "Australia"),
    ("AW", "Aruba"),
    ("AX", "Åland Islands"),
    ("AZ", "Azerbaijan"),
    ("BA", "Bosnia and Herzegovina"),
    ("BB", "Barbados"),
    ("BD", "Bangladesh"),
    ("BE", "Belgium"),
    ("BF", "Burkina Faso"),
    ("BG", "Bulgaria"),
    ("BH", "Bahrain"),
    ("BI", "Burundi"),
    ("BJ", "Benin"),
    ("BL", "Saint Barthélemy"),
    ("BM", "Bermuda"),
    ("BN", "Brunei"),
    ("BO", "Bolivia"),
    ("BQ", "Bonaire, Sint Eustatius and Saba"),
    ("BR", "Brazil"),
    ("BS", "Bahamas"),
    ("BT", "Bhutan"),
    ("BV", "Bouvet Island"),
    ("BW", "Botswana"),
    ("BY", "Belarus"),
    ("BZ", "Belize"),
    ("CA", "Canada"),
    ("CC", "Cocos (Keeling) Islands"),
    ("CD", "Congo, Democratic Republic of the"),
    ("CF", "Central African Republic"),
    ("CG", "Congo, Republic of the"),
    ("CH", "Switzerland"),
    ("CI", "Côte d'Ivoire"),
    ("CK", "Cook Islands"),
    ("CL", "Chile"),
    ("CM", "Cameroon"),
    ("CN", "China"),
    ("CO", "Colombia"),
    ("CR", "Costa Rica"),
    ("CU", "Cuba"),
    ("CV", "Cabo Verde"),
    ("CW", "Curaçao"),
    ("CX", "Christmas Island"),
    ("CY", "Cyprus"),
    ("CZ", "Czechia"),
    ("DE", "Germany"),
    ("DJ", "Djibouti"),
    ("DK", "Denmark"),
    ("DM", "Dominica"),
    ("DO", "Dominican Republic"),
    ("DZ", "Algeria"),
    ("EC", "Ecuador"),
    ("EE", "Estonia"),
    ("EG", "Egypt"),
    ("EH", "Western Sahara"),
    ("ER", "Eritrea"),
    ("ES", "Spain"),
    ("ET", "Ethiopia"),
    ("FI", "Finland"),
    ("FJ", "Fiji"),
    ("FK", "Falkland Islands"),
    ("FM", "Micronesia"),
    ("FO", "Faroe Islands"),
    ("FR", "France"),
    ("GA", "Gabon"),
    ("GB", "United Kingdom"),
    ("GD", "Grenada"),
    ("GE", "Georgia"),
    ("GF", "French Guiana"),
    ("GG", "Guernsey"),
    ("GH", "Ghana"),
    ("GI", "Gibraltar"),
    ("GL", "Greenland"),
    ("GM", "Gambia"),
    ("GN", "Guinea"),
    ("GP", "Guadeloupe"),
    ("GQ", "Equatorial Guinea"),
    ("GR", "Greece"),
    ("GS", "South Georgia and the South Sandwich Islands"),
    ("GT", "Guatemala"),
    ("GU", "Guam"),
    ("GW", "Guinea-Bissau"),
    ("GY", "Guyana"),
    ("HK", "Hong Kong"),
    ("HM", "Heard Island and McDonald Islands"),
    ("HN", "Honduras"),
    ("HR", "Croatia"),
    ("HT", "Haiti"),
    ("HU", "Hungary"),
    ("ID", "Indonesia"),
    ("IE", "Ireland"),
    ("IL", "Israel"),
    ("IM", "Isle of Man"),
    ("IN", "India"),
    ("IO", "British Indian Ocean Territory"),
    ("IQ", "Iraq"),
    ("IR", "Iran"),
    ("IS", "Iceland"),
    ("IT", "Italy"),
    ("JE", "Jersey"),
    ("JM", "Jamaica"),
    ("JO", "Jordan"),
    ("JP", "Japan"),
    ("KE", "Kenya"),
    ("KG", "Kyrgyzstan"),
    ("KH", "Cambodia"),
    ("KI", "Kiribati"),
    ("KM", "Comoros"),
    ("KN", "Saint Kitts and Nevis"),
    ("KP", "North Korea"),
    ("KR", "South Korea"),
    ("KW", "Kuwait"),
    ("KY", "Cayman Islands"),
    ("KZ", "Kazakhstan"),
    ("LA", "Laos"),
    ("LB", "Lebanon"),
    ("LC", "Saint Lucia"),
    ("LI", "Liechtenstein"),
    ("LK", "Sri Lanka"),
    ("LR", "Liberia"),
    ("LS", "Lesotho"),
    ("LT", "Lithuania"),
    ("LU", "Luxembourg"),
    ("LV", "Latvia"),
    ("LY", "Libya"),
    ("MA", "Morocco"),
    ("MC", "Monaco"),
    ("MD", "Moldova"),
    ("ME", "Montenegro"),
    ("MF", "Saint Martin (French part)"),
    ("MG", "Madagascar"),
    ("MH", "Marshall Islands"),
    ("MK", "North Macedonia"),
    ("ML", "Mali"),
    ("MM", "Burma"),
    ("MN", "Mongolia"),
    ("MO", "Macau"),
    ("MP", "Northern Mariana Islands"),
    ("MQ", "Martinique"),
    ("MR", "Mauritania"),
    ("MS", "Montserrat"),
    ("MT", "Malta"),
    ("MU", "Mauritius"),
    ("MV", "Maldives"),
    ("MW", "Malawi"),
    ("MX", "Mexico"),
    ("MY", "Malaysia"),
    ("MZ", "Mozambique"),
    ("NA", "Namibia"),
    ("NC", "New Caledonia"),
    ("NE", "Niger"),
    ("NF", "Norfolk Island"),
    ("NG", "Nigeria"),
    ("NI", "Nicaragua"),
    ("NL", "Netherlands"),
    ("NO", "Norway"),
    ("NP", "Nepal"),
    ("NR", "Nauru"),
    ("NU", "Niue"),
    ("NZ", "New Zealand"),
    ("OM", "Oman"),
    ("PA", "Panama"),
    ("PE", "Peru"),
    ("PF", "French Polynesia"),
    ("PG", "Papua New Guinea"),
    ("PH", "Philippines"),
    ("PK", "Pakistan"),
    ("PL", "Poland"),
    ("PM", "Saint Pierre and Miquelon"),
    ("PN", "Pitcairn"),
    ("PR", "Puerto Rico"),
    ("PS", "Palestinian Territories"),
    ("PT", "Portugal"),
    ("PW", "Palau"),
    ("PY", "Paraguay"),
    ("QA", "Qatar"),
    ("RE", "Réunion"),
    ("RO", "Romania"),
    ("RS", "Serbia"),
    ("RU", "Russia"),
    ("RW", "Rwanda"),
    ("SA", "Saudi Arabia"),
    ("SB", "Solomon Islands"),
    ("SC", "Seychelles"),
    ("SD", "Sudan"),
    ("SE", "Sweden"),
    ("SG", "Singapore"),
    ("SH", "Saint Helena, Ascension and Tristan da Cunha"),
    ("SI", "Slovenia"),
    ("SJ", "Svalbard and Jan Mayen"),
    ("SK", "Slovakia"),
    ("SL", "Sierra Leone"),
    ("SM", "San Marino"),
    ("SN", "Senegal"),
    ("SO", "Somalia"),
    ("SR", "Suriname"),
    ("SS", "South Sudan"),
    ("ST", "Sao Tome and Principe"),
    ("SV", "El Salvador"),
    ("SX", "Sint Maarten (Dutch part)"),
    ("SY", "Syria"),
    ("SZ", "Eswatini"),
    ("TC", "Turks and Caicos Islands"),
    ("TD", "Chad"),
    ("TF", "French Southern Territories"),
    ("TG", "Togo"),
    ("TH", "Thailand"),
    ("TJ", "Tajikistan"),
    ("TK", "Tokelau"),
    ("TL", "Timor-Leste"),
    ("TM", "Turkmenistan"),
    ("TN", "Tunisia"),
    ("TO", "Tonga"),
    ("TR", "Türkiye"),
    ("TT", "Trinidad and Tobago"),
    ("TV", "Tuvalu"),
    ("TW", "Taiwan"),
    ("TZ", "Tanzania"),
    ("UA", "Ukraine"),
    ("UG", "Uganda"),
    ("UM", "United States Minor Outlying Islands"),
    ("US", "United States"),
    ("UY", "Uruguay"),
    ("UZ", "Uzbekistan"),
    ("VA", "Holy See (Vatican City)"),
    ("VC", "Saint Vincent and the Grenadines"),
    ("VE", "Venezuela"),
    ("VG", "British Virgin Islands"),
    ("VI", "U.S. Virgin Islands"),
    ("VN", "Vietnam"),
    ("VU", "Vanuatu"),
    ("WF", "Wallis and Futuna"),
    ("WS", "Samoa"),
    ("XK", "Kosovo"),
    ("YE", "Yemen"),
    ("YT", "Mayotte"),
    ("ZA", "South Africa"),
    ("ZM", "Zambia"),
    ("ZW", "Zimbabwe"),
];

/// Other spellings the lists use, already in [`normalize_name`] form.
static VARIANTS: &[(&str, &str)] = &[
    ("bahamas the", "BS"),
    ("the bahamas", "BS"),
    ("bolivarian republic of venezuela", "VE"),
    ("britain", "GB"),
    ("great britain", "GB"),
    ("england", "GB"),
    ("uk", "GB"),
    ("brunei darussalam", "BN"),
    ("cape verde", "CV"),
    ("congo democratic republic of the", "CD"),
    ("democratic republic of the congo", "CD"),
    ("drc", "CD"),
    ("congo kinshasa", "CD"),
    ("congo republic of the", "CG"),
    ("republic of the congo", "CG"),
    ("congo brazzaville", "CG"),
    ("cote d ivoire", "CI"),
    ("cote divoire", "CI"),
    ("ivory coast", "CI"),
    ("crimea", "UA"),
    ("crimea region of ukraine", "UA"),
    ("czech republic", "CZ"),
    ("east timor", "TL"),
    ("gambia the", "GM"),
    ("the gambia", "GM"),
    ("holy see", "VA"),
    ("vatican", "VA"),
    ("vatican city", "VA"),
    ("hong kong sar", "HK"),
    ("iran islamic republic of", "IR"),
    ("islamic republic of iran", "IR"),
    ("korea south", "KR"),
    ("republic of korea", "KR"),
    ("korea republic of", "KR"),
    ("korea north", "KP"),
    ("dprk", "KP"),
    ("democratic peoples republic of korea", "KP"),
    ("korea democratic peoples republic of", "KP"),
    ("lao peoples democratic republic", "LA"),
    ("macao", "MO"),
    ("macedonia", "MK"),
    ("north macedonia the republic of", "MK"),
    ("republic of north macedonia", "MK"),
    ("man isle of", "IM"),
    ("isle of man", "IM"),
    ("moldova republic of", "MD"),
    ("republic of moldova", "MD"),
    ("myanmar", "MM"),
    ("palestine", "PS"),
    ("palestinian", "PS"),
    ("palestinian territory", "PS"),
    ("state of palestine", "PS"),
    ("west bank", "PS"),
    ("gaza", "PS"),
    ("north gaza", "PS"),
    ("northern gaza", "PS"),
    ("peoples republic of china", "CN"),
    ("prc", "CN"),
    ("russian federation", "RU"),
    ("swaziland", "SZ"),
    ("syrian arab republic", "SY"),
    ("taiwan province of china", "TW"),
    ("tanzania united republic of", "TZ"),
    ("turkey", "TR"),
    ("turkiye", "TR"),
    ("uae", "AE"),
    ("usa", "US"),
    ("us", "US"),
    ("united states of america", "US"),
    ("venezuela bolivarian republic of", "VE"),
    ("viet nam", "VN"),
    ("virgin islands british", "VG"),
    ("virgin islands us", "VI"),
];

/// The English name of an ISO-2 code (case-insensitive), e.g. `"IL"` -> `"Israel"`.
pub fn name(code: &str) -> Option<&'static str> {
    let code = code.trim();
    COUNTRIES
        .binary_search_by(|(c, _)| c.bytes().cmp(code.bytes().map(|b| b.to_ascii_uppercase())))
        .ok()
        .and_then(|i| COUNTRIES.get(i))
        .map(|(_, n)| *n)
}

/// The ISO-2 code of a country as the lists write it, or `None` when the text
/// names no single country (e.g. "Middle East Region", "undetermined").
///
/// Accepts the table's names, the [`VARIANTS`] ("Russia", "Korea, South",
/// "UAE", ...), a bare upper-case code (`"RU"`), a `"Region: X"` prefix and a
/// parenthesised alternative (`"Turkey (Turkiye)"`, `"North Korea (DPRK)"`).
pub fn code(text: &str) -> Option<&'static str> {
    let t = text.trim();
    if t.len() == 2 && t.bytes().all(|b| b.is_ascii_uppercase()) {
        return COUNTRIES.iter().find(|(c, _)| *c == t).map(|(c, _)| *c);
    }
    let t = strip_prefix_ci(t, "region:").unwrap_or(t).trim();
    if let Some(c) = lookup(&normalize_name(t)) {
        return Some(c);
    }
    // "X (Y)": try X alone, then Y alone.
    if let (Some(open), Some(close)) = (t.find('('), t.rfind(')')) {
        if open < close {
            let outer = t.get(..open).unwrap_or("");
            let inner = t.get(open + 1..close).unwrap_or("");
            return lookup(&normalize_name(outer)).or_else(|| lookup(&normalize_name(inner)));
        }
    }
    None
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

fn lookup(norm: &str) -> Option<&'static str> {
    if norm.is_empty() {
        return None;
    }
    if let Some((_, c)) = VARIANTS.iter().find(|(v, _)| *v == norm) {
        return Some(c);
    }
    COUNTRIES
        .iter()
        .find(|(_, n)| normalize_name(n) == norm)
        .map(|(c, _)| *c)
}

/// Lower case, Latin accents folded, `&` read as "and", apostrophes and dots
/// dropped, every other non-alphanumeric run one space.
pub fn normalize_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for ch in s.chars() {
        let folded = match ch {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
                'a'
            }
            'ç' | 'Ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ñ' | 'Ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            '\'' | '’' | '.' => continue,
            c => c.to_ascii_lowercase(),
        };
        if folded == '&' {
            if !space {
                out.push(' ');
            }
            out.push_str("and ");
            space = true;
        } else if folded.is_ascii_alphanumeric() {
            out.push(folded);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_table_is_sorted_and_unique() {
        assert!(COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(COUNTRIES.len(), 250);
    }

    #[test]
    fn variants_point_at_known_codes() {
        for (v, c) in VARIANTS {
            assert!(name(c).is_some(), "{v} -> {c}");
            assert_eq!(normalize_name(v), *v);
        }
    }

    #[test]
    fn code_reads_the_spellings_of_the_lists() {
        for (text, want) in [
            ("Russia", "RU"),
            ("Iran", "IR"),
            ("South Korea", "KR"),
            ("Korea, North", "KP"),
            ("North Korea (DPRK)", "KP"),
            ("Burma", "MM"),
            ("Hong Kong", "HK"),
            ("Taiwan", "TW"),
            ("United Arab Emirates", "AE"),
            ("UAE", "AE"),
            ("Bahamas, The", "BS"),
            ("Man, Isle of", "IM"),
            ("Cote d Ivoire", "CI"),
            ("Côte d'Ivoire", "CI"),
            ("Turkey (Turkiye)", "TR"),
            ("People’s Republic of China", "CN"),
            ("Region: Crimea", "UA"),
            ("Antigua and Barbuda", "AG"),
            ("Bosnia & Herzegovina", "BA"),
            ("Congo, Democratic Republic of the", "CD"),
            ("Kosovo", "XK"),
            ("IL", "IL"),
        ] {
            assert_eq!(code(text), Some(want), "{text}");
        }
        for text in ["", "undetermined", "Middle East Region", "Atlantis", "ZZ"] {
            assert_eq!(code(text), None, "{text}");
        }
    }

    #[test]
    fn name_is_case_insensitive() {
        assert_eq!(name("sg"), Some("Singapore"));
        assert_eq!(name("RU"), Some("Russia"));
        assert_eq!(name("QQ"), None);
        assert_eq!(name(""), None);
    }
}
