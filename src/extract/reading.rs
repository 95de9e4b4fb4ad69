//! Reading a text once: tokens, sentence and clause numbers, lexicon hits, the numbers of
//! the sentences that may hold a figure, and the page's layout (headline, furniture).

use super::*;
use crate::lexicon::bytes;

/// A lexicon phrase found at tokens `start..end`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit<'l> {
    pub(super) entry: &'l Entry,
    pub(super) start: usize,
    pub(super) end: usize,
    /// Found at the end of a longer word (`سوريامقتل`): a title glued to the one before.
    pub(super) glued: bool,
    /// The entry's family, kept here so the hits are filed by it without reading their
    /// entries.
    pub(super) family: Lead,
}

impl Hit<'_> {
    /// May this hit be the cue of a figure starting at token `from`? A cue only right
    /// before its figure (`adjacent`: `تصفية`, `وقع`) is none further off (`الذي وقع عام
    /// 2005 أكثر من 50`); any other hit is judged by its kind where it is asked.
    pub(super) fn reaches(&self, from: usize) -> bool {
        !matches!(self.entry.kind, Kind::Cue { adjacent: true, .. }) || self.end == from
    }
}

/// A document's text read once: tokens, clause and sentence numbers, lexicon hits.
pub(super) struct Reading<'a> {
    /// The closed-class words of the rules ([`Closed`]).
    pub(super) closed: &'a Closed,
    norm: Normalized,
    toks: Vec<Tok>,
    /// Sentence index of each token; a sentence ends at `. ! ? ؟ ؛`, a newline or ` - `.
    pub(super) sentence: Vec<usize>,
    /// Clause index of each token; clauses also end at commas.
    pub(super) clause: Vec<usize>,
    /// Every hit, by the token it starts at, longest first there (see [`Reading::hits`]).
    pub(super) hits: Vec<Hit<'a>>,
    /// Where each token's hits start in `hits`, and one past the last token's end.
    pub(super) hit_at: Vec<u32>,
    /// The hits a figure can be built on, as indices into `hits` in their order, one list
    /// for each kind ([`Lead`]): cues, nouns, vague quantities and the words that close an
    /// opener. The passes that look for one of these walk its list, not the common words
    /// that most hits are (`في`, `من`) nor the hits of the other kinds.
    lead: [Vec<u32>; Lead::COUNT],
    /// Is each token part of a quantity (its number or qualifier words)?
    pub(super) in_quantity: Vec<bool>,
    pub(super) quantities: Vec<Quantity>,
    /// Token range of each quantity's number (without qualifier words).
    pub(super) q_toks: Vec<(usize, usize)>,
    /// Token where each quantity's qualifier words start.
    pub(super) q_full_start: Vec<usize>,
    /// Byte ranges of the lines that are page furniture, in order, not overlapping.
    pub(super) furniture: Vec<(usize, usize)>,
    /// Tokens where a cue glued to the word before was found (see `glued_cue`).
    pub(super) glued: Vec<usize>,
    /// Byte range of the headline line in the normalised text.
    pub(super) headline: Option<(usize, usize)>,
}

impl<'a> Reading<'a> {
    /// The normalised text.
    pub(super) fn text(&self) -> &str {
        &self.norm.text
    }

    /// The normalised text with its map back to the original.
    pub(super) fn norm(&self) -> &Normalized {
        &self.norm
    }

    /// The tokens of the normalised text, in order.
    pub(super) fn toks(&self) -> &[Tok] {
        &self.toks
    }

    /// The hits starting at token `t`, longest first; none past the last token.
    pub(super) fn hits(&self, t: usize) -> &[Hit<'a>] {
        match (self.hit_at.get(t), self.hit_at.get(t + 1)) {
            (Some(&a), Some(&z)) => &self.hits[a as usize..z as usize],
            _ => &[],
        }
    }

    /// The hits of one kind of lead (cues, nouns, vague quantities or closes), in text
    /// order, in the sentences that hold a cue, a close or a casualty noun
    /// ([`cue_sentences`]).
    pub(super) fn lead_hits(&self, kind: Lead) -> impl Iterator<Item = Hit<'a>> + '_ {
        self.lead[kind as usize]
            .iter()
            .map(|&i| self.hits[i as usize])
    }

    /// The first hit of the lead `kind` at each token that `pred` accepts, in text order:
    /// the passes that look for one kind of rule walk these, not every token.
    pub(super) fn first_hits<'r>(
        &'r self,
        kind: Lead,
        mut pred: impl FnMut(&Hit<'a>) -> bool + 'r,
    ) -> impl Iterator<Item = Hit<'a>> + 'r {
        let mut last = usize::MAX;
        self.lead_hits(kind).filter(move |h| {
            if h.start == last || !pred(h) {
                return false;
            }
            last = h.start;
            true
        })
    }

    /// Is normalised byte `at` on a furniture line?
    pub(super) fn is_furniture(&self, at: usize) -> bool {
        let k = self.furniture.partition_point(|&(_, z)| z <= at);
        self.furniture.get(k).is_some_and(|&(a, _)| a <= at)
    }

    /// The text of token `t`. Every word of the text is cut here, several times over (a
    /// phrase, a number, a place is looked for at it), so it skips what `str` slicing tests
    /// on each cut: that both ends are char boundaries, which they are by construction.
    pub(super) fn word(&self, t: usize) -> &str {
        let k = &self.toks[t];
        debug_assert!(self.norm.text.is_char_boundary(k.start));
        debug_assert!(self.norm.text.is_char_boundary(k.end));
        // SAFETY: `toks` are the tokens `tokenize` cut from `norm.text`, set together in
        // `read` and never changed after (both fields are private to this module, which
        // lends them out only as shared borrows). A token
        // starts at an ASCII byte (a digit, or a dot or minus sign before one) or an Arabic
        // letter's lead byte, and ends where its run of digits or whole letters does: at a
        // char boundary, within the text.
        unsafe { self.norm.text.get_unchecked(k.start..k.end) }
    }

