//! `hasila explain`: why a figure came out, or did not, for an analyst reading one
//! sentence.
//!
//! It shows what extraction did, stage by stage, from the trace the engine returns
//! ([`Extractor::trace`]): the normalised text the rules see, its tokens, every number the
//! engine read (it reads numbers only in the sentences that hold a cue word or casualty
//! noun), every rule that matched a word, and the mentions it made, each with the rule that
//! made it.

use std::fmt::Write;

use crate::extract::{Extractor, Trace};
use crate::lexicon::Lexicon;
use crate::numbers::{Amount, Qualifier};

/// A human-readable account of how `text` is read with the rules `lex`.
pub fn explain(text: &str, lex: &Lexicon) -> String {
    let ex = Extractor::new(lex, crate::numbers::builtin_lenient());
    render(text, &ex.trace("-", text, None))
}

/// The account of a trace of `text`.
pub fn render(text: &str, t: &Trace) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "original:   {text}");
    let _ = writeln!(out, "normalised: {}", t.normalised);
    let _ = writeln!(out, "tokens:     {}", t.tokens.join(" · "));
    if t.numbers_read {
        let _ = writeln!(out, "numbers:    {}", t.numbers.len());
    } else {
        let _ = writeln!(
            out,
            "numbers:    0 (not read: no sentence holds a cue word or casualty noun)"
        );
    }
    for n in &t.numbers {
        let q = &n.quantity;
        let ((s, e), (fs, fe)) = (n.span, n.written);
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
        if let Some(why) = &n.blocked {
            let _ = writeln!(out, "      no figure: {why}");
        }
    }
    let _ = writeln!(out, "rules:      {}", t.hits.len());
    for h in &t.hits {
        let (s, e) = h.span;
        let _ = writeln!(out, "  «{}» {} ({})", &text[s..e], h.rule, h.kind);
    }
    let _ = writeln!(out, "mentions:   {}", t.mentions.len());
    for m in &t.mentions {
        let count = m
            .count
            .map_or_else(|| "vague".to_string(), |c| c.to_string());
        let place = m.admin1.as_ref().map_or(String::new(), |a| {
            format!(", {} ({a})", m.place.as_deref().unwrap_or(""))
        });
        let flags = if m.flags.is_empty() {
            String::new()
        } else {
            let names: Vec<&str> = m.flags.iter().map(|f| f.name()).collect();
            format!(" [{}]", names.join(", "))
        };
        let _ = writeln!(
            out,
            "  {} {count} {} — {}, {}{place} — «{}» by {}{flags}",
            m.category.name(),
            m.group.name(),
            m.scope.name(),
            m.cause.name(),
            m.quote,
            m.rule,
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

    /// A number that made no figure says what blocked it.
    #[test]
    fn shows_what_blocked_a_number() {
        let out = run("مقتل 5 مدنيين خلال عشرة أيام");
        assert!(out.contains("no figure: a unit follows"), "{out}");
        assert_eq!(out.matches("no figure:").count(), 1, "{out}");
        let out = run("تسجيل إصابة 65 شخصا بفيروس كورونا");
        assert!(
            out.contains("no figure: excluded by exclude.infection"),
            "{out}"
        );
        let out = run("قتل شخص في عام 2019");
        assert!(out.contains("no figure: a date or a time"), "{out}");
    }

    #[test]
    fn shows_rules_and_mentions() {
        let out = run("مقتل 5 مدنيين بقصف على إدلب");
        assert!(out.contains("«مقتل» cue.killed (cue killed)"), "{out}");
        assert!(out.contains("«مدنيين» noun.civilian"), "{out}");
        assert!(out.contains("killed 5 civilian — incident, violence, إدلب (Idleb) — «مقتل 5 مدنيين» by number.cue:cue.killed"), "{out}");
    }

    #[test]
    fn says_when_there_is_nothing() {
        // A cue, and `الأحد` (Sunday), which is no number.
        let out = run("أصيب يوم الأحد");
        assert!(out.contains("numbers:    0\n"), "{out}");
        assert!(out.contains("mentions:   0"));
        // No cue word or casualty noun: extraction reads no number, and explain says so.
        let out = run("افتتحت البلدية 3 حدائق");
        assert!(out.contains("numbers:    0 (not read"), "{out}");
    }

    /// Every mention extraction makes of a text is in its trace, and every mention's number
    /// is among the numbers the trace says were read: explain never shows a figure whose
    /// number it says it did not find.
    #[test]
    fn the_trace_is_what_extraction_did() {
        let ex = Extractor::new(crate::lexicon::builtin(), crate::numbers::builtin_lenient());
        let texts = crate::fixture_texts(&["fixtures/gold/dev.jsonl"]);
        let mut figures = 0;
        for text in &texts {
            let t = ex.trace("d", text, None);
            assert_eq!(t.mentions, ex.extract("d", text, None));
            // A figure written in digits was read as a number inside its quote (one without
            // digits may be a noun's own: `مقتل طفل` is 1).
            for m in t
                .mentions
                .iter()
                .filter(|m| m.quote.chars().any(|c| c.is_ascii_digit()))
            {
                let inside = |&(s, e): &(usize, usize)| m.start <= s && e <= m.end;
                assert!(
                    t.numbers.iter().any(|n| inside(&n.span)),
                    "{:?} has no number read in its quote",
                    m.quote
                );
                figures += 1;
            }
        }
        assert!(figures > 30, "{figures}");
    }

    /// Digits glued to a word are read by extraction (the lenient reading), and so by
    /// explain: the two agree on what a number is.
    #[test]
    fn explain_reads_numbers_as_extraction_does() {
        let out = run("مقتل 12شخصا في قصف");
        assert!(out.contains("«12» = 12"), "{out}");
        assert!(out.contains("killed 12"), "{out}");
    }
}
