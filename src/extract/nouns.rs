//! Figures read off nouns: singular and dual nouns after a cue (`مقتل طفل`, `مقتل عنصرين`),
//! vague quantities (`إصابة العديد`), and the nouns listed after a figure.

use super::*;
use crate::lexicon::bytes;

/// The figure that [`Extractor::parts_after`] lists nouns after.
#[derive(Debug, Clone, Copy)]
pub(super) struct Head {
    pub(super) category: Category,
    pub(super) count: Option<u64>,
    /// Its token, for the parts' `partner`.
    pub(super) at: usize,
    /// Are the nouns listed parts of it (it is a total), or figures beside it?
    pub(super) breakdown: bool,
    /// Is it a part of a total itself (`ومن بين الضحايا امرأة وطفلان`)? Then the people
    /// listed after it are parts of that total too.
    pub(super) part: bool,
    /// How many it counts, when known: people listed past a comma after it that come to
    /// as many are its parts (`إصابة 3 مدنيين، رجل وطفلين`).
    pub(super) total: Option<u64>,
}

/// How many words after its noun a close of nothing but an opener may stand: the noun's
/// adjectives (`فارق الشاب المصاب الحياة`).
const CLOSE_REACH: usize = 3;
/// How many more words a close may stand after its noun when `من` and what the one who
/// died was of follow it (`من قوات سوريا الديمقراطية`).
const OF_REACH: usize = 4;
/// How far after who fell the state they fell in may stand (`سقط عنصر تابع لقوات سوريا
/// الديمقراطية قتيلا`).
const FELL_REACH: usize = 6;

impl<'a> Extractor<'a> {
    /// Mentions without a number: a singular or dual noun (`مقتل طفل`, `حالتي وفاة`,
    /// `مقتل عنصرين`) or a vague quantity after a cue (`إصابة العديد`, `سقوط قتلى`).
    pub(super) fn noun_drafts(&self, r: &Reading<'a>, used: &mut [bool], out: &mut Vec<Draft<'a>>) {
        let figures = out.len();
        // Before the cues read what follows them: `جنديا تركيا قتل وأصيب آخر` is one
        // killed and one wounded, not `قتل وأصيب آخر`.
        self.subject_drafts(r, used, out);
        self.bare_case_drafts(r, used, out);
        // Over the hits in text order; once a cue at a token made a mention, the other
        // hits there are passed over.
        let mut done = usize::MAX;
        for h in r.lead_hits(Lead::Cue) {
            if h.start == done {
                continue;
            }
            let Kind::Cue {
                category: cue_cat,
                after: false,
                numbers_only: false,
                ..
            } = h.entry.kind
            else {
                continue;
            };
            if used[h.start] || h.end >= r.toks().len() || r.in_quantity[h.end] {
                continue;
            }
            // A cue inside a noun of the dead or wounded is that noun's word (`حالتي وفاة
            // أخريتين لمواطنين`: two cases, not a death and two struck).
            if (h.start.saturating_sub(2)..h.start).any(|k| {
                r.hits(k).iter().any(|x| {
                    x.end > h.start
                        && matches!(
                            x.entry.kind,
                            Kind::Noun {
                                category: Some(_),
                                ..
                            }
                        )
                })
            }) {
                continue;
            }
            // Among the dead of a side, named as the cue's genitive, maybe in brackets (`من
            // بين قتلى (داعش) أحد قادته`): the one named after the side.
            let of_a_side = || {
                let g = h.end;
                // The cue's noun in the construct, its genitive the side: not `القتلى`.
                let side = matches!(h.entry.kind, Kind::Cue { part: true, .. })
                    && !r.definite(h.end - 1)
                    && r.hits(g).iter().any(|x| {
                        x.end == g + 1
                            && matches!(
                                x.entry.kind,
                                Kind::Noun {
                                    category: None,
                                    group: Some(Group::Combatant),
                                    ..
                                }
                            )
                    });
                let k = g + 1;
                (side && k < r.toks().len() && r.sentence[k] == r.sentence[g])
                    .then(|| {
                        r.hits(k)
                            .iter()
                            .find(|x| matches!(x.entry.kind, Kind::Noun { .. }))
                            .copied()
                    })
                    .flatten()
                    .filter(|x| !r.conjoined(x))
            };
            let next = of_a_side()
                .or_else(|| self.noun_at(r, h.end))
                .or_else(|| self.vague_at(r, h.end).next())
                // Past a day between commas (`وقتل، أمس الأربعاء، عنصران من الحشد`).
                .or_else(|| {
                    let k = r.past_day_aside(h.end)?;
                    r.hits(k)
                        .iter()
                        .find(|x| x.start == k && matches!(x.entry.kind, Kind::Noun { .. }))
                        .copied()
                })
                .or_else(|| {
                    // Past a phrase of where and its noun's adjectives (`وأصيب جراء القصف
                    // المدفعي طفلان`; `بجروح جراء القصف التركي`: no one struck), an adverb,
                    // or `each of` after either.
                    let past = r.past_where(h.end);
                    past.map(|t| r.past_adjectives(t))
                        .and_then(|t| self.noun_at(r, t))
                        .filter(|n| !r.definite(n.start))
                        // Or a vague quantity there (`وقتل في الانفجار عدد من عناصر الأمن`).
                        .or_else(|| {
                            self.vague_at(r, past?)
                                .find(|v| v.entry.kind == Kind::Vague { others: false })
                        })
                        .or_else(|| self.noun_at(r, r.past_adverb(h.end)?))
                        // Past a phrase of means, the weapon behind `ب` and its definite
                        // genitive (`وجرح بانفجار العبوة عنصران`, `استشهد برصاص القناصة
                        // طفل`): one or two, who were struck by it. Not past an indefinite
                        // genitive, whose adjective may be a noun (`برصاص قناص مسلح`).
                        .or_else(|| {
                            let t = h.end;
                            let genitive = t + 1;
                            if !self.means_at(r, t, usize::MAX)
                                || genitive + 1 >= r.toks().len()
                                || !r.toks()[genitive].joined
                                || !r.definite(genitive)
                            {
                                return None;
                            }
                            let k = r.past_adjectives(genitive + 1);
                            self.noun_at(r, k).filter(|n| {
                                r.clause[n.start] == r.clause[t]
                                    && !r.definite(n.start)
                                    && matches!(
                                        n.entry.kind,
                                        Kind::Noun {
                                            form: Form::Singular | Form::Dual,
                                            ..
                                        }
                                    )
                            })
                        })
                        .or_else(|| self.noun_at(r, r.past_each_of(past.unwrap_or(h.end))?))
                });
            // Right after a number and its partitive a plural of the dead is what that number
            // became, not more of them (`فأردوا ثلاثة منهم قتلى`).
            if h.start > 0
                && r.in_quantity[h.start - 1]
                && r.closed.of_them_or_among_them(r.word(h.start))
                && next.is_some_and(|n| {
                    matches!(
                        n.entry.kind,
                        Kind::Noun {
                            category: Some(_),
                            form: Form::Plural,
                            ..
                        }
                    )
                })
            {
                continue;
            }
            // A plural of a group right after a verb may be its agent, with the one it struck
            // after it (`قتل جنود إسرائيليون صبيا`).
            let agent = next.is_none_or(|n| {
                matches!(
                    n.entry.kind,
                    Kind::Noun {
                        category: None,
                        form: Form::Plural,
                        ..
                    }
                ) || (n.start == h.end && self.lone_agent(r, n.start))
            });
            // A person right after a verb with someone of theirs after them is who did it,
            // and the one of theirs is who was struck (`قتل رجل زوجته`); not behind `و` (`قتل
            // رجل وزوجته`: both died).
            let kin_object = next
                .filter(|n| {
                    matches!(
                        n.entry.kind,
                        Kind::Noun {
                            category: None,
                            form: Form::Singular,
                            ..
                        }
                    ) && !r.definite(n.start)
                })
                .and_then(|n| self.noun_at(r, n.end))
                .filter(|x| {
                    matches!(
                        x.entry.kind,
                        Kind::Noun {
                            category: None,
                            form: Form::Singular | Form::Dual,
                            ..
                        }
                    ) && !r.conjoined(x)
                        && r.closed.possessed_by_anyone(r.word(x.start))
                });
            // `سقط شاب قتيلا`, `سقط عنصر من قسد قتيلا`: after a verb of falling, who fell,
            // then the state they fell in, a casualty noun: one or two of them, as who fell
            // is, of that noun's category.
            let fell_as = next
                .filter(|n| {
                    matches!(h.entry.kind, Kind::Cue { category: None, .. })
                        && r.closed.is_fell(r.word(h.start))
                        && matches!(
                            n.entry.kind,
                            Kind::Noun {
                                category: None,
                                form: Form::Singular | Form::Dual,
                                ..
                            }
                        )
                        && !r.definite(n.start)
                })
                .and_then(|n| {
                    (n.end..(n.end + FELL_REACH).min(r.toks().len()))
                        .take_while(|&k| r.clause[k] == r.clause[n.start] && !r.in_quantity[k])
                        .find_map(|k| {
                            r.hits(k).iter().find_map(|x| match x.entry.kind {
                                Kind::Noun {
                                    category: Some(c), ..
                                } if x.start == k && !r.definite(k) && !r.conjoined(x) => {
                                    Some((c, x.end))
                                }
                                _ => None,
                            })
                        })
                });
            let object = kin_object
                .or_else(|| agent.then(|| self.object_past_agent(r, h.end)).flatten())
                .filter(|_| fell_as.is_none());
            // `قتل ما لا يقل عن شخصين`, `أصيب نحو عشرة`: a qualifier before the noun.
            let qualified = (next.is_none() && object.is_none())
                .then(|| self.past_qualifier(r, h.end))
                .flatten()
                .and_then(|(t, at_least)| Some((self.noun_at(r, t)?, at_least)));
            let mut construction = if object.is_some() {
                by::NOUN_OBJECT
            } else if next.is_none() && qualified.is_some() {
                by::NOUN_QUALIFIED
            } else {
                by::NOUN_AFTER_CUE
            };
            let next = object.or(next).or(qualified.map(|(n, _)| n));
            let Some(n) = next else { continue };
            if used[n.start] || self.counted_by_next(r, n.end, used) {
                continue;
            }
            // The bodies of the dead told of already, by their casualty noun or who they
            // were (`ونقلت جثة القتيل إلى المشرحة`, `انتشال جثتي الطفلين`).
            if r.closed.is_bodies(r.word(h.start))
                && r.definite(n.start)
                && matches!(n.entry.kind, Kind::Noun { named: false, .. })
            {
                used[h.start..n.end].fill(true);
                continue;
            }
            // The pronoun that opens a list of parts counts people by an indefinite noun:
            // a definite one or a name says who they were (`هم الأب واثنان من أبنائه`,
            // `قتل 3 أشخاص هم محمد وأحمد وخالد`).
            if h.entry.kind.opens_parts()
                && (r.definite(n.start) || matches!(n.entry.kind, Kind::Noun { named: true, .. }))
            {
                continue;
            }
            // `One of` never takes the article: with it, it is a name or a day
            // (`بجروح الأحد الماضي`: on Sunday).
            if r.closed
                .strip_article(r.word(n.start))
                .is_some_and(|w| r.closed.is_one_of(w))
            {
                continue;
            }
            // One of things, not of people (`غرق أحد القوارب`, `انفجار إحدى السيارات`).
            // Only `أحد` before a bare definite noun, its genitive: a person's noun before a
            // thing is that person (`مقتل سائق الشاحنة`, `مدير المستشفى`), and behind a
            // preposition the thing is how or where (`مقتل مدني بالغارة`).
            let things_after = r.closed.is_one_of(r.word(n.start))
                && n.end < r.toks().len()
                && r.toks()[n.end].joined
                && r.closed
                    .article
                    .first()
                    .is_some_and(|al| r.word(n.end).starts_with(al.as_str()))
                && r.hits(n.end).iter().any(|x| {
                    matches!(
                        x.entry.kind,
                        Kind::Unit {
                            after_of: false,
                            time: None,
                            cued: false,
                        }
                    )
                });
            if things_after {
                continue;
            }
            let mut named_end = n.end;
            let (count, category, group) = match n.entry.kind {
                Kind::Noun {
                    category,
                    group,
                    form,
                    ..
                } => {
                    // `وأصيب أطفالها الثلاثة`: someone's people, counted by a definite
                    // number right after them, not told before.
                    let numbered = (category.is_none() && r.closed.possessed(r.word(n.start)))
                        .then(|| self.numbered_after(r, &n, used))
                        .flatten()
                        .filter(|&(c, _)| {
                            cue_cat.is_none_or(|cat| !told_before(out, n.start, cat, c))
                        });
                    if let Some((_, t)) = numbered {
                        named_end = t + 1;
                    }
                    // `أصاب شخصا`: one, written as a count's noun is.
                    let count = form.count().or(numbered.map(|(c, _)| c)).or_else(|| {
                        (form == Form::Plural
                            && !r.definite(n.start)
                            && self.lex.singular_accusative(n.entry))
                        .then_some(1)
                    });
                    // One right after a neutral cue of what occurred is the state of a
                    // subject told before it (`يكون وقع قتيلا`: he fell dead), who this
                    // reading cannot see; not after one that opens a list of parts (`هم
                    // رجل وامرأة`).
                    if count == Some(1)
                        && matches!(
                            h.entry.kind,
                            Kind::Cue {
                                category: None,
                                adjacent: true,
                                part: false,
                                ..
                            }
                        )
                    {
                        continue;
                    }
                    // A bare plural is a vague mention only when the noun itself is a
                    // casualty and indefinite (`سقوط قتلى`), not `مقتل مدنيين` or
                    // `جثث القتلى` (victims already counted), nor the toll it heads (`أعلن
                    // حصيلة ضحايا القصف`: its figure is told elsewhere).
                    // Or a plural of people, the subject of a verb whose subject is the
                    // one struck, right after it (`وأصيب مدنيون في القصف`).
                    let category = category.or(fell_as.map(|(c, _)| c));
                    // The pronoun that opens a list of parts counts the people it names,
                    // never a bare plural (`هم شهداء الواجب`: what they were).
                    let lists_parts = h.entry.kind.opens_parts();
                    let subject = count.is_none()
                        && category.is_none()
                        && form == Form::Plural
                        && n.start == h.end
                        && h.end == h.start + 1
                        && r.toks()[n.start].joined
                        && r.closed.is_struck_verb(r.word(h.start))
                        && r.undetermined(&n);
                    if subject {
                        construction = by::NOUN_PLURAL_SUBJECT;
                    } else if count.is_none()
                        && (category.is_none()
                            || lists_parts
                            || r.definite(n.start)
                            || self.bare_toll(r, &h)
                            || self.cue_of_next(r, n))
                    {
                        // Nor a noun that is a cue too, with whom it struck right after it
                        // (`أسفر عن إصابة امرأتين`): that cue reads them.
                        continue;
                    }
                    // `توفي جريحان متأثرين بجراحهما`: a cue of the dead right before a
                    // noun of the wounded counts the dead among them.
                    // Not one behind `و`: the wounded beside the dead (`حالتي وفاة
                    // وإصابتين`).
                    let died_of_wounds = cue_cat == Some(Category::Killed)
                        && category == Some(Category::Wounded)
                        && n.start == h.end
                        && r.toks()[n.start].joined
                        && !r.conjoined(&n);
                    let category = if died_of_wounds { cue_cat } else { category };
                    if let Some((_, end)) = fell_as {
                        named_end = end;
                        construction = by::NOUN_FELL_AS;
                    }
                    (count, category.or(cue_cat), group)
                }
                // After a neutral cue, the casualty noun right after the quantity says what
                // it counts (`وسقط العشرات بين قتيل وجريح`).
                // A definite one after its `من` is the partitive's to read
                // ([`by::VAGUE_PARTITIVE`]: `وسقوط عدد من الجرحى`).
                // Not after a superlative: `سقوط أكبر عدد من القتلى` compares tolls.
                Kind::Vague { .. } if r.after_superlative(n.start) => continue,
                Kind::Vague { .. } => {
                    let t = n.end;
                    // A number of things (`وأصيب عدد من السيارات بأضرار`): no one.
                    if self.unit_after(r, t, false) {
                        continue;
                    }
                    // `من` may be the quantity's last word (`عدد من`) or stand after it
                    // (`العديد من`).
                    let t = if t < r.toks().len()
                        && r.toks()[t].joined
                        && bytes::same(r.word(t), &r.closed.of)
                    {
                        t + 1
                    } else {
                        t
                    };
                    let of_the = t > n.start
                        && t < r.toks().len()
                        && r.toks()[t].joined
                        && bytes::same(r.word(t - 1), &r.closed.of)
                        && r.hits(t).iter().any(|h| {
                            h.start == t
                                && matches!(
                                    h.entry.kind,
                                    Kind::Noun {
                                        category: Some(_),
                                        form: Form::Plural,
                                        ..
                                    }
                                )
                        });
                    if of_the {
                        continue;
                    }
                    match (cue_cat, self.casualty_after(r, n.end)) {
                        (None, Some((c, x))) => {
                            named_end = x.end;
                            (None, Some(c), None)
                        }
                        // A neutral cue and a quantity of what no rule reads as people
                        // (`ووقوع بعض الخسائر المادية`): no one. Not after a word that opens
                        // a part, of people (`بينهم عدد كبير من تلامذة المدارس`).
                        (None, None)
                            if !r.closed.of_them_or_among_them(r.word(h.start))
                                && t < r.toks().len()
                                && r.toks()[t].joined
                                && r.toks()[t].kind == TokKind::Word
                                && self.noun_at(r, t).is_none()
                                && !r.in_quantity[t] =>
                        {
                            continue;
                        }
                        _ => (None, cue_cat, None),
                    }
                }
                _ => continue,
            };
            // A neutral cue (`بينهم طفلان`) takes the category of the figure it follows.
            // The closest figure before the cue: among the figures (in text order, so
            // found by bisection) or the noun mentions made so far (the last one).
            // A figure whose verb comes after the cue counts (`لقي 13 شخصا بينهم طفلان
            // مصرعهم`).
            let k = out[..figures].partition_point(|d| d.first < h.start);
            let partner = [k.checked_sub(1).map(|k| &out[k]), out[figures..].last()]
                .into_iter()
                .flatten()
                .filter(|d| d.first < h.start)
                .max_by_key(|d| d.last)
                .filter(|d| r.sentence[d.last] == r.sentence[h.start]);
            let (category, inherited) = match (category, partner) {
                (Some(c), _) => (c, false),
                (None, Some(p)) => (p.category, true),
                (None, None) => continue,
            };
            if self.excluded(r, h.start, n.end, category) {
                continue;
            }
            // A person noun gives way to a group named right after it (`أحد عناصر
            // الشرطة`, `شخص من المدنيين`), and so does a vague quantity (`عدد كبير من
            // المدنيين`); the quote then runs to that noun.
            // `وأصابت آخرين`, `وأصيب آخر`: more of the people the figure before counted, of
            // its group ([`Borrow::Others`]), unless a group is named after them (`وإصابة
            // آخرين من المدنيين`).
            let others = r.has_others(n.start);
            let (group, end) = match group.filter(|g| *g != Group::Unspecified) {
                Some(g) => (g, n.end),
                None => self
                    .group_noun_after(r, n.end)
                    .unwrap_or((Group::Unspecified, n.end)),
            };
            let end = end.max(named_end);
            used[h.start..end].fill(true);
            let (approx, low, high) = match qualified {
                Some((_, true)) if count.is_some() => (true, count, None),
                Some(_) if count.is_some() => (true, count, count),
                _ => (false, count, count),
            };
            let d = Draft {
                approx,
                low,
                high,
                // A neutral cue's figure breaks the one before down (`بينهم طفلان`); so
                // does one whose cue says it is a part (`ومن بين القتلى قيادي`).
                flags: if inherited || matches!(h.entry.kind, Kind::Cue { part: true, .. }) {
                    vec![Flag::Breakdown]
                } else {
                    Vec::new()
                },
                partner: partner.filter(|_| inherited).map(|p| p.at),
                borrows: others.then_some(Borrow::Others),
                ..Draft::counted(
                    construction,
                    category,
                    count,
                    group,
                    (h.start, end - 1),
                    n.start,
                    &n.entry.rule,
                )
            };
            let d = self.in_the(r, d, used);
            let end = d.last + 1;
            let is_part = d.flags.contains(&Flag::Breakdown);
            out.push(d);
            let head = Head {
                category,
                count,
                at: n.start,
                breakdown: group == Group::Unspecified,
                part: is_part,
                total: count,
            };
            let head_at = out.len() - 1;
            self.parts_after(r, end, head, used, out);
            if !is_part && out.len() == head_at + 1 {
                self.placed_after(r, head_at, used, out);
            }
            self.caused_after(r, out.len() - 1, used, out);
            done = h.start;
        }
        self.cueless_noun_drafts(r, used, out);
        self.noun_then_cue_drafts(r, used, out);
        self.vague_then_cue_drafts(r, used, out);
        self.partitive_vague_drafts(r, used, out);
        self.definite_count_drafts(r, used, out);
        self.definite_people_drafts(r, used, out);
    }