    /// Does word `t` carry the article (`القتلى`, `والقتلى`, `للقتلى`)? Two letters at least
    /// must follow it: `إلى`, `إلا` and `ألف` (read `الي`, `الا`, `الف`) only begin as it
    /// does.
    pub(super) fn definite(&self, t: usize) -> bool {
        self.without_article(t).is_some()
    }

    /// Is the noun of hit `n` indefinite: neither with the article (`المدنيون`) nor before
    /// a definite genitive ([`Reading::definite_genitive_after`]: `أطفال المدرسة`)?
    pub(super) fn undetermined(&self, n: &Hit<'_>) -> bool {
        !self.definite(n.start) && !self.definite_genitive_after(n.end)
    }

    /// Is word `t` the definite genitive of the noun before it: right after it, with the
    /// article and no conjunction (`أطفال المدرسة`, `عناصر الشرطة`), and not a day (`اليوم`)?
    /// It makes that noun definite, someone's and known.
    pub(super) fn definite_genitive_after(&self, t: usize) -> bool {
        t < self.toks.len()
            && self.toks[t].joined
            && self.toks[t].kind == TokKind::Word
            && self
                .closed
                .article
                .iter()
                .any(|al| bytes::begins(self.word(t), al))
            && !self.closed.is_day(self.word(t))
    }

    /// The token after a noun ending before `t` and its definite genitive at `t`, if it has
    /// one (`مقاتلي المعارضة`): `t` itself when it has none.
    pub(super) fn past_definite_genitive(&self, t: usize) -> usize {
        if self.definite_genitive_after(t) {
            t + 1
        } else {
            t
        }
    }

    /// Is word `t` the particle that opens what was said or told (`أن`, `إن`, `بأن`)?
    pub(super) fn says_that(&self, t: usize) -> bool {
        self.toks[t].kind == TokKind::Word && self.word_in(t, &self.closed.that)
    }

    /// Is word `t`, joined to the words before it, a past verb of a plural subject that no
    /// rule reads as a cue (`فروا`, `نزحوا`): what the people counted right before it did,
    /// a clause of their own and no casualty (`ونحو مليون شخص فروا`)?
    pub(super) fn verb_of_its_own(&self, t: usize) -> bool {
        let ending = &crate::morphology::builtin().plural_past;
        t < self.toks.len()
            && self.toks[t].joined
            && self.toks[t].kind == TokKind::Word
            && self.word(t).len() >= ending.len() + 4
            && self.word(t).ends_with(ending.as_str())
            && !self.has_cue(t)
            && !self.in_quantity[t]
    }

    /// Does word `t` stand right after the preposition of a verb of result (`resulted_in`),
    /// the verb (`resulted`) before that in its clause, its subject between them however
    /// long, with no number in it (`أسفرت المعارك عن سقوط`, `أدى القصف إلى وفاة`, `وأسفرت
    /// الغارات الإسرائيلية على وزارة الدفاع عن سقوط`)?
    pub(super) fn after_result(&self, t: usize) -> bool {
        t > 0
            && self.toks[t].joined
            && self.word_in(t - 1, &self.closed.resulted_in)
            && (t.saturating_sub(super::RESULT_REACH + 2)..t - 1)
                .rev()
                .take_while(|&k| self.clause[k] == self.clause[t] && !self.in_quantity[k])
                .any(|k| self.closed.is_resulted(self.word(k)))
    }

    /// Word `t` without its article and the clitics before it (`والعشرات` → `عشرات`), when
    /// it carries one ([`Reading::definite`]).
    pub(super) fn without_article(&self, t: usize) -> Option<&str> {
        self.closed.strip_article(self.word(t))
    }

    /// The token after a short phrase of place, time or means at `t` — `في الغارة`,
    /// `خلال الاشتباكات`, `بالقصف` — which may stand between a passive verb and its
    /// subject: `وقتل في الغارة قيادي`.
    pub(super) fn past_where(&self, t: usize) -> Option<usize> {
        let joined = |k: usize| k < self.toks.len() && self.toks[k].joined;
        if !joined(t) {
            return None;
        }
        let w = self.word(t);
        let preposition = || w == self.closed.in_ || self.word_in(t, &self.closed.adverbial);
        if joined(t + 1) && preposition() && self.definite(t + 1) {
            Some(t + 2)
        } else if joined(t + 2)
            && preposition()
            && self.word_in(t + 1, &self.closed.demonstrative)
            && self.definite(t + 2)
        {
            // `في هذه المواجهات`: a demonstrative before the definite noun.
            Some(t + 3)
        } else if bytes::begins(w, &self.closed.with_the) {
            Some(t + 1)
        } else {
            None
        }
    }

    /// The token after a day that opens at token `t`, one word or two, and the comma that
    /// closes it: between two commas (`وقتل، أمس الأربعاء، عنصران`), which the layout keeps
    /// in its clause, or right after the verb (`قضى أمس الأربعاء، مدنيان`).
    pub(super) fn past_day_aside(&self, t: usize) -> Option<usize> {
        let n = self.toks.len();
        if t == 0 || t >= n || !self.closed.is_day(self.word(t)) {
            return None;
        }
        let k = if t + 1 < n && self.toks[t + 1].joined && self.closed.is_day(self.word(t + 1)) {
            t + 2
        } else {
            t + 1
        };
        let closed_by_comma = k < n && !self.toks[k].joined && self.sentence[k] == self.sentence[t];
        (closed_by_comma && (self.toks[t].joined || self.clause[k] == self.clause[t - 1]))
            .then_some(k)
    }

    /// The token after the definite words at `t`, at most two: the adjectives of the
    /// definite noun before them (`في الغارة الروسية`, `جراء القصف المدفعي`).
    pub(super) fn past_adjectives(&self, t: usize) -> usize {
        let mut k = t;
        while k < (t + 2).min(self.toks.len()) && self.toks[k].joined && self.definite(k) {
            k += 1;
        }
        k
    }

    /// Where one of `phrases` (closed-class words, normalised, in one clause) that starts
    /// at token `t` ends.
    pub(super) fn phrase_end(&self, t: usize, phrases: &[String]) -> Option<usize> {
        if t >= self.toks.len() || !self.toks[t].joined {
            return None;
        }
        self.phrase_from(t, phrases)
    }

