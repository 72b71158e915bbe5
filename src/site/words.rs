//! What the pages say in words that depend on one plan only: the language, the role
//! model's labels, enumerated values, badges. Made once per site; each plan's part
//! of it is made with these as the plan is checked (`prepare`), borrowing the texts
//! from here instead of holding a copy per plan.

use super::Badge;
use crate::diag::Severity;
use crate::hash::{HashMap, HashSet};
use crate::i18n::Lang;
use crate::settings::Settings;
use crate::tr;
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
    /// The same, escaped for HTML once (see [`Escaped`]).
    escaped: HashMap<&'static str, String>,
    /// The footer of every page, escaped for HTML.
    footer: String,
    /// What every object page says of bilaga 3's checklist.
    pub checklist: String,
    /// The checklist's question ids.
    pub questions: HashSet<&'a str>,
    /// The checklist's questions' texts, in its order, escaped for HTML once (every
    /// object page shows each of them for every system).
    question_texts: Vec<String>,
}

/// A text already escaped for HTML: the templates write it as it is (askama skips
/// what is marked `HtmlSafe`), instead of escaping the same label on every page.
#[derive(Clone, Copy)]
pub struct Escaped<'a>(&'a str);

impl std::fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl askama::filters::HtmlSafe for Escaped<'_> {}

/// A message of the tool's for a page: escaped for HTML, with what it quotes between
/// backticks (ids such as `it_systemagare`, as the terminal shows them) set as code
/// instead of showing the backticks.
pub struct Coded(String);

impl Coded {
    pub fn new(text: &str) -> Coded {
        let quotes = text.matches('`').count();
        let mut out = String::with_capacity(text.len() + 6 * quotes);
        for (i, part) in text.split('`').enumerate() {
            match (i % 2 == 1, i < quotes) {
                (true, true) => {
                    out.push_str("<code>");
                    out.push_str(&html(part));
                    out.push_str("</code>");
                }
                // After a backtick that no other closes: as written.
                (true, false) => {
                    out.push('`');
                    out.push_str(&html(part));
                }
                (false, _) => out.push_str(&html(part)),
            }
        }
        Coded(out)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Display for Coded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl askama::filters::HtmlSafe for Coded {}

/// A text escaped for HTML as the templates escape it.
fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let _ = askama::filters::Escaper::write_escaped_str(&askama::filters::Html, &mut out, text);
    out
}

impl<'a> Words<'a> {
    pub fn new(l: Lang, settings: &'a Settings, year: i32, today: NaiveDate) -> Words<'a> {
        let labels: HashMap<&'static str, String> = ["site", "values"]
            .into_iter()
            .flat_map(crate::i18n::message_ids)
            .map(|id| (id, l.text(id)))
            .collect();
        let escaped = labels.iter().map(|(id, text)| (*id, html(text))).collect();
        Words {
            l,
            settings,
            year,
            today,
            labels,
            escaped,
            footer: html(&tr!(
                l,
                "site-footer",
                organisation = settings.config.organisation.as_str(),
                year = year
            )),
            questions: settings
                .checklist
                .questions
                .iter()
                .map(|q| q.id.as_str())
                .collect(),
            question_texts: settings
                .checklist
                .questions
                .iter()
                .map(|q| html(&q.text))
                .collect(),
            checklist: tr!(
                l,
                "site-checklist",
                title = settings.checklist.title.as_str()
            ),
        }
    }

    /// The checklist's questions, in its order: each id and its text escaped for HTML.
    pub fn questions(&self) -> impl Iterator<Item = (&str, Escaped<'_>)> {
        self.settings
            .checklist
            .questions
            .iter()
            .zip(&self.question_texts)
            .map(|(q, text)| (q.id.as_str(), Escaped(text)))
    }

    /// The footer of every page.
    pub fn footer(&self) -> Escaped<'_> {
        Escaped(&self.footer)
    }

    /// [`Words::t`] escaped for HTML, for the templates.
    pub fn html<'s>(&'s self, id: &'s str) -> Escaped<'s> {
        Escaped(self.escaped.get(id).map_or(id, String::as_str))
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

    /// Roles' labels (see [`Words::role_label`]) in a list: "Systemägare, Objektägare".
    pub fn role_labels(&self, ids: &[crate::model::Sp<String>]) -> String {
        ids.iter()
            .map(|r| self.role_label(&r.val))
            .collect::<Vec<_>>()
            .join(", ")
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
        self.value_badge(kind, value, "").text
    }

    /// An enumerated value in words as a badge of a class (see [`Words::value`]).
    pub fn value_badge(&self, kind: &str, value: &str, class: &'static str) -> Badge<'_> {
        let mut id = String::with_capacity(7 + kind.len() + value.len());
        id.push_str("value-");
        id.push_str(kind);
        id.push('-');
        id.extend(value.chars().map(|c| if c == '_' { '-' } else { c }));
        match self.labels.get_key_value(id.as_str()) {
            Some((id, text)) => Badge {
                text: Cow::Borrowed(text),
                class,
                id,
            },
            None => Badge {
                text: Cow::Owned(value.to_string()),
                class,
                id: "",
            },
        }
    }

    /// The facts a page lists, each with its label from the catalogue, leaving out
    /// those the plan does not give (an empty value). Kept exactly as long as it is:
    /// a large site holds tens of thousands of these lists.
    pub fn facts<V: AsRef<str>, const N: usize>(
        &self,
        pairs: [(&'static str, V); N],
    ) -> Vec<(&str, V)> {
        let given = |(_, value): &(&'static str, V)| !value.as_ref().is_empty();
        let mut facts = Vec::with_capacity(pairs.iter().filter(|p| given(p)).count());
        facts.extend(
            pairs
                .into_iter()
                .filter(given)
                .map(|(key, value)| (self.t(key), value)),
        );
        facts
    }

    pub fn yes_no(&self, b: bool) -> &str {
        self.t(if b { "value-yes" } else { "value-no" })
    }

    pub fn badge(&self, id: &'static str, class: &'static str) -> Badge<'_> {
        Badge {
            text: Cow::Borrowed(self.t(id)),
            class,
            id,
        }
    }

    pub fn status(&self, plan: &crate::model::Plan) -> Badge<'_> {
        let status = plan.status.as_ref().map_or("draft", |s| s.val.as_str());
        let class = if plan.status_is_established() {
            "good"
        } else {
            "warn"
        };
        self.value_badge("status", status, class)
    }

    /// Attested, stale or not attested: the words, and a class.
    pub fn attestation(&self, system: &crate::model::plan::System) -> Badge<'_> {
        match &system.appendix3 {
            Some(a) if a.attested_on.is_some() => {
                if a.digest_matches() {
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
        // The known values by their ids: a page shows some hundred answers.
        match value {
            "" => self.badge("site-unanswered", "bad"),
            "yes" => self.badge("value-answer-yes", "good"),
            "na" => self.badge("value-answer-na", "neutral"),
            "partial" => self.badge("value-answer-partial", "warn"),
            "no" => self.badge("value-answer-no", "warn"),
            _ => self.value_badge("answer", value, "bad"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Coded;

    #[test]
    fn quotes_between_backticks_are_code_and_the_rest_is_escaped() {
        let coded = |t: &str| Coded::new(t).to_string();
        assert_eq!(
            coded("rollen IT-systemägare (`it_systemagare`) saknas"),
            "rollen IT-systemägare (<code>it_systemagare</code>) saknas"
        );
        assert_eq!(coded("a `<b>` & `c"), "a <code>&#60;b&#62;</code> &#38; `c");
        assert_eq!(coded("no quotes"), "no quotes");
    }
}
