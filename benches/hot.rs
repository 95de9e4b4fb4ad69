//! The hot functions, one article at a time: normalisation, the number parser, and the
//! whole extraction. `cargo bench`; `scripts/bench.sh` measures the command line.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn articles() -> String {
    let mut text = String::new();
    for f in [
        "000_521d17881f72e213",
        "001_0dba28c0c5621694",
        "002_fb12332a784e496c",
        "003_922828a0f1ed98e6",
        "004_2fc55522fb4c8d37",
    ] {
        let p = format!("{}/fixtures/samples/{f}.txt", env!("CARGO_MANIFEST_DIR"));
        text.push_str(&std::fs::read_to_string(p).unwrap());
        text.push_str("\n\n");
    }
    text
}

fn hot(c: &mut Criterion) {
    let text = articles();
    let norm = hasila::normalize::normalize(&text);
    let ex = hasila::extract::Extractor::new(
        hasila::lexicon::builtin(),
        hasila::numbers::builtin_lenient(),
    );
    let mut g = c.benchmark_group("samples");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("normalize", |b| {
        b.iter(|| hasila::normalize::normalize(black_box(&text)))
    });
    g.bench_function("numbers", |b| {
        b.iter(|| hasila::numbers::builtin().parse(black_box(&norm.text)))
    });
    g.bench_function("extract", |b| {
        b.iter(|| ex.extract("bench", black_box(&text), None))
    });
    g.finish();

    // News text as the corpus holds it: the dev articles, Arabic prose with few menus.
    // Criterion runs the same few texts over and over, and the branch predictor learns
    // them: branchy code looks faster here than on new text. `scripts/bench.sh`, on a
    // corpus, is the judge.
    let dev = dev_texts();
    let mut g = c.benchmark_group("dev");
    g.throughput(Throughput::Bytes(dev.iter().map(|t| t.len() as u64).sum()));
    g.bench_function("normalize", |b| {
        b.iter(|| {
            for t in &dev {
                black_box(hasila::normalize::normalize(black_box(t)));
            }
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            for t in &dev {
                black_box(ex.extract("bench", black_box(t), None));
            }
        })
    });
    g.finish();
}

/// The texts of the dev articles.
fn dev_texts() -> Vec<String> {
    let p = format!("{}/fixtures/gold/dev.jsonl", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(p)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["text"].as_str().unwrap().to_string()
        })
        .collect()
}

criterion_group!(benches, hot);
criterion_main!(benches);
