//! What the pages say in words that depend on one plan only: the language, the role
//! model's labels, enumerated values, badges. Made once per site; each plan's part
//! of it is made with these as the plan is checked (`prepare`), borrowing the texts
//! from here instead of holding a copy per plan.

use super::Badge;
use crate::diag::Severity;
use crate::hash::HashMap;
use crate::i18n::Lang;
use crate::settings::Settings;
use chrono::NaiveDate;
use std::borrow::Cow;

pub struct Words<'a> {
    pub l: Lang,
    pub settings: &'a Settings,
    pub year: i32,
    pub today: NaiveDate,
    /// Every text of the site's catalogue, rendered once (a large site uses each
    /// heading and label tens of thousands of times).
    labels: HashMap<&'static str, String>,
}

impl<'a> Words<'a> {
    pub fn new(l: Lang, settings: &'a Settings, year: i32, today: NaiveDate) -> Words<'a> {
        Words {
            l,
            settings,
            year,
            today,
            labels: ["site", "values"]
                .into_iter()
                .flat_map(crate::i18n::message_ids)
                .map(|id| (id, l.text(id)))
                .collect(),
        }
    }

    /// A message of the site's catalogue without arguments (the id itself when the
    /// catalogue lacks it, as `Lang::text` does).
    pub fn t<'s>(&'s self, id: &'s str) -> &'s str {
        self.labels.get(id).map_or(id, String::as_str)
    }

    /// A role's label from the role model ("Systemägare"), else its id.
    pub fn role_label(&self, id: &str) -> Cow<'a, str> {
        match self.settings.roles.role(id) {
            Some(role) => Cow::Borrowed(role.label.as_str()),
            None => Cow::Owned(id.to_string()),
        }
    }

    /// A message of the site's catalogue whose id is made at run time (the id itself
    /// when the catalogue lacks it).
    pub fn text(&self, id: &str) -> Cow<'_, str> {
        match self.labels.get(id) {
            Some(text) => Cow::Borrowed(text),
            None => Cow::Owned(id.to_string()),
        }
    }

    /// An enumerated value in words, else as written (as `Lang::value`).
    pub fn value<'s>(&'s self, kind: &str, value: &str) -> Cow<'s, str> {
        match self
            .labels
            .get(format!("value-{kind}-{}", value.replace('_', "-")).as_str())
        {
            Some(text) => Cow::Borrowed(text),
            None => Cow::Owned(value.to_string()),
        }
    }

    pub fn yes_no(&self, b: bool) -> &str {
        self.t(if b { "value-yes" } else { "value-no" })
    }

    pub fn badge(&self, id: &'static str, class: &'static str) -> Badge<'_> {
        Badge {
            text: Cow::Borrowed(self.t(id)),
            class,
        }
    }

    pub fn status(&self, plan: &crate::model::Plan) -> Badge<'_> {
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
    pub fn attestation(&self, system: &crate::model::plan::System) -> Badge<'_> {
        match &system.appendix3 {
            Some(a) if a.attested_on.is_some() => {
                let current = crate::model::digest::of_answers(&a.answers);
                if a.digest.as_ref().is_some_and(|d| d.val == current) {
                    self.badge("site-attested", "good")
                } else {
                    self.badge("site-attestation-stale", "bad")
                }
            }
            _ => self.badge("site-not-attested", "bad"),
        }
    }

    pub fn severity(&self, s: Severity) -> Badge<'_> {
        match s {
            Severity::Error => self.badge("site-severity-error", "bad"),
            Severity::Warning => self.badge("site-severity-warning", "warn"),
        }
    }

    pub fn window(&self, yes: bool) -> Badge<'_> {
        if yes {
            self.badge("site-window-yes", "good")
        } else {
            self.badge("site-window-no", "warn")
        }
    }

    /// An answer of bilaga 3 as a badge: yes good, not applicable neutral, partly
    /// or no a warning, anything else (unanswered, unknown) bad.
    pub fn answer(&self, value: &str) -> Badge<'_> {
        if value.is_empty() {
            return self.badge("site-unanswered", "bad");
        }
        Badge {
            text: self.value("answer", value),
            class: match value {
                "yes" => "good",
                "na" => "neutral",
                "partial" | "no" => "warn",
                _ => "bad",
            },
        }
    }
}
