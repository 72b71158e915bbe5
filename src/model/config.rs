//! `plan.toml`: the repository's settings.

use super::shape::{Field, Ty};
use super::tree::{Sp, Tbl};
use chrono::{Datelike, NaiveDate, Weekday};

const SERVICE_WINDOWS: &[Field] = &[
    Field {
        name: "weekday",
        ty: Ty::Enum(WEEKDAYS),
        required: true,
        doc: "Day of the week of the monthly service window.",
    },
    Field {
        name: "nth",
        ty: Ty::Int(1, 5),
        required: true,
        doc: "Which occurrence in the month: 1 for the first.",
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
        name: "service_windows",
        ty: Ty::Table(SERVICE_WINDOWS),
        required: false,
        doc: "The nth weekday of every month, e.g. { weekday = \"saturday\", nth = 1 }.",
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

/// The settings of a plan repository.
#[derive(Debug)]
pub struct Config {
    pub organisation: String,
    pub role_model: Sp<String>,
    pub checklist: Option<Sp<String>>,
    pub announce_days: i64,
    /// (weekday, nth) of the monthly service window.
    pub service_window: Option<(Weekday, u32)>,
    pub service_window_dates: Vec<NaiveDate>,
    /// Rule id → "error" | "warning" | "off", with the id's span.
    pub rules: Vec<(Sp<String>, String)>,
}

impl Config {
    /// Builds the settings from a parsed `plan.toml` that passed the shape check.
    pub fn from_tree(root: Tbl<'_, '_>) -> Config {
        let window = root.table("service_windows").and_then(|w| {
            let day: Weekday = w.str("weekday")?.val.parse().ok()?;
            Some((day, w.int("nth")?.val as u32))
        });
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
            service_window: window,
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
        self.service_window.is_some() || !self.service_window_dates.is_empty()
    }

    /// Whether a date is a service-window date.
    pub fn is_service_window(&self, date: NaiveDate) -> bool {
        self.service_window_dates.contains(&date)
            || self
                .service_window
                .is_some_and(|(day, nth)| date.weekday() == day && (date.day() - 1) / 7 + 1 == nth)
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
            service_window: Some((Weekday::Sat, 1)),
            service_window_dates: vec![NaiveDate::from_ymd_opt(2027, 6, 19).unwrap()],
            rules: Vec::new(),
        };
        let d = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
        assert!(config.is_service_window(d(3, 6)));
        assert!(!config.is_service_window(d(3, 13)));
        assert!(config.is_service_window(d(6, 19)));
        assert!(!config.is_service_window(d(3, 7)));
    }
}
