//! The mention corpus (`examples.tsv`): a sentence and the mentions it must give.

use super::*;

fn run(text: &str) -> Vec<Mention> {
    Extractor::new(crate::lexicon::builtin(), crate::numbers::builtin_lenient())
        .extract("t", text, None)
}

/// A mention in the notation of `examples.tsv`: `category:count:group`, `~` for approx,
/// `?` for a vague count (`?30-99` with its conventional range), `+cum` for cumulative
/// scope, `/cause` when it is not violence, `!bg` for an earlier event cited in passing.
fn show(m: &Mention) -> String {
    let cat = match m.category {
        Category::Killed => "k",
        Category::Wounded => "w",
        Category::KilledOrWounded => "kw",
    };
    let count = match (m.count, m.low, m.high) {
        (Some(c), ..) => c.to_string(),
        (None, Some(lo), Some(hi)) => format!("?{lo}-{hi}"),
        (None, ..) => "?".to_string(),
    };
    let approx = if m.approx { "~" } else { "" };
    let group = serde_json::to_value(m.group).unwrap();
    let scope = if m.scope == Scope::Cumulative {
        "+cum"
    } else {
        ""
    };
    let cause = match m.cause {
        Cause::Violence => "",
        Cause::Accident => "/accident",
        Cause::Disease => "/disease",
        Cause::Unknown => "/unknown",
    };
    let background = if m.flags.contains(&Flag::Background) {
        "!bg"
    } else {
        ""
    };
    format!(
        "{cat}:{approx}{count}:{}{scope}{cause}{background}",
        group.as_str().unwrap()
    )
}

#[test]
fn example_corpus() {
    crate::corpus::check(
        "extract/examples.tsv",
        include_str!("examples.tsv"),
        150,
        |_, text| run(text).iter().map(show).collect::<Vec<_>>().join(" "),
    );
}

#[test]
fn quotes_and_offsets_point_at_the_original() {
    let text = "قُتِلَ ١٥ طفلاً في قصف";
    let m = &run(text)[0];
    assert_eq!(&text[m.start..m.end], m.quote);
    assert!(m.quote.contains("١٥ طفلاً"), "{}", m.quote);
    assert_eq!(m.rule, "number.cue:cue.killed");
}

#[test]
fn names_are_the_serde_names() {
    for s in [Scope::Incident, Scope::Cumulative] {
        assert_eq!(serde_json::to_value(s).unwrap(), s.name());
    }
    for f in [
        Flag::Headline,
        Flag::Breakdown,
        Flag::SumMismatch,
        Flag::Furniture,
    ] {
        assert_eq!(serde_json::to_value(f).unwrap(), f.name());
    }
}

#[test]
fn a_cause_word_belongs_to_the_figure_of_its_clause() {
    let causes = |text: &str| -> Vec<(Option<u64>, Cause)> {
        run(text).iter().map(|m| (m.count, m.cause)).collect()
    };
    // Hunger and cold are no wound of violence.
    assert_eq!(
        causes("وفاة 3 أطفال بسبب البرد في المخيم"),
        [(Some(3), Cause::Unknown)]
    );
    // Another clause with a figure of its own keeps its cause word.
    assert_eq!(
        causes("أدت الحرب إلى مقتل 700 شخص، ووفاة نحو 850 طفلا من الجوع"),
        [(Some(700), Cause::Violence), (Some(850), Cause::Unknown)]
    );
    // A clause without a figure still gives its cause, and coordinated figures share it.
    assert_eq!(
        causes("توفي 3 أشخاص، إثر حادث سير على الطريق"),
        [(Some(3), Cause::Accident)]
    );
    assert_eq!(
        causes("مقتل 5 أشخاص وإصابة 10 آخرين بحادث سير"),
        [(Some(5), Cause::Accident), (Some(10), Cause::Accident)]
    );
}

#[test]
fn a_cue_of_another_category_is_not_in_the_quote() {
    // `إصابة` is an infection here and its own figure is excluded; the deaths are quoted
    // from their number, not from the infection word before it.
    let ms = run("سجلت الوزارة 45 إصابة جديدة بفيروس كورونا و3 وفيات");
    assert_eq!(ms.len(), 1, "{ms:?}");
    assert_eq!(ms[0].count, Some(3));
    assert_eq!(ms[0].quote, "3 وفيات");
    // The cue of the figure's own category stays in it.
    let ms = run("مقتل 3 قتلى في القصف");
    assert_eq!(ms[0].quote, "مقتل 3 قتلى");
}

#[test]
fn a_group_named_after_the_noun_is_in_the_quote() {
    assert_eq!(
        run("أصيب عدد كبير من المدنيين")[0].quote,
        "أصيب عدد كبير من المدنيين"
    );
    assert_eq!(run("مقتل أحد عناصر الشرطة")[0].quote, "مقتل أحد عناصر");
}

#[test]
fn causes_by_the_words_near_the_figure() {
    let cause = |t: &str| run(t).first().map(|m| m.cause);
    assert_eq!(
        cause("توفي شخصان اختناقا بسبب مدفأة"),
        Some(Cause::Accident)
    );
    assert_eq!(cause("مقتل سائق في حادث سير"), Some(Cause::Accident));
    assert_eq!(cause("قتل 3 بقصف مدفعي"), Some(Cause::Violence));
    assert_eq!(cause("توفي 4 بفيروس كورونا"), Some(Cause::Disease));
}

