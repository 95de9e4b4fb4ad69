//! What surrounds a figure: its place, its date, its scope, its cause and its weapon.

use super::*;
use crate::lexicon::bytes;

/// Is the place at token `t` the next of a list whose last place ended at `end`: within
/// LIST_GAP words (`درعا ودير الزور وحمص`, `في حمص، إضافة إلى دير الزور`), and not set
/// beside it (`زملكا قرب دمشق`) nor past a word that opens a statement of its own
/// (`سقطوا في ريف دمشق، بينما شهدت مدينة حماة`).
fn listed_after(r: &Reading<'_>, end: usize, t: usize) -> bool {
    let g = crate::places::builtin();
    t <= end + LIST_GAP
        && !(end..t).any(|k| {
            g.is_near(r.word(k))
                // Not past a part (`في إدلب بينهم نازحون من حمص`), nor a place people come
                // from: neither is where the figure was.
                || r.closed.of_them_or_among_them(r.word(k))
                || (k + 1 == t && bytes::same(r.word(k), &r.closed.of))
                || r.closed.opens_statement(r.word(k))
        })
}

/// The places named in one sentence, as (first token, end token, place); words that spread
/// a figure over the country among them.
pub(super) type SentencePlaces = Vec<(usize, usize, &'static crate::places::Place)>;

/// The figures that break another down (flag `breakdown`), by token, each with the figure
/// it breaks down.
struct Breakdowns(HashMap<usize, usize, FastState>);

impl Breakdowns {
    fn of(drafts: &[Draft<'_>]) -> Breakdowns {
        Breakdowns(
            drafts
                .iter()
                .filter(|d| d.flags.contains(&Flag::Breakdown))
                .filter_map(|d| Some((d.at, d.partner?)))
                .collect(),
        )
    }

    /// Does the figure at token `at` break another down?
    fn is_part(&self, at: usize) -> bool {
        self.0.contains_key(&at)
    }

    /// The total a figure is a part of, through the parts it is a part of (`بينهم 14 طفلا
    /// و11 امرأة`: the 11 follow the 14, a part of the total); the figure itself when it is
    /// no part. A part's partner stands before it, so the walk ends.
    fn total_of(&self, mut at: usize) -> usize {
        for _ in 0..=self.0.len() {
            match self.0.get(&at) {
                Some(&p) => at = p,
                None => break,
            }
        }
        at
    }
}

/// What a figure's words make of its scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FigureScope {
    /// One event or one day.
    Incident,
    /// A running total or a period's total.
    Period,
    /// The running total of one event its sentence names (`ارتفعت حصيلة القصف على المدينة
    /// أمس إلى 8`): cumulative, and a revision of that event's toll, which the report may
    /// raise an incident with but never make one of.
    Revision,
}

impl FigureScope {
    pub(super) fn scope(self) -> Scope {
        match self {
            FigureScope::Incident => Scope::Incident,
            FigureScope::Period | FigureScope::Revision => Scope::Cumulative,
        }
    }
}

impl<'a> Extractor<'a> {
    /// Words of `kind` in the figure's sentence within `reach` words of it.
    pub(super) fn near<'r>(
        &self,
        r: &'r Reading<'a>,
        d: &Draft<'a>,
        reach: usize,
    ) -> impl Iterator<Item = &'r Hit<'a>> {
        let s = r.sentence[d.at];
        let lo = d.first.saturating_sub(reach);
        let hi = (d.last + reach + 1).min(r.toks().len());
        // The hits starting at tokens lo..hi are one run of the flat list.
        let (a, z) = (r.hit_at[lo] as usize, r.hit_at[hi] as usize);
        r.hits[a..z]
            .iter()
            .filter(move |h| r.sentence[h.start] == s)
    }

    /// Each figure's scope, by its token. A figure coordinated with another, or one of its
    /// parts, shares a cumulative scope.
    pub(super) fn scopes(
        &self,
        r: &Reading<'a>,
        drafts: &[Draft<'a>],
    ) -> HashMap<usize, FigureScope, FastState> {
        let mut scopes: HashMap<usize, FigureScope, FastState> = HashMap::default();
        // Each figure's token, the token of the figure it is coordinated with, whether it
        // opens behind `و` (`وأصاب 727`: the statement goes on), and whether a word that adds
        // it to the one before stands right before it (`بالإضافة إلى 25 شخصا`).
        let partners: HashMap<usize, (Option<usize>, bool, bool), FastState> = drafts
            .iter()
            .map(|d| {
                (
                    d.at,
                    (
                        d.partner,
                        bytes::begins(r.word(d.first), &r.closed.and),
                        r.besides_before(d.first),
                    ),
                )
            })
            .collect();
        // Where the parts of each figure broken down end, a part of a part included.
        let parts = Breakdowns::of(drafts);
        let mut parts_end: HashMap<usize, usize, FastState> = HashMap::default();
        for d in drafts.iter().filter(|d| parts.is_part(d.at)) {
            let e = parts_end.entry(parts.total_of(d.at)).or_insert(d.last);
            *e = (*e).max(d.last);
        }
        // The first sentence with a period's figure, so far.
        let mut period_sentence: Option<usize> = None;
        for (i, d) in drafts.iter().enumerate() {
            // A figure of its own after this one, neither coordinated with it, behind `و`, nor
            // added to it (`توفيت أخرى بالفيروس الذي قضى على حياة 472 شخصا حتى الآن`): the
            // period words after it are that figure's. Past one added, they are both's
            // (`مقتل 267 مدنيا، بالإضافة إلى 25 شخصا قضوا بسبب التعذيب خلال شهر آب`).
            // Not when its sentence names its day or its one event (`قتل 5 اليوم، بالإضافة
            // إلى 40 منذ بداية الشهر`): the period is the added figure's only.
            let dated = std::cell::OnceCell::new();
            let dated = || *dated.get_or_init(|| self.one_event(r, d));
            // A part is of its total's statement: other only when its total is.
            let other = |t: usize| {
                let t = if parts.is_part(t) {
                    parts.total_of(t)
                } else {
                    t
                };
                t != d.at
                    && partners.get(&t).is_some_and(|&(p, waw, added)| {
                        let goes_on = if added { !dated() } else { p == Some(d.at) };
                        !(goes_on || waw)
                    })
            };
            // The period words after the figures added to it or coordinated with it behind
            // `و`, one after another, are its too: it reaches as far after the last of them
            // and their parts as after itself (`مقتل 110 أشخاص، من بينهم 23 طفلا، وإصابة 296
            // آخرين، من بينهم 52 طفلا، … منذ بداية العام`).
            let mut end = parts_end.get(&d.at).copied().unwrap_or(d.last);
            for x in drafts[i + 1..]
                .iter()
                .filter(|x| x.first > d.last && !parts.is_part(x.at))
            {
                // Behind `و`, its partner or told by a verbal noun: the statement goes on.
                let joins = partners.get(&x.at).is_some_and(|&(p, waw, added)| {
                    (added || (waw && (p == Some(d.at) || r.has_casualty_noun(x.first))))
                        && !dated()
                });
                if r.sentence[x.at] != r.sentence[d.at] || !joins {
                    break;
                }
                end = end.max(parts_end.get(&x.at).copied().unwrap_or(x.last));
            }
            let own = self.scope(r, d, other, end);
            // A figure of a sentence that cites the report told of before, after a period's
            // figure in an earlier sentence, is of that period (`خلال شهر آب … وسجل
            // التقرير مقتل 82 مدنيا`).
            let own = if own == FigureScope::Incident
                && period_sentence.is_some_and(|p| p < r.sentence[d.at])
                && self.cites_the_report(r, d)
            {
                FigureScope::Period
            } else {
                own
            };
            // The figure of its sentence that ends last before this one starts.
            let before_it = || {
                drafts
                    .iter()
                    .filter(|x| x.last < d.first && r.sentence[x.at] == r.sentence[d.at])
                    .max_by_key(|x| x.last)
            };
            // A figure added to the one before it (`ارتفع عدد الضحايا إلى 592 شخصا إضافة إلى
            // 1461 مصابا`) shares its cumulative scope as a coordinated one does.
            let added_to = || {
                r.besides_before(d.first)
                    .then(before_it)
                    .flatten()
                    .map(|x| x.at)
            };
            // A figure behind `و` told by a verbal noun right after the one before it (`ارتفع
            // عدد الضحايا إلى 403، وإصابة 1290 آخرين`): the same statement goes on, and
            // shares its cumulative scope as a coordinated one does.
            let continued = || {
                (partners.get(&d.at).is_some_and(|&(_, waw, _)| waw)
                    && r.has_casualty_noun(d.first))
                .then(before_it)
                .flatten()
                .filter(|x| d.first <= x.last + 1)
                .map(|x| x.at)
            };
            let s = d
                .partner
                .or_else(added_to)
                .or_else(continued)
                .and_then(|p| scopes.get(&p).copied())
                .map_or(own, |p| {
                    if p.scope() == Scope::Cumulative {
                        p
                    } else {
                        own
                    }
                });
            if s == FigureScope::Period {
                let here = r.sentence[d.at];
                period_sentence = Some(period_sentence.map_or(here, |p: usize| p.min(here)));
            }
            scopes.insert(d.at, s);
        }
        scopes
    }

    /// Does the figure's sentence cite the report told of before (`وأضاف التقرير أن`,
    /// `وبحسب تقريرها`) before the figure, its clause naming no day of its own (`أن 3
    /// أشخاص قتلوا اليوم`)? A day between the report and the `أن` that opens what it says
    /// is the report's (`وأوضح تقرير الشبكة الصادر اليوم الأحد أن النظام قتل 21 مدنيا`).
    fn cites_the_report(&self, r: &Reading<'a>, d: &Draft<'a>) -> bool {
        let tokens = r.sentence_tokens(r.sentence[d.at]);
        let word = |t: usize| r.toks()[t].kind == TokKind::Word;
        let report = |t: usize| {
            word(t)
                && (r.closed.is_the_report(r.word(t))
                    || (r.word_in(t, &r.closed.report_of) && r.definite_genitive_after(t + 1)))
        };
        let Some(report) = (tokens.start..d.first).find(|&t| report(t)) else {
            return false;
        };
        let says = (report + 1..d.first)
            .find(|&t| r.says_that(t))
            .unwrap_or(tokens.start);
        !tokens.into_iter().any(|t| {
            !(report..says).contains(&t)
                && r.clause[t] == r.clause[d.at]
                && word(t)
                && r.closed.is_day(r.word(t))
        })
    }

    /// Each figure's place, by its token ([`Extractor::place`]). A figure whose parts name
    /// places in more than one governorate is a distribution, and a total of no one place
    /// (`سقط 100 شهيد، منهم 30 في حلب، و22 في إدلب`).
    pub(super) fn places(
        &self,
        r: &Reading<'a>,
        drafts: &[Draft<'a>],
    ) -> HashMap<usize, Option<&'static crate::places::Place>, FastState> {
        let mut seen = HashMap::default();
        // A part of a part (`منهم 30 في حلب، و20 في إدلب`: the 20 follows the 30) is a part
        // of the total the first part breaks down.
        let parts = Breakdowns::of(drafts);
        // A total's place is named before its first part of a distribution by place (a
        // bare number, of its total's group): a place in that part is the part's (`80
        // شخصا قتلوا أمس، بينهم 30 في حمص`: the 80 are of no one place). A part by group
        // leaves the place after it to the whole (`قتل 10، بينهم 3 أطفال، في قصف على حلب`).
        let group_at: HashMap<usize, Group, FastState> =
            drafts.iter().map(|d| (d.at, d.group)).collect();
        let by_place = |d: &Draft| {
            r.in_quantity[d.at] && d.partner.and_then(|p| group_at.get(&p)) == Some(&d.group)
        };
        let mut first_part: HashMap<usize, usize, FastState> = HashMap::default();
        for d in drafts.iter().filter(|d| parts.is_part(d.at) && by_place(d)) {
            let e = first_part
                .entry(d.partner.unwrap_or(d.at))
                .or_insert(d.first);
            *e = (*e).min(d.first);
        }
        let mut at_place: HashMap<usize, Option<&'static crate::places::Place>, FastState> =
            HashMap::default();
        // The words of every figure: two places with one between them are two figures'.
        let mut figure_words = vec![false; r.toks().len()];
        for d in drafts {
            figure_words[d.first..=d.last].fill(true);
        }
        for d in drafts {
            let mut until = first_part.get(&d.at).copied().unwrap_or(usize::MAX);
            // A part by group names no place past the next figure: one there is that
            // figure's, and the part is where its total is (`21 مدنيا قتلوا في حمص، بينهم
            // ثلاثة أطفال، فيما قتل 9 في إدلب`; `قتل 5 مدنيين بينهم طفلان وأصيب 8 آخرون بقصف
            // على أريحا`: all in Idleb).
            let bounded = parts.is_part(d.at) && !by_place(d);
            // More of its kind named with places of their own after it: the place past the
            // first of them is theirs (`قتل 3 جنود في درعا، وطفل في حمص`).
            if let Some(next) = drafts
                .iter()
                .filter(|x| {
                    x.first > d.last
                        && x.construction == by::NOUN_BY_PLACE
                        && r.sentence[x.at] == r.sentence[d.at]
                })
                .map(|x| x.first)
                .min()
            {
                until = until.min(next);
            }
            if bounded {
                let next = drafts.iter().map(|x| x.first).filter(|&f| f > d.last).min();
                until = until.min(next.unwrap_or(usize::MAX));
            }
            // A part told in a sentence after its total's, naming no place of its own, is
            // where its total is (`قتل 45 شخصا في أنحاء سورية، بينهم 20 في حمص. وبين
            // القتلى ستة أطفال`: not Homs).
            let total_before = parts
                .is_part(d.at)
                .then(|| parts.total_of(d.at))
                .filter(|&p| bounded || r.sentence[p] < r.sentence[d.at])
                .and_then(|p| at_place.get(&p).copied());
            // A total over time (a thousand or more) is of no place the sentence before
            // names: that was one event's (`وآخر في الرقة. وقدرت الهيئة عدد القتلى العام
            // الماضي بـ39.520 قتيلا`).
            let large = d.count.is_some_and(|c| c >= TOTAL_AT_LEAST);
            let place = match total_before {
                Some(total) => self
                    .place(r, d, until, false, &figure_words, &mut seen)
                    .or(total),
                None => self.place(r, d, until, !large, &figure_words, &mut seen),
            };
            at_place.insert(d.at, place);
        }
        let mut part_places: HashMap<usize, Vec<&str>, FastState> = HashMap::default();
        for d in drafts.iter().filter(|d| parts.is_part(d.at)) {
            if let Some(Some(place)) = at_place.get(&d.at) {
                part_places
                    .entry(parts.total_of(d.at))
                    .or_default()
                    .push(place.admin1.pcode);
            }
        }
        for (parent, mut pcodes) in part_places {
            pcodes.sort_unstable();
            pcodes.dedup();
            if pcodes.len() > 1 {
                at_place.insert(parent, None);
            }
        }
        at_place
    }

    /// The place named with a figure: its place in a ranking; else in its sentence, the
    /// first after it, else the last before it; with none there, the previous sentence's
    /// last (when `previous`). Only names within PLACE_REACH words of the figure count, and
    /// before token `until` (a total's first part). A figure spread over the country (`في مختلف
    /// المناطق السورية`) or over a list of places of several governorates before it (`مثل
    /// حمص وحماة وريف دمشق، حيث … سقوط مئات الضحايا`) is of no one place. Each sentence is
    /// looked up once per document and kept in `seen`, however many figures it holds.
    pub(super) fn place(
        &self,
        r: &Reading<'a>,
        d: &Draft<'a>,
        until: usize,
        previous: bool,
        figure_words: &[bool],
        seen: &mut HashMap<usize, SentencePlaces, FastState>,
    ) -> Option<&'static crate::places::Place> {
        let s = r.sentence[d.at];
        let lo = d.first.saturating_sub(PLACE_REACH);
        let hi = d.last + PLACE_REACH;
        let mut found = |sent: usize| {
            seen.entry(sent)
                .or_insert_with(|| {
                    let tokens = r.sentence_tokens(sent);
                    let a = tokens.start;
                    let words: Vec<&str> = tokens.map(|t| r.word(t)).collect();
                    crate::places::builtin()
                        .find(&words)
                        .into_iter()
                        .map(|(i, n, p)| (a + i, a + i + n, p))
                        .collect()
                })
                .iter()
                .filter(|(t, _, _)| (lo..hi.min(until)).contains(t))
                .copied()
                .collect::<Vec<_>>()
        };
        let all = found(s);
        // No place past a word that opens a statement of its own before the first place
        // after the figure, a cue right after that word (`وأصيب أكثر من عشرين في المدينة
        // بينما سقط ستة آخرون في إدلب`), or a saying's `إن` (`فيما قال نشطاء إن النظام شيع
        // 26 قتيلا في مستشفى حمص`): those are that statement's.
        let whereas = all
            .iter()
            .map(|&(t, _, _)| t)
            .filter(|&t| t > d.last)
            .min()
            .and_then(|first| {
                (d.last + 1..first).find(|&k| {
                    r.closed.is_whereas(r.word(k))
                        && ((k + 1..(k + 4).min(first)).any(|c| r.sentence[c] == s && r.has_cue(c))
                            || (k + 2..(k + 5).min(first))
                                .any(|c| r.sentence[c] == s && r.says_that(c)))
                })
            });
        let all = match whereas {
            Some(w) => all.into_iter().filter(|&(t, _, _)| t < w).collect(),
            None => all,
        };
        // Words that spread the figure over the country, after it and before the place after
        // it, or after it with no place: the figure is the country's.
        let spread_at: Vec<usize> = all
            .iter()
            .filter(|(_, _, p)| p.nationwide)
            .map(|&(t, _, _)| t)
            .collect();
        // A place right after `من`, or after a word of where one was born (`أبناء`), is
        // where people come from (`نازحون من حمص`, `شاب من بلدة داعل`, `أحد عناصر التسويات
        // من أبناء ريف دمشق`): where the figure was is another place of the sentence, when
        // it names one, abroad too (`غرق طفل من حلب في بحر إيجة`).
        let from = |k: usize| bytes::same(r.word(k), &r.closed.of) || r.closed.is_origin(r.word(k));
        let from_place = |&(t, _, _): &(usize, usize, _)| {
            t > 0 && from(t - 1)
                || (t > 1 && from(t - 2) && crate::places::builtin().is_locative(r.word(t - 1)))
        };
        let mut all = all;
        if all.iter().any(|x| !x.2.nationwide && !from_place(x)) {
            all.retain(|x| !from_place(x));
        }
        // A place of another country is no candidate; with no Syrian place beside it in the
        // sentence, it says the figure is abroad.
        let abroad = all.iter().any(|(_, _, p)| p.abroad);
        // The first place after the figure's words in its clause is abroad, behind `في`
        // (`قتيل و 8 جرحى في طرابلس ونصرالله يعزي دمشق`): the figure is there, not in a
        // Syrian place further on. Not a name inside its words (`شارعي الثورة وبغداد … في
        // دمشق إلى 11 قتيلا`), nor a country that acts (`قصف النظام وروسيا على غرب حلب`).
        if all
            .iter()
            .find(|(t, _, p)| *t > d.last && !p.nationwide)
            .is_some_and(|&(t, _, p)| {
                p.abroad
                    && r.clause[t] == r.clause[d.at]
                    && t > 0
                    && bytes::same(r.word(t - 1), &r.closed.in_)
            })
        {
            return None;
        }
        let here: Vec<_> = all
            .into_iter()
            .filter(|(_, _, p)| !p.nationwide && !p.abroad)
            .collect();
        let nationwide_until = |end: usize| spread_at.iter().any(|&t| t >= d.first && t < end);
        // A ranking gives each place its figure behind `بـ` (`وجاءت درعا في المقدمة بـ 88
        // قتيلا، تلتها حمص بـ 40`): the place a few words before, in the figure's clause.
        if d.at > 0
            && r.toks()[d.at].joined
            && r.closed.is_ranked_by(r.word(d.at - 1))
            && let Some(&(_, _, p)) = here.iter().rev().find(|&&(t, end, _)| {
                end < d.at && end + RANKED_GAP >= d.at && r.clause[t] == r.clause[d.at]
            })
        {
            return Some(p);
        }
        // The first place after the figure is in a clause of its own, and its own clause
        // names one before it (`وفي درعا قتل 6 أشخاص، وفي إدلب 4`): the figure's is that one.
        // A part behind `و` whose words start at a cue it shares with the figure before
        // (`خمسة قتلوا في ريف دمشق وأربعة في درعا`): its place is after its number.
        let from =
            if d.flags.contains(&Flag::Breakdown) && d.first < d.at && self.behind_waw(r, d.at) {
                d.at
            } else {
                d.first
            };
        let after = here.iter().position(|(t, _, _)| *t >= from);
        if let Some(k) = after
            && r.clause[here[k].0] != r.clause[d.last]
            && let Some(&(_, _, p)) = here[..k]
                .iter()
                .rev()
                .find(|&&(t, _, _)| r.clause[t] == r.clause[d.first])
        {
            return Some(p);
        }
        // A town beats a governorate at the same distance: `بلدة X بريف إدلب`.
        if let Some(k) = after {
            // But a town of one governorate with another governorate named a few words
            // after it, behind `في`, is a namesake of a place there, where the figure is
            // (`في حي المزرعة السكني قرب مقر الحزب في العاصمة السورية دمشق`).
            let namesake = here.get(k + 1).is_some_and(|&(t1, _, q)| {
                let (t0, end, p) = here[k];
                !p.is_admin1
                    && q.is_admin1
                    && q.admin1.pcode != p.admin1.pcode
                    && t1 <= end + NAMESAKE_GAP
                    && r.clause[t1] == r.clause[t0]
                    && (end..t1).any(|j| bytes::same(r.word(j), &r.closed.in_))
                    && !(end..t1)
                        .any(|j| r.in_quantity[j] || bytes::begins(r.word(j), &r.closed.and))
            });
            let k = if namesake { k + 1 } else { k };
            // A list of places of more than one governorate: a figure spread over them, of
            // no one place (`سقط 57 شهيدا أكثرهم في درعا ودير الزور وحمص`).
            let (t0, end, p) = here[k];
            // Not past another figure: `منهم 30 في حلب، و20 في إدلب` and `قتل 10 أشخاص في
            // حلب، وأصيب رجل في إدلب` are two places of two.
            // Past the next, the list goes on behind `و`, place after place (`بلدة السيدة
            // زينب بريف دمشق، وحي الزهراء في حمص`): any of another governorate spreads it.
            let mut prev_end = end;
            let spread = here[k + 1..]
                .iter()
                .enumerate()
                .take_while(|&(i, &(t, e, _))| {
                    let listed = listed_after(r, prev_end, t)
                        && !r.in_quantity[prev_end.min(t)..t].contains(&true)
                        && !(prev_end.min(t)..t)
                            .any(|k| figure_words[k] && !(d.first..=d.last).contains(&k))
                        && (i == 0
                            || (prev_end..=t).any(|k| bytes::begins(r.word(k), &r.closed.and)));
                    prev_end = e;
                    listed
                })
                .any(|(_, &(_, _, q))| q.admin1.pcode != p.admin1.pcode);
            return (!spread && !nationwide_until(t0)).then_some(p);
        }
        if nationwide_until(usize::MAX) {
            return None;
        }
        // The last before it; a governorate named right after a town of it is the town's
        // (`على بلدة تلبيسة بريف حمص عن مقتل`).
        if let Some(&(t, _, p)) = here.last() {
            let prev = here.len().checked_sub(2).map(|k| here[k]);
            let town = prev.filter(|&(_, end, q)| {
                p.is_admin1
                    && !q.is_admin1
                    && q.admin1.pcode == p.admin1.pcode
                    && end <= t
                    && t <= end + LIST_GAP
            });
            // The end of a list of places of several governorates, with no figure in it: the
            // figure is spread over them.
            // Listed behind `و` or a comma: `وتلي حمص مدينة درعا … بعدد فاق 747 قتيلا` names
            // two places, no list.
            let listed = prev.is_some_and(|(_, end, q)| {
                end <= t
                    && listed_after(r, end, t)
                    && q.admin1.pcode != p.admin1.pcode
                    && !r.in_quantity[end.min(t)..t].contains(&true)
                    && (end..=t)
                        .any(|k| !r.toks()[k].joined || bytes::begins(r.word(k), &r.closed.and))
            });
            if listed && town.is_none() {
                return None;
            }
            return Some(town.map_or(p, |(_, _, q)| q));
        }
        if abroad {
            return None;
        }
        // Not from the headline: its place is the headline's figure's, and the body says
        // its own or none (`مقتل 5 مدنيين بقصف على إدلب` above `قتل 5 مدنيين في قصف جوي`).
        let headline_before = s > 0
            && r.headline.is_some_and(|(a, z)| {
                let first = r.sentence_tokens(s - 1).start;
                first < r.toks().len()
                    && (a..z).contains(&r.toks()[first].start)
                    && !(a..z).contains(&r.toks()[d.first].start)
            });
        if s > 0 && previous && !headline_before {
            return found(s - 1)
                .iter()
                .rev()
                .find(|(_, _, p)| !p.nationwide && !p.abroad)
                .map(|&(_, _, p)| p);
        }
        None
    }

    /// The date of a figure's event, read in the sentence it stands in: at most
    /// PLACE_REACH words either side, so a text without full stops stays linear.
    pub(super) fn event_date(
        &self,
        r: &Reading<'a>,
        d: &Draft<'a>,
        published: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        let s = r.sentence[d.at];
        let tokens = r.sentence_tokens(s);
        let a = tokens.start.max(d.first.saturating_sub(PLACE_REACH));
        let z = tokens.end.min(d.last + PLACE_REACH).max(a + 1);
        let text = &r.text()[r.toks()[a].start..r.toks()[z - 1].end];
        let words = (a..z)
            .filter(|&t| r.toks()[t].kind == TokKind::Word)
            .map(|t| r.word(t));
        crate::dates::event_date_of(text, words, published)
    }

    /// Does the clause of figure `d` name a span of a day or less (`خلال 24 ساعة`, `خلال
    /// الساعات الـ24 الماضية`)?
    fn within_a_day(&self, r: &Reading<'a>, d: &Draft<'a>) -> bool {
        let clause = r.clause[d.at];
        let a = r.clause.partition_point(|&c| c < clause);
        let z = r.clause.partition_point(|&c| c <= clause);
        (a..z).any(|t| {
            r.hits(t).iter().any(|h| {
                matches!(h.entry.kind, Kind::Span { .. })
                    && lasting(r, h.end).is_some_and(|hours| hours <= 24)
            })
        })
    }

    /// Cumulative when a scope word stands before the figure in its sentence (`ليرتفع
    /// العدد إلى 12`), or a period word after it (`قتل 500 منذ بدء الحملة`) — a period word
    /// right after a comparison is none (`الأسوأ منذ نيسان`). Failing both, a large figure
    /// ([`TOTAL_AT_LEAST`], or hundreds and more of a vague one) is a total over time unless
    /// its sentence names its day or its one event (`سقط أمس 1200 قتيل`, `قتل الآلاف في
    /// مجزرة حماة`).
    /// `other(t)`: does a figure of its own, not coordinated with this one, stand at `t`?
    /// Period words after it are not this figure's. `parts_end`: the last token of the
    /// parts that break the figure down (its own last when none): the period words after
    /// them are the whole's too (`استشهاد 61 مدنيا بينهم 14 طفلا و11 امرأة، قتلوا … منذ 29
    /// كانون الثاني`).
    pub(super) fn scope(
        &self,
        r: &Reading<'a>,
        d: &Draft<'a>,
        other: impl Fn(usize) -> bool,
        parts_end: usize,
    ) -> FigureScope {
        let s = r.sentence[d.at];
        let compared = |j: usize| {
            (j.saturating_sub(COMPARE_REACH)..j).any(|k| {
                r.sentence[k] == s
                    && r.hits(k)
                        .iter()
                        .any(|h| h.entry.kind == Kind::Comparison && h.end <= j)
            })
        };
        // A period word; in the figure's clause, a span of time long enough (`خلال 10 أيام`)
        // or a fight that goes on (`المعارك المتواصلة`) when no one event is named.
        let own_clause = |h: &Hit| {
            [d.first, d.last]
                .map(|t| r.clause[t])
                .contains(&r.clause[h.start])
        };
        let period = |h: &Hit, j: usize| match h.entry.kind {
            // Not today's hours (`منذ الصباح`, `منذ ساعات الفجر`).
            Kind::Scope { backward: true, .. } => {
                // Today's hours, or a point of a day (`حتى نهاية اليوم`).
                let today = h.end < r.toks().len()
                    && (r.closed.is_time_of_day(r.word(h.end))
                        || (r.word_in(h.end - 1, &r.closed.point_of)
                            && r.hits(h.end).iter().any(|u| {
                                matches!(u.entry.kind, Kind::Unit { time: Some(t), .. } if t.hours <= 24)
                            })));
                // `في بداية الشهر الجاري`: a point of the period, a time.
                let point = h.start >= 2
                    && r.word_in(h.start - 1, &r.closed.point_of)
                    && r.word(h.start - 2)
                        .trim_start_matches(r.closed.and.as_str())
                        == r.closed.in_;
                // A preliminary count (`إحصائية أولية`) is of one event, told early.
                let preliminary = h.end < r.toks().len() && r.word_in(h.end, &r.closed.preliminary);
                !compared(j) && !today && !point && !preliminary && !self.day_of_month(r, h)
            }
            Kind::Span { at_least_hours } => {
                own_clause(h)
                    && lasting(r, h.end).is_some_and(|hours| hours >= u64::from(at_least_hours))
            }
            // Not when its clause names a span of a day or less (`قتل 45 شخصا خلال 24 ساعة
            // في مختلف المناطق`): a day's toll.
            Kind::Ongoing => own_clause(h) && !self.one_event(r, d) && !self.within_a_day(r, d),
            // Close after it (`مقتل 86 مدنيا في تشرين الأول`, `قتل 40 شخصا في المحافظة في
            // شهر آذار`), not the time of something told further on in its clause (`بصاروخ
            // أطلقته قوة … التي أنهت في ديسمبر مهمتها`).
            Kind::PeriodAfter => {
                let behind_in = h.entry.words[0] == r.closed.in_
                    || (h.start > 0 && bytes::same(r.word(h.start - 1), &r.closed.in_));
                // A month's toll, named by the toll's head before the month (`حصيلة آذار`,
                // `حصيلة شهر آذار`), before the figure in its sentence.
                let toll_of = |k: usize| {
                    r.closed
                        .is_toll(r.word(k).trim_start_matches(r.closed.and.as_str()))
                };
                let monthly = j < d.at
                    && ((h.start > 0 && toll_of(h.start - 1))
                        || (h.start > 1
                            && toll_of(h.start - 2)
                            && r.hits(h.start - 1).iter().any(|u| {
                                matches!(u.entry.kind, Kind::Unit { time: Some(_), .. })
                            })));
                // A month that dates the one event named in the sentence is no period
                // (`قتل طفلان في نيسان الماضي إثر انفجار لغم`).
                monthly
                    || (behind_in
                        && own_clause(h)
                        && j > d.last
                        && j <= d.last + PERIOD_AFTER_REACH
                        && !self.event_named(r, d))
            }
            // A month named by the word for month and its name, before the figure in its
            // sentence (`أن شهر تموز الماضي شهد 32 عملية أسفرت عن مقتل 30 شخصا`, `شهد شهر آب
            // مقتل 94 مدنيا`): the month's toll. Not a date's month, after a day (`10 من شهر
            // آب`, `يوم 10 شهر آب`).
            Kind::Unit { time: Some(t), .. } if t.hours == HOURS_A_MONTH => {
                let named = h.end < r.toks().len()
                    && r.toks()[h.end].joined
                    && r.hits(h.end).iter().any(|m| {
                        m.start == h.end
                            && matches!(
                                m.entry.kind,
                                Kind::Unit {
                                    after_of: true,
                                    time: None,
                                    ..
                                }
                            )
                    });
                let day = |k: usize| r.in_quantity[k];
                let dated = h.start >= 1
                    && (day(h.start - 1)
                        || (h.start >= 2
                            && bytes::same(r.word(h.start - 1), &r.closed.of)
                            && day(h.start - 2)));
                named && !dated && j < d.first && !r.definite(h.start)
            }
            _ => false,
        };
        // Before the figure, or inside it before its number (`عدد القتلى وصل إلى 27`): a
        // running total's word, or a period. A figure right after `إلى` with a running
        // total's toll named before it, however far, is what the total reached (`ارتفاع عدد
        // ضحايا حادث تدافع منى إلى 769 حالة وفاة`).
        let after_to = r.to_before(d.first);
        // Or, with no number between, a running total's verb anywhere before it in its
        // sentence, its toll however long (`ارتفع عدد الجنود الذين سقطوا في هجوم استهدف
        // كمينا في شمال سيناء، الجمعة، إلى 12 قتيلا`).
        let risen = || {
            (0..d.first.saturating_sub(1))
                .rev()
                .take_while(|&j| r.sentence[j] == s && !r.in_quantity[j])
                .any(|j| {
                    r.hits(j)
                        .iter()
                        .any(|h| h.entry.kind.is_running_total() && h.entry.kind != Kind::TotalTo)
                })
        };
        let (mut total, mut before) = (
            after_to && (self.toll_before(r, d.first).is_some() || risen()),
            false,
        );
        // A period before a word that opens a statement of its own is that statement's
        // (`قتل منذ بداية الشهر 250، فيما قتل أمس 12`: the 12 are yesterday's).
        // Asked only when a word of scope is met, the rarer case.
        let lo = d.first.saturating_sub(SCOPE_REACH);
        let opens = std::cell::OnceCell::new();
        let own_statement = |j: usize| {
            j >= *opens.get_or_init(|| {
                (lo..d.first)
                    .rev()
                    .find(|&k| r.closed.is_whereas(r.word(k)))
                    .map_or(lo, |k| k + 1)
            })
        };
        // A day named inside the figure's own words, between its cue and its noun (`وقتل أمس
        // 4 مدنيين`), pins it to that day: a period before it is its sentence's background.
        let day_inside =
            || (d.first..=d.last).any(|k| r.hits(k).iter().any(|h| h.entry.kind == Kind::OneDay));
        for j in (lo..d.at.max(d.first)).filter(|&j| r.sentence[j] == s) {
            // A toll's verb inside a hedge says what may happen to it, not that it rose
            // (`عدد القتلى مرشح للارتفاع لوجود 11 مصابا`).
            let hedged = || {
                (j.saturating_sub(3)..j).any(|k| {
                    r.hits(k)
                        .iter()
                        .any(|x| x.entry.kind == Kind::Hedge && x.end > j)
                })
            };
            for h in r.hits(j) {
                if h.entry.kind.is_running_total() {
                    if hedged() || !own_statement(j) {
                        continue;
                    }
                    // One that ends in `إلى` reaches only the figure right after it (`وصل
                    // إلى 27`; not `وصل إلى المستشفى 14 مصابا`).
                    let to_end = h.end > h.start + 1 && r.to_before(h.end);
                    total |= if to_end {
                        h.end == d.first || (d.at == h.end && d.first < h.end)
                    } else {
                        d.first.saturating_sub(j) <= TOTAL_REACH
                    };
                } else {
                    before |= period(h, j) && own_statement(j) && !(j < d.first && day_inside());
                }
            }
        }
        // A period fronted in the sentence's first clause, however far before the figure
        // (`وحتى نهاية تموز الماضي، استجابت الفرق لـ 1504 حوادث في أنحاء البلاد، خلفت 85
        // وفاة`): the whole sentence is told within it, unless it names the figure's one day
        // or event, or a word that opens a statement of its own stands between.
        if !before {
            let a = r.sentence_tokens(s).start;
            let fronted = a < lo
                && r.clause[d.first] != r.clause[a]
                && (a..(a + 2).min(lo)).any(|j| {
                    r.clause[j] == r.clause[a]
                        && r.hits(j).iter().any(|h| {
                            matches!(h.entry.kind, Kind::Scope { backward: true, .. })
                                && period(h, j)
                        })
                });
            before = fronted
                && !(a..d.first).any(|k| r.closed.is_whereas(r.word(k)))
                && !self.one_event(r, d);
        }
        // A period word after the figure is its own until a running total begins (`مقتل 5
        // مدنيين اليوم، وبذلك ترتفع حصيلة القتلى منذ مطلع الشهر`: the 5 are today's).
        // Figures coordinated with it share it (`قتل المئات وجرح الآلاف منذ بداية الحملة`).
        // Nor past a word that opens a statement of its own (`قتل 5، فيما تتواصل المعارك منذ
        // أسبوع`).
        // Nor past a word that opens an earlier event's clause after the figure's (`قتل 3
        // مدنيين أمس، وكان القصف قد توقف في الأسبوع الماضي`).
        let another = |h: &Hit| {
            h.entry.kind.is_running_total()
                || (matches!(h.entry.kind, Kind::Background { .. })
                    && r.clause[h.start] != r.clause[d.last])
        };
        let from = d.last + 1;
        let after = (from..(parts_end.max(d.last) + 1 + SCOPE_REACH).min(r.toks().len()))
            .take_while(|&j| r.sentence[j] == s && !r.hits(j).iter().any(another) && !other(j))
            .find(|&j| r.hits(j).iter().any(|h| period(h, j)))
            .is_some_and(|j| !(from..j).any(|k| r.closed.is_whereas(r.word(k))));
        // Whether one event is named is asked only when it decides.
        if before || after || (self.year_after(r, d) && !self.one_event(r, d)) {
            FigureScope::Period
        } else if total {
            if self.one_event(r, d) {
                FigureScope::Revision
            } else {
                FigureScope::Period
            }
        } else if self.large(d) && !self.one_event(r, d) {
            FigureScope::Period
        } else {
            FigureScope::Incident
        }
    }

    /// Is a period of a month a date's month, after a day and `من` (`في العاشر من الشهر
    /// الماضي`, `في 25 من الشهر الجاري`): one day of it, no period?
    fn day_of_month(&self, r: &Reading<'a>, h: &Hit<'a>) -> bool {
        let month = r.hits(h.start).iter().any(|u| {
            matches!(u.entry.kind, Kind::Unit { time: Some(t), .. } if t.hours == HOURS_A_MONTH)
        });
        let day = |t: usize| {
            r.closed.is_day_ordinal(r.word(t))
                || r.quantity_of(t)
                    .is_some_and(|qi| r.quantities[qi].value().is_some_and(|v| v.is_int_in(1, 31)))
        };
        month
            && h.start >= 2
            && r.toks()[h.start].joined
            && r.toks()[h.start - 1].joined
            && bytes::same(r.word(h.start - 1), &r.closed.of)
            && day(h.start - 2)
    }

    /// Is a year named right after the figure, with no day or month before it (`وثق التقرير
    /// مقتل 300 مدني في 2019`, `في عام 2019`, `عام 2019`)? Then the figure is that year's
    /// total, unless its sentence names one event (`قتل 7 جنود في عام 2016 بهجوم`) or the
    /// year dates the event it follows (`قتل 5 في هجوم عام 2013`).
    fn year_after(&self, r: &Reading<'a>, d: &Draft<'a>) -> bool {
        let n = r.toks().len();
        let joined = |t: usize| t < n && r.toks()[t].joined && r.clause[t] == r.clause[d.last];
        let mut t = d.last + 1;
        if joined(t) && bytes::same(r.word(t), &r.closed.in_) {
            t += 1;
        }
        if joined(t)
            && r.hits(t).iter().any(|h| {
                matches!(h.entry.kind, Kind::Unit { time: Some(u), .. } if u.hours == HOURS_A_YEAR)
            })
        {
            t += 1;
        }
        t > d.last + 1
            && joined(t)
            && r.quantity_of(t)
                .filter(|&qi| r.q_toks[qi].0 == t)
                .is_some_and(|qi| !r.quantities[qi].percent && is_year(&r.quantities[qi]))
    }

    /// Is the figure an earlier event cited in passing? A background word before it in its
    /// sentence (within [`SCOPE_REACH`] words) or in it (`يذكر أن 7 مدنيين قتلوا`, `قتل
    /// آنذاك خمسة`), a trailing one after it in its clause within [`TRAILING_REACH`] (`قتل 7
    /// أشخاص في انفجار مماثل`; not with what it is compared with after it, `مماثل لما وقع`,
    /// nor after a figure that goes on a list of its sentence's, undated), or the
    /// pluperfect: a form of `كان` in its clause and `قد` after it, before the figure ends
    /// (`وكان 41 شخصا قد قتلوا`), or one that opens the clause a word of time past dates
    /// ([`Self::opens_dated_past`]). `listed`: a figure of its sentence ends before this
    /// one starts.
    pub(super) fn background(&self, r: &Reading<'a>, d: &Draft<'a>, listed: bool) -> bool {
        let s = r.sentence[d.at];
        let already = |k: usize| {
            let w = r.word(k);
            w == r.closed.already
                || w.strip_prefix(r.closed.and.as_str()) == Some(r.closed.already.as_str())
        };
        // A similar event before the figure is an earlier one only when the sentence dates
        // it (`وشهدت البلدة العام الماضي هجوما مماثلا أسفر عن مقتل 9`); without a time, it
        // is another place's share of the day (`وتعرضت بلدة مجاورة لقصف مماثل ما أدى إلى
        // مقتل مدني`).
        let dated = || self.dated(r, d);
        let before = (d.first.saturating_sub(SCOPE_REACH)..=d.last)
            .filter(|&j| r.sentence[j] == s)
            .any(|j| {
                r.hits(j).iter().any(|h| match h.entry.kind {
                    Kind::Background {
                        pluperfect: false,
                        trailing: false,
                    } => true,
                    Kind::Background {
                        pluperfect: false,
                        trailing: true,
                    } => dated(),
                    Kind::Background {
                        pluperfect: true, ..
                    } => {
                        r.clause[h.start] == r.clause[d.first]
                            && ((h.end..=d.last).any(already) || self.opens_dated_past(r, h, d))
                    }
                    _ => false,
                })
            });
        // A word that opens the sentence cites all of it, however long (`يذكر أن سوريا تشهد
        // منذ منتصف آذار احتجاجات أسفرت حتى الآن عن سقوط آلاف القتلى`).
        let opens = || {
            let start = r.sentence_tokens(s).start;
            (start..(start + 2).min(d.first)).any(|j| {
                r.hits(j).iter().any(|h| {
                    h.entry.kind
                        == Kind::Background {
                            pluperfect: false,
                            trailing: false,
                        }
                })
            })
        };
        let before = before || opens();
        let trailing = Kind::Background {
            pluperfect: false,
            trailing: true,
        };
        // A wound said to be like another is no earlier event (`وأصيبت والدتهم بحالة
        // اختناق مماثلة`): a casualty noun ends right before the word.
        let of_a_wound = |h: &Hit| {
            (h.start.saturating_sub(3)..h.start).any(|k| {
                r.hits(k).iter().any(|x| {
                    x.end == h.start
                        && matches!(
                            x.entry.kind,
                            Kind::Noun {
                                category: Some(_),
                                ..
                            }
                        )
                })
            })
        };
        // A figure that goes on a list of its sentence's figures, with the similar event
        // after it, is another place's share of the same report (`قتل ثلاثة في قصف على
        // كفرنبل وأربعة آخرين في قصف مماثل على حاس`), unless the sentence dates it.
        let goes_on_list = listed && (d.partner.is_some() || self.behind_waw(r, d.at));
        before
            || ((!goes_on_list || dated())
                && (d.last + 1..(d.last + 1 + TRAILING_REACH).min(r.toks().len()))
                    .take_while(|&j| r.clause[j] == r.clause[d.last])
                    .any(|j| {
                        r.hits(j).iter().any(|h| {
                            h.entry.kind == trailing
                                && !of_a_wound(h)
                                && !(h.end < r.toks().len()
                                    && r.toks()[h.end].joined
                                    && r.word_in(h.end, &r.closed.similar_to))
                        })
                    }))
    }

    /// Does the form of `كان` at `h` open the figure's clause, a word of time past in the
    /// clause within [`SCOPE_REACH`] of the figure (`وكان طفلان لقيا مصرعهما في نيسان
    /// الماضي`)? The pluperfect with no `قد`: an earlier event all the same.
    fn opens_dated_past(&self, r: &Reading<'a>, h: &Hit<'a>, d: &Draft<'a>) -> bool {
        let c = r.clause[d.first];
        let opens = h.start == 0 || r.clause[h.start - 1] != c;
        let hi = (d.last + SCOPE_REACH + 1).min(r.toks().len());
        opens && (h.end..hi).any(|t| r.clause[t] == c && r.past_at(t))
    }

    /// Does the figure's sentence name a time other than the day's: a period or month
    /// word of scope, a word of time past, or a year (`العام الماضي`, `الأربعاء الماضي`, `في
    /// آذار 2014`)?
    fn dated(&self, r: &Reading<'a>, d: &Draft<'a>) -> bool {
        let s = r.sentence[d.at];
        let (lo, hi) = (
            d.first.saturating_sub(SCOPE_REACH),
            (d.last + SCOPE_REACH + 1).min(r.toks().len()),
        );
        self.near(r, d, SCOPE_REACH)
            .any(|h| matches!(h.entry.kind, Kind::Scope { .. } | Kind::PeriodAfter))
            || (lo..hi).any(|t| r.sentence[t] == s && r.past_at(t))
            || r.q_toks
                .iter()
                .enumerate()
                .any(|(qi, &(t, _))| r.sentence[t] == s && is_year(&r.quantities[qi]))
    }

    /// Is the figure of a size one event seldom has: a thousand or more, or a vague count of
    /// hundreds or more (`المئات`, `آلاف`)?
    fn large(&self, d: &Draft<'a>) -> bool {
        if d.vague {
            d.low.is_some_and(|lo| lo >= VAGUE_TOTAL_AT_LEAST)
        } else {
            d.count.is_some_and(|c| c >= TOTAL_AT_LEAST)
        }
    }

    /// Does the figure's sentence name its day or its one event (`أمس`, a weekday,
    /// `المجزرة`, `الزلزال`)? Not a day before the `أن` that opens what was said, which is
    /// when it was said (`أشارت المعلومات اليوم الأحد إلى أن أكثر من ألف شخص قتلوا`).
    fn one_event(&self, r: &Reading<'a>, d: &Draft<'a>) -> bool {
        let said_after = |h: &Hit<'a>| {
            (h.end..d.first).any(|t| r.sentence[t] == r.sentence[d.at] && r.says_that(t))
        };
        self.near(r, d, SCOPE_REACH).any(|h| match h.entry.kind {
            Kind::OneEvent => true,
            Kind::OneDay => !said_after(h),
            _ => false,
        })
    }

    /// Does the figure's sentence name the one event it was (`المجزرة`, `انفجار`), not
    /// only its day?
    fn event_named(&self, r: &Reading<'a>, d: &Draft<'a>) -> bool {
        self.near(r, d, SCOPE_REACH)
            .any(|h| h.entry.kind == Kind::OneEvent)
    }

    /// The cause named with a figure: the first cause word within [`CAUSE_REACH`] words of
    /// it in its sentence, else the nearest before it in its clause within [`PLACE_REACH`],
    /// not past another number, unless a weapon word stands in that clause (`سقطت طائرة مقاتلة … في بلدة أريحا … وأسفر
    /// عن مقتل 20`). A cause word in another clause that holds a figure of its own is that
    /// figure's: `القتل المباشر لـ 70،000 شخص، ... ووفاة نحو 85،000 طفل من الجوع`.
    /// `figure_clauses` lists, sorted, the clauses with a figure. `None` when none is named.
    pub(super) fn cause(
        &self,
        r: &Reading<'a>,
        d: &Draft<'a>,
        figure_clauses: &[usize],
    ) -> Option<Cause> {
        let own = r.clause[d.at];
        let wide = || self.near(r, d, PLACE_REACH);
        // A weapon's word inside a cause's words is the cause's (`سقطت طائرة`: a crash), and
        // so is one whose genitive is a cause's (`انفجار خزان وقود`: what blew up).
        let in_cause = |w: &Hit<'a>| {
            wide().any(|h| {
                matches!(h.entry.kind, Kind::Cause(_))
                    && ((h.start <= w.start && w.end <= h.end) || h.start == w.end)
            })
        };
        // A cause behind a preposition of time says when (`بعد الزلزال`), where a weapon of
        // its own is named in the sentence.
        let when = |h: &Hit<'a>| {
            h.start > 0
                && r.word_in(h.start - 1, &r.closed.after_time)
                && wide().any(|w| r.is_weapon(w) && !in_cause(w))
        };
        let cause_of = |h: &Hit<'a>| match h.entry.kind {
            Kind::Cause(c)
                if (r.clause[h.start] == own
                    || figure_clauses.binary_search(&r.clause[h.start]).is_err())
                    && !when(h) =>
            {
                Some(c)
            }
            _ => None,
        };
        if let Some(c) = self.near(r, d, CAUSE_REACH).find_map(cause_of) {
            // Unless a weapon's word stands nearer the figure in its clause than any cause's
            // word: the figure is the weapon's (`لقي 3 أطفال مصرعهم إثر سقوط مقذوفين على
            // نجران، في حادثين مختلفين`).
            let gap = |h: &Hit<'a>| h.start.abs_diff(d.at);
            let nearest_cause = self
                .near(r, d, CAUSE_REACH)
                .filter(|h| cause_of(h).is_some())
                .map(gap)
                .min();
            let nearer_weapon = self.near(r, d, CAUSE_REACH).any(|h| {
                r.is_weapon(h)
                    && r.clause[h.start] == own
                    && !in_cause(h)
                    && nearest_cause.is_some_and(|g| gap(h) < g)
            });
            return (!nearer_weapon).then_some(c);
        }
        if wide().any(|h| r.is_weapon(h) && r.clause[h.start] == own && !in_cause(h)) {
            return None;
        }
        // Only before it in its own clause (a clause tells the cause, then what it caused:
        // `سقطت طائرة … وأسفر عن مقتل 20`), and not past another number.
        wide()
            .filter(|h| {
                r.clause[h.start] == own
                    && h.start < d.first
                    && !r.in_quantity[h.start..d.first].contains(&true)
            })
            .filter_map(|h| Some((h.start.abs_diff(d.at), cause_of(h)?)))
            .min_by_key(|&(gap, _)| gap)
            .map(|(_, c)| c)
    }

    /// The cause an article is about, for figures that name none: the one cause its words
    /// name (`صاعقة`, `بفيروس كورونا`), when no weapon word is in it; with several and no
    /// weapon, each figure's is the one named last before it ([`Self::cause_before`]). An
    /// article of shelling that mentions a fire keeps its figures' violence.
    pub(super) fn article_cause(&self, r: &Reading<'a>) -> ArticleCause {
        let (mut found, mut several) = (None, false);
        for h in &r.hits {
            let cause = match h.entry.kind {
                Kind::Weapon(_) if r.is_weapon(h) => None,
                Kind::Weapon(_) => continue,
                Kind::Cause(c) => Some(c),
                _ => continue,
            };
            if r.is_furniture(r.toks()[h.start].start) {
                continue;
            }
            match cause {
                None => return ArticleCause::Violence,
                Some(c) => {
                    several |= found.is_some_and(|f| f != c);
                    found = Some(c);
                }
            }
        }
        match found {
            None => ArticleCause::None,
            Some(_) if several => ArticleCause::Several,
            Some(c) => ArticleCause::One(c),
        }
    }

    /// The cause named last before figure `d` outside page furniture: in an article of
    /// several causes and no weapon (a news round-up of a virus's toll and the week's road
    /// accidents), a figure that names none is of the story it is told in.
    pub(super) fn cause_before(&self, r: &Reading<'a>, d: &Draft<'a>) -> Option<Cause> {
        let end = r.hit_at.get(d.first).map_or(0, |&k| k as usize);
        r.hits[..end].iter().rev().find_map(|h| match h.entry.kind {
            Kind::Cause(c) if !r.is_furniture(r.toks()[h.start].start) => Some(c),
            _ => None,
        })
    }

    pub(super) fn weapon(&self, r: &Reading<'a>, d: &Draft<'a>) -> Option<String> {
        self.near(r, d, CAUSE_REACH)
            .find_map(|h| match &h.entry.kind {
                Kind::Weapon(w) if r.is_weapon(h) => Some(w.clone()),
                _ => None,
            })
    }
}

