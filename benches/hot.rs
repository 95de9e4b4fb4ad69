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
}

criterion_group!(benches, hot);
criterion_main!(benches);
