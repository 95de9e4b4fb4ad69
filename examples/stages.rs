use std::time::Instant;
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
    let mb = bytes as f64 / 1e6;
    let ex = hasila::extract::Extractor::new(
        hasila::lexicon::builtin(),
        hasila::numbers::builtin_lenient(),
    );
    let t = Instant::now();
    let n: usize = texts
        .iter()
        .map(|x| hasila::normalize::normalize(x).map.len())
        .sum();
    let e = t.elapsed().as_secs_f64();
    let norms: Vec<_> = texts
        .iter()
        .map(|x| hasila::normalize::normalize(x))
        .collect();
    println!("normalize {:.0} MB/s", mb / e);
    let t = Instant::now();
    let n: usize = norms
        .iter()
        .map(|x| hasila::numbers::tokens::tokenize(&x.text).len())
        .sum();
    let e = t.elapsed().as_secs_f64();
    println!("tokenize {:.0} MB/s ({n})", mb / e);
    if std::env::var_os("NOQ").is_none() {
        let t = Instant::now();
        let n: usize = texts.iter().map(|x| ex.extract("d", x, None).len()).sum();
        let e = t.elapsed().as_secs_f64();
        println!("extract {:.0} MB/s ({n})", mb / e);
    }
    let t = Instant::now();
    let n: usize = texts.iter().map(|x| ex.rule_hits(x).len()).sum();
    let e = t.elapsed().as_secs_f64();
    println!("read+hits (rule_hits) {:.0} MB/s ({n})", mb / e);
    let t = Instant::now();
    let n: usize = norms
        .iter()
        .map(|x| hasila::dates::dates_in(&x.text).len())
        .sum();
    let e = t.elapsed().as_secs_f64();
    println!("dates_in {:.0} MB/s ({n})", mb / e);
    let t = Instant::now();
    let n: usize = texts
        .iter()
        .map(|x| serde_json::to_string(x).unwrap().len())
        .sum();
    let e = t.elapsed().as_secs_f64();
    println!("json escape {:.0} MB/s ({n})", mb / e);
}
