//! What the pages say in words that depend on one plan only: the language, the role
//! model's labels, enumerated values, badges. Made once per site; each plan's part
//! of it is made with these as the plan is checked (`prepare`).

use super::Badge;
use crate::diag::Severity;
use crate::i18n::Lang;
use crate::settings::Settings;
use chrono::NaiveDate;

pub struct Words<'a> {
    pub l: Lang,
    pub settings: &'a Settings,
    pub year: i32,
    pub today: NaiveDate,
}

impl Words<'_> {
    /// A role's label from the role model ("Systemägare"), else its id.
    pub fn role_label(&self, id: &str) -> String {
        self.settings
            .roles
            .role(id)
            .map_or_else(|| id.to_string(), |r| r.label.clone())
    }

    /// An enumerated value in words (`site-value-<kind>-<value>`), else as written.
    pub fn value(&self, kind: &str, value: &str) -> String {
        let id = format!("site-value-{kind}-{value}");
        if self.l.has(&id) {
            self.l.text(&id)
        } else {
            value.to_string()
        }
    }

    pub fn yes_no(&self, b: bool) -> String {
        self.l.text(if b { "site-yes" } else { "site-no" })
    }

    pub fn status(&self, plan: &crate::model::Plan) -> Badge {
        let status = plan.status.as_ref().map_or("draft", |s| s.val.as_str());
        Badge {
            text: self.value("status", status),
            class: if plan.status_is_established() {
                "good"
            } else {
                "warn"
            },
        }
    }

    /// Attested, stale or not attested: the words, and a class.
    pub fn attestation(&self, system: &crate::model::plan::System) -> Badge {
        let (id, class) = match &system.appendix3 {
            Some(a) if a.attested_on.is_some() => {
                let current = crate::digest::of_answers(&a.answers);
                if a.digest.as_ref().is_some_and(|d| d.val == current) {
                    ("site-attested", "good")
                } else {
                    ("site-attestation-stale", "bad")
                }
            }
            _ => ("site-not-attested", "bad"),
        };
        Badge {
            text: self.l.text(id),
            class,
        }
    }

    pub fn severity(&self, s: Severity) -> Badge {
        match s {
            Severity::Error => Badge {
                text: self.l.text("site-severity-error"),
                class: "bad",
            },
            Severity::Warning => Badge {
                text: self.l.text("site-severity-warning"),
                class: "warn",
            },
        }
    }

    pub fn window(&self, yes: bool) -> Badge {
        if yes {
            Badge {
                text: self.l.text("site-window-yes"),
                class: "good",
            }
        } else {
            Badge {
                text: self.l.text("site-window-no"),
                class: "warn",
            }
        }
    }
}
