//! Each region of the default dataset's encoding, raw and gzip -9 (each
//! region compressed alone, so the gzip column is indicative of its share,
//! not additive to the file's), then the two part files as the web fetches
//! them. `cargo run --release --example sections`
use std::io::Write;

use entity_screen::dataset::{format, EMBEDDED};
use entity_screen::Dataset;

fn gzip(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).expect("in-memory write");
    e.finish().expect("in-memory gzip").len()
}

fn main() {
    let d = Dataset::from_bytes(EMBEDDED).expect("the embedded dataset decodes");
    let regions = format::regions(&d);
    let total: usize = regions.iter().map(|r| r.1.len()).sum();
    println!("| region | raw bytes | share | gzip -9 alone |");
    println!("|---|---:|---:|---:|");
    for (name, bytes) in &regions {
        println!(
            "| {name} | {} | {:.1} % | {} |",
            bytes.len(),
            100.0 * bytes.len() as f64 / total as f64,
            gzip(bytes)
        );
    }
    let (s, det) = format::split(EMBEDDED).expect("the embedded dataset splits");
    println!(
        "| **search file** (entity-screen.esd) | {} | | {} |",
        s.len(),
        gzip(&s)
    );
    println!(
        "| **details file** (entity-screen.details.esd) | {} | | {} |",
        det.len(),
        gzip(&det)
    );
}
