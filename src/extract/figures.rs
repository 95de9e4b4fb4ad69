//! Figures read off numbers: the cue, noun and group of each number, running totals and
//! breakdowns (`مقتل 30 بينهم 12 طفلا`).

use super::*;
use crate::lexicon::bytes;

/// The cue a number is read with ([`Extractor::figure_cue`]).
pub(super) struct FigureCue<'a> {
    pub(super) hit: Option<Hit<'a>>,
    /// Its category, or that of the casualty noun a neutral cue governs.
    pub(super) category: Option<Category>,
    /// The casualty noun's category and group, when a neutral cue governs one (`حصيلة
    /// القتلى`).
    pub(super) governed: Option<(Category, Option<Group>)>,
    /// The cue counts a noun of its own (`مقتل طفل و3 نساء`): shared, it is not in the
    /// number's quote.
    pub(super) shared: bool,
    /// The cue is the toll of a running total the figure reached ([`Extractor::toll_before`]).
    pub(super) toll: bool,
}

impl<'a> Extractor<'a> {
    /// The noun counted right after token `z` (joined to it).
    pub(super) fn noun_at(&self, r: &Reading<'a>, z: usize) -> Option<Hit<'a>> {
        if z >= r.toks().len() || !r.toks()[z].joined {
            return None;
        }
        r.hits(z)
            .iter()
            .find(|h| matches!(h.entry.kind, Kind::Noun { .. }))
            .copied()
    }

    /// The vague quantities right after token `z` (joined to it).
    pub(super) fn vague_at<'r>(
        &self,
        r: &'r Reading<'a>,
        z: usize,
    ) -> impl Iterator<Item = Hit<'a>> + 'r {
        let joined = z < r.toks().len() && r.toks()[z].joined;
        let hits = if joined { r.hits(z) } else { &[] };
        hits.iter()
            .filter(|h| matches!(h.entry.kind, Kind::Vague { .. }))
            .copied()
    }

