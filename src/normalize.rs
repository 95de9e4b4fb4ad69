//! Arabic normalisation for matching, with a map back to the original text.
//!
//! Every rule downstream matches on [`Normalized::text`]; every quote and offset shown to a
//! user is cut from the original. The two are tied by [`Normalized::map`]: for each byte of
//! the normalised text, the byte offset in the original of the character that produced it.
//!
//! Invariants:
//! - `map.len() == text.len() + 1`; the last entry is the original length.
//! - `map` is non-decreasing, and every entry is a char boundary of the original.
//! - A normalised char boundary maps to an original char boundary, so
//!   [`Normalized::original_span`] always yields a valid slice of the original.
//!
//! What it folds, and why:
//! - letter forms that writers use interchangeably: alef with hamza or madda → bare alef,
//!   alef maqsura and Farsi yeh → yeh, teh marbuta → heh, keheh → kaf;
//! - marks that carry no meaning for counting: tatweel, harakat and Quranic marks,
//!   zero-width and direction controls, soft hyphen;
//! - spaces: NBSP and thin spaces → plain space;
//! - digits: Arabic-Indic and Persian → ASCII; the Arabic thousands separator `٬` and the
//!   Arabic comma `،` between digits → `,`; the Arabic decimal point `٫` before a digit → `.`;
//!   a narrow NBSP between digits (a thousands separator in some typesetting) → `,`;
//! - anti-filter dots: a `.` between two Arabic letters (`إطـ.لاق`, `الضـ.حايا`) is dropped.
//!   A dot followed by a space, a digit or the end is a real full stop or decimal and stays.

/// Normalised text plus the way back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The text rules match against.
    pub text: String,
    /// `map[i]` is the original byte offset of the char that produced normalised byte `i`;
    /// `map[text.len()]` is the original length.
    pub map: Vec<u32>,
}

impl Normalized {
    /// The original byte range for the normalised byte range `start..end`.
    ///
    /// Marks dropped after the last char of the span (harakat, tatweel) belong to that word
    /// and are included; invisible controls dropped after it are not, so a quote never ends
    /// in an RLM.
    pub fn original_span(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        let s = self.map[start] as usize;
        let mut e = self.map[end] as usize;
        while e > s {
            let last = original[..e].chars().next_back().expect("e > s");
            if is_invisible_control(last) || last.is_whitespace() {
                e -= last.len_utf8();
            } else {
                break;
            }
        }
        (s, e)
    }
}

/// What one original char becomes.
enum Fold {
    Drop,
    Keep,
    To(char),
}

fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

fn is_invisible_control(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061C}'
            | '\u{FEFF}'
            | '\u{00AD}'
    )
}

/// Dropped wherever it stands: it never separates words.
fn is_dropped(c: char) -> bool {
    c == '\u{0640}' || is_diacritic(c) || is_invisible_control(c)
}

/// ASCII value of a digit in any of the three digit sets.
fn digit_value(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10),
        '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10),
        _ => None,
    }
}

/// An Arabic letter (the block's letters, not its digits or punctuation).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

fn fold_letter(c: char) -> Fold {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' => Fold::To('ا'),
        'ى' | 'ی' => Fold::To('ي'),
        'ة' => Fold::To('ه'),
        'ک' => Fold::To('ك'),
        '\u{00A0}' | '\u{2007}' | '\u{2009}' | '\u{202F}' => Fold::To(' '),
        c if is_dropped(c) => Fold::Drop,
        _ => Fold::Keep,
    }
}

