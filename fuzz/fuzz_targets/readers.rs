#![no_main]
//! Input readers: decoding, JSON Lines, CSV and HTML never panic on any bytes.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = hasila::input::decode("fuzz", data);
    let text = String::from_utf8_lossy(data);
    let _ = hasila::input::read_jsonl("fuzz", &text);
    let _ = hasila::input::read_csv("fuzz", &text, &hasila::input::CsvColumns::default());
    let _ = hasila::input::strip_html(&text);
    let _ = hasila::dates::find_date(&hasila::normalize::normalize(&text).text);
});
