//! The casualty rules file (`rules/casualties.toml`): loading, validating, and the compiled
//! form the extraction engine matches.
//!
//! The file is embedded in the binary and can be replaced with `--rules FILE`. Every table
//! carries an `id`; the engine stamps that id on each mention it makes, so `explain` can
//! show which rule fired.
//!
//! Matching is by word: each word of the text is looked up after stripping the clitics
//! `و ف ب ل ك` and the article `ال`, in every combination, so a rule lists the bare form once.

use crate::morphology::KeyShape;
use std::collections::HashMap;

/// Word lookups run for every word of every article: a fast, fixed-seed hasher.
type FastState = foldhash::fast::FixedState;
use std::fmt;

use serde::Deserialize;

use crate::normalize::{Tail, WordBits, normalize_word};
use crate::record::{Category, Cause, Group};

/// Word comparisons for the closed classes, asked many times for every figure: words and
/// affixes are a few bytes long, where comparing loads of them beats a call to `memcmp`.
pub(crate) mod bytes {
    /// Is `a` the same word as `b`? Words of up to 16 bytes are compared as two overlapping
    /// loads of each, with no branch on their bytes.
    #[inline]
    pub(crate) fn same(a: &str, b: &str) -> bool {
        same_bytes(a.as_bytes(), b.as_bytes())
    }

    /// [`same`] on bytes.
    #[inline]
    pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
        let n = a.len();
        if n != b.len() {
            return false;
        }
        fn load<const K: usize>(s: &[u8], at: usize) -> [u8; K] {
            s[at..at + K].try_into().expect("K bytes")
        }
        match n {
            0 => true,
            1 => a[0] == b[0],
            2..=3 => {
                (load::<2>(a, 0) == load::<2>(b, 0)) & (load::<2>(a, n - 2) == load::<2>(b, n - 2))
            }
            4..=7 => {
                (load::<4>(a, 0) == load::<4>(b, 0)) & (load::<4>(a, n - 4) == load::<4>(b, n - 4))
            }
            8..=16 => {
                (load::<8>(a, 0) == load::<8>(b, 0)) & (load::<8>(a, n - 8) == load::<8>(b, n - 8))
            }
            _ => a == b,
        }
    }

    /// `w` without `prefix`, when it begins with it.
    #[inline]
    pub(crate) fn strip_prefix<'w>(w: &'w str, prefix: &str) -> Option<&'w str> {
        let n = prefix.len();
        (w.len() >= n && w.is_char_boundary(n) && same(&w[..n], prefix)).then(|| &w[n..])
    }

    /// Does `w` begin with `prefix`?
    #[inline]
    pub(crate) fn begins(w: &str, prefix: &str) -> bool {
        strip_prefix(w, prefix).is_some()
    }

    /// `w` without `suffix`, when it ends with it.
    #[inline]
    pub(crate) fn strip_suffix<'w>(w: &'w str, suffix: &str) -> Option<&'w str> {
        let k = w.len().checked_sub(suffix.len())?;
        (w.is_char_boundary(k) && same(&w[k..], suffix)).then(|| &w[..k])
    }

    /// Is `w` one of `list`?
    #[inline]
    pub(crate) fn any_of(list: &[String], w: &str) -> bool {
        list.iter().any(|x| same(x, w))
    }
}

/// The rules compiled into the binary.
pub const BUILTIN: &str = include_str!("../rules/casualties.toml");

/// How many a noun form means on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `طفل`: one, when no number is given.
    Singular,
    /// `طفلين`: two.
    Dual,
    /// `أطفال`: needs a number, or is vague.
    Plural,
}

impl Form {
    /// The count the form stands for on its own: none for a plural.
    pub const fn count(self) -> Option<u64> {
        match self {
            Form::Singular => Some(1),
            Form::Dual => Some(2),
            Form::Plural => None,
        }
    }
}

/// How long a unit of time lasts, in hours: `hours` each when counted (`10 أيام`), `alone`
/// with no number (`يومين` is 48, `أسابيع` at least three weeks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeUnit {
    pub hours: u32,
    pub alone: u32,
}

/// The longest phrase a rules file may hold, in words and in bytes: the longest built-in one
/// has seven words.
pub const MAX_PHRASE_WORDS: usize = 16;
pub const MAX_PHRASE_BYTES: usize = 512;

/// What a matched phrase is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A casualty cue. `category` is `None` for neutral cues (`سقوط`, `وقوع`) that only
    /// say something together with a casualty noun.
    Cue {
        category: Option<Category>,
        after: bool,
        /// Only right before its figure or noun (`غرق 3 أطفال`), not a few words before
        /// it: the word says more than a casualty (`غرق مركب يقل 50 مهاجرا`).
        adjacent: bool,
        /// Only of a number's figure, not of a noun after it: the word tells a death only
        /// with a count (`نعت الفصائل 6 من مقاتليها`; not `نعت العائلة ابنها`, a mourning).
        numbers_only: bool,
        /// Its figure is a part of a total told before it (`ومن بين القتلى قيادي بارز`):
        /// flagged `breakdown`.
        part: bool,
    },
    Noun {
        category: Option<Category>,
        group: Option<Group>,
        form: Form,
        /// A person's name (`محمد`): one person, and after a count of people who they were,
        /// not more of them (`قتل الشقيقان أحمد ومحمد`: two).
        named: bool,
    },
    /// A scope word. `backward` words (`منذ`, `خلال الفترة`) make figures on either side of
    /// them cumulative; the others (`ليرتفع العدد إلى`, `حصيلة إجمالية`) only the figures
    /// after them. A `direct` running total's verb takes the figure it reached as its
    /// object (`بلغ عدد القتلى منذ بداية الأحداث 5000`): the figure may stand past what
    /// follows the toll in its sentence, with no `إلى` before it.
    Scope {
        backward: bool,
        direct: bool,
    },
    /// A verb that opens a statement a cue after the noun closes (`لقي شاب … مصرعه`): the
    /// noun right after it is counted when the close follows in its sentence.
    Opener,
    /// A word that closes an opener's statement and nothing else (`فارقت الطفلة الحياة`):
    /// alone it says nothing of a casualty (`عادت الحياة`). It closes only the openers
    /// named (by rule id): life is left (`فارق`) or lost (`فقد`), a wound suffered
    /// (`تعرض`), and `تعرض 5 أشخاص لخطر يهدد حياتهم` kills no one.
    Close {
        category: Category,
        openers: Vec<String>,
    },
    /// A word right before a figure (`إلى`, `على`) that makes it the figure a running
    /// total reached: the total's toll noun may then stand anywhere before it in the
    /// sentence (`ارتفعت حصيلة ضحايا التفجير الذي وقع في المسجد إلى 15 شخصا`).
    TotalTo,
    /// A word that pins the figures of its sentence to one day (`أمس`, `اليوم`, a
    /// weekday): however large, such a figure is that day's toll, not a running total.
    OneDay,
    /// A word that pins the figures of its sentence to one event (`المجزرة`, `انفجار`):
    /// however large, such a figure is its toll, not a running total; and a month named
    /// after the figure is the event's date, not a period.
    OneEvent,
    /// A word that makes the period word right after it a comparison (`الأسوأ منذ نيسان`,
    /// `لم تشهد مثيلا لها منذ قرن`), not the period of a figure.
    Comparison,
    /// A word that opens a span of time (`خلال`, `على مدى`, `استمرت`): the figures around it
    /// are a total when the time after it lasts at least `at_least_hours` (`خلال 10 أيام`,
    /// `على مدى 48 ساعة`, `استمرت أسابيع`), not when it is a day's (`خلال 24 ساعة`).
    Span {
        at_least_hours: u32,
    },
    /// A word that marks an earlier event cited in passing (`يذكر أن`, `آنذاك`); with
    /// `pluperfect`, a form of `كان` that does so when `قد` follows it before the figure's
    /// verb (`وكان 41 شخصا قد قتلوا`); with `trailing`, also after the figure in its clause,
    /// as the event's adjective (`قتل 7 أشخاص في انفجار مماثل`).
    Background {
        pluperfect: bool,
        trailing: bool,
    },
    /// A period named right after a figure, in its clause (`وثقت الشبكة مقتل 86 مدنيا في
    /// تشرين الأول`): the figure is its total. Before the figure, or in another clause, it
    /// dates an event (`وقع في آذار 2014، وقد قتل آنذاك خمسة`).
    PeriodAfter,
    /// A fight or a campaign that goes on (`المعارك المتواصلة`, `الاشتباكات الدائرة`): the
    /// figures around it are its total, unless their sentence names one day or one event.
    Ongoing,
    Cause(Cause),
    Weapon(String),
    /// Not a casualty when seen near the cue; `None` for every category, else only those.
    Exclude(Option<Vec<Category>>),
    /// People not hurt (`إنقاذ 25 شخصا`), before the figure as [`Kind::Exclude`] is; not
    /// when the figure's own noun says they are hurt (`لإنقاذ حالة مصاب`, `إسعاف 5 جرحى`).
    ExcludeUnhurt,
    /// A head right before a figure's number, the figure its genitive: the dead or wounded
    /// named again for someone of theirs (`تعويض ذوي 60 قتيلا`, `عائلات 15 ضحية`).
    ExcludeGoverning,
    /// A court or its ruling: an execution ([`Closed::execution`]) told after it in its
    /// sentence is a sentence passed, no death (`قضت محكمة اليوم، بإعدام 17 شخصا`); an
    /// execution carried out (`نفذ حكم الإعدام`) is not told by these words.
    Court,
    /// A negation (`لم`, `دون`, `عدم`): not a casualty up to two words before the cue, like
    /// [`Kind::Exclude`], and further on in its clause for a figure with no number
    /// (`لم يسفر الانفجار عن وقوع إصابات`), unless a relative pronoun opens a clause of its own
    /// between them.
    Negation,
    /// A denial (`نفى`): a negation that also denies a figure with a number further on in
    /// its clause (`ونفى مصدر عسكري الأنباء عن مقتل 10 جنود`).
    Denial,
    /// A hedge (`قد يصل`, `يخشى أن`): what it says may happen has not, and no figure
    /// after it in its clause, with a number or without, is a casualty (`وقد يصل عدد
    /// القتلى إلى 100`).
    Hedge,
    /// Right after a figure and before a unit of time, a rate, not a count (`وفاة واحد كل 20
    /// ثانية`, `كل يومين`).
    Rate,
    /// A quantity without a number (`العديد`, `عدد من`, `آخرين`): a vague mention after a cue.
    /// `others` words (`آخرين`) count more of the people a figure before them counted, and
    /// take that figure's group (`قتلت 15 جنديا وأصابت آخرين`: the wounded are soldiers).
    Vague {
        others: bool,
    },
    /// A noun that, right after a number, shows it counts something other than people
    /// (`عشرة أيام`, `15 مليون دولار`); with `after_of`, also after `من` (`28 من نيسان`).
    /// A unit of time says how long it lasts ([`TimeUnit`]).
    Unit {
        after_of: bool,
        time: Option<TimeUnit>,
        /// People a cue right before their number may count (`قضى 15 معتقلا تحت
        /// التعذيب`), but who are no casualty by themselves (`و20 معتقلا`).
        cued: bool,
    },
    /// A line that opens page furniture: the rest of its block (up to a blank line), or
    /// with `rest` the rest of the page (`الأخبار المتعلقة`).
    Furniture {
        rest: bool,
    },
}

impl Kind {
    /// Is this the pronoun that opens a total's list of parts (`هم` in `سقط ثلاثة قتلى هم
    /// رجل وامرأة`): a neutral cue whose figure is a part?
    pub fn opens_parts(&self) -> bool {
        matches!(
            self,
            Kind::Cue {
                category: None,
                part: true,
                ..
            }
        )
    }

    /// Is this a running total's word, which makes the figures after it cumulative
    /// (`ليرتفع العدد إلى`, `بلغ عدد`)?
    pub fn is_running_total(&self) -> bool {
        matches!(
            self,
            Kind::Scope {
                backward: false,
                ..
            }
        )
    }
}

