//! Publication dates found in the text, and event dates resolved against them.
//!
//! Works on normalised text (digits ASCII, alef and teh marbuta folded). Month names come
//! in two families — Levantine (`شباط`, `آذار`, `تشرين الثاني`) and Egyptian/Gulf
//! (`فبراير`, `مارس`, `نوفمبر`) — and both are read.

use std::sync::OnceLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;

use crate::normalize::normalize_word;

/// The calendar words of `rules/dates.toml`, normalised as text is once loaded.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Calendar {
    /// Each month's names, January first.
    months: Vec<Vec<String>>,
    /// Weekday names, in [`FROM_SATURDAY`]'s order.
    weekdays: Vec<String>,
    yesterday: Vec<String>,
    before_yesterday: Vec<String>,
    before_yesterday_after: Vec<String>,
    opens_period: Vec<String>,
    day_to_month: Vec<String>,
    /// The days of the month as ordinals, the first first, each with its spellings.
    day_ordinals: Vec<Vec<String>>,
    this_month: Vec<String>,
    last_month: Vec<String>,
    and: String,
}

/// The weekdays in the order the calendar lists their names.
const FROM_SATURDAY: [Weekday; 7] = [
    Weekday::Sat,
    Weekday::Sun,
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

/// The built-in calendar (`rules/dates.toml`).
fn calendar() -> &'static Calendar {
    static C: OnceLock<Calendar> = OnceLock::new();
    C.get_or_init(|| {
        let mut c: Calendar = toml::from_str(include_str!("../../rules/dates.toml"))
            .expect("the built-in calendar is valid");
        assert!(
            c.months.len() == 12 && c.weekdays.len() == FROM_SATURDAY.len(),
            "12 months and 7 weekdays"
        );
        c.and = normalize_word(&c.and);
        assert!(c.day_ordinals.len() == 31, "31 days of the month");
        for words in c.months.iter_mut().chain(c.day_ordinals.iter_mut()).chain([
            &mut c.weekdays,
            &mut c.this_month,
            &mut c.last_month,
            &mut c.yesterday,
            &mut c.before_yesterday,
            &mut c.before_yesterday_after,
            &mut c.opens_period,
            &mut c.day_to_month,
        ]) {
            for w in words.iter_mut() {
                *w = normalize_word(w);
            }
        }
        c
    })
}

fn month_of(name: &str) -> Option<u32> {
    let name = name.trim();
    let k = calendar()
        .months
        .iter()
        .position(|names| names.iter().any(|m| m == name))?;
    u32::try_from(k + 1).ok()
}

/// How far before its year a named date may start: day, `من شهر`, a month name of two
/// words and a second name after a slash fit in well under this.
const NAMED_REACH: usize = 200;

/// The month-name alternation, normalised, for the patterns.
fn month_names() -> String {
    normalised_months()
        .iter()
        .map(|m| regex::escape(m))
        .collect::<Vec<_>>()
        .join("|")
}

/// The words that may stand between a day and its month, each optional, for the patterns.
fn day_to_month() -> String {
    calendar()
        .day_to_month
        .iter()
        .map(|w| format!(r"(?:{}\s+)?", regex::escape(w)))
        .collect()
}

/// A named date ending at the end of the haystack. Every date has a year, so the search
/// runs only where a year stands (numeric dates are read by [`numeric_at`]).
fn named_pattern() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| {
        Regex::new(&format!(
            r"(?:^|[^\d])(\d{{1,2}})\s+{}({})(?:\s*/\s*\S+)?\s*[،,]?\s*(20\d\d|19\d\d)$",
            day_to_month(),
            month_names()
        ))
        .expect("valid")
    })
}

