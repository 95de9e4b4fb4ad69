//! The Arabic words the report shows for the record's names: one table, used by the page,
//! the charts and the spreadsheet alike. Governorate names come from the gazetteer.

use crate::aggregate::{GroupKey, LeftOut};
use crate::record::{Category, Group};

/// A group (or the category total), as the page and the charts name it.
pub fn group(g: GroupKey) -> &'static str {
    match g {
        GroupKey::All => "الكل",
        GroupKey::Group(Group::Civilian) => "مدنيون",
        GroupKey::Group(Group::Child) => "أطفال",
        GroupKey::Group(Group::Woman) => "نساء",
        GroupKey::Group(Group::Man) => "رجال",
        GroupKey::Group(Group::Combatant) => "مقاتلون",
        GroupKey::Group(Group::Unspecified) => "غير محدد",
    }
}

/// A category, as the page names it.
pub fn category(c: Category) -> &'static str {
    match c {
        Category::Killed => "قتلى",
        Category::Wounded => "جرحى",
        Category::KilledOrWounded => "قتلى وجرحى",
    }
}

/// Why a mention is in no incident, as the page says it.
pub fn left_out(why: LeftOut) -> &'static str {
    match why {
        LeftOut::Furniture => "من عناصر الصفحة (شريط أخبار، أخبار ذات صلة)",
        LeftOut::Cumulative => "حصيلة تراكمية أو حصيلة فترة",
        LeftOut::Background => "حدث سابق مذكور عرضا",
        LeftOut::NoFigure => "بلا رقم",
        LeftOut::Undated => "بلا تاريخ",
        LeftOut::OutsidePeriod => "خارج الفترة المطلوبة",
    }
}

/// A noun's forms as Arabic counts take them: with one, two, three to ten, and eleven and
/// more (`حادثة واحدة`, `حادثتان`, `8 حوادث`, `12 حادثة`).
pub struct Counted {
    pub one: &'static str,
    pub two: &'static str,
    pub few: &'static str,
    pub many: &'static str,
}

pub const INCIDENTS: Counted = Counted {
    one: "حادثة واحدة",
    two: "حادثتان",
    few: "حوادث",
    many: "حادثة",
};
pub const MENTIONS: Counted = Counted {
    one: "إشارة واحدة",
    two: "إشارتان",
    few: "إشارات",
    many: "إشارة",
};
pub const SOURCES: Counted = Counted {
    one: "مصدر واحد",
    two: "مصدران",
    few: "مصادر",
    many: "مصدرًا",
};

/// `n` and its noun in the form the number takes, the number with thousands separators:
/// the plural after three to ten (and after hundreds ending in them: `103 حوادث`), the
/// singular after eleven and more, the noun alone for one and two.
pub fn counted(n: u64, noun: &Counted) -> String {
    match (n, n % 100) {
        (1, _) => noun.one.to_string(),
        (2, _) => noun.two.to_string(),
        (_, 3..=10) => format!("{} {}", thousands(n), noun.few),
        _ => format!("{} {}", thousands(n), noun.many),
    }
}

/// `n` with a comma between thousands (`12,345`).
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The axes and keys of the charts, and the pivot's first and last columns.
pub const WEEK_START: &str = "بداية الأسبوع";
pub const COUNT: &str = "العدد";
pub const TOTAL: &str = "المجموع";
/// The key of the whisker a vague total is drawn as.
pub const VAGUE_RANGE: &str = "تقدير: عشرات، مئات";
/// The line under each chart, with the period's dates after it or without them.
pub const SOURCE_AND_PERIOD: &str = "المصدر: أخبار منشورة، أحصاها hasila · الفترة";
pub const SOURCE: &str = "المصدر: أخبار منشورة، أحصاها hasila";

/// What the page says where a governorate or place is not known.
pub const UNKNOWN_PLACE: &str = "غير معروف";

/// A governorate's Arabic name by its P-code, as the gazetteer writes it.
pub fn admin1(pcode: &str) -> &'static str {
    crate::places::builtin()
        .governorates()
        .iter()
        .find(|a| a.pcode == pcode)
        .map_or(UNKNOWN_PLACE, |a| a.name_ar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_noun_in_the_form_arabic_gives_it() {
        assert_eq!(counted(1, &INCIDENTS), "حادثة واحدة");
        assert_eq!(counted(2, &INCIDENTS), "حادثتان");
        assert_eq!(counted(8, &INCIDENTS), "8 حوادث");
        assert_eq!(counted(10, &INCIDENTS), "10 حوادث");
        assert_eq!(counted(11, &INCIDENTS), "11 حادثة");
        assert_eq!(counted(103, &INCIDENTS), "103 حوادث");
        assert_eq!(counted(0, &MENTIONS), "0 إشارة");
        assert_eq!(counted(1250, &SOURCES), "1,250 مصدرًا");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn every_governorate_has_its_gazetteer_name_and_others_are_unknown() {
        assert_eq!(admin1("SY07"), "إدلب");
        assert_eq!(admin1("SY03"), "ريف دمشق");
        assert_eq!(admin1(""), UNKNOWN_PLACE);
        assert_eq!(admin1("SY0700"), UNKNOWN_PLACE);
        let govs = crate::places::builtin().governorates();
        assert_eq!(govs.len(), 14);
        assert!(govs.iter().all(|a| admin1(a.pcode) != UNKNOWN_PLACE));
    }
}
