//! Arabic normalisation for matching, with a map back to the original text.
//!
//! Every rule downstream matches on [`Normalized::text`]; every quote and offset shown to a
//! user is cut from the original. The two are tied by [`Normalized::original_offset`]: for
//! each char boundary of the normalised text, the byte offset in the original of the char
//! that produced it. Most text keeps its length when normalised, so the tie is stored as the
//! few places where the offset between the two shifts, not byte by byte.
//!
//! Invariants:
//! - `original_offset` is non-decreasing over the normalised char boundaries, yields char
//!   boundaries of the original, and gives the original length at the end;
//! - so [`Normalized::original_span`] always yields a valid slice of the original.
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
    /// Where the offset between the two changes: `(normalised, original)` byte offsets,
    /// from `(0, _)` on, in order. See [`Normalized::original_offset`].
    shifts: Vec<(u32, u32)>,
}

impl Normalized {
    /// The original byte offset of normalised char boundary `n` (`text.len()` included):
    /// where the char that starts there came from, after any chars dropped before it; the
    /// original length at the end.
    pub fn original_offset(&self, n: usize) -> usize {
        let k = self.shifts.partition_point(|&(a, _)| a as usize <= n) - 1;
        let (a, o) = self.shifts[k];
        o as usize + (n - a as usize)
    }

    /// Do the offsets keep their invariants for `original` (the text this was made from)?
    /// Strictly increasing over the normalised char boundaries, each a char boundary of the
    /// original, the original length at the end. For tests and fuzzing: it walks every char.
    pub fn offsets_hold(&self, original: &str) -> bool {
        let offsets: Vec<usize> = self
            .text
            .char_indices()
            .map(|(i, _)| self.original_offset(i))
            .chain([self.original_offset(self.text.len())])
            .collect();
        offsets.last() == Some(&original.len())
            && offsets.windows(2).all(|w| w[0] < w[1])
            && offsets.iter().all(|&o| original.is_char_boundary(o))
    }