/// Every construction has sentences in the corpus that it reads: a construction no row
/// exercises is one nobody checks.
#[test]
fn every_construction_has_examples() {
    let mut seen = std::collections::BTreeSet::new();
    for line in include_str!("examples.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let text = line.split('\t').next().unwrap_or(line);
        for m in run(text) {
            let (c, _) = m.rule.split_once(':').expect("construction:words");
            seen.insert(c.to_string());
        }
    }
    let missing: Vec<&str> = constructions::ALL
        .iter()
        .map(|c| c.id)
        .filter(|id| !seen.contains(*id))
        .collect();
    assert!(missing.is_empty(), "no corpus row for {missing:?}");
}

/// Each mention's count and governorate P-code, in text order.
fn places(text: &str) -> Vec<(Option<u64>, Option<String>)> {
    run(text)
        .into_iter()
        .map(|m| (m.count, m.admin1_pcode))
        .collect()
}

/// Each mention's count and whether it carries `flag`, in text order.
fn flagged(text: &str, flag: Flag) -> Vec<(Option<u64>, bool)> {
    run(text)
        .into_iter()
        .map(|m| (m.count, m.flags.contains(&flag)))
        .collect()
}

fn sy(pcode: &str) -> Option<String> {
    Some(pcode.to_string())
}

/// A figure right after `بينهم` or `منهم`, or with `منهم` after it, is a part of the total
/// before it whatever their groups: a report never adds it to its total.
#[test]
fn a_part_among_them_is_a_breakdown_of_any_group() {
    assert_eq!(
        flagged("قتل 5 جنود، بينهم اثنان من الضباط", Flag::Breakdown),
        [(Some(5), false), (Some(2), true)]
    );
    assert_eq!(
        flagged("قتل 12 عسكريا، منهم 3 ضباط", Flag::Breakdown),
        [(Some(12), false), (Some(3), true)]
    );
    assert_eq!(
        flagged("مقتل 10 من قوات النظام و5 من الفصائل", Flag::Breakdown),
        [(Some(10), false), (Some(5), false)]
    );
}

/// People of no group counted by a noun of their own after a total of no group are more
/// people, not a part of it; after a part of it, the list of parts goes on.
#[test]
fn people_of_no_group_after_a_total_of_none_are_more_people() {
    assert_eq!(
        flagged(
            "ووثق التقرير مقتل 540 شخصا على يد جهات لم يسمها، و284 شخصا على يد التنظيمات المتشددة",
            Flag::Breakdown
        ),
        [(Some(540), false), (Some(284), false)]
    );
    assert_eq!(
        flagged("أصيب 14 مسعفا و12 ممرضا في القصف", Flag::Breakdown),
        [(Some(14), false), (Some(12), false)]
    );
    assert_eq!(
        flagged("قتل 15 شخصا بينهم 5 أطفال وستة متدربين", Flag::Breakdown),
        [(Some(15), false), (Some(5), true), (Some(6), true)]
    );
    assert_eq!(
        flagged("قتل 14 شخصا و5 أطفال في القصف", Flag::Breakdown),
        [(Some(14), false), (Some(5), true)]
    );
}

/// A number with `منهم` right after it is a part of the total before it, with a verb of
/// its own after it too; a verb before it makes it a figure of its own.
#[test]
fn a_number_of_them_with_its_own_verb_is_a_part() {
    assert_eq!(
        flagged(
            "قتل 40 عنصرا، إضافة إلى 12 من أبناء العشائر، 3 منهم مدنيون أعدموا ميدانيا",
            Flag::Breakdown
        ),
        [(Some(40), false), (Some(12), false), (Some(3), true)]
    );
    assert_eq!(
        flagged(
            "قتل 30 شخصا في البلدة، 9 منهم قتلوا رميا بالرصاص",
            Flag::Breakdown
        ),
        [(Some(30), false), (Some(9), true)]
    );
    assert_eq!(
        flagged("أصيب 20 شخصا في القصف، وتوفي 4 منهم لاحقا", Flag::Breakdown),
        [(Some(20), false), (Some(4), false)]
    );
    // A bare number behind `و` with its own verb goes on the list of parts before it, when
    // the total holds it.
    assert_eq!(
        flagged(
            "قتل 20 شخصا بينهم 5 أطفال وثلاثة قتلوا ذبحا في القرية",
            Flag::Breakdown
        ),
        [(Some(20), false), (Some(5), true), (Some(3), true)]
    );
    assert_eq!(
        flagged(
            "قتل 10 أشخاص بينهم 4 أطفال و30 قتلوا في حلب",
            Flag::Breakdown
        ),
        [(Some(10), false), (Some(4), true), (Some(30), false)]
    );
    // After a part told by its noun, a number of another group behind `و` goes on the list,
    // with the verb they share after it.
    assert_eq!(
        flagged(
            "لقي 9 أشخاص بينهم ضابط و5 من عناصر الجيش مصرعهم في هجوم",
            Flag::Breakdown
        ),
        [(Some(9), false), (Some(1), true), (Some(5), true)]
    );
}

