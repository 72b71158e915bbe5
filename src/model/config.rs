//! `plan.toml`: the repository's settings.

use super::format::{Field, Ty};
use super::tree::{Sp, Tbl};
use chrono::{Datelike, NaiveDate, Weekday};

const SERVICE_WINDOWS: &[Field] = &[
    Field {
        name: "weekday",
        ty: Ty::Enum(WEEKDAYS),
        required: true,
        doc: "Day of the week of the service window.",
    },
    Field {
        name: "nth",
        ty: Ty::Int(-1, 5),
        required: false,
        doc: "Which occurrence in the month: 1–5 for the nth, -1 for the last; absent for every week.",
    },
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

pub const SEVERITY_SETTINGS: &[&str] = &["error", "warning", "off"];

/// Every key of `plan.toml`.
pub const CONFIG: &[Field] = &[
    Field { name: "organisation", ty: Ty::Str, required: true, doc: "The organisation's name." },
    Field {
        name: "role_model",
        ty: Ty::Str,
        required: true,
        doc: "Built-in \"pm3-lu\" or \"municipal\", or a path in the repository such as \"schema/roles/x.toml\".",
    },
    Field {
        name: "checklist",
        ty: Ty::Str,
        required: false,
        doc: "Built-in \"infosak-kd\" (the default; Lund's bilaga 3) or \"infosak-bas\" (generic, ISO/IEC 27002), or a path in the repository.",
    },
    Field {
        name: "announce_days",
        ty: Ty::Int(0, 365),
        required: false,
        doc: "Upgrades are announced at least this many days ahead (default 7).",
    },
    Field {
        name: "language",
        ty: Ty::Enum(crate::i18n::CODES),
        required: false,
        doc: "The language of messages, reports and the site: \"sv\" or \"en\" (default \"en\").",
    },
    Field {
        name: "service_windows",
        ty: Ty::OneOrMany(&Ty::Table(SERVICE_WINDOWS)),
        required: false,
        doc: "One rule or a list: { weekday = \"saturday\", nth = 1 } (the first Saturday of every month), nth = -1 (the last), no nth (every week).",
    },
    Field {
        name: "service_window_dates",
        ty: Ty::Array(&Ty::Date),
        required: false,
        doc: "Extra service-window dates.",
    },
    Field {
        name: "rules",
        ty: Ty::Map(&Ty::Enum(SEVERITY_SETTINGS)),
        required: false,
        doc: "Severity overrides: rule id = \"error\" | \"warning\" | \"off\".",
    },
];

/// A recurring service window: a weekday, every week or one of them in each month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub weekday: Weekday,
    /// 1–5: the nth such weekday of the month; -1: the last; None: every week.
    pub nth: Option<i64>,
}

impl Window {
    /// Whether a date falls in this window.
    pub fn contains(&self, date: NaiveDate) -> bool {
        date.weekday() == self.weekday
            && match self.nth {
                None => true,
                Some(-1) => (date + chrono::Days::new(7)).month() != date.month(),
                Some(n) => i64::from((date.day() - 1) / 7 + 1) == n,
            }
    }
}

/// `nth = 0` passes the shape's range (-1–5) but names no weekday: a problem of its
/// own, pushed with the shape's.
pub fn window_problems(root: Tbl<'_, '_>, out: &mut Vec<super::shape::ShapeError>) {
    let windows: Vec<Tbl<'_, '_>> = match root.value("service_windows").map(|v| v.get_ref()) {
        Some(toml::de::DeValue::Array(_)) => root.tables("service_windows"),
        _ => root.table("service_windows").into_iter().collect(),
    };
    for nth in windows
        .iter()
        .filter_map(|w| w.int("nth"))
        .filter(|n| n.val == 0)
    {
        out.push(super::shape::ShapeError {
            span: nth.span,
            message: crate::msg!("schema-nth-zero"),
            help: Some(crate::msg!("schema-nth-zero.help")),
        });
    }
}

