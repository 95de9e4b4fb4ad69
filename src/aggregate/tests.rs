use super::*;

/// A hand-made mention: article, category, count (None: vague 30–99), group, event date,
/// governorate P-code, place P-code. Shared with the report's tests.
pub(crate) fn m(
    doc: &str,
    cat: Category,
    count: Option<u64>,
    group: Group,
    date: &str,
    pcode: &str,
) -> Mention {
    Mention {
        doc_id: doc.into(),
        category: cat,
        count,
        low: count.or(Some(30)),
        high: count.or(Some(99)),
        approx: false,
        vague: count.is_none(),
        group,
        scope: Scope::Incident,
        cause: crate::record::Cause::Violence,
        weapon: None,
        place: Some(pcode.into()),
        admin1: Some(format!("name of {}", &pcode[..4])),
        admin1_pcode: Some(pcode[..4].into()),
        pcode: Some(pcode.into()),
        published: Some(date.parse().unwrap()),
        event_date: Some(date.parse().unwrap()),
        quote: String::new(),
        start: 0,
        end: 0,
        rule: "test".into(),
        flags: vec![],
    }
}

use Category::{Killed, Wounded};
use Group::{Child, Civilian, Combatant, Man, Unspecified, Woman};

fn incidents(ms: &[Mention]) -> Vec<Incident> {
    merge_incidents(article_events(ms).0)
}

fn killed_all(i: &Incident) -> u64 {
    i.figure(Killed, GroupKey::All).unwrap().count
}

#[test]
fn headline_and_body_count_once() {
    let ms = [
        m("a", Killed, Some(5), Civilian, "2024-01-06", "SY07"),
        m("a", Killed, Some(5), Civilian, "2024-01-06", "SY07"),
    ];
    let is = incidents(&ms);
    assert_eq!(is.len(), 1);
    assert_eq!(killed_all(&is[0]), 5);
}

#[test]
fn a_breakdown_never_doubles_its_total() {
    let ms = [
        m("a", Killed, Some(12), Civilian, "2024-01-06", "SY07"),
        m("a", Killed, Some(5), Child, "2024-01-06", "SY07"),
        m("a", Killed, Some(2), Woman, "2024-01-06", "SY07"),
    ];
    let i = &incidents(&ms)[0];
    assert_eq!(killed_all(i), 12);
    assert_eq!(i.figure(Killed, GroupKey::Group(Child)).unwrap().count, 5);
    assert_eq!(
        i.figure(Killed, GroupKey::Group(Civilian)).unwrap().count,
        12
    );
}

#[test]
fn parts_without_a_total_add_up() {
    let ms = [
        m("a", Killed, Some(2), Child, "2024-01-06", "SY07"),
        m("a", Killed, Some(1), Woman, "2024-01-06", "SY07"),
        m("a", Killed, Some(3), Combatant, "2024-01-06", "SY07"),
    ];
    assert_eq!(killed_all(&incidents(&ms)[0]), 6);
}

#[test]
fn the_same_event_from_two_outlets_is_one_incident() {
    let ms = [
        m("a", Killed, Some(7), Unspecified, "2024-01-06", "SY07"),
        m("b", Killed, Some(7), Unspecified, "2024-01-06", "SY07"),
    ];
    let is = incidents(&ms);
    assert_eq!(is.len(), 1);
    assert_eq!(is[0].sources, ["a", "b"]);
    assert_eq!(killed_all(&is[0]), 7);
}

#[test]
fn a_toll_revised_upward_the_next_day_merges_high_and_keeps_low() {
    let ms = [
        m("a", Killed, Some(5), Unspecified, "2024-01-06", "SY07"),
        m("b", Killed, Some(9), Unspecified, "2024-01-07", "SY07"),
    ];
    let is = incidents(&ms);
    assert_eq!(is.len(), 1);
    let f = is[0].figure(Killed, GroupKey::All).unwrap();
    assert_eq!((f.count, f.low, f.high), (9, 5, 9));
    assert_eq!(
        is[0].event_date,
        NaiveDate::from_ymd_opt(2024, 1, 6).unwrap()
    );
}

#[test]
fn two_attacks_in_one_governorate_on_one_day_stay_two() {
    let ms = [
        m("a", Killed, Some(5), Unspecified, "2024-01-06", "SY07"),
        m("b", Killed, Some(3), Unspecified, "2024-01-06", "SY07"),
    ];
    assert_eq!(incidents(&ms).len(), 2);
    // Different towns, same count: still two.
    let ms = [
        m("a", Killed, Some(4), Unspecified, "2024-01-06", "SY0701"),
        m("b", Killed, Some(4), Unspecified, "2024-01-06", "SY0702"),
    ];
    assert_eq!(incidents(&ms).len(), 2);
}

#[test]
fn far_apart_or_elsewhere_stay_apart() {
    let ms = [
        m("a", Killed, Some(5), Unspecified, "2024-01-06", "SY07"),
        m("b", Killed, Some(5), Unspecified, "2024-01-09", "SY07"),
        m("c", Killed, Some(5), Unspecified, "2024-01-06", "SY02"),
    ];
    assert_eq!(incidents(&ms).len(), 3);
}

#[test]
fn furniture_cumulative_and_undated_do_not_count() {
    let mut f = m("a", Killed, Some(50), Unspecified, "2024-01-06", "SY07");
    f.flags.push(Flag::Furniture);
    let mut c = m("a", Killed, Some(500), Unspecified, "2024-01-06", "SY07");
    c.scope = Scope::Cumulative;
    let mut u = m("a", Killed, Some(3), Unspecified, "2024-01-06", "SY07");
    u.event_date = None;
    u.published = None;
    let ms = [f, c, u];
    let (events, undated) = article_events(&ms);
    assert!(events.is_empty());
    assert_eq!(undated.len(), 1);
    assert_eq!(totals(&ms).len(), 1);
    assert_eq!(totals(&ms)[0].count, Some(500));
}