/// A figure told in the same statement as a background one, behind `و` and past a comma,
/// is background too; one of its own verb after it is not.
#[test]
fn a_figure_that_goes_on_a_background_statement_is_background() {
    assert_eq!(
        flagged(
            "وكانت مديرية الصحة قد أعلنت أمس مقتل 12 شخصا في المدينة، وإصابة 30 آخرين",
            Flag::Background
        ),
        [(Some(12), true), (Some(30), true)]
    );
    assert_eq!(
        flagged(
            "وكان الدفاع المدني قد أحصى وفاة 4 مدنيين في الغارة الأولى، وإصابة 9 بجروح",
            Flag::Background
        ),
        [(Some(4), true), (Some(9), true)]
    );
    assert_eq!(
        flagged(
            "وكان 5 أشخاص قد قتلوا في القصف قبل أسبوع. وقتل اليوم 3 مدنيين في البلدة",
            Flag::Background
        ),
        [(Some(5), true), (Some(3), false)]
    );
}

/// A toll distributed as follows, by place or by group, in its sentence or the next, is
/// broken down into the figures after it; with no total before it, or one smaller than
/// their sum, they are figures of their own.
#[test]
fn a_toll_distributed_as_follows_is_broken_down() {
    assert_eq!(
        flagged(
            "قتل 45 شخصا في القصف، وتوزع القتلى كالتالي: 20 في حلب، و25 في إدلب",
            Flag::Breakdown
        ),
        [(Some(45), false), (Some(20), true), (Some(25), true)]
    );
    assert_eq!(
        flagged(
            "وبلغت حصيلة القتلى 90 شخصا. ووزع المرصد الحصيلة على النحو التالي: 40 مدنيا، و50 مقاتلا",
            Flag::Breakdown
        ),
        [(Some(90), false), (Some(40), true), (Some(50), true)]
    );
    assert_eq!(
        flagged(
            "قتل 30 شخصا في القصف، وتوزع القتلى كالتالي: 20 في حلب، و25 في إدلب",
            Flag::Breakdown
        ),
        [(Some(30), false), (Some(20), false), (Some(25), false)]
    );
    assert_eq!(
        flagged(
            "وبلغ عدد القتلى 57. وتوزع الضحايا على حمص التي نالت النصيب الأكبر بسقوط 14 قتيلا، وتسعة في إدلب",
            Flag::Breakdown
        ),
        [(Some(57), false), (Some(14), true), (Some(9), true)]
    );
    // The toll itself distributed by its verb and preposition, with no `as follows`.
    assert_eq!(
        flagged(
            "ارتفعت حصيلة القتلى إلى 203 أشخاص. وتوزعت الحصيلة بين 92 من أبناء المحافظة، و93 عنصرا من القوات الحكومية، إضافة إلى 18 من المسلحين",
            Flag::Breakdown
        ),
        [
            (Some(203), false),
            (Some(92), true),
            (Some(93), true),
            (Some(18), true)
        ]
    );
    assert_eq!(
        flagged(
            "قتل 40 شخصا في القصف. وتوزعت الحصيلة بين 60 مدنيا و15 عنصرا",
            Flag::Breakdown
        ),
        [(Some(40), false), (Some(60), false), (Some(15), false)]
    );
    // Three or more figures each with its place, the first of their sentence, after a
    // total in the sentence before: its distribution; a part that shares the verb of the
    // one before is where its own place says.
    assert_eq!(
        flagged(
            "قتل 25 شخصا برصاص الأمن. وقالت الهيئة إن خمسة قتلوا في ريف دمشق وأربعة في درعا وثلاثة في حلب",
            Flag::Breakdown
        ),
        [
            (Some(25), false),
            (Some(5), true),
            (Some(4), true),
            (Some(3), true)
        ]
    );
    assert_eq!(
        places(
            "قتل 25 شخصا برصاص الأمن. وقالت الهيئة إن خمسة قتلوا في ريف دمشق وأربعة في درعا وثلاثة في حلب"
        ),
        [
            (Some(25), None),
            (Some(5), sy("SY03")),
            (Some(4), sy("SY12")),
            (Some(3), sy("SY02"))
        ]
    );
    // Two are no distribution.
    assert_eq!(
        flagged(
            "قتل 25 شخصا برصاص الأمن. وقالت الهيئة إن خمسة قتلوا في ريف دمشق وأربعة في درعا",
            Flag::Breakdown
        ),
        [(Some(25), false), (Some(5), false), (Some(4), false)]
    );
    // A part of one of the parts stays that one's, out of the sum.
    assert_eq!(
        flagged(
            "ارتفعت حصيلة القتلى إلى 203 أشخاص. وتوزعت الحصيلة بين 92 من أبناء المحافظة، بينهم 21 مدنيا أعدموا، و93 عنصرا من القوات الحكومية، إضافة إلى 18 من المسلحين",
            Flag::Breakdown
        ),
        [
            (Some(203), false),
            (Some(92), true),
            (Some(21), true),
            (Some(93), true),
            (Some(18), true)
        ]
    );
}

/// The dead told of again, a comma and `هم`: the list after it is of parts of the total
/// before that holds them, the last naming its noun behind `و` too.
#[test]
fn a_list_after_they_breaks_the_total_down() {
    assert_eq!(
        flagged(
            "وثقت الشبكة مقتل 61 مدنيا. وأوضحت أن المدنيين الذين قتلوا، هم 30 في حلب و8 في ريف دمشق، وقتيل واحد في الرقة",
            Flag::Breakdown
        ),
        [
            (Some(61), false),
            (Some(30), true),
            (Some(8), true),
            (Some(1), true)
        ]
    );
}