/// How long the time named from token `t` lasts, in hours: a number and a unit of time
/// (`10 أيام`, `الـ48 ساعة`, `الساعات الـ48`), or a unit alone (`يومين`, `أسابيع`); `None`
/// when no unit of time stands there.
pub(super) fn lasting(r: &Reading<'_>, t: usize) -> Option<u64> {
    let n = r.toks().len();
    let time_at = |t: usize| {
        r.hits(t).iter().find_map(|h| match h.entry.kind {
            Kind::Unit { time: Some(u), .. } => Some((h.end, u)),
            _ => None,
        })
    };
    // The number of a quantity whose number starts at `t`, or behind a lone article there
    // (`الـ48`), and the token after it.
    let count_at = |t: usize| {
        let t = if t + 1 < n && r.word_in(t, &r.closed.article) {
            t + 1
        } else {
            t
        };
        let k = r.q_toks.partition_point(|&(a, _)| a < t);
        let &(a, z) = r.q_toks.get(k)?;
        let v = r.quantities[k].value()?.as_integer()?;
        (a == t).then_some((z, u64::try_from(v).ok()?))
    };
    if t >= n {
        return None;
    }
    if let Some((z, count)) = count_at(t) {
        let (_, u) = time_at(z)?;
        return Some(count.saturating_mul(u64::from(u.hours)));
    }
    // A number after the unit counts it only when the unit is definite (`الساعات الـ48`);
    // after an indefinite one it names a date, no span (`خلال يوم 15 آذار`, `في عام 2019`).
    // Not across punctuation (`حصيلة اليوم: 12 شهيدا`: the figure).
    let (z, u) = time_at(t)?;
    match count_at(z).filter(|_| r.toks()[z].joined) {
        Some((_, count)) if r.definite(t) => Some(count.saturating_mul(u64::from(u.hours))),
        Some(_) => None,
        None => Some(u64::from(u.alone)),
    }
}

/// What an article's words say of the cause of its figures (see
/// [`Extractor::article_cause`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ArticleCause {
    /// No cause word, nor a weapon.
    None,
    /// A weapon: its figures are of violence unless they name a cause.
    Violence,
    /// One cause and no weapon.
    One(Cause),
    /// Several causes and no weapon: each figure is of the one named last before it.
    Several,
}
