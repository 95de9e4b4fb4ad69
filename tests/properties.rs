//! Property tests: random bytes and random Arabic fragments through the whole pipeline.
//! Nothing may panic, and what comes out must point at the text that went in.
//!
//! A fixed-seed xorshift generator keeps every run the same, so a failure is reproducible
//! from its case number.

use hasila::extract::Extractor;
use hasila::input::{self, CsvColumns};
use hasila::normalize::normalize;
use hasila::numbers;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces Arabic news is made of, and the noise scrapers add.
const PIECES: &[&str] = &[
    "مقتل",
    "قتل",
    "قتلى",
    "جرحى",
    "إصابة",
    "أصيب",
    "استشهاد",
    "مصرع",
    "وفاة",
    "جثة",
    "سقوط",
    "بينهم",
    "منهم",
    "طفل",
    "طفلين",
    "أطفال",
    "امرأة",
    "نساء",
    "رجل",
    "مدنيين",
    "مدنيا",
    "عنصرين",
    "مقاتلين",
    "آخرين",
    "العديد",
    "خمسة",
    "وعشرين",
    "ثلاثمائة",
    "ألف",
    "ألفا",
    "آلاف",
    "مليون",
    "عشرات",
    "مئات",
    "بضعة",
    "نحو",
    "أكثر من",
    "بين",
    "و",
    "الأحد",
    "أحد",
    "الثانية",
    "عشر",
    "الحادي",
    "قمة العشرين",
    "كورونا",
    "اعتقال",
    "منذ",
    "ليرتفع العدد إلى",
    "إدلب",
    "حلب",
    "ريف دمشق",
    "مدينة",
    "بلدة",
    "أمس",
    "اليوم",
    "2020/02/06",
    "09:33",
    "- 09:33",
    "٤٨",
    "۴۸",
    "١٬٢٥٠",
    "1.5",
    "٫",
    "،",
    ".",
    "..",
    "(",
    ")",
    "\"",
    "ـ",
    "ـ.",
    "ً",
    "ّ",
    "\u{200F}",
    "\u{200C}",
    "\u{FEFF}",
    "\u{00A0}",
    "\n",
    "\n\n",
    "الأخبار العاجلة",
    "اقرأ أيضا",
    "%",
    "9",
    "0",
    "-",
    "سورياقتل",
    "7قتلى",
    "أيام",
    "دولار",
    " ",
    " ",
];

fn fragment(rng: &mut Rng) -> String {
    let n = 1 + rng.below(40);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(PIECES[rng.below(PIECES.len())]);
        if rng.below(3) > 0 {
            s.push(' ');
        }
    }
    s
}

fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    let n = rng.below(600);
    (0..n).map(|_| rng.next() as u8).collect()
}

fn check_text(ex: &Extractor<'_>, text: &str, case: usize) {
    let norm = normalize(text);
    assert!(norm.offsets_hold(text), "case {case}");
    for q in numbers::builtin().parse(&norm.text) {
        assert!(
            q.full_start <= q.start && q.start < q.end && q.end <= q.full_end,
            "case {case}"
        );
        assert!(
            norm.text.is_char_boundary(q.start) && norm.text.is_char_boundary(q.end),
            "case {case}"
        );
        let (s, e) = norm.original_span(text, q.start, q.end);
        assert!(
            s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e),
            "case {case}"
        );
    }
    for m in ex.extract("case", text, None) {
        assert_eq!(&text[m.start..m.end], m.quote, "case {case}: {text:?}");
        assert!(m.count.is_some() || m.vague, "case {case}");
        // Every mention names the rule that made it (explain shows it).
        assert!(!m.rule.is_empty(), "case {case}: {text:?}");
        if let (Some(c), Some(l)) = (m.count, m.low) {
            assert!(l <= c, "case {case}");
        }
        if let Some(c) = m.count {
            assert!((1..=5_000_000).contains(&c), "case {case}");
        }
    }
}

#[test]
fn random_arabic_fragments_never_break_the_pipeline() {
    let ex = Extractor::new(hasila::lexicon::builtin(), numbers::builtin_lenient());
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for case in 0..4000 {
        let text = fragment(&mut rng);
        check_text(&ex, &text, case);
    }
}

#[test]
fn random_bytes_never_break_the_readers_or_the_pipeline() {
    let ex = Extractor::new(hasila::lexicon::builtin(), numbers::builtin_lenient());
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let cols = CsvColumns::default();
    for case in 0..3000 {
        let mut bytes = random_bytes(&mut rng);
        // Half the cases start from real text and get damaged.
        if rng.below(2) == 0 {
            let mut t = fragment(&mut rng).into_bytes();
            for _ in 0..rng.below(5) {
                if !t.is_empty() {
                    let i = rng.below(t.len());
                    t[i] = rng.next() as u8;
                }
            }
            bytes = t;
        }
        let lossy = String::from_utf8_lossy(&bytes).to_string();
        let _ = input::decode("case", &bytes);
        let _ = input::read_jsonl("case", &lossy);
        let _ = input::read_csv("case", &lossy, &cols);
        let _ = input::strip_html(&lossy);
        check_text(&ex, &lossy, case);
        let _ = hasila::dates::find_date(&normalize(&lossy).text);
    }
}

#[test]
fn random_files_never_break_read_input() {
    let dir = std::env::temp_dir().join(format!("hasila-prop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let cols = CsvColumns::default();
    for case in 0..300 {
        let ext = ["txt", "md", "jsonl", "csv", "html"][case % 5];
        let path = dir.join(format!("{case}.{ext}"));
        let mut bytes = random_bytes(&mut rng);
        if rng.below(2) == 0 {
            bytes = fragment(&mut rng).into_bytes();
        }
        std::fs::write(&path, &bytes).unwrap();
        let mut seen = 0;
        input::read_input(&path, &cols, &mut |r| {
            seen += 1;
            if let Err(e) = r {
                assert!(
                    e.source_name.starts_with(&path.display().to_string()),
                    "case {case}: {e}"
                );
            }
        });
        assert!(
            seen >= 1,
            "case {case}: nothing said about {}",
            path.display()
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