/// The words of one closed class, and the byte lengths they come in: most words asked
/// about are of no class, and one test of their length turns them away before any
/// comparison (`has`). The words of each length are also laid end to end in one buffer, so
/// a word is compared with its class in one or two cache lines, not by following a pointer
/// to each word. Read as the list it is everywhere else.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words {
    list: Vec<String>,
    /// Bit `k` for a word of `k` bytes; bit 63 for every word of 63 bytes or more.
    lengths: u64,
    /// Bit [`Words::sig`] of every word: most words of a length the class has are turned
    /// away here, before they are compared.
    sigs: u64,
    /// The words shorter than [`Words::FLAT`] bytes, by length, then in list order.
    flat: Box<[u8]>,
    /// Where the words of each length begin in `flat`, and where they end: `flat[at[n] ..
    /// at[n + 1]]`.
    at: Box<[u32]>,
}

impl Words {
    /// Words this long or longer are compared with the list.
    const FLAT: usize = 63;

    pub fn new(list: Vec<String>) -> Words {
        let lengths = list.iter().fold(0, |m, w| m | 1 << w.len().min(63));
        let sigs = list
            .iter()
            .fold(0, |m, w| m | 1 << Words::sig(w.as_bytes()));
        let longest = list
            .iter()
            .map(String::len)
            .filter(|&n| n < Words::FLAT)
            .max()
            .unwrap_or(0);
        let (mut flat, mut at) = (Vec::new(), Vec::with_capacity(longest + 2));
        for n in 0..=longest {
            at.push(u32::try_from(flat.len()).expect("a closed class is small"));
            for w in list.iter().filter(|w| w.len() == n) {
                flat.extend_from_slice(w.as_bytes());
            }
        }
        at.push(u32::try_from(flat.len()).expect("a closed class is small"));
        Words {
            list,
            lengths,
            sigs,
            flat: flat.into(),
            at: at.into(),
        }
    }

    /// A word's bit in [`Words::sigs`], from its length and its first and last bytes, read
    /// in two overlapping loads as [`bytes::same_bytes`] compares them.
    #[inline]
    fn sig(b: &[u8]) -> u32 {
        let n = b.len();
        let x = match n {
            0 => 0,
            1 => u64::from(b[0]),
            2..=3 => {
                u64::from(u16::from_le_bytes([b[0], b[1]]))
                    | u64::from(u16::from_le_bytes([b[n - 2], b[n - 1]])) << 16
            }
            4..=7 => {
                u64::from(u32::from_le_bytes(b[..4].try_into().expect("4 bytes")))
                    | u64::from(u32::from_le_bytes(b[n - 4..].try_into().expect("4 bytes"))) << 32
            }
            _ => {
                u64::from_le_bytes(b[..8].try_into().expect("8 bytes"))
                    ^ u64::from_le_bytes(b[n - 8..].try_into().expect("8 bytes")).rotate_left(29)
            }
        };
        ((x ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58) as u32
    }

    /// Is `w` one of the words?
    #[inline]
    pub fn has(&self, w: &str) -> bool {
        let n = w.len();
        if self.lengths >> n.min(63) & 1 == 0 || self.sigs >> Words::sig(w.as_bytes()) & 1 == 0 {
            return false;
        }
        if n >= Words::FLAT || n == 0 {
            return bytes::any_of(&self.list, w);
        }
        let (a, z) = (self.at[n] as usize, self.at[n + 1] as usize);
        self.flat[a..z]
            .chunks_exact(n)
            .any(|c| bytes::same_bytes(c, w.as_bytes()))
    }

    /// Every word normalised as the text is.
    fn normalise(&mut self) {
        *self = Words::new(self.list.iter().map(|w| normalize_word(w)).collect());
    }
}

impl std::ops::Deref for Words {
    type Target = [String];

    fn deref(&self) -> &[String] {
        &self.list
    }
}

impl<'de> Deserialize<'de> for Words {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Words, D::Error> {
        Vec::<String>::deserialize(d).map(Words::new)
    }
}

/// Prefixes compiled to a mask and the bytes it keeps of their first eight, so a word's
/// first eight bytes are compared with each in one test (`Closed::strip_article` is asked
/// of most nouns of every figure); a longer prefix is then compared whole.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Heads(Vec<(u64, u64, String)>);

impl Heads {
    fn new(prefixes: &[String]) -> Heads {
        Heads(
            prefixes
                .iter()
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let mask = u64::MAX << (8 * (8 - p.len().min(8)));
                    (mask, Self::head(p) & mask, p.clone())
                })
                .collect(),
        )
    }

    /// The first eight bytes of `w`, big-endian, zeros past its end.
    fn head(w: &str) -> u64 {
        let mut b = [0u8; 8];
        let n = w.len().min(8);
        b[..n].copy_from_slice(&w.as_bytes()[..n]);
        u64::from_be_bytes(b)
    }

    /// The byte lengths of the prefixes `w` begins with, in their order.
    fn lengths<'s>(&'s self, w: &'s str) -> impl Iterator<Item = usize> + 's {
        let h = Self::head(w);
        self.0
            .iter()
            .filter(move |(mask, value, p)| {
                h & mask == *value
                    && w.len() >= p.len()
                    && w.is_char_boundary(p.len())
                    && (p.len() <= 8 || w.starts_with(p.as_str()))
            })
            .map(|(_, _, p)| p.len())
    }
}

