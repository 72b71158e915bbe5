//! What `plan new-year` prints and commits with: the table of objects and the
//! commit message.

use super::rows::{Action, Row};
use crate::i18n::{Lang, Msg};
use crate::{msg, tr};

/// The table of what happens to each object.
pub(super) fn table(rows: &[Row], to: i32, lang: Lang) -> String {
    let mut cells = Vec::new();
    for row in rows {
        let s = &row.summary;
        let (action, carried, dropped) = match &row.action {
            Action::Skip => (lang.text("new-year-skip"), Vec::new(), Vec::new()),
            Action::Write { .. } => {
                let count = |id: &'static str, n: usize| msg!(id, count = n);
                // Said only where there is something.
                let some = |id, n| (n > 0).then(|| count(id, n));
                let mut carried = vec![
                    count("new-year-systems", s.systems_kept.len()),
                    count("new-year-open-activities", s.activities_carried.len()),
                ];
                carried.extend(some("new-year-open-deviations", s.open_deviations.len()));
                let mut dropped = vec![count("new-year-upgrades", s.upgrades_dropped)];
                dropped.extend(some("new-year-activities-done", s.activities_done.len()));
                dropped.extend(some(
                    "new-year-activities-cancelled",
                    s.activities_cancelled.len(),
                ));
                for id in &s.systems_dropped {
                    dropped.push(msg!("new-year-system-retired", system = id));
                }
                (
                    tr!(lang, "new-year-write", file = format!("{to}.toml")),
                    carried,
                    dropped,
                )
            }
        };
        let list = |items: &[Msg], sep: &str| {
            items
                .iter()
                .map(|m| m.render(lang))
                .collect::<Vec<_>>()
                .join(sep)
        };
        cells.push(vec![
            row.object.clone(),
            action,
            list(&carried, ", "),
            list(&dropped, ", "),
            list(&row.notes, "; "),
        ]);
    }
    let header = ["object", "action", "carried", "dropped", "notes"]
        .map(|column| lang.text(&format!("new-year-col-{column}")));
    let header = header.each_ref().map(String::as_str);
    crate::output::table::render(&header, cells, &header[2..])
}

/// The commit message: a title, then one line per object written.
pub(super) fn message(rows: &[Row], from: i32, to: i32, lang: Lang) -> String {
    let mut m = format!(
        "{}\n\n",
        tr!(lang, "new-year-commit-title", to = to, from = from)
    );
    for row in rows {
        if let Action::Write { rel, .. } = &row.action {
            m.push_str(&format!("- {} ({rel})\n", row.object));
        }
    }
    m
}