/// In a distribution by place every part is a breakdown of the total, the one that names
/// its casualty noun behind `و` too (`وقتيلان في سقبا`); after a figure of its own such a
/// noun is more dead.
#[test]
fn a_distribution_part_that_names_its_noun_is_a_part() {
    assert_eq!(
        flagged(
            "وسقط 40 قتيلا، منهم 15 في دوما، و12 في حرستا، وقتيلان في سقبا",
            Flag::Breakdown
        ),
        [
            (Some(40), false),
            (Some(15), true),
            (Some(12), true),
            (Some(2), true)
        ]
    );
    assert_eq!(
        flagged("قتل 5 مدنيين في حلب، وقتيلان في إدلب", Flag::Breakdown),
        [(Some(5), false), (Some(2), false)]
    );
}

/// A figure after a total, each with its own place right after its words, is a figure of
/// another place, not a part of the total; a part behind `بينهم` stays one, its place too.
#[test]
fn figures_of_two_places_are_no_parts() {
    assert_eq!(
        flagged(
            "مقتل ثلاثة مواطنين في حمص وأحد مقاتلي المعارضة في دير الزور",
            Flag::Breakdown
        ),
        [(Some(3), false), (Some(1), false)]
    );
    assert_eq!(
        flagged("قتل 7 أشخاص في حلب وطفلان في بلدة سراقب", Flag::Breakdown),
        [(Some(7), false), (Some(2), false)]
    );
    assert_eq!(
        flagged(
            "قتل 7 أشخاص في حلب، بينهم طفلان في حي الشعار",
            Flag::Breakdown
        ),
        [(Some(7), false), (Some(2), true)]
    );
    assert_eq!(
        flagged("قتل 7 أشخاص وطفلان في القصف على حلب", Flag::Breakdown),
        [(Some(7), false), (Some(2), true)]
    );
}

/// A run of people told by a verb of its own in the sentence after a total is more dead,
/// of another event; a run that only lists the dead there is the total's distribution.
#[test]
fn people_killed_by_their_own_verb_after_a_total_are_no_parts() {
    assert_eq!(
        flagged(
            "قتل عشرة أشخاص في الهجمات. وقتل رجل وامرأة في انفجار سيارة مفخخة",
            Flag::Breakdown
        ),
        [(Some(10), false), (Some(1), false), (Some(1), false)]
    );
    assert_eq!(
        flagged(
            "أسفر القصف عن مقتل 48 مدنيا. الضحايا توزعوا بين 26 رجلا و7 سيدات و15 طفلا",
            Flag::Breakdown
        ),
        [
            (Some(48), false),
            (Some(26), true),
            (Some(7), true),
            (Some(15), true)
        ]
    );
}

/// People told by a verb of their own behind a word that opens a statement of its own
/// (`كما`, `فيما`) are more dead, however close to a total and its parts; without one
/// they are its parts.
#[test]
fn people_told_apart_by_also_or_whereas_are_no_parts() {
    assert_eq!(
        flagged(
            "قتل خمسة مدنيين بينهم ثلاثة أطفال في القصف، كما قتل طفل في غارة على بلدة أخرى",
            Flag::Breakdown
        ),
        [(Some(5), false), (Some(3), true), (Some(1), false)]
    );
    assert_eq!(
        flagged(
            "أسفرت الغارة عن مقتل ستة أشخاص، فيما قتلت امرأتان برصاص قناص",
            Flag::Breakdown
        ),
        [(Some(6), false), (Some(2), false)]
    );
    assert_eq!(
        flagged("قتل ستة أشخاص بينهم امرأتان وطفل", Flag::Breakdown),
        [(Some(6), false), (Some(2), true), (Some(1), true)]
    );
}

/// People listed after a part are parts of the same total (`بين الضحايا امرأة وطفلان`),
/// whatever their number; after a figure of its own they are more dead.
#[test]
fn people_listed_after_a_part_are_parts() {
    assert_eq!(
        flagged("قتل 12 شخصا. وبين الضحايا امرأة وطفلان", Flag::Breakdown),
        [(Some(12), false), (Some(1), true), (Some(2), true)]
    );
    assert_eq!(
        flagged("قتلت امرأة وطفلان في القصف", Flag::Breakdown),
        [(Some(1), false), (Some(2), false)]
    );
}

/// A number of the dead or wounded already told of, behind its partitive and with no cue
/// of its own, is a part of them: the discharged are not wounded twice.
#[test]
fn a_number_of_the_wounded_told_of_is_a_part() {
    assert_eq!(
        flagged(
            "أصيب 20 شخصا في الانفجار. وغادر 6 من المصابين المستشفى بعد تلقيهم العلاج",
            Flag::Breakdown
        ),
        [(Some(20), false), (Some(6), true)]
    );
    assert_eq!(
        flagged("وأصيب 7 من المدنيين في القصف", Flag::Breakdown),
        [(Some(7), false)]
    );
}

/// Nouns listed before their cue: the first one's quote runs to the cue, which states the
/// deaths; each one listed after it is a figure of its own, quoted by its noun.
#[test]
fn a_list_before_its_cue_is_quoted_to_the_cue() {
    let ms = run("وقال ناشطون إن طفلين وامرأة قتلوا في القصف");
    let quotes: Vec<(&str, Option<u64>)> = ms.iter().map(|m| (m.quote.as_str(), m.count)).collect();
    assert_eq!(
        quotes,
        [("طفلين وامرأة قتلوا", Some(2)), ("وامرأة", Some(1))]
    );
}

