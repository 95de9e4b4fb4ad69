//! PNG charts with Arabic labels drawn joined and right to left.
//!
//! plotters draws glyphs one by one, left to right, with no shaping: Arabic would come out
//! as separate letters in the wrong order. So every label is shaped first (`ar-reshaper`
//! picks each letter's joined form) and reordered to visual order (`unicode-bidi`), then
//! drawn with DejaVu Sans, embedded in the binary so no system font setup is needed
//! (licence in `src/report/plot/DejaVuSans.LICENSE`).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Once;

use plotters::prelude::*;

use super::labels;
use plotters::style::FontStyle;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const FONT: &[u8] = include_bytes!("DejaVuSans.ttf");
const FAMILY: &str = "hasila-sans";

/// Register the embedded font with plotters, once per process.
fn font() -> &'static str {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The font is compiled in and known to parse; a failure here is a build error.
        let _ = plotters::style::register_font(FAMILY, FontStyle::Normal, FONT);
    });
    FAMILY
}

/// Arabic (or mixed) text as plotters must draw it: shaped and in visual order.
pub fn shape(text: &str) -> String {
    let shaped = ar_reshaper::reshape_line(text);
    let bidi = unicode_bidi::BidiInfo::new(&shaped, None);
    let mut out = String::with_capacity(shaped.len());
    for para in &bidi.paragraphs {
        out.push_str(&bidi.reorder_line(para, para.range.clone()));
    }
    out
}

/// One series of a chart: its label, its colour (the same for a group in every chart) and
/// a value per x position.
pub struct Series {
    pub label: String,
    pub colour: RGBColor,
    pub values: Vec<u64>,
}

/// The colour of a chart of one series (killed by governorate).
pub const BAR: RGBColor = RGBColor(0x44, 0x55, 0x66);

/// Width of every chart.
const WIDTH: u32 = 1100;

/// The canvas of a chart of `height` at `path`: white, with `note` along its bottom. The
/// area above the note comes back, for the plot (and the legend beside it).
fn canvas<'p>(
    path: &'p Path,
    height: u32,
    note: &Note<'_>,
) -> Result<DrawingArea<BitMapBackend<'p>, plotters::coord::Shift>, ChartError> {
    let root = BitMapBackend::new(path, (WIDTH, height)).into_drawing_area();
    root.fill(&WHITE).map_err(err(path))?;
    let (body, foot) = root.split_vertically(height - NOTE_HEIGHT);
    draw_note(&foot, note).map_err(err(path))?;
    Ok(body)
}

/// Width of the legend beside the plot: outside it, so it never covers a bar or a line.
const LEGEND_WIDTH: u32 = 210;
/// Height of the line under a chart that says its period and source.
const NOTE_HEIGHT: u32 = 30;
/// Text sizes, large enough that every dot of an Arabic letter survives (`مقاتلون`).
const TITLE_PX: u32 = 28;
const LABEL_PX: u32 = 17;
const LEGEND_PX: u32 = 19;

/// What a chart says under it: Arabic words, then text kept left to right after them (the
/// period's dates, which the bidirectional reordering of Arabic would turn around).
pub struct Note<'a> {
    pub words: &'a str,
    pub ltr: &'a str,
}

/// Write the note along the bottom of `area`: its words from the right edge, its left-to-
/// right text to their left.
fn draw_note<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    note: &Note<'_>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, _) = area.dim_in_pixel();
    let grey = BLACK.mix(0.7);
    let style = TextStyle::from((font(), 15).into_font())
        .color(&grey)
        .pos(Pos::new(HPos::Right, VPos::Center));
    let words = shape(note.words);
    let right = w as i32 - 16;
    area.draw(&Text::new(words.clone(), (right, 14), style.clone()))?;
    let (ww, _) = area.estimate_text_size(&words, &style)?;
    area.draw(&Text::new(
        note.ltr.to_string(),
        (right - ww as i32 - 8, 14),
        style,
    ))
}