    /// The original byte range for the normalised byte range `start..end`.
    ///
    /// Marks dropped after the last char of the span (harakat, tatweel) belong to that word
    /// and are included; invisible controls dropped after it are not, so a quote never ends
    /// in an RLM.
    pub fn original_span(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        let s = self.original_offset(start);
        let mut e = self.original_offset(end);
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

/// Zero-width and direction controls, the BOM and the soft hyphen: never seen, never meant.
pub fn is_invisible_control(c: char) -> bool {
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

/// Normalise `original` for matching. Linear in the input, one pass.
pub fn normalize(original: &str) -> Normalized {
    // Offsets are kept as u32: inputs are capped far below 4 GiB (see `input`).
    u32::try_from(original.len()).expect("documents are smaller than 4 GiB");
    let b = original.as_bytes();
    let n = b.len();
    // Nothing grows when normalised, so the output fits in the input's length; a lane's
    // worth more lets the fast path append whole chunks (see `fast_run`).
    let mut out: Vec<u8> = Vec::with_capacity(n + LANES);
    // News text shifts about once in sixteen bytes (a mark, a tatweel, a no-break space
    // dropped or narrowed): reserved once rather than grown five times an article.
    let mut shifts: Vec<(u32, u32)> = Vec::with_capacity(n / 16 + 1);
    let mut shift = |n: usize, o: usize| push_shift(&mut shifts, n, o);
    // The next char from byte `from` on that is not dropped outright. Asked only at the
    // few separators whose reading depends on what follows.
    let next_kept = |from: usize| original[from..].chars().find(|&c| !is_dropped(c));
    let mut r = 0;
    while r < n {
        // What most text is keeps its length: a run of it is at one shift.
        let w = out.len();
        let k = fast_run(b, r, &mut out);
        if k > 0 {
            shift(w, r);
            r += k;
            if r == n {
                break;
            }
        }
        // Every other char, by the char rules.
        let c = original[r..].chars().next().expect("char boundary");
        let after = r + c.len_utf8();
        let kept = char_rule(c, last_char(&out), || next_kept(after));
        if let Some(o) = kept {
            shift(out.len(), r);
            out.extend_from_slice(o.encode_utf8(&mut [0; 4]).as_bytes());
        }
        r = after;
    }
    // Always recorded: an empty text gets its `(0, 0)` here.
    shift(out.len(), n);
    // Whole chars are written, so this always holds; simdutf8 checks it ten times faster
    // than `String::from_utf8`, which took as long as all the rest of normalisation.
    assert!(
        simdutf8::basic::from_utf8(&out).is_ok(),
        "normalisation writes whole chars"
    );
    // SAFETY: `out` was just checked to be UTF-8.
    let text = unsafe { String::from_utf8_unchecked(out) };
    Normalized { text, shifts }
}

/// Record that normalised offset `n` comes from original offset `o`, when that is not what
/// the last shift already says.
fn push_shift(shifts: &mut Vec<(u32, u32)>, n: usize, o: usize) {
    let follows = shifts
        .last()
        .is_some_and(|&(a, b)| (b as usize) + n == o + a as usize && o >= b as usize);
    if !follows {
        shifts.push((n as u32, o as u32));
    }
}

/// What char `c` becomes (`None`: dropped), given the char written before it (`prev`) and
/// the next char of the original that is not dropped outright (`next`: asked only at the
/// few separators whose reading depends on it).
fn char_rule(c: char, prev: Option<char>, next: impl Fn() -> Option<char>) -> Option<char> {
    if c.is_ascii() {
        // ASCII is kept as it is, but for a dot between two Arabic letters.
        let between =
            c == '.' && prev.is_some_and(is_arabic_letter) && next().is_some_and(is_arabic_letter);
        return (!between).then_some(c);
    }
    if let Some(d) = digit_value(c) {
        return Some(d);
    }
    let prev_digit = prev.is_some_and(|p| p.is_ascii_digit());
    let next_digit = || next().and_then(digit_value).is_some();
    match c {
        '\u{066C}' | '\u{060C}' | '\u{202F}' if prev_digit && next_digit() => Some(','),
        '\u{066B}' if next_digit() => Some('.'),
        _ => match fold_letter(c) {
            Fold::Drop => None,
            Fold::Keep => Some(c),
            Fold::To(n) => Some(n),
        },
    }
}

/// The last char of `b`, a valid UTF-8 prefix of the output.
fn last_char(b: &[u8]) -> Option<char> {
    let from = b.len().saturating_sub(4);
    let start = (from..b.len()).rev().find(|&i| b[i] & 0xC0 != 0x80)?;
    std::str::from_utf8(&b[start..]).ok()?.chars().next()
}

/// Bytes classified at once by [`lanes`].
const LANES: usize = 16;

/// Append to `out` the run of chars from byte `r` (a char boundary) on that keep their
/// length: ASCII but the dot, the Arabic letters of the two main runs, and the common
/// letters that fold to another of the same length (see [`fold_utf8`]), folded. Returns the
/// run's length, which ends at a char boundary.
///
/// Sixteen bytes are classified at once, with no branch on what kind each is: text turns
/// from ASCII to Arabic every few bytes, and a branch on it is mispredicted at every turn.
fn fast_run(b: &[u8], r: usize, out: &mut Vec<u8>) -> usize {
    let n = b.len();
    let mut j = r;
    while j < n {
        let avail = (n - j).min(LANES);
        let (prev, cur) = chunk(b, j);
        let (slow, fold) = lanes(&prev, &cur);
        let stop = (slow.trailing_zeros() as usize).min(avail);
        // A whole chunk is one store; what is past the run is cut off again.
        let at = out.len();
        out.extend_from_slice(&cur);
        out.truncate(at + stop);
        let mut folds = fold & ((1u32 << stop) - 1) as u16;
        while folds != 0 {
            let l = folds.trailing_zeros() as usize;
            folds &= folds - 1;
            // Never in lane 0 of the first chunk: `r` is a char boundary.
            let [lead, trail] = fold_utf8(prev[l], cur[l]).expect("a fold lane");
            out[at + l - 1] = lead;
            out[at + l] = trail;
        }
        j += stop;
        if stop < avail {
            break;
        }
    }
    // A slow trail byte: its char, lead and all, goes to the char rules.
    while j > r && j < n && b[j] & 0xC0 == 0x80 {
        j -= 1;
        out.pop();
    }
    j - r
}

/// The [`LANES`] bytes of `b` from `j` on (`cur`) and the byte before each (`prev`); zeros
/// past the end of `b`, and before its start.
#[inline]
fn chunk(b: &[u8], j: usize) -> ([u8; LANES], [u8; LANES]) {
    // Whole chunks are one load each; only the ends of a text are copied.
    if j > 0
        && let Some(cur) = b.get(j..j + LANES)
    {
        let prev = &b[j - 1..j - 1 + LANES];
        return (
            prev.try_into().expect("a chunk"),
            cur.try_into().expect("a chunk"),
        );
    }
    let avail = (b.len() - j).min(LANES);
    let (mut prev, mut cur) = ([0u8; LANES], [0u8; LANES]);
    cur[..avail].copy_from_slice(&b[j..j + avail]);
    if j == 0 {
        prev[1..avail].copy_from_slice(&b[..avail - 1]);
    } else {
        prev[..avail].copy_from_slice(&b[j - 1..j - 1 + avail]);
    }
    (prev, cur)
}

/// For [`LANES`] bytes `cur` and the byte before each (`prev`), the lanes that need the
/// char rules (`slow`) and the trail bytes of letters that fold (`fold`), one bit per lane:
/// [`lane`] on each.
///
/// On x86_64, with SSE2 (part of every x86_64 CPU): sixteen compares at once, and each mask
/// gathered from the lanes' top bits in one instruction. The compiler turns the portable
/// version into vector compares too, but gathers the mask bit by bit through a tree of
/// shuffles; that came to about 140 instructions a chunk, this to about 40 (every sixteen
/// bytes of every article pass here).
#[cfg(target_arch = "x86_64")]
#[inline]
fn lanes(prev: &[u8; LANES], cur: &[u8; LANES]) -> (u16, u16) {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_loadu_si128,
        _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_sub_epi8,
    };
    // SAFETY: SSE2 is in the x86_64 baseline, so these instructions exist on every CPU this
    // code is built for; each load reads exactly the sixteen bytes of its array.
    unsafe {
        let (p, c) = (
            _mm_loadu_si128(prev.as_ptr().cast::<__m128i>()),
            _mm_loadu_si128(cur.as_ptr().cast::<__m128i>()),
        );
        let is = |v: __m128i, x: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(x as i8));
        // lo <= c <= hi, unsigned: c - lo, wrapped, is at most hi - lo.
        let within = |lo: u8, hi: u8| {
            let d = _mm_sub_epi8(c, _mm_set1_epi8(lo as i8));
            _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8((hi - lo) as i8)), d)
        };
        let (p8, p9) = (is(p, 0xD8), is(p, 0xD9));
        // ASCII: c > -1 as a signed byte.
        let ascii = _mm_andnot_si128(is(c, b'.'), _mm_cmpgt_epi8(c, _mm_set1_epi8(-1)));
        let lead = _mm_or_si128(is(c, 0xD8), is(c, 0xD9));
        // Letters of U+0621–U+063A after D8, of U+0641–U+064A after D9, folding or not.
        let trail = _mm_or_si128(
            _mm_and_si128(p8, within(0xA1, 0xBA)),
            _mm_and_si128(p9, within(0x81, 0x8A)),
        );
        let folds = _mm_or_si128(
            _mm_and_si128(
                p8,
                _mm_or_si128(
                    _mm_or_si128(is(c, 0xA2), is(c, 0xA3)),
                    _mm_or_si128(is(c, 0xA5), is(c, 0xA9)),
                ),
            ),
            _mm_and_si128(p9, is(c, 0x89)),
        );
        let ok = _mm_or_si128(_mm_or_si128(ascii, lead), trail);
        // The masks hold sixteen bits: the casts keep them all.
        (
            !(_mm_movemask_epi8(ok) as u16),
            _mm_movemask_epi8(folds) as u16,
        )
    }
}