/// A cue of a part (`من بين القتلى`) makes its figure a breakdown of the total before it,
/// in its sentence or the one before.
#[test]
fn among_the_dead_is_a_part() {
    assert_eq!(
        flagged(
            "قتل 30 مسلحا في الغارات. ومن بين القتلى قيادي بارز وبين الجرحى 5 أطفال.",
            Flag::Breakdown
        ),
        [(Some(30), false), (Some(1), true), (Some(5), true)]
    );
}

/// Parts told in a sentence after their total's, naming no place, are where the total is,
/// not in the place of a part by place before them.
#[test]
fn later_parts_take_their_totals_place() {
    assert_eq!(
        places(
            "قتل 45 شخصا في أنحاء مختلفة من سورية، بينهم 20 في حمص وحدها. \
             وقالت اللجان إن بين القتلى ستة أطفال وثلاث نساء."
        ),
        [
            (Some(45), None),
            (Some(20), sy("SY04")),
            (Some(6), None),
            (Some(3), None)
        ]
    );
    assert_eq!(
        places("قتل 12 شخصا في قصف على حلب. وبين القتلى أربعة أطفال."),
        [(Some(12), sy("SY02")), (Some(4), sy("SY02"))]
    );
}

/// A figure with no place in its sentence is where the one before was; not a total of a
/// thousand or more, which spans more than that one event's place.
#[test]
fn a_large_total_takes_no_place_from_the_sentence_before() {
    assert_eq!(
        places("وسقط شهيد في الرقة. وقدرت الهيئة عدد القتلى العام الماضي بـ39520 قتيلا."),
        [(Some(1), sy("SY11")), (Some(39520), None)]
    );
    assert_eq!(
        places("قتل 5 مدنيين في قصف على دوما. وأصيب 12 آخرون."),
        [(Some(5), sy("SY03")), (Some(12), sy("SY03"))]
    );
}

/// The first place after a figure's words abroad puts it abroad, not in a Syrian place
/// further on; a foreign city's name inside its words (a street) does not. A ranking gives
/// each figure the place before its `بـ`.
#[test]
fn the_place_after_a_figure_abroad_and_a_rankings_places() {
    assert_eq!(
        places("قتيل و 8 جرحى بتجدد التوتر في طرابلس ونصرالله يعزي دمشق"),
        [(Some(1), None), (Some(8), None)]
    );
    assert_eq!(
        places("ارتفعت حصيلة قتلى القذائف على شارعي الثورة وبغداد في دمشق إلى 11 قتيلا"),
        [(Some(11), sy("SY01"))]
    );
    assert_eq!(
        places("44 قتيلا وجريحا حصيلة قصف النظام وروسيا على غرب حلب الأحد"),
        [(Some(44), sy("SY02"))]
    );
    assert_eq!(
        places("وجاءت درعا في المقدمة بـ 88 قتيلا، تلتها حمص بـ 40، ثم إدلب بـ 35"),
        [
            (Some(88), sy("SY12")),
            (Some(40), sy("SY04")),
            (Some(35), sy("SY07"))
        ]
    );
}

/// A place named before the figure in its clause is its place when the first place after
/// it stands in another clause; one after it in its own clause still comes first.
#[test]
fn a_place_before_the_figure_in_its_clause_beats_one_in_the_next() {
    assert_eq!(
        places("وفي درعا قتل 6 أشخاص، وفي إدلب اعتقل 4 آخرون"),
        [(Some(6), sy("SY12"))]
    );
    assert_eq!(
        places("قصف الطيران مدينة حلب ما أدى إلى مقتل 5 أشخاص، فيما قتل 3 في إدلب"),
        [(Some(5), sy("SY02")), (Some(3), sy("SY07"))]
    );
    assert_eq!(
        places("أعلنت وزارة الصحة في دمشق مقتل 5 أشخاص في انفجار بحمص"),
        [(Some(5), sy("SY04"))]
    );
}

/// A town of one governorate with another governorate named a few words after it behind
/// `في` is a namesake of a place there: the figure is in that governorate. The town's own
/// governorate, or another named with no `في` before it, leaves the town its own.
#[test]
fn a_town_before_another_governorate_is_a_namesake_there() {
    assert_eq!(
        places("قتل 5 أشخاص في انفجار في حي المزرعة قرب مقر الحزب في العاصمة دمشق"),
        [(Some(5), sy("SY01"))]
    );
    assert_eq!(
        places("قتل 5 أشخاص في انفجار في بلدة المزرعة في ريف السويداء"),
        [(Some(5), sy("SY13"))]
    );
    assert_eq!(
        places("قتل 5 أشخاص في انفجار في بلدة المزرعة قرب طريق دمشق"),
        [(Some(5), sy("SY13"))]
    );
}

