//! Splitting normalised text into the tokens the number grammar reads: Arabic words and
//! digit runs. Everything else (punctuation, Latin words, newlines) only separates them.

#[cfg(test)]
use crate::normalize::is_arabic_letter;

use super::Num;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A run of Arabic letters.
    Word,
    /// A run of digits, with a minus sign before it when it has one. Its value is read
    /// from the text when asked for ([`Tok::value`]): few digit runs are ever read as
    /// quantities, and keeping the value out keeps every token small.
    Digits,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Only spaces or tabs stand between this token and the previous one: the two can be
    /// parts of one number expression. A comma, a newline or any other text breaks it.
    pub joined: bool,
    /// Digits followed by `%` or `٪`.
    pub percent: bool,
    /// Digits glued to a following letter (`7قتلى`, `20دولار`).
    pub glued: bool,
}

// A text has a token every six bytes or so: the token stays three words wide.
const _: () = assert!(std::mem::size_of::<Tok>() <= 24);

impl Tok {
    /// The value of a digit token in `text` (the text it was cut from); `None` when it is
    /// not a quantity: a date or time (`2020/02/06`, `09:33`), an IP address, digits glued
    /// to a following Latin letter (`20kg`), a malformed grouping, or not digits at all.
    pub fn value(&self, text: &str) -> Option<Num> {
        if self.kind != TokKind::Digits {
            return None;
        }
        let b = text.as_bytes();
        let negative = b[self.start] == b'-';
        let (e, value) = digit_run(b, self.start + usize::from(negative));
        // Glued to a Latin letter it is a unit or a code (`20kg`, `1M`), never a count.
        if b.get(e).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        if negative {
            value.map(Num::negated)
        } else {
            value
        }
    }
}

fn is_date_sep(b: u8) -> bool {
    matches!(b, b':' | b'/' | b'-')
}

/// Read the digit run starting at `s` (an ASCII digit, or a `.` before one). Returns its
/// end and value.
fn digit_run(b: &[u8], s: usize) -> (usize, Option<Num>) {
    let (e, datelike) = digit_span(b, s);
    let run = &b[s..e];
    let value = if datelike {
        None
    } else {
        parse_grouped(std::str::from_utf8(run).expect("ASCII run"))
    };
    (e, value)
}

/// Where the digit run starting at `s` ends, and whether it holds a date or time
/// separator.
fn digit_span(b: &[u8], s: usize) -> (usize, bool) {
    let mut e = s;
    let mut datelike = false;
    while e < b.len() {
        let c = b[e];
        if c.is_ascii_digit() {
            e += 1;
        } else if (matches!(c, b'.' | b',') || is_date_sep(c))
            && b.get(e + 1).is_some_and(u8::is_ascii_digit)
            && (e > s || c == b'.')
        {
            datelike |= is_date_sep(c);
            e += 1;
        } else {
            break;
        }
    }
    (e, datelike)
}

/// `1,250` and `1,234,567.5` are grouped thousands; a single comma not followed by exactly
/// three digits is a decimal comma (`٤,٨` → 4.8). Several dots are not a number (IP
/// addresses, version strings).
fn parse_grouped(run: &str) -> Option<Num> {
    let (int, frac) = match run.split_once('.') {
        Some((_, f)) if f.contains(['.', ',']) => return None,
        Some((i, f)) => (i, Some(f)),
        None => (run, None),
    };
    if !int.contains(',') {
        return Num::parse_plain(run);
    }
    let groups: Vec<&str> = int.split(',').collect();
    let grouped = groups[0].len() <= 3
        && !groups[0].starts_with('0')
        && groups[1..].iter().all(|g| g.len() == 3);
    if grouped {
        let joined: String = groups.concat();
        return match frac {
            Some(f) => Num::parse_plain(&format!("{joined}.{f}")),
            None => Num::parse_plain(&joined),
        };
    }
    if groups.len() == 2 && frac.is_none() {
        return Num::parse_plain(&format!("{}.{}", groups[0], groups[1]));
    }
    None
}

