#![no_main]
//! Normalisation: the offsets stay monotone and every span maps to a valid original slice.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let n = hasila::normalize::normalize(&text);
    let offsets: Vec<usize> = n
        .text
        .char_indices()
        .map(|(i, _)| n.original_offset(i))
        .chain([n.original_offset(n.text.len())])
        .collect();
    assert_eq!(offsets.last(), Some(&text.len()));
    assert!(offsets.windows(2).all(|w| w[0] < w[1]));
    assert!(offsets.iter().all(|&o| text.is_char_boundary(o)));
    let mut bounds: Vec<usize> = n.text.char_indices().map(|(i, _)| i).collect();
    bounds.push(n.text.len());
    for w in bounds.windows(2) {
        let (s, e) = n.original_span(&text, w[0], w[1]);
        assert!(s <= e && text.is_char_boundary(s) && text.is_char_boundary(e));
    }
});