/// A place after a word of where one was born is where people come from: the figure's is
/// the other place of the sentence, or that one when the sentence names no other.
#[test]
fn a_place_people_were_born_in_is_not_where_they_died() {
    assert_eq!(
        places("قتل أحد عناصر التسويات من أبناء ريف دمشق بانفجار لغم أرضي شمال حماة"),
        [(Some(1), sy("SY05"))]
    );
    assert_eq!(
        places("قتل شاب من أبناء مدينة درعا برصاص مجهولين"),
        [(Some(1), sy("SY12"))]
    );
    // Those displaced from a place, in the construct: where they come from.
    assert_eq!(
        places("قتل 5 مدنيين بانفجار في منطقة يسكنها مهجرو الغوطة الشرقية في مدينة عفرين"),
        [(Some(5), sy("SY02"))]
    );
    assert_eq!(
        places("توفي طفلان من نازحي ريف حمص في مخيم الهول بريف الحسكة"),
        [(Some(2), sy("SY08"))]
    );
}

/// Two places with `بينما` or `فيما` between them are no list: a statement of its own opens
/// at the second, and each figure keeps the place after it. Without one they are a list.
#[test]
fn places_past_whereas_are_no_list() {
    assert_eq!(
        places("وأوضحت أن 38 شهيدا سقطوا في ريف دمشق، بينما شهدت مدينة حماة استشهاد 21"),
        [(Some(38), sy("SY03")), (Some(21), sy("SY05"))]
    );
    assert_eq!(
        places("سقط 57 شهيدا أكثرهم في درعا ودير الزور وحمص"),
        [(Some(57), None)]
    );
    // A figure with no place before `بينما` and a cue of its own after it: the place past
    // it is that statement's, not the figure's.
    assert_eq!(
        places("قتل 13 شخصا في حمص وأصيب 20 آخرون بينما سقط ستة آخرون في إدلب"),
        [(Some(13), sy("SY04")), (Some(20), sy("SY04"))]
    );
    assert_eq!(
        places("أصيب 8 مدنيين في القصف بينما قتل 3 في إدلب"),
        [(Some(8), None), (Some(3), sy("SY07"))]
    );
    // Nor past `فيما` and a saying of its own (`قال … إن`): its places are the saying's.
    assert_eq!(
        places("قتل 27 من مقاتلي المعارضة في المعارك، فيما قال ناشطون إن النظام شيع جنودا في حمص"),
        [(Some(27), None)]
    );
    assert_eq!(
        places("قتل 27 من مقاتلي المعارضة في المعارك، فيما تتواصل الاشتباكات في حمص"),
        [(Some(27), sy("SY04"))]
    );
}

/// Two places before a figure make a list only behind `و` or a comma: a town named right
/// after another place is no list, and the figure is in the last.
#[test]
fn two_places_with_no_conjunction_are_no_list() {
    assert_eq!(
        places("وتلي حمص مدينة درعا التي شهدت الشرارة الأولى بعدد فاق 747 قتيلا"),
        [(Some(747), sy("SY12"))]
    );
    assert_eq!(
        places("في مناطق مثل حمص وحماة وريف دمشق، حيث سقط 57 قتيلا"),
        [(Some(57), None)]
    );
}

/// Two days joined by a spaced dash are one span of time, no end of the sentence: the
/// place after them is the figure's. A spaced dash between other words still ends it.
#[test]
fn two_days_joined_by_a_dash_are_one_span() {
    assert_eq!(
        places("قتل 41 عنصرا من الفصائل، ليل الجمعة - السبت، في محافظة دير الزور"),
        [(Some(41), sy("SY09"))]
    );
    assert_eq!(
        places("قتل 7 أشخاص في قصف - أخبار حلب اليوم"),
        [(Some(7), None)]
    );
}

/// A place in a part of a distribution by place is the part's, not its total's; a place
/// after a part by group is the whole's.
#[test]
fn a_place_in_a_part_by_place_is_no_place_of_the_total() {
    assert_eq!(
        places("أفادت لجان التنسيق بأن 80 شخصا قتلوا أمس برصاص قوات الأمن، بينهم 30 في حمص"),
        [(Some(80), None), (Some(30), sy("SY04"))]
    );
    assert_eq!(
        places("قتل 10 أشخاص، بينهم 3 أطفال، في قصف على حلب"),
        [(Some(10), sy("SY02")), (Some(3), sy("SY02"))]
    );
    // A part by group names no place past the next figure.
    assert_eq!(
        places("وقال المرصد إن 21 مدنيا قتلوا في حمص، بينهم ثلاثة أطفال، فيما قتل 9 في إدلب"),
        [
            (Some(21), sy("SY04")),
            (Some(3), sy("SY04")),
            (Some(9), sy("SY07"))
        ]
    );
    assert_eq!(
        places("قتل 5 مدنيين بينهم طفلان وأصيب 8 آخرون بقصف مدفعي على مدينة أريحا في ريف إدلب"),
        [
            (Some(5), sy("SY07")),
            (Some(2), sy("SY07")),
            (Some(8), sy("SY07"))
        ]
    );
}

/// A figure spread over places of several governorates has no one place; its parts keep
/// their own, and a list within one governorate keeps it.
#[test]
fn a_figure_spread_over_governorates_has_no_one_place() {
    assert_eq!(
        places("سقط أمس 57 شهيدا أكثرهم في درعا ودير الزور وحمص"),
        [(Some(57), None)]
    );
    assert_eq!(
        places("قتل 50 مدنيا، منهم 30 في حلب، و20 في إدلب"),
        [
            (Some(50), None),
            (Some(30), sy("SY02")),
            (Some(20), sy("SY07"))
        ]
    );
    assert_eq!(
        places("قتل 12 مدنيا في إدلب وريف إدلب"),
        [(Some(12), sy("SY07"))]
    );
    // Place after place behind `و`, inside a running total's toll: the list spreads it; a
    // place that only locates the one before it does not.
    assert_eq!(
        places(
            "ارتفع عدد ضحايا التفجيرات التي وقعت في بلدة السيدة زينب بريف دمشق، وحي الزهراء في حمص، إلى 184 قتيلا"
        ),
        [(Some(184), None)]
    );
    assert_eq!(
        places(
            "قتلت المعارضة 15 جنديا خلال معارك في محيط مدينة داريا التي تقع في الغوطة الغربية لدمشق"
        ),
        [(Some(15), sy("SY03"))]
    );
}

