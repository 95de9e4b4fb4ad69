//! `casualties.xlsx`: the tables as right-to-left sheets with frozen, filtered headers, real
//! numbers, dates and booleans, and a print setup (landscape A4, fit to the page's width,
//! the header on every page), streamed to disk as they are written (constant memory).

use std::fs;
use std::io;
use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet};

/// Excel's paper size code for A4.
const A4: u8 = 9;

use super::ReportError;
use super::io_err;
use super::tables::{Columns, Rows};

/// Rows a sheet holds: Excel's 1,048,576 less the header and a note.
const MAX_ROWS: usize = 1_048_574;
/// Characters a cell holds in Excel.
const MAX_CHARS: usize = 32_767;

/// A workbook being filled sheet by sheet.
#[derive(Default)]
pub struct Spreadsheet {
    wb: Workbook,
}

impl Spreadsheet {
    /// A sheet of a table held in memory.
    pub fn table(&mut self, name: &str, cols: &Columns, rows: &Rows) -> Result<(), ReportError> {
        self.rows(name, cols, rows.iter().cloned().map(Ok))
    }

    /// A sheet read back row by row from a CSV file of the report (its BOM and HXL row
    /// skipped), so a large table is never held whole.
    pub fn csv(
        &mut self,
        name: &str,
        cols: &Columns,
        csv_path: &Path,
        hxl: bool,
    ) -> Result<(), ReportError> {
        let file = fs::File::open(csv_path).map_err(io_err(csv_path))?;
        let mut reader = io::BufReader::new(file);
        let mut bom = [0; 3];
        io::Read::read_exact(&mut reader, &mut bom).map_err(io_err(csv_path))?;
        let mut rows = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(reader)
            .into_records()
            .skip(usize::from(hxl))
            .map(|r| {
                r.map(|r| r.iter().map(str::to_string).collect::<Vec<_>>())
                    .map_err(|e| ReportError::Io {
                        path: csv_path.display().to_string(),
                        source: io::Error::other(e.to_string()),
                    })
            });
        self.rows(name, cols, &mut rows)
    }

    /// A sheet of `cols` with `rows`, streamed. Cells of numeric columns that parse as
    /// numbers are numbers, `YYYY-MM-DD` cells dates, `true`/`false` booleans; Excel's
    /// limits cut the sheet, with a note, never the CSV.
    fn rows(
        &mut self,
        name: &str,
        cols: &Columns,
        rows: impl Iterator<Item = Result<Vec<String>, ReportError>>,
    ) -> Result<(), ReportError> {
        let ws: &mut Worksheet = self.wb.add_worksheet_with_constant_memory()?;
        ws.set_name(name)?;
        ws.set_right_to_left(true);
        let bold = Format::new().set_bold().set_background_color("#DDE4EE");
        let num = Format::new().set_num_format("#,##0");
        let day = Format::new().set_num_format("yyyy-mm-dd");
        for (c, h) in cols.header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold)?;
            // Wide enough for the header whole (`Rural Damascus (SY03)`).
            let min = if cols.numeric[c] { 10 } else { 22 };
            ws.set_column_width(c as u16, (h.chars().count() + 3).max(min) as f64)?;
        }
        ws.set_landscape();
        ws.set_paper_size(A4);
        ws.set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(0, 0)?;
        let (mut shown, mut total) = (0, 0);
        for row in rows {
            let row = row?;
            total += 1;
            if shown == MAX_ROWS {
                continue;
            }
            shown += 1;
            for (c, v) in row.iter().enumerate() {
                let (r, c) = (shown as u32, c as u16);
                match v.parse::<f64>() {
                    Ok(n) if cols.numeric.get(c as usize).copied().unwrap_or(false) => {
                        ws.write_number_with_format(r, c, n, &num)?;
                    }
                    _ if v == "true" || v == "false" => {
                        ws.write_boolean(r, c, v == "true")?;
                    }
                    _ if is_date(v) => match ExcelDateTime::parse_from_str(v) {
                        Ok(d) => {
                            ws.write_datetime_with_format(r, c, &d, &day)?;
                        }
                        Err(_) => {
                            ws.write_string(r, c, v)?;
                        }
                    },
                    _ if !v.is_empty() => {
                        ws.write_string(r, c, cell_text(v))?;
                    }
                    _ => {}
                }
            }
        }
        if shown < total {
            let note = format!("… {} more rows in {name}.csv", total - shown);
            ws.write_string((shown + 1) as u32, 0, &note)?;
        }
        ws.set_freeze_panes(1, 0)?;
        if shown > 0 {
            ws.autofilter(0, 0, shown as u32, (cols.header.len() - 1) as u16)?;
        }
        Ok(())
    }

    /// Write the workbook. Its creation time is `SOURCE_DATE_EPOCH` when that is set
    /// ([`super::source_date_epoch`]), so the same report makes the same file; otherwise now.
    pub fn save(mut self, path: &Path) -> Result<(), ReportError> {
        if let Some(t) = super::source_date_epoch() {
            let created = ExcelDateTime::from_timestamp(t)?;
            self.wb
                .set_properties(&DocProperties::new().set_creation_datetime(&created));
        }
        self.wb.save(path)?;
        Ok(())
    }
}

/// Is `v` a date as the tables write them (`2024-03-02`)?
fn is_date(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Text cut to what one Excel cell holds, marked when cut.
fn cell_text(v: &str) -> std::borrow::Cow<'_, str> {
    if v.chars().count() <= MAX_CHARS {
        return std::borrow::Cow::Borrowed(v);
    }
    let cut: String = v.chars().take(MAX_CHARS - 1).collect();
    std::borrow::Cow::Owned(cut + "…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_is_cut_to_what_excel_holds_and_marked() {
        assert_eq!(cell_text("قتلى"), "قتلى");
        let long = "ق".repeat(MAX_CHARS + 5);
        let cut = cell_text(&long);
        assert_eq!(cut.chars().count(), MAX_CHARS);
        assert!(cut.ends_with('…'));
    }
}