    /// Where one of `phrases` that starts at token `t` ends, its first word after a comma
    /// or not.
    fn phrase_from(&self, t: usize, phrases: &[String]) -> Option<usize> {
        let first = self.word(t);
        phrases.iter().find_map(|phrase| {
            // Most words begin no phrase: one comparison turns them away.
            if !phrase.starts_with(first) {
                return None;
            }
            let mut end = t;
            for w in phrase.split_whitespace() {
                if end >= self.toks.len()
                    || (end > t && !self.toks[end].joined)
                    || self.word(end) != w
                {
                    return None;
                }
                end += 1;
            }
            (end > t).then_some(end)
        })
    }

    /// The token after `each of` at `t` (`كل من`, the closed class `each_of`), which opens
    /// the list of the people a verb struck.
    pub(super) fn past_each_of(&self, t: usize) -> Option<usize> {
        self.phrase_end(t, &self.closed.each_of)
    }

    /// The token after `as follows` at `t` (`على النحو التالي`, the closed class
    /// `as_follows`), which may stand between a toll's noun and its first figure.
    pub(super) fn past_as_follows(&self, t: usize) -> Option<usize> {
        self.phrase_end(t, &self.closed.as_follows)
    }

    /// Does a running total's `إلى` (a [`Kind::TotalTo`] word) end right before token `t`
    /// (`ارتفع عدد القتلى إلى 12`)?
    pub(super) fn to_before(&self, t: usize) -> bool {
        t > 0
            && self
                .hits(t - 1)
                .iter()
                .any(|h| h.entry.kind == Kind::TotalTo && h.end == t)
    }

    /// The token after an adverb at `t` (`لاحقا`, the closed class `adverb`), which may
    /// stand between a verb and its subject.
    pub(super) fn past_adverb(&self, t: usize) -> Option<usize> {
        let adverb = |k: usize| {
            k < self.toks.len() && self.toks[k].joined && self.word_in(k, &self.closed.adverb)
        };
        if adverb(t) {
            Some(t + 1)
        } else {
            // Behind a preposition of its own (`على إثرها`).
            (t < self.toks.len()
                && self.toks[t].joined
                && self.word_in(t, &self.closed.adverb_lead)
                && adverb(t + 1))
            .then_some(t + 2)
        }
    }

    /// Does a preposition with a relative clause's pronoun (`فيه`, the closed class
    /// `resumptive`) stand right before token `t`? A figure there is the relative verb's
    /// (`الهجوم الذي شارك فيه 50 مسلحا`).
    pub(super) fn after_resumptive(&self, t: usize) -> bool {
        t > 0 && self.word_in(t - 1, &self.closed.resumptive)
    }

    /// Does a toll's head (`عدد`, `حصيلة`) stand right before hit `h` (`عدد القتلى`)?
    pub(super) fn headed(&self, h: &Hit<'_>) -> bool {
        h.start > 0 && self.toks[h.start].joined && self.closed.is_toll(self.word(h.start - 1))
    }

    /// Is the word at token `t` one of `list` (a closed class of the rules)?
    pub(super) fn word_in(&self, t: usize, list: &crate::lexicon::Words) -> bool {
        list.has(self.word(t))
    }

    /// Is hit `h` written behind the conjunction `و` (`وإصابة`), rather than with a word
    /// that begins with the letter (`وفاة`)?
    pub(super) fn conjoined(&self, h: &Hit<'_>) -> bool {
        let w = self.word(h.start);
        // Not a word whose own first letter is `و` (`والدتها`, `وفاة`), nor one the rule
        // writes with its `و`: the word is then the rule's word as written.
        bytes::begins(w, &self.closed.and) && h.entry.words.first().is_none_or(|f| f != w)
    }

    /// Does a word that adds to whom was counted before stand right before token `t`
    /// (`مع ثلاثة من مرافقيه`)?
    pub(super) fn together_before(&self, t: usize) -> bool {
        t > 0 && self.toks[t].joined && self.closed.is_together(self.word(t - 1))
    }

    /// Does an opening bracket stand right before token `t`?
    pub(super) fn bracket_opens_before(&self, t: usize) -> bool {
        self.gap_before(t).contains(['(', '['])
    }

    /// Does a verb of distribution and its preposition stand right before token `t`
    /// (`يتوزعون إلى 676 من المدنيين`, the closed classes `distributed` and
    /// `distributed_into`)? The figure is a part of the one before.
    pub(super) fn distributed_before(&self, t: usize) -> bool {
        t > 1
            && self.toks[t].joined
            && self.toks[t - 1].joined
            && self.word_in(t - 1, &self.closed.distributed_into)
            && self.closed.is_distributed(self.word(t - 2))
    }

    /// Does a word of `besides` end right before token `t` (`فضلا عن سبعة آخرين`,
    /// `بالإضافة إلى 20 عنصرا`)?
    pub(super) fn besides_before(&self, t: usize) -> bool {
        // The phrase's last word first: one test turns most words away.
        t > 0
            && self.toks[t].joined
            && self.word_in(t - 1, &self.closed.besides_last)
            && (t.saturating_sub(3)..t)
                .any(|k| self.phrase_from(k, &self.closed.besides) == Some(t))
    }

    /// Is token `t` counted by a number joined right before it (`5 قتيلين` is no dual)?
    pub(super) fn after_number(&self, t: usize) -> bool {
        t > 0 && self.in_quantity[t - 1] && self.toks[t].joined
    }

    /// Is a cue read at token `t` (`إصابات`, `ضحايا` are nouns and cues both)?
    pub(super) fn has_cue(&self, t: usize) -> bool {
        self.hits(t)
            .iter()
            .any(|h| matches!(h.entry.kind, Kind::Cue { .. }))
    }

    /// The tokens of sentence `s`, by index (empty past the last).
    pub(super) fn sentence_tokens(&self, s: usize) -> std::ops::Range<usize> {
        self.sentence.partition_point(|&x| x < s)..self.sentence.partition_point(|&x| x <= s)
    }