/// The legend, in its own area beside the plot: a swatch and a label per series, read
/// from the right as Arabic is.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    series: &[Series],
    line: bool,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, _) = area.dim_in_pixel();
    let w = w as i32;
    let style =
        TextStyle::from((font(), LEGEND_PX).into_font()).pos(Pos::new(HPos::Right, VPos::Center));
    for (k, s) in series.iter().enumerate() {
        let y = 80 + 32 * k as i32;
        let x = w - 20;
        if line {
            area.draw(&PathElement::new(
                vec![(x - 18, y), (x, y)],
                s.colour.stroke_width(4),
            ))?;
        } else {
            area.draw(&Rectangle::new(
                [(x - 16, y - 8), (x, y + 8)],
                s.colour.filled(),
            ))?;
        }
        area.draw(&Text::new(shape(&s.label), (x - 26, y), style.clone()))?;
    }
    Ok(())
}

#[derive(Debug, thiserror::Error)]
#[error("chart {path}: {reason}")]
pub struct ChartError {
    pub path: String,
    pub reason: String,
}

fn err<E: std::fmt::Display>(path: &Path) -> impl Fn(E) -> ChartError + '_ {
    move |e| ChartError {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}

/// Colours, readable on white and distinct in print.
pub const PALETTE: [RGBColor; 7] = [
    RGBColor(0xd6, 0x27, 0x28),
    RGBColor(0x1f, 0x77, 0xb4),
    RGBColor(0x2c, 0xa0, 0x2c),
    RGBColor(0xff, 0x7f, 0x0e),
    RGBColor(0x94, 0x67, 0xbd),
    RGBColor(0x7f, 0x7f, 0x7f),
    RGBColor(0x8c, 0x56, 0x4b),
];

/// The last index of `n` segments: plotters' integer ranges include their end.
fn last(n: usize) -> u32 {
    u32::try_from(n.saturating_sub(1)).unwrap_or(u32::MAX)
}

/// Axis numbers: whole numbers only, so small counts do not read `0, 0, 1, 1, 2`.
fn whole(v: &f64) -> String {
    if (v - v.round()).abs() < 1e-6 {
        format!("{:.0}", v.round())
    } else {
        String::new()
    }
}

/// The label of a bar's segment: its centre gets the text, other key points none.
fn segment_label(v: &SegmentValue<u32>, labels: &[String]) -> String {
    match v {
        SegmentValue::CenterOf(i) => labels.get(*i as usize).cloned().unwrap_or_default(),
        _ => String::new(),
    }
}

/// Stacked bars, one bar per x label, one layer per series.
pub fn stacked_bars(
    path: &Path,
    title: &str,
    note: &Note<'_>,
    x_labels: &[String],
    series: &[Series],
    bounds: &[(u64, u64)],
) -> Result<(), ChartError> {
    let f = font();
    let body = canvas(path, 600, note)?;
    let (plot_area, legend) = body.split_horizontally(WIDTH - LEGEND_WIDTH);
    draw_legend(&legend, series, false).map_err(err(path))?;
    let root = plot_area;
    let n = x_labels.len().max(1);
    let exact: Vec<u64> = (0..n)
        .map(|i| {
            series
                .iter()
                .map(|s| s.values.get(i).copied().unwrap_or(0))
                .sum()
        })
        .collect();
    // Vague figures: a whisker from the low to the high bound above the exact bars, and its
    // key in the legend, only where a high bound passes the exact sum.
    if (0..n).any(|i| bounds.get(i).is_some_and(|b| b.1 > exact[i])) {
        draw_range_key(&legend, series.len()).map_err(err(path))?;
    }
    let tops: Vec<u64> = (0..n)
        .map(|i| exact[i].max(bounds.get(i).map_or(0, |b| b.1)))
        .collect();
    let ymax = tops.iter().copied().max().unwrap_or(0).max(1) as f64 * 1.1;
    let mut chart = ChartBuilder::on(&root)
        .caption(shape(title), (f, TITLE_PX))
        .margin(16)
        .x_label_area_size(70)
        .y_label_area_size(70)
        .build_cartesian_2d((0..last(n)).into_segmented(), 0f64..ymax)
        .map_err(err(path))?;
    let labels: Vec<String> = x_labels.iter().map(|l| shape(l)).collect();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .x_labels(n + 1)
        .x_label_formatter(&|v| segment_label(v, &labels))
        .y_label_formatter(&whole)
        .label_style((f, LABEL_PX))
        .x_desc(shape(labels::WEEK_START))
        .y_desc(shape(labels::COUNT))
        .axis_desc_style((f, LABEL_PX))
        .draw()
        .map_err(err(path))?;
    let mut base = vec![0u64; n];
    for s in series {
        let colour = s.colour;
        let bars: Vec<Rectangle<(SegmentValue<u32>, f64)>> = (0..n)
            .filter_map(|i| {
                let v = s.values.get(i).copied().unwrap_or(0);
                if v == 0 {
                    return None;
                }
                let (y0, y1) = (base[i] as f64, (base[i] + v) as f64);
                base[i] += v;
                let x = i as u32;
                let mut bar = Rectangle::new(
                    [
                        (SegmentValue::Exact(x), y0),
                        (SegmentValue::Exact(x + 1), y1),
                    ],
                    colour.filled(),
                );
                bar.set_margin(0, 0, 14, 14);
                Some(bar)
            })
            .collect();
        chart.draw_series(bars).map_err(err(path))?;
    }
    // A total with vague figures behind it: its range, low to high, where the high bound
    // passes the exact sum (`عشرات الجرحى` alone is a whisker from 30 to 99 over nothing).
    let whiskers: Vec<PathElement<(SegmentValue<u32>, f64)>> = (0..n)
        .filter_map(|i| {
            let (lo, hi) = bounds.get(i).copied()?;
            (hi > base[i]).then(|| {
                let x = SegmentValue::CenterOf(i as u32);
                PathElement::new(
                    vec![(x.clone(), lo.max(base[i]) as f64), (x, hi as f64)],
                    BLACK.stroke_width(3),
                )
            })
        })
        .collect();
    chart.draw_series(whiskers).map_err(err(path))?;
    root.present().map_err(err(path))?;
    Ok(())
}

