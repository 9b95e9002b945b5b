//! The dataset's two parts (search and details) on the real default
//! dataset, and crafted files that would cost far more than their size if
//! the loader believed what they say.

use entity_screen::dataset::format::{self, FormatError, FORMAT_VERSION, HEADER_LEN};
use entity_screen::dataset::{Store, EMBEDDED};
use entity_screen::model::{ListId, PartyType};
use entity_screen::{Dataset, Screener, SearchOptions};

fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn text(out: &mut Vec<u8>, s: &str) {
    varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// A party id in the id column's text form (`(length << 2) | 1`, then
/// the bytes; see `IdColumn` in the format).
fn id_text(out: &mut Vec<u8>, s: &str) {
    varint(out, (s.len() as u64) << 2 | 1);
    out.extend_from_slice(s.as_bytes());
}

fn strings(out: &mut Vec<u8>, table: &[&str]) {
    varint(out, table.len() as u64);
    for s in table {
        varint(out, s.len() as u64);
    }
    for s in table {
        out.extend_from_slice(s.as_bytes());
    }
}

/// A file of these sections, with a valid header.
fn file(sections: &[(u8, &[u8])]) -> Vec<u8> {
    let mut p = Vec::new();
    varint(&mut p, sections.len() as u64);
    for (tag, body) in sections {
        p.push(*tag);
        varint(&mut p, body.len() as u64);
        p.extend_from_slice(body);
    }
    let mut b = Vec::with_capacity(HEADER_LEN + p.len());
    b.extend_from_slice(&format::MAGIC);
    b.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    b.extend_from_slice(&(p.len() as u64).to_le_bytes());
    b.extend_from_slice(&format::checksum(&p).to_le_bytes());
    b.extend_from_slice(&p);
    b
}

/// A search section of `n` Entity List parties named "Acme", each citing
/// string 1 of the table (`citation`).
fn search_body(n: usize, citation: &str) -> Vec<u8> {
    let mut b = Vec::new();
    strings(&mut b, &["", citation]);
    varint(&mut b, u64::from(entity_screen::normalize::VERSION));
    varint(&mut b, 0); // label ""
    varint(&mut b, 1); // one list
    b.push(ListId::El.to_u8());
    varint(&mut b, 0); // as_of ""
    varint(&mut b, n as u64);
    varint(&mut b, 0); // no sources
    varint(&mut b, n as u64);
    b.extend(std::iter::repeat(ListId::El.to_u8()).take(n));
    let entity = PartyType::ALL
        .iter()
        .position(|&t| t == PartyType::Entity)
        .unwrap() as u8;
    b.extend(std::iter::repeat(entity).take(n));
    (0..n).for_each(|i| id_text(&mut b, &i.to_string()));
    (0..n).for_each(|_| text(&mut b, "Acme"));
    b.extend(std::iter::repeat(0).take(n)); // alias counts
    b.extend(std::iter::repeat(0).take(n)); // country counts
    b.extend(std::iter::repeat(1).take(n)); // citation: string 1
    b.extend(std::iter::repeat(0).take(n)); // each its own group
    b.extend(std::iter::repeat(0).take(n)); // no also
    varint(&mut b, 1); // one token
    varint(&mut b, 0);
    text(&mut b, "acme");
    b.push(0); // a word
    for _ in 0..n {
        b.extend([1, 0]); // one token: "acme"
    }
    b
}

/// An empty details record (every count 0, every string "", whose code
/// in a record is 1: 0 is "the next string used once").
fn empty_record() -> Vec<u8> {
    // addresses, programs, 7 strings, ids, 4 lists, vessel tag, 5 strings,
    // provenance.
    let mut r = vec![0, 0];
    r.extend([1; 7]);
    r.extend([0; 1 + 4 + 1]);
    r.extend([1; 5]);
    r.push(0);
    r
}

#[test]
fn a_search_file_searches_before_its_details_arrive_and_matches_the_full_file_after() {
    let (search, details) = format::split(EMBEDDED).unwrap();
    assert!(search.len() + details.len() < EMBEDDED.len() + 64);
    let full = Screener::from_bytes(EMBEDDED).unwrap();
    let mut part = Screener::from_bytes(&search).unwrap();
    assert!(!part.store().has_details());

    let options = SearchOptions::default();
    let before = part.search("Candiru", &options);
    let want = full.search("Candiru", &options);
    assert_eq!(before[0].name, "Candiru");
    assert_eq!(before[0].citation, "86 FR 60760");
    assert_eq!(before[0].countries, ["IL"]);
    assert!(before[0].record.is_none(), "no record before the details");
    assert!(part.detail(before[0].key).is_none());

    part.attach_details(&details).unwrap();
    let after = part.search("Candiru", &options);
    assert_eq!(after[0].record, want[0].record);
    assert!(after[0].record.as_ref().unwrap().start_date == "2021-11-04");
    let d = part.detail(after[0].key).unwrap();
    assert_eq!(Some(&d.record), want[0].record.as_ref());
    assert_eq!(d.name, "Candiru");
}

#[test]
fn every_record_of_the_split_files_equals_the_full_files() {
    let (search, details) = format::split(EMBEDDED).unwrap();
    let mut store = Store::from_bytes(&search).unwrap();
    store.attach_details(&details).unwrap();
    let full = Dataset::from_bytes(EMBEDDED).unwrap();
    assert_eq!(store.to_dataset().unwrap(), full);
    assert_eq!(full.parties.len(), 25_920);
}

#[test]
fn a_details_file_of_another_dataset_or_a_search_file_as_details_is_refused() {
    let (search, details) = format::split(EMBEDDED).unwrap();
    let mut other = Store::from_bytes(&file(&[(1, &search_body(1, ""))])).unwrap();
    assert_eq!(
        other.attach_details(&details),
        Err(FormatError::DetailsMismatch)
    );
    let mut store = Store::from_bytes(&search).unwrap();
    assert_eq!(
        store.attach_details(&search),
        Err(FormatError::MissingPart { part: "details" })
    );
    assert!(matches!(
        Store::from_bytes(&details),
        Err(FormatError::MissingPart { part: "search" })
    ));
    let e = Store::from_bytes(&details).err().unwrap().to_string();
    assert!(e.contains("no search part"), "{e}");
}

#[test]
fn a_dataset_tokenised_by_another_normaliser_version_is_refused() {
    let mut body = search_body(1, "");
    // The version follows the two-string table ("", "").
    let at = 1 + 2;
    body[at] = body[at].wrapping_add(1);
    let e = Store::from_bytes(&file(&[(1, &body)])).err().unwrap();
    assert!(matches!(e, FormatError::NormalizerMismatch { .. }), "{e:?}");
    assert!(e.to_string().contains("rebuild"), "{e}");
}

#[test]
fn a_token_marked_as_an_ordinary_word_loads_and_an_unknown_token_kind_is_refused() {
    // The kind byte of the one token comes just before the names' codes
    // (two bytes per name).
    let n = 2;
    let body = search_body(n, "");
    let at = body.len() - 2 * n - 1;
    assert_eq!(body[at], 0, "the word kind");
    let mut ordinary = body.clone();
    ordinary[at] = 5;
    let screener = Screener::from_bytes(&file(&[(1, &ordinary)])).unwrap();
    let found = screener.search("Acme", &SearchOptions::default());
    assert_eq!(found.len(), n, "an ordinary word is still a word");
    for bad in [6u8, 0x80, 0xff] {
        let mut unknown = body.clone();
        unknown[at] = bad;
        let e = Store::from_bytes(&file(&[(1, &unknown)])).err().unwrap();
        assert!(e.to_string().contains("token kind"), "{bad}: {e}");
    }
}

#[test]
fn a_list_declared_a_quarter_million_times_is_refused_at_the_second() {
    // 2 MB of list entries: the old loader took 17 s and froze the page.
    let mut b = Vec::new();
    strings(&mut b, &[""]);
    varint(&mut b, u64::from(entity_screen::normalize::VERSION));
    varint(&mut b, 0);
    varint(&mut b, 250_000);
    for _ in 0..250_000 {
        b.extend([ListId::El.to_u8(), 0, 0, 0]);
    }
    let bytes = file(&[(1, &b)]);
    assert!(bytes.len() > 1_000_000);
    let e = Store::from_bytes(&bytes).err().unwrap();
    match e {
        FormatError::Malformed { what, offset } => {
            assert!(what.contains("declared twice"), "{what}");
            assert!(
                offset < 100,
                "refused at the second entry, not later: {offset}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_record_referring_to_one_long_string_over_and_over_is_refused() {
    // A 100 KB string referred to 100,000 times by one record: 10 GB if
    // copied. The old loader turned a 110 KB file into 980 MB this way.
    let search = search_body(1, "");
    let long = "A".repeat(100_000);
    let mut d = Vec::new();
    d.extend_from_slice(&format::checksum(&search).to_le_bytes());
    strings(&mut d, &["", &long]);
    varint(&mut d, 0); // no provenance profiles
    varint(&mut d, 2); // no string used once (the next would be past the table)
    varint(&mut d, 1); // one record
    let mut rec = Vec::new();
    varint(&mut rec, 50_000);
    for _ in 0..50_000 {
        rec.extend([2, 2]); // string 1, twice per address
    }
    rec.extend_from_slice(&empty_record()[1..]);
    varint(&mut d, rec.len() as u64);
    d.extend_from_slice(&rec);
    let bytes = file(&[(1, &search), (2, &d)]);
    assert!(bytes.len() < 300_000);
    let e = Screener::from_bytes(&bytes).err().unwrap();
    assert!(
        matches!(e, FormatError::Malformed { what, .. } if what.contains("more text than the file holds")),
        "{e:?}"
    );
    // The same record with one reference loads and decodes.
    let mut d2 = Vec::new();
    d2.extend_from_slice(&format::checksum(&search).to_le_bytes());
    strings(&mut d2, &["", &long]);
    varint(&mut d2, 0);
    varint(&mut d2, 2);
    varint(&mut d2, 1);
    let mut rec = vec![1, 2, 1]; // one address: text string 1, country ""
    rec.extend_from_slice(&empty_record()[1..]);
    varint(&mut d2, rec.len() as u64);
    d2.extend_from_slice(&rec);
    let s = Screener::from_bytes(&file(&[(1, &search), (2, &d2)])).unwrap();
    let p = s.store().record(0).unwrap();
    assert_eq!(p.addresses[0].text.len(), 100_000);
}

#[test]
fn many_parties_citing_one_long_string_search_in_place_but_do_not_decode_all_at_once() {
    // 20,000 parties citing one 100 KB string: 2 GB if every record were
    // decoded. Searching borrows the string; decoding all is refused.
    let n = 20_000;
    let long = "B".repeat(100_000);
    let search = search_body(n, &long);
    let mut d = Vec::new();
    d.extend_from_slice(&format::checksum(&search).to_le_bytes());
    strings(&mut d, &[""]);
    varint(&mut d, 0);
    varint(&mut d, 1);
    varint(&mut d, n as u64);
    for _ in 0..n {
        let rec = empty_record();
        varint(&mut d, rec.len() as u64);
        d.extend_from_slice(&rec);
    }
    let bytes = file(&[(1, &search), (2, &d)]);
    let s = Screener::from_bytes(&bytes).unwrap();
    // Every name is "Acme": a word on every name weighs little, so the
    // threshold is lowered to see them.
    let options = SearchOptions {
        limit: 3,
        threshold: 0.01,
        ..SearchOptions::default()
    };
    let hits = s.search_summaries("acme", &options);
    assert_eq!(hits.len(), 3);
    assert_eq!(hits[0].citation.len(), 100_000);
    let e = Dataset::from_bytes(&bytes).err().unwrap();
    assert!(
        matches!(e, FormatError::Malformed { what, .. } if what.contains("more text")),
        "{e:?}"
    );
}

#[test]
fn truncated_bit_flipped_and_wrong_version_parts_keep_their_typed_errors() {
    let (search, details) = format::split(EMBEDDED).unwrap();
    for part in [&search, &details] {
        let cut = &part[..part.len() - 1];
        assert!(matches!(
            Store::from_bytes(cut),
            Err(FormatError::Truncated { .. })
        ));
        let mut flipped = part.clone();
        let at = flipped.len() / 2;
        flipped[at] ^= 0x10;
        assert!(matches!(
            Store::from_bytes(&flipped),
            Err(FormatError::ChecksumMismatch { .. })
        ));
        let mut old = part.clone();
        old[8..12].copy_from_slice(&2u32.to_le_bytes());
        assert_eq!(
            Store::from_bytes(&old).err(),
            Some(FormatError::UnsupportedVersion {
                found: 2,
                supported: FORMAT_VERSION
            })
        );
    }
}

#[test]
fn count_columns_whose_total_is_more_than_the_section_holds_are_refused() {
    // Each count alone fits in the bytes left; together they claim more
    // values than the section has bytes, which the loader must not reserve.
    let n = 64;
    let body = search_body(n, "");
    let names_end = body.windows(5).rposition(|w| w == b"\x04Acme").unwrap() + 5;
    // Alias counts, country counts, citations, groups, also counts: a byte
    // per party each.
    for (column, want) in [
        (0, "alias count (more aliases than bytes)"),
        (1, "country count (more countries than bytes)"),
        (4, "also count (more groups than bytes)"),
    ] {
        let at = names_end + column * n;
        assert!(body[at..at + n].iter().all(|&c| c == 0));
        let mut b = body[..at].to_vec();
        (0..n).for_each(|_| varint(&mut b, 200));
        b.extend_from_slice(&body[at + n..]);
        assert!(b.len() < 200 * n, "the counts' total exceeds the section");
        let e = Store::from_bytes(&file(&[(1, &b)])).err().unwrap();
        assert!(
            matches!(e, FormatError::Malformed { what, .. } if what == want),
            "{want}: {e:?}"
        );
    }
    // The file these were made from loads.
    Store::from_bytes(&file(&[(1, &body)])).unwrap();
}