/// Normalise `original` for matching. Linear in the input, one pass, two allocations.
pub fn normalize(original: &str) -> Normalized {
    let total = u32::try_from(original.len()).expect("documents are smaller than 4 GiB");
    let mut text = String::with_capacity(original.len());
    let mut map: Vec<u32> = Vec::with_capacity(original.len() + 1);
    // The next char from byte `from` on that is not dropped outright. Asked only at the
    // few separators whose reading depends on what follows.
    let next_kept = |from: usize| original[from..].chars().find(|&c| !is_dropped(c));
    let bytes = original.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // Fast path for what most text is: a run of ASCII but the dot, and of Arabic
        // letters that need no folding, copied in one piece. Within it every char is one
        // or two bytes, so a byte maps to itself, or to the one before when it continues
        // a char.
        let run = identity_run(&bytes[at..]);
        if run > 0 {
            text.push_str(&original[at..at + run]);
            map.extend(
                bytes[at..at + run]
                    .iter()
                    .enumerate()
                    .map(|(k, &b)| (at + k - usize::from(b & 0xC0 == 0x80)) as u32),
            );
            at += run;
            continue;
        }
        // Letters that fold to another of the same length.
        if let Some(&trail) = bytes.get(at + 1)
            && let Some(folded) = fold_utf8(bytes[at], trail)
        {
            text.push(folded);
            map.extend_from_slice(&[at as u32; 2]);
            at += 2;
            continue;
        }
        let c = original[at..].chars().next().expect("char boundary");
        let after = at + c.len_utf8();
        let prev = text.chars().next_back();
        let out = if c.is_ascii() {
            // ASCII is kept as it is, but for a dot between two Arabic letters.
            if c == '.'
                && prev.is_some_and(is_arabic_letter)
                && next_kept(after).is_some_and(is_arabic_letter)
            {
                None
            } else {
                Some(c)
            }
        } else if let Some(d) = digit_value(c) {
            Some(d)
        } else {
            let prev_digit = prev.is_some_and(|p| p.is_ascii_digit());
            let next_digit = || next_kept(after).and_then(digit_value).is_some();
            match c {
                '\u{066C}' | '\u{060C}' | '\u{202F}' if prev_digit && next_digit() => Some(','),
                '\u{066B}' if next_digit() => Some('.'),
                _ => match fold_letter(c) {
                    Fold::Drop => None,
                    Fold::Keep => Some(c),
                    Fold::To(n) => Some(n),
                },
            }
        };
        if let Some(o) = out {
            // `at` < `total`, which fits.
            map.extend(std::iter::repeat_n(at as u32, o.len_utf8()));
            text.push(o);
        }
        at = after;
    }
    map.push(total);
    Normalized { text, map }
}

/// How many bytes from the start of `b` normalisation copies as they are: ASCII but the
/// dot, and Arabic letters that do not fold. Always whole chars.
fn identity_run(b: &[u8]) -> usize {
    let mut k = 0;
    while k < b.len() {
        let x = b[k];
        if x.is_ascii() {
            if x == b'.' {
                break;
            }
            k += 1;
        } else if k + 1 < b.len() && is_plain_letter_utf8(x, b[k + 1]) {
            k += 2;
        } else {
            break;
        }
    }
    k
}

/// Is `lead trail` an Arabic letter of U+0621–U+063A or U+0641–U+064A that does not fold?
fn is_plain_letter_utf8(lead: u8, trail: u8) -> bool {
    match lead {
        0xD8 => matches!(trail, 0xA1..=0xBA) && !matches!(trail, 0xA2 | 0xA3 | 0xA5 | 0xA9),
        0xD9 => matches!(trail, 0x81..=0x8A) && trail != 0x89,
        _ => false,
    }
}

/// What the two-byte UTF-8 sequence `lead trail` becomes when it is a common Arabic
/// letter: U+0621–U+063A or U+0641–U+064A, kept as they are or folded as [`fold_letter`]
/// folds them (alef with hamza or madda → alef, teh marbuta → heh, alef maqsura → yeh).
/// `None` for anything else, which takes the general path.
fn fold_utf8(lead: u8, trail: u8) -> Option<char> {
    match (lead, trail) {
        (0xD8, 0xA2 | 0xA3 | 0xA5) => Some('ا'),
        (0xD8, 0xA9) => Some('ه'),
        (0xD9, 0x89) => Some('ي'),
        (0xD8 | 0xD9, _) if matches!((lead, trail), (0xD8, 0xA1..=0xBA) | (0xD9, 0x81..=0x8A)) => {
            char::from_u32((u32::from(lead & 0x1F) << 6) | u32::from(trail & 0x3F))
        }
        _ => None,
    }
}

