//! The constructions the engine reads, each with an id and what it is. A mention's `rule`
//! is `construction:words` — the construction that made it and the rules-file entry whose
//! words it used — so `explain` and the tables show why a figure is there; `hasila rules`
//! lists these beside the word tables. `examples.tsv` holds sentences for each, positive
//! and negative, in sections by construction.

/// A construction: its id and what it reads.
pub struct Construction {
    pub id: &'static str,
    pub what: &'static str,
}

macro_rules! constructions {
    ($($name:ident = $id:literal: $what:literal;)*) => {
        $(pub const $name: &str = $id;)*
        /// Every construction, in the order the engine tries them.
        pub const ALL: &[Construction] = &[$(Construction { id: $id, what: $what }),*];
    };
}

constructions! {
    NUMBER_NOUN = "number.noun":
        "a number and the casualty noun it counts (`5 قتلى`), or a noun of the dead or wounded after `من` (`12 من القتلى`)";
    NUMBER_CUE = "number.cue":
        "a cue before a number (`مقتل 8`); a verb of falling before people who fell to a weapon or as what a verb of result left (`أسفرت المعارك عن سقوط 27 من مقاتلي المعارضة`); or a neutral cue and the casualty noun it governs (`حصيلة القتلى … إلى 120`); a passive verb before a phrase of where or why and its relative clause, its subject's figure after them (`وقتل في القصف الذي استهدف السوق الشعبي في المدينة 12 شخصا`), or before a weapon behind the preposition of means and its genitive (`وقتل برصاص الجيش التركي 3 لاجئين`); after a relative clause's pronoun, only the relative verb (`الهجوم الذي قتل فيه 40 شخصا`); past an aside between commas that says who told the figure (`وقتل، بحسب ما أفاد به المرصد، 25 شخصا`); a verb of falling before more of the people counted before in the sentence, of their category (`فيما سقط أربعة آخرون في حماه`)";
    NUMBER_TOLL = "number.toll":
        "the figure a running total reached, its toll named anywhere before it in the sentence (`ارتفعت حصيلة ضحايا التفجير … إلى 15`); with no `إلى` after a total whose verb takes its figure (`بلغ عدد القتلى منذ بداية الأحداث 5000`); a toll under its head and a period phrase before the figure (`تقدر الأمم المتحدة عدد القتلى منذ بدء الاحتجاجات بأكثر من 7500 شخص`)";
    NUMBER_TOLL_AFTER = "number.toll_after":
        "a running total's figure before the toll it reached, its head and the casualty noun it governs (`ارتفع إلى 17 عدد القتلى`), past a part of it told first (`ارتفع إلى 15 بينهم 3 أطفال عدد الشهداء`)";
    NUMBER_TOLL_BARE = "number.toll_bare":
        "a toll named by its head alone before the figure (`بلغت الحصيلة نحو 120`, `وارتفع العدد لاحقا إلى 7`): of what the figures before it in the article counted; unnamed after its verb (`قبل أن ترتفع إلى 11`), of a figure of its sentence, one told by its nouns too (`أن رجلا وامرأة توفيا ما يرفع العدد الإجمالي إلى 189`)";
    NUMBER_BY_PLACE = "number.by_place":
        "a bare number behind `و` with a place of its own, after a figure of its sentence placed right after it or before its number (`قتل 10 أشخاص في حلب و5 في إدلب`، `وسقط في حلب 20 قتيلا و6 في حمص`) or after the one or two a cue counted (`قتل شخص في درعا، و4 في حمص`), or right after its place behind `وفي` (`سجل في دمشق 20 قتيلا، وفي حمص 11`): another figure of its kind, not a part";
    NOUN_BY_PLACE = "noun.by_place":
        "after a figure and its place, one or two people named by their noun behind `و`, past a comma or not, with a place of their own (`استشهد 3 مدنيين في إدلب، وامرأة وطفل في بلدة أبو الظهور، وشخصان في ريف حمص`، `قتل جنديان في درعا وآخر في حمص`): more of the figure's kind, in that place, not parts of it; one more (`وآخر`) is of the figure's group";
    NOUN_BY_CAUSE = "noun.by_cause":
        "after a figure and the cause of its deaths (`جراء`, `إثر`), one or two people named by their noun behind `و`, past a comma or not, with a cause of their own (`و6 أشخاص جراء قصف على حزارين، ومواطنان اثنان جراء براميل متفجرة، وطفل جراء قصف جوي`): more of the figure's kind; of a part, parts of its total too";
    NUMBER_RANKED = "number.ranked":
        "a place's figure in a ranking, behind `بـ` right after the place's name, after a figure of its sentence (`وجاءت درعا في المقدمة بـ 88 قتيلا، تلتها حمص بـ 40`): another figure of its kind, in that place";
    NUMBER_CUE_AFTER = "number.cue_after":
        "a number and its noun, then a cue after them (`20 مدنيا قتلوا`); after an opener, past a breakdown set between commas (`لقي 5 أشخاص، من بينهم طفل، مصرعهم`), and in the clause after an aside that opens right after the noun (`إن 12 مدنيا، بينهم 5 أطفال، قتلوا`), its list of parts going on behind `و` past commas (`إن 11 شخصا، بينهم خمسة أطفال، وثلاث نساء، لقوا حتفهم`)";
    NUMBER_COORDINATED = "number.coordinated":
        "a number with no cue of its own, coordinated with a figure of its sentence or a part of it (`وأصاب 727`، `خمسة منهم`، `مع ثلاثة من مرافقيه`) as a list goes on, past the place of the one or two a cue counted (`قتل جنديان في درعا، وثلاثة أطفال في حمص`), not after a word of something else (`بينما نجا 14 آخرون`), or a place's part after a colon that closes a figure (`مقتل 25 شخصا: 10 في دوما`)";
    NOUN_SUBJECT = "noun.subject":
        "an indefinite singular noun of people, its adjective, and a verb in the singular after it with no object (`إن جنديا تركيا قتل وأصيب آخر`، `امرأة قتلت في القصف`), past an aside in brackets (`وفتاة (15 عاما) أصيبت`) or what it was of after `من` (`إن عنصرا من القوات الصومالية قتل`)";
    NOUN_AFTER_CUE = "noun.after_cue":
        "a cue and a singular or dual noun, or a vague quantity (`مقتل طفل`، `إصابة العديد`، `أحدهم رضيع`)";
    NOUN_BARE_CASE = "noun.bare_case":
        "a death or a wound as a bare, indefinite masdar, all a verb of result left: one case each (`نتج عنه وفاة وإصابة`، `أسفر الحادث عن إصابة`)";
    NOUN_OBJECT = "noun.object":
        "after a verb and its agent, the one or two it struck, a singular written as a count's noun is or a dual, or the dead and wounded it left (`قتلت الغارة جنديا`، `قتل جنود إسرائيليون صبيا`، `خلفت الغارات قتلى`), after a lone indefinite agent the one or two only (`وقتل قناص شابا`), or someone of the agent's after it (`قتلت امرأة طفليها`)";
    NOUN_FELL_AS = "noun.fell_as":
        "after a verb of falling, one or two people, what they were of, then the state they fell in, a casualty noun (`سقط شاب قتيلا`، `سقط عنصر تابع لقوات سوريا الديمقراطية قتيلا`، `وسقط شابان جريحين`)";
    NOUN_PLURAL_SUBJECT = "noun.plural_subject":
        "a verb whose subject is the one struck (`أصيب`, `استشهد`, `توفي`) and an indefinite plural of people right after it, its subject: a vague figure of them (`وأصيب مدنيون في القصف`); not after a verb that may be active (`وقتل جنود صبيا`)";
    NOUN_QUALIFIED = "noun.qualified":
        "a cue, a qualifier and a singular or dual noun (`قتل ما لا يقل عن شخصين`)";
    NUMBER_PART = "number.part":
        "after a part of a distribution, a part naming its casualty noun behind `و` (`منهم 30 في حلب، وقتيل واحد في درعا`، `وقتيلان في سقبا`)";
    NUMBER_THEY_LISTED = "number.they_listed":
        "the dead told of again in a clause, a comma, then `هم` and a number: the first part of a list of them, of the total before it in that sentence or the one before that holds it (`وأوضحت الشبكة أن المدنيين الذين قتلوا خلال الأيام الأربعة، هم 30 في حلب و2 في إدلب`)";
    PARTS_LISTED = "parts.listed":
        "people listed after a figure with `و`, past one person's name (`قضى ثلاثة أطفال وأمهم`، `وتوفيت المواطنة نورة وابنتاها`) or an adjective of its noun (`قتل 4 جنود سوريين ومقاتلان`); a part only of a total of two or more larger than it; past a comma, with no partitive, the parts of a total they come to (`إصابة 3 مدنيين، رجل وطفلين`), or one or two standing alone behind `و` between commas (`مقتل أربعة مدنيين، ورجل أمن، وعدد من الإصابات`)";
    NOUN_OPENING = "noun.opening":
        "a noun of the dead or wounded opening a sentence, or a dual or a case of one anywhere (`قتيل وثلاثة جرحى`، `حالتي وفاة`، `وحالة وفاة`)";
    NOUN_THEN_CUE = "noun.then_cue":
        "a singular or dual noun and a cue after it (`شاب لقي مصرعه`), past more nouns of people listed behind `و`, each one a part (`طفلان وامرأة قتلوا`), each maybe with its place (`أن رجلا في الرياض وامرأة في جدة توفيا`), a dual's adjective (`شابين فلسطينيين أصيبا`) or one of them named, a part (`رجلي شرطة أحدهما ضابط قتلا`); among the dead or the wounded after `من` right after the noun, a part of them (`طفلتين من بين الشهداء`); one in the accusative right after `أن` or `إن` (`أن جنديا صوماليا لقي حتفه`)";
    FRAME_OPENED = "frame.opened":
        "an opener verb, its noun, and the cue after the noun that closes the statement (`لقي شاب يبلغ من العمر 18 عاما مصرعه`); an indefinite plural of people right after the opener, a vague figure of them (`ولقي مدنيون حتفهم`)";
    VAGUE_THEN_CUE = "vague.then_cue":
        "a vague quantity and a cue after it, past the people it counts and a few words of theirs (`العشرات قتلوا`، `عدد من الجنود الأتراك قتلوا`)";
    VAGUE_PARTITIVE = "vague.partitive":
        "a vague quantity before `من` and a casualty noun (`والعديد من الجرحى`)";
    DEFINITE_COUNT = "definite.count":
        "a definite noun of the dead or wounded with a definite number word (`القتلى الثلاثة`), or definite people with one, a relative pronoun and a cue after them (`المسؤولين السوريين الثلاثة الذين قتلوا`)";
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids are unique and every mention of the corpus names one of them.
    #[test]
    fn ids_are_unique_and_every_mention_names_one() {
        let mut ids: Vec<&str> = ALL.iter().map(|c| c.id).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate construction ids");
        let ex = crate::extract::Extractor::new(
            crate::lexicon::builtin(),
            crate::numbers::builtin_lenient(),
        );
        let mut seen = std::collections::BTreeSet::new();
        for text in crate::fixture_texts(&["fixtures/gold/dev.jsonl"]) {
            for m in ex.extract("d", &text, None) {
                let (c, words) = m.rule.split_once(':').expect("construction:words");
                assert!(ids.contains(&c), "{}", m.rule);
                assert!(!words.is_empty(), "{}", m.rule);
                seen.insert(c.to_string());
            }
        }
        assert!(seen.len() >= 5, "{seen:?}");
    }
}