    /// Is a unit right after token `z`, or after `من` there? A unit of time with the
    /// article right after a number is the day it happened, not what it counts (`مقتل
    /// مدنيين اثنين اليوم`).
    pub(super) fn unit_after(&self, r: &Reading<'a>, z: usize, cued: bool) -> bool {
        // As written, or with the article: behind a preposition glued to it the word opens a
        // phrase of its own (`قتل 4 بقرية كفرنبل`, `أصيب 5 برصاصات القناصة`), not what the
        // number counts.
        let as_written = |t: usize, h: &Hit<'_>| {
            let (w, first) = (r.word(t), h.entry.words[0].as_str());
            w == first
                || r.closed
                    .article
                    .first()
                    .is_some_and(|al| w.strip_prefix(al.as_str()) == Some(first))
        };
        let unit = |t: usize, of: bool| {
            t < r.toks().len()
                && r.toks()[t].joined
                && r.hits(t).iter().any(|h| {
                    as_written(t, h)
                        && match h.entry.kind {
                            Kind::Unit { time: Some(_), .. } if !of && r.definite(t) => false,
                            Kind::Unit { cued: true, .. } if cued => false,
                            Kind::Unit { after_of, .. } => after_of || !of,
                            _ => false,
                        }
                })
        };
        unit(z, false)
            || (z < r.toks().len()
                && r.toks()[z].joined
                && bytes::same(r.word(z), &r.closed.of)
                && unit(z + 1, true))
    }

    /// The nearest cue before token `from`, in the same clause, within [`CUE_REACH`] words
    /// or right before a period phrase that reaches the figure, not past another number but
    /// a date's (`وقتل يوم السبت 12 أيار 7 مدنيين`).
    pub(super) fn cue_before(&self, r: &Reading<'a>, from: usize) -> Option<Hit<'a>> {
        // Right after a resumptive pronoun the figure is the relative verb's: only that
        // verb counts (`الهجوم الذي قتل فيه 40 شخصا`; not `وقتل في الهجوم الذي شارك فيه
        // 40 مسلحا`).
        if from > 1 && r.toks()[from].joined && r.after_resumptive(from) {
            return r
                .hits(from - 2)
                .iter()
                .find(|h| {
                    h.end == from - 1 && matches!(h.entry.kind, Kind::Cue { after: false, .. })
                })
                .copied();
        }
        let lo = from.saturating_sub(CUE_REACH);
        for j in (lo..from).rev() {
            if r.clause[j] != r.clause[from.min(r.toks().len() - 1)]
                || (r.in_quantity[j] && !self.of_date(r, j))
            {
                return None;
            }
            // A cue, or a definite casualty noun at most two words before the figure
            // (`عدد القتلى إلى 250`, `القتلى المبلغ عنهم: 18`), and an adverb after them
            // (`عدد الوفيات بلغ حتى الآن 107`), or `as follows` before it (`وتوزع القتلى على
            // النحو التالي: 15`), definite by the article or by the word it governs (`حصيلة
            // قتلى القصف إلى ثمانية`).
            // Not the pronoun that opens a list of parts (`القتلى هم 13 رجلا`): the number
            // is one of the list, its cue the one before.
            if let Some(h) = r.hits(j).iter().find(|h| {
                h.end <= from
                    && r.names_toll(h)
                    && !h.entry.kind.opens_parts()
                    && (matches!(h.entry.kind, Kind::Cue { .. })
                        || from - h.end <= 2
                        || (h.end..=h.end + 2).any(|k| r.past_adverb(k) == Some(from))
                        || r.past_as_follows(h.end) == Some(from))
                    && h.reaches(from)
            }) {
                // `فيما`, `بينما` open a statement of their own: a cue before them is the
                // one before's (`إن 70 ألف شخص قتلوا فيما فر نحو مليون`).
                if (h.end..from).any(|k| r.closed.is_whereas(r.word(k))) {
                    return None;
                }
                // A longer cue that covers this word wins (`مقتل وجرح` over `جرح`), unless
                // it starts on the noun of a figure before (`35 حالة وفاة وإصابة 60`), or
                // right after one person, its first verb's subject (`إن شخصا قتل وأصيب
                // تسعة`: one dead, nine wounded).
                let subject_before = |c: &Hit<'a>| {
                    let k = c.start;
                    matches!(
                        c.entry.kind,
                        Kind::Cue {
                            category: Some(Category::KilledOrWounded),
                            ..
                        }
                    ) && k > 0
                        && r.toks()[k].joined
                        && !r.definite(k - 1)
                        && !r.after_number(k - 1)
                        && r.hits(k - 1)
                            .iter()
                            .any(|n| n.end == k && self.one_person(n))
                };
                let covering = (j.saturating_sub(2)..j).rev().find_map(|k| {
                    r.hits(k)
                        .iter()
                        .find(|c| {
                            c.end > j
                                && c.end <= from
                                && !subject_before(c)
                                && !((k.saturating_sub(2)..k).any(|t| r.in_quantity[t])
                                    && r.has_casualty_noun(k))
                                && matches!(c.entry.kind, Kind::Cue { after: false, .. })
                        })
                        .copied()
                });
                return Some(covering.unwrap_or(*h));
            }
        }
        self.before_period(r, from, false)
    }

    /// A cue right before an aside between commas that says who told the figure, the
    /// figure right after it (`وقتل، بحسب ما أفاد به المرصد في بيان، 25 شخصا`): the aside
    /// opens with a word of the closed class `aside` and holds no number.
    fn cue_before_aside(&self, r: &Reading<'a>, from: usize) -> Option<Hit<'a>> {
        let c = *r.clause.get(from)?;
        if from < 2 || c < 2 || r.clause[from - 1] + 1 != c {
            return None;
        }
        let open = (from.saturating_sub(ASIDE_REACH)..from)
            .rev()
            .take_while(|&j| r.clause[j] + 1 == c && !r.in_quantity[j])
            .last()?;
        if open == 0
            || r.clause[open - 1] + 2 != c
            || r.sentence[open - 1] != r.sentence[from]
            || !r.word_in(open, &r.closed.aside)
        {
            return None;
        }
        r.hits(open - 1)
            .iter()
            .chain((open.saturating_sub(3)..open - 1).flat_map(|k| r.hits(k)))
            .find(|h| {
                h.end == open
                    && matches!(
                        h.entry.kind,
                        Kind::Cue {
                            category: Some(_),
                            after: false,
                            ..
                        }
                    )
            })
            .copied()
    }

    /// A cue right before a period phrase, the figure after the phrase (`قتل منذ بدء
    /// الاحتجاجات في مارس الماضي أكثر من 5000 شخص`): the phrase does not count. With
    /// `toll`, a toll instead: a casualty noun under a toll's head (`تقدر الأمم المتحدة عدد
    /// القتلى منذ بدء الاحتجاجات بأكثر من 7500 شخص`).
    /// Not `في` alone, which opens a place or an event as often (`وقتل في الهجوم`).
    pub(super) fn before_period(
        &self,
        r: &Reading<'a>,
        from: usize,
        toll: bool,
    ) -> Option<Hit<'a>> {
        let lo = from.saturating_sub(CUE_REACH);
        let period = (lo..from).find(|&k| {
            r.hits(k).iter().any(|h| {
                h.start == k
                    && matches!(
                        h.entry.kind,
                        Kind::Scope { backward: true, .. } | Kind::Span { .. }
                    )
                    && !(h.end == k + 1 && bytes::same(r.word(k), &r.closed.in_))
            })
        })?;
        let before = period.checked_sub(1)?;
        if r.clause[before] != r.clause[from.min(r.toks().len() - 1)] || !r.toks()[period].joined {
            return None;
        }
        let headed_toll = |h: &Hit<'_>| {
            matches!(
                h.entry.kind,
                Kind::Noun {
                    category: Some(_),
                    form: Form::Plural,
                    ..
                }
            ) && r.headed(h)
        };
        (before.saturating_sub(2)..=before).rev().find_map(|j| {
            r.hits(j)
                .iter()
                .find(|h| {
                    h.end == period
                        && if toll {
                            headed_toll(h)
                        } else {
                            matches!(
                                h.entry.kind,
                                Kind::Cue {
                                    after: false,
                                    adjacent: false,
                                    ..
                                }
                            )
                        }
                })
                .copied()
        })
    }

    /// A passive verb before a phrase of where, when or why and its relative clause, its
    /// subject the figure after them (`وقتل في القصف الذي استهدف السوق الشعبي في المدينة 12
    /// شخصا`): within [`PASSIVE_REACH`] words in the sentence, no number or cue between,
    /// the figure counting people by its own noun with no number after it, and not right
    /// after a resumptive pronoun, which makes it the relative verb's (`الذي شارك فيه 50`).
    pub(super) fn passive_cue_before(
        &self,
        r: &Reading<'a>,
        a: usize,
        from: usize,
    ) -> Option<Hit<'a>> {
        let qi = r.quantity_of(a)?;
        let z = r.q_toks[qi].1;
        let noun = self
            .noun_at(r, z)
            .filter(|n| n.start == z && r.toks()[z].joined)?;
        if noun.end < r.toks().len() && r.in_quantity[noun.end] {
            return None;
        }
        if from == 0 || r.after_resumptive(from) {
            return None;
        }
        let s = r.sentence[from];
        for j in (from.saturating_sub(PASSIVE_REACH)..from).rev() {
            if r.sentence[j] != s || (r.in_quantity[j] && !self.of_date(r, j)) {
                return None;
            }
            let cued = r.hits(j).iter().any(|h| {
                matches!(
                    h.entry.kind,
                    Kind::Cue { .. } | Kind::Close { .. } | Kind::Opener
                ) && h.reaches(from)
            });
            if !cued {
                continue;
            }
            // The verb itself, the phrase right after it.
            return r
                .hits(j)
                .iter()
                .find(|h| {
                    matches!(
                        h.entry.kind,
                        Kind::Cue {
                            category: Some(_),
                            after: false,
                            adjacent: false,
                            numbers_only: false,
                            ..
                        }
                    ) && h.start == j
                        && (r.past_where(h.end).is_some() || self.means_at(r, h.end, from))
                })
                .copied();
        }
        None
    }

    /// Does a phrase of means open at token `t`, before the figure at `from`: a weapon's
    /// word behind the preposition of means, its genitive after it (`برصاص الجيش التركي`,
    /// `بقصف الطيران`)? Right before the figure the figure is the weapon's genitive
    /// (`برصاص 3 مسلحين`: the gunmen shot), so a word must stand between.
    pub(super) fn means_at(&self, r: &Reading<'a>, t: usize, from: usize) -> bool {
        t + 1 < from
            && r.toks()[t].joined
            && r.closed.means.iter().any(|m| {
                r.word(t)
                    .strip_prefix(m.as_str())
                    .is_some_and(|w| w.len() >= 4)
            })
            && r.hits(t).iter().any(|h| h.start == t && r.is_weapon(h))
    }

    /// Is the quantity at token `j` no count of people: a part of a whole (`7.7`, `20%`)
    /// or a number of things, its unit after it (`درجة`, `غارات`) or right before it (`مناطق
    /// عدة`)?
    fn of_things(&self, r: &Reading<'a>, j: usize) -> bool {
        let Some(qi) = r.quantity_of(j) else {
            return false;
        };
        let q = &r.quantities[qi];
        q.percent
            || q.value().is_some_and(|v| v.as_integer().is_none())
            || self.unit_after(r, r.q_toks[qi].1, false)
            || self.unit_before(r, r.q_toks[qi].0)
    }

    /// Is the number whose words start at token `a` the adjective of an indefinite noun of
    /// things right before it (`مناطق عدة`, `قرى ثلاث`)? Not of a definite one:
    /// that number stands on its own (`بلغ عدد القتلى في المحافظة 20`).
    pub(super) fn unit_before(&self, r: &Reading<'a>, a: usize) -> bool {
        r.after_unit(a)
            && !r.definite(a - 1)
            && r.hits(a - 1).iter().any(|h| {
                h.end == a
                    && matches!(
                        h.entry.kind,
                        Kind::Unit {
                            cued: false,
                            time: None,
                            after_of: false
                        }
                    )
            })
    }

    /// Is token `j` in a number of a date: a day before a month's name (`12 أيار`), or a
    /// year after one (`أيار 2014`, `عام 2014`)?
    fn of_date(&self, r: &Reading<'a>, j: usize) -> bool {
        let Some(qi) = r.quantity_of(j) else {
            return false;
        };
        let ((a, z), fa) = (r.q_toks[qi], r.q_full_start[qi]);
        let month = |t: usize, after: bool| {
            r.hits(t).iter().any(|h| {
                (if after { h.start == t } else { h.end == t + 1 })
                    && matches!(
                        h.entry.kind,
                        Kind::Unit {
                            after_of: true,
                            time: None,
                            ..
                        }
                    )
            })
        };
        let year = is_year(&r.quantities[qi]);
        let day = r.quantities[qi].value().is_some_and(|v| v.is_int_in(1, 31));
        (day && z < r.toks().len() && r.toks()[z].joined && month(z, true))
            || (year && r.after_unit(fa))
            || (year && a > 0 && month(a - 1, false))
    }

    /// The toll a running total reached, for a figure right after a [`Kind::TotalTo`] word:
    /// a neutral cue that governs a casualty noun (`حصيلة ضحايا`), a cue, or a definite
    /// casualty noun (`عدد القتلى`), anywhere before it in its sentence within
    /// [`TOLL_REACH`], right after a running-total word (`ارتفعت حصيلة ضحايا التفجير الذي
    /// وقع في المسجد إلى 15 شخصا`). Commas may stand between: the toll is one statement.
    /// After a direct total's verb the figure needs no `إلى` (`بلغ عدد القتلى منذ بداية
    /// الأحداث 5000`).
    pub(super) fn toll_before(&self, r: &Reading<'a>, from: usize) -> Option<Hit<'a>> {
        let after_to = r.to_before(from);
        let end = if after_to { from - 1 } else { from };
        // An adverb or a day, which may stand between the verb and the toll's head (`ويرتفع
        // بذلك عدد قتلى الجيش إلى 300`, `وارتفعت اليوم حصيلة الضحايا إلى 12`) or `إلى`.
        let adverb = |t: usize| {
            r.toks()[t].joined && (r.word_in(t, &r.closed.adverb) || r.closed.is_day(r.word(t)))
        };
        let total_at = |j: usize| {
            // The verb's phrase may end with the head itself (`وصل عدد`).
            let head_in_phrase = r.closed.is_toll(r.word(j));
            let verb_at = |k: usize| {
                r.sentence[k] == r.sentence[j]
                    && r.hits(k).iter().any(|h| {
                        (h.end <= j || (head_in_phrase && h.end == j + 1))
                            && matches!(h.entry.kind, Kind::Scope { backward: false, direct }
                                if after_to || direct)
                    })
            };
            (j.saturating_sub(2)..j).any(verb_at) || (j >= 3 && verb_at(j - 3) && adverb(j - 2))
        };
        // The verb after its toll, right before `إلى` (`عدد المصابين جراء التفجير ارتفع
        // إلى 60`): then the toll is a casualty word under a toll's head (`عدد`, `حصيلة`).
        // Or a verb of a toll that reached a figure right before it (`حصيلة القتلى منذ بدء
        // الاحتجاجات تجاوزت 9 آلاف`, the closed class `reached`).
        // An adverb or a day may stand between the verb and `إلى` (`عدد القتلى ارتفع اليوم
        // إلى 56`).
        let verb_ends = |e: usize| {
            e >= 1
                && r.hits(e - 1).iter().any(|h| {
                    h.end == e
                        && matches!(
                            h.entry.kind,
                            Kind::Scope {
                                backward: false,
                                ..
                            }
                        )
                })
        };
        // Or a short phrase of when or where between the verb and `إلى`, commas too (`حصيلة
        // المصابين ارتفعت في الفترة ذاتها، إلى 103,601`): no number, cue or noun in it.
        let verb_before_phrase = || {
            (from.saturating_sub(2 + VERB_PHRASE_REACH)..from - 1)
                .rev()
                .take_while(|&k| {
                    !r.in_quantity[k]
                        && r.sentence[k] == r.sentence[from - 1]
                        && !r.hits(k).iter().any(|h| {
                            h.end < from
                                && matches!(h.entry.kind, Kind::Cue { .. } | Kind::Noun { .. })
                        })
                })
                .any(verb_ends)
        };
        let verb_after = (after_to
            && from >= 2
            && (verb_ends(from - 1)
                || (from >= 3 && adverb(from - 2) && verb_ends(from - 2))
                || verb_before_phrase()))
            || (!after_to
                && from >= 1
                && r.toks()[from].joined
                && r.word_in(from - 1, &r.closed.reached));
        // A date in a period phrase between them is not another figure (`تجاوزت حصيلة
        // القتلى منذ عام 2011 نحو 400 ألف`), nor a measure or a number of things (`عدد
        // ضحايا الزلزال الذي ضرب بقوة 7.7 درجة … إلى 592`).
        (end.saturating_sub(TOLL_REACH)..end)
            .rev()
            .take_while(|&j| {
                r.sentence[j] == r.sentence[end]
                    && (!r.in_quantity[j] || self.of_date(r, j) || self.of_things(r, j))
            })
            .find_map(|j| {
                r.hits(j)
                    .iter()
                    .find(|h| {
                        // Only a cue may be a relative clause's verb (`عدد الذين قتلوا`).
                        let relative = || match h.entry.kind {
                            Kind::Cue { .. } => r.relative_toll_head(h),
                            _ => None,
                        };
                        // Only a cue or a plural casualty noun names a toll: the kinds first,
                        // as most hits are common words.
                        let may_name = matches!(
                            h.entry.kind,
                            Kind::Cue { .. }
                                | Kind::Noun {
                                    category: Some(_),
                                    form: Form::Plural,
                                    ..
                                }
                        );
                        may_name
                            && h.end <= end
                            && (total_at(j)
                                || relative().is_some_and(total_at)
                                || (verb_after && (r.headed(h) || relative().is_some())))
                            && r.names_toll(h)
                    })
                    .copied()
            })
    }

    /// The toll named right after a figure it reached: a toll head (`عدد`, `حصيلة`) and
    /// the casualty noun or cue it governs (`ارتفع إلى 17 عدد القتلى`), with that noun's
    /// category; or, past a noun of people and a relative pronoun, the verb of the dead or
    /// wounded of the relative clause (`ارتفع إلى 53 عدد الأشخاص الذين قضوا`). After a
    /// running total's `إلى` (the figure's words start at `fa`) a lower bound and commas
    /// may stand between: the toll is one statement (`ارتفع إلى 53 على الأقل، عدد
    /// الشهداء`).
    pub(super) fn toll_after(
        &self,
        r: &Reading<'a>,
        fa: usize,
        z: usize,
    ) -> Option<(Category, Hit<'a>)> {
        let n = r.toks().len();
        let risen = r.to_before(fa);
        let linked =
            |t: usize| t < n && (r.toks()[t].joined || (risen && r.sentence[t] == r.sentence[fa]));
        let head = |t: usize| linked(t) && r.closed.is_toll(r.word(t));
        let z = if risen {
            self.at_least_after(r, z).unwrap_or(z)
        } else {
            z
        };
        // Past a part of it told first (`ارتفع إلى 15 بينهم 3 أطفال عدد الشهداء`): its
        // partitive, then numbers and the nouns they count, up to the head.
        let opens_part =
            z + 1 < n && linked(z) && r.closed.opens_part(r.word(z), Some(r.word(z + 1)));
        let z = if !head(z) && opens_part {
            (z + 1..(z + 1 + PART_REACH).min(n))
                .take_while(|&t| {
                    linked(t)
                        && (head(t)
                            || r.in_quantity[t]
                            || r.hits(t)
                                .iter()
                                .any(|h| matches!(h.entry.kind, Kind::Noun { .. })))
                })
                .find(|&t| head(t))?
        } else {
            z
        };
        if !head(z) || z + 1 >= n || !r.toks()[z + 1].joined {
            return None;
        }
        let governed = |t: usize| {
            r.hits(t).iter().find_map(|h| match h.entry.kind {
                Kind::Noun {
                    category: Some(c), ..
                }
                | Kind::Cue {
                    category: Some(c), ..
                } => Some((c, *h)),
                _ => None,
            })
        };
        // `عدد الذين قضوا`, `عدد الأشخاص الذين قضوا`: the verb of the relative clause the
        // head stands for.
        governed(z + 1).or_else(|| {
            (z + 2..(z + 4).min(n)).find_map(|t| {
                r.hits(t).iter().find_map(|h| match h.entry.kind {
                    Kind::Cue {
                        category: Some(c),
                        after: true,
                        ..
                    } if r.relative_toll_head(h) == Some(z) => Some((c, *h)),
                    _ => None,
                })
            })
        })
    }

    /// Where a lower bound written after a figure (`على الأقل`, the closed class
    /// `at_least_after`) that starts at token `t` ends.
    pub(super) fn at_least_after(&self, r: &Reading<'a>, t: usize) -> Option<usize> {
        r.phrase_end(t, &r.closed.at_least_after)
    }

    /// A running total's verb right before `إلى` and the figure at `fa`, its toll unnamed
    /// or named by a definite head alone, one word of time at most between (`قبل أن
    /// ترتفع إلى 11`, `وارتفع العدد لاحقا إلى 7`): the verb's hit, and whether a head
    /// names the toll. The figure is then of what the figures before it counted.
    pub(super) fn total_verb_before(&self, r: &Reading<'a>, fa: usize) -> Option<(Hit<'a>, bool)> {
        let joined = |t: usize| r.toks()[t].joined;
        if fa < 2 || !joined(fa) || !r.to_before(fa) {
            return None;
        }
        let mut k = fa - 2;
        if !joined(k + 1) {
            return None;
        }
        let head = |t: usize| r.without_article(t).is_some_and(|w| r.closed.is_toll(w));
        // One word no rule reads (`لاحقا`), or the head's adjective of a total (`العدد
        // الإجمالي`), then the head (`العدد`).
        let adjective = |t: usize| {
            t > 0
                && r.definite(t)
                && head(t - 1)
                && r.hits(t).iter().all(|h| h.entry.kind.is_running_total())
        };
        if k > 0
            && !r.in_quantity[k]
            && joined(k)
            && ((r.hits(k).is_empty() && !head(k)) || adjective(k))
        {
            k -= 1;
        }
        let headed = head(k);
        if headed {
            if k == 0 || !joined(k) {
                return None;
            }
            k -= 1;
        }
        // The verb, or the verb and the head written as one phrase (`يرفع العدد`).
        r.hits(k)
            .iter()
            .find(|h| {
                (h.end == k + 1 || (headed && h.end == k + 2)) && h.entry.kind.is_running_total()
            })
            .map(|h| (*h, headed))
    }

    /// Is a cue a toll's head alone (`الحصيلة`), with no casualty noun of its own: a neutral
    /// cue of one word of the closed class `toll`?
    pub(super) fn bare_toll(&self, r: &Reading<'a>, h: &Hit<'a>) -> bool {
        matches!(h.entry.kind, Kind::Cue { category: None, .. })
            && h.entry.words.len() == 1
            && r.closed.is_toll(&h.entry.words[0])
    }

    /// Does a place's name start at token `t`: after `في` (`في إدلب`), or with `ب` on it
    /// (`بحماة`)?
    pub(super) fn place_at(&self, r: &Reading<'a>, t: usize) -> bool {
        let n = r.toks().len();
        if t >= n || !r.toks()[t].joined {
            return false;
        }
        // A word that introduces a place, bare or behind `في`, whatever name follows
        // (`في قرية البارة`, `بقرية`).
        let gazetteer = crate::places::builtin();
        let introduces = |k: usize| k < n && r.toks()[k].joined && gazetteer.is_locative(r.word(k));
        let behind_in = bytes::same(r.word(t), &r.closed.in_);
        if introduces(if behind_in { t + 1 } else { t }) {
            return true;
        }
        let hi = (t + 4).min(n);
        let words: Vec<&str> = (t..hi).map(|k| r.word(k)).collect();
        let found = gazetteer.find(&words);
        found.first().is_some_and(|&(i, _, p)| {
            !p.nationwide
                && !p.abroad
                && (i == 0 || (i == 1 && bytes::same(r.word(t), &r.closed.in_)))
        })
    }

    /// Does a place behind `و` and `في` end right before the figure at `fa` (`وفي حمص 11`,
    /// `وفي دير الزور 6`)?
    pub(super) fn and_in_place_before(&self, r: &Reading<'a>, fa: usize) -> bool {
        fa >= 2
            && r.toks()[fa].joined
            && (fa.saturating_sub(5)..fa - 1).any(|k| {
                r.word(k)
                    .strip_prefix(r.closed.and.as_str())
                    .is_some_and(|w| w == r.closed.in_)
                    && self.place_at(r, k + 1)
            })
            && self.place_ends_at(r, fa - 1)
    }

    /// Does a place's name end at token `e` (`تلتها دير الزور بـ 30`: at `الزور`)?
    pub(super) fn place_ends_at(&self, r: &Reading<'a>, e: usize) -> bool {
        let lo = e.saturating_sub(3);
        let words: Vec<&str> = (lo..=e).map(|k| r.word(k)).collect();
        crate::places::builtin()
            .find(&words)
            .iter()
            .any(|&(i, n, p)| lo + i + n == e + 1 && !p.nationwide && !p.abroad)
    }

    /// A cue after the counted noun (`20 مدنيا قتلوا`), in its clause: past figures
    /// coordinated with it, whose verb it shares (`12 جنديا وخمسة من أفراد الطاقم قتلوا`),
    /// but not past another number. After an opener (`opened`: `لقي 5 أشخاص، من بينهم طفل،
    /// مصرعهم`) the close may stand further, past a breakdown between commas, within the
    /// sentence.
    pub(super) fn cue_after(
        &self,
        r: &Reading<'a>,
        from: usize,
        opener: Option<Hit<'a>>,
    ) -> Option<Hit<'a>> {
        let opened = opener.is_some();
        // An aside between commas right after the noun (`إن 12 مدنيا، بينهم 5 أطفال، قتلوا`)
        // lets the verb stand in the clause after it, past the numbers in it.
        // Past a lower bound (`12 مقاتلا على الأقل من تحرير الشام قضوا`, `ثلاثة مدنيين على
        // الأقل، أحدهم طفل، قتلوا`).
        let n = r.toks().len();
        let of_at = self.at_least_after(r, from).unwrap_or(from);
        let aside = (of_at < n
            && r.clause[of_at] != r.clause[of_at - 1]
            && r.closed
                .opens_aside(r.word(of_at), (of_at + 1 < n).then(|| r.word(of_at + 1))))
        .then(|| r.clause[of_at]);
        // The aside's list of parts may go on past a comma behind `و`, a part in each clause
        // (`إن 11 شخصا، بينهم خمسة أطفال دون السادسة عشرة، وثلاث نساء، لقوا حتفهم`): the
        // aside ends at the last clause that opens with one.
        let aside_end = aside.map(|c| {
            let mut end = c;
            let mut t = of_at + 1;
            while t < n && r.sentence[t] == r.sentence[of_at] && r.clause[t] <= end + 1 {
                if r.clause[t] == end + 1 && r.clause[t - 1] == end {
                    let part = if r.in_quantity[t] {
                        self.behind_waw(r, t)
                    } else if bytes::same(r.word(t), &r.closed.and) {
                        t + 1 < n && r.in_quantity[t + 1] && r.toks()[t + 1].joined
                    } else {
                        bytes::begins(r.word(t), &r.closed.and)
                            && r.hits(t)
                                .iter()
                                .any(|h| matches!(h.entry.kind, Kind::Noun { .. }))
                    };
                    if !part {
                        break;
                    }
                    end += 1;
                }
                t += 1;
            }
            end
        });
        // A part told right after the noun, with no commas, before the verb (`إن 11 شخصا
        // من بينهم ثمانية مدنيين قتلوا`).
        let part = from + 1 < n
            && r.toks()[from].joined
            && r.closed.opens_part(r.word(from), Some(r.word(from + 1)));
        let of_group = of_at + 1 < n
            && r.toks()[of_at].joined
            && bytes::same(r.word(of_at), &r.closed.of)
            && self
                .noun_at(r, of_at + 1)
                .is_some_and(|h| matches!(h.entry.kind, Kind::Noun { category: None, .. }));
        let reach = if opened || aside.is_some() || part {
            FRAME_REACH
        } else if of_group {
            PARTITIVE_REACH
        } else {
            CUE_AFTER_REACH
        };
        // Figures coordinated with this one, past commas too, share the verb after the
        // last of them (`إن 25 مدنيا، و9 جنود، و12 منشقا قتلوا`): each one met moves the
        // reach and the clause on.
        let mut limit = (of_at + reach).min(n);
        let mut clause = r.clause[from - 1];
        let mut j = from;
        while j < limit {
            // A number behind `و`, or the word `و` before one.
            let waw_number = (r.in_quantity[j] && !r.in_quantity[j - 1] && self.behind_waw(r, j))
                || (bytes::same(r.word(j), &r.closed.and)
                    && j + 1 < n
                    && r.in_quantity[j + 1]
                    && r.toks()[j + 1].joined);
            let coordinated = !opened
                && aside.is_none()
                && waw_number
                && r.sentence[j] == r.sentence[from - 1]
                && (r.toks()[j].joined || r.comma_before(j));
            if coordinated {
                clause = r.clause[j];
                limit = limit.max((j + CUE_AFTER_REACH).min(n));
            }
            let apart = if opened {
                r.sentence[j] != r.sentence[from - 1]
            } else if let Some(c) = aside_end {
                r.sentence[j] != r.sentence[from - 1] || r.clause[j] > c + 1
            } else {
                // The verb may open the clause after a comma (`إن 120 شخصا، قضوا`), or after
                // a part told with no comma before it (`إن 19 مدنيا بينهم 7 أطفال، قضوا`).
                let opens_next = |c: usize| {
                    r.sentence[j] == r.sentence[from - 1]
                        && r.clause[j] == c + 1
                        && r.clause[j - 1] == c
                        && r.comma_before(j)
                };
                r.clause[j] != clause
                    && !(j == from && opens_next(r.clause[from - 1]))
                    && !(part && j > from && opens_next(r.clause[from]))
            };
            // Past the usual reach, a relative clause is about a noun of the partitive, not
            // the figure (`30 عنصرا من قوات النظام … إلى القرية التي قتلوا فيها`).
            let relative =
                j >= from + CUE_AFTER_REACH && (from..j).any(|k| r.word_in(k, &r.closed.relative));
            if apart || relative {
                return None;
            }
            // Not a verb behind `ف`: it starts a sentence of its own (`اعتقلوا مئات
            // المتظاهرين فقتلوا شخصا`: and then they killed).
            let then = |h: &Hit| {
                bytes::begins(r.word(h.start), &r.closed.then)
                    && !h.entry.words[0].starts_with(r.closed.then.as_str())
            };
            // Not a verb with a number of its own after it (`اختطفوا 20 شخصا وقتلوا 3 منهم`):
            // it is active, and counts that one. A number of things after it says by what
            // (`قضوا بأربعة تفجيرات`).
            let object_after = |h: &Hit| {
                h.end < n
                    && r.toks()[h.end].joined
                    && r.in_quantity[h.end]
                    && !self.conjoined_number(r, h.end)
                    && !self.unit_after(
                        r,
                        (h.end..n).find(|&k| !r.in_quantity[k]).unwrap_or(n),
                        false,
                    )
            };
            // After an opener, the word that closes it too (`فارق 3 أطفال الحياة`).
            if let Some(h) = r.hits(j).iter().find(|h| {
                (matches!(
                    h.entry.kind,
                    Kind::Cue {
                        after: true,
                        adjacent: false,
                        ..
                    }
                ) || (opener.is_some_and(|o| h.entry.closes(o.entry)) && !r.conjoined(h)))
                    && !then(h)
                    && !object_after(h)
            }) {
                return Some(*h);
            }
            // Not past a cue or a casualty noun of its own: the verb is that one's (`تلقى
            // 22 جثة و14 جريحا أصيبوا`).
            if !opened
                && r.hits(j).iter().any(|h| {
                    matches!(
                        h.entry.kind,
                        Kind::Cue {
                            category: Some(_),
                            after: false,
                            ..
                        } | Kind::Noun {
                            category: Some(_),
                            ..
                        }
                    )
                })
            {
                return None;
            }
            let in_aside = aside
                .zip(aside_end)
                .is_some_and(|(a, z)| (a..=z).contains(&r.clause[j]))
                || part;
            // The adjective one after a noun is no number of its own (`من عائلة واحدة`).
            if !opened
                && !in_aside
                && r.in_quantity[j]
                && !r.in_quantity[j - 1]
                && (j <= from || !r.single_at(j))
                && !self.behind_waw(r, j)
            {
                return None;
            }
            // Nor past a vague quantity, the subject of a verb of its own (`200 مقاتل في
            // الهجوم الذي خلف العشرات بين قتيل وجريح`); `others` go with the figure's noun
            // (`ثلاثة مغاربة آخرين في عداد المصابين`).
            if !opened
                && !in_aside
                && j > from
                && r.hits(j)
                    .iter()
                    .any(|h| h.entry.kind == Kind::Vague { others: false })
            {
                return None;
            }
            j += 1;
        }
        None
    }

    /// A number right after `هم` (the closed class `they`) behind a comma, the clause
    /// before it telling of the dead or wounded again, by a cue or a definite casualty noun
    /// (`أن المدنيين الذين قتلوا خلال الأيام الأربعة، هم 30 في حلب`): that cue and its
    /// category, the first part of a list of them.
    fn they_listed(&self, r: &Reading<'a>, fa: usize) -> Option<(Category, Hit<'a>)> {
        if fa < 2
            || !r.toks()[fa].joined
            || !r.closed.is_they(r.word(fa - 1))
            || r.clause[fa - 1] == r.clause[fa - 2]
            || r.sentence[fa - 1] != r.sentence[fa - 2]
        {
            return None;
        }
        let clause = r.clause[fa - 2];
        (fa.saturating_sub(THEY_REACH)..fa - 1)
            .rev()
            .take_while(|&t| r.clause[t] == clause)
            .find_map(|t| {
                r.hits(t).iter().find_map(|h| match h.entry.kind {
                    Kind::Cue {
                        category: Some(c), ..
                    } => Some((c, *h)),
                    Kind::Noun {
                        category: Some(c), ..
                    } if r.definite(t) => Some((c, *h)),
                    _ => None,
                })
            })
    }

    /// Is the figure at tokens `a..z` excluded for `category`? Exclusions for every
    /// category (`اعتقال 20 شابا`, `نزوح 3 ملايين شخص`) stand before the figure, up to two
    /// words before its cue; those for some categories (`65 إصابة جديدة بكورونا`) may also
    /// follow within three words, as may a rate's word before a unit of time (`وفاة واحد كل
    /// 20 ثانية`). Only within the clause of `a`.
    pub(super) fn excluded(&self, r: &Reading<'a>, a: usize, z: usize, category: Category) -> bool {
        self.exclusion(r, a, z, category).is_some()
    }

    /// The rule of the exclusion that [`Extractor::excluded`] finds.
    pub(super) fn exclusion(
        &self,
        r: &Reading<'a>,
        a: usize,
        z: usize,
        category: Category,
    ) -> Option<&'a str> {
        // After the figure, not past `و` opening a statement of its own (`قتل 12 شخصا وبلغت
        // نسبة الإصابات 2.5 بالمئة`): a word behind it that no rule reads as a whole.
        let and = r.closed.and.as_str();
        let conjunction = |j: usize| {
            r.word(j).starts_with(and)
                && !r.in_quantity[j]
                && !r
                    .hits(j)
                    .iter()
                    .any(|h| h.start == j && h.entry.words[0].starts_with(and))
        };
        // Counted by a partitive (`إصابة 7 من أسرة واحدة بتسمم غذائي`), from its noun on.
        let reach = if z < r.toks().len() && bytes::same(r.word(z), &r.closed.of) {
            5
        } else {
            3
        };
        let end = (z + reach).min(r.toks().len());
        // Asked only of an exclusion after the figure, which is rare.
        let past_conjunction = |j: usize| (z..=j).any(conjunction);
        // Inside brackets opened after the figure, which say what it came to (`201 طفلا
        // (بمعدل 7 أطفال يوميا)`).
        let in_brackets = |j: usize| (z..=j).any(|t| r.bracket_opens_before(t));
        (a.saturating_sub(2)..end)
            .filter(|&j| r.clause[j] == r.clause[a])
            .find_map(|j| {
                r.hits(j).iter().find(|h| match &h.entry.kind {
                    Kind::Exclude(None) => j < z && h.end <= z,
                    // `إنقاذ 25 شخصا`, not `لإنقاذ حالة مصاب`: the noun says they are hurt.
                    Kind::ExcludeUnhurt => {
                        j < z && h.end <= z && !(h.end..z).any(|t| r.has_casualty_noun(t))
                    }
                    // Right before the figure's number, or its noun of people when it opens
                    // it (`عدا شخص واحد`; not the toll's noun, `ذوي الضحايا إن 8 أشخاص`), the
                    // cue before them (`بجروح باستثناء 3`).
                    Kind::ExcludeGoverning => {
                        (a..z).contains(&h.end)
                            && (r.in_quantity[h.end]
                                || (h.end == a
                                    && r.hits(a).iter().any(|x| {
                                        matches!(x.entry.kind, Kind::Noun { category: None, .. })
                                    })))
                    }
                    // `لم يقتل سوى 3`: an exception after the negation affirms the figure.
                    Kind::Negation | Kind::Denial | Kind::Hedge => {
                        j < z
                            && h.end <= z
                            && !r.excepted(h.end, z)
                            && !(h.end..z).any(|k| r.word_in(k, &r.closed.because))
                    }
                    // `بكل من`, `لكل من`: in each of the places after it, no rate.
                    Kind::Exclude(Some(cats)) => {
                        cats.contains(&category)
                            && !(r.word_in(h.end - 1, &r.closed.per_each)
                                && h.end < r.toks().len()
                                && r.toks()[h.end].joined
                                && bytes::same(r.word(h.end), &r.closed.of))
                            && (j < z || (!past_conjunction(j) && !in_brackets(j)))
                    }
                    Kind::Rate => {
                        j >= z
                            && super::context::lasting(r, h.end).is_some()
                            && !past_conjunction(j)
                            && !in_brackets(j)
                    }
                    _ => false,
                })
            })
            .map(|h| h.entry.rule.as_str())
            .or_else(|| self.negated(r, a, z))
            .or_else(|| self.sentenced(r, a, z))
    }

    /// An execution among the figure's words at `a..z` after a court or its ruling in its
    /// sentence ([`Kind::Court`]): a sentence passed, no death. The court's rule.
    fn sentenced(&self, r: &Reading<'a>, a: usize, z: usize) -> Option<&'a str> {
        let z = z.min(r.toks().len());
        // An execution is a cue too: only words the rules read are asked.
        let at = (a..z).find(|&t| !r.hits(t).is_empty() && r.closed.is_execution(r.word(t)))?;
        let s = r.sentence[at];
        (0..at)
            .rev()
            .take_while(|&t| r.sentence[t] == s)
            .find_map(|t| r.hits(t).iter().find(|h| h.entry.kind == Kind::Court))
            .map(|h| h.entry.rule.as_str())
    }

    /// The negation that denies a figure with no number at tokens `a..z` from further
    /// before it in its clause (`لم يسفر الانفجار عن وقوع إصابات`, `ولم ترد أنباء عن
    /// إصابات`): up to [`NEGATION_REACH`] words before `a`, no number between, and no
    /// relative pronoun, which opens a clause of its own (`لم تتوقف الغارات التي أوقعت
    /// قتلى`). A figure with a number only by a denial of the reports that told it (`ونفى
    /// مصدر عسكري الأنباء عن مقتل 10 جنود`, the closed class `report`) or of its being so
    /// (`ونفى الجيش أن يكون قد قتل 20 مدنيا`, the closed class `denied_that`, before it in
    /// its reach); other negations deny it only from right before its cue: `لم يقتل سوى 3`
    /// counts three. A hedge denies any figure (`وقد يصل عدد القتلى إلى 100`).
    fn negated(&self, r: &Reading<'a>, a: usize, z: usize) -> Option<&'a str> {
        let numbered = (a..z.min(r.toks().len())).any(|j| r.in_quantity[j]);
        (a.saturating_sub(NEGATION_REACH)..a)
            .rev()
            .take_while(|&j| {
                r.clause[j] == r.clause[a] && !r.in_quantity[j] && !r.word_in(j, &r.closed.relative)
            })
            .find_map(|j| {
                r.hits(j).iter().find(|h| match h.entry.kind {
                    Kind::Negation => !numbered,
                    // A reason (`بسبب`, `لوجود`) opens what is so: no hedge reaches past it
                    // (`مرشح للارتفاع بسبب وجود 80 جريحا`).
                    Kind::Hedge => !(h.end..a).any(|k| r.word_in(k, &r.closed.because)),
                    // Of a figure with a number, a denial of the reports that told it, right
                    // before it or its `عن` (not `نفى الأنباء وقال إن 3 قتلوا`).
                    Kind::Denial => {
                        let about = |k: usize| r.word_in(k, &r.closed.about);
                        !numbered
                            || (h.end..a).any(|k| {
                                (r.closed.is_report(r.word(k))
                                    && (k + 1 == a || (k + 2 == a && about(k + 1))))
                                    || r.phrase_end(k, &r.closed.denied_that)
                                        .is_some_and(|e| e <= a)
                            })
                    }
                    _ => false,
                })
            })
            .map(|h| h.entry.rule.as_str())
    }

    pub(super) fn quantity_draft(
        &self,
        r: &Reading<'a>,
        qi: usize,
        before: &[Draft<'a>],
        used: &mut [bool],
    ) -> Result<Draft<'a>, Blocked<'a>> {
        let q = &r.quantities[qi];
        let (a, z) = r.q_toks[qi];
        // A figure restated right after it (`(15) خمسة عشر مصلياً`) is one with it: its
        // noun is the one after the restatement.
        let z = if qi + 1 < r.quantities.len() && restated(r, qi + 1) {
            r.q_toks[qi + 1].1
        } else {
            z
        };
        let fa = r.q_full_start[qi];
        // Right after `منهم`, `بينهم`: a part of the figure before.
        let after_of_them = fa > 0 && r.closed.of_them_or_among_them(r.word(fa - 1));
        if q.percent || a >= z {
            return Err(Blocked::NotPeople);
        }
        // `2.000 شخص`: people are not counted in fractions, so digits grouped by dots are
        // thousands, as some outlets write them.
        let grouped = match q.amount {
            Amount::Exact(_) => r.text().get(q.start..q.end).and_then(dot_thousands),
            _ => None,
        };
        let PeopleCount {
            count,
            low,
            high,
            vague,
        } = match grouped {
            Some(v) => {
                let (lo, hi) = q.bounds();
                PeopleCount {
                    count: Some(v),
                    low: lo.map(|_| v),
                    high: hi.map(|_| v),
                    vague: false,
                }
            }
            None => people_count(q).ok_or(Blocked::NotPeople)?,
        };
        // `،(28) ووفاة`: a bracketed figure not attached to the words before it is a note
        // reference.
        if !r.toks()[fa].joined && r.bracketed(fa) {
            return Err(Blocked::NoteReference);
        }
        // `عشرة أيام`, `28 من نيسان`, `6 صواريخ`: the figure counts something else; people
        // who are no casualty by themselves unless a cue stands right before their number
        // (`قضى 15 معتقلا`, not `و20 معتقلا`).
        let cued = fa > 0
            && r.toks()[fa].joined
            && r.hits(fa - 1).iter().any(|h| {
                h.end == fa
                    && matches!(
                        h.entry.kind,
                        Kind::Cue {
                            category: Some(_),
                            after: false,
                            ..
                        }
                    )
            });
        if self.unit_after(r, z, cued) || self.unit_before(r, a) {
            return Err(Blocked::Unit);
        }
        // A noun behind the conjunction starts the next figure: `مقتل ثلاثة وإصابة خمسة`.
        let mut noun = self.noun_at(r, z).filter(|h| !r.conjoined(h));
        // `شخص واحد`, `مصابان اثنان`: the noun before a one or a two, not across a comma
        // (`أصيب خمسة مدنيين، اثنان منهم`) nor behind `و` (`الأب واثنان من أبنائه`).
        let mut anchor = fa;
        if noun.is_none()
            && matches!(count, Some(1 | 2))
            && a > 0
            && r.toks()[a].joined
            && !self.behind_waw(r, a)
            && let Some(h) = (a.saturating_sub(2)..a)
                .rev()
                .flat_map(|j| r.hits(j))
                .find(|h| matches!(h.entry.kind, Kind::Noun { .. }) && h.end == a)
        {
            // A noun listed as a figure already (`سقوط 12 قتيلا وجريح واحد`): the number is
            // its adjective, no figure more.
            if used[h.start] {
                return Err(Blocked::Adjective);
            }
            noun = Some(*h);
            anchor = h.start;
        }
        // Digits right after a definite word that is no cue nor casualty noun, with nothing
        // counted after them, label that thing: `الجولة 14`, `اللواء 313`, `الكيلو 5`. Not
        // after a bare article (`تجاوزت الـ 50`) nor a word that merely begins as it does
        // (`إلى`, read `الي`): neither is definite. An indefinite accusative after them is
        // what they count, known noun or not (`قتلت قوات الأمن 14 محتجا`), and so are
        // `others` (`وقتلت الثانية 3 آخرين`).
        let others_next = z < r.toks().len() && r.toks()[z].joined && r.has_others(z);
        // People after `من` are counted too (`نعت فصائل المعارضة 5 من مقاتليها`), not
        // things (`الجولة 14 من المفاوضات`).
        let people_of = z + 1 < r.toks().len()
            && r.toks()[z].joined
            && r.partitive(z)
            && self.noun_at(r, z + 1).is_some_and(|h| {
                matches!(
                    h.entry.kind,
                    Kind::Noun { group: Some(_), .. }
                        | Kind::Noun {
                            category: Some(_),
                            ..
                        }
                )
            });
        // So is a case (`بباقي المحافظات 198 حالة`).
        let case_next = z < r.toks().len() && r.toks()[z].joined && r.closed.is_case(r.word(z));
        let counts_next = others_next
            || people_of
            || case_next
            || (z < r.toks().len()
                && r.toks()[z].joined
                && r.toks()[z].kind == TokKind::Word
                && !r.definite(z)
                && r.word(z).ends_with(r.closed.accusative.as_str()));
        if noun.is_none()
            && !counts_next
            && r.toks()[a].kind == TokKind::Digits
            && fa > 0
            && r.toks()[fa].joined
            && r.toks()[fa - 1].kind == TokKind::Word
            && r.definite(fa - 1)
            && r.hits(fa - 1)
                .iter()
                .all(|h| matches!(h.entry.kind, Kind::Unit { .. }))
            // Not the adjective of a definite noun of the dead or wounded before it (`عدد
            // الشهداء الموثقين 225 ألفا`): the figure is theirs.
            && !(fa > 1
                && r.toks()[fa - 1].joined
                && r.definite(fa - 2)
                && r.hits(fa - 2).iter().any(|h| {
                    h.end == fa - 1
                        && matches!(
                            h.entry.kind,
                            Kind::Noun {
                                category: Some(_),
                                form: Form::Plural,
                                ..
                            }
                        )
                }))
            // Nor the figure a running total's verb takes past its toll (`بلغت حصيلة
            // الشهداء خلال الحملة 300`), nor a toll's past its period (`عدد الجرحى منذ
            // بداية الحملة بنحو 3 آلاف`).
            && self.toll_before(r, fa).is_none()
            && self.before_period(r, fa, true).is_none()
            // Nor a number bounded by `at least` after it: a count (`قتل الاثنين 21 على
            // الأقل`, Monday then the dead).
            && self.at_least_after(r, z).is_none()
        {
            return Err(Blocked::Label);
        }
        // A year with nothing counted after it is a date; so is one after a word of time
        // (`عام 2005 بوفاة 19 ألفا`, `سنة 1982`), whatever follows it.
        // Written in digits: a year in words is a count (`قتل ألفان من المدنيين`).
        // Not what a running total's toll reached, right after its `إلى` (`ارتفعت حصيلة
        // الوفيات إلى 1922`) or a verb of reaching (`تجاوز عدد قتلى الجيش 2000`), unless a year
        // before `إلى` makes a range (`من 2011 إلى 2015`).
        let reached = fa > 1
            && (r.to_before(fa) || (r.toks()[fa].joined && r.word_in(fa - 1, &r.closed.reached)))
            && !r
                .quantity_of(fa - 2)
                .is_some_and(|qi| is_year(&r.quantities[qi]))
            && self.toll_before(r, fa).is_some();
        let year = is_year(q) && r.toks()[a].kind == TokKind::Digits && !reached;
        // Not behind `و`, which starts another of what is listed (`الأب واثنان من أبنائه`).
        let after_time_word = r.after_unit(fa) && !self.behind_waw(r, a);
        // Any number right after a word of time with nothing counted after it is a date or
        // a time (`منذ يوم 24`, `الساعة 5`); `others` after it are people counted.
        // Cases counted after it are people (`عدد الوفيات منذ بداية العام 480 حالة`).
        let cases_next = z < r.toks().len() && r.toks()[z].joined && r.closed.is_case(r.word(z));
        if (year && after_time_word)
            || ((year || after_time_word) && noun.is_none() && !others_next && !cases_next)
        {
            return Err(Blocked::Date);
        }
        // `واحد` with no noun on either side is a pronoun (`عائلة واحدة`, `كواحد من`).
        let in_words = r.toks()[a].kind == TokKind::Word;
        if noun.is_none() && in_words && count == Some(1) {
            return Err(Blocked::Pronoun);
        }
        // `آخرين`, `العديد`: a figure with no noun of its own.
        let others = z < r.toks().len() && r.toks()[z].joined && r.has_vague(z);
        let partitive = noun.is_none() && r.partitive(z);
        // `بين اثنتين من كبرى قبائل الإقليم`: between so many of something that is no people
        // nor casualties.
        if partitive
            && fa > 0
            && r.toks()[fa].joined
            && r.word_in(fa - 1, &r.closed.among)
            && self.noun_at(r, z + 1).is_none()
        {
            return Err(Blocked::Between);
        }
        let (mut noun_cat, noun_group) = match noun.map(|h| &h.entry.kind) {
            Some(Kind::Noun {
                category, group, ..
            }) => (*category, *group),
            _ => (None, None),
        };
        let mut after_noun = noun.map_or(z, |h| h.end.max(z));
        // `300 قتيل وجريح`: the dead and the wounded together, one figure for both. Both
        // nouns singular, as a count over ten takes them: after a plural, a noun behind `و`
        // starts the next figure (`7 قتلى وإصابة العديد`, `خمس شهداء وإصابات`).
        let singular = |h: &Hit| {
            matches!(
                h.entry.kind,
                Kind::Noun {
                    form: Form::Singular,
                    ..
                }
            )
        };
        if let Some(c) = noun_cat
            && noun.is_some_and(|h| singular(&h))
            && let Some(other) = self
                .noun_at(r, after_noun)
                .filter(|h| r.conjoined(h) && singular(h))
            && let Kind::Noun {
                category: Some(c2), ..
            } = other.entry.kind
            && c2 != c
        {
            noun_cat = Some(Category::KilledOrWounded);
            after_noun = other.end;
        }
        // `وأحصي 12 من القتلى`, `5 من الجرحى`: the noun of the dead or the wounded after a
        // partitive says what the figure counts. A number of victims is of the dead (`17
        // شخصا من بين الضحايا`), as the victims of a toll with its figure are; not the dead
        // and the wounded named together (`5 من القتلى والجرحى`).
        let mut partitive_noun = None;
        if noun_cat.is_none() {
            let mut k = after_noun;
            while k < r.toks().len() && k < after_noun + 2 && r.partitive(k) {
                k += 1;
            }
            if k > after_noun
                && let Some(h) = self.noun_at(r, k)
                && let Kind::Noun {
                    category: Some(c),
                    form: Form::Plural,
                    ..
                } = h.entry.kind
                && (c != Category::KilledOrWounded || h.entry.words.len() == 1)
                // Definite: the dead or the wounded the figure is a part of. Or, after the
                // people it counts, wounds they were treated for (`عولج 12 شخصا من إصابات
                // مختلفة`).
                && (r.definite(h.start) || (c == Category::Wounded && noun.is_some()))
            {
                noun_cat = Some(counted_victims(c));
                after_noun = h.end;
                partitive_noun = Some(h);
            }
        }
        // `40 شخصا بين قتيل وجريح`, `سقط 5 مدنيين قتلى`: a casualty noun right after the
        // noun counted says what it counts (not one behind `و`: `5 مدنيين وقتيل`); so does
        // one right after `others` (`قتل ثلاثة، و5 آخرون مصابون`: wounded, whatever the
        // figure before).
        let others_at = (noun.is_none() && z < r.toks().len() && r.has_others(z)).then_some(z + 1);
        let mut described_by = None;
        if noun_cat.is_none()
            && (noun.is_some() || others_at.is_some())
            && let Some(h) = self
                .noun_at(r, others_at.unwrap_or(after_noun))
                .filter(|h| !r.conjoined(h) && r.toks()[h.start].joined)
            && let Kind::Noun {
                category: Some(c), ..
            } = h.entry.kind
        {
            noun_cat = Some(c);
            after_noun = h.end;
            described_by = Some(h);
        }
        let FigureCue {
            hit: cue,
            category: cue_cat,
            governed,
            shared: cue_shared,
            toll,
        } = self.figure_cue(r, a, anchor);
        // `سقوط 22 مدنيا برصاص قوات الأمن`, `سقوط 22 من المدنيين برصاص`: people who fell,
        // to fire or shelling right after them, are dead; so are people who fell as what a
        // verb of result left (`أسفرت المعارك عن سقوط 27 من مقاتلي المعارضة`) or a toll
        // documented (`وثق المرصد سقوط 70 شخصا`). Not
        // captives (`سقوط 7 من عناصره أسرى`), nor people who fell from somewhere.
        let cue_cat = cue_cat.or_else(|| {
            let n = r.toks().len();
            let fell = cue.filter(|h| r.closed.is_fell(r.word(h.start)))?;
            let people_end = match noun {
                Some(_) => after_noun,
                None if partitive => self
                    .noun_at(r, z + 1)
                    .filter(|h| matches!(h.entry.kind, Kind::Noun { category: None, .. }))
                    .map(|h| r.past_definite_genitive(h.end))?,
                None => return None,
            };
            // Captives, or a fall from somewhere (`سقوط 4 أشخاص من الطابق الثالث`).
            let captive = people_end < n
                && r.toks()[people_end].joined
                && (bytes::same(r.word(people_end), &r.closed.of)
                    || r.hits(people_end)
                        .iter()
                        .any(|h| matches!(h.entry.kind, Kind::Unit { cued: true, .. })));
            // A verb of documenting a toll a few words before, in the clause (`وثق المرصد
            // سقوط 70 شخصا`).
            let documented = || {
                (fell.start.saturating_sub(3)..fell.start).any(|k| {
                    r.clause[k] == r.clause[fell.start] && r.closed.is_documented(r.word(k))
                })
            };
            // A casualty noun a few words on says what they fell as (`سقوط 60 من مقاتلي
            // الفصائل ما بين قتيل وجريح`).
            let described = (people_end..(people_end + 4).min(n))
                .any(|t| r.clause[t] == r.clause[fell.start] && r.has_casualty_noun(t));
            (noun_cat.is_none()
                && !captive
                && !described
                && ((people_end < n && self.means_at(r, people_end, usize::MAX))
                    || r.after_result(fell.start)
                    || documented()))
            .then_some(Category::Killed)
        });
        let noun_group = noun_group.or(governed.and_then(|(_, g)| g));
        // `توفي 5 مصابين بالفيروس`, `وفاة 3 من الجرحى`: a cue of the dead right before the
        // figure of the wounded, or an adverb after it (`وفارق الحياة لاحقا 2 من المصابين`),
        // counts the dead among them.
        if cue_cat == Some(Category::Killed)
            && noun_cat == Some(Category::Wounded)
            && cue.is_some_and(|h| {
                (h.end == fa || r.past_adverb(h.end) == Some(fa)) && r.toks()[fa].joined
            })
            && !self.behind_waw(r, a)
        {
            noun_cat = None;
            partitive_noun = None;
        }
        // `وفارق 3 من الجرحى الحياة`: an opener's close of the dead after the wounded it
        // counts them among; it is the figure's cue after it.
        let opener = r.opener_before(fa);
        let opened = opener.is_some();
        let mut after = None;
        if noun_cat == Some(Category::Wounded)
            && partitive_noun.is_some()
            && cue_cat.is_none()
            && opened
        {
            after = self.cue_after(r, after_noun, opener).filter(|h| {
                matches!(
                    h.entry.kind,
                    Kind::Close {
                        category: Category::Killed,
                        ..
                    } | Kind::Cue {
                        category: Some(Category::Killed),
                        ..
                    }
                )
            });
            if after.is_some() {
                noun_cat = None;
                partitive_noun = None;
            }
        }
        if after.is_none() && noun_cat.is_none() && cue_cat.is_none() {
            after = self.cue_after(r, after_noun, opener);
        }
        let after_cat = after.and_then(|h| match h.entry.kind {
            Kind::Cue { category, .. } => category,
            Kind::Close { category, .. } => Some(category),
            _ => None,
        });
        let same_sentence_prev = before
            .last()
            .filter(|p| r.sentence[p.last] == r.sentence[a]);
        // `ارتفع إلى 17 عدد القتلى`: the toll the figure reached, named after it.
        let toll_after = (noun.is_none() && cue_cat.is_none() && after_cat.is_none())
            .then(|| self.toll_after(r, fa, z))
            .flatten();
        // `قتل 10 أشخاص في حلب و5 في إدلب`: a bare number behind `و` with a place of its
        // own is another figure of the one before, in another place; not a part of it.
        // So is one right after its place behind `و` and `في` (`سجل في دمشق 20 قتيلا، وفي
        // حمص 11`).
        // Or, with its place, right after a comma that ends the figure before and its own
        // place: the next of a list by place (`وتوزع القتلى كالتالي: 5 في حلب، 3 في إدلب`).
        let listed_by_place = || {
            same_sentence_prev.is_some_and(|p| {
                r.clause[a] == r.clause[p.last] + 1
                    && a.saturating_sub(p.last) <= 5
                    && !r.toks()[a].joined
            })
        };
        let placed_after =
            noun.is_none() && (self.behind_waw(r, a) || listed_by_place()) && self.place_at(r, z);
        let placed_before = noun.is_none() && !placed_after && self.and_in_place_before(r, fa);
        let by_place = (placed_after || placed_before)
            && !partitive
            && !others
            && !after_of_them
            && same_sentence_prev.is_some_and(|p| {
                // The figure before has its own place right after it, or before its number
                // in its clause (`على حمص التي نالت النصيب الأكبر بسقوط 14 قتيلا، وتسعة في
                // إدلب`, `وسقط في حلب 20 قتيلا و6 في حمص`).
                let placed_earlier = || {
                    (p.first.saturating_sub(PLACE_BEFORE_REACH)..p.at)
                        .any(|k| r.clause[k] == r.clause[p.at] && self.place_at(r, k))
                };
                !p.flags.contains(&Flag::Breakdown)
                    && a.saturating_sub(p.last) <= 12
                    && (placed_before
                        || self.place_at(r, p.last + 1)
                        || (placed_after && placed_earlier()))
            });
        // `تلتها حمص بـ 40، ثم إدلب بـ 35`: a place's figure in a ranking, behind `بـ` right
        // after the place's name, after a figure of its sentence: another figure of its kind
        // in another place, as `by_place` is.
        let ranked = noun_cat.is_none()
            && cue_cat.is_none()
            && !partitive
            && !others
            && fa >= 2
            && r.toks()[fa].joined
            && r.closed.is_ranked_by(r.word(fa - 1))
            && self.place_ends_at(r, fa - 2)
            && same_sentence_prev.is_some_and(|p| a.saturating_sub(p.last) <= 12);
        // `وارتفع العدد لاحقا إلى 7`: taken only when no cue, noun or toll says more.
        let total_verb = || {
            self.total_verb_before(r, fa).and_then(|(h, headed)| {
                let p = if headed {
                    before.last()?
                } else {
                    same_sentence_prev?
                };
                Some((h, p))
            })
        };
        let mut verb_start = None;
        let mut toll_of = None;
        let mut they_total = None;
        let (category, rule, inherited, construction) = if let Some(c) = noun_cat {
            let rule = described_by
                .or(noun)
                .or(partitive_noun)
                .map(|h| h.entry.rule.as_str());
            (c, rule, false, by::NUMBER_NOUN)
        } else if let Some(c) = cue_cat {
            let construction = if toll {
                by::NUMBER_TOLL
            } else {
                by::NUMBER_CUE
            };
            (c, cue.map(|h| h.entry.rule.as_str()), false, construction)
        } else if let Some(c) = after_cat {
            let rule = after.map(|h| h.entry.rule.as_str());
            (c, rule, false, by::NUMBER_CUE_AFTER)
        } else if let Some((c, h)) = toll_after {
            (c, Some(h.entry.rule.as_str()), false, by::NUMBER_TOLL_AFTER)
        } else if let Some(p) = same_sentence_prev.filter(|_| by_place) {
            (p.category, Some(p.rule), true, by::NUMBER_BY_PLACE)
        } else if let Some((p, h)) = same_sentence_prev
            .zip(cue)
            .filter(|&(_, h)| {
                // `فيما سقط أربعة آخرون في حماه`: a verb of falling before more of the people
                // counted before in the sentence: of their category and group. Not of the
                // wounded: falling says the dead, and wounded others are told by their verb
                // (`وأصيب أكثر من عشرين آخرين … بينما سقط ستة آخرون في إدلب`: not six wounded).
                others && noun_cat.is_none() && r.closed.is_fell(r.word(h.start))
            })
            .filter(|&(p, _)| p.category != Category::Wounded)
        {
            (
                p.category,
                Some(h.entry.rule.as_str()),
                true,
                by::NUMBER_CUE,
            )
        } else if let Some(p) = same_sentence_prev.filter(|_| ranked) {
            (p.category, Some(p.rule), true, by::NUMBER_RANKED)
        } else if let Some((h, p)) = cue.filter(|h| self.bare_toll(r, h)).zip(before.last()) {
            // `بلغت الحصيلة نحو 120`: a toll named by its head alone is of what the
            // figures before it counted, and shares a period's scope with them (`وثق
            // المرصد مقتل 1450 شخصا خلال الشهر الفائت. وتتوزع الحصيلة إلى 500 مدني`).
            toll_of = Some(p.at);
            (
                p.category,
                Some(h.entry.rule.as_str()),
                false,
                by::NUMBER_TOLL_BARE,
            )
        } else if let Some((h, p)) = total_verb() {
            // `وارتفع العدد لاحقا إلى 7`, `قبل أن ترتفع إلى 11`: the toll the figures
            // before it counted, risen; unnamed, of a figure of its own sentence. The quote
            // starts at the verb.
            verb_start = Some(h.start);
            (
                p.category,
                Some(h.entry.rule.as_str()),
                false,
                by::NUMBER_TOLL_BARE,
            )
        } else if let Some(p) = same_sentence_prev.filter(|p| {
            // A noun a cue counted may have a long name after it, in its clause (`قتل عضو
            // اللجنة الثورية لجماعة الحوثي ورئيس الدائرة … أحمد مهدي و3 من مرافقيه`).
            // So may a place's long description before `و` and more of the people
            // counted (`سبعة آخرين في غارات استهدفت سوقا شعبيا في مدينة بنش في ريف إدلب
            // الشمالي الشرقي وأربعة آخرين في بلدة النيرب`).
            (a.saturating_sub(p.last) <= 12
                || ((p.construction == by::NOUN_AFTER_CUE || (others && self.behind_waw(r, a)))
                    && r.clause[a] == r.clause[p.last]))
                && !self.own_predicate(r, fa)
                && !r.verb_of_its_own(after_noun)
                && (((noun.is_some() || partitive || others)
                    && self.listed_after(r, p.last, fa, a))
                    // Right after `منهم`, `بينهم`: one part of a distribution (`منهم 30 في
                    // حلب`).
                    || after_of_them
                    // Right after a colon that closes the figure before, a bare number with
                    // its place: the first part of a distribution (`مقتل 25 شخصا: 10 في دوما،
                    // و8 في حرستا`).
                    || (noun.is_none()
                        && fa == p.last + 1
                        && r.colon_before(fa)
                        && self.place_at(r, z))
                    // A list of parts goes on after `و` whatever it counts (`خمسة منهم من
                    // رجال الأمن، وستة متدربين، وأربعة من العاملين`).
                    || (p.flags.contains(&Flag::Breakdown) && self.behind_waw(r, a))
                    // or after a comma, a bare number (`و22 في إدلب، 9 بحماة`).
                    || (p.flags.contains(&Flag::Breakdown)
                        && noun.is_none()
                        && r.clause[a] == r.clause[p.last] + 1
                        && a.saturating_sub(p.last) <= 4))
        }) {
            (p.category, Some(p.rule), true, by::NUMBER_COORDINATED)
        } else if let Some((c, h)) = self.they_listed(r, fa) {
            // Only as a part of a total told before that holds it: alone it says nothing
            // sure of what it counts.
            let total = before.iter().rev().find(|t| {
                t.category == c
                    && !t.flags.contains(&Flag::Breakdown)
                    && t.count.zip(count).is_some_and(|(t, n)| n <= t)
                    && r.sentence[a] - r.sentence[t.at] <= 1
            });
            let Some(total) = total else {
                return Err(Blocked::NoCue);
            };
            they_total = Some(total.at);
            (
                c,
                Some(h.entry.rule.as_str()),
                false,
                by::NUMBER_THEY_LISTED,
            )
        } else {
            return Err(Blocked::NoCue);
        };
        // A cue of the dead before a noun of the wounded, or the other way round, is not the
        // figure's cue (`45 إصابة جديدة بكورونا و3 وفيات`): the quote starts at the figure.
        // One for both (`حصيلة ضحايا القصف إلى 50 قتيلا`) is.
        let opposed = |c: Category| {
            matches!(
                (c, noun_cat),
                (Category::Killed, Some(Category::Wounded))
                    | (Category::Wounded, Some(Category::Killed))
            )
        };
        let own_cue = cue.filter(|_| !cue_cat.is_some_and(opposed) && !cue_shared);
        let first = own_cue.map_or(anchor, |h| h.start.min(anchor));
        let first = verb_start.map_or(first, |v| v.min(first));
        if let Some(rule) = self.exclusion(r, first, after_noun, category) {
            return Err(Blocked::Excluded(rule));
        }
        let coordinated = same_sentence_prev.is_some_and(|p| noun.is_none() || first <= p.last + 2);
        // The figure it shares a running total's scope with: not when it has a verb of its
        // own that names its category (`ارتفعت حصيلة القتلى إلى 11 وأصيب 46 شخصا`: today's
        // wounded), which starts a statement of its own.
        let own_statement = !inherited
            && own_cue.is_some_and(|h| {
                matches!(
                    h.entry.kind,
                    Kind::Cue {
                        category: Some(_),
                        after: false,
                        ..
                    }
                ) && h.start > same_sentence_prev.map_or(0, |p| p.last)
            });
        let partner = same_sentence_prev
            .filter(|_| (inherited || partitive || others || coordinated) && !own_statement)
            .map(|p| p.at)
            // `17 شخصا من بين الضحايا`: a part of the victims told before, in a sentence of
            // their own: of the last figure of its category, whose scope it shares.
            .or_else(|| {
                partitive_noun
                    .and(before.last())
                    .filter(|p| p.category == category)
                    .map(|p| p.at)
            })
            .or(toll_of);
        // The word `others` stands after the number with no noun, unless a casualty noun
        // after it described the figure (and `after_noun` is past both).
        let past_others = usize::from(others && noun.is_none() && described_by.is_none());
        // A group named after the figure (`مقتل 10 من قوات النظام`) is in its quote; a
        // person noun gives way to it (`28 شخصا من عناصر التنظيم`).
        // After `آخرين` (`و9 آخرين من المرتزقة`) the group is named past it.
        // Past a lower bound, too (`وقتل ثلاثة على الأقل من عناصر القاعدة`).
        let group_from = after_noun + past_others;
        let group_from = self.at_least_after(r, group_from).unwrap_or(group_from);
        let named = noun_group
            .is_none_or(|g| g == Group::Unspecified)
            .then(|| self.group_noun_after(r, group_from))
            .flatten();
        let noun_group = noun_group.filter(|&g| g != Group::Unspecified || named.is_none());
        let group = noun_group
            .or(named.map(|(g, _)| g))
            // `الضحايا من المدنيين تجاوزت الـ 50`: the group named after the cue with `من`.
            // Without it, the noun after a verb is who did it (`قتلت الشرطة 14 محتجا`).
            .or_else(|| {
                cue.filter(|h| r.partitive(h.end))
                    .and_then(|h| self.group_after(r, h.end))
            })
            .unwrap_or(Group::Unspecified);
        // The first part of a list after `هم`, of no group of its own, is of its total's.
        let group = match they_total {
            Some(t) if group == Group::Unspecified => before
                .iter()
                .rev()
                .find(|x| x.at == t)
                .map_or(group, |x| x.group),
            _ => group,
        };
        // No group of its own and no `من …` after it: the group of the figure before, when
        // coordinated with it (`أودى بحياة 229 مدنيًا وأصاب 727`, `وإصابة 20 آخرين`, `مقتل
        // 48 مدنيًا و132 مصابًا`); not for a total of a noun of its own (`حصيلة القتلى …
        // إلى 120`).
        // A part of no noun is of its total's group (`قتل 50 مدنيا، منهم 30 في حلب`).
        // A noun of people of its own keeps its group (`قتل 3 أطفال وأصيب 7 أشخاص`: the 7
        // are of no group); a casualty noun names none (`و132 مصابًا`).
        let own_people =
            noun.is_some_and(|h| matches!(h.entry.kind, Kind::Noun { group: Some(_), .. }));
        // A toll's figure counts the toll's people, whoever was counted before it (`قضى شاب
        // متأثرا بجراحه، ليرتفع عدد ضحايا الانفجار إلى ثلاثة`: not three young men).
        // So does the figure a toll named by its head alone rose to (`توفي رجل وامرأة ما يرفع
        // العدد إلى 20`).
        let of_toll =
            toll || cue.is_some_and(|h| r.headed(&h)) || toll_of.is_some() || verb_start.is_some();
        let borrows = (!partitive
            && !of_toll
            && (!inherited || noun.is_none() || others)
            && governed.is_none())
        .then_some(if others {
            Some(Borrow::Others)
        } else if noun.is_none() {
            Some(Borrow::Bare)
        } else if !own_people {
            Some(Borrow::Adjacent)
        } else {
            None
        })
        .flatten();
        let own_end = toll_after.map_or(after_noun + past_others, |(_, h)| h.end);
        // A verb after the noun that figures coordinated with this one share (`12 جنديا
        // وخمسة من أفراد الطاقم قتلوا`) is not in this one's quote.
        // The adjective one after a noun is no figure (`من عائلة واحدة قتلوا`).
        let shared_after = after.is_some_and(|h| {
            (own_end.min(h.start)..h.start).any(|t| r.in_quantity[t] && !r.single_at(t))
        });
        let last = after.filter(|_| !shared_after).map_or(own_end, |h| h.end) - 1;
        let last = named.map_or(last, |(_, end)| last.max(end - 1));
        // The words between the noun and a verb after it stay free for what they say
        // (`لقي 13 شخصا بينهم طفلان مصرعهم`: the two children are a part of the 13).
        // So do the words of a part told between the figure and its toll (`ارتفع إلى 9
        // بينهم طفلان وسيدة عدد الشهداء`).
        let toll_past_part = toll_after
            .map(|(_, h)| h)
            .filter(|h| h.start > after_noun + 1);
        match after.filter(|_| !shared_after && named.is_none()) {
            Some(h) => {
                used[first..own_end.max(first + 1)].fill(true);
                used[h.start..h.end].fill(true);
            }
            None => match toll_past_part {
                Some(h) => {
                    used[first..after_noun.max(first + 1)].fill(true);
                    used[h.start - 1..h.end].fill(true);
                }
                None => used[first..=last].fill(true),
            },
        }
        // A figure that takes its category from the one before breaks it down when that one
        // is a total (of no group or civilians) or a part itself; after a figure of another
        // group it is a figure of its own (`مقتل 10 من قوات النظام و5 من الفصائل`).
        let mut flags = Vec::new();
        // Not of a total smaller than it (`قتل عضو … و3 من مرافقيه`: three more than one);
        // after a part, any size (`منهم 4 في إدلب و9 في حلب`: parts of one total).
        // Right after `بينهم`, `منهم`, or with `منهم` after it, a part of any total's group
        // (`قتل 5 جنود، بينهم اثنان من الضباط`).
        let of_them =
            after_of_them || (z < r.toks().len() && r.closed.of_them_or_among_them(r.word(z)));
        // A total placed right after its words, and this figure placed after its own in its
        // clause: two figures of two places, not a part (`مقتل ثلاثة مواطنين في حمص وأحد
        // مقاتلي المعارضة في دير الزور`).
        let placed_apart = |p: &Draft<'a>| {
            self.place_at(r, p.last + 1)
                && (z..(z + SIBLING_PLACE_REACH).min(r.toks().len()))
                    .take_while(|&k| r.clause[k] == r.clause[a] && !r.in_quantity[k])
                    .any(|k| self.place_at(r, k))
        };
        if inherited
            && !by_place
            && !ranked
            && same_sentence_prev.is_some_and(|p| {
                let part = p.flags.contains(&Flag::Breakdown);
                let smaller = p.count.zip(count).is_none_or(|(total, n)| n <= total);
                (part
                    || (matches!(p.group, Group::Unspecified | Group::Civilian)
                        && smaller
                        && !placed_apart(p)))
                    // Fighters are no part of civilians (`مقتل 4 مدنيين و3 عسكريين`), but
                    // may follow them as parts of one total (`قتل 12، منهم 5 مدنيين و7
                    // عسكريين`).
                    && !(p.group == Group::Civilian && group == Group::Combatant && !part)
                    // Nor more of the same people as a total (`مقتل 9 مدنيين في كفرنبل و4
                    // مدنيين في البارة`), told after the total or after one of its parts
                    // (`9 مدنيين بينهم 3 أطفال في كفرنبل و4 مدنيين في البارة`), nor others
                    // after a total (`7 مدنيين في إدلب و4 آخرين في بنش`).
                    // People of no group after a total of no group, counted by a noun of
                    // their own, are more people too (`مقتل 540 شخصا على يد جهات لم يسمها،
                    // و284 شخصا على يد التنظيمات`), not after a part of it (`بينهم 5 أطفال
                    // وستة متدربين`).
                    && !(own_people && (group != Group::Unspecified || !part) && {
                        let total = if part {
                            before.iter().rev().find(|t| Some(t.at) == p.partner)
                        } else {
                            Some(p)
                        };
                        total.is_some_and(|t| t.group == group && !t.flags.contains(&Flag::Breakdown))
                    })
                    && (!others || part)
                    || (of_them && smaller)
            })
            // Nor people besides those counted before (`بالإضافة إلى 20 عنصرا`).
            && !r.besides_before(fa)
        {
            flags.push(Flag::Breakdown);
        }
        // With no cue, a number of the dead or the wounded told of before, behind its
        // partitive (`6 من المصابين غادروا المستشفى`, `4 من القتلى أطفال`), is a part of
        // them, not more.
        if noun.is_none()
            && cue.is_none()
            && after.is_none()
            && partitive_noun.is_some_and(|h| r.definite(h.start))
            && !flags.contains(&Flag::Breakdown)
        {
            flags.push(Flag::Breakdown);
        }
        // After a part of a distribution, the next part behind `و` may name the casualty
        // noun itself (`منهم 30 في حلب، وقتيل واحد في درعا`): a part still, not more dead.
        let listed_part = !inherited
            && own_cue.is_none()
            && noun_cat == Some(category)
            && (self.behind_waw(r, a) || bytes::begins(r.word(anchor), &r.closed.and))
            && same_sentence_prev.is_some_and(|p| p.continued_by_part(a, category));
        // `ومن بين القتلى 5 أطفال`: the cue says the figure is a part of a total; not one
        // that closes the figure before, whose part it says it is (`16 طفلا من بين القتلى،
        // و44 قتيلا في حماة`).
        if own_cue.is_some_and(|h| {
            matches!(h.entry.kind, Kind::Cue { part: true, .. })
                && same_sentence_prev.is_none_or(|p| p.last < h.start)
        }) && !flags.contains(&Flag::Breakdown)
        {
            flags.push(Flag::Breakdown);
        }
        // Right after `بينهم`, `منهم`, a part of the figure before though the verb after it
        // is the one they share (`إن 11 شخصا من بينهم ثمانية مدنيين قتلوا`).
        // So is a number with `منهم` right after it and a verb after that, the cue before it
        // none (`21 من أبناء العشائر، 3 منهم مدنيون أعدموا ميدانيا`).
        let of_them_after =
            z < r.toks().len() && r.closed.of_them_or_among_them(r.word(z)) && own_cue.is_none();
        let shared_part = !inherited
            && (after_of_them || of_them_after)
            && !flags.contains(&Flag::Breakdown)
            && same_sentence_prev.is_some_and(|p| {
                p.category == category && p.count.zip(count).is_none_or(|(t, n)| n <= t)
            });
        // A bare number behind `و` with a verb of its own after it, right after a part of
        // the same category, goes on the list of parts (`ومن بينهم 21 طفلا و8 سيدات وخمسة
        // قتلوا بسبب التعذيب`): a part of that total, not more dead.
        let verb_part = construction == by::NUMBER_CUE_AFTER
            && noun.is_none()
            && !flags.contains(&Flag::Breakdown)
            && self.behind_waw(r, a)
            && same_sentence_prev.is_some_and(|p| {
                p.category == category
                    && p.flags.contains(&Flag::Breakdown)
                    && before
                        .iter()
                        .rev()
                        .find(|t| Some(t.at) == p.partner)
                        .is_some_and(|t| t.count.zip(count).is_some_and(|(t, n)| n <= t))
            });
        if verb_part {
            flags.push(Flag::Breakdown);
        }
        if they_total.is_some() && !flags.contains(&Flag::Breakdown) {
            flags.push(Flag::Breakdown);
        }
        let (partner, construction) = if let Some(t) = they_total {
            (Some(t), construction)
        } else if verb_part {
            (same_sentence_prev.and_then(|p| p.partner), construction)
        } else if listed_part {
            flags.push(Flag::Breakdown);
            (same_sentence_prev.map(|p| p.at), by::NUMBER_PART)
        } else if shared_part {
            flags.push(Flag::Breakdown);
            (same_sentence_prev.map(|p| p.at), construction)
        } else {
            (partner, construction)
        };
        // `قتل 4 أشخاص على الأقل`, `مقتل 20 على الأقل`: a lower bound after the figure or
        // its noun is the figure's, and in its quote; so is one between the noun and a cue
        // after it (`إن 10 أشخاص على الأقل قتلوا`).
        let within = after_noun <= last
            && self
                .at_least_after(r, after_noun)
                .is_some_and(|end| end <= last);
        // A part inside the quote before a cue after it stays a part of its own (`13 شخصا
        // على الأقل بينهم طفلان مصرعهم`): the bound found there marks no words used.
        let (low, high, approx, last, mark) = match self.at_least_after(r, last + 1) {
            Some(end) if count.is_some() && !vague => (count, None, true, end - 1, true),
            _ if within && count.is_some() && !vague => (count, None, true, last, false),
            _ => (low, high, q.is_approx(), last, q.is_approx()),
        };
        if mark && last >= first {
            used[first..=last].fill(true);
        }
        Ok(Draft {
            category,
            count,
            low,
            high,
            approx,
            vague,
            group,
            first,
            last,
            rule: rule.unwrap_or_default(),
            construction,
            flags,
            at: a,
            partner,
            borrows,
        })
    }

    /// Does a word no rule reads but for a cause or a weapon, with `و` on it, stand right
    /// before the figure starting at `fa`: a verb of its own that says what happened to it (`وفاة 3 عمال ونقل 5 آخرين إلى
    /// المستشفى`, `وفقد 10 آخرون`)? Then it is no more of the figure before.
    pub(super) fn own_predicate(&self, r: &Reading<'a>, fa: usize) -> bool {
        if fa == 0 || !r.toks()[fa].joined || r.toks()[fa - 1].kind != TokKind::Word {
            return false;
        }
        let w = r.word(fa - 1);
        let Some(stem) = w.strip_prefix(r.closed.and.as_str()) else {
            return false;
        };
        // A verb that says only the cause or the weapon is one of its own too (`وانهار 4
        // مبان`).
        stem.chars().count() >= 3
            && r.hits(fa - 1)
                .iter()
                .all(|h| matches!(h.entry.kind, Kind::Cause(_) | Kind::Weapon(_)))
            && !r.closed.is_partitive(stem)
            && !self.place_at(r, fa - 1)
    }

    /// Does a number at token `k` that became a figure count the noun before it (`رجل 5`)?
    /// Not when it is joined by `و` (`رجل وامرأة وثلاثة أطفال`): it counts the next.
    pub(super) fn counted_by_next(&self, r: &Reading<'a>, k: usize, used: &[bool]) -> bool {
        k < r.toks().len()
            && r.in_quantity[k]
            && used[k]
            && r.word(k) != r.closed.and
            && !self.behind_waw(r, k)
    }

    /// Does the figure whose words start at `fa` (its number at `a`), with a noun, a
    /// partitive or `others` after it, stand as one more of a list after the figure before
    /// it, ending at `last`: right after it, behind `و`, past a comma, or after a partitive,
    /// the pronoun of a list (`هم`) or a word that adds to it (`مع`)? Not after a word of
    /// something else, which makes it a figure of that (`مع دخول 3 آلاف جندي`, `بينما نجا
    /// 14 آخرون`, `وتم إجلاء 150 من السكان`).
    pub(super) fn listed_after(&self, r: &Reading<'a>, last: usize, fa: usize, a: usize) -> bool {
        let before = fa.wrapping_sub(1);
        fa == last + 1
            || !r.toks()[fa].joined
            || self.behind_waw(r, a)
            || bytes::begins(r.word(fa), &r.closed.and)
            || r.together_before(fa)
            || (fa > 0
                && (bytes::same(r.word(before), &r.closed.and)
                    || r.partitive(before)
                    || r.closed.is_they(r.word(before))))
            || r.besides_before(fa)
            || r.distributed_before(fa)
    }

    /// Is the number at token `t` joined to what comes before by `و`: the word `و` before
    /// it (`و 3`), or written on it (`وثلاثة`, not `واحد`)?
    pub(super) fn behind_waw(&self, r: &Reading<'a>, t: usize) -> bool {
        (t > 0 && r.toks()[t].joined && bytes::same(r.word(t - 1), &r.closed.and))
            || (r.toks()[t].kind == TokKind::Word
                && (self.numbers.behind_waw(r.word(t)) || self.read_behind_waw(r, t)))
    }

    /// Does the number whose words start at token `t` stand behind `و`: the number itself
    /// (`و20`, `وخمسة`), or a qualifier before it (`ونحو مليون`)? Then it opens a figure of
    /// its own, no object of a verb before it.
    pub(super) fn conjoined_number(&self, r: &Reading<'a>, t: usize) -> bool {
        // The quantity whose words (its qualifier too) hold `t`.
        let k = r.q_full_start.partition_point(|&fa| fa <= t);
        let Some(qi) = k.checked_sub(1).filter(|&qi| t < r.q_toks[qi].1) else {
            return false;
        };
        let number = r.q_toks[qi].0;
        // Only a word that begins as `و` does, or the word `و` alone before it, may be one.
        let begins_and =
            |k: usize| r.toks()[k].kind == TokKind::Word && bytes::begins(r.word(k), &r.closed.and);
        (t < number && begins_and(t))
            || ((begins_and(number) || (number > 0 && begins_and(number - 1)))
                && self.behind_waw(r, number))
    }

    /// Is the word at token `t` a teen's head behind `و`, its tail after it (`وأحد عشر`,
    /// written as `واحد`, which is also one)?
    fn read_behind_waw(&self, r: &Reading<'a>, t: usize) -> bool {
        use crate::numbers::table::WordKind;
        let table = self.numbers.table();
        let is = |w: &str, kind: WordKind| table.readings(w).iter().any(|x| x.kind == kind);
        t + 1 < r.toks().len()
            && r.in_quantity[t + 1]
            && r.word(t)
                .strip_prefix(r.closed.and.as_str())
                .is_some_and(|w| is(w, WordKind::TeenHead))
            && is(r.word(t + 1), WordKind::TeenTail)
    }

    /// The cue of the figure at tokens from `a` (its words from `anchor`), and what it says.
    pub(super) fn figure_cue(&self, r: &Reading<'a>, a: usize, anchor: usize) -> FigureCue<'a> {
        // A cue whose own noun counts one or two (`مقتل قائد`, `مقتل عنصرين`) is taken: a
        // number after that labels something (`مقتل قائد اللواء 313`, `مقتل مدني في الكيلو
        // 5`), unless joined to it by `و` (`مقتل طفل و3 نساء`): then the cue is shared, and
        // the number's quote starts at it.
        // Or a cue before an aside that says who told the figure, whose nouns are not the
        // cue's own (`وقتل، بحسب المرصد السوري، 25 شخصا`).
        let aside = self.cue_before_aside(r, anchor);
        let (cue, toll, passive, named_toll) = match aside.or_else(|| self.cue_before(r, anchor)) {
            Some(h) => (Some(h), false, false, false),
            None => match self.toll_before(r, anchor) {
                Some(h) => (Some(h), true, false, true),
                None => match self.before_period(r, anchor, true) {
                    Some(h) => (Some(h), true, false, false),
                    None => (self.passive_cue_before(r, a, anchor), false, true, false),
                },
            },
        };
        // Its own noun may stand after a colon (`الحصيلة: قتيلان و5 جرحى`). Between a
        // passive verb and its subject the words are a phrase of where, why or by what, and
        // their nouns are no object of the verb (`وقتل برصاص الجيش التركي 3 لاجئين`).
        // Not a running total's toll with its figure after `إلى`, nor a toll that reached
        // the figure right after its verb: the nouns between are the toll's words
        // (`ارتفاع قتلى تظاهرات أمس برصاص قوات الأمن السوري إلى 70`, `عدد الذين قتلوا على
        // أيدي الجيش السوري منذ انطلاق الاحتجاجات بلغ نحو 4135`).
        let reached = toll
            && (r.to_before(anchor)
                || (named_toll && anchor > 0 && r.word_in(anchor - 1, &r.closed.reached)));
        let cue_has_noun = !passive
            && !reached
            && aside.is_none()
            && cue.is_some_and(|h| {
                !self.means_at(r, h.end, anchor)
                    && (h.end..anchor).any(|t| {
                        r.hits(t).iter().any(|n| {
                            n.end <= anchor
                                && matches!(
                                    n.entry.kind,
                                    Kind::Noun {
                                        form: Form::Singular | Form::Dual,
                                        ..
                                    }
                                )
                        })
                    })
            });
        // A verb right before a number behind `و` takes no object there: the number is the
        // subject of a clause of its own (`إن 70 ألف شخص قتلوا ونحو مليون شخص فروا`).
        let cue = cue.filter(|h| {
            (!cue_has_noun || self.behind_waw(r, a) || r.together_before(anchor))
                && !(h.end == anchor && !toll && self.conjoined_number(r, anchor))
        });
        // A neutral cue takes the category and group of the casualty noun it governs:
        // `ترتفع حصيلة القتلى منذ مطلع الشهر إلى 120`.
        let governed = cue
            .filter(|h| matches!(h.entry.kind, Kind::Cue { category: None, .. }))
            .filter(|h| r.toks().get(h.end).is_some_and(|t| t.joined))
            .and_then(|h| {
                r.hits(h.end).iter().find_map(|n| match n.entry.kind {
                    Kind::Noun {
                        category: Some(c),
                        group,
                        ..
                    } if n.end <= anchor => Some((c, group)),
                    _ => None,
                })
            });
        let cue_cat = cue
            .and_then(|h| match h.entry.kind {
                Kind::Cue { category, .. } | Kind::Noun { category, .. } => category,
                _ => None,
            })
            .or(governed.map(|(c, _)| c));
        FigureCue {
            hit: cue,
            category: cue_cat,
            governed,
            shared: cue_has_noun,
            toll,
        }
    }

    /// `قتلى من المدنيين`, `قتلى مدنيين`, `أحد عناصر`: a group named right after a noun.
    pub(super) fn group_after(&self, r: &Reading<'a>, j: usize) -> Option<Group> {
        self.group_noun_after(r, j).map(|(g, _)| g)
    }

    /// [`Extractor::group_after`], with the token after the noun that names the group.
    pub(super) fn group_noun_after(&self, r: &Reading<'a>, j: usize) -> Option<(Group, usize)> {
        // `من المدنيين`, `منهم أطفال` (of them, children), `منهم من رجال الأمن`.
        let of = |t: usize| t < r.toks().len() && r.toks()[t].joined && r.closed.is_of(r.word(t));
        // `وهو رجل` (who is a man): the one before named by a noun of his own.
        let he_is = j < r.toks().len() && r.closed.is_he_is(r.word(j));
        let k = if of(j) && r.word(j) != r.closed.of && of(j + 1) {
            j + 2
        } else if of(j) || he_is {
            j + 1
        } else {
            j
        };
        // Without `من` only a plural names the group (`أحد عناصر`); a singular there is
        // the first item of a list (`شخصين امرأة و رجل`), and so is a plural behind `و`
        // (`مقتل زوجين وأطفالهما الثلاثة`: their children are more of the dead).
        // After `منهم` a singular or a dual counts a part (`5 أشخاص منهم طفلان`), no group.
        let via_min = k > j;
        let of_them = of(j) && r.word(j) != r.closed.of;
        self.noun_at(r, k).and_then(|h| match h.entry.kind {
            Kind::Noun {
                category: None,
                group: Some(g),
                form,
                ..
            } if g != Group::Unspecified
                && !(of_them && form != Form::Plural)
                && (via_min || (form == Form::Plural && !r.conjoined(&h))) =>
            {
                Some((g, h.end))
            }
            // Members of a body named after them (`7 من أفراد المقاومة الشعبية`, `من أفراد
            // الشرطة`): the body's group.
            Kind::Noun {
                category: None,
                group: Some(Group::Unspecified),
                form: Form::Plural,
                ..
            } if via_min && h.end < r.toks().len() && r.definite(h.end) => self
                .noun_at(r, h.end)
                .filter(|x| !r.conjoined(x))
                .and_then(|x| match x.entry.kind {
                    Kind::Noun {
                        category: None,
                        group: Some(g),
                        ..
                    } if g != Group::Unspecified => Some((g, x.end)),
                    _ => None,
                }),
            _ => None,
        })
    }
}

/// What a noun counted by a number counts: a number of victims (`ضحايا`, which alone may be
/// the dead or the wounded) is of the dead (`17 شخصا من بين الضحايا`, `الضحايا الستة`), as
/// the gold reads them.
pub(super) fn counted_victims(c: Category) -> Category {
    match c {
        Category::KilledOrWounded => Category::Killed,
        c => c,
    }
}

/// Does quantity `qi` restate the one right before it, one of the two in brackets (`(15)
/// خمسة عشر مصلياً`, `خمسة عشر (15)`)? Then the two are one figure, stated once.
pub(super) fn restated(r: &Reading<'_>, qi: usize) -> bool {
    let Some(prev) = qi.checked_sub(1) else {
        return false;
    };
    let ((pa, pz), (a, _)) = (r.q_toks[prev], r.q_toks[qi]);
    let one_token = |(a, z): (usize, usize)| z == a + 1;
    pz == a
        && r.quantities[prev].value() == r.quantities[qi].value()
        && r.quantities[qi].value().is_some()
        && ((one_token(r.q_toks[prev]) && r.bracketed(pa))
            || (one_token(r.q_toks[qi]) && r.bracketed(a)))
}

/// What a quantity says as a count of people.
pub(super) struct PeopleCount {
    pub(super) count: Option<u64>,
    pub(super) low: Option<u64>,
    pub(super) high: Option<u64>,
    pub(super) vague: bool,
}

/// Is the quantity a number that may name a year ([`YEARS`])? Its count, or a range's lower
/// end, as a figure's count is.
pub(super) fn is_year(q: &Quantity) -> bool {
    q.value().is_some_and(|v| v.is_int_in(YEARS.0, YEARS.1))
}

/// Digits grouped in thousands by dots, as a count of people reads them (`2.000` and
/// `1.500`: 2000 and 1500); `None` for anything else, a scale word after them included
/// (`1.5 مليون` is a decimal).
fn dot_thousands(digits: &str) -> Option<u64> {
    let mut groups = digits.split('.');
    let head = groups.next()?;
    let all_digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(head) || head.len() > 3 || head.starts_with('0') {
        return None;
    }
    let mut v: u64 = head.parse().ok()?;
    let mut n = 0;
    for g in groups {
        if g.len() != 3 || !all_digits(g) {
            return None;
        }
        v = v.checked_mul(1000)?.checked_add(g.parse().ok()?)?;
        n += 1;
    }
    (n > 0 && v <= MAX_COUNT as u64).then_some(v)
}

/// The figure a quantity states; `None` when it cannot be a count of people (a fraction,
/// zero, a negative, an implausible size).
pub(super) fn people_count(q: &Quantity) -> Option<PeopleCount> {
    let int = |n: crate::numbers::Num| -> Option<u64> {
        n.as_integer()
            .filter(|v| (1..=MAX_COUNT).contains(v))
            .and_then(|v| u64::try_from(v).ok())
    };
    let (lo, hi) = q.bounds();
    match q.amount {
        Amount::Vague(a, b) => Some(PeopleCount {
            count: None,
            low: int(a),
            high: int(b),
            vague: true,
        }),
        Amount::Exact(v) | Amount::Range(v, _) => Some(PeopleCount {
            count: Some(int(v)?),
            low: lo.and_then(int),
            high: hi.and_then(int),
            vague: false,
        }),
    }
}

/// Breakdowns: a run of figures for men, women or children that follows a total of the
/// same category, in the same sentence (`مقتل 30 بينهم 12 طفلا و5 نساء`) or the one before
/// (`… مقتل 48 مدنيًا. الضحايا توزعوا بين 26 رجلًا و7 سيدات و15 طفلًا`). The parts are
/// flagged `breakdown`; the total is flagged `sum_mismatch` when its parts exceed it, or
/// when they name men, women and children (a full breakdown) and do not add up to it.
/// Someone's people listed after them (`theirs`: `مقتل زوجين وأطفالهما الثلاثة`) are more
/// of the dead, no part of them; so are people told by a verb of their own behind a word
/// that opens a statement of its own (`opens` of the word before: `قتل خمسة بينهم طفلان،
/// كما قتل طفل في غارة أخرى`).
pub(super) fn mark_breakdowns(
    out: &mut [Draft<'_>],
    sentence: impl Fn(usize) -> usize,
    theirs: impl Fn(usize) -> bool,
    opens: impl Fn(usize) -> bool,
) {
    let specific = |g: Group| matches!(g, Group::Man | Group::Woman | Group::Child);
    // People named with a place or a cause of their own after a figure's are more of its
    // kind, or parts of its total already.
    let by_place =
        |d: &Draft<'_>| d.construction == by::NOUN_BY_PLACE || d.construction == by::NOUN_BY_CAUSE;
    // People told by their noun right after a verb of their own.
    let own_verb = |d: &Draft<'_>| {
        !d.flags.contains(&Flag::Breakdown)
            && [
                by::NOUN_AFTER_CUE,
                by::NOUN_THEN_CUE,
                by::NOUN_SUBJECT,
                by::FRAME_OPENED,
            ]
            .contains(&d.construction)
    };
    let told_apart = |d: &Draft<'_>| own_verb(d) && d.first > 0 && opens(d.first - 1);
    let mut i = 0;
    while i < out.len() {
        if !specific(out[i].group)
            || out[i].count.is_none()
            || by_place(&out[i])
            || told_apart(&out[i])
        {
            i += 1;
            continue;
        }
        let (cat, sent) = (out[i].category, sentence(out[i].at));
        let mut j = i + 1;
        while j < out.len()
            && specific(out[j].group)
            && !by_place(&out[j])
            && !told_apart(&out[j])
            && out[j].category == cat
            && out[j].count.is_some()
            && sentence(out[j].at) == sent
        {
            j += 1;
        }
        // A total stands just before its parts: look back a few figures, not the page.
        // One person is no total (`قتل شخص وطفلان`: three).
        // Not a part itself (`بينهم 20 في حمص`), which breaks a total down by place.
        // In the sentence before, only of a run of two or more, a distribution: one man
        // killed in the next sentence is another death (`أسفر الحادث عن وفاة ثلاثة
        // أشخاص. وفي ذات الإطار، قضى شاب`).
        // Nor a run of people named by their nouns with a verb of their own in the next
        // sentence (`قتل عشرة اشخاص. وقتل رجل وامرأة في انفجار سيارة`): more dead, of
        // another event.
        let run = j - i;
        let own_verb = own_verb(&out[i]);
        let total = (i.saturating_sub(BREAKDOWN_REACH)..i).rev().find(|&k| {
            out[k].category == cat
                && matches!(out[k].group, Group::Unspecified | Group::Civilian)
                && !out[k].flags.contains(&Flag::Breakdown)
                && out[k].count.is_some_and(|c| c >= 2)
                && match sent - sentence(out[k].at) {
                    0 => true,
                    1 => run >= 2 && !own_verb,
                    _ => false,
                }
        });
        // The first of the run listed as the total's own people: the run is no part of it.
        let of_total = total.is_some_and(|t| {
            out[i].partner == Some(out[t].at)
                && !out[i].flags.contains(&Flag::Breakdown)
                && theirs(out[i].at)
        });
        if let Some(t) = total.filter(|_| !of_total) {
            let sum: u64 = out[i..j].iter().filter_map(|d| d.count).sum();
            let has = |g: Group| out[i..j].iter().any(|d| d.group == g);
            let full = has(Group::Man) && has(Group::Woman) && has(Group::Child);
            let whole = out[t].count.unwrap_or(0);
            let total_at = out[t].at;
            for d in &mut out[i..j] {
                if !d.flags.contains(&Flag::Breakdown) {
                    d.flags.push(Flag::Breakdown);
                }
                d.partner.get_or_insert(total_at);
            }
            if sum > whole || (full && sum != whole) {
                out[t].flags.push(Flag::SumMismatch);
            }
        }
        i = j;
    }
    // A part with no total of its own yet (`ومن بين القتلى قيادي بارز`) is of the nearest
    // figure of its category before it, in its sentence or the one before, that is no part.
    for i in 0..out.len() {
        if out[i].partner.is_some() || !out[i].flags.contains(&Flag::Breakdown) {
            continue;
        }
        let (cat, sent) = (out[i].category, sentence(out[i].at));
        let total = (i.saturating_sub(BREAKDOWN_REACH)..i).rev().find(|&k| {
            out[k].category == cat
                && !out[k].flags.contains(&Flag::Breakdown)
                && sent - sentence(out[k].at) <= 1
        });
        out[i].partner = total.map(|k| out[k].at);
    }
}

/// How many words a part told between a figure and the toll named after it may run to
/// (`ارتفع إلى 15 بينهم 3 أطفال وسيدتان عدد الشهداء`).
const PART_REACH: usize = 8;

/// How many words after a part of the wounded a word of severity makes it a severity
/// sub-count (`اثنان منهم بحالة حرجة`).
const SEVERITY_REACH: usize = 3;
/// How far before the first figure of a distribution `as follows` may start, and how far
/// before that its verb (`ووزع المرصد الحصيلة على الشكل التالي: 226`), in words.
const DISTRIBUTION_REACH: usize = 5;
/// How far before `هم` the dead told of again may stand in their clause (`المدنيين الذين
/// قتلوا خلال الأيام الأربعة المذكورة، هم`), in words.
const THEY_REACH: usize = 10;
/// How far before the first figure of a distribution its verb, its toll and preposition may
/// stand, a place and its description between (`وتوزع الضحايا على حمص التي نالت النصيب
/// الأكبر بسقوط 14 قتيلا`), in words.
const DISTRIBUTION_VERB_REACH: usize = 12;

impl<'a> Extractor<'a> {
    /// Victims counted beside the wounded are the dead: a figure of the dead or wounded
    /// together, counted by its noun, with a figure of the wounded behind `و` right after
    /// it (`بلغ 6 ضحايا و57 مصابا`, `سقوط 40 ضحية و120 جريحا`).
    pub(super) fn victims_beside_wounded(&self, r: &Reading<'a>, out: &mut [Draft<'a>]) {
        for k in 1..out.len() {
            let (before, rest) = out.split_at_mut(k);
            let (p, d) = (&mut before[k - 1], &rest[0]);
            if p.category == Category::KilledOrWounded
                && p.construction == by::NUMBER_NOUN
                && p.count.is_some()
                && d.category == Category::Wounded
                && d.first > p.last
                && d.first <= p.last + 2
                && (p.last + 1..=d.first).any(|t| bytes::begins(r.word(t), &r.closed.and))
                && r.sentence[d.at] == r.sentence[p.at]
            {
                p.category = Category::Killed;
            }
        }
    }

    /// A list of parts goes on behind `و` whatever its figures count, right after a part:
    /// the next figure of its category there is a part of the same total, though its
    /// number was read before the part's noun was (`لقي 9 أشخاص بينهم ضابط و5 من عناصر
    /// الجيش مصرعهم`: 1 and 5 of the 9, not 5 more).
    pub(super) fn extend_part_lists(&self, r: &Reading<'a>, out: &mut [Draft<'a>]) {
        for k in 1..out.len() {
            let (before, rest) = out.split_at_mut(k);
            let (p, d) = (&before[k - 1], &mut rest[0]);
            // Right behind `و`: nothing but the word `و` between them, or `و` on its first word.
            let behind_waw = || {
                (p.last + 1..d.first).all(|t| bytes::same(r.word(t), &r.closed.and))
                    && (d.first > p.last + 1 || bytes::begins(r.word(d.first), &r.closed.and))
            };
            // The total holds it with the parts before it (`قتل 10 أشخاص بينهم 4 أطفال و30
            // قتلوا في حلب`: 30 more).
            let holds = || {
                let total = before.iter().rev().find(|t| Some(t.at) == p.partner);
                let parts: u64 = before
                    .iter()
                    .filter(|t| t.partner == p.partner && t.flags.contains(&Flag::Breakdown))
                    .filter_map(|t| t.count)
                    .sum();
                total
                    .and_then(|t| t.count)
                    .zip(d.count)
                    .is_none_or(|(t, n)| parts + n <= t)
            };
            if p.flags.contains(&Flag::Breakdown)
                && !d.flags.contains(&Flag::Breakdown)
                && d.category == p.category
                && d.first > p.last
                && r.sentence[d.at] == r.sentence[p.at]
                && behind_waw()
                && holds()
            {
                d.flags.push(Flag::Breakdown);
                d.partner = p.partner;
            }
        }
    }

    /// The dead told before, distributed over places in a sentence of their own (`قتل 23
    /// شخصا … وتوزع القتلى بين 15 في أريحا، و5 في كنصفرة، و3 في البارة`): a run of figures
    /// each with its place, the first counted by a definite noun of the dead or wounded,
    /// after a total of that category in a sentence before, the nearest of the figures
    /// before them that they do not exceed; or three or more such figures, the first of
    /// their sentence, after a total in the sentence before. The run is flagged `breakdown`,
    /// each figure a part of that total, so a weekly table counts the dead once.
    pub(super) fn mark_distributions(&self, r: &Reading<'a>, out: &mut [Draft<'a>]) {
        self.mark_announced_distributions(r, out);
        let mut i = 0;
        while i < out.len() {
            let d = &out[i];
            let told = d.count.is_some()
                && !d.flags.contains(&Flag::Breakdown)
                && r.definite(d.first)
                && !r.in_quantity[d.first]
                && r.hits(d.first).iter().any(|h| {
                    matches!(h.entry.kind, Kind::Noun { category: Some(c), .. } if c == d.category)
                })
                && self.place_at(r, d.last + 1);
            if !told {
                // Or three or more figures of one category, the first of their sentence,
                // each with its place right after it, behind `و` or a comma (`وقالت الهيئة إن
                // خمسة قتلوا في ريف دمشق وأربعة في درعا وثلاثة في حلب`): a distribution of
                // the total of the sentence before that holds them.
                let sent = r.sentence[d.at];
                let placed = |x: &Draft<'a>| {
                    x.count.is_some()
                        && x.category == d.category
                        && !x.flags.contains(&Flag::Breakdown)
                        && r.sentence[x.at] == sent
                        && self.place_at(r, x.last + 1)
                };
                // Asked only of the first figure of a sentence, a figure of the sentence
                // before it and two more after it in its own: few are.
                let first = i > 0
                    && r.sentence[out[i - 1].at] + 1 == sent
                    && out.get(i + 2).is_some_and(|x| r.sentence[x.at] == sent);
                let mut j = i;
                while first && j < out.len() && placed(&out[j]) {
                    j += 1;
                }
                if j >= i + 3 {
                    break_down_run(out, i, j, |t| r.sentence[t.at] + 1 == sent);
                    i = j;
                } else {
                    i += 1;
                }
                continue;
            }
            let sent = r.sentence[d.at];
            let mut j = i + 1;
            while j < out.len()
                && out[j].construction == by::NUMBER_BY_PLACE
                && r.sentence[out[j].at] == sent
            {
                j += 1;
            }
            break_down_run(out, i, j, |t| r.sentence[t.at] < sent);
            i = j;
        }
    }

    /// A toll distributed as follows, by place or by group (`ووزع المرصد الحصيلة على الشكل
    /// التالي: 226 من أبناء المحافظة، 305 من عناصر الأمن، و165 شخصا أعدموا`, `وتوزع القتلى
    /// كالتالي: 20 في حلب، و25 في إدلب`): a verb of distribution, then `as follows` right
    /// before the first figure, and two or more figures of one category in that sentence.
    /// They are parts of the nearest total of their category before them, in that sentence
    /// or the one before, that they do not exceed, and flagged `breakdown`.
    fn mark_announced_distributions(&self, r: &Reading<'a>, out: &mut [Draft<'a>]) {
        let announced = |t: usize| {
            let s = r.sentence[t];
            (t.saturating_sub(DISTRIBUTION_REACH)..t)
                .filter(|&k| r.sentence[k] == s)
                .find(|&k| r.past_as_follows(k) == Some(t))
                .is_some_and(|k| {
                    (k.saturating_sub(DISTRIBUTION_REACH)..k)
                        .any(|v| r.sentence[v] == s && r.closed.is_distributed(r.word(v)))
                })
        };
        // Or the verb, the dead or wounded told of before or their toll, and its
        // preposition, a place's description between them and the figure (`وتوزع الضحايا على
        // حمص التي نالت النصيب الأكبر بسقوط 14 قتيلا`, `توزعت الحصيلة بين 92 من …`).
        let announced_by_verb = |t: usize| {
            let s = r.sentence[t];
            (t.saturating_sub(DISTRIBUTION_VERB_REACH)..t.saturating_sub(2)).any(|v| {
                r.sentence[v] == s
                    && r.toks()[v].kind == TokKind::Word
                    && r.closed.is_distributed(r.word(v))
                    && (r.has_casualty_noun(v + 1)
                        || r.without_article(v + 1)
                            .is_some_and(|w| r.closed.is_toll(w)))
                    && r.definite(v + 1)
                    && r.word_in(v + 2, &r.closed.distributed_into)
            })
        };
        // A verb of distribution near before the figure, asked first: most figures have none.
        let verb_near = |d: &Draft<'a>| {
            let s = r.sentence[d.at];
            (d.first.saturating_sub(DISTRIBUTION_VERB_REACH)..d.at).any(|v| {
                r.sentence[v] == s
                    && r.toks()[v].kind == TokKind::Word
                    && r.closed.is_distributed(r.word(v))
            })
        };
        let mut i = 0;
        while i < out.len() {
            let d = &out[i];
            // A total that could hold it, before it, asked before the words: most figures
            // have none.
            let held = |d: &Draft<'a>| {
                (i.saturating_sub(BREAKDOWN_REACH)..i).any(|k| {
                    out[k].category == d.category
                        && out[k].count.zip(d.count).is_some_and(|(t, n)| n <= t)
                })
            };
            // `as follows` ends before the number, inside the quote when it names the toll
            // (`القتلى كالتالي: 20`).
            if d.count.is_none()
                || d.flags.contains(&Flag::Breakdown)
                || !held(d)
                || !verb_near(d)
                || !((d.first..=d.at).any(announced)
                    || announced_by_verb(d.first)
                    || announced_by_verb(d.at))
            {
                i += 1;
                continue;
            }
            let (cat, sent) = (d.category, r.sentence[d.at]);
            let mut j = i + 1;
            while j < out.len()
                && out[j].category == cat
                && out[j].count.is_some()
                && r.sentence[out[j].at] == sent
            {
                j += 1;
            }
            break_down_run(out, i, j, |t| sent - r.sentence[t.at] <= 1);
            i = j;
        }
    }

    /// Severity sub-counts of one report are not figures (as the gold has it): a part of the
    /// wounded with no group of people of its own, a word of severity right after it (`أصيب
    /// خمسة مدنيين، اثنان منهم بحالة حرجة`, `7 إصابات منها 3 حالات حرجة`), the severity of
    /// some of them told alone (`منهم بحالة حرجة`), and a vague number of the wounded told
    /// by how bad it is (`عددا من الجرحى في حالات حرجة`). A part by group keeps its figure
    /// (`بينهم طفل بحالة خطرة`), and so does a total (`أصيب شاب بحالة خطرة`).
    pub(super) fn drop_severity_parts(&self, r: &Reading<'a>, out: &mut Vec<Draft<'a>>) {
        let n = r.toks().len();
        let of_them = |t: usize| {
            let w = r.word(t);
            r.closed.opens_part(w, None)
                || r.closed
                    .of_it
                    .iter()
                    .any(|x| w.strip_prefix(r.closed.and.as_str()).unwrap_or(w) == x)
        };
        out.retain(|d| {
            // A vague figure only as a part of the wounded told by how bad it is (`عددا من
            // الجرحى في حالات حرجة`, `133 جريحا بينهم عدة حالات حرجة`).
            if d.category != Category::Wounded
                || (d.vague
                    && d.construction != by::VAGUE_PARTITIVE
                    && !d.flags.contains(&Flag::Breakdown))
            {
                return true;
            }
            let clause = r.clause[d.first];
            let severe = (d.first..(d.last + 1 + SEVERITY_REACH).min(n))
                .take_while(|&t| r.clause[t] == clause)
                .any(|t| r.closed.is_severity(r.word(t)));
            if !severe {
                return true;
            }
            if d.vague {
                return false;
            }
            // `منهم` before it, inside its words (`إصابات منها 3`) or right after it.
            let from = if d.first > 0 && r.toks()[d.first].joined {
                d.first - 1
            } else {
                d.first
            };
            // Not when a number follows that `منها`: it opens the parts of this total (`أربع
            // إصابات منها اثنتان طفيفتان`).
            let number_after = |t: usize| t < n && r.toks()[t].joined && r.in_quantity[t];
            let to = if d.last + 1 < n && r.toks()[d.last + 1].joined && !number_after(d.last + 2) {
                d.last + 1
            } else {
                d.last
            };
            // Or `one of them` in its words, opening it or after the cue that took it
            // (`أصيب طفلان أحدهما بحالة خطرة`, `أصيب ثلاثة بجروح أحدهم في حالة خطرة`).
            let one_of_them = (d.first..=d.last).any(|t| {
                let w = r.word(t);
                let w = w.strip_prefix(r.closed.and.as_str()).unwrap_or(w);
                r.closed.one_of.iter().any(|o| {
                    w.strip_prefix(o.as_str())
                        .is_some_and(|p| r.closed.possessive.iter().any(|x| x == p))
                })
            });
            // Or the wounded after a partitive in its words (`بين المصابين 7 في حالة حرجة`,
            // `3 من الجرحى في حالة خطرة`): a part of them, told by how bad it is.
            let among_wounded = (from..=d.last).any(|t| {
                r.partitive(t)
                    && self.noun_at(r, t + 1).is_some_and(|h| {
                        matches!(
                            h.entry.kind,
                            Kind::Noun {
                                category: Some(Category::Wounded),
                                ..
                            }
                        )
                    })
            });
            let part = d.flags.contains(&Flag::Breakdown)
                || (from..=to).any(of_them)
                || one_of_them
                || among_wounded;
            let people = (d.first..=d.last).any(|t| {
                r.hits(t).iter().any(|h| {
                    matches!(
                        h.entry.kind,
                        Kind::Noun { category: None, group: Some(g), .. } if g != Group::Unspecified
                    )
                })
            });
            !part || people
        });
    }
}

