#![no_main]
//! A rules file: any bytes are a valid rules file or an error with its line, never a
//! panic, and a file that loads extracts from text (its own words included) with every
//! quote the original text at its offsets.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    // The built-in file's [closed] table, so that fuzzed rows can load.
    let builtin = hasila::lexicon::BUILTIN;
    let from = builtin.find("\n[closed]").unwrap() + 1;
    let to = builtin[from + 1..].find("\n[").map_or(builtin.len(), |k| from + 1 + k);
    let closed = &builtin[from..to];
    for file in [src.to_string(), format!("{src}\n{closed}")] {
        let Ok(lex) = hasila::lexicon::Lexicon::parse(&file) else {
            continue;
        };
        let ex = hasila::extract::Extractor::new(&lex, hasila::numbers::builtin_lenient());
        let text = format!("قتل 5 مدنيين وأصيب 3 أطفال في حلب. {src}");
        for m in ex.extract("fuzz", &text, None) {
            assert_eq!(&text[m.start..m.end], m.quote);
        }
    }
});