/// Normalise a lexicon entry: the same folding as the text, so tables can be written in
/// ordinary spelling.
pub fn normalize_word(word: &str) -> String {
    normalize(word.trim()).text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalize(s).text
    }

    #[test]
    fn letter_forms_fold() {
        assert_eq!(n("أإآٱ"), "اااا");
        assert_eq!(n("مستشفى"), "مستشفي");
        assert_eq!(n("ثلاثة"), "ثلاثه");
        assert_eq!(n("یک"), "يك");
    }

    #[test]
    fn marks_are_dropped() {
        assert_eq!(n("مـــقـتـل"), "مقتل");
        assert_eq!(n("خَمْسَةٌ"), "خمسه");
        assert_eq!(n("ألفاً"), "الفا");
        assert_eq!(n("الرَّحْمٰن"), "الرحمن");
        assert_eq!(n("قتلى\u{200F}\u{200C}\u{061C}"), "قتلي");
        assert_eq!(n("a\u{00A0}b"), "a b");
    }

    #[test]
    fn digits_and_separators() {
        assert_eq!(n("١٬٢٥٠"), "1,250");
        assert_eq!(n("۴۸"), "48");
        assert_eq!(n("١٫٥ مليون"), "1.5 مليون");
        assert_eq!(n("٫٧٧"), ".77");
        assert_eq!(n("١،٢٣٤،٥٦٧"), "1,234,567");
        assert_eq!(n("1\u{202F}000"), "1,000");
    }

    #[test]
    fn arabic_comma_between_words_stays() {
        assert_eq!(n("قتلى، وجرحى"), "قتلي، وجرحي");
        assert_eq!(n("5، و"), "5، و");
    }

    #[test]
    fn anti_filter_dots_go_real_dots_stay() {
        assert_eq!(n("إطـ.لاق الـ.نار"), "اطلاق النار");
        assert_eq!(n("الضـ.حايا"), "الضحايا");
        assert_eq!(n("1.5 مليون"), "1.5 مليون");
        assert_eq!(n("انتهى. ثم"), "انتهي. ثم");
        assert_eq!(n("انتهى.\nثم"), "انتهي.\nثم");
    }

    #[test]
    fn the_byte_fast_path_agrees_with_the_char_rules() {
        for cp in 0x0600..0x0680 {
            let c = char::from_u32(cp).unwrap();
            let mut b = [0; 4];
            let e = c.encode_utf8(&mut b).as_bytes();
            let general = match fold_letter(c) {
                Fold::Keep => Some(c),
                Fold::To(n) => Some(n),
                Fold::Drop => None,
            };
            match fold_utf8(e[0], e[1]) {
                Some(fast) => {
                    assert!(is_arabic_letter(c), "U+{cp:04X}");
                    assert_eq!(Some(fast), general, "U+{cp:04X}");
                }
                // Every letter of the two main runs takes the fast path.
                None => assert!(
                    !(0x0621..=0x063A).contains(&cp) && !(0x0641..=0x064A).contains(&cp),
                    "U+{cp:04X} misses the fast path"
                ),
            }
        }
    }

    #[test]
    fn plain_letters_are_those_that_fold_to_themselves() {
        for lead in [0xD8u8, 0xD9] {
            for trail in 0x80u8..0xC0 {
                let same = fold_utf8(lead, trail).is_some_and(|c| {
                    let mut e = [0; 4];
                    c.encode_utf8(&mut e).as_bytes() == [lead, trail]
                });
                assert_eq!(
                    is_plain_letter_utf8(lead, trail),
                    same,
                    "{lead:x} {trail:x}"
                );
            }
        }
    }

    #[test]
    fn map_points_at_original() {
        let orig = "قُتِلَ ١٥ طفلاً";
        let norm = normalize(orig);
        assert_eq!(norm.map.len(), norm.text.len() + 1);
        let s = norm.text.find("15").unwrap();
        let (os, oe) = norm.original_span(orig, s, s + 2);
        assert_eq!(&orig[os..oe], "١٥");
        let w = norm.text.find("طفلا").unwrap();
        let (os, oe) = norm.original_span(orig, w, w + "طفلا".len());
        assert_eq!(&orig[os..oe], "طفلاً");
    }

    #[test]
    fn span_does_not_swallow_trailing_controls() {
        let orig = "خمسة\u{200F} قتلى";
        let norm = normalize(orig);
        let (os, oe) = norm.original_span(orig, 0, "خمسه".len());
        assert_eq!(&orig[os..oe], "خمسة");
    }

    #[test]
    fn map_is_monotone_on_mixed_input() {
        let orig = "x\u{0640}ً١٬٢.ـا\u{200F}.ب ";
        let norm = normalize(orig);
        assert!(norm.map.windows(2).all(|w| w[0] <= w[1]));
        for &m in &norm.map {
            assert!(orig.is_char_boundary(m as usize));
        }
    }
}