    /// Is token `t` the adjective one right after a noun (`عائلة واحدة`): no count of its
    /// own?
    pub(super) fn single_at(&self, t: usize) -> bool {
        t > 0
            && self.toks[t].joined
            && !self.in_quantity[t - 1]
            && self.toks[t - 1].kind == TokKind::Word
            && self.word_in(t, &self.closed.single)
    }

    /// Does hit `h` name a weapon? Not before a word of rescue, a craft of rescue (`طائرة
    /// الإسعاف`). Asked of the hits near a figure only.
    pub(super) fn is_weapon(&self, h: &Hit<'_>) -> bool {
        matches!(h.entry.kind, Kind::Weapon(_))
            && !(h.end < self.toks.len()
                && self.toks[h.end].joined
                && self.word_in(h.end, &self.closed.rescue))
    }

    /// Does token `t` date a time before the day's: a word of time past (`الماضي`), or
    /// `ago` before a span of a day or more, its number between them or none (`قبل أيام`,
    /// `قبل 3 أسابيع`; not `قبل ساعات`)?
    pub(super) fn past_at(&self, t: usize) -> bool {
        if self.word_in(t, &self.closed.past) {
            return true;
        }
        let unit_at = |k: usize| {
            k < self.toks.len()
                && self.toks[k].joined
                && self.hits(k).iter().any(
                    |h| matches!(h.entry.kind, Kind::Unit { time: Some(x), .. } if x.hours >= 24),
                )
        };
        self.word_in(t, &self.closed.ago)
            && (unit_at(t + 1)
                || (t + 1 < self.toks.len() && self.in_quantity[t + 1] && unit_at(t + 2)))
    }

    /// Is a noun of the dead or wounded read at token `t` (`وفاة`, `جرحى`, `وإصابة`)?
    pub(super) fn has_casualty_noun(&self, t: usize) -> bool {
        self.hits(t).iter().any(|h| {
            matches!(
                h.entry.kind,
                Kind::Noun {
                    category: Some(_),
                    ..
                }
            )
        })
    }

    /// Is `others` read at token `t` (`آخرين`, `آخر`): more of the people counted before?
    pub(super) fn has_others(&self, t: usize) -> bool {
        self.hits(t)
            .iter()
            .any(|h| h.entry.kind == Kind::Vague { others: true })
    }

    /// Does a superlative stand right before token `t` (`أكبر عدد من القتلى`: the largest
    /// number, a comparison, no quantity of anyone)?
    pub(super) fn after_superlative(&self, t: usize) -> bool {
        t > 0 && self.toks[t].joined && self.word_in(t - 1, &self.closed.superlative)
    }

    /// Is a vague quantity read at token `t` (`العشرات`, `عدد من`, `آخرين`)?
    pub(super) fn has_vague(&self, t: usize) -> bool {
        self.hits(t)
            .iter()
            .any(|h| matches!(h.entry.kind, Kind::Vague { .. }))
    }

    /// Is the noun of hit `h` the head of a construct, made definite by the definite word
    /// right after it (`قتلى القصف`)? Not a word behind a preposition (`قتلى بالعشرات`): it
    /// is no genitive.
    pub(super) fn construct(&self, h: &Hit<'_>) -> bool {
        h.end < self.toks.len()
            && self.toks[h.end].joined
            && self.definite(h.end)
            && !bytes::begins(self.word(h.end), &self.closed.with_the)
    }

    /// The byte range in the original `text` from token `first` to token `last`.
    pub(super) fn original_range(&self, text: &str, first: usize, last: usize) -> (usize, usize) {
        let (s, _) = self
            .norm
            .original_span(text, self.toks[first].start, self.toks[first].end);
        let (_, e) = self
            .norm
            .original_span(text, self.toks[last].start, self.toks[last].end);
        (s, e)
    }

    /// Does hit `h` name a toll a figure can be the count of: a cue, or a casualty plural
    /// made definite by the article or by the word it governs (`عدد القتلى`, `حصيلة قتلى
    /// القصف`), or governed by a toll's head or a running total's word (`عدد شهداء تفجير
    /// مسجد العنود`, `ارتفاع وفيات كورونا`)?
    pub(super) fn names_toll(&self, h: &Hit<'_>) -> bool {
        match h.entry.kind {
            Kind::Cue { after: false, .. } => true,
            Kind::Cue { after: true, .. } => self.relative_toll_head(h).is_some(),
            Kind::Noun {
                category: Some(_),
                form: Form::Plural,
                ..
            } => {
                self.definite(h.start)
                    || self.construct(h)
                    || self.headed(h)
                    || (h.start > 0
                        && self.toks[h.start].joined
                        && self
                            .hits(h.start - 1)
                            .iter()
                            .any(|t| t.end == h.start && t.entry.kind.is_running_total()))
            }
            _ => false,
        }
    }

    /// The toll's head of a relative clause whose verb is cue `h`: `عدد الذين قتلوا`,
    /// `تعداد الأشخاص الذين قضوا` (a noun of people at most between the head and the
    /// relative pronoun). The toll is named by the verb, the head stands for it.
    pub(super) fn relative_toll_head(&self, h: &Hit<'_>) -> Option<usize> {
        let joined = |t: usize| self.toks[t].joined;
        let rel = h.start.checked_sub(1)?;
        if !joined(h.start) || !joined(rel) || !self.word_in(rel, &self.closed.relative) {
            return None;
        }
        let head = rel.checked_sub(1)?;
        if self.closed.is_toll(self.word(head)) {
            return Some(head);
        }
        let people = self
            .hits(head)
            .iter()
            .any(|n| matches!(n.entry.kind, Kind::Noun { category: None, .. }));
        let head = head.checked_sub(1)?;
        (people && joined(head + 1) && self.closed.is_toll(self.word(head))).then_some(head)
    }

    /// The quantity token `t` is in, by its index (quantities are in text order).
    pub(super) fn quantity_of(&self, t: usize) -> Option<usize> {
        let k = self.q_toks.partition_point(|&(a, _)| a <= t);
        k.checked_sub(1).filter(|&qi| t < self.q_toks[qi].1)
    }