/// The closed-class words the engine's constructions are built of (`[closed]` in the rules
/// file), normalised as the text is once loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closed {
    /// Prefixes that carry the article (`ال`, `وال`, `لل`): a word behind one is definite.
    pub article: Words,
    /// `article` compiled to compare a word's first eight bytes at once.
    #[serde(skip)]
    article_heads: Heads,
    /// The conjunction, written apart (`و 3`) or on a word (`وثلاثة`).
    pub and: String,
    /// The partitive `of`, bare (`خمسة من المدنيين`).
    pub of: String,
    /// `of` with its pronoun (`خمسة منهم`).
    pub of_them: Words,
    /// `of` with the pronoun of things (`منها`): not a partitive of people (`3 غارات،
    /// منها 2 على إدلب`), but it opens a severity sub-count of wounds (`7 إصابات منها 3
    /// حالات حرجة`).
    #[serde(default)]
    pub of_it: Words,
    /// `among`, bare (`وخمسة بين الطاقم`, `24 امرأة ضمن الضحايا`).
    pub among: Words,
    /// `among` with its pronoun (`بينهم 5 أطفال`).
    pub among_them: Words,
    /// The preposition of place before a definite noun (`في الغارة`).
    #[serde(rename = "in")]
    pub in_: String,
    /// A preposition fused with the article (`بالقصف`).
    pub with_the: String,
    /// The ending of the indefinite accusative (`شخصا`, `جنديا`).
    pub accusative: String,
    /// The conjunction of sequence, on a verb (`فقتلوا`: and then they killed).
    pub then: String,
    /// The particle of the perfect (`قد`): after a form of `كان`, an earlier event.
    pub already: String,
    /// Relative pronouns (`التي`, `الذين`): a clause of their own inside a sentence, out of
    /// the reach of a negation before them (`لم تتوقف الغارات التي أوقعت قتلى`).
    #[serde(default)]
    pub relative: Words,
    /// Words of exception (`سوى`, `إلا`): after a negation they affirm the figure (`لم يقتل
    /// سوى 3`).
    #[serde(default)]
    pub except: Words,
    /// The prepositions a verb takes its object with, after its agent (`أسفرت الاشتباكات
    /// عن قتلى`).
    #[serde(default)]
    pub about: Words,
    /// Possessive endings (`ها`, `هما`): a word with one is a noun someone has, the one a
    /// cue before it governs (`وإصابة مرافقهما`).
    #[serde(default)]
    pub possessive: Words,
    /// The possessive ending of one man (`شقيقه`, `زوجته`), which the folded teh marbuta
    /// reads too (`شقيقة`): only of a person's noun right after a lone agent and its verb,
    /// where a bare feminine could not stand (`قتل مواطن شقيقه`).
    #[serde(default)]
    pub his: Words,
    /// The head of a toll (`عدد`, `حصيلة`) after the figure it reached: the noun it governs
    /// says what the figure counts (`ارتفع إلى 17 عدد القتلى`).
    #[serde(default)]
    pub toll: Words,
    /// A lower bound written after a figure or its noun (`قتل 4 أشخاص على الأقل`).
    #[serde(default)]
    pub at_least_after: Vec<String>,
    /// A case (`حالة`): before a noun of the dead or wounded it makes the noun a count of
    /// one wherever it stands (`أصاب شخصا، وحالة وفاة`).
    #[serde(default)]
    pub case: Words,
    /// The preposition of a place's figure in a ranking (`تلتها حمص بـ 40`).
    #[serde(default)]
    pub ranked_by: Words,
    /// `One of` (`أحد`, `إحدى`): before a definite noun of things it counts a thing, no
    /// person (`غرق أحد القوارب`).
    #[serde(default)]
    pub one_of: Words,
    /// How bad a wound is (`حرجة`, `خطيرة`): after a part of the wounded it makes the part
    /// a severity sub-count, not a figure (`أصيب خمسة، اثنان منهم بحالة حرجة`).
    #[serde(default)]
    pub severity: Words,
    /// A time of the day (`الصباح`, `الفجر`): after a period word it makes it today's
    /// hours, no period (`منذ الصباح`, `منذ فجر اليوم`).
    #[serde(default)]
    pub time_of_day: Words,
    /// Words that open an aside set between commas after a figure, before its verb: most
    /// of them, according to (`إن 30 شخصا، معظمهم مدنيون، قتلوا`); a part's partitive
    /// opens one too (`12 مدنيا، بينهم 5 أطفال، قتلوا`).
    #[serde(default)]
    pub aside: Words,
    /// Words that add someone to whom a figure or a noun counted before (`مع`, `برفقة`):
    /// after one, a figure is more of them (`قتل القيادي مع ثلاثة من مرافقيه`).
    #[serde(default)]
    pub together: Words,
    /// The pronoun that opens the list of what a total is made of (`17 قتيلا، هم 9 مدنيين
    /// و8 من العناصر`).
    #[serde(default)]
    pub they: Words,
    /// `And he is`, `and she is`: after one of the dead or wounded, the noun that follows
    /// names who they were (`لفظ أحدهما وهو رجل … أنفاسه الأخيرة`: a man).
    #[serde(default)]
    pub he_is: Words,
    /// Offices a person is named by, as the head of a construct (`رئيس البلدية`, `مدير أمن
    /// المحافظة`): after a verb and its agent, one person struck, with no accusative.
    #[serde(default)]
    pub office: Words,
    /// The complement of `similar` that names what an event is compared with (`مماثل لما
    /// وقع`, `مماثلة لتلك`): the event is this one, described, not another one recalled.
    #[serde(default)]
    pub similar_to: Words,
    /// Prepositions besides `في` that open a short phrase of when, where or why before a
    /// definite noun, between a passive verb and its subject (`وقتل خلال الاشتباكات
    /// عنصران`).
    #[serde(default)]
    pub adverbial: Words,
    /// Reports and news (`الأنباء`, `التقارير`): a denial of them denies the figure they
    /// told (`ونفى مصدر عسكري الأنباء عن مقتل 10 جنود`).
    #[serde(default)]
    pub report: Words,
    /// Each of: opens a list of the people a verb struck, named one by one (`وقتل في القصف
    /// كل من محمد العلي وأحمد الخطيب`).
    #[serde(default)]
    pub each_of: Words,
    /// Verbs of a toll that reached or passed a figure, after the toll they speak of and
    /// right before the figure (`حصيلة القتلى منذ بدء الاحتجاجات تجاوزت 9 آلاف`).
    #[serde(default)]
    pub reached: Words,
    /// Prepositions with the pronoun of a relative clause's noun (`فيه`, `فيها`): a figure
    /// right after one is the subject of the relative verb (`الهجوم الذي شارك فيه 50`).
    #[serde(default)]
    pub resumptive: Words,
    /// Adverbs that may stand between a verb and its subject (`وتوفي لاحقا أحد الجرحى`).
    #[serde(default)]
    pub adverb: Words,
    /// Prepositions before an adverb of their own (`على إثرها`, `في أعقابه`): the two
    /// words stand where one adverb does.
    #[serde(default)]
    pub adverb_lead: Words,
    /// A day or a time of it (`أمس`, `الجمعة`, `مساء`): between two commas it is an aside,
    /// and the commas break no clause (`قتل، أمس، 15 شخصا`).
    #[serde(default)]
    pub day: Words,
    /// That it be (`أن يكون قد`): after a denial, right before the cue, it denies the
    /// figure (`ونفى الجيش أن يكون قد قتل 20 مدنيا`).
    #[serde(default)]
    pub denied_that: Words,
    /// As follows (`على النحو التالي`, `كالتالي`): between a toll's noun and the first
    /// figure of its list (`وتوزع القتلى على النحو التالي: 15 في حلب، و8 في إدلب`).
    #[serde(default)]
    pub as_follows: Words,
    /// The prepositions of means, glued to a weapon's word: with its genitive it may stand
    /// between a passive verb and its subject (`وقتل برصاص الجيش التركي 3 لاجئين`).
    #[serde(default)]
    pub means: Words,
    /// Of the rank (`برتبة`): the noun after it is the rank of the one before it (`ضابط
    /// برتبة عقيد`), no one more.
    #[serde(default)]
    pub rank_of: Words,
    /// Besides (`بالإضافة إلى`, `فضلا عن`): a figure after one is more people beside those
    /// counted before, a figure of its own, no part of them.
    #[serde(default)]
    pub besides: Words,
    /// The last word of each phrase of `besides`, for a first test of where one ends.
    #[serde(skip)]
    pub besides_last: Words,
    /// A death or a wound told as a bare masdar (`وفاة`, `إصابة`): indefinite, governing
    /// no one, all a verb of result left, it is one case.
    #[serde(default)]
    pub bare_case: Words,
    /// Verbs of distribution (`يتوزعون`, `توزعوا`): with their preposition
    /// (`distributed_into`) right before a figure, it is a part of the one before.
    #[serde(default)]
    pub distributed: Words,
    /// The preposition after a verb of distribution (`إلى`, `على`, `بين`).
    #[serde(default)]
    pub distributed_into: Words,
    /// A point of a period (`بداية`, `مطلع`): behind `في`, before a period word, a time
    /// and no period (`في بداية الشهر الجاري`).
    #[serde(default)]
    pub point_of: Words,
    /// Per each (`بكل`, `لكل`): a rate's word, but before `من` each of the places after it.
    #[serde(default)]
    pub per_each: Words,
    /// Fell (`سقوط`, `سقط`): people who fell to fire or shelling told right after them are
    /// dead.
    #[serde(default)]
    pub fell: Words,
    /// Verbs of result (`أسفر`, `نتج`, `أدى`), before the preposition of what they left.
    #[serde(default)]
    pub resulted: Words,
    /// The preposition of what a verb of result left (`عن`, `عنه`, `إلى`).
    #[serde(default)]
    pub resulted_in: Words,
    /// Because of (`بسبب`, `لوجود`): after a hedge, what follows one is the reason given
    /// for it, and so (`مرشح للارتفاع بسبب وجود 80 جريحا`).
    #[serde(default)]
    pub because: Words,
    /// While, whereas (`فيما`, `بينما`): a statement of its own opens after one.
    #[serde(default)]
    pub whereas: Words,
    /// Also, likewise (`كما`): a statement of its own opens after one, adding to what was
    /// told (`كما قتل طفل في غارة أخرى`).
    #[serde(default)]
    pub also: Words,
    /// Preliminary (`أولية`): after a period word that is a count (`إحصائية أولية`), the
    /// early count of one event, no period.
    #[serde(default)]
    pub preliminary: Words,
    /// Words of where one was born or comes from (`أبناء`): a place after one is where
    /// people come from, not where the figure was (`من أبناء ريف دمشق`).
    #[serde(default)]
    pub origin: Words,
    /// Superlatives (`أكبر`): before a vague quantity, a comparison of tolls and no figure
    /// (`شهدت المدينة سقوط أكبر عدد من القتلى`).
    #[serde(default)]
    pub superlative: Words,
    /// Verbs of a casualty in the dual, after their subject (`قتلا`): an indefinite plural
    /// of people right before one is two (`أن مدنيين قتلا`).
    #[serde(default)]
    pub dual_verb: Words,
    /// The adjective one after a noun (`عائلة واحدة`): the same or a single thing, no count
    /// of people; it stands between a figure and its verb (`ثلاثة أطفال من عائلة واحدة
    /// استشهدوا`).
    #[serde(default)]
    pub single: Words,
    /// The report told of before (`التقرير`, `تقريرها`): a figure of a sentence that cites
    /// it, after a period's figure in an earlier sentence, is of that period too.
    #[serde(default)]
    pub the_report: Words,
    /// Verbs of documenting a toll (`وثق`, `أحصى`): people whose fall they documented are
    /// dead (`وثق المرصد سقوط 70 شخصا`).
    #[serde(default)]
    pub documented: Words,
    /// A report in the construct (`تقرير`), definite by the definite genitive after it
    /// (`وأوضح تقرير الشبكة`): the report told of before, as [`Closed::the_report`].
    #[serde(default)]
    pub report_of: Words,
    /// A day of the month as an ordinal, before `من` and the month (`العاشر من الشهر`).
    #[serde(default)]
    pub day_ordinal: Words,
    /// Words that date a time before the day's (`الماضي`, `الفائت`: `الأربعاء الماضي`): a
    /// similar event with one in its sentence is an earlier one.
    #[serde(default)]
    pub past: Words,
    /// Prepositions of time only (`بعد`): a cause's word behind one says when, not why,
    /// where a weapon is named in the sentence (`بعد الزلزال … قتل ثلاثة جراء غارة جوية`).
    #[serde(default)]
    pub after_time: Words,
    /// Words after a weapon's word that make it a craft of rescue, no weapon (`طائرة
    /// الإسعاف`, `طائرة الهلال الأحمر`).
    #[serde(default)]
    pub rescue: Words,
    /// `ago`, before a span of a day or more (`قبل أيام`, `قبل 3 أسابيع`): a time before the
    /// day's, as [`Closed::past`].
    #[serde(default)]
    pub ago: Words,
    /// An execution ruled, behind the `ب` of a ruling (`بإعدام`, `بالإعدام`): after a
    /// court's word in its sentence ([`Kind::Court`]), a sentence passed.
    #[serde(default)]
    pub execution: Words,
    /// Verbs whose subject is always the one struck, passive or intransitive (`أصيب`,
    /// `استشهد`): a plural of people right after one is who was struck.
    #[serde(default)]
    pub struck: Words,
    /// Bodies and funerals (`جثة`, `جثتي`, `تشييع`): before a definite noun of the dead,
    /// those told of already (`ونقلت جثة القتيل إلى المشرحة`), no one more.
    #[serde(default)]
    pub bodies: Words,
    /// Demonstratives, between a preposition and its definite noun in a phrase of where
    /// or when (`استشهد في هذه المواجهات أحد عناصر المقاومة`).
    #[serde(default)]
    pub demonstrative: Words,
    /// The particle that opens a nominal clause (`أن`, `إن`): an indefinite accusative of
    /// one person right after it is the clause's subject (`أن جنديا صوماليا لقي حتفه`).
    #[serde(default)]
    pub that: Words,
}

impl Closed {
    /// Every word normalised as the text is.
    fn normalised(mut self) -> Closed {
        for w in [
            &mut self.and,
            &mut self.of,
            &mut self.in_,
            &mut self.with_the,
            &mut self.accusative,
            &mut self.then,
            &mut self.already,
        ] {
            *w = normalize_word(w);
        }
        for w in [
            &mut self.article,
            &mut self.of_them,
            &mut self.of_it,
            &mut self.among,
            &mut self.among_them,
            &mut self.relative,
            &mut self.except,
            &mut self.about,
            &mut self.possessive,
            &mut self.his,
            &mut self.toll,
            &mut self.case,
            &mut self.severity,
            &mut self.time_of_day,
            &mut self.aside,
            &mut self.together,
            &mut self.office,
            &mut self.similar_to,
            &mut self.adverbial,
            &mut self.report,
            &mut self.each_of,
            &mut self.reached,
            &mut self.resumptive,
            &mut self.adverb,
            &mut self.adverb_lead,
            &mut self.they,
            &mut self.he_is,
            &mut self.ranked_by,
            &mut self.one_of,
            &mut self.means,
            &mut self.rank_of,
            &mut self.struck,
            &mut self.bodies,
            &mut self.demonstrative,
            &mut self.that,
            &mut self.as_follows,
            &mut self.denied_that,
            &mut self.day,
            &mut self.besides,
            &mut self.because,
            &mut self.bare_case,
            &mut self.fell,
            &mut self.point_of,
            &mut self.per_each,
            &mut self.distributed,
            &mut self.distributed_into,
            &mut self.resulted,
            &mut self.resulted_in,
            &mut self.whereas,
            &mut self.also,
            &mut self.preliminary,
            &mut self.origin,
            &mut self.superlative,
            &mut self.dual_verb,
            &mut self.single,
            &mut self.the_report,
            &mut self.report_of,
            &mut self.documented,
            &mut self.day_ordinal,
            &mut self.execution,
            &mut self.past,
            &mut self.ago,
            &mut self.after_time,
            &mut self.rescue,
        ] {
            w.normalise();
        }
        self.article_heads = Heads::new(&self.article);
        self.besides_last = Words::new(
            self.besides
                .iter()
                .filter_map(|p| p.split_whitespace().last().map(str::to_string))
                .collect(),
        );
        for p in &mut self.at_least_after {
            *p = p
                .split_whitespace()
                .map(normalize_word)
                .collect::<Vec<_>>()
                .join(" ");
        }
        self
    }

    /// Is `w` the partitive `of`, bare or with its pronoun?
    pub fn is_of(&self, w: &str) -> bool {
        bytes::same(w, &self.of) || self.of_them.has(w)
    }

    /// Is `w` a verb whose subject is the one struck (see [`Closed::struck`]), bare or
    /// behind the conjunction (`وأصيب`)?
    pub fn is_struck_verb(&self, w: &str) -> bool {
        self.bare_in(&self.struck, w)
    }

    /// Is `w`, bare or behind the conjunction, bodies (`جثة`, `وجثتي`)?
    pub fn is_bodies(&self, w: &str) -> bool {
        self.bare_in(&self.bodies, w)
    }

    /// Is `w` a case (`حالة`), bare or behind the conjunction (`وحالة`)?
    pub fn is_case(&self, w: &str) -> bool {
        let w = bytes::strip_prefix(w, &self.and)
            .filter(|w| w.len() >= 4)
            .unwrap_or(w);
        self.case.has(w)
    }

    /// Is `w` a day or a time of it (the closed class `day`)?
    pub fn is_day(&self, w: &str) -> bool {
        self.day.has(w)
    }

    /// Is `w` the preposition of a place's figure in a ranking (`بـ`)?
    pub fn is_ranked_by(&self, w: &str) -> bool {
        self.ranked_by.has(w)
    }

    /// Is `w`, as written or behind the conjunction, one of `list`? As written first: a
    /// listed word may begin with the letter of the conjunction (`وفاة`, `وزير`).
    fn bare_in(&self, list: &Words, w: &str) -> bool {
        list.has(w) || bytes::strip_prefix(w, &self.and).is_some_and(|w| list.has(w))
    }

    /// Is `w`, bare or behind the conjunction, the report told of before (`وتقريرها`)?
    pub fn is_the_report(&self, w: &str) -> bool {
        self.bare_in(&self.the_report, w)
    }

    /// Is `w` `one of` (`أحد`, `إحدى`), bare or behind the conjunction?
    pub fn is_one_of(&self, w: &str) -> bool {
        self.bare_in(&self.one_of, w)
    }

    /// Does `w` (then `next`) open an aside between commas (`معظمهم`, `بينهم`, `وفق`)?
    pub fn opens_aside(&self, w: &str, next: Option<&str>) -> bool {
        self.opens_part(w, next) || self.aside.has(w)
    }

    /// Is `w`, bare or behind the conjunction, a bare case (`وفاة`, `وإصابة`)?
    pub fn is_bare_case(&self, w: &str) -> bool {
        self.bare_in(&self.bare_case, w)
    }

