//! Reports for the steering group: one year's plans as rows (upgrades, dependencies,
//! deviations, roles, systems), rendered as a table, JSON, CSV, Markdown, an XLSX
//! workbook — or, for dependencies, a Mermaid or Graphviz picture, and for upgrades
//! an iCalendar file.

pub mod deps;
pub mod deviations;
pub mod load;
pub mod render;
pub mod roles;
pub mod sheet;
pub mod systems;
pub mod upgrades;
pub mod xlsx;

pub use sheet::{Cell, ColumnKind, Sheet, Typed, Words};

use serde::Serialize;

/// A report's rows: named columns, and each row's cells as text. The same rows
/// serialise as JSON objects with the SPEC's field names.
pub trait Rows: Serialize {
    /// Column names, equal to the JSON field names.
    const COLUMNS: &'static [&'static str];
    /// The columns of free text, which a terminal table may wrap; the others (ids,
    /// dates, numbers) it never breaks.
    const PROSE: &'static [&'static str] = &[];
    /// The columns whose values the formats people read (table, Markdown, XLSX)
    /// show in words of the language; the others are shown as written. JSON and CSV
    /// always keep the values as written.
    const WORDS: &'static [(&'static str, Words)] = &[];
    /// One text per column.
    fn cells(&self) -> Vec<String>;
}

/// `Some("x")` → "x", None → "".
pub fn text(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

/// A boolean as JSON's and CSV's `yes`/`no` ([`Words::YesNo`] in words).
pub fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}
