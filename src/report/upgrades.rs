//! `plan report upgrades`: the year's upgrade schedule, with the objects to tell.

use super::{text, yes_no, Rows, Words};
use crate::i18n::Lang;
use crate::index::{split_ref, ObjectEntry};
use crate::model::{Config, Plan};
use crate::report::load::Year;
use crate::tr;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

#[derive(Serialize)]
pub struct UpgradeRow {
    pub object: String,
    pub system: String,
    pub date: NaiveDate,
    pub kind: Option<String>,
    pub to_version: Option<String>,
    pub service_window: bool,
    pub cab: Option<String>,
    pub announced_on: Option<NaiveDate>,
    pub status: String,
    /// Objects whose systems depend on the upgraded system (depends_on or integration).
    pub dependents: Vec<String>,
}

impl Rows for UpgradeRow {
    const COLUMNS: &'static [&'static str] = &[
        "object",
        "system",
        "date",
        "kind",
        "to_version",
        "service_window",
        "cab",
        "announced_on",
        "status",
        "dependents",
    ];
    const PROSE: &'static [&'static str] = &["to_version", "dependents"];
    const WORDS: &'static [(&'static str, Words)] = &[
        ("kind", Words::Value("kind")),
        ("service_window", Words::YesNo),
        ("cab", Words::Value("cab")),
        ("status", Words::Value("upgrade-status")),
    ];
    fn cells(&self) -> Vec<String> {
        vec![
            self.object.clone(),
            self.system.clone(),
            self.date.to_string(),
            text(&self.kind),
            text(&self.to_version),
            yes_no(self.service_window),
            text(&self.cab),
            self.announced_on.map(|d| d.to_string()).unwrap_or_default(),
            self.status.clone(),
            self.dependents.join(", "),
        ]
    }
}

pub fn rows(year: &Year, config: &Config) -> Vec<UpgradeRow> {
    let rows = year
        .plans
        .iter()
        .flat_map(|p| rows_of(&p.object, &p.plan, config))
        .collect();
    with_dependents(rows, &year.entries)
}

/// The upgrades of one object's plan, their dependents not yet known (see
/// [`with_dependents`]).
pub fn rows_of(object: &str, plan: &Plan, config: &Config) -> Vec<UpgradeRow> {
    plan.upgrades
        .iter()
        .filter_map(|u| {
            let date = u.date.as_ref()?.val;
            Some(UpgradeRow {
                object: object.to_string(),
                system: u.system.as_ref()?.val.clone(),
                date,
                kind: u.kind.as_ref().map(|k| k.val.clone()),
                to_version: u.to_version.as_ref().map(|v| v.val.clone()),
                service_window: config.is_service_window(date),
                cab: u.cab_status.as_ref().map(|c| c.val.clone()),
                announced_on: u.announced_on.as_ref().map(|a| a.val),
                status: u
                    .status
                    .as_ref()
                    .map_or("planned".to_string(), |s| s.val.clone()),
                dependents: Vec::new(),
            })
        })
        .collect()
}

/// The year's upgrade rows with the objects that depend on each upgraded system
/// (from the year's index `entries`), in date order.
pub fn with_dependents(mut rows: Vec<UpgradeRow>, entries: &[ObjectEntry]) -> Vec<UpgradeRow> {
    // (object, system or None) → dependent objects.
    let mut dependents: HashMap<(&str, Option<&str>), BTreeSet<&str>> = HashMap::new();
    for (object, _, dep) in crate::report::load::edges(entries) {
        let (target, system) = split_ref(&dep.target);
        if target != object {
            dependents
                .entry((target, system))
                .or_default()
                .insert(object);
        }
    }
    for row in &mut rows {
        let hit: BTreeSet<&str> = [None, Some(row.system.as_str())]
            .iter()
            .flat_map(|s| {
                dependents
                    .get(&(row.object.as_str(), *s))
                    .into_iter()
                    .flatten()
                    .copied()
            })
            .collect();
        row.dependents = hit.into_iter().map(str::to_string).collect();
    }
    rows.sort_by(|a, b| (a.date, &a.object, &a.system).cmp(&(b.date, &b.object, &b.system)));
    rows
}