/// Figures of no group that take the group of the figure before them in their sentence,
/// or, `others` first in theirs, of the last in the sentence before (not a part of a
/// breakdown: `مقتل 12 مدنيًا بينهم 5 أطفال، وإصابة 20 آخرين` — the 20 are not children),
/// as each one's [`Borrow`] allows. `out` is in text order. Not
/// `others` or a bare number after a list of two groups, whose group it cannot tell
/// (`مقتل 10 جنود و4 مدنيين وإصابة 7 آخرين`).
pub(super) fn borrow_groups(
    out: &mut [Draft<'_>],
    sentence: impl Fn(usize) -> usize,
    partitive_after: impl Fn(usize) -> bool,
) {
    for i in 0..out.len() {
        let d = &out[i];
        let Some(how) = d.borrows.filter(|_| d.group == Group::Unspecified) else {
            continue;
        };
        let s = sentence(d.first);
        // The nearest figure before it in sentence `sent`, not a part of a breakdown.
        let nearest_in = |sent: usize| {
            out[..i]
                .iter()
                .rev()
                .filter(|p| p.last < d.first)
                .take_while(|p| sentence(p.last) == sent)
                .find(|p| !p.flags.contains(&Flag::Breakdown))
        };
        let p = match nearest_in(s) {
            Some(p) => p,
            // More of the people the sentence before counted last, first in a sentence of
            // their own (`إن 4 عناصر من قسد قتلوا بانفجار لغم. وبحسب المصادر، فإن 4 آخرين
            // قتلوا بهجوم`): of their group, as within a sentence.
            None if how == Borrow::Others && s > 0 => match nearest_in(s - 1) {
                Some(p) => p,
                None => continue,
            },
            None => {
                // A bare part of a list whose total is told in the sentence before is of the
                // group of the part it goes on from (`هم 30 في حلب و2 في إدلب`).
                let from = d
                    .partner
                    .filter(|_| how == Borrow::Bare && d.flags.contains(&Flag::Breakdown))
                    .and_then(|at| out[..i].iter().rev().find(|p| p.at == at))
                    .filter(|p| {
                        p.flags.contains(&Flag::Breakdown)
                            && p.category == d.category
                            && p.group != Group::Unspecified
                    })
                    .map(|p| p.group);
                if let Some(g) = from {
                    out[i].group = g;
                }
                continue;
            }
        };
        // The figure before it is coordinated with one of another group of its kind: the
        // list names two groups, and more of them are of neither.
        let mixed = || {
            out[..i]
                .iter()
                .rev()
                .filter(|q| q.last < p.first)
                .take_while(|q| sentence(q.last) == sentence(p.last))
                .find(|q| !q.flags.contains(&Flag::Breakdown))
                .is_some_and(|q| {
                    p.partner == Some(q.at) && q.category == p.category && q.group != p.group
                })
        };
        let takes = match how {
            Borrow::Others => {
                (p.count != Some(1) || matches!(p.group, Group::Combatant | Group::Civilian))
                    && !mixed()
            }
            Borrow::Bare => !mixed(),
            // Of the other casualties only: more of the dead named by their casualty noun
            // are no more of the group counted before (`قتل 16 طفلا، و44 قتيلا في حماة`).
            Borrow::Adjacent => d.first <= p.last + 2 && d.category != p.category,
        };
        if takes {
            out[i].group = p.group;
        }
    }
    // A bare number first in its sentence, and `others` or another bare number right after
    // it with their group named (`وكان 5 قتلوا وأصيب 11 آخرين من الحوثيين`, `استشهاد (15)
    // وإصابة (33) من رجال الأمن`): both are of that group.
    for i in 0..out.len().saturating_sub(1) {
        let (d, n) = (&out[i], &out[i + 1]);
        let first = out[..i]
            .last()
            .is_none_or(|p| sentence(p.last) != sentence(d.first));
        let named_after = n.borrows == Some(Borrow::Others)
            || (n.borrows.is_none()
                && partitive_after(n.at)
                && !n.flags.contains(&Flag::Breakdown));
        if first
            && d.group == Group::Unspecified
            && d.borrows == Some(Borrow::Bare)
            && named_after
            && n.group != Group::Unspecified
            && sentence(n.first) == sentence(d.first)
            && n.first <= d.last + OTHERS_AFTER_GAP
        {
            out[i].group = out[i + 1].group;
        }
    }
}

/// How far after a bare number the `others` whose group it takes may start: its verb
/// after it and the next verb (`5 قتلوا وأصيب 11 آخرين`).
const OTHERS_AFTER_GAP: usize = 3;

/// Flag the run `out[i..j]` of two or more figures as the parts of the nearest total before
/// them of their category that holds their sum and that `near` accepts: `breakdown`, each
/// its partner.
fn break_down_run(out: &mut [Draft<'_>], i: usize, j: usize, near: impl Fn(&Draft<'_>) -> bool) {
    let cat = out[i].category;
    // A part of one of the run's figures already (`توزعت الحصيلة بين 92 …، بينهم 21 …، و93`)
    // is that one's, in no sum of the run.
    let ats: Vec<usize> = out[i..j].iter().map(|d| d.at).collect();
    let part_of_run = |d: &Draft<'_>| {
        d.flags.contains(&Flag::Breakdown) && d.partner.is_some_and(|p| ats.contains(&p))
    };
    let sum: u64 = out[i..j]
        .iter()
        .filter(|d| !part_of_run(d))
        .filter_map(|d| d.count)
        .sum();
    let total = (i.saturating_sub(BREAKDOWN_REACH)..i).rev().find(|&k| {
        out[k].category == cat
            && !out[k].flags.contains(&Flag::Breakdown)
            && out[k].count.is_some_and(|c| c >= sum)
            && near(&out[k])
    });
    let Some(t) = total.filter(|_| j > i + 1) else {
        return;
    };
    let at = out[t].at;
    for p in &mut out[i..j] {
        if part_of_run(p) {
            continue;
        }
        if !p.flags.contains(&Flag::Breakdown) {
            p.flags.push(Flag::Breakdown);
        }
        p.partner = Some(at);
    }
}

#[cfg(test)]
mod tests {
    use super::dot_thousands;

    /// Dots between groups of three digits are thousands; anything else is no such count.
    #[test]
    fn digits_grouped_by_dots_are_thousands() {
        assert_eq!(dot_thousands("2.000"), Some(2000));
        assert_eq!(dot_thousands("1.500"), Some(1500));
        assert_eq!(dot_thousands("1.234.567"), Some(1_234_567));
        assert_eq!(dot_thousands("1.5"), None);
        assert_eq!(dot_thousands("12"), None);
        assert_eq!(dot_thousands("0.500"), None);
        assert_eq!(dot_thousands("1234.000"), None);
        assert_eq!(dot_thousands("2.000 مليون"), None);
        assert_eq!(dot_thousands("999.999.999"), None);
    }
}
