//! Rendering report rows: terminal table, JSON, CSV, Markdown (XLSX: [`super::xlsx`]).

use super::{Rows, Sheet};
use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};

/// A terminal table that fits the terminal's width.
pub fn table(sheet: &Sheet) -> String {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    table.set_header(sheet.header.iter());
    for row in sheet.texts() {
        table.add_row(row.iter().map(|c| crate::output::visible(c).into_owned()));
    }
    format!("{table}\n")
}

/// A JSON array of row objects.
pub fn json<R: Rows>(rows: &[R]) -> String {
    let mut out = serde_json::to_string_pretty(rows).expect("rows serialise");
    out.push('\n');
    out
}

/// CSV (RFC 4180) with a header row.
pub fn csv(sheet: &Sheet) -> String {
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .map(|c| csv_field(c))
            .collect::<Vec<_>>()
            .join(",")
            + "\r\n"
    };
    let mut out = line(sheet.header.clone());
    for row in sheet.texts() {
        out.push_str(&line(row));
    }
    out
}

fn csv_field(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// A GitLab/GitHub Markdown table.
pub fn markdown(sheet: &Sheet) -> String {
    let line = |cells: Vec<String>| {
        let cells: Vec<String> = cells
            .iter()
            .map(|c| {
                crate::output::visible(c)
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
                    .replace('|', "\\|")
                    .replace('\n', " ")
            })
            .collect();
        format!("| {} |\n", cells.join(" | "))
    };
    let mut out = line(sheet.header.clone());
    out.push_str(&line(
        sheet.header.iter().map(|_| "---".to_string()).collect(),
    ));
    for row in sheet.texts() {
        out.push_str(&line(row));
    }
    out
}
