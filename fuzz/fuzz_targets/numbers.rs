#![no_main]
//! The number parser: spans inside the text, on char boundaries, qualifiers around them.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let n = hasila::normalize::normalize(&text);
    for q in hasila::numbers::builtin().parse(&n.text) {
        assert!(q.full_start <= q.start && q.start < q.end && q.end <= q.full_end && q.full_end <= n.text.len());
        assert!(n.text.is_char_boundary(q.start) && n.text.is_char_boundary(q.end));
    }
});