    /// Is `w`, bare or behind the conjunction, a word that opens a statement of its own
    /// (`فيما`, `وبينما`)?
    pub fn is_whereas(&self, w: &str) -> bool {
        self.bare_in(&self.whereas, w)
    }

    /// Is `w`, bare or behind the conjunction, a word of where one comes from (`أبناء`)?
    pub fn is_origin(&self, w: &str) -> bool {
        self.bare_in(&self.origin, w)
    }

    /// Is `w`, bare or behind the conjunction, a word after which a statement of its own
    /// opens: whereas (`فيما`) or also (`كما`)?
    pub fn opens_statement(&self, w: &str) -> bool {
        self.is_whereas(w) || self.bare_in(&self.also, w)
    }

    /// Is `w` one of them, by the pronoun on `one_of` (`أحدهما`, `إحداهن`)?
    pub fn is_one_of_them(&self, w: &str) -> bool {
        self.one_of.iter().any(|p| {
            w.strip_prefix(p.as_str())
                .is_some_and(|rest| self.possessive.has(rest))
        })
    }

    /// Is `w`, bare or behind the conjunction, an execution ruled (`بإعدام`, `وبالإعدام`)?
    pub fn is_execution(&self, w: &str) -> bool {
        self.bare_in(&self.execution, w)
    }

    /// Is `w`, bare or behind the conjunction, a day of the month (`العاشر`, `والعشرين`)?
    pub fn is_day_ordinal(&self, w: &str) -> bool {
        self.bare_in(&self.day_ordinal, w)
    }

    /// Is `w`, bare or behind the conjunction, a verb of distribution (`يتوزعون`)?
    pub fn is_distributed(&self, w: &str) -> bool {
        self.bare_in(&self.distributed, w)
    }

    /// Is `w`, bare or behind the conjunction, a word of falling (`سقوط`, `وسقط`)?
    pub fn is_fell(&self, w: &str) -> bool {
        self.bare_in(&self.fell, w)
    }

    /// Is `w`, bare or behind the conjunction, a verb of documenting a toll (`وثق`)?
    pub fn is_documented(&self, w: &str) -> bool {
        self.bare_in(&self.documented, w)
    }

    /// Is `w`, bare or behind the conjunction, a verb of result (`أسفر`, `وأدت`)?
    pub fn is_resulted(&self, w: &str) -> bool {
        self.bare_in(&self.resulted, w)
    }

    /// Does `w` add someone to whom was counted before (`مع`, `ومع`, `برفقة`)?
    pub fn is_together(&self, w: &str) -> bool {
        self.bare_in(&self.together, w)
    }

    /// Is `w` a word of reports or news (`الأنباء`, `وصحة`)?
    pub fn is_report(&self, w: &str) -> bool {
        self.bare_in(&self.report, w)
    }

    /// Is `w` an office a person is named by (`رئيس`, `مدير`), bare or behind `و`?
    pub fn is_office(&self, w: &str) -> bool {
        self.bare_in(&self.office, w)
    }

    /// Is `w` the pronoun that opens a total's list of parts (`هم`)?
    pub fn is_they(&self, w: &str) -> bool {
        self.they.has(w)
    }

    /// Is `w` `and he is` or `and she is` (`وهو`, `وهي`)?
    pub fn is_he_is(&self, w: &str) -> bool {
        self.he_is.has(w)
    }

    /// Is `w` a time of the day (`الصباح`)?
    pub fn is_time_of_day(&self, w: &str) -> bool {
        self.time_of_day.has(w)
    }

    /// Is `w` a word of how bad a wound is (`حرجة`)?
    pub fn is_severity(&self, w: &str) -> bool {
        self.severity.has(w)
    }

    /// Is `w` the head of a toll (`عدد`, `حصيلة`)?
    pub fn is_toll(&self, w: &str) -> bool {
        self.toll.has(w)
    }

    /// Is `w` a partitive that introduces who a figure is among (`من`, `منهم`, `بينهم`)?
    pub fn is_partitive(&self, w: &str) -> bool {
        self.is_of(w) || self.among.has(w) || self.of_them_or_among_them(w)
    }

    /// Is `w` a partitive with its pronoun (`منهم`, `بينهم`): of them, among them?
    pub fn of_them_or_among_them(&self, w: &str) -> bool {
        self.of_them.has(w) || self.among_them.has(w)
    }

    /// `w` without its article and what stands before it (`والقتلى` → `قتلى`), when at
    /// least two letters are left: `إلى` and `ألف` only begin as the article does.
    pub fn strip_article<'w>(&self, w: &'w str) -> Option<&'w str> {
        self.article_heads
            .lengths(w)
            .find_map(|n| Some(&w[n..]).filter(|stem| stem.len() >= 4))
    }

    /// Does `w` end with a possessive ending, at least three letters before it?
    pub fn possessed(&self, w: &str) -> bool {
        ends_past_stem(&self.possessive, w)
    }

    /// Does `w` end with a possessive ending, or with that of one man ([`Closed::his`]),
    /// at least three letters before it?
    pub fn possessed_by_anyone(&self, w: &str) -> bool {
        self.possessed(w) || ends_past_stem(&self.his, w)
    }

    /// Does `w` (then `next`) open a part of a figure: `منهم`, `وبينهم`, `من بينهم`?
    pub fn opens_part(&self, w: &str, next: Option<&str>) -> bool {
        let w = w.strip_prefix(self.and.as_str()).unwrap_or(w);
        self.of_them_or_among_them(w)
            || (w == self.of && next.is_some_and(|n| self.of_them_or_among_them(n)))
    }

    /// Does `w` begin with the conjunction and the article (`والأطفال`)?
    pub fn and_the(&self, w: &str) -> bool {
        w.strip_prefix(self.and.as_str()).is_some_and(|rest| {
            self.article
                .first()
                .is_some_and(|a| rest.starts_with(a.as_str()))
        })
    }
}

/// The family of an entry's kind: the extractor keeps the hits of each family it builds
/// figures on in a list of their own, filed by this number with no branch on the kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Family {
    Cue,
    Noun,
    Vague,
    Close,
    Other,
}

impl Family {
    pub const COUNT: usize = 5;

    pub fn of(kind: &Kind) -> Family {
        match kind {
            Kind::Cue { .. } => Family::Cue,
            Kind::Noun { .. } => Family::Noun,
            Kind::Vague { .. } => Family::Vague,
            Kind::Close { .. } => Family::Close,
            _ => Family::Other,
        }
    }
}

/// One entry of the compiled lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub rule: String,
    pub kind: Kind,
    /// [`Family::of`] its kind.
    pub family: Family,
    /// The phrase as normalised words.
    pub words: Vec<String>,
    /// The [`keys`] of each word after the first, computed once, in their order (longest
    /// first): a text word matches the phrase's word when they share a key. Every key is a
    /// suffix of its word, so the last (shortest) is a suffix of all the others: a text word
    /// that ends in none of them ends otherwise than the last, one test.
    pub later_keys: Vec<Vec<String>>,
    /// The last four bytes of the shortest key of each word after the first, as one
    /// number, when it has four: a text word that ends otherwise ends in none of its keys,
    /// told by one comparison of numbers (see [`Entry::may_be_later`]).
    pub later_ends: Vec<Option<u32>>,
    /// The phrase as the rules file writes it.
    pub phrase: String,
}

impl Entry {
    /// Does this entry close the statement the opener `opener` opened?
    pub fn closes(&self, opener: &Entry) -> bool {
        matches!(&self.kind, Kind::Close { openers, .. } if openers.contains(&opener.rule))
    }