/// The schedule as an iCalendar file: one all-day event per upgrade (dependents in
/// the description) and one per service-window day of the year.
pub fn ics(
    rows: &[UpgradeRow],
    config: &Config,
    organisation: &str,
    year: i32,
    today: NaiveDate,
    lang: Lang,
) -> String {
    let stamp = format!("{}T000000Z", today.format("%Y%m%d"));
    // Written line by line into one buffer, folded as it goes (a large repository
    // has ten thousand upgrades: some hundred thousand lines).
    let mut out = String::with_capacity(1024 + rows.len() * 640);
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//plan//förvaltningsplaner//SV",
        "CALSCALE:GREGORIAN",
    ] {
        fold_into(&mut out, line);
    }
    fold_into(
        &mut out,
        &format!(
            "X-WR-CALNAME:{}",
            escape(&tr!(
                lang,
                "ics-calendar",
                year = year,
                organisation = organisation
            ))
        ),
    );
    let mut event =
        |uid: String, date: NaiveDate, summary: String, description: String, category: &str| {
            let out = &mut out;
            fold_into(out, "BEGIN:VEVENT");
            fold_into(out, &format!("UID:{uid}"));
            fold_into(out, &format!("DTSTAMP:{stamp}"));
            fold_into(
                out,
                &format!("DTSTART;VALUE=DATE:{}", date.format("%Y%m%d")),
            );
            fold_into(
                out,
                &format!(
                    "DTEND;VALUE=DATE:{}",
                    date.succ_opt().unwrap_or(date).format("%Y%m%d")
                ),
            );
            fold_into(out, &format!("SUMMARY:{}", escape(&summary)));
            if !description.is_empty() {
                fold_into(out, &format!("DESCRIPTION:{}", escape(&description)));
            }
            fold_into(out, &format!("CATEGORIES:{category}"));
            fold_into(out, "TRANSP:TRANSPARENT");
            fold_into(out, "END:VEVENT");
        };
    for r in rows {
        let upgrade = format!("{}/{}", r.object, r.system);
        let kind = match &r.kind {
            Some(kind) => lang.value("kind", kind),
            None => lang.text("ics-kind-none"),
        };
        let summary = match &r.to_version {
            Some(version) => tr!(
                lang,
                "ics-upgrade-to",
                upgrade = &upgrade,
                version = version,
                kind = &kind
            ),
            None => tr!(lang, "ics-upgrade", upgrade = &upgrade, kind = &kind),
        };
        let dependents = if r.dependents.is_empty() {
            lang.text("ics-dependents-none")
        } else {
            r.dependents.join(", ")
        };
        let mut description = vec![
            tr!(lang, "ics-object", object = &r.object),
            tr!(lang, "ics-system", system = &r.system),
            tr!(lang, "ics-kind", kind = kind),
            tr!(
                lang,
                "ics-status",
                status = lang.value("upgrade-status", &r.status)
            ),
        ];
        if let Some(cab) = &r.cab {
            description.push(tr!(lang, "ics-cab", cab = lang.value("cab", cab)));
        }
        description.push(tr!(lang, "ics-dependents", objects = dependents));
        let description = description.join("\n");
        event(
            format!("{}-{}-{}@plan", r.object, r.system, r.date.format("%Y%m%d")),
            r.date,
            summary,
            description,
            "UPPGRADERING",
        );
    }
    let first = NaiveDate::from_ymd_opt(year, 1, 1);
    for day in first
        .into_iter()
        .flat_map(|d| d.iter_days())
        .take_while(|d| chrono::Datelike::year(d) == year)
    {
        if config.is_service_window(day) {
            event(
                format!("servicefonster-{}@plan", day.format("%Y%m%d")),
                day,
                lang.text("ics-service-window"),
                String::new(),
                "SERVICEFÖNSTER",
            );
        }
    }
    fold_into(&mut out, "END:VCALENDAR");
    out
}

/// RFC 5545 text escaping.
fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// RFC 5545 line folding at 75 octets, CRLF line ends: `line` added to `out`.
fn fold_into(out: &mut String, line: &str) {
    if line.len() <= 75 {
        out.push_str(line);
        out.push_str("\r\n");
        return;
    }
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}
