//! One table model for every report: a header and rows of cells, each with its text
//! and what kind of value it is (a spreadsheet shows dates as dates, numbers as
//! numbers). The table, CSV, Markdown and XLSX renderers all take a [`Sheet`].

use super::Rows;
use crate::i18n::Lang;
use crate::schema::RoleModel;
use chrono::NaiveDate;
use serde_json::Value;

/// A report as a grid.
pub struct Sheet {
    pub header: Vec<String>,
    /// What each column of `header` holds, set where the report defines its columns.
    pub kinds: Vec<ColumnKind>,
    /// How the formats people read show each column's values.
    pub words: Vec<Words>,
    pub rows: Vec<Vec<Cell>>,
}

/// How the formats people read (table, Markdown, XLSX) show a column's values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Words {
    /// As written: ids, names, dates, numbers, free text.
    AsWritten,
    /// An enumerated value of this kind, in words (`value-<kind>-<value>` in
    /// i18n/*/values.ftl): `major` is "Större uppgradering".
    Value(&'static str),
    /// A role id, as the role model's label: `objektagare` is "Objektägare".
    Role,
    /// `yes` or `no`, in words.
    YesNo,
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
            words: R::COLUMNS
                .iter()
                .map(|c| {
                    R::WORDS
                        .iter()
                        .find(|(name, _)| name == c)
                        .map_or(Words::AsWritten, |(_, words)| *words)
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

    /// Add a column headed `name` (the same in every language) of `kind`, its values
    /// shown as written; each row's cell is the next of `cells`.
    pub fn push_column(&mut self, name: String, kind: ColumnKind, cells: Vec<Cell>) {
        self.header.push(name);
        self.kinds.push(kind);
        self.words.push(Words::AsWritten);
        for (row, cell) in self.rows.iter_mut().zip(cells) {
            row.push(cell);
        }
    }

    /// The sheet as people read it (table, Markdown, XLSX): each column headed in
    /// the language (`report-col-<name>`; a column the catalogue does not name, such
    /// as a role's label, keeps its header), enumerated values in words and role ids
    /// as the role model's labels. Dates and numbers keep their values.
    pub fn for_people(&self, lang: Lang, model: &RoleModel) -> Sheet {
        let header = self
            .header
            .iter()
            .map(|name| {
                let id = format!("report-col-{name}");
                if lang.has(&id) {
                    lang.text(&id)
                } else {
                    name.clone()
                }
            })
            .collect();
        let rows = self
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&self.words)
                    .map(|(cell, words)| {
                        let text = &cell.text;
                        let text = match words {
                            _ if text.is_empty() => return cell.clone(),
                            Words::AsWritten => return cell.clone(),
                            Words::Value(kind) => lang.value(kind, text),
                            Words::Role => {
                                model.role(text).map_or(text.clone(), |r| r.label.clone())
                            }
                            Words::YesNo => match text.as_str() {
                                "yes" => lang.yes_no(true),
                                "no" => lang.yes_no(false),
                                _ => text.clone(),
                            },
                        };
                        Cell {
                            text,
                            value: cell.value,
                        }
                    })
                    .collect()
            })
            .collect();
        // A role's label is words ("Systemförvaltare/systemadministratör
        // (objektspecialist)"), which may wrap where the id could not.
        let kinds = self
            .kinds
            .iter()
            .zip(&self.words)
            .map(|(kind, words)| match words {
                Words::Role => ColumnKind::Prose,
                _ => *kind,
            })
            .collect();
        Sheet {
            header,
            kinds,
            words: self.words.clone(),
            rows,
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