    /// A death or a wound told as a bare, indefinite masdar (the closed class `bare_case`),
    /// all that a verb of result left (`resulted`, then `resulted_in` right before it,
    /// the verb at most four words before that in the clause): one case each, and a
    /// second behind `و` another (`نتج عنه وفاة وإصابة`: one dead, one wounded; `أسفر
    /// الحادث عن إصابة`). Not when it governs whom it struck (`أسفر عن إصابة 5`, `أدى
    /// إلى وفاة الطفل`): a word must not follow in its clause, but a word of how bad.
    fn bare_case_drafts(&self, r: &Reading<'a>, used: &mut [bool], out: &mut Vec<Draft<'a>>) {
        let n = r.toks().len();
        let joined = |t: usize| t < n && r.toks()[t].joined;
        let bare = |t: usize| t < n && !r.in_quantity[t] && r.closed.is_bare_case(r.word(t));
        // What follows closes it: punctuation, a word of how bad, or a clause of its own
        // behind `و` (`ونتج عنها إصابة وحالته مستقرة`).
        let closes = |t: usize| {
            !joined(t)
                || r.word_in(t, &r.closed.severity)
                || (bytes::begins(r.word(t), &r.closed.and)
                    && !r.in_quantity[t]
                    && !r
                        .hits(t)
                        .iter()
                        .any(|h| matches!(h.entry.kind, Kind::Noun { .. })))
        };
        let casualty = |h: &Hit| {
            matches!(
                h.entry.kind,
                Kind::Noun {
                    category: Some(_),
                    ..
                }
            )
        };
        let starts: Vec<usize> = r
            .first_hits(Lead::Noun, casualty)
            .map(|h| h.start)
            .collect();
        for i in starts {
            if i == 0 || !bare(i) || used[i] || bare(i - 1) || !r.after_result(i) {
                continue;
            }
            let last = if bare(i + 1) && joined(i + 1) {
                i + 1
            } else {
                i
            };
            if !closes(last + 1) {
                continue;
            }
            for t in i..=last {
                let Some(h) = r.hits(t).iter().find(|h| {
                    h.end == t + 1
                        && matches!(
                            h.entry.kind,
                            Kind::Noun {
                                category: Some(_),
                                ..
                            }
                        )
                }) else {
                    continue;
                };
                let Kind::Noun {
                    category: Some(category),
                    ..
                } = h.entry.kind
                else {
                    continue;
                };
                used[t] = true;
                let d = self.in_the(
                    r,
                    Draft::counted(
                        by::NOUN_BARE_CASE,
                        category,
                        Some(1),
                        Group::Unspecified,
                        (t, t),
                        t,
                        &h.entry.rule,
                    ),
                    used,
                );
                out.push(d);
            }
        }
    }

