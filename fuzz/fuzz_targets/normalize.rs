#![no_main]
//! Normalisation: the offsets stay monotone and every span maps to a valid original slice.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let n = hasila::normalize::normalize(&text);
    assert!(n.offsets_hold(&text));
    let mut bounds: Vec<usize> = n.text.char_indices().map(|(i, _)| i).collect();
    bounds.push(n.text.len());
    for w in bounds.windows(2) {
        let (s, e) = n.original_span(&text, w[0], w[1]);
        assert!(s <= e && text.is_char_boundary(s) && text.is_char_boundary(e));
    }
});