/// [`lanes`] written without branches or short-circuits, for other machines (and to check
/// the x86_64 version against): the compiler turns it into vector compares and a mask.
#[cfg_attr(target_arch = "x86_64", cfg(test))]
#[inline]
fn lanes_portable(prev: &[u8; LANES], cur: &[u8; LANES]) -> (u16, u16) {
    let (mut ok, mut fold) = (0u16, 0u16);
    for l in 0..LANES {
        let (p, c) = (prev[l], cur[l]);
        let (p8, p9) = (p == 0xD8, p == 0xD9);
        let ascii = (c < 0x80) & (c != b'.');
        let lead = (c == 0xD8) | (c == 0xD9);
        // Letters of U+0621–U+063A after D8, of U+0641–U+064A after D9, folding or not.
        let trail = (p8 & (c.wrapping_sub(0xA1) <= 0xBA - 0xA1))
            | (p9 & (c.wrapping_sub(0x81) <= 0x8A - 0x81));
        let folds =
            (p8 & ((c == 0xA2) | (c == 0xA3) | (c == 0xA5) | (c == 0xA9))) | (p9 & (c == 0x89));
        ok |= u16::from(ascii | lead | trail) << l;
        fold |= u16::from(folds) << l;
    }
    (!ok, fold)
}

#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn lanes(prev: &[u8; LANES], cur: &[u8; LANES]) -> (u16, u16) {
    lanes_portable(prev, cur)
}