/// Does an Arabic letter (see [`is_arabic_letter`]: U+0621–U+063A, U+0641–U+064A,
/// U+0671–U+06D3, all two bytes in UTF-8) start at byte `i`? Read off the bytes, as this runs
/// for every letter of every text.
fn arabic_letter_at(b: &[u8], i: usize) -> bool {
    matches!(b.get(i..i + 2), Some(&[lead, trail]) if letter_bytes(lead, trail))
}

/// Where the run of Arabic letters from byte `from` on ends.
///
/// On x86_64, sixteen bytes at a time with SSE2 (part of every x86_64 CPU): the eight byte
/// pairs from there are tested at once and the run read off the mask, with no branch per
/// letter (a word's length is unpredictable, and a loop over its letters is mispredicted
/// where it ends). The last bytes of a text go pair by pair.
fn letters_end(b: &[u8], from: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        let mut i = from;
        while let Some(chunk) = b.get(i..i + 16) {
            let k = letter_pairs_16(chunk.try_into().expect("16 bytes"));
            i += k;
            if k < 16 {
                return i;
            }
        }
        letters_end_by_pairs(b, i)
    }
    #[cfg(not(target_arch = "x86_64"))]
    letters_end_by_pairs(b, from)
}

/// [`letters_end`] two bytes at a time, one bounds test each.
fn letters_end_by_pairs(b: &[u8], mut i: usize) -> usize {
    while let Some(&[lead, trail]) = b.get(i..i + 2) {
        if !letter_bytes(lead, trail) {
            break;
        }
        i += 2;
    }
    i
}

/// How many bytes from the start of `b` are whole Arabic letters in a row, up to sixteen
/// (eight letters): the pairs at even offsets, each tested as [`letter_bytes`] does.
#[cfg(target_arch = "x86_64")]
#[inline]
fn letter_pairs_16(b: &[u8; 16]) -> usize {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8, _mm_srli_si128, _mm_sub_epi8,
    };
    // SAFETY: SSE2 is in the x86_64 baseline, so these instructions exist on every CPU this
    // code is built for; the load reads exactly the sixteen bytes of the array.
    let pairs = unsafe {
        let lead = _mm_loadu_si128(b.as_ptr().cast::<__m128i>());
        // Each lane's next byte (none after the last: the pair at offset 15 is never read).
        let trail = _mm_srli_si128::<1>(lead);
        let is = |x: u8| _mm_cmpeq_epi8(lead, _mm_set1_epi8(x as i8));
        // lo <= trail <= hi, unsigned: trail - lo, wrapped, is at most hi - lo.
        let within = |lo: u8, hi: u8| {
            let d = _mm_sub_epi8(trail, _mm_set1_epi8(lo as i8));
            _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8((hi - lo) as i8)), d)
        };
        // D8 A1–BA; D9 81–8A, B1–BF; DA 80–BF; DB 80–93 (see `letter_bytes`).
        let letter = _mm_or_si128(
            _mm_or_si128(
                _mm_and_si128(is(0xD8), within(0xA1, 0xBA)),
                _mm_and_si128(
                    is(0xD9),
                    _mm_or_si128(within(0x81, 0x8A), within(0xB1, 0xBF)),
                ),
            ),
            _mm_or_si128(
                _mm_and_si128(is(0xDA), within(0x80, 0xBF)),
                _mm_and_si128(is(0xDB), within(0x80, 0x93)),
            ),
        );
        _mm_movemask_epi8(letter) as u32
    };
    // Letters start at even offsets only: the odd bits are set, and the run is the bits set
    // from the first up to the first even one that is not.
    (pairs | 0xAAAA).trailing_ones() as usize
}

