//! `hasila explain`: why a figure came out, or did not, for an analyst reading one
//! sentence.
//!
//! It shows each stage in order: the normalised text the rules see, every number the
//! parser found, every rule that matched a word, and the mentions the engine made of them.

use std::fmt::Write;

use crate::extract::Extractor;
use crate::lexicon::Lexicon;
use crate::normalize::normalize;
use crate::numbers::{Amount, Qualifier, builtin};

/// A human-readable account of how `text` is read with the rules `lex`.
pub fn explain(text: &str, lex: &Lexicon) -> String {
    let norm = normalize(text);
    let mut out = String::new();
    let _ = writeln!(out, "original:   {text}");
    let _ = writeln!(out, "normalised: {}", norm.text);
    let words: Vec<&str> = crate::numbers::tokens::tokenize(&norm.text)
        .iter()
        .map(|t| &norm.text[t.start..t.end])
        .collect();
    let _ = writeln!(out, "tokens:     {}", words.join(" · "));
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
    let ex = Extractor::new(lex, crate::numbers::builtin_lenient());
    let hits = ex.rule_hits(text);
    let _ = writeln!(out, "rules:      {}", hits.len());
    for (s, e, rule, kind) in hits {
        let _ = writeln!(out, "  «{}» {rule} ({kind})", &text[s..e]);
    }
    let mentions = ex.extract("-", text, None);
    let _ = writeln!(out, "mentions:   {}", mentions.len());
    for m in mentions {
        let count = m
            .count
            .map_or_else(|| "vague".to_string(), |c| c.to_string());
        let _ = writeln!(
            out,
            "  {} {count} {} — {}, {}{} — «{}» by {}{}",
            m.category.name(),
            m.group.name(),
            m.scope.name(),
            m.cause.name(),
            m.admin1.as_ref().map_or(String::new(), |a| format!(
                ", {} ({a})",
                m.place.as_deref().unwrap_or("")
            )),
            m.quote,
            m.rule,
            if m.flags.is_empty() {
                String::new()
            } else {
                format!(
                    " [{}]",
                    m.flags
                        .iter()
                        .map(|f| f.name())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> String {
        explain(text, crate::lexicon::builtin())
    }

    #[test]
    fn shows_normalised_text_and_numbers() {
        let out = run("قُتل نحو ثلاثةِ آلافٍ");
        assert!(out.contains("normalised: قتل نحو ثلاثه الاف"), "{out}");
        assert!(out.contains("«ثلاثةِ آلافٍ» = 3000, approximate"), "{out}");
        assert!(out.contains("as written: «نحو ثلاثةِ آلافٍ»"), "{out}");
    }

    #[test]
    fn shows_rules_and_mentions() {
        let out = run("مقتل 5 مدنيين بقصف على إدلب");
        assert!(out.contains("«مقتل» cue.killed (cue killed)"), "{out}");
        assert!(out.contains("«مدنيين» noun.civilian"), "{out}");
        assert!(out.contains("killed 5 civilian — incident, violence, إدلب (Idleb) — «مقتل 5 مدنيين» by cue.killed"), "{out}");
    }

    #[test]
    fn says_when_there_is_nothing() {
        let out = run("يوم الأحد");
        assert!(out.contains("numbers:    0"));
        assert!(out.contains("mentions:   0"));
    }
}