#[test]
fn weeks_start_on_saturday_or_monday() {
    let d = NaiveDate::from_ymd_opt(2024, 1, 10).unwrap(); // a Wednesday
    assert_eq!(
        week_start(d, Weekday::Sat),
        NaiveDate::from_ymd_opt(2024, 1, 6).unwrap()
    );
    assert_eq!(
        week_start(d, Weekday::Mon),
        NaiveDate::from_ymd_opt(2024, 1, 8).unwrap()
    );
    let sat = NaiveDate::from_ymd_opt(2024, 1, 6).unwrap();
    assert_eq!(week_start(sat, Weekday::Sat), sat);
}

#[test]
fn weekly_sums_incidents_and_keeps_vague_in_bounds() {
    let ms = [
        m("a", Killed, Some(5), Unspecified, "2024-01-06", "SY07"),
        m("b", Killed, Some(3), Unspecified, "2024-01-08", "SY07"),
        m("c", Killed, None, Unspecified, "2024-01-09", "SY07"),
        m("d", Wounded, Some(4), Man, "2024-01-09", "SY07"),
    ];
    let df = weekly(&incidents(&ms), Weekday::Sat).unwrap();
    let rows = df.height();
    let cat = df.column("category").unwrap().str().unwrap();
    let grp = df.column("group").unwrap().str().unwrap();
    let count = df.column("count").unwrap().u64().unwrap();
    let low = df.column("low").unwrap().u64().unwrap();
    let high = df.column("high").unwrap().u64().unwrap();
    let inc = df.column("incidents").unwrap().u64().unwrap();
    let row = (0..rows)
        .find(|&r| cat.get(r) == Some("killed") && grp.get(r) == Some("all"))
        .unwrap();
    assert_eq!(count.get(row), Some(8));
    assert_eq!(low.get(row), Some(38));
    assert_eq!(high.get(row), Some(107));
    assert_eq!(inc.get(row), Some(3));
    let man = (0..rows).find(|&r| grp.get(r) == Some("man")).unwrap();
    assert_eq!(count.get(man), Some(4));
    assert_eq!(cat.get(man), Some("wounded"));
}

#[test]
fn unplaced_reports_merge_only_on_equal_figures() {
    let mut a = m("a", Killed, Some(5), Unspecified, "2024-01-06", "SY07");
    let mut b = m("b", Killed, Some(5), Unspecified, "2024-01-06", "SY07");
    let mut c = m("c", Killed, Some(8), Unspecified, "2024-01-07", "SY07");
    for x in [&mut a, &mut b, &mut c] {
        x.admin1 = None;
        x.admin1_pcode = None;
        x.pcode = None;
    }
    let is = incidents(&[a, b, c]);
    assert_eq!(is.len(), 2);
    assert_eq!(is[0].sources, ["a", "b"]);
}

/// Many articles over many days: some repeat a toll, some raise it, some stand alone.
fn many_articles() -> Vec<Mention> {
    let govs = ["SY01", "SY02", "SY07"];
    (0..400u64)
        .map(|k| {
            let day = 1 + (k * 7 % 27);
            let gov = govs[(k % 3) as usize];
            let count = [3, 3, 5, 8, 12][(k % 5) as usize] + k % 2;
            let mut x = m(
                &format!("a{k}"),
                if k % 4 == 0 { Wounded } else { Killed },
                Some(count),
                [Unspecified, Civilian, Child][(k % 3) as usize],
                &format!("2024-03-{day:02}"),
                &format!("{gov}{:02}", k % 4),
            );
            x.quote = format!("quote {k}");
            x
        })
        .collect()
}

#[test]
fn merging_as_a_stream_settles_what_merging_at_once_gives() {
    let ms = many_articles();
    let (mut events, _) = article_events(&ms);
    let at_once = merge_incidents(events.clone());
    assert!(
        at_once.len() > 10 && at_once.len() < events.len(),
        "some merge, not all"
    );
    events.sort_by_key(|e| e.event_date);
    let mut merger = Merger::default();
    let mut streamed = Vec::new();
    let mut held = 0;
    for (n, e) in events.into_iter().enumerate() {
        streamed.extend(merger.settled(e.event_date));
        held = held.max(merger.open.len());
        assert!(merger.push(e, n).is_none(), "no revision here");
    }
    streamed.extend(merger.finish());
    assert_eq!(
        streamed.iter().map(|(i, _)| i).collect::<Vec<_>>(),
        at_once.iter().collect::<Vec<_>>()
    );
    // Payloads follow their events: one per source, in the order they joined.
    for (i, p) in &streamed {
        assert_eq!(i.sources.len(), p.len());
    }
    assert!(held < at_once.len() / 2, "held {held} of {}", at_once.len());
}

#[test]
fn weekly_summed_in_chunks_equals_summed_at_once() {
    let is = incidents(&many_articles());
    let at_once = weekly(&is, Weekday::Sat).unwrap();
    // Fold after every incident: many partial sums of one or a few figures.
    let mut w = Weekly::new(Weekday::Sat);
    for i in &is {
        w.add(i).unwrap();
        w.sum().unwrap();
    }
    let chunked = w.finish().unwrap();
    assert!(at_once.height() > 5);
    assert!(chunked.equals(&at_once), "{chunked}\n{at_once}");
}