    /// Does a unit stand right before token `t`, joined to it (`عام 2005`, `الساعة 5`), not
    /// as the last word of a cue's phrase?
    pub(super) fn after_unit(&self, t: usize) -> bool {
        t > 0
            && self.toks[t].joined
            && self
                .hits(t - 1)
                .iter()
                .any(|h| matches!(h.entry.kind, Kind::Unit { .. }))
            // Not the last word of a cue's phrase (`قطع رؤوس 4 شبان`: heads, not of cattle).
            && !(t >= 2
                && self.hits(t - 2).iter().any(|h| {
                    h.end == t && matches!(h.entry.kind, Kind::Cue { .. })
                }))
    }

    /// The opener right before token `t`, joined to it (`لقي شاب`, `لقي 5 أشخاص`).
    pub(super) fn opener_before(&self, t: usize) -> Option<Hit<'a>> {
        (t > 0 && self.toks[t].joined)
            .then(|| {
                self.hits(t - 1)
                    .iter()
                    .find(|h| h.entry.kind == Kind::Opener && h.end == t)
                    .copied()
            })
            .flatten()
    }

    /// The text between token `t` and the one before it (empty before the first token or
    /// past the last).
    fn gap_before(&self, t: usize) -> &str {
        if t == 0 || t >= self.toks.len() {
            return "";
        }
        &self.norm.text[self.toks[t - 1].end..self.toks[t].start]
    }

    /// Does a colon stand right before token `t` (`مقتل 25 شخصا: 10 في دوما`)?
    pub(super) fn colon_before(&self, t: usize) -> bool {
        self.gap_before(t).contains(':')
    }

    /// Does a comma stand right before token `t` (`إن 120 شخصا، قضوا`)?
    pub(super) fn comma_before(&self, t: usize) -> bool {
        self.gap_before(t).contains(['،', ','])
    }

    /// The token after a short aside in brackets that opens before token `t` (`أحمد (7
    /// أعوام) وشقيقته`): at most a few words in it.
    pub(super) fn past_brackets(&self, t: usize) -> Option<usize> {
        const WORDS: usize = 5;
        if !self.bracket_opens_before(t) {
            return None;
        }
        (t + 1..(t + 1 + WORDS).min(self.toks.len()))
            .find(|&k| self.gap_before(k).contains([')', ']']))
    }

    /// Is token `t` wrapped in brackets: `(28)`?
    pub(super) fn bracketed(&self, t: usize) -> bool {
        let before = self.norm.text[..self.toks[t].start].trim_end();
        let after = self.norm.text[self.toks[t].end..].trim_start();
        before.ends_with(['(', '[']) && after.starts_with([')', ']'])
    }

    /// Is there an exception word (`سوى`, `إلا`) at tokens `a..z`?
    pub(super) fn excepted(&self, a: usize, z: usize) -> bool {
        (a..z.min(self.toks.len())).any(|t| self.word_in(t, &self.closed.except))
    }

    /// Is word `t` a partitive that introduces who a figure is among
    /// (`خمسة منهم`, `و7 من النازحين`, `وخمسة بين الطاقم`)?
    pub(super) fn partitive(&self, t: usize) -> bool {
        t < self.toks.len() && self.toks[t].joined && self.closed.is_partitive(self.word(t))
    }
}

