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