/// The named date `named` finds in `hay`, as its groups: (where the day starts, day,
/// month name, year). The pattern finds the match (a reverse scan from the year); its
/// groups are read here by hand, as the pattern would read them: asked for, the groups
/// cost the pattern a backtracking search of thousands of instructions, and most articles
/// state a date this way. A match with a digit other than ASCII around the day (normalised
/// text has none) is left to the pattern.
fn named_parts<'h>(named: &Regex, hay: &'h str) -> Option<(usize, &'h str, &'h str, &'h str)> {
    let m = named.find(hay)?;
    let s = m.as_str();
    let by_pattern = || {
        let c = named.captures(hay)?;
        Some((
            c.get(1)?.start(),
            c.get(1)?.as_str(),
            c.get(2)?.as_str(),
            c.get(3)?.as_str(),
        ))
    };
    // `(?:^|[^\d])`: a digit first is the day, at the start of `hay`; anything else is
    // the one char before it.
    let first = s.chars().next()?;
    let day_at = match first {
        '0'..='9' => 0,
        c if c.is_numeric() => return by_pattern(),
        c => c.len_utf8(),
    };
    let day_len = s[day_at..].bytes().take_while(u8::is_ascii_digit).count();
    let after_day = &s[day_at + day_len..];
    if !(1..=2).contains(&day_len) || after_day.chars().next().is_some_and(char::is_numeric) {
        return by_pattern();
    }
    // `\s+(?:من\s+)?(?:شهر\s+)?`: no month name starts with either word.
    let mut rest = after_day.trim_start();
    for word in &calendar().day_to_month {
        if let Some(r) = rest.strip_prefix(word.as_str())
            && r.starts_with(char::is_whitespace)
        {
            rest = r.trim_start();
        }
    }
    // `(month)(?:\s*/\s*\S+)?\s*[،,]?\s*(year)$`: the first name, in the pattern's order,
    // after which the rest reads so.
    let year = &s[s.len() - 4..];
    let month = normalised_months().iter().find_map(|name| {
        let tail = rest.strip_prefix(name.as_str())?.strip_suffix(year)?;
        (comma_gap(tail) || slash_gap(tail)).then_some(&rest[..name.len()])
    });
    match month {
        Some(month) => Some((
            m.start() + day_at,
            &s[day_at..day_at + day_len],
            month,
            year,
        )),
        None => by_pattern(),
    }
}

/// Does `t` read as `\s*[،,]?\s*` whole?
fn comma_gap(t: &str) -> bool {
    let t = t.trim_start();
    t.strip_prefix(['،', ','])
        .unwrap_or(t)
        .trim_start()
        .is_empty()
}

/// Does `t` read as `\s*/\s*\S+\s*[،,]?\s*` whole? The `\S+` taken whole is enough: a
/// shorter one leaves a comma and spaces, which the longer one takes with it.
fn slash_gap(t: &str) -> bool {
    let Some(t) = t.trim_start().strip_prefix('/') else {
        return false;
    };
    let t = t.trim_start();
    let run = t.find(char::is_whitespace).unwrap_or(t.len());
    run > 0 && comma_gap(&t[run..])
}

/// The month names, normalised as text is.
fn normalised_months() -> &'static [String] {
    static M: OnceLock<Vec<String>> = OnceLock::new();
    M.get_or_init(|| calendar().months.iter().flatten().cloned().collect())
}

/// Can the named pattern end at the year that follows `before`? Only if a month name stands
/// right before the year (`\s*[،,]?\s*` between), or a slash is in reach (`شباط / فبراير
/// 2020`). Most years are neither, and this test is far cheaper than the pattern.
fn may_end_named(before: &str) -> bool {
    if memchr::memchr(b'/', before.as_bytes()).is_some() {
        return true;
    }
    let t = before.trim_end();
    let t = t.strip_suffix(['،', ',']).unwrap_or(t).trim_end();
    normalised_months().iter().any(|m| t.ends_with(m.as_str()))
}