/// Does byte `cur`, after byte `prev`, need the char rules (`.0`), and is it the trail of
/// a letter that folds (`.1`)? Lead bytes of two-byte letters pass; their trail decides.
#[cfg(test)]
fn lane(prev: u8, cur: u8) -> (bool, bool) {
    match cur {
        b'.' => (true, false),
        0..=0x7F | 0xD8 | 0xD9 => (false, false),
        _ if fold_utf8(prev, cur).is_some() => (false, true),
        _ => (!is_plain_letter_utf8(prev, cur), false),
    }
}

/// Is `lead trail` an Arabic letter of U+0621–U+063A or U+0641–U+064A that does not fold?
#[cfg(test)]
fn is_plain_letter_utf8(lead: u8, trail: u8) -> bool {
    match lead {
        0xD8 => matches!(trail, 0xA1..=0xBA) && !matches!(trail, 0xA2 | 0xA3 | 0xA5 | 0xA9),
        0xD9 => matches!(trail, 0x81..=0x8A) && trail != 0x89,
        _ => false,
    }
}

/// What the two-byte UTF-8 sequence `lead trail` folds to when it is one of the common
/// letters [`fold_letter`] folds (alef with hamza or madda → alef, teh marbuta → heh, alef
/// maqsura → yeh): the same length, so the offsets do not shift. `None` for anything else.
fn fold_utf8(lead: u8, trail: u8) -> Option<[u8; 2]> {
    match (lead, trail) {
        (0xD8, 0xA2 | 0xA3 | 0xA5) => Some([0xD8, 0xA7]), // ا
        (0xD8, 0xA9) => Some([0xD9, 0x87]),               // ه
        (0xD9, 0x89) => Some([0xD9, 0x8A]),               // ي
        _ => None,
    }
}

/// Up to eight bytes as a big-endian number (`[1, 2]` → `0x0102`). Every word of every
/// text is hashed through this, and word lengths come in no order a branch predictor can
/// learn: eight bytes are one load, and fewer are two loads that overlap (the bytes they
/// share land on the same bits, so OR joins them), with no loop and no jump table.
pub(crate) fn be_bytes(b: &[u8]) -> u64 {
    let n = b.len();
    debug_assert!(n <= 8, "at most eight bytes");
    if let Some(all) = b.first_chunk::<8>() {
        return u64::from_be_bytes(*all);
    }
    if let (Some(hi), Some(lo)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        return u64::from(u32::from_be_bytes(*hi)) << (8 * (n - 4))
            | u64::from(u32::from_be_bytes(*lo));
    }
    if let (Some(hi), Some(lo)) = (b.first_chunk::<2>(), b.last_chunk::<2>()) {
        return u64::from(u16::from_be_bytes(*hi)) << (8 * (n - 2))
            | u64::from(u16::from_be_bytes(*lo));
    }
    b.first().map_or(0, |&c| u64::from(c))
}