/// The legend's key for the whisker of vague figures, under the series' keys.
fn draw_range_key<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    after: usize,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, _) = area.dim_in_pixel();
    let x = w as i32 - 28;
    let y = 80 + 32 * after as i32;
    area.draw(&PathElement::new(
        vec![(x, y - 10), (x, y + 10)],
        BLACK.stroke_width(3),
    ))?;
    let style =
        TextStyle::from((font(), LEGEND_PX).into_font()).pos(Pos::new(HPos::Right, VPos::Center));
    area.draw(&Text::new(shape(labels::VAGUE_RANGE), (x - 18, y), style))
}

/// Horizontal bars, largest first: one value per label.
pub fn horizontal_bars(
    path: &Path,
    title: &str,
    note: &Note<'_>,
    values: &BTreeMap<String, u64>,
) -> Result<(), ChartError> {
    let f = font();
    let mut rows: Vec<(&String, &u64)> = values.iter().collect();
    rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let n = rows.len().max(1);
    let height = (150 + 38 * n as u32).max(320);
    let root = canvas(path, height, note)?;
    let xmax = rows.iter().map(|r| *r.1).max().unwrap_or(0).max(1) as f64 * 1.15;
    let labels: Vec<String> = rows.iter().map(|r| shape(r.0)).collect();
    // Largest at the top: segment 0 is drawn at the bottom, so labels run in reverse.
    let reversed: Vec<String> = labels.iter().rev().cloned().collect();
    let mut chart = ChartBuilder::on(&root)
        .caption(shape(title), (f, TITLE_PX))
        .margin(16)
        .x_label_area_size(60)
        .y_label_area_size(190)
        .build_cartesian_2d(0f64..xmax, (0..last(n)).into_segmented())
        .map_err(err(path))?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(WHITE)
        .y_labels(n + 1)
        .y_label_formatter(&|v| segment_label(v, &reversed))
        .x_label_formatter(&whole)
        .label_style((f, LABEL_PX))
        .x_desc(shape(labels::COUNT))
        .axis_desc_style((f, LABEL_PX))
        .draw()
        .map_err(err(path))?;
    chart
        .draw_series(rows.iter().enumerate().map(|(k, (_, v))| {
            let y = (n - 1 - k) as u32;
            let mut bar = Rectangle::new(
                [
                    (0.0, SegmentValue::Exact(y)),
                    (**v as f64, SegmentValue::Exact(y + 1)),
                ],
                BAR.filled(),
            );
            bar.set_margin(6, 6, 0, 0);
            bar
        }))
        .map_err(err(path))?;
    chart
        .draw_series(rows.iter().enumerate().map(|(k, (_, v))| {
            let y = (n - 1 - k) as u32;
            Text::new(
                format!("{v}"),
                (**v as f64 + xmax * 0.01, SegmentValue::CenterOf(y)),
                (f, LABEL_PX),
            )
        }))
        .map_err(err(path))?;
    root.present().map_err(err(path))?;
    Ok(())
}

