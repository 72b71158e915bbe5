//! A report as an XLSX workbook, for steering groups and registrars who live in
//! spreadsheets: one sheet, the header row bold, frozen and filtered, dates as dates
//! (ISO format), numbers as numbers, every other value as the text the table shows
//! (booleans read `yes`/`no`), columns as wide as their contents.

use super::{Sheet, Typed};
use crate::i18n::Context;
use anyhow::Result;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// Columns wider than this many characters wrap instead (long descriptions).
const MAX_WIDTH: u32 = 60;

/// The workbook's bytes; `name` names its sheet (e.g. `systems`).
pub fn workbook(sheet: &Sheet, name: &str) -> Result<Vec<u8>> {
    build(sheet, name).with_msg(|| crate::msg!("error-xlsx"))
}

fn build(sheet: &Sheet, name: &str) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(name)?;
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (col, title) in (0u16..).zip(&sheet.header) {
        ws.write_string_with_format(0, col, title, &bold)?;
    }
    for (row, cells) in (1u32..).zip(&sheet.rows) {
        for (col, cell) in (0u16..).zip(cells) {
            match cell.value {
                Typed::Number(n) => {
                    ws.write_number(row, col, n)?;
                }
                Typed::Date(d) => {
                    ws.write_datetime_with_format(row, col, d, &date)?;
                }
                Typed::Text if cell.text.is_empty() => {}
                Typed::Text => {
                    ws.write_string(row, col, &cell.text)?;
                }
            }
        }
    }
    let last_col = u16::try_from(sheet.header.len().saturating_sub(1)).unwrap_or(u16::MAX);
    let last_row = u32::try_from(sheet.rows.len()).unwrap_or(u32::MAX);
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, last_row, last_col)?;
    ws.set_autofit_max_width(MAX_WIDTH).autofit();
    book.save_to_buffer()
}
