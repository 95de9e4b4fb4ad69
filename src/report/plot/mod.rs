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
use plotters::style::FontStyle;

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

/// One series of a chart: its label and a value per x position.
pub struct Series {
    pub label: String,
    pub values: Vec<u64>,
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

/// Colours for series, readable on white and distinct in print.
const PALETTE: [RGBColor; 7] = [
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
    x_labels: &[String],
    series: &[Series],
) -> Result<(), ChartError> {
    let f = font();
    let root = BitMapBackend::new(path, (1000, 560)).into_drawing_area();
    root.fill(&WHITE).map_err(err(path))?;
    let n = x_labels.len().max(1);
    let tops: Vec<u64> = (0..n)
        .map(|i| {
            series
                .iter()
                .map(|s| s.values.get(i).copied().unwrap_or(0))
                .sum()
        })
        .collect();
    let ymax = tops.iter().copied().max().unwrap_or(0).max(1) as f64 * 1.15;
    let mut chart = ChartBuilder::on(&root)
        .caption(shape(title), (f, 26))
        .margin(16)
        .x_label_area_size(60)
        .y_label_area_size(60)
        .build_cartesian_2d((0..last(n)).into_segmented(), 0f64..ymax)
        .map_err(err(path))?;
    let labels: Vec<String> = x_labels.iter().map(|l| shape(l)).collect();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(n + 1)
        .x_label_formatter(&|v| segment_label(v, &labels))
        .y_label_formatter(&whole)
        .label_style((f, 13))
        .draw()
        .map_err(err(path))?;
    let mut base = vec![0u64; n];
    for (k, s) in series.iter().enumerate() {
        let colour = PALETTE[k % PALETTE.len()];
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
        chart
            .draw_series(bars)
            .map_err(err(path))?
            .label(shape(&s.label))
            .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 12, y + 6)], colour.filled()));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK.mix(0.3))
        .label_font((f, 15))
        .draw()
        .map_err(err(path))?;
    root.present().map_err(err(path))?;
    Ok(())
}

/// Horizontal bars, largest first: one value per label.
pub fn horizontal_bars(
    path: &Path,
    title: &str,
    values: &BTreeMap<String, u64>,
) -> Result<(), ChartError> {
    let f = font();
    let mut rows: Vec<(&String, &u64)> = values.iter().collect();
    rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let n = rows.len().max(1);
    let height = (120 + 34 * n as u32).max(300);
    let root = BitMapBackend::new(path, (1000, height)).into_drawing_area();
    root.fill(&WHITE).map_err(err(path))?;
    let xmax = rows.iter().map(|r| *r.1).max().unwrap_or(0).max(1) as f64 * 1.15;
    let labels: Vec<String> = rows.iter().map(|r| shape(r.0)).collect();
    // Largest at the top: segment 0 is drawn at the bottom, so labels run in reverse.
    let reversed: Vec<String> = labels.iter().rev().cloned().collect();
    let mut chart = ChartBuilder::on(&root)
        .caption(shape(title), (f, 26))
        .margin(16)
        .x_label_area_size(40)
        .y_label_area_size(180)
        .build_cartesian_2d(0f64..xmax, (0..last(n)).into_segmented())
        .map_err(err(path))?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(n + 1)
        .y_label_formatter(&|v| segment_label(v, &reversed))
        .x_label_formatter(&whole)
        .label_style((f, 15))
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
                PALETTE[0].filled(),
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
                (f, 14),
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
    x_labels: &[String],
    series: &[Series],
) -> Result<(), ChartError> {
    let f = font();
    let root = BitMapBackend::new(path, (1000, 500)).into_drawing_area();
    root.fill(&WHITE).map_err(err(path))?;
    let n = x_labels.len().max(1);
    let ymax = series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1) as f64
        * 1.15;
    let labels: Vec<String> = x_labels.iter().map(|l| shape(l)).collect();
    let mut chart = ChartBuilder::on(&root)
        .caption(shape(title), (f, 26))
        .margin(16)
        .x_label_area_size(60)
        .y_label_area_size(60)
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
        .label_style((f, 13))
        .draw()
        .map_err(err(path))?;
    for (k, s) in series.iter().enumerate() {
        let colour = PALETTE[k % PALETTE.len()];
        let pts: Vec<(f64, f64)> = s
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| (i as f64, *v as f64))
            .collect();
        chart
            .draw_series(LineSeries::new(pts.clone(), colour.stroke_width(3)))
            .map_err(err(path))?
            .label(shape(&s.label))
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], colour.stroke_width(3))
            });
        chart
            .draw_series(pts.into_iter().map(|p| Circle::new(p, 4, colour.filled())))
            .map_err(err(path))?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK.mix(0.3))
        .label_font((f, 15))
        .draw()
        .map_err(err(path))?;
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

    #[test]
    fn charts_are_written() {
        let dir = std::env::temp_dir().join(format!("hasila-charts-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let x = vec!["2024-01-06".to_string(), "2024-01-13".to_string()];
        let s = vec![
            Series {
                label: "أطفال".into(),
                values: vec![3, 1],
            },
            Series {
                label: "نساء".into(),
                values: vec![2, 0],
            },
        ];
        stacked_bars(&dir.join("a.png"), "القتلى أسبوعيا", &x, &s).unwrap();
        lines(&dir.join("b.png"), "النساء والأطفال", &x, &s).unwrap();
        let mut v = BTreeMap::new();
        v.insert("إدلب".to_string(), 12);
        v.insert("حلب".to_string(), 5);
        horizontal_bars(&dir.join("c.png"), "القتلى حسب المحافظة", &v).unwrap();
        for f in ["a.png", "b.png", "c.png"] {
            let bytes = std::fs::read(dir.join(f)).unwrap();
            assert!(bytes.starts_with(b"\x89PNG"), "{f}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