/// The last eight bytes of a word (all of it when shorter) as a big-endian number, and the
/// word's length. The last `n` bytes are its low `8n` bits, so one load serves every tail
/// test of every table a word meets.
#[derive(Debug, Clone, Copy)]
pub struct Tail {
    bytes: u64,
    pub len: usize,
}

impl Tail {
    pub fn of(word: &str) -> Tail {
        let b = word.as_bytes();
        Tail {
            bytes: be_bytes(&b[b.len().saturating_sub(8)..]),
            len: b.len(),
        }
    }

    /// The last `n` bytes (at most 8) as a big-endian number.
    fn last(self, n: usize) -> u64 {
        if n >= 8 {
            self.bytes
        } else {
            self.bytes & ((1u64 << (8 * n)) - 1)
        }
    }
}

/// A set of words hashed into 65,536 bits: a "surely not" before a hash-map lookup, for the
/// word tables (lexicon, number words, gazetteer) that every word of every text meets. It
/// answers for the last `n` bytes of a word (a word and the same word without its clitics
/// end alike) or for a whole word. A collision only lets a word through to the exact lookup.
#[derive(Debug, Clone)]
pub struct WordBits(Box<[u64; 1024]>);

impl Default for WordBits {
    fn default() -> Self {
        WordBits(Box::new([0; 1024]))
    }
}