/// The settings of a plan repository.
#[derive(Debug)]
pub struct Config {
    pub organisation: String,
    pub role_model: Sp<String>,
    pub checklist: Option<Sp<String>>,
    pub announce_days: i64,
    /// `language`: None when absent (English unless `--lang` or `PLAN_LANG` say otherwise).
    pub language: Option<crate::i18n::Lang>,
    /// The recurring service windows.
    pub service_windows: Vec<Window>,
    pub service_window_dates: Vec<NaiveDate>,
    /// Rule id → "error" | "warning" | "off", with the id's span.
    pub rules: Vec<(Sp<String>, String)>,
}

impl Config {
    /// Builds the settings from a parsed `plan.toml` that passed the shape check.
    pub fn from_tree(root: Tbl<'_, '_>) -> Config {
        let window = |w: Tbl<'_, '_>| {
            Some(Window {
                weekday: w.str("weekday")?.val.parse().ok()?,
                nth: w.int("nth").map(|n| n.val).filter(|n| *n != 0),
            })
        };
        let windows = match root.value("service_windows").map(|v| v.get_ref()) {
            Some(toml::de::DeValue::Array(_)) => root
                .tables("service_windows")
                .into_iter()
                .filter_map(window)
                .collect(),
            _ => root
                .table("service_windows")
                .and_then(window)
                .into_iter()
                .collect(),
        };
        let rules = root
            .table("rules")
            .map(|r| {
                r.map
                    .iter()
                    .filter_map(|(k, _)| {
                        let value = r.str(k.get_ref())?;
                        Some((
                            Sp::new(k.get_ref().to_string(), super::tree::span_of(k)),
                            value.val,
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default();
        Config {
            organisation: root.str("organisation").map(|s| s.val).unwrap_or_default(),
            role_model: root
                .str("role_model")
                .unwrap_or_else(|| Sp::new(String::new(), root.span)),
            checklist: root.str("checklist"),
            announce_days: root.int("announce_days").map_or(7, |d| d.val),
            language: root
                .str("language")
                .and_then(|l| crate::i18n::Lang::from_code(&l.val)),
            service_windows: windows,
            service_window_dates: match root.value("service_window_dates") {
                Some(v) => match v.get_ref() {
                    toml::de::DeValue::Array(items) => items
                        .iter()
                        .filter_map(super::tree::as_date)
                        .map(|d| d.val)
                        .collect(),
                    _ => Vec::new(),
                },
                None => Vec::new(),
            },
            rules,
        }
    }

    /// Whether service windows are configured at all (else the rule is not evaluated).
    pub fn has_service_windows(&self) -> bool {
        !self.service_windows.is_empty() || !self.service_window_dates.is_empty()
    }

    /// Whether a date is a service-window date.
    pub fn is_service_window(&self, date: NaiveDate) -> bool {
        self.service_window_dates.contains(&date)
            || self.service_windows.iter().any(|w| w.contains(date))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_saturday_is_a_window() {
        let config = Config {
            organisation: String::new(),
            role_model: Sp::new("pm3-lu".into(), crate::diag::Span::START),
            checklist: None,
            announce_days: 7,
            language: None,
            service_windows: vec![Window {
                weekday: Weekday::Sat,
                nth: Some(1),
            }],
            service_window_dates: vec![NaiveDate::from_ymd_opt(2027, 6, 19).unwrap()],
            rules: Vec::new(),
        };
        let d = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
        assert!(config.is_service_window(d(3, 6)));
        assert!(!config.is_service_window(d(3, 13)));
        assert!(config.is_service_window(d(6, 19)));
        assert!(!config.is_service_window(d(3, 7)));
    }

    #[test]
    fn every_week_and_the_last_of_the_month() {
        let d = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
        let every_tuesday = Window {
            weekday: Weekday::Tue,
            nth: None,
        };
        assert!(every_tuesday.contains(d(3, 2)) && every_tuesday.contains(d(3, 30)));
        assert!(!every_tuesday.contains(d(3, 3)));
        let last_saturday = Window {
            weekday: Weekday::Sat,
            nth: Some(-1),
        };
        // March 2027 has four Saturdays, May five.
        assert!(last_saturday.contains(d(3, 27)) && !last_saturday.contains(d(3, 20)));
        assert!(last_saturday.contains(d(5, 29)) && !last_saturday.contains(d(5, 22)));
        let fifth = Window {
            weekday: Weekday::Sat,
            nth: Some(5),
        };
        assert!(fifth.contains(d(5, 29)) && !fifth.contains(d(3, 27)));
    }
}
