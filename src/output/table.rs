//! Terminal tables (reports, `plan rule`, `plan log`, `plan new-year`): fitted to the
//! width, wrapping prose and never ids or dates.

use comfy_table::{
    presets::UTF8_FULL_CONDENSED, ColumnConstraint, ContentArrangement, Table, Width,
};

/// A prose column is never squeezed narrower than this (or its longest cell): a
/// column of one letter per line helps nobody.
const MIN_PROSE_WIDTH: u16 = 24;

/// Used when neither `COLUMNS` nor the terminal gives a width (a pipe, a file, a
/// terminal that reports 0 columns).
const FALLBACK_WIDTH: u16 = 80;

/// The width to fit: `COLUMNS` when set (what shells export, and how a user asks
/// for another width), else the terminal's when it reports a usable one, else 80.
pub fn width() -> u16 {
    known_width().unwrap_or(FALLBACK_WIDTH)
}

/// `COLUMNS`, else the terminal's width; None when neither gives a usable one.
pub fn known_width() -> Option<u16> {
    let usable = |w: &u16| *w >= 20;
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(usable)
        .or_else(|| Table::new().width().filter(usable))
}

/// A table of `rows` under `header`, as wide as [`width`] allows. Only the columns
/// named in `prose` wrap (at spaces); the others (ids, dates, numbers) keep their
/// cells on one line, so `2027-03-06` or `ladok/ladok` is never broken in two.
///
/// When the columns that cannot wrap do not fit side by side, each row is shown as
/// a block of `column: value` lines instead of a table that spills over the edge.
pub fn render(
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
    prose: &[&str],
) -> String {
    // Control characters from the plans or git history are shown, not obeyed.
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|row| row.iter().map(|c| super::visible(c).into_owned()).collect())
        .collect();
    let width = width();
    let longest: Vec<usize> = (0..header.len())
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .flat_map(|c| c.lines())
                .map(|l| l.chars().count())
                .chain([header[i].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let least = |i: usize| {
        if prose.contains(&header[i]) {
            longest[i].min(usize::from(MIN_PROSE_WIDTH))
        } else {
            longest[i]
        }
    };
    // Each column takes its cells plus a space either side and one border.
    let needed: usize = (0..header.len()).map(|i| least(i) + 3).sum::<usize>() + 1;
    if needed > usize::from(width) {
        return records(header, &rows, usize::from(width));
    }
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    table.set_header(header.iter().copied());
    for row in rows {
        table.add_row(row);
    }
    for (i, name) in header.iter().enumerate() {
        let constraint = if prose.contains(name) {
            let least = u16::try_from(least(i)).unwrap_or(u16::MAX);
            ColumnConstraint::LowerBoundary(Width::Fixed(least))
        } else {
            ColumnConstraint::ContentWidth
        };
        if let Some(column) = table.column_mut(i) {
            column.set_constraint(constraint);
        }
    }
    format!("{table}\n")
}

/// Rows as blocks of `column: value` lines, one block per row, values wrapped at
/// spaces to `width` (a word longer than the line stays whole).
fn records(header: &[&str], rows: &[Vec<String>], width: usize) -> String {
    let label = header.iter().map(|h| h.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for (n, row) in rows.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        for (name, cell) in header.iter().zip(row) {
            if cell.is_empty() {
                continue;
            }
            let indent = label + 2;
            let lines = wrap(cell, width.saturating_sub(indent).max(20));
            for (i, line) in lines.iter().enumerate() {
                let name = if i == 0 {
                    format!("{name}:")
                } else {
                    String::new()
                };
                out.push_str(&format!("{name:<indent$}{line}\n"));
            }
        }
    }
    out
}

/// Words joined into lines of at most `width` characters; a longer word keeps a line
/// of its own, whole.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let len = line.chars().count();
            if len > 0 && len + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}