/// A figure spread over the country, or over a list of places of several governorates
/// before it, has no one place; a place set beside another (`قرب`) is not a list; a place
/// of another country or in a group's name is none.
#[test]
fn a_figure_of_the_country_or_of_a_list_before_it_has_no_one_place() {
    assert_eq!(
        places("سقط أمس أكثر من 100 شهيد في مختلف المناطق السورية، بينهم 30 في زملكا قرب دمشق"),
        [(Some(100), None), (Some(30), sy("SY03"))]
    );
    assert_eq!(
        places("قصفت القوات حمص وحماة وريف دمشق، مما تسبب في مقتل 40 شخصا"),
        [(Some(40), None)]
    );
    // The country itself, as where the figure was: not the place of the figure after it.
    assert_eq!(
        places("قتل 45 شخصا أمس في سورية، في حين قتل 12 جنديا في إدلب"),
        [(Some(45), None), (Some(12), sy("SY07"))]
    );
    assert_eq!(
        places("قتل 5 من قوات سوريا الديمقراطية في الرقة"),
        [(Some(5), sy("SY11"))]
    );
    // A total since the country's war began, with no place of its own: the country's, not
    // the place of the sentence before.
    assert_eq!(
        places("قتل 9 في إدلب. وأضاف أن عدد القتلى منذ بدء الاحتجاجات تجاوز 5400 شخص"),
        [(Some(9), sy("SY07")), (Some(5400), None)]
    );
    assert_eq!(
        places("وقتل 300 شخص في حمص منذ بدء الاحتجاجات"),
        [(Some(300), sy("SY04"))]
    );
    // A place people come from is not where the figure was, when the sentence names that;
    // nor is a place past a part a list with the figure's own.
    assert_eq!(
        places("قتل 10 أشخاص بينهم نازحون من حمص في قصف على إدلب"),
        [(Some(10), sy("SY07"))]
    );
    assert_eq!(
        places("وقتل شاب من بلدة داعل برصاص مجهولين في مدينة حمص"),
        [(Some(1), sy("SY04"))]
    );
    assert_eq!(
        places("وقتل طفل من حلب غرقا في بحر إيجة"),
        [(Some(1), None)]
    );
    assert_eq!(places("وقتل 3 شبان من حلب"), [(Some(3), sy("SY02"))]);
    // A headline's place stays with the headline's figure: the body names its own or none.
    assert_eq!(
        places("مقتل 5 مدنيين بقصف على إدلب\nقتل 5 مدنيين في قصف جوي استهدف البلدة"),
        [(Some(5), sy("SY07")), (Some(5), None)]
    );
    assert_eq!(
        places("قصف على حلب. وقتل 5 مدنيين في الغارات.\n\nوفي سياق آخر، قتل 3 جنود في هجوم"),
        [(Some(5), sy("SY02")), (Some(3), None)]
    );
    assert_eq!(
        places("قصفت القوات بلدة كفرنبل بريف إدلب، مما أدى إلى مقتل 4 أشخاص"),
        [(Some(4), sy("SY07"))]
    );
    assert_eq!(
        places("لقي 15 مصريا مصرعهم في حادث غرق بمحافظة الجيزة المصرية"),
        [(Some(15), None)]
    );
    assert_eq!(
        places("انفجار قرب مقر لواء شهداء اليرموك أدى لمقتل 3 من عناصر اللواء في درعا"),
        [(Some(3), sy("SY12"))]
    );
    // A place abroad with no Syrian one in its sentence: abroad, not the sentence before's.
    assert_eq!(
        places("قصف على حلب. وفي بلدة سروج أدى تفجير إلى مقتل 28 شخصا"),
        [(Some(28), None)]
    );
    // Beside a Syrian place, it is no candidate (`شارع بغداد` in Damascus), nor in the
    // sentence before (`الحدود مع لبنان`).
    assert_eq!(
        places("قتلى القذائف على شارعي الثورة وبغداد وحي باب توما في دمشق إلى 11 قتيلا"),
        [(Some(11), sy("SY01"))]
    );
    assert_eq!(
        places("هجوم على الزبداني قرب الحدود مع لبنان. وتسببت المعارك بمقتل 70 مقاتلا"),
        [(Some(70), sy("SY03"))]
    );
}