    /// Could the text word `w` be this phrase's word `k` after the first (from 1)? False
    /// means surely not. Every key of a word is a suffix of it, so the shortest wanted key
    /// is a suffix of every other: a word that does not end as it does matches none. Most
    /// words after a common first word (`في`, `من`) are turned away here, before their keys
    /// are made.
    #[inline]
    pub fn may_be_later(&self, k: usize, w: &str) -> bool {
        match self.later_ends[k - 1] {
            Some(end) => tail4(w) == Some(end),
            None => self.later_keys[k - 1]
                .last()
                .is_some_and(|x| w.ends_with(x.as_str())),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CueRow {
    id: String,
    category: Option<Category>,
    #[serde(default)]
    after: bool,
    #[serde(default)]
    opens: bool,
    /// The ids of the openers it closes.
    #[serde(default)]
    closes: Vec<String>,
    #[serde(default)]
    adjacent: bool,
    #[serde(default)]
    numbers_only: bool,
    #[serde(default)]
    part: bool,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NounRow {
    id: String,
    category: Option<Category>,
    group: Option<Group>,
    /// Names of persons: see [`Kind::Noun`]'s `named`.
    #[serde(default)]
    named: bool,
    #[serde(default)]
    singular: Vec<String>,
    #[serde(default)]
    dual: Vec<String>,
    #[serde(default)]
    plural: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FurnitureRow {
    id: String,
    extent: FurnitureExtent,
    words: Vec<String>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum FurnitureExtent {
    Block,
    Rest,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VagueRow {
    id: String,
    #[serde(default)]
    others: bool,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitRow {
    id: String,
    #[serde(default)]
    after_of: bool,
    /// For a unit of time, the hours one lasts (`يوم` 24), and with no number before it
    /// (`alone`, `hours` when not given).
    hours: Option<u32>,
    alone: Option<u32>,
    #[serde(default)]
    cued: bool,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScopeRow {
    id: String,
    #[serde(default)]
    backward: bool,
    #[serde(default)]
    direct: bool,
    #[serde(default)]
    to: bool,
    #[serde(default)]
    one_day: bool,
    #[serde(default)]
    one_event: bool,
    #[serde(default)]
    compare: bool,
    span_hours: Option<u32>,
    #[serde(default)]
    ongoing: bool,
    #[serde(default)]
    background: bool,
    #[serde(default)]
    pluperfect: bool,
    #[serde(default)]
    trailing: bool,
    #[serde(default)]
    after: bool,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExcludeRow {
    id: String,
    categories: Option<Vec<Category>>,
    /// Only before a unit of time (`كل 20 ثانية`): the figure is a rate.
    #[serde(default)]
    per_time: bool,
    /// A negation: it also denies a figure without a number further on in its clause
    /// (`لم يسفر الانفجار عن وقوع إصابات`).
    #[serde(default)]
    negates: bool,
    /// A denial: it also denies a figure with a number further on in its clause (`نفى
    /// الجيش الأنباء عن مقتل 10 جنود`).
    #[serde(default)]
    denies: bool,
    /// A hedge: what it says may happen has not; it denies every figure after it in its
    /// clause (`وقد يصل عدد القتلى إلى 100`).
    #[serde(default)]
    hedges: bool,
    /// People not hurt: not when the figure's own noun says they are (`إنقاذ 5 جرحى`).
    #[serde(default)]
    unhurt: bool,
    /// A head whose genitive the figure is, right before its number (`ذوي 60 قتيلا`).
    #[serde(default)]
    governs: bool,
    /// A court: an execution after it in its sentence is a sentence passed (`قضت محكمة
    /// اليوم، بإعدام 17 شخصا`).
    #[serde(default)]
    court: bool,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CauseRow {
    id: String,
    cause: Cause,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WeaponRow {
    id: String,
    weapon: String,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    cue: Vec<CueRow>,
    #[serde(default)]
    noun: Vec<NounRow>,
    #[serde(default)]
    scope: Vec<ScopeRow>,
    #[serde(default)]
    cause: Vec<CauseRow>,
    #[serde(default)]
    weapon: Vec<WeaponRow>,
    #[serde(default)]
    exclude: Vec<ExcludeRow>,
    #[serde(default)]
    vague: Vec<VagueRow>,
    #[serde(default)]
    unit: Vec<UnitRow>,
    #[serde(default)]
    furniture: Vec<FurnitureRow>,
    closed: Option<Closed>,
}

/// A rules file that cannot be used, with where and why.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub struct RulesError {
    /// 1-based line, when the problem has a place.
    pub line: Option<usize>,
    pub reason: String,
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {l}: {}", self.reason),
            None => write!(f, "{}", self.reason),
        }
    }
}

/// The compiled rules.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub entries: Vec<Entry>,
    /// First word of each phrase → indices into `entries`, longest phrase first.
    by_first: HashMap<String, Vec<Starter>, FastState>,
    /// The length in bytes of the longest first word of a phrase: no longer tail of a word
    /// can be one ([`Lexicon::longest_first_word`]).
    longest_first: usize,
    /// The last three letters of every one-word cue of four letters or more: a cheap test
    /// before looking for a cue glued to the end of a longer word. (Two letters would let
    /// through every plural in `ات`.)
    cue_endings: std::collections::HashSet<String, FastState>,
    /// The same endings hashed on their last six bytes, when every one has six (three
    /// Arabic letters): a text word's last six bytes are tested against it before its
    /// last three letters are cut and looked up, as most long words end in no cue.
    cue_ending_bits: Option<WordBits>,
    /// The endings of every phrase's first word, hashed into a bit set: a word whose ending
    /// is not in it starts no phrase, and most words of a text are such. See [`Tails`].
    tails: Tails,
    /// Furniture markers: (normalised phrase, extends to the end of the page, its first
    /// four bytes as one number when it has four).
    furniture: Vec<(String, bool, Option<u32>)>,
    closed: Closed,
    /// The morphology's shape for keying words ([`keys_in`]).
    shape: KeyShape,
    /// Which compiled rules these are, for the per-thread memo of first words
    /// ([`Lexicon::each_starting`]): its entries are indices into these rules only.
    id: u64,
}

/// A memo of the phrases each distinct text word may start, through all its keys: a text
/// repeats its words (`في`, `من`, `قتل` on every line), and a word's keys and their
/// hash-map lookups cost more than one lookup of the word. Kept per thread, for one
/// lexicon at a time, and emptied when it holds [`FirstWords::MAX_WORDS`] words. In front
/// of it, a direct-mapped cache of short words ([`Slot`]) answers the common ones, those
/// that start nothing too, with one comparison.
#[derive(Default)]
struct FirstWords {
    lexicon: u64,
    /// [`FirstWords::SLOTS`] slots, by a hash of the short key; empty until first used.
    slots: Vec<Slot>,
    /// A word of 16 bytes or fewer (eight Arabic letters), by its bytes as numbers
    /// ([`FirstWords::short_key`]): looked up with no string comparison → its range in
    /// `starters`.
    short: HashMap<(u64, u64), (u32, u32), FastState>,
    /// A longer word → its range in `starters`.
    long: HashMap<Box<str>, (u32, u32), FastState>,
    /// The starters of every key of each word, the word's keys in order.
    starters: Vec<Starter>,
}

/// A short word's key and its range in [`FirstWords::starters`]; key (0, 0): empty (no
/// word's key). 24 bytes.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: (u64, u64),
    range: (u32, u32),
}

impl FirstWords {
    /// Enough for the common vocabulary of news many times over, a few MB at most.
    const MAX_WORDS: usize = 1 << 15;
    /// The slots of the cache in front: 96 KB.
    const SLOTS: usize = 1 << 12;

    fn clear(&mut self) {
        self.short.clear();
        self.long.clear();
        self.starters.clear();
        self.slots.clear();
        self.slots.resize(FirstWords::SLOTS, Slot::default());
    }

    /// The slot of a short key.
    fn slot_of(k: (u64, u64)) -> usize {
        let x = (k.0 ^ k.1.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (x >> (64 - FirstWords::SLOTS.trailing_zeros())) as usize
    }

    fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// A word of at most 16 bytes as its first eight and the rest, each a number, the
    /// length in the rest's top byte (free below 16 bytes): one word, one key, and never
    /// (0, 0). A word of 16 bytes keeps its ninth byte there, which is no length (below 16)
    /// in any text word (an Arabic letter's first byte); one that is goes to the long words.
    fn short_key(word: &str) -> Option<(u64, u64)> {
        let b = word.as_bytes();
        let n = b.len();
        if n == 0 || n > 16 || (n == 16 && b[8] < 16) {
            return None;
        }
        let (head, rest) = b.split_at(n.min(8));
        let rest = crate::normalize::be_bytes(rest);
        let top = if n < 16 { (n as u64) << 56 } else { 0 };
        Some((crate::normalize::be_bytes(head), rest | top))
    }

    fn get(&self, word: &str, short: Option<(u64, u64)>) -> Option<(u32, u32)> {
        match short {
            Some(k) => self.short.get(&k).copied(),
            None => self.long.get(word).copied(),
        }
    }

    fn insert(&mut self, word: &str, short: Option<(u64, u64)>, range: (u32, u32)) {
        match short {
            Some(k) => self.short.insert(k, range),
            None => self.long.insert(word.into(), range),
        };
    }
}

thread_local! {
    static FIRST_WORDS: std::cell::RefCell<FirstWords> = std::cell::RefCell::default();
}

/// An entry under its phrase's first word, with what its second word ends in and what
/// reading a text asks of every entry a word starts: how many words its phrase has and its
/// family. Twelve bytes: a common first word (`في`) starts dozens of phrases, and reading
/// them here, not in their [`Entry`], keeps the walk to one or two cache lines.
#[derive(Debug, Clone, Copy)]
struct Starter {
    entry: u32,
    /// [`Entry::later_ends`] of the second word, when the phrase has one that ends in four
    /// bytes it can be told by; 0 when not (no word's last four bytes are all zero: text
    /// words hold no NUL).
    second_end: u32,
    /// The phrase's words, at most [`MAX_PHRASE_WORDS`].
    words: u8,
    family: Family,
}

impl Starter {
    /// May its phrase go on with a word that ends in `end` (see [`tail4`]; `None`: no word
    /// after)? A one-word phrase always may.
    fn goes_on_with(&self, end: Option<u32>) -> bool {
        self.second_end == 0 || Some(self.second_end) == end
    }
}

/// An entry a text word starts (see [`Lexicon::each_starting`]), with the two things asked
/// of each before its entry is read.
#[derive(Debug, Clone, Copy)]
pub struct Started<'s> {
    pub entry: &'s Entry,
    /// The words of its phrase.
    pub words: usize,
    pub family: Family,
}

/// Bit sets of word endings. Every key of a word (see [`keys`]) is a suffix of it of four
/// bytes (two Arabic letters) or more, or the word itself. So a word can start a phrase
/// only if it ends as some phrase's first word does: in its last four letters when that
/// first word has four or more, its last three when it has three, or its last two letters
/// (or the whole word, when shorter) are such a first word. A hash collision only lets a
/// word through to the exact lookup.
#[derive(Debug, Default)]
struct Tails {
    /// Last eight bytes of first words of eight bytes or more.
    long: WordBits,
    /// Last six bytes of first words of six or seven bytes.
    mid: WordBits,
    /// First words shorter than six bytes, whole.
    short: WordBits,
    /// Every first word, whole: a key not in it needs no hash-map lookup.
    whole: WordBits,
}

impl Tails {
    const LONG: usize = 8;
    const MID: usize = 6;
    /// The longest word whose key can be a short first word: four bytes and four letters
    /// of clitics and article before it.
    const SHORT_REACH: usize = 4 + 8;

    fn insert(&mut self, first_word: &str) {
        self.whole.insert_whole(first_word);
        if first_word.len() >= Tails::LONG {
            self.long.insert_tail(first_word, Tails::LONG);
        } else if first_word.len() >= Tails::MID {
            self.mid.insert_tail(first_word, Tails::MID);
        } else {
            self.short.insert_tail(first_word, Tails::MID);
        }
    }

    fn may_contain(&self, word: &str) -> bool {
        let t = Tail::of(word);
        (t.len >= Tails::LONG && self.long.may_have_tail_of(t, Tails::LONG))
            || (t.len >= Tails::MID && self.mid.may_have_tail_of(t, Tails::MID))
            // The last two letters, or the whole of a shorter word; a key drops at most two
            // clitics and the article (four letters) from its word.
            || (t.len <= Tails::SHORT_REACH && self.short.may_have_tail_of(t, 4))
    }
}

/// The last four bytes of `s` as one number, when it has four.
#[inline]
fn tail4(s: &str) -> Option<u32> {
    s.as_bytes()
        .last_chunk::<4>()
        .map(|b| u32::from_ne_bytes(*b))
}

/// The first four bytes of `s` as one number, when it has four.
fn head4(s: &str) -> Option<u32> {
    s.as_bytes()
        .first_chunk::<4>()
        .map(|b| u32::from_ne_bytes(*b))
}

/// The keys a word of the text may match: itself, without clitics, without the article,
/// as the [`crate::morphology`] model has them.
/// `وللقتلى` → `وللقتلي`, `للقتلي`, `لقتلي`, `قتلي`. Ordered longest first, so a rule
/// written with its clitic (`بجروح`) wins over the bare form. At most six, held as where
/// they start in the word: this runs for every word of every article, so it does not
/// allocate, and the set is small enough to pass around in registers.
pub fn keys(word: &str) -> Keys<'_> {
    keys_in(&crate::morphology::builtin().key_shape(), word)
}

/// [`keys`] with the model's shape at hand (the lexicon keeps a copy): the form for the
/// hot paths.
#[inline]
pub fn keys_in<'w>(m: &KeyShape, word: &'w str) -> Keys<'w> {
    let mut out = Keys {
        word,
        starts: [0; 6],
        len: 0,
    };
    out.push(0);
    let mut rest = word;
    for _ in 0..2 {
        let Some(c) = rest.chars().next() else { break };
        if !m.is_clitic(c) || rest.len() <= c.len_utf8() + 2 {
            break;
        }
        rest = &rest[c.len_utf8()..];
        out.push(word.len() - rest.len());
    }
    let stems = out.len;
    for i in 0..stems {
        let at = usize::from(out.starts[i]);
        // At least two letters must remain. `ل` + `ال` is written `لل`: `للقتلى`.
        if let Some(n) = m.article_len(&word[at..]) {
            out.push(at + n);
        }
    }
    out
}

/// The keys of one word; see [`keys`]. Every key is a suffix of the word (clitics and the
/// article come off its front), so a key is held as the byte where it starts: the whole
/// set is a few bytes, built and read where it is used.
#[derive(Debug, Clone, Copy)]
pub struct Keys<'a> {
    word: &'a str,
    /// Where each key starts in `word`: at most two clitics and the article, eight bytes.
    starts: [u8; 6],
    len: usize,
}

impl<'a> Keys<'a> {
    fn push(&mut self, at: usize) {
        if self.len < self.starts.len() {
            self.starts[self.len] = u8::try_from(at).expect("clitics and article: 8 bytes");
            self.len += 1;
        }
    }

    pub fn iter(&self) -> KeysIter<'a> {
        (*self).into_iter()
    }

    pub fn contains(&self, k: &str) -> bool {
        self.iter().any(|x| x == k)
    }
}

impl<'a> IntoIterator for Keys<'a> {
    type Item = &'a str;
    type IntoIter = KeysIter<'a>;
    fn into_iter(self) -> Self::IntoIter {
        KeysIter {
            keys: self,
            next: 0,
        }
    }
}

/// The keys of one word, by value; see [`keys`].
pub struct KeysIter<'a> {
    keys: Keys<'a>,
    next: usize,
}

impl<'a> Iterator for KeysIter<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let at = *self.keys.starts[..self.keys.len].get(self.next)?;
        self.next += 1;
        Some(&self.keys.word[usize::from(at)..])
    }
}

