//! One table model for every report: a header and rows of cells, each with its text
//! and what kind of value it is (a spreadsheet shows dates as dates, numbers as
//! numbers). The table, CSV, Markdown and XLSX renderers all take a [`Sheet`].

use super::Rows;
use chrono::NaiveDate;
use serde_json::Value;

/// A report as a grid.
pub struct Sheet {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// One cell: its text as every text format shows it, and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub text: String,
    pub value: Typed,
}

/// What a cell holds, for formats that keep types (XLSX).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Typed {
    Text,
    Number(f64),
    Date(NaiveDate),
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            value: Typed::Text,
        }
    }

    /// A cell whose text is `text` and whose value is read from the row's JSON value:
    /// a number stays a number, an ISO date a date; anything else is its text (so a
    /// boolean reads `yes`/`no`, as in the table).
    fn typed(text: String, json: Option<&Value>) -> Cell {
        let value = match json {
            Some(Value::Number(n)) => n.as_f64().map_or(Typed::Text, Typed::Number),
            Some(Value::String(s)) if s.len() == 10 => {
                NaiveDate::parse_from_str(s, "%Y-%m-%d").map_or(Typed::Text, Typed::Date)
            }
            _ => Typed::Text,
        };
        Cell { text, value }
    }
}

impl Sheet {
    /// The sheet of a report's rows: one column per [`Rows::COLUMNS`].
    pub fn of<R: Rows>(rows: &[R]) -> Sheet {
        Sheet {
            header: R::COLUMNS.iter().map(|c| c.to_string()).collect(),
            rows: rows
                .iter()
                .map(|row| {
                    let json = serde_json::to_value(row).unwrap_or(Value::Null);
                    row.cells()
                        .into_iter()
                        .zip(R::COLUMNS)
                        .map(|(text, column)| Cell::typed(text, json.get(column)))
                        .collect()
                })
                .collect(),
        }
    }

    /// Each row's cells as text.
    pub fn texts(&self) -> impl Iterator<Item = Vec<String>> + '_ {
        self.rows
            .iter()
            .map(|row| row.iter().map(|c| c.text.clone()).collect())
    }
}