/// Are `lead trail` the UTF-8 bytes of an Arabic letter?
#[inline]
fn letter_bytes(lead: u8, trail: u8) -> bool {
    // Which trail bytes (0x80–0xBF, as bits 0–63) make a letter after lead byte 0xD8 + k.
    const LETTERS: [u64; 4] = [
        bits(0x21, 0x3A),                    // D8 A1–BA
        bits(0x01, 0x0A) | bits(0x31, 0x3F), // D9 81–8A, B1–BF
        bits(0x00, 0x3F),                    // DA 80–BF
        bits(0x00, 0x13),                    // DB 80–93
    ];
    const fn bits(lo: u32, hi: u32) -> u64 {
        (u64::MAX >> (63 - hi)) & (u64::MAX << lo)
    }
    let k = usize::from(lead.wrapping_sub(0xD8));
    k < LETTERS.len() && trail & 0xC0 == 0x80 && LETTERS[k] >> (trail & 0x3F) & 1 == 1
}

/// Tokenise normalised text.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    // About one token in six bytes of Arabic text: reserve once rather than grow.
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 6);
    let mut gap_clean = false; // only spaces/tabs since the last token
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        // Spaces are most of what lies between tokens, and change nothing.
        if c == b' ' {
            i += 1;
            continue;
        }
        let starts_number = c.is_ascii_digit()
            || (c == b'.'
                && b.get(i + 1).is_some_and(u8::is_ascii_digit)
                && (i == 0 || !b[i - 1].is_ascii_digit()));
        if starts_number {
            let (e, _) = digit_span(b, i);
            let mut start = i;
            // A minus sign at the start of a word makes it negative (the token starts at
            // it); a hyphen inside a word or range does not.
            if i > 0 && b[i - 1] == b'-' && (i == 1 || b[i - 2].is_ascii_whitespace()) {
                start = i - 1;
            }
            let rest = &text[e..];
            let glued = rest.chars().next().is_some_and(char::is_alphabetic);
            let percent = {
                let r = rest.strip_prefix(' ').unwrap_or(rest);
                r.starts_with('%') || r.starts_with('٪')
            };
            let joined = !toks.is_empty() && gap_clean && start == i;
            toks.push(Tok {
                start,
                end: e,
                kind: TokKind::Digits,
                joined,
                percent,
                glued,
            });
            gap_clean = true;
            i = e;
            continue;
        }
        if arabic_letter_at(b, i) {
            let e = letters_end(b, i + 2);
            toks.push(Tok {
                start: i,
                end: e,
                kind: TokKind::Word,
                joined: !toks.is_empty() && gap_clean,
                percent: false,
                glued: false,
            });
            gap_clean = true;
            i = e;
            continue;
        }
        let ch = text[i..].chars().next().expect("char boundary");
        // Brackets and quotation marks around a figure do not separate it from its words:
        // `إصابة (3) أطفال`, `مقتل "5" مدنيين`.
        if !matches!(
            ch,
            ' ' | '\t' | '(' | ')' | '[' | ']' | '"' | '“' | '”' | '«' | '»'
        ) {
            gap_clean = false;
        }
        i += ch.len_utf8();
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(s: &str) -> Vec<Option<String>> {
        tokenize(s)
            .into_iter()
            .filter(|t| t.kind == TokKind::Digits)
            .map(|t| t.value(s).map(|n| n.to_string()))
            .collect()
    }

    #[test]
    fn grouping_and_decimals() {
        assert_eq!(vals("1,250"), [Some("1250".into())]);
        assert_eq!(vals("1,234,567.50"), [Some("1234567.5".into())]);
        assert_eq!(vals("4,8"), [Some("4.8".into())]);
        assert_eq!(vals("0,234"), [Some("0.234".into())]);
        assert_eq!(vals(".77"), [Some("0.77".into())]);
        assert_eq!(vals("-1200"), [Some("-1200".into())]);
    }

    #[test]
    fn dates_times_and_glued_are_not_quantities() {
        assert_eq!(vals("2020/02/06 21:44"), [None, None]);
        assert_eq!(vals("192.168.1.2"), [None]);
        assert_eq!(vals("20kg"), [None]);
        assert!(tokenize("20دولار")[0].glued);
        assert_eq!(vals("2020-02-06"), [None]);
        assert_eq!(vals("1,2,3"), [None]);
    }

    #[test]
    fn joined_only_across_spaces() {
        let t = tokenize("خمسة و عشرون، 3");
        assert_eq!(t.len(), 4);
        assert!(t[1].joined && t[2].joined);
        assert!(!t[3].joined);
        assert!(tokenize("ال192")[1].joined);
        let t = tokenize("إصابة (3) أطفال");
        assert!(t[1].joined && t[2].joined);
    }

    #[test]
    fn letters_read_off_bytes_are_the_arabic_letters() {
        for cp in 0x0600..0x0700 {
            let c = char::from_u32(cp).unwrap();
            let mut b = [0; 4];
            let e = c.encode_utf8(&mut b).as_bytes();
            assert_eq!(arabic_letter_at(e, 0), is_arabic_letter(c), "U+{cp:04X}");
        }
        assert!(!arabic_letter_at("a".as_bytes(), 0));
        assert!(!arabic_letter_at(&[0xD8], 0));
    }

    /// A run ends at the first byte pair that is no letter, or where fewer than two bytes
    /// are left.
    #[test]
    fn letter_runs_end_where_the_letters_do() {
        let cases: [(&[u8], usize, usize); 6] = [
            ("قتلى 5".as_bytes(), 0, 8),
            ("قتلى".as_bytes(), 2, 8),
            (&[0xD8, 0xA7, 0xD8], 0, 2),
            (&[0xD8, 0xA7, 0xD8, 0x8C], 0, 2), // the Arabic comma is no letter
            (b"ab", 0, 0),
            (&[], 0, 0),
        ];
        for (b, from, end) in cases {
            assert_eq!(letters_end(b, from), end, "{b:?} from {from}");
            assert_eq!(letters_end_by_pairs(b, from), end, "{b:?} from {from}");
            let by_pairs = (from..)
                .step_by(2)
                .find(|&i| !arabic_letter_at(b, i))
                .unwrap();
            assert_eq!(letters_end(b, from), by_pairs, "{b:?} from {from}");
        }
    }

    /// The sixteen-byte run finder agrees with the pair-by-pair one, from every offset, on
    /// strings of letters, near-letters and other bytes.
    #[test]
    fn letter_runs_by_sixteen_are_runs_by_pairs() {
        let pieces: [&[u8]; 9] = [
            "ق".as_bytes(),
            "ى".as_bytes(),
            "ک".as_bytes(),
            "ۓ".as_bytes(),
            "،".as_bytes(),
            "ً".as_bytes(),
            "ٰ".as_bytes(),
            b" ",
            b"7",
        ];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3_000 {
            let mut b = Vec::new();
            while b.len() < 48 {
                // Mostly letters, so that runs are long.
                let k = (crate::xorshift(&mut x) % 16) as usize;
                b.extend_from_slice(pieces[if k < 8 { k % 4 } else { k - 7 }.min(8)]);
            }
            for from in 0..b.len() {
                assert_eq!(
                    letters_end(&b, from),
                    letters_end_by_pairs(&b, from),
                    "{b:?} {from}"
                );
            }
        }
    }

    #[test]
    fn percent_sign() {
        assert!(tokenize("50 %")[0].percent);
        assert!(tokenize("50٪")[0].percent);
        assert!(!tokenize("50 قتيلا")[0].percent);
    }

    /// The word tokens of a text are exactly its runs of Arabic letters: callers may take
    /// them as the text's words (event dates do).
    #[test]
    fn word_tokens_are_the_runs_of_arabic_letters() {
        let mut texts = vec!["aقتلb 7قتلى و5جرحى، «مدني»".to_string()];
        for t in crate::fixture_texts(&["fixtures/gold/dev.jsonl"]) {
            texts.push(crate::normalize::normalize(&t).text);
        }
        for t in &texts {
            let runs: Vec<&str> = t
                .split(|c: char| !is_arabic_letter(c))
                .filter(|w| !w.is_empty())
                .collect();
            let words: Vec<&str> = tokenize(t)
                .iter()
                .filter(|k| k.kind == TokKind::Word)
                .map(|k| &t[k.start..k.end])
                .collect();
            assert_eq!(words, runs);
        }
    }
}
