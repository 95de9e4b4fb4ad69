#![no_main]
//! Extraction: every quote is the original text at its offsets.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let ex = hasila::extract::Extractor::new(hasila::lexicon::builtin(), hasila::numbers::builtin_lenient());
    for m in ex.extract("fuzz", &text, None) {
        assert_eq!(&text[m.start..m.end], m.quote);
    }
});