    /// A noun of the dead or wounded is a figure even without a cue in three places. A dual
    /// anywhere stands for two (`تسجل حالتي وفاة`), unless a number before it counts it; a
    /// case of one anywhere for one (`أصاب شخصا، وحالة وفاة`). A
    /// noun that opens a sentence, the headline style: a singular of the dead for one
    /// (`قتيل وثلاثة جرحى بانفجار`, `شهيد برصاص قناص`), a plural for a vague figure (`قتلى
    /// وجرحى بقصف على ريف إدلب`). Only there: elsewhere a bare `شهيد` is often someone's
    /// (`ابن شهيد`); and not when a definite word follows (`قتيل الأمس`, `جرحى الحرب` name
    /// people already told of). A singular only of the dead: `مصاب` is as often `ill with`
    /// (`مصاب بالسرطان`). A word that is also a cue (`إصابات`, `ضحايا`) is read as one.
    pub(super) fn cueless_noun_drafts(
        &self,
        r: &Reading<'a>,
        used: &mut [bool],
        out: &mut Vec<Draft<'a>>,
    ) {
        let casualty = |h: &Hit| {
            matches!(
                h.entry.kind,
                Kind::Noun {
                    category: Some(_),
                    ..
                }
            )
        };
        for h in r.first_hits(Lead::Noun, casualty) {
            let i = h.start;
            let Kind::Noun {
                category: Some(category),
                group,
                form,
                ..
            } = h.entry.kind
            else {
                continue;
            };
            if used[i] {
                continue;
            }
            let count = if matches!(form, Form::Dual) {
                // Two cases of a definite death or wound are those told of before (`أن
                // حالتي الوفاة تم تسجيلهما`): no one more.
                if r.after_number(i) || (h.end > i + 1 && r.definite(h.end - 1)) {
                    continue;
                }
                form.count()
            } else if form == Form::Singular
                && (r.closed.is_case(r.word(i))
                    || (h.end > i + 1 && r.closed.is_case(r.word(h.end - 1))))
            {
                // `وحالة وفاة`, `حالة مصاب`: a case is one wherever it stands; not `في
                // حالة وفاة` (in the event of a death) nor the case of someone named after.
                // So is a case that died (`وفاة حالة`, `توفيت حالة`).
                let in_case =
                    i > 0 && r.toks()[i].joined && bytes::same(r.word(i - 1), &r.closed.in_);
                if in_case || r.construct(&h) || self.counted_by_next(r, h.end, used) {
                    continue;
                }
                Some(1)
            } else {
                let opens = i == 0 || r.sentence[i - 1] != r.sentence[i];
                if !opens || r.construct(&h) || r.definite(i) || r.has_cue(i) {
                    continue;
                }
                match form {
                    Form::Singular if category == Category::Killed => Some(1),
                    Form::Plural => None,
                    _ => continue,
                }
            };
            if self.excluded(r, h.start, h.end, category) {
                continue;
            }
            used[h.start..h.end].fill(true);
            let mut d = self.in_the(
                r,
                Draft::counted(
                    by::NOUN_OPENING,
                    category,
                    count,
                    group.unwrap_or(Group::Unspecified),
                    (h.start, h.end - 1),
                    h.start,
                    &h.entry.rule,
                ),
                used,
            );
            // Behind `و` right after a part of a distribution, a part still (`منهم 15 في
            // دوما، و12 في حرستا، وقتيلان في سقبا`), not more dead.
            if count.is_some()
                && r.conjoined(&h)
                && let Some(p) = out
                    .iter()
                    .filter(|p| p.last < i && r.sentence[p.last] == r.sentence[i])
                    .max_by_key(|p| p.last)
                    .filter(|p| p.continued_by_part(i, category))
            {
                d.flags.push(Flag::Breakdown);
                d.construction = by::NUMBER_PART;
                d.partner = Some(p.at);
            }
            let end = d.last + 1;
            out.push(d);
            // The casualties listed after it (`شهيدان وجريح`: two dead, one wounded).
            if count.is_some() {
                let head = Head {
                    category,
                    count,
                    at: h.start,
                    breakdown: false,
                    part: false,
                    total: count,
                };
                self.parts_after(r, end, head, used, out);
            }
        }
    }