/// Lines over the x labels, one per series.
pub fn lines(
    path: &Path,
    title: &str,
    note: &Note<'_>,
    x_labels: &[String],
    series: &[Series],
) -> Result<(), ChartError> {
    let f = font();
    let body = canvas(path, 540, note)?;
    let (plot_area, legend) = body.split_horizontally(WIDTH - LEGEND_WIDTH);
    draw_legend(&legend, series, true).map_err(err(path))?;
    let root = plot_area;
    let n = x_labels.len().max(1);
    let ymax = series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1) as f64
        * 1.1;
    let labels: Vec<String> = x_labels.iter().map(|l| shape(l)).collect();
    let mut chart = ChartBuilder::on(&root)
        .caption(shape(title), (f, TITLE_PX))
        .margin(16)
        .x_label_area_size(70)
        .y_label_area_size(70)
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5).max(0.5), 0f64..ymax)
        .map_err(err(path))?;
    chart
        .configure_mesh()
        .x_labels(n.min(12))
        .x_label_formatter(&|x| {
            let i = x.round();
            if (x - i).abs() < 1e-9 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_label_formatter(&whole)
        .light_line_style(WHITE)
        .label_style((f, LABEL_PX))
        .x_desc(shape(labels::WEEK_START))
        .y_desc(shape(labels::COUNT))
        .axis_desc_style((f, LABEL_PX))
        .draw()
        .map_err(err(path))?;
    for s in series {
        let colour = s.colour;
        let pts: Vec<(f64, f64)> = s
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| (i as f64, *v as f64))
            .collect();
        chart
            .draw_series(LineSeries::new(pts.clone(), colour.stroke_width(3)))
            .map_err(err(path))?;
        chart
            .draw_series(pts.into_iter().map(|p| Circle::new(p, 4, colour.filled())))
            .map_err(err(path))?;
    }
    root.present().map_err(err(path))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shaping_joins_letters_and_reverses_for_display() {
        let s = shape("قتلى");
        // Presentation forms (joined glyphs), not the base letters.
        assert!(
            s.chars().all(|c| ('\u{FE70}'..='\u{FEFF}').contains(&c)),
            "{s:?}"
        );
        // Visual order: the final form (last logical letter) comes first.
        assert_eq!(s.chars().count(), 4);
        assert_eq!(s.chars().next(), Some('\u{FEF0}'), "{s:?}");
    }

    #[test]
    fn latin_and_digits_keep_their_order() {
        assert_eq!(shape("2024-01-06"), "2024-01-06");
    }

    const NOTE: Note<'static> = Note {
        words: "المصدر: أخبار منشورة · الفترة",
        ltr: "2024-01-06 – 2024-01-19",
    };

    #[test]
    fn charts_are_written() {
        let dir = std::env::temp_dir().join(format!("hasila-charts-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let x = vec!["2024-01-06".to_string(), "2024-01-13".to_string()];
        let s = vec![
            Series {
                label: "أطفال".into(),
                colour: PALETTE[0],
                values: vec![3, 1],
            },
            Series {
                label: "نساء".into(),
                colour: PALETTE[4],
                values: vec![2, 0],
            },
        ];
        stacked_bars(
            &dir.join("a.png"),
            "القتلى أسبوعيا",
            &NOTE,
            &x,
            &s,
            &[(5, 5), (30, 99)],
        )
        .unwrap();
        lines(&dir.join("b.png"), "النساء والأطفال", &NOTE, &x, &s).unwrap();
        let mut v = BTreeMap::new();
        v.insert("إدلب".to_string(), 12);
        v.insert("حلب".to_string(), 5);
        horizontal_bars(&dir.join("c.png"), "القتلى حسب المحافظة", &NOTE, &v).unwrap();
        for f in ["a.png", "b.png", "c.png"] {
            let bytes = std::fs::read(dir.join(f)).unwrap();
            assert!(bytes.starts_with(b"\x89PNG"), "{f}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