/// Every part of a distribution is flagged a breakdown, the noun-named one too, so a
/// weekly table counts the total once.
#[test]
fn the_parts_of_a_distribution_are_breakdowns() {
    let ms = run("سقط 62 قتيلا منهم 30 في حلب، و22 في إدلب، 9 بحماة، وقتيل واحد في درعا");
    let parts: Vec<(Option<u64>, bool)> = ms
        .iter()
        .map(|m| (m.count, m.flags.contains(&Flag::Breakdown)))
        .collect();
    assert_eq!(
        parts,
        [
            (Some(62), false),
            (Some(30), true),
            (Some(22), true),
            (Some(9), true),
            (Some(1), true)
        ]
    );
    assert!(!ms[0].flags.contains(&Flag::SumMismatch));
    // A later part may be larger than the one before it: both are parts of the total.
    assert_eq!(
        flagged("قتل 13 مدنيا، منهم 4 في إدلب و9 في حلب", Flag::Breakdown),
        [(Some(13), false), (Some(4), true), (Some(9), true)]
    );
    // Fighters after civilians are parts of the same total too.
    assert_eq!(
        flagged(
            "وأفاد المرصد بسقوط 17 قتيلا، هم 9 مدنيين و8 من عناصر القوات النظامية",
            Flag::Breakdown
        ),
        [(Some(17), false), (Some(9), true), (Some(8), true)]
    );
}

/// The dead told before, distributed over places in a later sentence, are parts of their
/// total; figures of a noun of their own with places are not.
#[test]
fn the_dead_distributed_over_places_later_are_parts() {
    assert_eq!(
        flagged(
            "قتل 23 شخصا في غارات على ريف إدلب. وانتشلت الفرق 11 جثة. \
             وتوزع القتلى بين 15 في أريحا، و5 في كنصفرة، و3 في البارة.",
            Flag::Breakdown
        ),
        [
            (Some(23), false),
            (Some(15), true),
            (Some(5), true),
            (Some(3), true)
        ]
    );
    assert_eq!(
        flagged(
            "قتل 23 شخصا في غارات على ريف إدلب. وقتل 15 شخصا في أريحا، و5 في كنصفرة.",
            Flag::Breakdown
        ),
        [(Some(23), false), (Some(15), false), (Some(5), false)]
    );
}

/// Fighters after civilians are a figure of their own, not a part of them; children after
/// people of no group are; a colon's places break the total down.
#[test]
fn fighters_are_no_part_of_civilians() {
    assert_eq!(
        flagged("مقتل 4 مدنيين و3 عسكريين", Flag::Breakdown),
        [(Some(4), false), (Some(3), false)]
    );
    assert_eq!(
        flagged("قتل 10 أشخاص بينهم 6 أطفال", Flag::Breakdown),
        [(Some(10), false), (Some(6), true)]
    );
    assert_eq!(
        flagged(
            "أدت الغارات إلى مقتل 25 شخصا: 10 في دوما، و8 في حرستا",
            Flag::Breakdown
        ),
        [(Some(25), false), (Some(10), true), (Some(8), true)]
    );
}

/// A see-also marker with a title after its colon is furniture however long the title,
/// and only its own line: the article that goes on after it is read as ever.
#[test]
fn a_titled_see_also_line_is_furniture_and_only_that_line() {
    let text = "قتل شاب برصاص مجهولين في درعا.\n\
                اقرأ أيضا: مقتل عنصرين من قوات النظام بهجوم في ريف درعا الغربي أمس\n\
                وأصيب طفل بجروح في القصف.";
    assert_eq!(
        flagged(text, Flag::Furniture),
        [(Some(1), false), (Some(2), true), (Some(1), false)]
    );
    // Without the colon a long line that opens with the words is prose.
    let prose = "اقرأ أيضا ما كتبه الشهود عن مقتل عنصرين من قوات النظام بهجوم في ريف درعا";
    assert!(
        run(prose)
            .iter()
            .all(|m| !m.flags.contains(&Flag::Furniture))
    );
}

/// One person is no total: the people listed after them are more of the dead, not a part
/// of one; a head of two or more is broken down by the smaller figures listed after it.
#[test]
fn one_person_is_no_total() {
    assert_eq!(
        flagged("قتل شخص وطفلان", Flag::Breakdown),
        [(Some(1), false), (Some(2), false)]
    );
    assert_eq!(
        flagged("مقتل مسنة وحفيدها", Flag::Breakdown),
        [(Some(1), false), (Some(1), false)]
    );
    assert_eq!(
        flagged("أودى القصف بحياة شخصين امرأة و رجل", Flag::Breakdown),
        [(Some(2), false), (Some(1), true), (Some(1), true)]
    );
    assert_eq!(
        flagged(
            "وتوفيت المواطنة نورة وابنتاها في حريق منزلهم",
            Flag::Breakdown
        ),
        [(Some(1), false), (Some(2), false)]
    );
}

/// Someone's people listed after them are more of the dead, no part of them; under a
/// partitive they are parts of the total with the rest.
#[test]
fn their_people_after_them_are_no_part_of_them() {
    assert_eq!(
        flagged("مقتل زوجين وأطفالهما الثلاثة في غارة", Flag::Breakdown),
        [(Some(2), false), (Some(3), false)]
    );
    assert_eq!(
        flagged("مقتل زوجين وأطفالهما الثلاثة", Flag::SumMismatch),
        [(Some(2), false), (Some(3), false)]
    );
    assert_eq!(
        flagged("قتل 5 أشخاص بينهم امرأة وأطفالها الثلاثة", Flag::Breakdown),
        [(Some(5), false), (Some(1), true), (Some(3), true)]
    );
    // Not someone's: a part of the total.
    assert_eq!(
        flagged("مقتل 5 أشخاص و3 أطفال", Flag::Breakdown),
        [(Some(5), false), (Some(3), true)]
    );
}