impl Lexicon {
    /// The keys a word of the text may match ([`keys`]), with the shape kept at hand.
    #[inline]
    pub fn keys<'w>(&self, word: &'w str) -> Keys<'w> {
        keys_in(&self.shape, word)
    }

    /// Parse and compile a rules file.
    pub fn parse(src: &str) -> Result<Lexicon, RulesError> {
        let file: File = toml::from_str(src).map_err(|e| RulesError {
            line: e
                .span()
                .map(|s| src[..s.start.min(src.len())].matches('\n').count() + 1),
            reason: e.message().to_string(),
        })?;
        static IDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let mut lex = Lexicon {
            shape: crate::morphology::builtin().key_shape(),
            id: IDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            ..Lexicon::default()
        };
        let mut ids = HashMap::new();
        let mut check_id = |id: &str| -> Result<(), RulesError> {
            if id.trim().is_empty() {
                return Err(rule_error(src, id, "a rule needs a non-empty id"));
            }
            if ids.insert(id.to_string(), ()).is_some() {
                return Err(duplicate_error(src, id));
            }
            Ok(())
        };
        for c in &file.cue {
            check_id(&c.id)?;
            lex.add(
                src,
                &c.id,
                &c.words,
                if c.opens {
                    Kind::Opener
                } else if !c.closes.is_empty() {
                    for o in &c.closes {
                        if !file.cue.iter().any(|x| x.id == *o && x.opens) {
                            return Err(rule_error(
                                src,
                                &c.id,
                                &format!("`closes` names {o}, which is no cue that opens"),
                            ));
                        }
                    }
                    Kind::Close {
                        category: c.category.ok_or_else(|| {
                            rule_error(src, &c.id, "a cue that closes an opener needs a category")
                        })?,
                        openers: c.closes.clone(),
                    }
                } else {
                    Kind::Cue {
                        category: c.category,
                        after: c.after,
                        adjacent: c.adjacent,
                        numbers_only: c.numbers_only,
                        part: c.part,
                    }
                },
            )?;
        }
        for n in &file.noun {
            check_id(&n.id)?;
            if n.category.is_none() && n.group.is_none() {
                return Err(rule_error(src, &n.id, "a noun needs a category or a group"));
            }
            for (forms, form) in [
                (&n.singular, Form::Singular),
                (&n.dual, Form::Dual),
                (&n.plural, Form::Plural),
            ] {
                lex.add(
                    src,
                    &n.id,
                    forms,
                    Kind::Noun {
                        category: n.category,
                        group: n.group,
                        form,
                        named: n.named,
                    },
                )?;
            }
        }
        for s in &file.scope {
            check_id(&s.id)?;
            let kind = if s.to {
                Kind::TotalTo
            } else if s.one_day {
                Kind::OneDay
            } else if s.one_event {
                Kind::OneEvent
            } else if s.compare {
                Kind::Comparison
            } else if let Some(at_least_hours) = s.span_hours {
                Kind::Span { at_least_hours }
            } else if s.ongoing {
                Kind::Ongoing
            } else if s.after {
                Kind::PeriodAfter
            } else if s.background || s.pluperfect {
                Kind::Background {
                    pluperfect: s.pluperfect,
                    trailing: s.trailing,
                }
            } else {
                Kind::Scope {
                    backward: s.backward,
                    direct: s.direct,
                }
            };
            lex.add(src, &s.id, &s.words, kind)?;
        }
        for c in &file.cause {
            check_id(&c.id)?;
            lex.add(src, &c.id, &c.words, Kind::Cause(c.cause))?;
        }
        for w in &file.weapon {
            check_id(&w.id)?;
            lex.add(src, &w.id, &w.words, Kind::Weapon(w.weapon.clone()))?;
        }
        for x in &file.exclude {
            check_id(&x.id)?;
            let kind = if x.per_time {
                Kind::Rate
            } else if x.denies {
                Kind::Denial
            } else if x.hedges {
                Kind::Hedge
            } else if x.negates {
                Kind::Negation
            } else if x.unhurt {
                Kind::ExcludeUnhurt
            } else if x.governs {
                Kind::ExcludeGoverning
            } else if x.court {
                Kind::Court
            } else {
                Kind::Exclude(x.categories.clone())
            };
            lex.add(src, &x.id, &x.words, kind)?;
        }
        for v in &file.vague {
            check_id(&v.id)?;
            lex.add(src, &v.id, &v.words, Kind::Vague { others: v.others })?;
        }
        for u in &file.unit {
            check_id(&u.id)?;
            lex.add(
                src,
                &u.id,
                &u.words,
                Kind::Unit {
                    after_of: u.after_of,
                    time: u.hours.map(|hours| TimeUnit {
                        hours,
                        alone: u.alone.unwrap_or(hours),
                    }),
                    cued: u.cued,
                },
            )?;
        }
        for f in &file.furniture {
            check_id(&f.id)?;
            let rest = f.extent == FurnitureExtent::Rest;
            lex.add(src, &f.id, &f.words, Kind::Furniture { rest })?;
        }
        let Some(closed) = file.closed else {
            return Err(RulesError {
                line: None,
                reason: "no [closed] table: the engine needs its closed-class words".into(),
            });
        };
        lex.closed = closed.normalised();
        let endings: Vec<String> = lex
            .entries
            .iter()
            .filter(|e| e.words.len() == 1 && matches!(e.kind, Kind::Cue { .. }))
            .filter_map(|e| last_three(&e.words[0]).filter(|_| e.words[0].chars().count() >= 4))
            .map(str::to_string)
            .collect();
        if endings.iter().all(|e| e.len() == 6) {
            let mut bits = WordBits::default();
            for e in &endings {
                bits.insert_tail(e, 6);
            }
            lex.cue_ending_bits = Some(bits);
        }
        lex.cue_endings.extend(endings);
        for list in lex.by_first.values_mut() {
            list.sort_by_key(|s| std::cmp::Reverse(s.words));
        }
        lex.furniture = lex
            .entries
            .iter()
            .filter_map(|e| match e.kind {
                Kind::Furniture { rest } => {
                    let phrase = e.words.join(" ");
                    let head = head4(&phrase);
                    Some((phrase, rest, head))
                }
                _ => None,
            })
            .collect();
        Ok(lex)
    }

    fn add(
        &mut self,
        src: &str,
        id: &str,
        phrases: &[String],
        kind: Kind,
    ) -> Result<(), RulesError> {
        for p in phrases {
            let words: Vec<String> = p.split_whitespace().map(normalize_word).collect();
            if words.is_empty() || words.iter().any(String::is_empty) {
                return Err(rule_error(
                    src,
                    id,
                    &format!("rule {id:?} has an empty word"),
                ));
            }
            // Every phrase is tried at every word it may start at: a bound on its length
            // keeps that linear in the text whatever the rules file holds.
            if words.len() > MAX_PHRASE_WORDS || p.len() > MAX_PHRASE_BYTES {
                return Err(rule_error(
                    src,
                    id,
                    &format!(
                        "rule {id:?} has a phrase longer than {MAX_PHRASE_WORDS} words or {MAX_PHRASE_BYTES} bytes"
                    ),
                ));
            }
            self.longest_first = self.longest_first.max(words[0].len());
            self.tails.insert(&words[0]);
            let entry = self.entries.len();
            let family = Family::of(&kind);
            let later_keys: Vec<Vec<String>> = words[1..]
                .iter()
                .map(|w| keys(w).iter().map(str::to_string).collect())
                .collect();
            let later_ends: Vec<Option<u32>> = later_keys
                .iter()
                .map(|k| k.last().and_then(|x| tail4(x)))
                .collect();
            self.by_first
                .entry(words[0].clone())
                .or_default()
                .push(Starter {
                    entry: u32::try_from(entry).expect("fewer entries than bytes of rules"),
                    second_end: later_ends.first().copied().flatten().unwrap_or(0),
                    words: u8::try_from(words.len()).expect("at most MAX_PHRASE_WORDS words"),
                    family,
                });
            self.entries.push(Entry {
                rule: id.to_string(),
                family,
                kind: kind.clone(),
                later_keys,
                later_ends,
                words,
                phrase: p.trim().to_string(),
            });
        }
        Ok(())
    }

    /// Could some key of the text word `word` start a phrase? False means surely not.
    pub fn may_start(&self, word: &str) -> bool {
        self.tails.may_contain(word)
    }

    /// Could `word` end in a one-word cue (`سوريامقتل`)?
    pub fn may_end_in_cue(&self, word: &str) -> bool {
        self.cue_ending_bits
            .as_ref()
            .is_none_or(|b| b.may_have_tail(word, 6))
            && last_three(word).is_some_and(|t| self.cue_endings.contains(t))
    }

    /// Is `e`, a plural-list form, the indefinite accusative of a singular of its own rule
    /// (`شخصا` of `شخص`, `جنديا` of `جندي`)? After a number it is what the number counts
    /// (`20 شخصا`); alone after a verb it is one (`أصاب شخصا`).
    pub fn singular_accusative(&self, e: &Entry) -> bool {
        let [w] = e.words.as_slice() else {
            return false;
        };
        let Some(stem) = w.strip_suffix(self.closed.accusative.as_str()) else {
            return false;
        };
        self.starting_with(stem).any(|x| {
            x.rule == e.rule
                && x.words.len() == 1
                && x.words[0] == stem
                && matches!(
                    x.kind,
                    Kind::Noun {
                        form: Form::Singular,
                        ..
                    }
                )
        })
    }

    /// The closed-class words of the rules file.
    pub fn closed(&self) -> &Closed {
        &self.closed
    }

    /// The length in bytes of the longest word that starts a phrase.
    pub fn longest_first_word(&self) -> usize {
        self.longest_first
    }

    /// Entries whose phrase starts with `key`, longest phrase first.
    pub fn starting_with(&self, key: &str) -> impl Iterator<Item = &Entry> {
        self.starters(key).iter().map(|s| self.entry_of(s))
    }

    /// Entries whose phrase starts with `key` and may go on with the text word `next` (the
    /// word after, if any), longest phrase first. The phrases of a common first word (`في`,
    /// `من`) are many, and the word after it is seldom their second: this turns them away
    /// on its last four bytes, read once, before any entry is looked at. A phrase it lets
    /// through is matched word by word still.
    pub fn starting_before<'s>(
        &'s self,
        key: &str,
        next: Option<&str>,
    ) -> impl Iterator<Item = &'s Entry> + 's {
        let end = next.and_then(tail4);
        self.starters(key)
            .iter()
            .filter(move |s| s.goes_on_with(end))
            .map(|s| self.entry_of(s))
    }

    /// Call `each` on every entry whose phrase starts with some key of the text word `word`
    /// and may go on with `next` (see [`Lexicon::starting_before`]): the keys in their
    /// order, longest first, and under each key its phrases longest first. What `word`
    /// starts is looked up once per thread ([`FirstWords`]); `each` must not call this.
    pub fn each_starting<'s, 'w>(
        &'s self,
        word: &str,
        next: impl FnOnce() -> Option<&'w str>,
        mut each: impl FnMut(Started<'s>),
    ) {
        FIRST_WORDS.with_borrow_mut(|memo| {
            if memo.lexicon != self.id || memo.slots.is_empty() {
                memo.clear();
                memo.lexicon = self.id;
            }
            let short = FirstWords::short_key(word);
            let slot = short.map(FirstWords::slot_of);
            let cached = slot
                .map(|i| memo.slots[i])
                .filter(|s| Some(s.key) == short)
                .map(|s| s.range);
            let (a, z) = match cached {
                Some(range) => range,
                None => {
                    let range = if !self.may_start(word) {
                        (0, 0)
                    } else if let Some(range) = memo.get(word, short) {
                        range
                    } else {
                        if memo.len() >= FirstWords::MAX_WORDS {
                            memo.clear();
                        }
                        let a = memo.starters.len();
                        for key in self.keys(word) {
                            memo.starters.extend_from_slice(self.starters(key));
                        }
                        let range = (
                            u32::try_from(a).expect("a few MB of starters"),
                            u32::try_from(memo.starters.len()).expect("a few MB of starters"),
                        );
                        memo.insert(word, short, range);
                        range
                    };
                    if let (Some(i), Some(key)) = (slot, short) {
                        memo.slots[i] = Slot { key, range };
                    }
                    range
                }
            };
            if a == z {
                return;
            }
            let end = next().and_then(tail4);
            for s in &memo.starters[a as usize..z as usize] {
                if s.goes_on_with(end) {
                    each(Started {
                        entry: self.entry_of(s),
                        words: usize::from(s.words),
                        family: s.family,
                    });
                }
            }
        });
    }

    /// The entry a starter stands for.
    fn entry_of(&self, s: &Starter) -> &Entry {
        &self.entries[s.entry as usize]
    }

    fn starters(&self, key: &str) -> &[Starter] {
        if !self.tails.whole.may_have_whole(key) {
            return &[];
        }
        self.by_first.get(key).map_or(&[], Vec::as_slice)
    }

    /// The furniture markers `line` starts with, in file order: (normalised phrase,
    /// extends to the end of the page). Every line of every article is asked, and most
    /// start as no marker does: the first four bytes (two letters) are compared as one
    /// number before a marker is compared whole.
    pub fn furniture_starting<'s>(
        &'s self,
        line: &'s str,
    ) -> impl Iterator<Item = (&'s str, bool)> + 's {
        let head = head4(line);
        self.furniture
            .iter()
            .filter(move |(m, _, h)| h.is_none_or(|h| Some(h) == head) && line.starts_with(m))
            .map(|(m, rest, _)| (m.as_str(), *rest))
    }

    /// Every rule id with its kind, in file order, for `hasila rules`.
    pub fn rules(&self) -> Vec<(&str, &Kind, Vec<String>)> {
        let mut out: Vec<(&str, &Kind, Vec<String>)> = Vec::new();
        for e in &self.entries {
            let phrase = e.phrase.clone();
            match out.last_mut() {
                Some((id, _, words)) if *id == e.rule => words.push(phrase),
                _ => out.push((&e.rule, &e.kind, vec![phrase])),
            }
        }
        out
    }
}