/// The numeric date whose year starts at byte `p` (four ASCII digits there): what
/// `^(20\d\d|19\d\d)[/-](\d{1,2})[/-](\d{1,2})\b` reads, by hand. A pattern with groups
/// costs thousands of instructions a call, and every article states its date. Normalised
/// text has ASCII digits only, and any other digit would fail to parse as a number anyway.
fn numeric_at(norm: &str, p: usize) -> Option<NaiveDate> {
    let b = norm.as_bytes();
    let year = norm.get(p..p + 4)?.parse().ok()?;
    let mut at = p + 4;
    let mut parts = [0u32; 2];
    for part in &mut parts {
        if !matches!(b.get(at), Some(b'/' | b'-')) {
            return None;
        }
        at += 1;
        let n = b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=2).contains(&n) {
            return None;
        }
        *part = norm[at..at + n].parse().ok()?;
        at += n;
    }
    // `\b` after the day: no word character follows.
    if norm[at..]
        .chars()
        .next()
        .is_some_and(regex_syntax::is_word_character)
    {
        return None;
    }
    NaiveDate::from_ymd_opt(year, parts[0], parts[1])
}

/// Byte offsets of every `19xx` or `20xx` not preceded by a digit: where a year may be.
fn year_starts(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr2_iter(b'1', b'2', b).filter(move |&p| {
        p + 4 <= b.len()
            && matches!(&b[p..p + 2], b"19" | b"20")
            && b[p + 2].is_ascii_digit()
            && b[p + 3].is_ascii_digit()
            && (p == 0 || !b[p - 1].is_ascii_digit())
    })
}

/// Every full date stated in normalised text, with its byte offset: `2020/02/06`,
/// `10 فبراير، 2020`, `8 شباط 2020`.
///
/// Dates are looked for only around the years the text holds (one byte scan), not by
/// running the patterns over the whole text: most text has no year at all.
pub fn dates_in(norm: &str) -> Vec<(usize, NaiveDate)> {
    let mut out = Vec::new();
    for p in year_starts(norm.as_bytes()) {
        out.extend(dates_at_year(norm, p));
    }
    out.sort();
    out
}

/// The dates whose year starts at byte `p`: a numeric one starting there, a named one
/// ending there (starting at most [`NAMED_REACH`] bytes before).
fn dates_at_year(norm: &str, p: usize) -> impl Iterator<Item = (usize, NaiveDate)> {
    let named = named_pattern();
    // `\b` before the year: not inside a word (`ال2020/1/1` is no date).
    let at_boundary = norm[..p]
        .chars()
        .next_back()
        .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
    let numeric_date = at_boundary
        .then(|| numeric_at(norm, p))
        .flatten()
        .map(|d| (p, d));
    let mut lo = p.saturating_sub(NAMED_REACH);
    while !norm.is_char_boundary(lo) {
        lo += 1;
    }
    let named_date = may_end_named(&norm[lo..p])
        .then(|| named_parts(named, &norm[lo..p + 4]))
        .flatten()
        .and_then(
            |(at, day, month, year)| match (year.parse(), month_of(month), day.parse()) {
                (Ok(y), Some(m), Ok(d)) => {
                    NaiveDate::from_ymd_opt(y, m, d).map(|date| (lo + at, date))
                }
                _ => None,
            },
        );
    numeric_date.into_iter().chain(named_date)
}

/// Day `d` of month `m` on or before publication, near enough: in the publication's year,
/// or the year before when that day is still to come (news tells of days past; a day after
/// publication is let by, time zones differ).
fn on_or_before(published: NaiveDate, m: u32, d: u32) -> Option<NaiveDate> {
    let this_year = NaiveDate::from_ymd_opt(published.year(), m, d)?;
    if this_year > published + Duration::days(1) {
        NaiveDate::from_ymd_opt(published.year() - 1, m, d)
    } else {
        Some(this_year)
    }
}