    /// A bare plural's conventional range, written after it behind `بال` (`قتلى بالعشرات`,
    /// `جرحى بالمئات`): in the mention and its quote.
    fn in_the(&self, r: &Reading<'a>, mut d: Draft<'a>, used: &mut [bool]) -> Draft<'a> {
        let t = d.last + 1;
        if d.count.is_some()
            || t >= r.toks().len()
            || !r.toks()[t].joined
            || !bytes::begins(r.word(t), &r.closed.with_the)
        {
            return d;
        }
        if let Some((lo, hi)) = self.vague_range_at(r, t) {
            (d.low, d.high) = (Some(lo), Some(hi));
            d.last = t;
            used[t] = true;
        }
        d
    }

    /// An indefinite singular noun of people (and one adjective) right before a verb in the
    /// singular that closes it (`adjacent` cues after their noun): `قال إن جنديا تركيا قتل`,
    /// `امرأة قتلت في القصف`. Not when the verb has an object after it, the noun is then
    /// who did it (`رجل قتل زوجته`, `مسلح قتل 3`), nor when a cue or a partitive stands
    /// before the noun (`بينهم طفل قتل`: a part, told by its own cue), nor when the verb
    /// carries `و`: it opens a clause of its own, its subject after it (`اصطدمت شاحنة
    /// بأخرى وتوفي سائقها`).
    fn subject_drafts(&self, r: &Reading<'a>, used: &mut [bool], out: &mut Vec<Draft<'a>>) {
        let n_toks = r.toks().len();
        // One struck, its words from the subject to its verb.
        let subject = |category, group: Option<Group>, (i, last), rule: &'a str| {
            Draft::counted(
                by::NOUN_SUBJECT,
                category,
                Some(1),
                group.unwrap_or(Group::Unspecified),
                (i, last),
                i,
                rule,
            )
        };
        for v in r.lead_hits(Lead::Cue) {
            let Kind::Cue {
                category: Some(category),
                after: true,
                adjacent: true,
                ..
            } = v.entry.kind
            else {
                continue;
            };
            if used[v.start] || v.start == 0 {
                continue;
            }
            let object = v.end < n_toks
                && r.toks()[v.end].joined
                && (r.in_quantity[v.end]
                    || r.closed.possessed(r.word(v.end))
                    || self.noun_at(r, v.end).is_some());
            if object {
                continue;
            }
            let one = |n: &Hit<'a>| self.one_person(n);
            // `أحد الجنود قتل`: one of a definite plural of people right before the verb.
            if v.start >= 2
                && r.toks()[v.start].joined
                && r.toks()[v.start - 1].joined
                && r.closed.is_one_of(r.word(v.start - 2))
                && r.definite(v.start - 1)
            {
                let i = v.start - 2;
                let people = r.hits(v.start - 1).iter().find_map(|h| match h.entry.kind {
                    Kind::Noun {
                        category: None,
                        group,
                        form: Form::Plural,
                        ..
                    } if h.end == v.start => Some((group, h)),
                    _ => None,
                });
                let Some((group, h)) = people.filter(|_| {
                    !((i..v.end).any(|t| used[t])
                        || (i > 0 && r.toks()[i].joined && r.has_cue(i - 1))
                        || self.excluded(r, i, v.end, category))
                }) else {
                    continue;
                };
                used[i..v.end].fill(true);
                out.push(subject(category, group, (i, v.end - 1), &h.entry.rule));
                continue;
            }
            // A short aside in brackets may stand between the noun and its verb (`وفتاة
            // (15 عاما) أصيبت`): the noun ends where it opens.
            let vs = (v.start.saturating_sub(6)..v.start)
                .find(|&k| k > 0 && r.past_brackets(k) == Some(v.start))
                .unwrap_or(v.start);
            // So may what the one struck was of, after `من`, words joined to the verb that
            // end definite or name a place (`إن عنصرا من القوات الصومالية قتل`, `شابا من
            // أبناء البلدة قتل`, `عسكريا من بلدة خربة غزالة استشهد`): the noun ends where
            // `من` opens it.
            let vs = (vs.saturating_sub(OF_REACH + 1)..vs)
                .find(|&k| {
                    k > 0
                        && r.toks()[k].joined
                        && bytes::same(r.word(k), &r.closed.of)
                        && k + 1 < vs
                        && (k + 1..vs)
                            .all(|t| r.toks()[t].joined && !r.in_quantity[t] && !r.has_cue(t))
                        && (r.definite(vs - 1) || self.place_at(r, k + 1))
                })
                .unwrap_or(vs);
            // The noun right before the verb, or before a word no rule reads (its adjective).
            let adjective = r.hits(vs - 1).is_empty() && !r.in_quantity[vs - 1];
            let Some(n) = [Some(vs - 1), (vs - 1).checked_sub(1).filter(|_| adjective)]
                .into_iter()
                .flatten()
                // The noun may open its sentence (`طفل يستشهد بقصف على الغوطة`): joined to
                // nothing before it, only to the verb after it.
                .filter_map(|k| {
                    r.hits(k)
                        .iter()
                        .find(|h| matches!(h.entry.kind, Kind::Noun { .. }))
                        .copied()
                })
                .find(|n| n.end <= vs && (n.start + 1..vs).all(|t| r.toks()[t].joined))
            else {
                continue;
            };
            // A noun of people that is the adjective of one right before it (`قتل شاب مدني
            // وأصيب آخرون`): that one is the subject, and what stands before it decides.
            let n = (n.start > 0 && r.toks()[n.start].joined)
                .then(|| {
                    r.hits(n.start - 1)
                        .iter()
                        .find(|h| h.end == n.start && one(h))
                        .copied()
                })
                .flatten()
                .unwrap_or(n);
            let i = n.start;
            // The subject of a verb before it, past an adverb or a phrase of where (`واستشهد
            // على إثرها مواطن وأصيب آخرون`): that verb's, not the one after.
            let governed = (i.saturating_sub(4)..i).any(|k| {
                r.hits(k).iter().any(|c| {
                    c.end < i
                        && matches!(
                            c.entry.kind,
                            Kind::Cue {
                                category: Some(_),
                                after: false,
                                ..
                            }
                        )
                        && (r.past_adverb(c.end) == Some(i)
                            || r.past_where(c.end).map(|t| r.past_adjectives(t)) == Some(i))
                })
            });
            if !one(&n)
                || governed
                || (r.closed.is_one_of_them(r.word(i)) && said_before(r, i, category))
                || (i..v.end).any(|t| used[t])
                || r.definite(i)
                || r.after_number(i)
                || !(r.toks()[v.start].joined || vs < v.start)
                || (vs == v.start && r.conjoined(&v))
                || (i > 0 && r.toks()[i].joined && (r.has_cue(i - 1) || r.partitive(i - 1)))
                || self.excluded(r, i, v.end, category)
            {
                continue;
            }
            let Kind::Noun { group, .. } = n.entry.kind else {
                continue;
            };
            used[i..v.end].fill(true);
            out.push(subject(category, group, (i, v.end - 1), &n.entry.rule));
        }
    }

    /// An indefinite singular or dual noun of people right before a cue that follows what
    /// it counts: `لقي شاب مصرعه` (one young man killed), `طفلان فارقا الحياة`. The cue must
    /// stand next to the noun or at most two words after it (`لقي شاب سوري مصرعه`, `وكان
    /// شاب قد لقي مصرعه`): further on, the noun may be the subject of something else (`قال
    /// شاب إن …`). A definite noun only after an opener (`لقي الطفل … حتفه`): elsewhere it
    /// most often names again someone already counted.
    pub(super) fn noun_then_cue_drafts(
        &self,
        r: &Reading<'a>,
        used: &mut [bool],
        out: &mut Vec<Draft<'a>>,
    ) {
        let counted_noun = |h: &Hit| {
            matches!(
                h.entry.kind,
                Kind::Noun {
                    form: Form::Singular | Form::Dual,
                    ..
                } | Kind::Noun {
                    form: Form::Plural,
                    category: None,
                    ..
                }
            )
        };
        for n in r.first_hits(Lead::Noun, counted_noun) {
            let Kind::Noun {
                group,
                form,
                category,
                ..
            } = n.entry.kind
            else {
                continue;
            };
            let i = n.start;
            if used[i] || r.after_number(i) {
                continue;
            }
            // One in the accusative, the first of a list of people before their cue (`إن
            // رجلا وزوجته قتلا`): one. Where its list ends, when it heads one; alone, right
            // after the particle that opens a nominal clause, whose subject it is (`أن
            // جنديا صوماليا لقي حتفه`).
            let after_that = i > 0 && r.toks()[i].joined && r.word_in(i - 1, &r.closed.that);
            let accusative_list = (form == Form::Plural
                && category.is_none()
                && self.lex.singular_accusative(n.entry)
                && !r.definite(i))
            .then(|| self.listed_nouns_end(r, n.end, counted_noun))
            .filter(|&end| end > n.end || after_that);
            let one_accusative = accusative_list.is_some();
            // An indefinite plural of people right before a verb in the dual is two of them
            // (`أن مدنيين قتلا`: the plural's form is the dual's).
            let two_by_verb = form == Form::Plural
                && category.is_none()
                && !r.definite(i)
                && n.end < r.toks().len()
                && r.toks()[n.end].joined
                && r.word_in(n.end, &r.closed.dual_verb);
            // An indefinite plural of people only right after an opener, its subject (`ولقي
            // مدنيون حتفهم`): a vague figure of them.
            let opened_subject = category.is_none()
                && r.toks()[i].joined
                && r.opener_before(i).is_some_and(|o| o.end == i)
                && r.undetermined(&n);
            if form == Form::Plural && !(one_accusative || two_by_verb || opened_subject) {
                continue;
            }
            // Right after a noun already counted, not behind `و`, it is that one's name or
            // apposition (`وأصيب الصحفي أحمد بجروح`): nobody more.
            if i > 0 && used[i - 1] && r.toks()[i].joined && !r.conjoined(&n) {
                continue;
            }
            // Not past another noun: `قال شاب إن المدنيين قتلوا` has its own subject.
            let other_noun = |j: usize| {
                r.hits(j)
                    .iter()
                    .any(|h| matches!(h.entry.kind, Kind::Noun { .. }))
            };
            // After an opener (`لقي شاب يبلغ من العمر 18 عاما مصرعه`) the close may stand
            // further, past numbers and nouns, within the sentence.
            let opener = r.opener_before(i);
            // A definite noun only after an opener (`لقي الشاب … مصرعه`).
            if r.definite(i) && opener.is_none() {
                continue;
            }
            // With no opener, more nouns of people listed behind `و` may stand between the
            // noun and its cue (`طفلان وامرأة قتلوا`): the cue is theirs too.
            let listed_to = match (opener, accusative_list) {
                (Some(_), _) => n.end,
                (None, Some(end)) => end,
                (None, None) => self.listed_nouns_end(r, n.end, counted_noun),
            };
            let reach = if opener.is_some() { FRAME_REACH } else { 3 };
            // A dual's adjective, a word of people of no group in the plural's form right
            // after it (`شابين فلسطينيين أصيبا`), is no other noun.
            // So is `others` right after the noun, in its number (`وشهيد آخر قضى`, `وطفلان
            // آخران أصيبا`).
            let others_after = |j: usize| {
                j == n.end
                    && r.toks()[j].joined
                    && r.hits(j)
                        .iter()
                        .any(|h| h.entry.kind == Kind::Vague { others: true } && h.end == j + 1)
            };
            let adjective = |j: usize| {
                others_after(j)
                    || j == n.end
                        && form == Form::Dual
                        && r.hits(j).iter().all(|h| match h.entry.kind {
                            Kind::Noun {
                                category: None,
                                group: Some(Group::Unspecified),
                                form: Form::Plural | Form::Dual,
                                ..
                            } => h.end == j + 1,
                            Kind::Noun { .. } => false,
                            _ => true,
                        })
            };
            // One of them named between two or more and their cue (`رجلي شرطة أحدهما ضابط
            // قتلا`): a part of them; the cue after it is theirs.
            let named_one = (opener.is_none()
                && form.count().is_some_and(|c| c >= 2)
                && listed_to + 1 < r.toks().len()
                && r.toks()[listed_to].joined
                && r.closed.is_one_of_them(r.word(listed_to)))
            .then(|| self.noun_at(r, listed_to + 1))
            .flatten()
            .and_then(|x| match x.entry.kind {
                Kind::Noun {
                    category: None,
                    form: Form::Singular,
                    group,
                    ..
                } if x.start == listed_to + 1 => Some((x, group)),
                _ => None,
            });
            let listed_to = named_one.map_or(listed_to, |(x, _)| x.end);
            let at = (listed_to..(listed_to + reach).min(r.toks().len())).take_while(|&j| {
                if opener.is_some() {
                    return r.sentence[j] == r.sentence[i] && !used[j];
                }
                r.toks()[j].joined
                    && !used[j]
                    && !r.in_quantity[j]
                    && (!other_noun(j) || adjective(j))
            });
            // A close of its own opener, near its noun (`فارقت الطفلة الرضيعة الحياة`), or
            // past what it is of after `من` (`فقد عنصر من قوات سوريا الديمقراطية حياته`),
            // not behind `و` (`فقد الرجل عمله وحياته …`: one more thing he lost).
            let close_reach = if r.partitive(n.end) {
                CLOSE_REACH + OF_REACH
            } else {
                CLOSE_REACH
            };
            // An aside in brackets after the name stands outside the reach (`فقد الطفل
            // مشاري العلي (15 عاما) حياته`).
            let closes = |j: usize, h: &Hit<'a>| {
                let aside = (n.end..j)
                    .find_map(|k| r.past_brackets(k).filter(|&e| e <= j).map(|e| e - k))
                    .unwrap_or(0);
                opener.is_some_and(|o| h.entry.closes(o.entry))
                    && j < n.end + close_reach + aside
                    && !r.conjoined(h)
            };
            // Among the dead or the wounded, after `من`, right after the noun (`طفلتين من
            // بين الشهداء`): a part of them. Not `بين` alone, which may be where they stood
            // (`وقف رجل بين الجرحى`).
            let among = (opener.is_none()
                && listed_to < r.toks().len()
                && r.toks()[listed_to].joined
                && bytes::same(r.word(listed_to), &r.closed.of))
            .then(|| {
                r.hits(listed_to).iter().find_map(|h| match h.entry.kind {
                    Kind::Cue {
                        part: true,
                        category: Some(c),
                        ..
                    } if h.start == listed_to => Some((*h, c)),
                    _ => None,
                })
            })
            .flatten();
            let Some((cue, category)) = among.or_else(|| self.closing_cue(r, at, closes)) else {
                continue;
            };
            // Right after a word that introduces a place, the noun begins the place's name
            // (`من قرية أم الخلاخيل`), no person.
            let named_place =
                i > 0 && r.toks()[i].joined && crate::places::builtin().is_locative(r.word(i - 1));
            if named_place || self.excluded(r, i, cue.end, category) {
                continue;
            }
            if told_again(r, out, i, category) {
                continue;
            }
            let group = group
                .filter(|g| *g != Group::Unspecified)
                .or_else(|| self.group_after(r, n.end))
                .unwrap_or(Group::Unspecified);
            // After an opener the quote is the opener and its noun, and the people listed
            // after the noun (`لقي ضابط شرطة ومجند … مصرعهما`) are more of the dead; so are
            // those listed behind `و` before the cue (`طفلان وامرأة قتلوا`), in the quote that
            // runs from the noun to its cue, as it does with none.
            let listed = opener.is_some() || listed_to > n.end;
            let (construction, first, last) = match opener {
                Some(o) => (by::FRAME_OPENED, o.start, n.end - 1),
                None => (by::NOUN_THEN_CUE, i, cue.end - 1),
            };
            let count = if one_accusative && opener.is_none() {
                Some(1)
            } else if two_by_verb {
                Some(2)
            } else {
                form.count()
            };
            // The people listed are left to be counted as parts.
            used[first..if listed { n.end } else { last + 1 }].fill(true);
            used[cue.start..cue.end].fill(true);
            out.push(Draft {
                flags: if among.is_some() {
                    vec![Flag::Breakdown]
                } else {
                    Vec::new()
                },
                ..Draft::counted(
                    construction,
                    category,
                    count,
                    group,
                    (first, last),
                    i,
                    &n.entry.rule,
                )
            });
            if let Some((x, group)) = named_one {
                out.push(Draft {
                    flags: vec![Flag::Breakdown],
                    partner: Some(i),
                    ..Draft::counted(
                        by::PARTS_LISTED,
                        category,
                        Some(1),
                        group.unwrap_or(Group::Unspecified),
                        (x.start - 1, x.end - 1),
                        x.start,
                        &x.entry.rule,
                    )
                });
            }
            if listed {
                let head = Head {
                    category,
                    count,
                    at: i,
                    breakdown: false,
                    part: false,
                    total: count,
                };
                self.parts_after(r, n.end, head, used, out);
            }
        }
    }

    /// Where a list of nouns of people behind `و` after token `from` ends (`وامرأة` in
    /// `طفلان وامرأة قتلوا`): `from` when none follows.
    fn listed_nouns_end(
        &self,
        r: &Reading<'a>,
        from: usize,
        counted: impl Fn(&Hit<'a>) -> bool,
    ) -> usize {
        let joined = |t: usize| t < r.toks().len() && r.toks()[t].joined;
        let next = |t: usize| {
            joined(t)
                .then(|| {
                    r.hits(t)
                        .iter()
                        .find(|h| h.start == t && counted(h) && r.conjoined(h))
                })
                .flatten()
        };
        let mut j = from;
        loop {
            // Each may have its place after its noun (`أن رجلا في الرياض وامرأة في جدة
            // توفيا`): looked up only when no noun follows right away.
            let found = next(j).or_else(|| {
                joined(j)
                    .then(|| self.past_place(r, j))
                    .flatten()
                    .and_then(&next)
            });
            match found {
                Some(h) => j = h.end,
                None => return j,
            }
        }
    }

    /// A vague quantity standing for people, right before a cue that follows what it counts
    /// (`العشرات قتلوا في القصف`, `العشرات سقطوا قتلى`): next to it or one word on, nothing
    /// counted between; or past the people it counts and a few words of theirs (`عدد من
    /// أعضاء الكادر الطبي تعرضوا لإصابات`), of their group. The numbers read `عشرات`
    /// themselves; this is the definite form and the words of the vague table.
    pub(super) fn vague_then_cue_drafts(
        &self,
        r: &Reading<'a>,
        used: &mut [bool],
        out: &mut Vec<Draft<'a>>,
    ) {
        let vague = |h: &Hit| h.entry.kind == Kind::Vague { others: false };
        for v in r.first_hits(Lead::Vague, vague) {
            if used[v.start] || r.in_quantity[v.start] {
                continue;
            }
            // The people it counts may stand between, after `من` or in the phrase, with a
            // few words of their own (`عدد من أعضاء الكادر الطبي تعرضوا لإصابات`).
            let of = if v.entry.words.last().is_some_and(|w| *w == r.closed.of) {
                v.end
            } else if v.end < r.toks().len() && r.partitive(v.end) {
                v.end + 1
            } else {
                v.end
            };
            let people = self.noun_at(r, of).filter(|n| {
                matches!(
                    n.entry.kind,
                    Kind::Noun {
                        category: None,
                        form: Form::Plural,
                        ..
                    }
                ) && !used[n.start]
            });
            let (from, reach) = match people {
                Some(n) => (n.end, PEOPLE_WORDS),
                None => (v.end, 2),
            };
            // Past the people, a noun of people is theirs too (`الجنود الأتراك`); the dead and
            // wounded split among them, a noun that is also the cue after them, is that cue
            // (`بين قتيل وجريح`).
            let cue_after_at = |j: usize| {
                r.hits(j).iter().any(|c| {
                    c.start == j
                        && matches!(
                            c.entry.kind,
                            Kind::Cue {
                                after: true,
                                category: Some(Category::KilledOrWounded),
                                ..
                            }
                        )
                })
            };
            let at = (from..(from + reach).min(r.toks().len())).take_while(|&j| {
                r.toks()[j].joined
                    && !used[j]
                    && !r.in_quantity[j]
                    && r.clause[j] == r.clause[v.start]
                    && self.noun_at(r, j).is_none_or(|h| {
                        (people.is_some()
                            && matches!(h.entry.kind, Kind::Noun { category: None, .. }))
                            || cue_after_at(j)
                    })
            });
            let Some((cue, category)) = self.closing_cue(r, at, |_, _| false) else {
                continue;
            };
            if self.excluded(r, v.start, cue.end, category) {
                continue;
            }
            let group = match people.map(|n| &n.entry.kind) {
                Some(Kind::Noun { group, .. }) => group.unwrap_or(Group::Unspecified),
                _ => Group::Unspecified,
            };
            used[v.start..cue.end].fill(true);
            out.push(Draft::counted(
                by::VAGUE_THEN_CUE,
                category,
                None,
                group,
                (v.start, cue.end - 1),
                v.start,
                &v.entry.rule,
            ));
        }
    }

    /// The first cue after its noun at tokens `at` (`20 مدنيا قتلوا`, `العشرات قتلوا`), with
    /// the category it says; with `closes(j, close)`, a close of an opener at `j` too (`فارقت
    /// الطفلة الحياة`).
    fn closing_cue(
        &self,
        r: &Reading<'a>,
        at: impl Iterator<Item = usize>,
        closes: impl Fn(usize, &Hit<'a>) -> bool,
    ) -> Option<(Hit<'a>, Category)> {
        at.into_iter().find_map(|j| {
            r.hits(j).iter().find_map(|h| match h.entry.kind {
                Kind::Cue {
                    after: true,
                    category: Some(c),
                    adjacent: false,
                    ..
                } => Some((*h, c)),
                Kind::Close { category, .. } if closes(j, h) => Some((*h, category)),
                _ => None,
            })
        })
    }

    /// The plural of people at hit `n` counted by a definite number joined right after it
    /// (`أطفالها الثلاثة`), not yet read: the count and the number's last token.
    fn numbered_after(&self, r: &Reading<'a>, n: &Hit<'a>, used: &[bool]) -> Option<(u64, usize)> {
        let plural = matches!(
            n.entry.kind,
            Kind::Noun {
                form: Form::Plural,
                ..
            }
        );
        (plural && n.end < r.toks().len() && r.toks()[n.end].joined)
            .then(|| self.definite_number(r, n.end))
            .flatten()
            .filter(|&(_, t)| !used[t])
    }

    /// The count a definite number word at token `t` says (`الثلاثة`), two or more, and
    /// the token it ends at: a teen's bare ten after it is its own (`الأربعة عشر`).
    fn definite_number(&self, r: &Reading<'a>, t: usize) -> Option<(u64, usize)> {
        use crate::numbers::table::WordKind;
        if t >= r.toks().len() {
            return None;
        }
        let v = self
            .numbers
            .table()
            .readings(r.without_article(t)?)
            .iter()
            .find(|x| matches!(x.kind, WordKind::Unit | WordKind::Teen | WordKind::Tens))
            .and_then(|x| u64::try_from(x.value).ok())
            .filter(|&v| v >= 2)?;
        // `المصابون الأربعة عشر`: a teen, its ten written bare after the unit.
        let tail = t + 1 < r.toks().len()
            && r.toks()[t + 1].joined
            && self
                .numbers
                .table()
                .readings(r.word(t + 1))
                .iter()
                .any(|x| x.kind == WordKind::TeenTail);
        Some(if v < 10 && tail {
            (v + 10, t + 1)
        } else {
            (v, t)
        })
    }

    /// A definite noun of the dead or the wounded followed by a definite number word counts:
    /// `القتلى الثلاثة` (the three dead), `الجرحى الخمسة`. Not when a figure of the same
    /// casualties and count stands before it in the text: then it names them again.
    pub(super) fn definite_count_drafts(
        &self,
        r: &Reading<'a>,
        used: &mut [bool],
        out: &mut Vec<Draft<'a>>,
    ) {
        // `الضحايا الستة`: a number of victims is of the dead, as with a figure.
        let noun = |h: &Hit| {
            h.end == h.start + 1
                && matches!(
                    h.entry.kind,
                    Kind::Noun {
                        category: Some(_),
                        form: Form::Plural,
                        ..
                    }
                )
        };
        for n in r.first_hits(Lead::Noun, noun) {
            let Kind::Noun {
                category: Some(category),
                group,
                ..
            } = n.entry.kind
            else {
                continue;
            };
            let category = super::figures::counted_victims(category);
            let t = n.end;
            if t >= r.toks().len() {
                continue;
            }
            if !r.definite(n.start) || !r.toks()[t].joined || used[n.start] || used[t] {
                continue;
            }
            // The bodies or the funeral of those told of already (`تشييع جثامين الضحايا
            // الخمسة`).
            if n.start > 0 && r.toks()[n.start].joined && r.closed.is_bodies(r.word(n.start - 1)) {
                continue;
            }
            let Some((count, t)) = self.definite_number(r, t) else {
                continue;
            };
            // `الخمسة والعشرين`: one part of a compound number this does not read.
            if t + 1 < r.toks().len() && r.toks()[t + 1].joined && r.closed.and_the(r.word(t + 1)) {
                continue;
            }
            if told_before(out, n.start, category, count)
                || self.excluded(r, n.start, t + 1, category)
            {
                continue;
            }
            used[n.start..=t].fill(true);
            let group = group
                .or_else(|| self.group_after(r, t + 1))
                .unwrap_or(Group::Unspecified);
            out.push(Draft::counted(
                by::DEFINITE_COUNT,
                category,
                Some(count),
                group,
                (n.start, t),
                n.start,
                &n.entry.rule,
            ));
        }
    }

    /// Definite people counted by a definite number word, then a relative pronoun and a cue
    /// after them: `المسؤولين السوريين الثلاثة الذين قتلوا أمس` (three killed), `الجنود
    /// الخمسة الذين أصيبوا`. One adjective may stand between noun and number. Not when a
    /// figure of the same count and category came before (the same people again).
    pub(super) fn definite_people_drafts(
        &self,
        r: &Reading<'a>,
        used: &mut [bool],
        out: &mut Vec<Draft<'a>>,
    ) {
        let people = |h: &Hit| {
            matches!(
                h.entry.kind,
                Kind::Noun {
                    category: None,
                    form: Form::Plural,
                    ..
                }
            )
        };
        let n_toks = r.toks().len();
        for n in r.first_hits(Lead::Noun, people) {
            let Kind::Noun { group, .. } = n.entry.kind else {
                continue;
            };
            if used[n.start] || !r.definite(n.start) {
                continue;
            }
            let joined = |t: usize| t < n_toks && r.toks()[t].joined && !used[t];
            // The number right after the noun, or after one adjective.
            let Some((t, count)) = [n.end, n.end + 1]
                .into_iter()
                .filter(|&t| (n.end..=t).all(joined))
                .filter(|&t| t == n.end || (r.definite(n.end) && r.hits(n.end).is_empty()))
                .find_map(|t| self.definite_number(r, t).map(|(v, t)| (t, v)))
            else {
                continue;
            };
            if !joined(t + 1) || !r.word_in(t + 1, &r.closed.relative) {
                continue;
            }
            let at = (t + 2..(t + 4).min(n_toks)).take_while(|&j| joined(j));
            let Some((cue, category)) = self.closing_cue(r, at, |_, _| false) else {
                continue;
            };
            if told_before(out, n.start, category, count)
                || self.excluded(r, n.start, cue.end, category)
            {
                continue;
            }
            used[n.start..cue.end].fill(true);
            out.push(Draft::counted(
                by::DEFINITE_COUNT,
                category,
                Some(count),
                group.unwrap_or(Group::Unspecified),
                (n.start, cue.end - 1),
                n.start,
                &n.entry.rule,
            ));
        }
    }

    /// A vague quantity *of* casualties needs no cue: `والعديد من الجرحى`, `عدد من القتلى
    /// والجرحى`, `الكثير من الضحايا`. Only with `من` between the two: `عدد القتلى` (the
    /// number of the dead) is no quantity; and not after a figure of the same casualties in
    /// the sentence, which it takes up again. Each casualty noun coordinated with `و` right
    /// after the first makes a mention of its own.
    pub(super) fn partitive_vague_drafts(
        &self,
        r: &Reading<'a>,
        used: &mut [bool],
        out: &mut Vec<Draft<'a>>,
    ) {
        let casualty_plural = |t: usize, used: &[bool]| {
            r.hits(t).iter().find_map(|h| match h.entry.kind {
                Kind::Noun {
                    category: Some(c),
                    group,
                    form: Form::Plural,
                    ..
                } if r.toks()[t].joined && !used[t] => Some((*h, c, group)),
                _ => None,
            })
        };
        for v in r.first_hits(Lead::Vague, |h| matches!(h.entry.kind, Kind::Vague { .. })) {
            if used[v.start] || r.in_quantity[v.start] || r.after_superlative(v.start) {
                continue;
            }
            // `من` written in the phrase (`عدد من`) or after it (`العديد من`).
            let j = if v.entry.words.last().is_some_and(|w| *w == r.closed.of) {
                v.end
            } else if v.end < r.toks().len()
                && r.toks()[v.end].joined
                && bytes::same(r.word(v.end), &r.closed.of)
            {
                v.end + 1
            } else {
                continue;
            };
            if j >= r.toks().len() {
                continue;
            }
            // A cue of the dead right before it counts the dead among the wounded (`وفاة عدد
            // من المصابين`).
            let of_the_dead = v.start > 0
                && r.toks()[v.start].joined
                && r.hits(v.start - 1).iter().any(|h| {
                    h.end == v.start
                        && matches!(
                            h.entry.kind,
                            Kind::Cue {
                                category: Some(Category::Killed),
                                ..
                            }
                        )
                });
            let (mut first, mut j) = (v.start - usize::from(of_the_dead), j);
            while let Some((n, category, group)) = casualty_plural(j, used) {
                let category = if of_the_dead && category == Category::Wounded {
                    Category::Killed
                } else {
                    category
                };
                // After a figure of the same casualties in its sentence, it refers back to
                // them (`سقوط عشرات القتلى والجرحى ... نقل العديد من المصابين`).
                let counted = out.iter().any(|d| {
                    d.last < first
                        && r.sentence[d.at] == r.sentence[first]
                        && (d.category == category || d.category == Category::KilledOrWounded)
                });
                if counted || self.excluded(r, first, n.end, category) {
                    break;
                }
                used[first..n.end].fill(true);
                let group = group
                    .or_else(|| self.group_after(r, n.end))
                    .unwrap_or(Group::Unspecified);
                out.push(Draft::counted(
                    by::VAGUE_PARTITIVE,
                    category,
                    None,
                    group,
                    (first, n.end - 1),
                    n.start,
                    &n.entry.rule,
                ));
                // `... والجرحى`: the next noun, if it is one, joined by `و`.
                if n.end >= r.toks().len() || !bytes::begins(r.word(n.end), &r.closed.and) {
                    break;
                }
                (first, j) = (n.end, n.end);
            }
        }
    }

    /// After a verb and its agent, the one or two it struck (`قتلت الغارة جنديا`, `أصابت
    /// القذيفة طفلين`, `قتل جنود إسرائيليون صبيا`): a singular written as a count's noun
    /// is, or a dual, right after the agent at `t`; or the dead and wounded it left, an
    /// indefinite plural (`خلفت الغارات قتلى`, `أسفرت الاشتباكات عن جرحى`). No other noun stands there (`مقتل الجنود
    /// الثلاثة`).
    pub(super) fn object_past_agent(&self, r: &Reading<'a>, t: usize) -> Option<Hit<'a>> {
        if t >= r.toks().len() || !r.toks()[t].joined {
            return None;
        }
        // The agent: a definite word, or a plural of a group with one word after it that
        // no rule reads (`قتل جنود إسرائيليون صبيا`: their adjective).
        let group_plural = self.noun_at(r, t).filter(|h| {
            matches!(
                h.entry.kind,
                Kind::Noun {
                    category: None,
                    form: Form::Plural,
                    ..
                }
            )
        });
        let lone = self.lone_agent(r, t);
        let after = if r.definite(t) || lone {
            t + 1
        } else if let Some(h) = group_plural {
            // Its adjective: a word no rule reads, or one read as a plural of people too
            // (`مسلحون مجهولون`) but not as the one they struck (`مجهولون شابا`).
            let bare = h.end < r.toks().len()
                && r.toks()[h.end].joined
                && (r.hits(h.end).is_empty()
                    || self.noun_at(r, h.end).is_some_and(|x| {
                        x.end == h.end + 1
                            && matches!(
                                x.entry.kind,
                                Kind::Noun {
                                    category: None,
                                    form: Form::Plural,
                                    ..
                                }
                            )
                            && !self.lex.singular_accusative(x.entry)
                    }));
            h.end + usize::from(bare)
        } else {
            return None;
        };
        // `أسفرت الاشتباكات عن قتلى`: the preposition the verb takes its object with; the
        // noun after it is in the genitive, with no accusative to show (`عن قتيل`).
        let about =
            after < r.toks().len() && r.toks()[after].joined && r.word_in(after, &r.closed.about);
        let after = after + usize::from(about);
        let n = self.noun_at(r, after)?;
        // After a lone agent, a noun behind `و` is more of whom the verb struck, not its
        // object (`قتل رجل وابنيه`).
        if lone && r.conjoined(&n) {
            return None;
        }
        let one_or_two = match n.entry.kind {
            // Not a definite one after a lone agent: the agent's genitive, a plural written
            // as a dual is (`مقتل أحد الصحفيين`: one of the journalists).
            Kind::Noun {
                form: Form::Dual, ..
            } => !(lone && r.definite(n.start)),
            Kind::Noun {
                form: Form::Singular,
                ..
            } => {
                !r.definite(n.start)
                    && (about
                        || r.word(n.start).ends_with(r.closed.accusative.as_str())
                        || self.titled(r, &n))
            }
            // Or an indefinite plural of the dead or wounded, a vague figure (`خلفت الغارات
            // قتلى وجرحى`).
            Kind::Noun {
                form: Form::Plural,
                category,
                ..
            } => {
                !r.definite(n.start)
                    && ((category.is_some() && !lone) || self.lex.singular_accusative(n.entry))
                    && !self.cue_of_next(r, n)
            }
            _ => false,
        };
        one_or_two.then_some(n)
    }

    /// The indefinite casualty noun, and its category, joined right at token `t` (`بين قتيل
    /// وجريح`, `قتلى`); a definite one after a partitive is [`by::VAGUE_PARTITIVE`]'s.
    fn casualty_after(&self, r: &Reading<'a>, t: usize) -> Option<(Category, Hit<'a>)> {
        if t >= r.toks().len() || !r.toks()[t].joined || r.definite(t) {
            return None;
        }
        r.hits(t).iter().find_map(|h| match h.entry.kind {
            Kind::Noun {
                category: Some(c), ..
            } if h.start == t => Some((c, *h)),
            _ => None,
        })
    }

    /// Is the singular noun of hit `n` a person named by the office they held (the closed
    /// class `office`): the head of a construct whose genitive is definite, right after it
    /// or past one word (`قائد الكتيبة`, `مدير أمن المحافظة`, `مختار القرية`: a place or
    /// a thing, or people)? As a verb's object it is one person, though it shows no
    /// accusative.
    fn titled(&self, r: &Reading<'a>, n: &Hit<'a>) -> bool {
        let joined = |t: usize| t < r.toks().len() && r.toks()[t].joined;
        let genitive = |t: usize| {
            joined(t)
                && r.definite(t)
                && !bytes::begins(r.word(t), &r.closed.with_the)
                && !r.hits(t).iter().any(|h| {
                    !matches!(
                        h.entry.kind,
                        Kind::Noun { category: None, .. } | Kind::Unit { .. }
                    )
                })
        };
        n.end == n.start + 1
            && r.closed.is_office(r.word(n.start))
            && (genitive(n.end)
                || (joined(n.end)
                    && !r.definite(n.end)
                    && r.hits(n.end).is_empty()
                    && genitive(n.end + 1)))
    }

    /// Is the word at `t`, right after a verb, its agent alone, with the one it struck
    /// after it: an indefinite word no rule counts (`قتل قناص شابا`), or one person not
    /// in the accusative (`قتل مسلح شرطيا`)? What follows it must then be one or two of a
    /// count's form (see [`Extractor::object_past_agent`]): a nominative noun of people
    /// followed by an accusative one is the verb's agent and its object.
    pub(super) fn lone_agent(&self, r: &Reading<'a>, t: usize) -> bool {
        if t >= r.toks().len()
            || r.toks()[t].kind != TokKind::Word
            || r.definite(t)
            || r.in_quantity[t]
        {
            return false;
        }
        match self.noun_at(r, t) {
            None => !r.has_cue(t) && !r.has_vague(t) && self.past_qualifier(r, t).is_none(),
            Some(h) => {
                h.end == t + 1
                    && matches!(
                        h.entry.kind,
                        Kind::Noun {
                            category: None,
                            form: Form::Singular,
                            ..
                        }
                    )
                    && !r.word(t).ends_with(r.closed.accusative.as_str())
            }
        }
    }

    /// Is the noun `n` a cue too, with what it counts right after it (`أسفر الحادث عن وفاة
    /// شخص`, `عن إصابة 3`, `عن إصابة عدد من المدنيين`)? Then the cue reads the figure, not
    /// the noun alone. Not what is coordinated with it behind `و` (`خلفت إصابات وحالة
    /// وفاة`): the noun governs no one.
    fn cue_of_next(&self, r: &Reading<'a>, n: Hit<'a>) -> bool {
        let t = n.end;
        t < r.toks().len()
            && r.toks()[t].joined
            && r.hits(n.start)
                .iter()
                .any(|h| matches!(h.entry.kind, Kind::Cue { after: false, .. }))
            && ((r.in_quantity[t] && !self.behind_waw(r, t))
                || self.noun_at(r, t).is_some_and(|x| !r.conjoined(&x))
                || (r.has_vague(t) && !bytes::begins(r.word(t), &r.closed.and)))
    }

    /// A qualifier phrase of the number table at token `t` (`ما لا يقل عن`, `نحو`), joined
    /// to what precedes it: the token after it, and whether it gives a lower bound.
    pub(super) fn past_qualifier(&self, r: &Reading<'a>, t: usize) -> Option<(usize, bool)> {
        use crate::numbers::table::Context;
        let table = self.numbers.table();
        if t >= r.toks().len() || !table.may_start_phrase(r.word(t)) {
            return None;
        }
        [(Context::AtLeast, true), (Context::Approx, false)]
            .into_iter()
            .find_map(|(ctx, at_least)| {
                table.phrases_of(ctx).iter().find_map(|words| {
                    let fits = words.iter().enumerate().all(|(k, w)| {
                        let j = t + k;
                        j < r.toks().len() && r.toks()[j].joined && r.word(j) == w
                    });
                    fits.then_some((t + words.len(), at_least))
                })
            })
    }

    /// Is `n` a noun of people that counts one: a singular, or the accusative singular
    /// that the rules list among the forms after a number (`طفلا`, `شخصا`)?
    pub(super) fn one_person(&self, n: &Hit<'a>) -> bool {
        match n.entry.kind {
            Kind::Noun {
                category: None,
                form: Form::Singular,
                ..
            } => true,
            Kind::Noun {
                category: None,
                form: Form::Plural,
                ..
            } => self.lex.singular_accusative(n.entry),
            _ => false,
        }
    }

    /// A singular noun of people behind `و` at token `j`, right after the singular noun a
    /// figure of eleven or more counts (`275 طفلا وامرأة`), and the token after it: counted
    /// by the same number. Not a definite noun, nor one more figure's head (`و3 نساء`).
    pub(super) fn counted_too(
        &self,
        r: &Reading<'a>,
        d: &Draft<'a>,
        j: usize,
    ) -> Option<(Group, usize)> {
        // A singular, or the accusative singular a count of eleven or more takes (`طفلا`).
        let singular = |t: usize, end: usize| {
            r.hits(t).iter().find(|h| {
                h.end == end
                    && self.one_person(h)
                    && matches!(h.entry.kind, Kind::Noun { named: false, .. })
            })
        };
        // The figure's own noun is singular and ends it.
        if d.last < d.at || singular(d.last, j).is_none() && singular(d.at + 1, j).is_none() {
            return None;
        }
        let n = self.noun_at(r, j)?;
        let Kind::Noun {
            category: None,
            form: Form::Singular,
            named: false,
            group,
            ..
        } = n.entry.kind
        else {
            return None;
        };
        (r.conjoined(&n) && !r.definite(n.start) && !r.in_quantity[n.start])
            .then(|| (group.unwrap_or(Group::Unspecified), n.end))
    }

    /// A distribution by place written with nouns (see [`by::NOUN_BY_PLACE`]): after the
    /// figure `out[at]` and its place, each clause past a comma that opens with `و` and
    /// one or two people named by their noun (a few behind `و`), then a place of their own,
    /// is more of the figure's kind, each noun a figure. The walk ends at the first clause
    /// that is not one.
    pub(super) fn placed_after(
        &self,
        r: &Reading<'a>,
        at: usize,
        used: &mut [bool],
        out: &mut Vec<Draft<'a>>,
    ) {
        self.listed_apart(r, at, used, out, by::NOUN_BY_PLACE, |t| self.place_at(r, t));
    }

    /// A distribution by cause written with nouns (see [`by::NOUN_BY_CAUSE`]): as
    /// [`Self::placed_after`], each clause with a cause of its own (`جراء`, `إثر`) where a
    /// place stands there. Of a part, they are parts of its total too.
    pub(super) fn caused_after(
        &self,
        r: &Reading<'a>,
        at: usize,
        used: &mut [bool],
        out: &mut Vec<Draft<'a>>,
    ) {
        let cause_at = |t: usize| {
            t < r.toks().len() && r.toks()[t].joined && r.word_in(t, &r.closed.adverbial)
        };
        // Asked of every figure: the cause right after it first, a word's lookup, before
        // the walk to the next clause.
        if cause_at(out[at].last + 1) {
            self.listed_apart(r, at, used, out, by::NOUN_BY_CAUSE, cause_at);
        }
    }

    /// The walk of [`Self::placed_after`] and [`Self::caused_after`]: `apart` says whether
    /// the words at a token set a clause's people apart (a place, a cause).
    fn listed_apart(
        &self,
        r: &Reading<'a>,
        at: usize,
        used: &mut [bool],
        out: &mut Vec<Draft<'a>>,
        construction: &'static str,
        apart: impl Fn(usize) -> bool,
    ) {
        let (category, s, last) = (out[at].category, r.sentence[out[at].last], out[at].last);
        let n_toks = r.toks().len();
        // Past a noun's count written after it (`ومواطنان اثنان`), its adjective.
        let past_count = |n: &Hit<'a>| self.adjective_count_end(r, n);
        let one_or_two = |h: &Hit<'a>| {
            matches!(
                h.entry.kind,
                Kind::Noun {
                    category: None,
                    group: Some(_),
                    form: Form::Singular | Form::Dual,
                    named: false,
                    ..
                }
            )
        };
        // The clause after the figure's place: the place right after it, nothing but that
        // up to the comma; or, with no comma, up to `و` and one or two people with a place
        // of their own (`قتل جنديان في درعا وآخر في حمص`).
        let next_clause = |from: usize| {
            (from + 1..n_toks)
                .take_while(|&t| r.sentence[t] == s && !r.in_quantity[t])
                .find(|&t| {
                    !r.toks()[t].joined
                        || (bytes::begins(r.word(t), &r.closed.and)
                            && [t, t + 1].into_iter().any(|k| {
                                k < n_toks
                                    && r.hits(k).iter().any(|h| {
                                        h.start == k
                                            && one_or_two(h)
                                            && r.conjoined(h)
                                            && apart(past_count(h))
                                    })
                            }))
                })
        };
        let mut k = next_clause(last + 1);
        // Asked of every figure: the clause after it must open with `و` before its own
        // place is looked up.
        if k.is_none_or(|c| !bytes::begins(r.word(c), &r.closed.and)) || !apart(last + 1) {
            return;
        }
        // Of a part, the total it is a part of: the first figure of its chain of partners
        // that is no part.
        let mut total = (construction == by::NOUN_BY_CAUSE)
            .then_some(&out[at])
            .filter(|d| d.flags.contains(&Flag::Breakdown))
            .and_then(|d| d.partner);
        for _ in 0..4 {
            match total.and_then(|t| out.iter().find(|d| d.at == t)) {
                Some(d) if d.flags.contains(&Flag::Breakdown) => total = d.partner,
                _ => break,
            }
        }
        while let Some(c) = k {
            // `وامرأة` or `و امرأة`.
            let first = if bytes::same(r.word(c), &r.closed.and) {
                c + 1
            } else if bytes::begins(r.word(c), &r.closed.and) {
                c
            } else {
                return;
            };
            let noun_at = |t: usize, joined: bool| {
                (t < n_toks && (joined || r.toks()[t].joined))
                    .then(|| r.hits(t).iter().find(|h| one_or_two(h)).copied())
                    .flatten()
                    .filter(|n| !used[n.start] && !r.definite(n.start))
            };
            let mut nouns = Vec::new();
            let mut t = first;
            while let Some(n) = noun_at(t, t == c) {
                if t != first && !r.conjoined(&n) {
                    break;
                }
                nouns.push(n);
                t = past_count(&n);
            }
            if nouns.is_empty() || !apart(t) {
                return;
            }
            for n in nouns {
                let Kind::Noun { group, form, .. } = n.entry.kind else {
                    continue;
                };
                let end = past_count(&n);
                used[n.start..end].fill(true);
                // One more (`وآخر في حمص`) is of the figure's group, as `others` are.
                let others = r.has_others(n.start);
                out.push(Draft {
                    borrows: others.then_some(Borrow::Others),
                    flags: total.map(|_| vec![Flag::Breakdown]).unwrap_or_default(),
                    partner: total,
                    ..Draft::counted(
                        construction,
                        category,
                        form.count(),
                        group.unwrap_or(Group::Unspecified),
                        (n.start, end - 1),
                        n.start,
                        &n.entry.rule,
                    )
                });
            }
            k = next_clause(t);
        }
    }

    /// How many people a list of singular and dual nouns of people from token `j` counts,
    /// one behind `و` after another (`رجل وطفلين`: 3); 0 when a word of it is no such noun
    /// or fewer than two are listed.
    fn apposition(&self, r: &Reading<'a>, mut j: usize) -> u64 {
        let (mut total, mut listed) = (0, 0);
        loop {
            let Some(n) = r
                .hits(j)
                .iter()
                .find(|h| h.start == j && matches!(h.entry.kind, Kind::Noun { .. }))
                .copied()
            else {
                return 0;
            };
            // One person (a singular, or its accusative the rules list with the plurals) or
            // two, of a group, indefinite.
            let count = match n.entry.kind {
                Kind::Noun {
                    category: None,
                    group: Some(_),
                    form: Form::Dual,
                    ..
                } => Some(2),
                Kind::Noun { group: Some(_), .. } if self.one_person(&n) => Some(1),
                _ => None,
            }
            .filter(|_| !r.definite(j));
            let Some(c) = count else { return 0 };
            total += c;
            listed += 1;
            j = n.end;
            let goes_on =
                j < r.toks().len() && r.toks()[j].joined && bytes::begins(r.word(j), &r.closed.and);
            if !goes_on {
                return if listed >= 2 { total } else { 0 };
            }
            if bytes::same(r.word(j), &r.closed.and) {
                j += 1;
            }
        }
    }

    /// The token past a singular or dual noun's count written after it, its adjective
    /// (`وجريح واحد`, `ومواطنان اثنان`); the noun's end when none follows.
    fn adjective_count_end(&self, r: &Reading<'a>, n: &Hit<'a>) -> usize {
        let count = match n.entry.kind {
            Kind::Noun { form, .. } => form.count(),
            _ => None,
        };
        match count {
            Some(c @ (1 | 2)) if n.end < r.toks().len() && r.toks()[n.end].joined => r
                .q_toks
                .iter()
                .zip(&r.quantities)
                .find(|((a, _), q)| {
                    *a == n.end && q.value().and_then(|v| v.as_integer()) == Some(i128::from(c))
                })
                .map_or(n.end, |((_, z), _)| *z),
            _ => n.end,
        }
    }

    /// The token past what may follow a person's noun in a list of the dead before `و` and
    /// the next of them: an aside in brackets (`رجل (74 عاما)`), and where it befell them,
    /// at home or abroad, with an aside of its own (`في الطائف (غرب)`, `بالرياض`). `from`
    /// itself when no aside follows: a place alone after the noun is that figure's, and
    /// the next behind `و` a figure of its own place (`قتل جنديان في درعا وآخر في حمص`).
    fn past_person_aside(&self, r: &Reading<'a>, from: usize) -> usize {
        let n = r.toks().len();
        // Asked after every noun a list may go on from: the aside first, a look at the
        // gap before the token, before any place is looked up.
        let Some(mut j) = r.past_brackets(from) else {
            return from;
        };
        for _ in 0..2 {
            if j >= n || !r.toks()[j].joined {
                break;
            }
            match r.past_brackets(j).or_else(|| self.past_place(r, j)) {
                Some(k) => j = k,
                None => break,
            }
        }
        j
    }

    /// The token past a place's name at `t`, bare or behind `في`, at home or abroad (`في
    /// الطائف`, `بالرياض`).
    fn past_place(&self, r: &Reading<'a>, t: usize) -> Option<usize> {
        let n = r.toks().len();
        let behind_in = usize::from(bytes::same(r.word(t), &r.closed.in_));
        // At most four words, on the stack: asked after many nouns of people.
        let mut words = [""; 4];
        let len = n.saturating_sub(t).min(4);
        for (k, w) in words[..len].iter_mut().enumerate() {
            *w = r.word(t + k);
        }
        match crate::places::builtin().find(&words[..len]).first() {
            Some(&(i, len, p)) if i == behind_in && !p.nationwide => Some(t + i + len),
            _ => None,
        }
    }

    /// Singular and dual nouns listed after a figure, each one a figure beside it, or a
    /// part of it when it is a total (`أودى بحياة شخصين امرأة و رجل`, `مقتل طفلين وامرأة`).
    pub(super) fn parts_after(
        &self,
        r: &Reading<'a>,
        mut j: usize,
        head: Head,
        used: &mut [bool],
        out: &mut Vec<Draft<'a>>,
    ) {
        let category = head.category;
        // An adjective of the head's noun, a word of people of no group (`4 جنود سوريين
        // ومقاتلان`): the list goes on after it.
        if j + 1 < r.toks().len()
            && r.toks()[j].joined
            && !bytes::begins(r.word(j), &r.closed.and)
            && bytes::begins(r.word(j + 1), &r.closed.and)
            && r.hits(j).iter().any(|h| {
                h.end == j + 1
                    && matches!(
                        h.entry.kind,
                        Kind::Noun {
                            category: None,
                            group: None | Some(Group::Unspecified),
                            ..
                        }
                    )
            })
        {
            j += 1;
        }
        // Whose they were, after `من`, definite by the article or its genitive (`مقتل عنصرين
        // من الشرطة ومسلح`, `مقتل عنصرين من قوات النظام وعنصر آخر من التنظيم`): the list
        // goes on after.
        if j + 1 < r.toks().len()
            && r.toks()[j].joined
            && bytes::same(r.word(j), &r.closed.of)
            && let Some(g) = self.noun_at(r, j + 1).filter(|g| {
                matches!(
                    g.entry.kind,
                    Kind::Noun {
                        category: None,
                        group: Some(_),
                        ..
                    }
                ) && (r.definite(g.start)
                    || r.definite(g.end - 1)
                    || r.definite_genitive_after(g.end))
            })
            && let e = r.past_definite_genitive(g.end)
            && e < r.toks().len()
            && bytes::begins(r.word(e), &r.closed.and)
        {
            j = e;
        }
        // One person's name after their noun (`وتوفيت المواطنة نورة وابنتاها`, `الشاب محمد
        // العلي وشقيقه`): a few words that say nothing of a casualty, a first name of no
        // group at most, and the list goes on behind `و` after it.
        let mut one_named_alone = false;
        if head.count == Some(1) {
            let of_a_name = |h: &Hit| match h.entry.kind {
                Kind::Cue { .. } | Kind::Close { .. } | Kind::Vague { .. } => false,
                Kind::Noun {
                    category: None,
                    form: Form::Singular,
                    group,
                    ..
                } => group.is_none_or(|g| g == Group::Unspecified),
                Kind::Noun { .. } => false,
                _ => true,
            };
            // So is `civilian` right after the noun, its adjective (`رجل مدني ونجله`).
            let civilian = |k: usize| {
                k == j
                    && r.hits(k).iter().any(|h| {
                        matches!(
                            h.entry.kind,
                            Kind::Noun {
                                category: None,
                                form: Form::Singular,
                                group: Some(Group::Civilian),
                                ..
                            }
                        )
                    })
            };
            let name = |k: usize| {
                k < r.toks().len()
                    && r.toks()[k].joined
                    && r.toks()[k].kind == TokKind::Word
                    && (r.hits(k).iter().all(of_a_name) || civilian(k))
                    && !r.in_quantity[k]
                    && !bytes::begins(r.word(k), &r.closed.and)
            };
            let k = (j..j + NAME_WORDS)
                .find(|&k| !name(k))
                .unwrap_or(j + NAME_WORDS);
            // And an aside in brackets after the name (`الطفل أحمد (7 أعوام) وشقيقته`).
            let (k, aside) = match r.past_brackets(k) {
                Some(after) if k > j => (after, true),
                _ => (k, false),
            };
            // Past a comma, the next one named alone: a noun of one person behind `و`, at
            // most a name after it and the clause's end (`بحياة الشاب محمد، وابنه فراس.`).
            let named_alone = |k: usize| {
                r.sentence[k] == r.sentence[k - 1]
                    && r.hits(k).iter().any(|h| {
                        h.start == k
                            && matches!(
                                h.entry.kind,
                                Kind::Noun {
                                    category: None,
                                    form: Form::Singular,
                                    ..
                                }
                            )
                            && {
                                let e = (h.end..h.end + NAME_WORDS)
                                    .find(|&e| !name(e))
                                    .unwrap_or(h.end + NAME_WORDS);
                                e >= r.toks().len() || !r.toks()[e].joined
                            }
                    })
            };
            if k > j
                && k < r.toks().len()
                && bytes::begins(r.word(k), &r.closed.and)
                && (aside || r.toks()[k].joined || named_alone(k))
            {
                j = k;
                one_named_alone = !aside && !r.toks()[k].joined;
            }
        }
        // An aside and a place after the head's noun, then the next of the dead behind `و`
        // (`توفي رجل (74 عاما) في الطائف وامرأة`).
        let waw_at = |k: usize| k < r.toks().len() && bytes::begins(r.word(k), &r.closed.and);
        if !waw_at(j) {
            let k = self.past_person_aside(r, j);
            if k > j && waw_at(k) {
                j = k;
            }
        }
        // Without و a noun is an adjective (`قائد عسكري`) unless it opens the list of a
        // head of two or more (`شخصين امرأة و رجل`).
        let mut bare_ok = head.count.is_some_and(|c| c >= 2);
        // A part's list goes on past a comma behind `و`, in its sentence (`بينهم 6 أطفال،
        // وامرأة`): a comma does not end a breakdown.
        let after_comma = j > 0
            && j < r.toks().len()
            && !r.toks()[j].joined
            && r.sentence[j] == r.sentence[j - 1];
        // So does a total's apposition, its people listed past a comma with no partitive,
        // when they come to the total (`إصابة 3 مدنيين، رجل وطفلين`).
        let apposed = after_comma
            && !head.part
            && head
                .total
                .is_some_and(|h| h >= 2 && self.apposition(r, j) == h);
        // A figure's list goes on past a comma too when the one listed there stands alone
        // behind `و`, a comma or the sentence's end right after their noun (`نتج عن ذلك مقتل
        // أربعة مدنيين، ورجل أمن، وعدد من الإصابات`): no verb of their own follows.
        let alone = || {
            let n = r.toks().len();
            bytes::begins(r.word(j), &r.closed.and)
                && r.hits(j).iter().any(|h| {
                    h.start == j
                        && matches!(
                            h.entry.kind,
                            Kind::Noun {
                                form: Form::Singular | Form::Dual,
                                ..
                            }
                        )
                        && (h.end >= n || !r.toks()[h.end].joined)
                })
        };
        let past_comma =
            (after_comma && (head.part || apposed || one_named_alone || alone())).then_some(j);
        bare_ok |= apposed;
        let noun = |k: usize| {
            if past_comma == Some(k) {
                r.hits(k)
                    .iter()
                    .find(|h| matches!(h.entry.kind, Kind::Noun { .. }))
                    .copied()
            } else {
                self.noun_at(r, k)
            }
        };
        loop {
            let joined = j < r.toks().len() && (r.toks()[j].joined || past_comma == Some(j));
            // `و` on the word, not a word whose own first letter it is (`قتل شاب والده`).
            let waw = if joined && bytes::same(r.word(j), &r.closed.and) {
                j += 1;
                true
            } else {
                j < r.toks().len()
                    && bytes::begins(r.word(j), &r.closed.and)
                    && noun(j).is_none_or(|n| r.conjoined(&n))
            };
            if !(waw || bare_ok) {
                return;
            }
            bare_ok = false;
            let Some(n) = noun(j) else { return };
            // One of them named by a noun after it is the cue of a part, that noun's
            // (`قتل شخصان أحدهما طفل`: one child), read as a cue is; with no noun it is
            // one of those counted, told of again (`استشهد مدنيان أحدهما في دمشق`), no one
            // more.
            if r.hits(n.start).iter().any(|h| {
                h.start == n.start && matches!(h.entry.kind, Kind::Cue { category: None, .. })
            }) {
                return;
            }
            // `قتل جنديان آخران`: `others` right after the head's noun are its adjective.
            if !waw && r.has_others(n.start) {
                return;
            }
            // Names after a count of two or more say who they were (`قتل الشقيقان أحمد
            // ومحمد`): no one more, and no part.
            if head.count.is_none_or(|c| c >= 2)
                && matches!(n.entry.kind, Kind::Noun { named: true, .. })
            {
                return;
            }
            // A noun of people is a part of the head; one of the other casualties (`سقوط
            // قتيل وجريح`: one dead, one wounded) a figure of its own, beside it.
            let (part_category, group, form, part) = match n.entry.kind {
                Kind::Noun {
                    category: None,
                    group: Some(group),
                    form,
                    ..
                } => (category, group, form, true),
                Kind::Noun {
                    category: Some(other),
                    group,
                    form,
                    ..
                } if other != category && other != Category::KilledOrWounded => {
                    (other, group.unwrap_or(Group::Unspecified), form, false)
                }
                _ => return,
            };
            // Cases told by how bad they are, after a head of the dead (`نتج عنه حالة وفاة
            // وحالتين حرجتين`): the wounded, a figure beside it.
            let (part_category, part) = if part
                && category != Category::Wounded
                && n.end < r.toks().len()
                && r.toks()[n.end].joined
                && r.word_in(n.end, &r.closed.severity)
            {
                (Category::Wounded, false)
            } else {
                (part_category, part)
            };
            // A plural of the other casualties is a vague figure beside the head (`سقوط
            // قتيلين وجرحى`, `خمس شهداء وإصابات تم تحويلها`), unless it is also a cue that
            // opens the next figure (`وإصابة 10 آخرين`, `وإصابة والدتهما`); a plural of people
            // counts nothing here.
            let cue_too = || {
                let k = n.end;
                // What it counts next: a number, a noun, a vague quantity, or a word with a
                // possessive ending (`وإصابة مرافقهما`), the one the cue governs.
                let counts_next = k < r.toks().len()
                    && r.toks()[k].joined
                    && (r.in_quantity[k]
                        || r.closed.possessed(r.word(k))
                        || r.hits(k).iter().any(|x| {
                            matches!(x.entry.kind, Kind::Noun { .. } | Kind::Vague { .. })
                        }));
                counts_next && r.has_cue(n.start)
            };
            // `وأطفالها الثلاثة`: people of someone's with a definite number after them.
            let numbered = part.then(|| self.numbered_after(r, &n, used)).flatten();
            let count = match form {
                _ if numbered.is_some() => numbered.map(|(c, _)| c),
                // One in the accusative after one (`إن رجلا وطفلا قتلا`); after a number
                // the words are what it counts (`80 ضابطا وجنديا`).
                Form::Plural
                    if part
                        && head.count == Some(1)
                        && !r.definite(n.start)
                        && self.lex.singular_accusative(n.entry) =>
                {
                    Some(1)
                }
                Form::Plural if part || r.definite(n.start) || cue_too() => return,
                _ => form.count(),
            };
            // Not a word of a number that goes on after it (`وإحدى عشرة طفلة`): the number
            // counts.
            let in_number =
                r.in_quantity[n.start] && n.end < r.toks().len() && r.in_quantity[n.end];
            if used[n.start] || in_number || self.counted_by_next(r, n.end, used) {
                return;
            }
            // Without و, as many as the head or more is the head again, told by who they
            // were (`فإن القتيلين شقيقان`, `مقتل شخصين شقيقين`): no one more.
            if !waw && head.count.zip(count).is_some_and(|(h, c)| c >= h) {
                return;
            }
            // `وأحد المدنيين`: one of a group named after it is of that group.
            let (group, n_end) = match self.group_noun_after(r, n.end) {
                Some((g, end)) if group == Group::Unspecified => (g, end),
                _ => (group, numbered.map_or(n.end, |(_, t)| t + 1)),
            };
            // Its count written after it (`وجريح واحد`, `وقتيلان اثنان`) is its adjective:
            // the list goes on past it.
            let n_end = if n_end == n.end {
                self.adjective_count_end(r, &n)
            } else {
                n_end
            };
            used[n.start..n_end].fill(true);
            out.push(Draft {
                // A part of a head of two or more, smaller than it (`مقتل شخصين امرأة و رجل`);
                // after one, or as many, the people listed are more of the dead (`قتل شخص
                // وطفلان`: three).
                flags: if part
                    && (head.part
                        || apposed
                        || head.breakdown
                            && head
                                .count
                                .is_none_or(|h| count.is_some_and(|c| h >= 2 && c < h)))
                {
                    vec![Flag::Breakdown]
                } else {
                    Vec::new()
                },
                partner: Some(head.at),
                ..Draft::counted(
                    by::PARTS_LISTED,
                    part_category,
                    count,
                    group,
                    (n.start, n_end - 1),
                    n.start,
                    &n.entry.rule,
                )
            });
            j = n_end;
            // So after each of them (`وامرأة (71 عاما) ورجلان`).
            let k = self.past_person_aside(r, j);
            if k > j && waw_at(k) {
                j = k;
            }
        }
    }
}

/// Was a figure of `count` in `category` told before token `at`? Then a definite count of
/// them names the same people again (`قتل 3 جنود … الجنود الثلاثة الذين قتلوا`).
fn told_before(out: &[Draft<'_>], at: usize, category: Category, count: u64) -> bool {
    out.iter()
        .any(|d| d.last < at && d.category == category && d.count == Some(count))
}

/// Is the word at `i` one of them (`أحدهما`), after a figure of the same kind in its
/// sentence: one of those counted told of again (`قتل عنصران، أحدهما فارق الحياة متأثرا
/// بجراحه`), no one more? Of another kind it counts (`أصيب شخصان توفي أحدهما`).
fn told_again(r: &Reading<'_>, out: &[Draft<'_>], i: usize, category: Category) -> bool {
    r.closed.is_one_of_them(r.word(i))
        && out
            .iter()
            .any(|d| d.category == category && d.last < i && r.sentence[d.last] == r.sentence[i])
}

/// Is a cue or a casualty noun of `category` read before token `i` in its sentence? Asked of
/// one of them before its verb (`قتل عنصران، أحدهما توفي متأثرا بجراحه`), before the figures
/// of the cues are made: one of those counted, told of again.
fn said_before(r: &Reading<'_>, i: usize, category: Category) -> bool {
    (r.sentence_tokens(r.sentence[i]).start..i).any(|t| {
        r.hits(t).iter().any(|h| {
            h.end <= i
                && matches!(
                    h.entry.kind,
                    Kind::Cue { category: Some(c), .. } | Kind::Noun { category: Some(c), .. }
                        if c == category
                )
        })
    })
}