/// The last three characters of a word.
fn last_three(w: &str) -> Option<&str> {
    w.char_indices().rev().nth(2).map(|(i, _)| &w[i..])
}

/// A short name for a kind of rule, for listings.
pub fn kind_name(kind: &Kind) -> String {
    match kind {
        Kind::Cue {
            category: Some(c),
            after: false,
            adjacent,
            numbers_only,
            ..
        } => format!(
            "cue {}{}{}",
            c.name(),
            if *adjacent {
                " (right before the figure)"
            } else {
                ""
            },
            if *numbers_only {
                " (of a number's figure only)"
            } else {
                ""
            }
        ),
        Kind::Cue {
            category: Some(c),
            after: true,
            adjacent,
            ..
        } => format!(
            "cue {} ({})",
            c.name(),
            if *adjacent {
                "right after one person, no object after it"
            } else {
                "after the noun"
            }
        ),
        Kind::Cue { category: None, .. } => "cue (category from the noun)".into(),
        Kind::Noun {
            category, group, ..
        } => {
            let mut parts = vec!["noun".to_string()];
            parts.extend(category.map(|c| c.name().to_string()));
            parts.extend(group.map(|g| g.name().to_string()));
            parts.join(" ")
        }
        Kind::Scope {
            backward: false,
            direct: false,
        } => "scope cumulative (figures after it)".into(),
        Kind::Scope {
            backward: false,
            direct: true,
        } => "scope cumulative (the figure its verb takes, after it)".into(),
        Kind::Scope { backward: true, .. } => "scope cumulative (figures around it)".into(),
        Kind::TotalTo => "scope: the figure a running total reached".into(),
        Kind::OneDay => "scope: one day's figures".into(),
        Kind::OneEvent => "scope: one event's figures (a month after the figure dates it)".into(),
        Kind::Comparison => "scope: the period after it is a comparison".into(),
        Kind::Span { at_least_hours } => {
            format!("scope cumulative when the time after it lasts {at_least_hours} hours or more")
        }
        Kind::Ongoing => {
            "scope cumulative: a fight that goes on (unless one event is named)".into()
        }
        Kind::PeriodAfter => {
            "scope cumulative: a period right after the figure, in its clause".into()
        }
        Kind::Background {
            pluperfect: false,
            trailing: false,
        } => "background: an earlier event cited".into(),
        Kind::Background {
            pluperfect: false,
            trailing: true,
        } => "background: an earlier event cited, also after the figure in its clause".into(),
        Kind::Background {
            pluperfect: true, ..
        } => "background: an earlier event, when قد follows before the verb".into(),
        Kind::Opener => "opens a statement a cue after the noun closes".into(),
        Kind::Close { category, openers } => format!(
            "closes the statement of {}: {}",
            openers.join(", "),
            category.name()
        ),
        Kind::Cause(c) => format!("cause {}", c.name()),
        Kind::Weapon(w) => format!("weapon {w}"),
        Kind::Exclude(_) => "exclude".into(),
        Kind::ExcludeUnhurt => {
            "exclude: people not hurt, unless a casualty noun counts them".into()
        }
        Kind::ExcludeGoverning => {
            "exclude: right before the number, the figure its genitive".into()
        }
        Kind::Court => "exclude: a court, which makes an execution after it a sentence".into(),
        Kind::Rate => "exclude: a rate, before a unit of time".into(),
        Kind::Negation => "exclude: a negation of its clause".into(),
        Kind::Denial => "exclude: a denial of what its clause tells".into(),
        Kind::Hedge => "exclude: what may happen, not what did".into(),
        Kind::Vague { others: false } => "vague quantity".into(),
        Kind::Vague { others: true } => "vague quantity (more of the people before)".into(),
        Kind::Unit { time: None, .. } => "unit (not people)".into(),
        Kind::Unit { time: Some(d), .. } => format!("unit of time ({} hours each)", d.hours),
        Kind::Furniture { rest: false } => "furniture (its block)".into(),
        Kind::Furniture { rest: true } => "furniture (the rest of the page)".into(),
    }
}

/// The lines that declare rule `id`, from 1, in file order.
fn id_lines<'s>(src: &'s str, id: &str) -> impl Iterator<Item = usize> + 's {
    let needle = format!("\"{id}\"");
    src.lines()
        .enumerate()
        .filter(move |(_, l)| l.trim_start().starts_with("id") && l.contains(&needle))
        .map(|(i, _)| i + 1)
}

/// An error about rule `id`, placed at the (last) line that declares it.
fn rule_error(src: &str, id: &str, reason: &str) -> RulesError {
    RulesError {
        line: id_lines(src, id).last(),
        reason: reason.to_string(),
    }
}

/// A rule id declared more than once, placed at its second declaration in the file.
fn duplicate_error(src: &str, id: &str) -> RulesError {
    RulesError {
        line: id_lines(src, id).nth(1),
        reason: format!("duplicate rule id {id:?}"),
    }
}

/// The built-in rules, compiled once.
pub fn builtin() -> &'static Lexicon {
    static L: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    L.get_or_init(|| Lexicon::parse(BUILTIN).expect("built-in rules are valid"))
}

