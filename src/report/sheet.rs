//! One table model for every report: a header and rows of cells, each with its text
//! and what kind of value it is (a spreadsheet shows dates as dates, numbers as
//! numbers). The table, CSV, Markdown and XLSX renderers all take a [`Sheet`].

use super::Rows;
use chrono::NaiveDate;
use serde_json::Value;

/// A report as a grid.
pub struct Sheet {
    pub header: Vec<String>,
    /// What each column of `header` holds, set where the report defines its columns.
    pub kinds: Vec<ColumnKind>,
    pub rows: Vec<Vec<Cell>>,
}

/// What a column holds, for a terminal table that must fit the width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ColumnKind {
    /// Free text (names, descriptions), which may wrap at spaces.
    Prose,
    /// Ids, dates, numbers: never broken.
    Fixed,
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
            kinds: R::COLUMNS
                .iter()
                .map(|c| {
                    if R::PROSE.contains(c) {
                        ColumnKind::Prose
                    } else {
                        ColumnKind::Fixed
                    }
                })
                .collect(),
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

    /// Add a column headed `name` of `kind`; each row's cell is the next of `cells`.
    pub fn push_column(&mut self, name: String, kind: ColumnKind, cells: Vec<Cell>) {
        self.header.push(name);
        self.kinds.push(kind);
        for (row, cell) in self.rows.iter_mut().zip(cells) {
            row.push(cell);
        }
    }

    /// The names of the columns of free text.
    pub fn prose(&self) -> Vec<&str> {
        self.header
            .iter()
            .zip(&self.kinds)
            .filter(|(_, kind)| **kind == ColumnKind::Prose)
            .map(|(name, _)| name.as_str())
            .collect()
    }

    /// Each row's cells as text.
    pub fn texts(&self) -> impl Iterator<Item = Vec<String>> + '_ {
        self.rows
            .iter()
            .map(|row| row.iter().map(|c| c.text.clone()).collect())
    }
}
