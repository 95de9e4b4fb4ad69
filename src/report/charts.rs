//! The report's four charts, drawn from the weekly rows with [`super::plot`].

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;

use super::ReportError;
use super::labels;
use super::plot::{self, PALETTE, Series};
use super::tables::{WeeklyRow, weekly_bounds, weekly_values, weeks_of};
use crate::aggregate::GroupKey;
use crate::record::{Category, Group};
use plotters::style::RGBColor;

/// A chart written: its file name in the report and its Arabic caption.
pub struct Chart {
    pub file: String,
    pub caption: String,
}

/// The groups a weekly chart stacks, disjoint; the rest of the total is drawn above them.
const LAYERS: [Group; 4] = [Group::Child, Group::Woman, Group::Man, Group::Combatant];

/// A group's colour, the same in every chart; `None`: the rest of a total.
fn colour(g: Option<Group>) -> RGBColor {
    match g {
        Some(Group::Child) => PALETTE[0],
        Some(Group::Woman) => PALETTE[4],
        Some(Group::Man) => PALETTE[1],
        Some(Group::Combatant) => PALETTE[2],
        Some(Group::Civilian) => PALETTE[3],
        Some(Group::Unspecified) | None => PALETTE[5],
    }
}

/// Draw every chart into `dir`: killed and wounded per week by group, killed per
/// governorate (Arabic names), women and children killed per week. `note` goes under each:
/// the period and the source.
pub fn draw(
    dir: &Path,
    killed_by_gov: &BTreeMap<String, u64>,
    weekly: &[WeeklyRow],
    note: &plot::Note<'_>,
) -> Result<Vec<Chart>, ReportError> {
    let weeks = weeks_of(weekly);
    let labels_of: Vec<String> = weeks.iter().map(NaiveDate::to_string).collect();
    let mut out = Vec::new();
    let mut done = |file: &str, caption: &str| {
        out.push(Chart {
            file: file.into(),
            caption: caption.into(),
        })
    };
    for (cat, file, title) in [
        (
            Category::Killed,
            "weekly_killed.png",
            "القتلى أسبوعيا حسب الفئة",
        ),
        (
            Category::Wounded,
            "weekly_wounded.png",
            "الجرحى أسبوعيا حسب الفئة",
        ),
    ] {
        let all = weekly_values(weekly, &weeks, cat, GroupKey::All);
        let mut series: Vec<Series> = LAYERS
            .iter()
            .map(|&g| Series {
                label: labels::group(GroupKey::Group(g)).to_string(),
                colour: colour(Some(g)),
                values: weekly_values(weekly, &weeks, cat, GroupKey::Group(g)),
            })
            .collect();
        let rest: Vec<u64> = (0..weeks.len())
            .map(|i| all[i].saturating_sub(series.iter().map(|s| s.values[i]).sum()))
            .collect();
        series.push(Series {
            label: "آخرون أو غير محدد".into(),
            colour: colour(None),
            values: rest,
        });
        let bounds = weekly_bounds(weekly, &weeks, cat);
        plot::stacked_bars(&dir.join(file), title, note, &labels_of, &series, &bounds)?;
        done(file, title);
    }
    let title = "القتلى حسب المحافظة";
    plot::horizontal_bars(
        &dir.join("killed_by_governorate.png"),
        title,
        note,
        killed_by_gov,
    )?;
    done("killed_by_governorate.png", title);
    let title = "النساء والأطفال القتلى أسبوعيا";
    let series: Vec<Series> = [Group::Woman, Group::Child]
        .into_iter()
        .map(|g| Series {
            label: labels::group(GroupKey::Group(g)).into(),
            colour: colour(Some(g)),
            values: weekly_values(weekly, &weeks, Category::Killed, GroupKey::Group(g)),
        })
        .collect();
    plot::lines(
        &dir.join("women_children.png"),
        title,
        note,
        &labels_of,
        &series,
    )?;
    done("women_children.png", title);
    Ok(out)
}