/// The first of `names` that `text` starts with as a whole word (no letter after it).
fn name_at<'n>(text: &str, names: &'n [String]) -> Option<&'n String> {
    names.iter().find(|n| {
        text.strip_prefix(n.as_str())
            .is_some_and(|r| !r.starts_with(char::is_alphabetic))
    })
}

/// A day and month with no year (`وفي 6 آذار/مارس، انفجرت`, `في 17 من شهر آذار`), its
/// year the publication's, or the year before when that day is still to come: news tells of
/// days past. Each with the byte offset of its day.
fn yearless_dates(norm: &str, published: NaiveDate) -> impl Iterator<Item = (usize, NaiveDate)> {
    // What `(?:^|[^0-9])([0-9]{1,2})\s+(?:من\s+)?(?:شهر\s+)?(month)(?:$|[^\p{L}])` reads, by
    // hand: asked of the words around every figure, where a pattern's search costs more
    // than the few digits a clause holds.
    let b = norm.as_bytes();
    let digit_at = move |i: usize| i < b.len() && b[i].is_ascii_digit();
    (0..b.len())
        .filter(move |&i| digit_at(i) && (i == 0 || !digit_at(i - 1)))
        .filter_map(move |i| {
            let len = if digit_at(i + 1) { 2 } else { 1 };
            if digit_at(i + len) {
                return None;
            }
            let after = &norm[i + len..];
            let mut rest = after.trim_start();
            if rest.len() == after.len() {
                return None;
            }
            for word in &calendar().day_to_month {
                if let Some(r) = rest.strip_prefix(word.as_str())
                    && r.starts_with(char::is_whitespace)
                {
                    rest = r.trim_start();
                }
            }
            let month = name_at(rest, normalised_months())?;
            let (m, d) = (month_of(month)?, norm[i..i + len].parse().ok()?);
            Some((i, on_or_before(published, m, d)?))
        })
}

/// A day of the month told as an ordinal before `من` and its month: the month's name, the
/// month of publication or the one before (`في العاشر من الشهر الماضي`, `الخامس من تموز`,
/// `الواحد و العشرين من الشهر الجاري`). A year right after the month's name is the date's
/// (`الخامس من تموز عام 2018`); else the publication's, or the year before when the day is
/// still to come. Each with the byte offset of its ordinal.
fn ordinal_dates(norm: &str, published: NaiveDate) -> Vec<(usize, NaiveDate)> {
    let cal = calendar();
    let Some(of) = cal.day_to_month.first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let letter_at = |t: &str| t.chars().next_back().is_some_and(char::is_alphabetic);
    for (p, _) in norm.match_indices(of.as_str()) {
        let after = &norm[p + of.len()..];
        // `من` as a word: a space after it, and none of a word's letters before it.
        if !after.starts_with(' ') || letter_at(&norm[..p]) {
            continue;
        }
        let after = after.trim_start();
        let after = after
            .strip_prefix(cal.day_to_month.get(1).map_or("", String::as_str))
            .filter(|r| r.starts_with(' '))
            .map_or(after, str::trim_start);
        // The year when the text or the month's word fixes it, and the month.
        let (year, month) = if name_at(after, &cal.this_month).is_some() {
            (Some(published.year()), published.month())
        } else if name_at(after, &cal.last_month).is_some() {
            let last = published
                .with_day(1)
                .and_then(|d| d.pred_opt())
                .unwrap_or(published);
            (Some(last.year()), last.month())
        } else {
            let Some(name) = name_at(after, normalised_months()) else {
                continue;
            };
            let Some(m) = month_of(name) else { continue };
            // A year within a few words after the name.
            let rest = &after[name.len()..];
            let mut cut = rest.len().min(24);
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            let near = &rest[..cut];
            let stated = year_starts(near.as_bytes())
                .next()
                .and_then(|y| near.get(y..y + 4)?.parse().ok());
            (stated, m)
        };
        // The ordinal that ends right before `من`, its longest spelling first.
        let before = norm[..p].trim_end();
        let before_joined = before.replace("و ", "و");
        let day = cal
            .day_ordinals
            .iter()
            .enumerate()
            .flat_map(|(k, names)| names.iter().map(move |n| (k + 1, n)))
            .filter(|(_, n)| {
                before_joined
                    .strip_suffix(n.as_str())
                    .is_some_and(|r| !letter_at(r))
            })
            .max_by_key(|(_, n)| n.len())
            .map(|(d, n)| (d, n.len()));
        let Some((d, len)) = day else { continue };
        let Ok(d) = u32::try_from(d) else { continue };
        let date = match year {
            Some(y) => NaiveDate::from_ymd_opt(y, month, d),
            None => on_or_before(published, month, d),
        };
        if let Some(date) = date {
            // Where the ordinal starts, near enough: `و ` joined may shift it a byte or two.
            let mut at = before.len().saturating_sub(len);
            while !norm.is_char_boundary(at) {
                at -= 1;
            }
            out.push((at, date));
        }
    }
    out
}

