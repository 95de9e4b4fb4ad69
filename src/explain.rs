//! `hasila explain`: why a figure came out, for an analyst reading one sentence.
//!
//! It shows each stage in order: the normalised text the rules see, then every number the
//! parser found with its value and its span in the original.

use std::fmt::Write;

use crate::normalize::normalize;
use crate::numbers::{Amount, Qualifier, builtin};

/// A human-readable account of how `text` is read.
pub fn explain(text: &str) -> String {
    let norm = normalize(text);
    let mut out = String::new();
    let _ = writeln!(out, "original:   {text}");
    let _ = writeln!(out, "normalised: {}", norm.text);
    let found = builtin().parse(&norm.text);
    let _ = writeln!(out, "numbers:    {}", found.len());
    for q in found {
        let (s, e) = norm.original_span(text, q.start, q.end);
        let (fs, fe) = norm.original_span(text, q.full_start, q.full_end);
        let value = match q.amount {
            Amount::Exact(v) => v.to_string(),
            Amount::Range(a, b) => format!("{a} (range {a}–{b})"),
            Amount::Vague(a, b) => format!("vague {a}–{b}"),
        };
        let qual = match q.qualifier {
            Qualifier::Exact => "",
            Qualifier::Approx => ", approximate",
            Qualifier::AtLeast => ", at least",
            Qualifier::AtMost => ", at most",
        };
        let pct = if q.percent { ", a percentage" } else { "" };
        let _ = writeln!(
            out,
            "  «{}» = {value}{qual}{pct}  bytes {s}..{e}",
            &text[s..e]
        );
        if (fs, fe) != (s, e) {
            let _ = writeln!(
                out,
                "      as written: «{}»  bytes {fs}..{fe}",
                &text[fs..fe]
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_normalised_text_and_numbers() {
        let out = explain("قُتل نحو ثلاثةِ آلافٍ");
        assert!(out.contains("normalised: قتل نحو ثلاثه الاف"), "{out}");
        assert!(out.contains("«ثلاثةِ آلافٍ» = 3000, approximate"), "{out}");
        assert!(out.contains("as written: «نحو ثلاثةِ آلافٍ»"), "{out}");
    }

    #[test]
    fn says_when_there_is_no_number() {
        assert!(explain("يوم الأحد").contains("numbers:    0"));
    }
}