impl<'a> Extractor<'a> {
    /// Read a text: [`Self::read_text`], [`Self::read_words`], [`Self::read_numbers`].
    pub(super) fn read(&self, text: &str) -> Reading<'a> {
        let mut r = self.read_text(text);
        self.read_words(&mut r);
        self.read_numbers(&mut r);
        r
    }

    /// The first stage of reading: the text normalised, its tokens, and the sentence and
    /// clause each token is in. No word is looked up yet.
    pub(super) fn read_text(&self, text: &str) -> Reading<'a> {
        let norm = normalize(text);
        let toks = tokenize(&norm.text);
        let (mut sentence, mut clause) = (
            Vec::with_capacity(toks.len()),
            Vec::with_capacity(toks.len()),
        );
        let (mut s, mut c) = (0, 0);
        let closed = self.lex.closed();
        // Inside a dash-set aside that opens with a partitive (`96 قتيلا - بينهم أربعة
        // أطفال - في القصف`): its dashes end clauses, not the sentence of its total.
        let mut aside = false;
        // A day between two commas (`قتل، أمس، 15 شخصا`): neither comma breaks a clause.
        let mut day_aside = false;
        let word = |k: usize| &norm.text[toks[k].start..toks[k].end];
        let gap_at = |k: usize| &norm.text[toks[k - 1].end..toks[k].start];
        // A comma's break alone, no dash with it: `written` is `gap`'s break.
        let comma_only =
            |written: Break, gap: &str| matches!(written, Break::Clause) && !gap.contains('-');
        for (i, t) in toks.iter().enumerate() {
            // A joined token has only spaces, tabs, brackets or quotes before it: no break.
            if i > 0 && !t.joined {
                let gap = gap_at(i);
                let written = gap_break(gap);
                // Asked only of a sentence's break, the rarer case.
                let dash = || gap.trim() == "-";
                // Does a part's partitive open at token `i` (`بينهم`, `من بينهم`)?
                let opens_part =
                    || closed.opens_part(word(i), toks.get(i + 1).map(|_| word(i + 1)));
                let brk = match written {
                    Break::Sentence if aside && dash() => {
                        aside = false;
                        Break::Clause
                    }
                    Break::Sentence if dash() && opens_part() => {
                        aside = true;
                        Break::Clause
                    }
                    // Two days joined by a dash are one span of time (`ليل الجمعة - السبت`).
                    Break::Sentence
                        if dash() && closed.is_day(word(i - 1)) && closed.is_day(word(i)) =>
                    {
                        Break::None
                    }
                    // A part after a semicolon is its total's (`قتل 10 أشخاص؛ 6 منهم من عائلة
                    // واحدة`): the partitive right after it, or after the part's number.
                    Break::Sentence
                        if gap.contains('؛')
                            && (opens_part()
                                || (i + 1 < toks.len()
                                    && t.kind == TokKind::Digits
                                    && closed.opens_part(word(i + 1), None))) =>
                    {
                        aside = false;
                        Break::Clause
                    }
                    Break::Sentence => {
                        aside = false;
                        Break::Sentence
                    }
                    b => b,
                };
                let brk = match brk {
                    Break::Clause if day_aside => {
                        day_aside = false;
                        Break::None
                    }
                    // One day word, or two (`قتل، اليوم السبت، 21 شخصا`), between commas.
                    Break::Clause
                        if t.kind == TokKind::Word
                            && closed.is_day(word(i))
                            && comma_only(written, gap)
                            && {
                                let k = if i + 2 < toks.len()
                                    && toks[i + 1].joined
                                    && closed.is_day(word(i + 1))
                                {
                                    i + 2
                                } else {
                                    i + 1
                                };
                                k < toks.len() && !toks[k].joined && {
                                    let next = gap_at(k);
                                    comma_only(gap_break(next), next)
                                }
                            } =>
                    {
                        day_aside = true;
                        Break::None
                    }
                    b => {
                        day_aside = false;
                        b
                    }
                };
                match brk {
                    Break::Sentence => {
                        s += 1;
                        c += 1;
                    }
                    Break::Clause => c += 1,
                    Break::None => {}
                }
            }
            sentence.push(s);
            clause.push(c);
        }
        let n = toks.len();
        Reading {
            closed: self.lex.closed(),
            norm,
            toks,
            sentence,
            clause,
            hits: Vec::new(),
            hit_at: Vec::new(),
            lead: Default::default(),
            in_quantity: vec![false; n],
            quantities: Vec::new(),
            q_toks: Vec::new(),
            q_full_start: Vec::new(),
            furniture: Vec::new(),
            glued: Vec::new(),
            headline: None,
        }
    }

    /// The second stage of reading: the lexicon's entries that match at each word, and
    /// the words where a title glued to the one before starts.
    pub(super) fn read_words(&self, r: &mut Reading<'a>) {
        let n = r.toks.len();
        // About one word in three starts some entry (most of them common words: `في`, `من`),
        // some two: room for one in two, so the list is seldom moved as it grows.
        let (mut hits, mut hit_at) = (Vec::with_capacity(n / 2), Vec::with_capacity(n + 1));
        for i in 0..n {
            hit_at.push(u32::try_from(hits.len()).expect("fewer hits than bytes"));
            let from = hits.len();
            self.hits_at(r, i, &mut hits);
            if hits[from..].iter().any(|h| h.glued) {
                r.glued.push(i);
            }
        }
        hit_at.push(u32::try_from(hits.len()).expect("fewer hits than bytes"));
        // The other hits are read by token, not walked: they get no list. Each list is
        // sized once, by a count first: they are filled for every article.
        let mut sizes = [0usize; Lead::COUNT];
        for h in &hits {
            sizes[h.family as usize] += 1;
        }
        sizes[Lead::Other as usize] = 0;
        for (lead, &size) in r.lead.iter_mut().zip(&sizes) {
            lead.reserve_exact(size);
        }
        for (i, h) in hits.iter().enumerate() {
            if h.family != Lead::Other {
                r.lead[h.family as usize].push(u32::try_from(i).expect("fewer hits than bytes"));
            }
        }
        (r.hits, r.hit_at) = (hits, hit_at);
    }

    /// The last stage of reading: the quantities of the sentences a figure can be in, the
    /// page's layout, and the lead hits narrowed to those sentences.
    pub(super) fn read_numbers(&self, r: &mut Reading<'a>) {
        // Numbers matter only where a cue or a casualty noun is: an article without one is
        // done here, before the number parser runs.
        let mut wanted = cue_sentences(r);
        if wanted.contains(&true) {
            r.quantities = self.quantities(r, &wanted);
            r.q_toks.reserve_exact(r.quantities.len());
            r.q_full_start.reserve_exact(r.quantities.len());
            for q in &r.quantities {
                let toks = &r.toks;
                let a = toks.partition_point(|t| t.end <= q.start);
                let z = toks.partition_point(|t| t.start < q.end);
                let fa = toks.partition_point(|t| t.end <= q.full_start);
                let fz = toks.partition_point(|t| t.start < q.full_end);
                r.in_quantity[fa..fz].fill(true);
                r.q_toks.push((a, z));
                r.q_full_start.push(fa);
            }
            self.layout(r);
            // Glued titles split by the layout are sentences of their own: numbered again.
            if !r.glued.is_empty() {
                wanted = cue_sentences(r);
            }
        }
        // Every construction needs a cue, a close or a casualty noun in its figure's
        // sentence: the passes over the lead hits walk only those sentences.
        let (sentence, hits) = (&r.sentence, &r.hits);
        for lead in &mut r.lead {
            lead.retain(|&i| wanted[sentence[hits[i as usize].start]]);
        }
    }

    /// The quantities of the `wanted` sentences (see [`cue_sentences`]): a figure is read
    /// with its cue in its clause, so numbers elsewhere (prices, populations, the dates of
    /// other news) are never parsed. A sentence boundary always breaks a number
    /// expression, so the result is what parsing the whole text would give there.
    pub(super) fn quantities(&self, r: &Reading<'a>, wanted: &[bool]) -> Vec<Quantity> {
        let mut out = Vec::new();
        let mut words = crate::numbers::Words::default();
        let mut a = 0;
        while a < r.toks.len() {
            let s = r.sentence[a];
            let z = a + r.sentence[a..].partition_point(|&x| x == s);
            if wanted[s] {
                self.numbers
                    .parse_tokens_into(&r.norm.text, &r.toks[a..z], &mut words, &mut out);
            }
            a = z;
        }
        out
    }

    /// Page layout: which lines are furniture, which is the headline; and a title glued to
    /// the one before it starts a new sentence.
    pub(super) fn layout(&self, r: &mut Reading<'a>) {
        let text = &r.norm.text;
        let ticker = ticker_times();
        // Byte ranges of furniture lines, merged; tokens look theirs up by binary search.
        let mut furniture: Vec<(usize, usize)> = Vec::new();
        let mut mark = |a: usize, z: usize| match furniture.last_mut() {
            Some(last) if last.1 == a => last.1 = z,
            _ => furniture.push((a, z)),
        };
        let (mut block, mut rest) = (false, false);
        let mut headline = None;
        for (a, z) in line_spans(text) {
            let t = text[a..z].trim();
            if t.is_empty() {
                block = false;
                continue;
            }
            let marker = self
                .lex
                .furniture_starting(t)
                .find(|(m, _)| t.chars().count() <= m.chars().count() + 20);
            // A marker with a title after its colon (`اقرأ أيضا: مقتل عنصرين …`) is a link
            // to another story, however long: that line only.
            let titled = marker.is_none()
                && self.lex.furniture_starting(t).any(|(m, rest)| {
                    !rest && t[m.len()..].trim_start().starts_with([':', '：', '|'])
                });
            // A ticker line holds two time stamps: look for the colon before the regex.
            let ticker_line = || {
                memchr::memchr(b':', t.as_bytes()).is_some() && ticker.find_iter(t).nth(1).is_some()
            };
            let furniture_line = rest || block || marker.is_some() || titled || ticker_line();
            if let Some((_, r)) = marker {
                rest |= r;
                block = !r;
            }
            if furniture_line {
                mark(a, z);
            } else if headline.is_none() {
                headline = Some((a, z)).filter(|_| t.chars().count() <= 200);
            }
        }
        // A line where one title runs into the next is a scraped list of headlines. Each
        // line is looked for once, however many glued titles it holds.
        let mut line = None;
        for &i in &r.glued {
            let p = r.toks[i].start;
            if line.is_some_and(|(a, z)| a <= p && p < z) {
                continue;
            }
            let a = text[..p].rfind('\n').map_or(0, |k| k + 1);
            let z = text[p..].find('\n').map_or(text.len(), |k| p + k + 1);
            line = Some((a, z));
            let k = furniture.partition_point(|&(_, fz)| fz <= a);
            if furniture.get(k).is_none_or(|&(fa, _)| fa > a) {
                furniture.insert(k, (a, z));
            }
        }
        r.furniture = furniture;
        r.headline = headline.filter(|&(_, z)| z < text.len());
        // Renumber sentences and clauses so each glued title is its own.
        if r.glued.is_empty() {
            return;
        }
        let (mut extra, mut prev_sentence) = (0, usize::MAX);
        let mut glued = r.glued.iter().peekable();
        for i in 0..r.toks.len() {
            let title = glued.next_if_eq(&&i).is_some();
            if title && r.sentence[i] == prev_sentence {
                extra += 1;
            }
            prev_sentence = r.sentence[i];
            r.sentence[i] += extra;
            r.clause[i] += extra;
        }
    }

    /// Push the hits starting at token `i` onto `out`, longest first.
    pub(super) fn hits_at(&self, r: &Reading<'a>, i: usize, out: &mut Vec<Hit<'a>>) {
        if r.toks[i].kind != TokKind::Word {
            return;
        }
        let from = out.len();
        // The word after, when it may be a phrase's second (see `Lexicon::starting_before`):
        // asked only of a word that starts some phrase.
        let next = || {
            (i + 1 < r.toks.len() && r.toks[i + 1].kind == TokKind::Word && r.toks[i + 1].joined)
                .then(|| r.word(i + 1))
        };
        // A rank after `برتبة` is the rank of the one before it (`ضابط برتبة عقيد`): no noun
        // of someone. Asked once, of a noun that fits.
        let mut after_rank = None;
        let mut fitted = false;
        self.lex.each_starting(r.word(i), next, |s| {
            // Most of a word's entries are turned away, or taken, on what the starter
            // knows: the entry itself is read only for a phrase's later words.
            let (e, n) = (s.entry, s.words);
            let fits = (1..n).all(|k| {
                let t = i + k;
                t < r.toks.len() && r.toks[t].kind == TokKind::Word && r.toks[t].joined && {
                    // Later words match with or without their clitics and article on
                    // either side: `شهداء وجرحى` matches `الشهداء والجرحى`.
                    let want = &e.later_keys[k - 1];
                    let w = r.word(t);
                    e.may_be_later(k, w)
                        && self.lex.keys(w).iter().any(|w| want.iter().any(|x| x == w))
                }
            });
            if !fits {
                return;
            }
            fitted = true;
            if s.family == Lead::Noun
                && *after_rank.get_or_insert_with(|| {
                    i > 0 && r.toks[i].joined && r.word_in(i - 1, &r.closed.rank_of)
                })
            {
                return;
            }
            out.push(Hit {
                entry: e,
                start: i,
                end: i + n,
                glued: false,
                family: s.family,
            });
        });
        if !fitted {
            self.push_glued_cue(r, i, out);
        }
        if out.len() > from + 1 {
            out[from..].sort_by_key(|h| std::cmp::Reverse(h.end));
            // One rule matched twice over the same words, through two of its spellings
            // (`لإصابات` and `للإصابات` both match `للإصابات`): one hit.
            let mut k = from + 1;
            while k < out.len() {
                let same = out[from..k].iter().any(|h| {
                    h.end == out[k].end
                        && h.entry.rule == out[k].entry.rule
                        && h.entry.kind == out[k].entry.kind
                });
                if same {
                    out.remove(k);
                } else {
                    k += 1;
                }
            }
        }
    }

    /// Push the cue glued to the end of word `i`, if it has one (see [`Self::glued_cue`]).
    /// Most words are too short to hold one: that is decided here, on the token's bounds,
    /// without a call for every word of the text.
    #[inline]
    pub(super) fn push_glued_cue(&self, r: &Reading<'a>, i: usize, out: &mut Vec<Hit<'a>>) {
        if r.toks[i].end - r.toks[i].start >= GLUED_MIN_BYTES
            && let Some(h) = self.glued_cue(r, i)
        {
            out.push(h);
        }
    }

    /// Scraped headline lists often lose the space between titles: `سوريامقتل عنصرين`.
    /// An unknown word that ends in a one-word cue of four letters or more, after at least
    /// three letters of something else, is read as that cue.
    #[inline(never)]
    pub(super) fn glued_cue(&self, r: &Reading<'a>, i: usize) -> Option<Hit<'a>> {
        let w = r.word(i);
        if !self.lex.may_end_in_cue(w) {
            return None;
        }
        // Only tails no longer than a phrase's first word can be one: the scan is of the
        // word once, however long it is.
        let from = w.len().saturating_sub(self.lex.longest_first_word());
        w.char_indices()
            .skip(3)
            .skip_while(|&(k, _)| k < from)
            .find_map(|(k, _)| {
                let tail = &w[k..];
                if tail.chars().count() < 4 {
                    return None;
                }
                self.lex
                    .starting_with(tail)
                    .find(|e| {
                        e.words.len() == 1 && matches!(e.kind, Kind::Cue { after: false, .. })
                    })
                    .map(|entry| Hit {
                        entry,
                        start: i,
                        end: i + 1,
                        glued: true,
                        family: entry.family,
                    })
            })
    }
}

