//! Reading a register export into a grid of text cells: a CSV file (separated by
//! commas, semicolons — as Swedish spreadsheet programs write it — or tabs; UTF-8
//! with or without a byte order mark, else Windows-1252, which Excel's plain "CSV"
//! writes) or the first sheet of an XLSX workbook.

use crate::{fail, msg};
use anyhow::Result;
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

/// The export's non-empty rows, each numbered as a spreadsheet shows it.
pub struct Grid {
    /// The header row first.
    pub rows: Vec<Line>,
    /// The spreadsheet column of the first cell: 0 for A.
    pub first_column: usize,
}

/// One row: its number as a spreadsheet shows it (the header is row 1), and its cells.
pub struct Line {
    pub number: usize,
    pub cells: Vec<String>,
}

impl Grid {
    /// The spreadsheet's name for the column at `index` of a row: A, B, …, Z, AA, …
    pub fn column_name(&self, index: usize) -> String {
        let mut n = self.first_column + index + 1;
        let mut name = Vec::new();
        while n > 0 {
            n -= 1;
            name.push(b'A' + (n % 26) as u8);
            n /= 26;
        }
        name.reverse();
        String::from_utf8(name).expect("ASCII letters")
    }
}

/// Reads `bytes`, the contents of `file`: an XLSX workbook (by its zip signature) or
/// else CSV.
pub fn grid(file: &str, bytes: &[u8]) -> Result<Grid> {
    if bytes.starts_with(b"PK\x03\x04") {
        xlsx(bytes).map_err(|e| crate::i18n::doing(msg!("error-import-xlsx", file = file), e))
    } else {
        Ok(csv(&decode(bytes)))
    }
}

/// The text of a CSV file: UTF-8 (a byte order mark dropped), or else Windows-1252.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// The separator the header line uses most: `,`, `;` or a tab (`,` when none).
fn separator(text: &str) -> char {
    let mut counts = [(',', 0), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            c if !quoted => {
                if let Some(n) = counts.iter_mut().find(|(s, _)| *s == c) {
                    n.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .fold(
            (',', 0),
            |best, &(s, n)| if n > best.1 { (s, n) } else { best },
        )
        .0
}

/// RFC 4180 records: quoted fields may hold the separator, `""` and line breaks.
fn csv(text: &str) -> Grid {
    let sep = separator(text);
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut number = 1;
    let mut chars = text.chars().peekable();
    let mut end_record = |cells: &mut Vec<String>, cell: &mut String, number: &mut usize| {
        cells.push(std::mem::take(cell));
        let record = std::mem::take(cells);
        if record.iter().any(|c| !c.trim().is_empty()) {
            rows.push(Line {
                number: *number,
                cells: record,
            });
        }
        *number += 1;
    };
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    quoted = false;
                }
            }
            '"' if cell.trim().is_empty() => {
                cell.clear();
                quoted = true;
            }
            c if quoted => cell.push(c),
            c if c == sep => cells.push(std::mem::take(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => end_record(&mut cells, &mut cell, &mut number),
            c => cell.push(c),
        }
    }
    if !cell.is_empty() || !cells.is_empty() {
        end_record(&mut cells, &mut cell, &mut number);
    }
    Grid {
        rows,
        first_column: 0,
    }
}

/// The first sheet of a workbook; dates as ISO dates, whole numbers without `.0`.
fn xlsx(bytes: &[u8]) -> Result<Grid> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))?;
    let Some(range) = book.worksheet_range_at(0) else {
        fail!("error-import-no-sheet");
    };
    let range = range?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let rows = (first_row as usize + 1..)
        .zip(range.rows())
        .filter(|(_, cells)| cells.iter().any(|c| !text(c).trim().is_empty()))
        .map(|(number, cells)| Line {
            number,
            cells: cells.iter().map(text).collect(),
        })
        .collect();
    Ok(Grid {
        rows,
        first_column: first_column as usize,
    })
}

fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => match d.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.date().to_string(),
            Some(t) => t.to_string(),
            None => d.as_f64().to_string(),
        },
        Data::Error(e) => format!("#{e:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<(usize, Vec<String>)> {
        csv(text)
            .rows
            .into_iter()
            .map(|l| (l.number, l.cells))
            .collect()
    }

    #[test]
    fn quoted_fields_hold_separators_quotes_and_line_breaks() {
        assert_eq!(
            cells("a;b\r\n\"x;y\";\"say \"\"hi\"\"\nthere\"\r\n\r\nz;\n"),
            [
                (1, vec!["a".to_string(), "b".into()]),
                (2, vec!["x;y".into(), "say \"hi\"\nthere".into()]),
                (4, vec!["z".into(), "".into()]),
            ]
        );
    }

    #[test]
    fn the_separator_is_the_one_the_header_uses_most() {
        assert_eq!(separator("a,b,c\n1;2;3;4;5"), ',');
        assert_eq!(separator("\"a,b\";c;d\n"), ';');
        assert_eq!(separator("a\tb\n"), '\t');
        assert_eq!(separator("system\n"), ',');
    }

    #[test]
    fn windows_1252_is_read_when_the_file_is_not_utf8() {
        assert_eq!(decode(b"Leverant\xf6r"), "Leverantör");
        assert_eq!(decode("\u{feff}Leverantör".as_bytes()), "Leverantör");
    }

    #[test]
    fn columns_are_named_as_a_spreadsheet_names_them() {
        let grid = Grid {
            rows: Vec::new(),
            first_column: 0,
        };
        let names: Vec<String> = [0, 25, 26, 27, 701, 702]
            .iter()
            .map(|&i| grid.column_name(i))
            .collect();
        assert_eq!(names, ["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    }
}