impl WordBits {
    fn mix(x: u64) -> usize {
        (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
    }

    /// The bit of the last `n` bytes of `word` (all of it when shorter; `n` at most 8).
    fn tail_bit(word: &str, n: usize) -> usize {
        WordBits::mix(Tail::of(word).last(n))
    }

    /// The bit of a whole word.
    fn whole_bit(word: &str) -> usize {
        let mut x = word.len() as u64;
        for chunk in word.as_bytes().chunks(8) {
            x = (x ^ be_bytes(chunk)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
        (x >> 48) as usize
    }

    fn set(&mut self, bit: usize) {
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    fn get(&self, bit: usize) -> bool {
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Add the last `n` bytes of `word`.
    pub fn insert_tail(&mut self, word: &str, n: usize) {
        self.set(WordBits::tail_bit(word, n));
    }

    /// Might some inserted tail equal the last `n` bytes of `word`?
    pub fn may_have_tail(&self, word: &str, n: usize) -> bool {
        self.get(WordBits::tail_bit(word, n))
    }

    /// [`Self::may_have_tail`] for a word's tail made once.
    #[inline]
    pub fn may_have_tail_of(&self, tail: Tail, n: usize) -> bool {
        self.get(WordBits::mix(tail.last(n)))
    }

    /// Add a whole word.
    pub fn insert_whole(&mut self, word: &str) {
        self.set(WordBits::whole_bit(word));
    }

    /// Might `word` be one of the whole words inserted?
    pub fn may_have_whole(&self, word: &str) -> bool {
        self.get(WordBits::whole_bit(word))
    }
}

/// The endings of a table's words, for a "surely not" before a text word is looked up by
/// the suffixes of it that remain without the letters in front (clitics): it ends as the
/// table word it holds does — in the last four letters when that word has four or more,
/// else in the last two, or in the last one for a one-letter (Arabic, two-byte) word. The
/// number table and the gazetteer use it; the lexicon, whose keys also drop the article,
/// has its own `Tails`.
#[derive(Debug, Clone, Default)]
pub struct Endings {
    /// Last eight bytes of the words of eight bytes or more.
    long: WordBits,
    /// Last four bytes (all of a shorter word) of the others.
    short: WordBits,
    /// Was a one-letter word inserted? Then a text word is also tested on its last letter.
    one_letter: bool,
}

impl Endings {
    pub fn insert(&mut self, word: &str) {
        if word.len() >= 8 {
            self.long.insert_tail(word, 8);
        } else {
            self.short.insert_tail(word, 4);
            self.one_letter |= word.chars().count() == 1;
        }
    }

    /// Could `word` end with an inserted word? False means surely not.
    #[inline]
    pub fn may_end(&self, word: &str) -> bool {
        let t = Tail::of(word);
        (t.len >= 8 && self.long.may_have_tail_of(t, 8))
            || self.short.may_have_tail_of(t, 4)
            || (self.one_letter && self.short.may_have_tail_of(t, 2))
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

    #[test]
    fn be_bytes_reads_any_length_as_the_byte_loop_does() {
        let b: Vec<u8> = (1..=8).map(|x| x * 0x11).collect();
        for n in 0..=8 {
            let want = b[..n].iter().fold(0u64, |x, &c| (x << 8) | u64::from(c));
            assert_eq!(be_bytes(&b[..n]), want, "{n} bytes");
        }
    }

    /// A word's tail made once gives every `n` the bytes the slice of its last `n` bytes
    /// does (all of a shorter word).
    #[test]
    fn tails_made_once_are_the_last_bytes() {
        let dev = crate::fixture_texts(&["fixtures/gold/dev.jsonl"]).join("\n");
        let words: Vec<&str> = dev
            .split(' ')
            .chain(["", "و", "a", "في", "abcdefghij"])
            .collect();
        assert!(words.len() > 1000);
        for w in words {
            let b = w.as_bytes();
            for n in 1..=8 {
                assert_eq!(
                    Tail::of(w).last(n),
                    be_bytes(&b[b.len().saturating_sub(n)..]),
                    "{w:?} {n}"
                );
            }
        }
    }

    /// Every text word that ends in a table word, whatever its length, passes the test.
    #[test]
    fn endings_let_through_every_word_that_ends_in_one() {
        let words = ["و", "في", "ستة", "خمسه", "عشرون", "الاربعين"];
        let mut e = Endings::default();
        for w in words {
            e.insert(w);
        }
        for w in words {
            for front in ["", "و", "ب", "وب"] {
                assert!(e.may_end(&format!("{front}{w}")), "{front}{w}");
            }
        }
    }

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
    fn the_byte_fast_paths_agree_with_the_char_rules() {
        for cp in 0x0600..0x0680 {
            let c = char::from_u32(cp).unwrap();
            let mut b = [0; 4];
            let e = c.encode_utf8(&mut b).as_bytes();
            let plain = is_plain_letter_utf8(e[0], e[1]);
            let folded = fold_utf8(e[0], e[1]);
            let keeps = is_arabic_letter(c) && matches!(fold_letter(c), Fold::Keep);
            // Copied as it is only when the char rules keep it.
            assert!(!plain || keeps, "U+{cp:04X}");
            if let Some(f) = folded {
                assert!(is_arabic_letter(c), "U+{cp:04X}");
                assert!(
                    matches!(fold_letter(c), Fold::To(n) if n.to_string().as_bytes() == f),
                    "U+{cp:04X}"
                );
            }
            // Every letter of the two main runs takes one of the fast paths.
            if (0x0621..=0x063A).contains(&cp) || (0x0641..=0x064A).contains(&cp) {
                assert!(plain || folded.is_some(), "U+{cp:04X} misses the fast path");
                assert_eq!(plain, keeps, "U+{cp:04X}");
            }
        }
    }

    /// The char rules alone, char by char: what [`normalize`], with its fast path, must give.
    fn by_char_rules(original: &str) -> Normalized {
        let mut text = String::new();
        let mut shifts: Vec<(u32, u32)> = Vec::new();
        let mut shift = |n: usize, o: usize| push_shift(&mut shifts, n, o);
        let next_kept = |from: usize| original[from..].chars().find(|&c| !is_dropped(c));
        for (at, c) in original.char_indices() {
            let after = at + c.len_utf8();
            let out = char_rule(c, text.chars().next_back(), || next_kept(after));
            if let Some(o) = out {
                shift(text.len(), at);
                text.push(o);
            }
        }
        shift(text.len(), original.len());
        Normalized { text, shifts }
    }

    /// Text, offsets and all, the fast paths give what the char rules give: on the dev
    /// texts and on strings drawn from the chars where the two could part (dots, marks,
    /// digits, separators, folded letters, controls, four-byte chars, the ends).
    #[test]
    fn normalize_is_the_char_rules() {
        let mut texts = crate::fixture_texts(&["fixtures/gold/dev.jsonl"]);
        let alphabet: Vec<char> =
            ". ،٬٫١2xقتلأإةىی\u{0640}\u{064B}\u{0651}\u{200F}\u{00A0}\u{202F}\u{2009}😀ٱکـ\n"
                .chars()
                .collect();
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for len in 0..2000 {
            let s: String = (0..len % 23)
                .map(|_| alphabet[(crate::xorshift(&mut seed) % alphabet.len() as u64) as usize])
                .collect();
            texts.push(s);
        }
        for t in &texts {
            assert_eq!(normalize(t), by_char_rules(t), "{t:?}");
        }
    }

    /// The sixteen-lane classifier is the one-lane rule, for every pair of bytes, in every
    /// lane.
    #[test]
    fn lanes_are_the_lane_rule() {
        for p in 0..=255u8 {
            for c in 0..=255u8 {
                let (s, f) = lane(p, c);
                for l in [0, 7, 15] {
                    let (mut prev, mut cur) = ([b'x'; LANES], [b'x'; LANES]);
                    (prev[l], cur[l]) = (p, c);
                    let want = (u16::from(s) << l, u16::from(f) << l);
                    assert_eq!(lanes(&prev, &cur), want, "{p:02X} {c:02X} lane {l}");
                    assert_eq!(
                        lanes_portable(&prev, &cur),
                        want,
                        "{p:02X} {c:02X} lane {l}"
                    );
                }
            }
        }
    }

    /// The two versions agree on chunks where every lane differs (the test above changes
    /// one lane at a time): bytes drawn from those that part them.
    #[test]
    fn lanes_agree_on_mixed_chunks() {
        const BYTES: [u8; 14] = [
            b'.', b'a', 0x7F, 0x80, 0x81, 0x89, 0x8A, 0xA1, 0xA3, 0xA9, 0xBA, 0xBB, 0xD8, 0xD9,
        ];
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..20_000 {
            let (mut prev, mut cur) = ([0u8; LANES], [0u8; LANES]);
            for l in 0..LANES {
                let x = crate::xorshift(&mut x);
                (prev[l], cur[l]) = (BYTES[(x % 14) as usize], BYTES[((x >> 8) % 14) as usize]);
            }
            assert_eq!(
                lanes(&prev, &cur),
                lanes_portable(&prev, &cur),
                "{prev:?} {cur:?}"
            );
        }
    }

    /// The offsets hold their invariants on every fixture text.
    #[test]
    fn offsets_are_monotone_boundaries_ending_at_the_length() {
        let mut texts: Vec<String> = vec![
            "x\u{0640}ً١٬٢.ـا\u{200F}.ب ".into(),
            "\u{200F}\u{200F}قُتِلَ ١٥ طفلاً\u{200F}".into(),
            "".into(),
            "ـــ".into(),
            "١٢٣٤ ۴۸ a\u{00A0}b إطـ.لاق".into(),
        ];
        texts.extend(crate::fixture_texts(&[
            "fixtures/gold/dev.jsonl",
            "fixtures/gold/seeds.jsonl",
        ]));
        for t in &texts {
            assert!(normalize(t).offsets_hold(t), "{t:?}");
        }
    }

    #[test]
    fn word_bits_never_miss_what_was_inserted() {
        let mut b = WordBits::default();
        let words = ["قتلي", "جرحي", "مدنيين", "في", "ا", "اطفال"];
        for w in words {
            b.insert_tail(w, 4);
            b.insert_whole(w);
        }
        for w in words {
            // A longer word ending in it shares its last four bytes; a shorter one is only
            // met whole.
            let text_word = if w.len() >= 4 {
                format!("وال{w}")
            } else {
                w.to_string()
            };
            assert!(b.may_have_tail(&text_word, 4) && b.may_have_whole(w), "{w}");
        }
        let others = ["وقال", "المتحدث", "الحكومه", "مؤتمر", "العاصمه", "الاقتصادي"];
        let through = others.iter().filter(|w| b.may_have_whole(w)).count();
        assert!(
            through <= 1,
            "{through} of {} unrelated words passed",
            others.len()
        );
    }

    #[test]
    fn map_points_at_original() {
        let orig = "قُتِلَ ١٥ طفلاً";
        let norm = normalize(orig);
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
        assert!(normalize(orig).offsets_hold(orig));
    }
}
