//! What `plan new-year` prints and commits with: the table of objects and the
//! commit message.

use super::plural;
use super::rows::{Action, Row};

/// The table of what happens to each object.
pub(super) fn table(rows: &[Row], to: i32) -> String {
    let mut cells = Vec::new();
    for row in rows {
        let s = &row.summary;
        let (action, carried, dropped) = match &row.action {
            Action::Skip => ("skip".to_string(), String::new(), String::new()),
            Action::Write { .. } => {
                let mut carried = vec![
                    plural(s.systems_kept.len(), "system", "systems"),
                    plural(
                        s.activities_carried.len(),
                        "open activity",
                        "open activities",
                    ),
                ];
                if !s.open_deviations.is_empty() {
                    carried.push(plural(
                        s.open_deviations.len(),
                        "open deviation",
                        "open deviations",
                    ));
                }
                let mut dropped = vec![plural(s.upgrades_dropped, "upgrade", "upgrades")];
                if !s.activities_done.is_empty() {
                    dropped.push(format!(
                        "{} done",
                        plural(s.activities_done.len(), "activity", "activities")
                    ));
                }
                if !s.activities_cancelled.is_empty() {
                    dropped.push(format!(
                        "{} cancelled",
                        plural(s.activities_cancelled.len(), "activity", "activities")
                    ));
                }
                for id in &s.systems_dropped {
                    dropped.push(format!("system {id} (retired)"));
                }
                (
                    format!("write {to}.toml"),
                    carried.join(", "),
                    dropped.join(", "),
                )
            }
        };
        cells.push(vec![
            row.object.clone(),
            action,
            carried,
            dropped,
            row.notes.join("; "),
        ]);
    }
    crate::output::table::render(
        &["object", "action", "carried", "dropped", "notes"],
        cells,
        &["carried", "dropped", "notes"],
    )
}

/// The commit message: a title, then one line per object written.
pub(super) fn message(rows: &[Row], from: i32, to: i32) -> String {
    let mut m = format!("Förvaltningsplaner {to}: utkast från {from}\n\n");
    for row in rows {
        if let Action::Write { rel, .. } = &row.action {
            m.push_str(&format!("- {} ({rel})\n", row.object));
        }
    }
    m
}