/// Which sentences (by index) hold a cue, the close of an opener or a casualty noun: every
/// construction needs one of them in the figure's sentence; a noun of people alone
/// (`السوري`, `الجيش`) makes none.
pub(super) fn cue_sentences(r: &Reading<'_>) -> Vec<bool> {
    let mut wanted = vec![false; r.sentence.last().map_or(0, |&s| s + 1)];
    let casualty = |h: &Hit<'_>| {
        matches!(
            h.entry.kind,
            Kind::Noun {
                category: Some(_),
                ..
            }
        )
    };
    // A neutral cue only right before its figure (`ووقعت إصابات`) makes one only with the
    // casualty noun after it, which marks the sentence itself: a common verb (`وقع`) alone
    // has no numbers read.
    let marks = |h: &Hit<'_>| {
        !matches!(
            h.entry.kind,
            Kind::Cue {
                category: None,
                adjacent: true,
                ..
            }
        )
    };
    let leads = r
        .lead_hits(Lead::Cue)
        .filter(marks)
        .chain(r.lead_hits(Lead::Close))
        .chain(r.lead_hits(Lead::Noun).filter(casualty));
    for h in leads {
        wanted[r.sentence[h.start]] = true;
    }
    wanted
}

/// The families of hit a figure can be built on, each walked by the passes that want it.
pub(super) use crate::lexicon::Family as Lead;