/// Does `w` end with one of `endings`, at least three letters before it?
fn ends_past_stem(endings: &[String], w: &str) -> bool {
    endings
        .iter()
        .any(|p| bytes::strip_suffix(w, p).is_some_and(|stem| stem.chars().count() >= 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte comparisons answer as `==`, `strip_prefix` and `strip_suffix` do, for words
    /// of every length up to past the longest compared by loads, differing anywhere.
    #[test]
    fn byte_comparisons_answer_as_the_standard_ones() {
        let base = "والمصابينمنالقتلىABCDEFGHIJKLMNOPQRSTUV";
        let mut words: Vec<String> = vec![String::new()];
        for end in (1..=base.len()).filter(|&e| base.is_char_boundary(e)) {
            let w = &base[..end];
            words.push(w.to_string());
            // The same length, one byte changed at the start, the middle or the end.
            for at in [0, w.len() / 2, w.len() - 1] {
                let mut b = w.as_bytes().to_vec();
                b[at] ^= 1;
                if let Ok(v) = String::from_utf8(b) {
                    words.push(v);
                }
            }
        }
        for a in &words {
            for b in &words {
                assert_eq!(bytes::same(a, b), a == b, "{a:?} {b:?}");
                assert_eq!(
                    bytes::strip_prefix(a, b),
                    a.strip_prefix(b.as_str()),
                    "{a:?} {b:?}"
                );
                assert_eq!(
                    bytes::strip_suffix(a, b),
                    a.strip_suffix(b.as_str()),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    /// Compiled prefixes answer as comparing each prefix whole does: in their order, only
    /// whole characters, a prefix longer than eight bytes and one longer than the word.
    #[test]
    fn heads_answer_as_the_prefixes_do() {
        let prefixes: Vec<String> = ["ال", "وال", "لل", "بالذات", "ب"]
            .into_iter()
            .map(String::from)
            .collect();
        let heads = Heads::new(&prefixes);
        for w in [
            "الجرحى",
            "والقتلى",
            "للمدنيين",
            "بالذاتية",
            "ب",
            "ا",
            "",
            "قتلى",
            "بال",
            "و",
        ] {
            let naive: Vec<usize> = prefixes
                .iter()
                .filter(|p| bytes::strip_prefix(w, p).is_some())
                .map(|p| p.len())
                .collect();
            assert_eq!(heads.lengths(w).collect::<Vec<_>>(), naive, "{w}");
        }
    }

    /// A closed class answers as its list does: the word's length turns most words away,
    /// and words of a listed length, or of 63 bytes and more, are compared whole.
    #[test]
    fn words_answer_as_their_list() {
        let long = "ب".repeat(40);
        let words = Words::new(vec!["من".into(), "بينهم".into(), long.clone()]);
        for w in ["من", "بينهم", long.as_str()] {
            assert!(words.has(w), "{w}");
        }
        let longer = "ب".repeat(41);
        for w in ["", "مع", "منهم", "بينهما", longer.as_str(), &long[2..]] {
            assert_eq!(words.has(w), words.iter().any(|x| x == w), "{w}");
            assert!(!words.has(w), "{w}");
        }
        assert_eq!(words.len(), 3);
        // Every closed class of the rules answers for its own words, and for the words of
        // a text as its list does.
        let closed = &builtin().closed;
        let dev = crate::fixture_texts(&["fixtures/gold/dev.jsonl"]).join(" ");
        let text = normalize_word(&dev);
        for class in [
            &closed.of_them,
            &closed.among_them,
            &closed.toll,
            &closed.case,
            &closed.relative,
        ] {
            assert!(class.iter().all(|w| class.has(w)));
            for w in text.split(' ') {
                assert_eq!(class.has(w), class.iter().any(|x| x == w), "{w}");
            }
        }
    }

    /// A short word's key is its own: words that share their first bytes, or differ only
    /// in length, get different keys, none of them the empty slot's (0, 0); a 16-byte word
    /// whose ninth byte could read as a length is left to the long words.
    #[test]
    fn short_keys_tell_every_short_word_apart() {
        let words = [
            "ق",
            "قت",
            "قتل",
            "قتلى",
            "قتلىا",
            "abcdefgh",
            "abcdefghi",
            "abcdefgh\u{8}",
            "abcdefghabcdefgh",
            "abcdefghabcdefg",
            "bcdefgh",
            "\u{2}",
        ];
        let keys: Vec<(u64, u64)> = words
            .iter()
            .map(|w| FirstWords::short_key(w).expect("16 bytes or fewer"))
            .collect();
        for (k, a) in keys.iter().enumerate() {
            assert_ne!(*a, (0, 0), "{:?}", words[k]);
            for (m, b) in keys.iter().enumerate().skip(k + 1) {
                assert_ne!(a, b, "{:?} and {:?}", words[k], words[m]);
            }
        }
        assert_eq!(FirstWords::short_key("abcdefgh\u{8}bcdefgh"), None);
        assert_eq!(FirstWords::short_key(""), None);
        assert_eq!(FirstWords::short_key("abcdefghabcdefghi"), None);
    }

    /// The memo of first words gives what the keys and their lookups give, in the same
    /// order, for every word of a text, asked twice (the second time from the memo); and a
    /// second lexicon on the same thread is answered from its own rules.
    #[test]
    fn each_starting_is_the_lookup_through_keys() {
        let l = builtin();
        let dev = crate::fixture_texts(&["fixtures/gold/dev.jsonl"]).join("\n");
        let text = normalize_word(&dev);
        let words: Vec<&str> = text.split([' ', '\n']).filter(|w| !w.is_empty()).collect();
        assert!(words.len() > 1000);
        let direct = |w: &str, next: Option<&str>| -> Vec<*const Entry> {
            l.keys(w)
                .iter()
                .flat_map(|k| l.starting_before(k, next))
                .map(|e| e as *const Entry)
                .collect()
        };
        let memo = |lex: &Lexicon, w: &str, next: Option<&str>| -> Vec<*const Entry> {
            let mut out = Vec::new();
            lex.each_starting(w, || next, |s| out.push(s.entry as *const Entry));
            out
        };
        let mut found = 0;
        for _ in 0..2 {
            for pair in words.windows(2) {
                let want = direct(pair[0], Some(pair[1]));
                found += want.len();
                assert_eq!(memo(l, pair[0], Some(pair[1])), want, "{}", pair[0]);
                assert_eq!(memo(l, pair[0], None), direct(pair[0], None), "{}", pair[0]);
            }
        }
        assert!(found > 100, "{found}");
        // Another lexicon, then the first again: each its own entries.
        let other = Lexicon::parse(BUILTIN).expect("the builtin rules parse");
        let w = normalize_word("قتل");
        let theirs = memo(&other, &w, None);
        assert!(!theirs.is_empty());
        assert!(
            theirs
                .iter()
                .all(|&e| other.entries.iter().any(|x| std::ptr::eq(x, e)))
        );
        assert_eq!(memo(l, &w, None), direct(&w, None));
    }

    /// The phrases under a first word are turned away by the word after it exactly when
    /// their second word cannot match it: every entry whose second word the next word
    /// matches, and every one-word entry, is still there; and for a common first word most
    /// phrases are turned away by an unrelated word.
    #[test]
    fn starting_before_keeps_what_may_match() {
        let l = builtin();
        let norm = |s: &str| crate::normalize::normalize(s).text;
        let (first, next) = (norm("في"), norm("والغارات"));
        let all: Vec<&Entry> = l.starting_with(&first).collect();
        assert!(all.len() > 5, "{}", all.len());
        let kept: Vec<&Entry> = l.starting_before(&first, Some(&next)).collect();
        for e in &all {
            let second = e.words.get(1);
            let fits = second.is_none_or(|_| {
                keys(&next)
                    .iter()
                    .any(|k| e.later_keys[0].iter().any(|x| x == k))
            });
            if fits {
                assert!(kept.iter().any(|x| std::ptr::eq(*x, *e)), "{}", e.phrase);
            }
            if fits && second.is_some() {
                assert!(e.may_be_later(1, &next), "{}", e.phrase);
            }
        }
        let unrelated: Vec<&Entry> = l.starting_before(&first, Some(&norm("السوق"))).collect();
        assert!(
            unrelated.len() < all.len(),
            "{} of {}",
            unrelated.len(),
            all.len()
        );
        // With no word after, only one-word entries are left.
        assert!(l.starting_before(&first, None).all(|e| e.words.len() == 1));
    }

    /// Every one-word cue of four letters or more, glued to the end of another word
    /// (`سوريامقتل`), passes the cue-ending test and is read there; most long words of a
    /// text do not pass it.
    #[test]
    fn glued_cues_pass_the_ending_test() {
        let l = builtin();
        assert!(
            l.cue_ending_bits.is_some(),
            "the built-in cues end in six bytes"
        );
        let ex = crate::extract::Extractor::new(l, crate::numbers::builtin_lenient());
        let mut cues = 0;
        for e in &l.entries {
            let w = &e.words[0];
            if e.words.len() == 1
                && matches!(e.kind, Kind::Cue { after: false, .. })
                && w.chars().count() >= 4
            {
                cues += 1;
                let glued = format!("سوريا{w}");
                assert!(l.may_end_in_cue(&glued), "{glued}");
                let hits = ex.trace("-", &format!("اخبار {glued}"), None).hits;
                assert!(hits.iter().any(|h| h.span.0 == 11), "{glued}: {hits:?}");
            }
        }
        assert!(cues >= 10, "{cues}");
        let text = crate::fixture_texts(&["fixtures/gold/dev.jsonl"]).concat();
        let long: Vec<String> = crate::normalize::normalize(&text)
            .text
            .split(|c: char| !crate::normalize::is_arabic_letter(c))
            .filter(|w| w.len() >= 14)
            .map(str::to_string)
            .collect();
        let passed = long.iter().filter(|w| l.may_end_in_cue(w)).count();
        assert!(
            long.len() > 100 && passed * 5 < long.len(),
            "{passed} of {}",
            long.len()
        );
    }

    #[test]
    fn the_tail_filter_never_hides_a_phrase() {
        let l = builtin();
        for e in &l.entries {
            for w in [
                e.words[0].clone(),
                format!("وال{}", e.words[0]),
                format!("لل{}", e.words[0]),
                format!("ف{}", e.words[0]),
            ] {
                let found = keys(&w).iter().any(|k| l.starting_with(k).next().is_some());
                assert!(!found || l.may_start(&w), "{w}");
            }
        }
        // And it does filter: most ordinary words are turned away.
        let text = "وقال المتحدث باسم الحكومة في مؤتمر صحفي عقده اليوم في العاصمة ان الاجتماع بحث سبل التعاون الاقتصادي";
        let passed = text.split(' ').filter(|w| l.may_start(w)).count();
        assert!(passed <= 7, "{passed} of 17 ordinary words passed");
    }

    #[test]
    fn builtin_rules_load() {
        let l = builtin();
        assert!(l.starting_with("مقتل").any(|e| e.rule == "cue.killed"));
        assert!(l.starting_with("قتلي").any(|e| matches!(
            e.kind,
            Kind::Noun {
                form: Form::Plural,
                ..
            }
        )));
    }

    #[test]
    fn keys_strip_clitics_and_article() {
        assert!(keys("وللقتلي").contains("قتلي"));
        assert!(keys("بمقتل").contains("مقتل"));
        assert!(keys("والمدنيين").contains("مدنيين"));
        // Short words are not stripped to nothing.
        assert_eq!(keys("ول").iter().collect::<Vec<_>>(), vec!["ول"]);
    }

    /// Keys come longest first: the word, then without each clitic, then each of those
    /// without the article; never fewer than two letters left.
    #[test]
    fn keys_in_order() {
        fn all(w: &str) -> Vec<&str> {
            keys(w).into_iter().collect()
        }
        assert_eq!(all("وللقتلي"), ["وللقتلي", "للقتلي", "لقتلي", "قتلي"]);
        assert_eq!(all("فالمدنيين"), ["فالمدنيين", "المدنيين", "مدنيين"]);
        assert_eq!(all("وبالقصف"), ["وبالقصف", "بالقصف", "القصف", "قصف"]);
        assert_eq!(all("مقتل"), ["مقتل"]);
        // The article needs two letters after it; a clitic, two letters after it.
        assert_eq!(all("وال"), ["وال", "ال"]);
        assert_eq!(all("الي"), ["الي"]);
        assert_eq!(all("لل"), ["لل"]);
        assert_eq!(all("ولل"), ["ولل", "لل"]);
        assert_eq!(all(""), [""]);
        // Never a longer key after a shorter (`Entry::later_keys` reads the last as the
        // shortest), on the dev text's words.
        let dev = crate::normalize::normalize(
            &crate::fixture_texts(&["fixtures/gold/dev.jsonl"]).join(" "),
        )
        .text;
        for w in dev.split(' ').chain(["وللقتلي", "فبالمدنيين", "ولل"]) {
            let lens: Vec<usize> = keys(w).iter().map(str::len).collect();
            assert!(lens.windows(2).all(|p| p[0] >= p[1]), "{w}: {lens:?}");
        }
        // `iter` and `into_iter` agree, and so does `contains`.
        for w in ["وللقتلي", "بمقتل", "ول"] {
            assert_eq!(keys(w).iter().collect::<Vec<_>>(), all(w));
            assert!(all(w).iter().all(|k| keys(w).contains(k)));
            assert!(!keys(w).contains("x"));
        }
    }

    /// A line starts with a marker, whatever follows it, only when it starts with its
    /// every byte: the four-byte pre-check lets no marker through that does not match,
    /// and stops none that does (short ones included).
    #[test]
    fn furniture_markers_a_line_starts_with() {
        let l = Lexicon::parse(concat!(
            "[closed]\narticle = [\"ال\"]\nand = \"و\"\nof = \"من\"\nof_them = []\namong = [\"بين\"]\namong_them = []\n",
            "in = \"في\"\nwith_the = \"بال\"\naccusative = \"ا\"\nthen = \"ف\"\nalready = \"قد\"\n",
            "[[furniture]]\nid = \"f.a\"\nextent = \"block\"\n",
            "words = [\"عاجل\", \"أخبار عاجلة\", \"المزيد\", \"ق\"]\n",
            "[[furniture]]\nid = \"f.b\"\nextent = \"rest\"\nwords = [\"أخبار ذات صلة\"]\n",
        ))
        .unwrap();
        let at = |line: &str| {
            l.furniture_starting(&crate::normalize::normalize_word(line))
                .map(|(m, rest)| (m.to_string(), rest))
                .collect::<Vec<_>>()
        };
        let n = crate::normalize::normalize_word;
        assert_eq!(at("عاجل: قصف"), [(n("عاجل"), false)]);
        assert_eq!(at("عاجلة"), [(n("عاجل"), false)]);
        assert_eq!(at("أخبار ذات صلة"), [(n("أخبار ذات صلة"), true)]);
        assert_eq!(at("أخبار عاجلة اليوم"), [(n("أخبار عاجلة"), false)]);
        assert_eq!(at("قصف"), [(n("ق"), false)]);
        assert!(at("أخبار").is_empty());
        assert!(at("عا").is_empty());
        assert!(at("").is_empty());
        assert!(at("مقتل مدني").is_empty());
    }

    #[test]
    fn errors_have_line_numbers() {
        let e = Lexicon::parse("[[cue]]\nid = \"a\"\ncategory = \"dead\"\nwords = [\"x\"]\n")
            .unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        let e = Lexicon::parse(
            "[[cue]]\nid = \"a\"\nwords = [\"x\"]\n[[cue]]\nid = \"a\"\nwords = [\"y\"]\n",
        )
        .unwrap_err();
        assert!(e.reason.contains("duplicate"), "{e}");
        assert_eq!(e.line, Some(5), "{e}");
        // Three of one id, in two tables: the second in the file is named.
        let e = Lexicon::parse(
            "[[scope]]\nid = \"a\"\nwords = [\"x\"]\n[[cue]]\nid = \"a\"\nwords = [\"y\"]\n[[cue]]\nid = \"a\"\nwords = [\"z\"]\n",
        )
        .unwrap_err();
        assert_eq!(e.line, Some(5), "{e}");
        // The engine's closed-class words are part of every rules file.
        let e = Lexicon::parse("[[cue]]\nid = \"a\"\nwords = [\"x\"]\n").unwrap_err();
        assert!(e.reason.contains("[closed]"), "{e}");
        let e = Lexicon::parse("[[noun]]\nid = \"n\"\nplural = [\"x\"]\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        let e = Lexicon::parse("[[cue]]\nid = \"a\"\nwords = [\"x\"]\nbogus = 1\n").unwrap_err();
        assert!(e.line.is_some(), "{e}");
        // A close names the openers it closes, and they must be openers.
        let e = Lexicon::parse(
            "[[cue]]\nid = \"o\"\nwords = [\"x\"]\n[[cue]]\nid = \"c\"\ncategory = \"killed\"\ncloses = [\"o\"]\nwords = [\"y\"]\n",
        )
        .unwrap_err();
        assert!(e.reason.contains("no cue that opens"), "{e}");
        assert_eq!(e.line, Some(5), "{e}");
    }

    /// A close closes the openers it names and no other.
    #[test]
    fn a_close_closes_its_own_openers() {
        let l = builtin();
        let entry = |w: &str| {
            let w = normalize_word(w);
            l.starting_with(&w)
                .find(|e| e.words.len() == 1)
                .unwrap_or_else(|| panic!("{w}"))
        };
        let (lost, suffered) = (entry("فقد"), entry("تعرض"));
        assert_eq!(lost.kind, Kind::Opener);
        assert!(entry("حياتهم").closes(lost));
        assert!(!entry("حياتهم").closes(suffered));
        assert!(entry("لإصابة").closes(suffered));
        assert!(!entry("لإصابة").closes(lost));
        assert!(!entry("قتل").closes(lost));
    }
}
