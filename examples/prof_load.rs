use std::time::Instant;
fn main() {
    let b = entity_screen::dataset::EMBEDDED;
    let (s, d) = entity_screen::dataset::format::split(b).unwrap();
    for _ in 0..3 {
        let t = Instant::now();
        let _ = entity_screen::dataset::format::fnv1a64(b);
        let t1 = t.elapsed();
        let t = Instant::now();
        let st = entity_screen::dataset::Store::from_bytes(&s).unwrap();
        let t2 = t.elapsed();
        let t = Instant::now();
        let mut st2 = st;
        st2.attach_details(&d).unwrap();
        let t3 = t.elapsed();
        let t = Instant::now();
        let sc = entity_screen::Screener::from_bytes(&s).unwrap();
        let t4 = t.elapsed();
        println!(
            "fnv {t1:?} search-store {t2:?} attach {t3:?} screener(search) {t4:?} {}",
            sc.store().len()
        );
    }
}
