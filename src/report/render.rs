//! Rendering report rows: terminal table, JSON, CSV, Markdown (XLSX: [`super::xlsx`]).

use super::{Rows, Sheet};

/// A terminal table that fits the width (see [`crate::output::table`]).
pub fn table(sheet: &Sheet) -> String {
    let header: Vec<&str> = sheet.header.iter().map(|h| h.as_ref()).collect();
    crate::output::table::render(&header, sheet.texts(), &sheet.prose())
}

/// A JSON array of row objects.
pub fn json<R: Rows>(rows: &[R]) -> String {
    let mut out = serde_json::to_string_pretty(rows).expect("rows serialise");
    out.push('\n');
    out
}

/// CSV (RFC 4180: CRLF line ends, fields quoted where they must be) with a header
/// row.
pub fn csv(sheet: &Sheet) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    for row in std::iter::once(sheet.header.clone()).chain(sheet.texts()) {
        writer.write_record(&row).expect("CSV written to memory");
    }
    let bytes = writer.into_inner().expect("CSV written to memory");
    String::from_utf8(bytes).expect("CSV of UTF-8 text is UTF-8")
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
