fn main() {
    let path = std::env::args().nth(1).unwrap();
    let src = std::fs::read_to_string(path).unwrap();
    let texts: Vec<String> = src
        .lines()
        .take(20000)
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["text"].as_str().unwrap().to_string()
        })
        .collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let ex = hasila::extract::Extractor::new(
        hasila::lexicon::builtin(),
        hasila::numbers::builtin_lenient(),
    );
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..3 {
        n += texts
            .iter()
            .map(|x| ex.extract("d", x, None).len())
            .sum::<usize>();
    }
    println!(
        "{} MB/s {n}",
        3.0 * bytes as f64 / 1e6 / t.elapsed().as_secs_f64()
    );
}