/// The first full date stated in normalised text.
pub fn find_date(norm: &str) -> Option<NaiveDate> {
    // The first of `dates_in`, without reading past it: a date found, no year more than
    // NAMED_REACH bytes further on can start one before it.
    let mut best: Option<(usize, NaiveDate)> = None;
    for p in year_starts(norm.as_bytes()) {
        if best.is_some_and(|(at, _)| at + NAMED_REACH < p) {
            break;
        }
        for found in dates_at_year(norm, p) {
            best = Some(best.map_or(found, |b| b.min(found)));
        }
    }
    best.map(|(_, d)| d)
}

/// The event date a clause implies, given the publication date: `اليوم` and no word at all
/// → the publication day; `أمس` → the day before; a weekday → its latest occurrence on or
/// before publication; an explicit date → that date; a day and month without a year → that
/// day on or before publication.
pub fn event_date(clause_norm: &str, published: Option<NaiveDate>) -> Option<NaiveDate> {
    let words = clause_norm
        .split(|c: char| !crate::normalize::is_arabic_letter(c))
        .filter(|w| !w.is_empty());
    event_date_of(clause_norm, words, published)
}

/// [`event_date`] for a clause whose words (its runs of Arabic letters, in order) are at
/// hand already, as the tokens of a reading: they are not split off the text again.
pub fn event_date_of<'w>(
    clause_norm: &str,
    words: impl Iterator<Item = &'w str>,
    published: Option<NaiveDate>,
) -> Option<NaiveDate> {
    // A date after `منذ` opens a period; it is not the day of the event.
    let opens_period = |at: usize| {
        let before = &clause_norm[..at];
        let start = before.char_indices().rev().nth(11).map_or(0, |(i, _)| i);
        calendar()
            .opens_period
            .iter()
            .any(|w| before[start..].contains(w.as_str()))
    };
    if let Some(&(_, d)) = dates_in(clause_norm)
        .iter()
        .find(|(at, _)| !opens_period(*at))
    {
        return Some(d);
    }
    let p = published?;
    if let Some(d) = yearless_dates(clause_norm, p)
        .chain(ordinal_dates(clause_norm, p))
        .filter(|(at, _)| !opens_period(*at))
        .min()
        .map(|(_, d)| d)
    {
        return Some(d);
    }
    // Yesterday wins over a weekday, and weekdays rank as the calendar lists them: note what
    // is there in one pass over the words, bare or behind `و`.
    let cal = calendar();
    let mut days = [false; 7];
    let mut words = words.peekable();
    let mut prev = "";
    let and = cal.and.as_str();
    while let Some(x) = words.next() {
        for w in [Some(x), x.strip_prefix(and)].into_iter().flatten() {
            if cal.yesterday.iter().any(|y| y == w) {
                // `أول أمس`, `أمس الأول`: the day before yesterday.
                let before = cal.before_yesterday.iter().any(|b| b == prev)
                    || words
                        .peek()
                        .is_some_and(|n| cal.before_yesterday_after.iter().any(|b| b == n));
                return Some(p - Duration::days(if before { 2 } else { 1 }));
            }
            if let Some(k) = cal.weekdays.iter().position(|name| name == w) {
                days[k] = true;
            }
        }
        prev = x.strip_prefix(and).unwrap_or(x);
    }
    if let Some(k) = days.iter().position(|&d| d) {
        let wd = FROM_SATURDAY[k];
        let back = (7 + p.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
        return Some(p - Duration::days(i64::from(back)));
    }
    Some(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    /// The dates corpus (`examples.tsv`): dates found in a text, and event dates against
    /// a publication date or none.
    #[test]
    fn example_corpus() {
        let show = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        crate::corpus::check(
            "dates/examples.tsv",
            include_str!("examples.tsv"),
            32,
            |section, text| {
                let norm = normalize(text).text;
                match section {
                    "found in a text" => show(find_date(&norm)),
                    "event date, published on Thursday 2020-02-06" => {
                        show(event_date(&norm, d(2020, 2, 6)))
                    }
                    "event date, no publication date" => show(event_date(&norm, None)),
                    other => panic!("no such section: {other}"),
                }
            },
        );
    }

    /// The day and month read by hand are the pattern's: digits before and after, the
    /// words between, a month's name cut short or glued, text on either side.
    #[test]
    fn yearless_dates_read_what_the_pattern_reads() {
        let pattern = Regex::new(&format!(
            r"(?:^|[^0-9])([0-9]{{1,2}})\s+{}({})(?:$|[^\p{{L}}])",
            day_to_month(),
            month_names()
        ))
        .unwrap();
        let published = d(2020, 2, 6).unwrap();
        let texts = [
            "وفي 6 آذار/مارس، انفجرت عبوة",
            "في 17 من شهر كانون الثاني قتل",
            "في 17 من كانون الثاني و 3 شباط",
            "123 آذار",
            "قتل 3 آذاري",
            "قتل 12  نيسان",
            "في 5شباط",
            "31 شباط",
            "7 مايو، و8 ماي، و9 مايوا",
            "تموز 4 تموز",
            "في 6 من من آذار",
            "في 29 شباط",
        ];
        for text in texts {
            let norm = normalize(text).text;
            let by_hand: Vec<_> = yearless_dates(&norm, published).collect();
            let by_pattern: Vec<_> = pattern
                .captures_iter(&norm)
                .filter_map(|c| {
                    let day = c.get(1)?;
                    let (m, dd) = (month_of(c.get(2)?.as_str())?, day.as_str().parse().ok()?);
                    Some((day.start(), on_or_before(published, m, dd)?))
                })
                .collect();
            assert_eq!(by_hand, by_pattern, "{text}");
        }
    }

    /// The plain way: both patterns over the whole text. `dates_in` must agree with it.
    fn dates_by_full_scan(norm: &str) -> Vec<(usize, NaiveDate)> {
        let numeric = Regex::new(r"\b(20\d\d|19\d\d)[/-](\d{1,2})[/-](\d{1,2})\b").unwrap();
        let named = Regex::new(&format!(
            r"(?:^|[^\d])(\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?({})(?:\s*/\s*\S+)?\s*[،,]?\s*(20\d\d|19\d\d)",
            month_names()
        ))
        .unwrap();
        let mut out: Vec<(usize, NaiveDate)> = numeric
            .captures_iter(norm)
            .filter_map(|c| {
                let d = NaiveDate::from_ymd_opt(
                    c[1].parse().ok()?,
                    c[2].parse().ok()?,
                    c[3].parse().ok()?,
                )?;
                Some((c.get(0)?.start(), d))
            })
            .chain(named.captures_iter(norm).filter_map(|c| {
                let d = NaiveDate::from_ymd_opt(
                    c[3].parse().ok()?,
                    month_of(&c[2])?,
                    c[1].parse().ok()?,
                )?;
                Some((c.get(1)?.start(), d))
            }))
            .collect();
        out.sort();
        out
    }

    /// The groups `named_parts` reads by hand are the pattern's own, on random text before
    /// a year: day numbers, month names (whole, cut, glued), `من`, `شهر`, slashes, commas,
    /// odd spaces and digits other than ASCII.
    #[test]
    fn named_parts_are_the_patterns_groups() {
        let named = named_pattern();
        let mut pieces: Vec<String> = normalised_months().to_vec();
        pieces.extend(
            [
                "1",
                "12",
                "123",
                "٣",
                "7",
                "من",
                "شهر",
                "/",
                " / ",
                "،",
                ",",
                " ",
                "  ",
                "\u{a0}",
                "\t",
                "\n",
                "تشرين",
                "كانون",
                "في",
                "x",
                "اب",
                "ريل",
                "2020",
                "-",
                "٢",
            ]
            .map(String::from),
        );
        let mut seed = 17;
        let (mut matched, mut tried) = (0, 0);
        for _ in 0..40_000 {
            let n = (crate::xorshift(&mut seed) % 9) as usize;
            let mut pick = |from: &[String]| {
                let p = &from[(crate::xorshift(&mut seed) % from.len() as u64) as usize];
                // Mostly spaced, sometimes glued.
                if crate::xorshift(&mut seed).is_multiple_of(4) {
                    p.clone()
                } else {
                    format!("{p} ")
                }
            };
            let mut hay: String = (0..n).map(|_| pick(&pieces)).collect();
            // Half end in a day and a month name, then pieces.
            if n.is_multiple_of(2) {
                hay.push_str(&pick(&["5".into(), "17".into(), "٣".into(), "x9".into()]));
                hay.push_str(&pick(normalised_months()));
                for _ in 0..n % 3 {
                    hay.push_str(&pick(&pieces));
                }
            }
            hay.push_str(["2020", "1999", "2003"][n % 3]);
            tried += 1;
            let want = named.captures(&hay).map(|c| {
                let g = |k| c.get(k).unwrap();
                (g(1).start(), g(1).as_str(), g(2).as_str(), g(3).as_str())
            });
            matched += usize::from(want.is_some());
            assert_eq!(named_parts(named, &hay), want, "{hay:?}");
        }
        // Enough of them are dates for the comparison to mean something.
        assert!(matched * 20 > tried, "{matched} of {tried}");
    }

    #[test]
    fn year_windows_find_what_a_full_scan_finds() {
        let mut texts =
            crate::fixture_texts(&["fixtures/gold/dev.jsonl", "fixtures/gold/seeds.jsonl"]);
        for entry in std::fs::read_dir("fixtures/samples").unwrap() {
            texts.push(std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default());
        }
        texts.push("ال2020/1/1 و 2020/13/1 و2020-02-03 و 5 من شهر تموز/يوليو، 2019 و1999".into());
        // Separators between month and year, in every form the pattern allows.
        texts.push("8 شباط ، 2020 و8 شباط،2020 و 9 شباط/ فبراير،2020 و3 أيار\n2020".into());
        texts.push("12 آب,  2018 و 4 آذار 2017/5/6 و 1 ايار ،، 2016 و 7 تموز 2020-1-1".into());
        texts.push("2020/1/123 و2020/123/1 و 2020/12/1ب و 2020-1/5، 1999/12/31. 2019/2/29_".into());
        let mut found = 0;
        for t in &texts {
            let n = normalize(t).text;
            let want = dates_by_full_scan(&n);
            found += want.len();
            assert_eq!(dates_in(&n), want, "{t}");
            // Stopping at the first date gives the first of them all.
            assert_eq!(find_date(&n), want.first().map(|&(_, d)| d), "{t}");
        }
        assert!(found >= 30, "the fixtures state {found} dates");
    }
}