/// The byte ranges of the lines of `text`, each with its newline: the lines of
/// `split_inclusive('\n')`, found with the vectorised `memchr`.
pub(super) fn line_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut a = 0;
    std::iter::from_fn(move || {
        (a < text.len()).then(|| {
            let z = memchr::memchr(b'\n', &text.as_bytes()[a..]).map_or(text.len(), |k| a + k + 1);
            let span = (a, z);
            a = z;
            span
        })
    })
}

/// What the text between two tokens ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Break {
    None,
    Clause,
    Sentence,
}

/// A sentence ends at `. ! ? ؟ ؛`, a newline or ` - `; a clause also at a comma. One pass
/// over the bytes: gaps are short, and this runs between every two tokens.
pub(super) fn gap_break(gap: &str) -> Break {
    let b = gap.as_bytes();
    let mut clause = false;
    for (k, &x) in b.iter().enumerate() {
        match x {
            b'.' | b'!' | b'?' | b'\n' => return Break::Sentence,
            // ؟ U+061F and ؛ U+061B; ، U+060C.
            0xD8 if matches!(b.get(k + 1), Some(0x9F | 0x9B)) => return Break::Sentence,
            0xD8 if b.get(k + 1) == Some(&0x8C) => clause = true,
            b',' => clause = true,
            b'-' if k > 0 && b[k - 1] == b' ' && b.get(k + 1) == Some(&b' ') => {
                return Break::Sentence;
            }
            _ => {}
        }
    }
    if clause { Break::Clause } else { Break::None }
}

/// `- 09:33`: the time stamps of a news ticker.
pub(super) fn ticker_times() -> &'static regex::Regex {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    R.get_or_init(|| regex::Regex::new(r"-\s*\d{1,2}:\d{2}").expect("valid"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_break_sentences_and_clauses_by_the_written_rule() {
        // The rule as written: a sentence ends at `. ! ? ؟ ؛`, a newline or ` - `; a clause
        // also at a comma.
        let rule = |gap: &str| {
            if gap.contains(['.', '!', '?', '؟', '؛', '\n']) || gap.contains(" - ") {
                2
            } else if gap.contains(['،', ',']) {
                1
            } else {
                0
            }
        };
        for gap in [
            " ",
            "  ",
            ". ",
            "؟ ",
            " ؛ ",
            "\n",
            " - ",
            "-",
            " -",
            "- ",
            "، ",
            ",",
            " «",
            "» ",
            "…",
            " (",
            ") ",
            "؛",
            "—",
            " – ",
            "،\n",
            "\u{200F} ",
        ] {
            let got = match gap_break(gap) {
                Break::None => 0,
                Break::Clause => 1,
                Break::Sentence => 2,
            };
            assert_eq!(got, rule(gap), "{gap:?}");
        }
    }

    /// `read` skips the gap test before a joined token: whatever stands between two joined
    /// tokens must never end a clause or a sentence.
    #[test]
    fn a_joined_token_follows_no_break() {
        let text = "قتل 5 (خمسة) «مدنيين» [أمس]، ثم - 3. و\t4؟ ثم؛ 7 \"قتلى\" -8 و-9 ١٢ ، 6\nجرحى";
        let toks = tokenize(text);
        assert!(toks.iter().filter(|t| t.joined).count() > 5);
        for w in toks.windows(2) {
            if w[1].joined {
                let gap = &text[w[0].end..w[1].start];
                assert!(matches!(gap_break(gap), Break::None), "{gap:?}");
            }
        }
    }

    #[test]
    fn line_spans_are_the_lines_of_split_inclusive() {
        for text in [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "a\nb",
            "سطر\n\nآخر\n",
            "x\r\ny\n\nz",
        ] {
            let mut at = 0;
            let want: Vec<(usize, usize)> = text
                .split_inclusive('\n')
                .map(|l| {
                    at += l.len();
                    (at - l.len(), at)
                })
                .collect();
            assert_eq!(line_spans(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }
}
