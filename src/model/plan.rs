//! The typed förvaltningsplan, built leniently from the parsed tree: values of the
//! wrong type are absent here (the schema pass has reported them already).

use super::tree::{as_str, span_of, Sp, Tbl};
use crate::diag::Span;
use crate::schema::{Presence, Role, RoleModel};
use chrono::NaiveDate;
use toml::de::DeValue;

/// One plan file: one management object, one year.
#[derive(Debug, Default)]
pub struct Plan {
    pub object: Option<Sp<String>>,
    pub name: Option<Sp<String>>,
    pub year: Option<Sp<i64>>,
    pub status: Option<Sp<String>>,
    pub established_on: Option<Sp<NaiveDate>>,
    /// Whether `established_on` is there at all: a value that is not a date is the
    /// schema pass's finding, not a missing date.
    pub established_on_given: bool,
    /// The roles that fastställde the plan; the span is the array's. None also when
    /// the value is not a list of strings.
    pub established_by: Option<Sp<Vec<Sp<String>>>>,
    /// Whether `established_by` is there at all: a value that is not a list of
    /// strings is the schema pass's finding, not a list that lacks roles.
    pub established_by_given: bool,
    pub organisation_model: Option<Sp<i64>>,
    /// The system's task and the activity it supports (handbook 6.5).
    pub description: Option<Sp<String>>,
    /// The decision's registration number.
    pub diarienummer: Option<Sp<String>>,
    /// The year's goals (mål).
    pub goals: Vec<Goal>,
    /// Span of the `roles` key (or the file start when absent).
    pub roles_span: Span,
    pub roles: Vec<RoleHolders>,
    pub reference_group: Vec<Person>,
    pub budget: Option<Budget>,
    pub systems: Vec<System>,
    pub upgrades: Vec<Upgrade>,
    pub activities: Vec<Activity>,
}

/// One of the year's goals, and how it is followed up.
#[derive(Debug)]
pub struct Goal {
    pub text: Option<Sp<String>>,
    pub measure: Option<Sp<String>>,
}

/// The people holding one role.
#[derive(Debug)]
pub struct RoleHolders {
    pub id: Sp<String>,
    pub people: Vec<Person>,
}

#[derive(Debug)]
pub struct Person {
    /// The table's span: its key or array element.
    pub span: Span,
    pub name: Option<Sp<String>>,
    pub email: Option<Sp<String>>,
    pub unit: Option<Sp<String>>,
    pub username: Option<Sp<String>>,
}

#[derive(Debug)]
pub struct Budget {
    pub span: Span,
    pub hours: Option<Sp<f64>>,
    pub sek: Option<Sp<f64>>,
}

#[derive(Debug)]
pub struct System {
    pub span: Span,
    pub id: Option<Sp<String>>,
    pub name: Option<Sp<String>>,
    pub supplier: Option<Sp<String>>,
    pub version: Option<Sp<String>>,
    /// Confidentiality, integrity, availability: 0–3 each.
    pub classification: [Option<i64>; 3],
    pub lifecycle: Option<Sp<String>>,
    /// internal | external | hybrid
    pub hosting: Option<Sp<String>>,
    pub personal_data: Option<Sp<bool>>,
    pub test_environment: Option<Sp<bool>>,
    pub contract: Option<Contract>,
    /// What the system register lists of it (`plan report systems`).
    pub register: Register,
    pub depends_on: Vec<Sp<String>>,
    pub integrations: Vec<Integration>,
    pub appendix3: Option<Appendix3>,
}

/// A system's entries in the system register (RegIT, LuSyFer), as plain values.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Register {
    pub supplier: Option<String>,
    pub hosting: Option<String>,
    pub version: Option<String>,
    pub personal_data: Option<bool>,
    /// `classification`: confidentiality, integrity, availability (0–3).
    pub confidentiality: Option<i64>,
    pub integrity: Option<i64>,
    pub availability: Option<i64>,
    /// `contract.id`.
    pub contract: Option<String>,
    /// `contract.owner`: avtalsägare.
    pub contract_owner: Option<String>,
}

/// A system's supplier contract.
#[derive(Debug)]
pub struct Contract {
    /// Span of the `contract` key.
    pub span: Span,
    pub id: Option<Sp<String>>,
    /// Avtalsägare.
    pub owner: Option<Sp<String>>,
    pub ends: Option<Sp<NaiveDate>>,
    /// Uppsägningstid: notice must be given this many months before `ends`.
    pub notice_months: Option<Sp<i64>>,
    /// Whether a personuppgiftsbiträdesavtal is signed.
    pub dpa: Option<Sp<bool>>,
}

impl Contract {
    /// The last day notice can be given: `ends` minus `notice_months` (the end of a
    /// shorter month when the day does not exist: 2028-03-31 minus 1 is 2028-02-29).
    pub fn notice_date(&self) -> Option<NaiveDate> {
        let ends = self.ends.as_ref()?.val;
        let months = u32::try_from(self.notice_months.as_ref()?.val).ok()?;
        ends.checked_sub_months(chrono::Months::new(months))
    }
}

#[derive(Debug)]
pub struct Integration {
    pub span: Span,
    pub source: Option<Sp<String>>,
    pub personal_data: bool,
    pub legal_basis: Option<Sp<String>>,
    /// Ändamål: why the data is fetched.
    pub purpose: Option<Sp<String>>,
    pub contract: Option<Sp<String>>,
}

#[derive(Debug)]
pub struct Appendix3 {
    /// Span of the `appendix3` key.
    pub span: Span,
    pub attested_by: Option<Sp<String>>,
    pub attested_on: Option<Sp<NaiveDate>>,
    pub digest: Option<Sp<String>>,
    /// The git identity (user.email) that ran `plan attest` (SPEC §3, v2).
    pub signed_by: Option<Sp<String>>,
    /// Span of the `answers` key, or of `appendix3` when absent.
    pub answers_span: Span,
    pub answers: Vec<Answer>,
    /// The digest of `answers` once computed ([`Appendix3::current_digest`]): the
    /// check, the deviations report and the site's badge all ask for it.
    current: std::sync::OnceLock<String>,
}

impl Appendix3 {
    /// The digest of the answers as they are now (computed once per plan read).
    pub fn current_digest(&self) -> &str {
        self.current
            .get_or_init(|| crate::model::digest::of_answers(&self.answers))
    }

    /// Whether `plan attest` (or someone) recorded who attested it and when.
    pub fn is_attested(&self) -> bool {
        self.attested_by.is_some() && self.attested_on.is_some()
    }

    /// Whether the recorded digest covers the answers as they are now.
    pub fn digest_matches(&self) -> bool {
        self.digest
            .as_ref()
            .is_some_and(|d| d.val == self.current_digest())
    }
}

/// One answered checklist question.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub question: Sp<String>,
    /// Span of the answer value (the string, or the inline table).
    pub span: Span,
    /// `yes`, `no`, `partial` or `na`; None when not one of them.
    pub answer: Option<Sp<String>>,
    /// Whether it was written as a table (`{ answer = … }`) rather than a bare string.
    pub detailed: bool,
    pub deviation: Option<Sp<String>>,
    pub action: Option<Sp<String>>,
    pub owner: Option<Sp<String>>,
    pub due: Option<Sp<NaiveDate>>,
    pub reported_to: Option<Vec<Sp<String>>>,
    pub justification: Option<Sp<String>>,
}

impl System {
    pub fn is_retired(&self) -> bool {
        self.lifecycle.as_ref().is_some_and(|l| l.val == "retired")
    }

    /// Whether the supplier runs the system (`hosting = "external"`): its releases are
    /// then the supplier's to time, not the organisation's change process.
    pub fn is_supplier_run(&self) -> bool {
        self.hosting.as_ref().is_some_and(|h| h.val == "external")
    }

    /// Hosted `external` or `hybrid`: a supplier runs (part of) it.
    pub fn is_supplier_hosted(&self) -> bool {
        self.hosting
            .as_ref()
            .is_some_and(|h| h.val == "external" || h.val == "hybrid")
    }
}

impl Answer {
    /// Whether the answer is a deviation (`no` or `partial`).
    pub fn is_deviation(&self) -> bool {
        self.answer
            .as_ref()
            .is_some_and(|a| a.val == "no" || a.val == "partial")
    }
}

#[derive(Debug)]
pub struct Upgrade {
    pub span: Span,
    pub system: Option<Sp<String>>,
    pub to_version: Option<Sp<String>>,
    pub date: Option<Sp<NaiveDate>>,
    pub kind: Option<Sp<String>>,
    pub cab_status: Option<Sp<String>>,
    pub announced_on: Option<Sp<NaiveDate>>,
    pub tested: Option<Sp<bool>>,
    pub status: Option<Sp<String>>,
}

impl Upgrade {
    /// Major and minor upgrades need a service window and a CAB decision.
    pub fn is_significant(&self) -> bool {
        self.kind
            .as_ref()
            .is_some_and(|k| k.val == "major" || k.val == "minor")
    }

    pub fn is_cancelled(&self) -> bool {
        self.status.as_ref().is_some_and(|s| s.val == "cancelled")
    }
}

#[derive(Debug)]
pub struct Activity {
    pub span: Span,
    pub id: Option<Sp<String>>,
    pub title: Option<Sp<String>>,
    pub owner: Option<Sp<String>>,
    pub start: Option<Sp<NaiveDate>>,
    pub end: Option<Sp<NaiveDate>>,
    pub hours: Option<Sp<f64>>,
    pub sek: Option<Sp<f64>>,
    pub status: Option<Sp<String>>,
    pub carried_from: Option<Sp<i64>>,
}

impl Activity {
    /// Planned or ongoing: work that is still to be done.
    pub fn is_open(&self) -> bool {
        self.status
            .as_ref()
            .is_none_or(|s| matches!(s.val.as_str(), "planned" | "ongoing"))
    }

    pub fn is_cancelled(&self) -> bool {
        self.status.as_ref().is_some_and(|s| s.val == "cancelled")
    }

    /// A name for messages: its id, or its title.
    pub fn label(&self) -> String {
        match (&self.id, &self.title) {
            (Some(id), _) => id.val.clone(),
            (None, Some(t)) => t.val.clone(),
            _ => "activity".into(),
        }
    }
}

impl Plan {
    /// Builds the typed plan from the root table of a parsed file.
    pub fn from_tree(root: Tbl<'_, '_>) -> Plan {
        Plan {
            object: root.str("object"),
            name: root.str("name"),
            year: root.int("year"),
            status: root.str("status"),
            established_on: root.date("established_on"),
            established_on_given: root.value("established_on").is_some(),
            established_by: root.str_list("established_by"),
            established_by_given: root.value("established_by").is_some(),
            organisation_model: root.int("organisation_model"),
            description: root.str("description"),
            diarienummer: root.str("diarienummer"),
            goals: root
                .tables("goals")
                .into_iter()
                .map(|g| Goal {
                    text: g.str("text"),
                    measure: g.str("measure"),
                })
                .collect(),
            roles_span: root.key_span("roles"),
            roles: root.table("roles").map(roles).unwrap_or_default(),
            reference_group: root
                .tables("reference_group")
                .into_iter()
                .map(person)
                .collect(),
            budget: root.table("budget").map(|t| Budget {
                span: t.span,
                hours: t.num("hours"),
                sek: t.num("sek"),
            }),
            systems: root.tables("systems").into_iter().map(system).collect(),
            upgrades: root.tables("upgrades").into_iter().map(upgrade).collect(),
            activities: root
                .tables("activities")
                .into_iter()
                .map(activity)
                .collect(),
        }
    }

    pub fn status_is_established(&self) -> bool {
        self.status
            .as_ref()
            .is_some_and(|s| s.val == "established" || s.val == "revised")
    }

    pub fn om(&self) -> Option<i64> {
        self.organisation_model.as_ref().map(|o| o.val)
    }

    pub fn holders(&self, role: &str) -> Option<&RoleHolders> {
        self.roles.iter().find(|r| r.id.val == role)
    }

    /// Whether someone holds the role in this plan.
    pub fn holds(&self, role: &str) -> bool {
        self.holders(role).is_some_and(|h| !h.people.is_empty())
    }

    /// The role that attests appendix 3 in this plan (the first role of the model's
    /// attester list that the plan holds).
    pub fn attester<'m>(&self, model: &'m RoleModel) -> &'m str {
        model.attester(self.om(), &|r| self.holds(r))
    }

    /// The roles this plan's deviations must be reported to (of each report-to entry
    /// of the model, the first role the plan holds).
    pub fn report_to<'m>(&self, model: &'m RoleModel) -> Vec<&'m str> {
        model.report_to(self.om(), &|r| self.holds(r))
    }

    /// The role that attests this plan's appendix 3 under `model`, and the e-mail
    /// addresses (lower-cased) of the people holding it. `plan attest` and
    /// `--verify-attestations` both ask here, so one place decides who attests.
    pub fn attesting<'m>(&self, model: &'m RoleModel) -> (&'m str, Vec<String>) {
        let role = self.attester(model);
        (role, self.emails_of(role))
    }

    /// The e-mail addresses (lower-cased) of the people holding `role`.
    pub fn emails_of(&self, role: &str) -> Vec<String> {
        self.holders(role)
            .map(|h| {
                h.people
                    .iter()
                    .filter_map(|p| p.email.as_ref())
                    .map(|e| e.val.to_lowercase())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Hours and SEK planned by all activities but cancelled ones.
    pub fn planned_totals(&self) -> (f64, f64) {
        let active = || self.activities.iter().filter(|a| !a.is_cancelled());
        let hours = active()
            .filter_map(|a| a.hours.as_ref())
            .map(|h| h.val)
            .sum();
        let sek = active().filter_map(|a| a.sek.as_ref()).map(|s| s.val).sum();
        (hours, sek)
    }

    /// The model's roles nobody holds in this plan, with how strongly they are needed
    /// under this plan's organisation model.
    pub fn absent_roles<'m>(&self, model: &'m RoleModel) -> Vec<(&'m Role, Presence)> {
        model
            .roles
            .iter()
            .filter(|r| !self.holds(&r.id))
            .map(|r| (r, model.presence(r, self.om())))
            .collect()
    }

    pub fn system(&self, id: &str) -> Option<&System> {
        self.systems
            .iter()
            .find(|s| s.id.as_ref().is_some_and(|i| i.val == id))
    }
}

fn roles(table: Tbl<'_, '_>) -> Vec<RoleHolders> {
    table
        .map
        .iter()
        .map(|(key, value)| {
            let id = Sp::new(key.get_ref().to_string(), span_of(key));
            let people = match value.get_ref() {
                DeValue::Table(t) => vec![person(Tbl::new(t, span_of(key)))],
                DeValue::Array(items) => items
                    .iter()
                    .filter_map(|item| match item.get_ref() {
                        DeValue::Table(t) => Some(person(Tbl::new(t, span_of(item)))),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            RoleHolders { id, people }
        })
        .collect()
}

fn person(t: Tbl<'_, '_>) -> Person {
    Person {
        span: t.span,
        name: t.str("name"),
        email: t.str("email"),
        unit: t.str("unit"),
        username: t.str("username"),
    }
}

fn system(t: Tbl<'_, '_>) -> System {
    System {
        span: t.span,
        id: t.str("id"),
        name: t.str("name"),
        supplier: t.str("supplier"),
        version: t.str("version"),
        classification: {
            let c = t.table("classification");
            ["confidentiality", "integrity", "availability"]
                .map(|k| c.and_then(|c| c.int(k)).map(|v| v.val))
        },
        lifecycle: t.str("lifecycle"),
        hosting: t.str("hosting"),
        personal_data: t.bool("personal_data"),
        test_environment: t.bool("test_environment"),
        contract: t.table("contract").map(|c| Contract {
            span: c.span,
            id: c.str("id"),
            owner: c.str("owner"),
            ends: c.date("ends"),
            notice_months: c.int("notice_months"),
            dpa: c.bool("dpa"),
        }),
        register: register(t),
        depends_on: t.strs("depends_on"),
        integrations: t
            .tables("integrations")
            .into_iter()
            .map(|i| Integration {
                span: i.span,
                source: i.str("source"),
                personal_data: i.bool("personal_data").is_some_and(|b| b.val),
                legal_basis: i.str("legal_basis"),
                purpose: i.str("purpose"),
                contract: i.str("contract"),
            })
            .collect(),
        appendix3: t.table("appendix3").map(appendix3),
    }
}

fn register(t: Tbl<'_, '_>) -> Register {
    let text = |key: &str| t.str(key).map(|s| s.val);
    let class = t.table("classification");
    let level = |key: &str| class.and_then(|c| c.int(key)).map(|l| l.val);
    let contract = t.table("contract");
    Register {
        supplier: text("supplier"),
        hosting: text("hosting"),
        version: text("version"),
        personal_data: t.bool("personal_data").map(|b| b.val),
        confidentiality: level("confidentiality"),
        integrity: level("integrity"),
        availability: level("availability"),
        contract: contract.and_then(|c| c.str("id")).map(|s| s.val),
        contract_owner: contract.and_then(|c| c.str("owner")).map(|s| s.val),
    }
}

fn appendix3(t: Tbl<'_, '_>) -> Appendix3 {
    let answers = t.table("answers");
    Appendix3 {
        span: t.span,
        attested_by: t.str("attested_by"),
        attested_on: t.date("attested_on"),
        digest: t.str("digest"),
        signed_by: t.str("signed_by"),
        answers_span: answers.map_or(t.span, |a| a.span),
        answers: answers
            .map(|a| {
                a.map
                    .iter()
                    .map(|(k, v)| answer(Sp::new(k.get_ref().to_string(), span_of(k)), v))
                    .collect()
            })
            .unwrap_or_default(),
        current: std::sync::OnceLock::new(),
    }
}

fn answer(question: Sp<String>, value: &toml::Spanned<DeValue<'_>>) -> Answer {
    let span = span_of(value);
    let plain = |answer: Option<Sp<String>>| Answer {
        question: question.clone(),
        span,
        answer,
        detailed: false,
        deviation: None,
        action: None,
        owner: None,
        due: None,
        reported_to: None,
        justification: None,
    };
    match value.get_ref() {
        DeValue::Table(map) => {
            let t = Tbl::new(map, span);
            Answer {
                detailed: true,
                deviation: t.str("deviation"),
                action: t.str("action"),
                owner: t.str("owner"),
                due: t.date("due"),
                reported_to: t.value("reported_to").map(|_| t.strs("reported_to")),
                justification: t.str("justification"),
                ..plain(valid_answer(t.str("answer")))
            }
        }
        _ => plain(valid_answer(as_str(value))),
    }
}

fn valid_answer(a: Option<Sp<String>>) -> Option<Sp<String>> {
    a.filter(|a| super::format::ANSWERS.contains(&a.val.as_str()))
}

fn upgrade(t: Tbl<'_, '_>) -> Upgrade {
    Upgrade {
        span: t.span,
        system: t.str("system"),
        to_version: t.str("to_version"),
        date: t.date("date"),
        kind: t.str("kind"),
        cab_status: t.table("cab").and_then(|c| c.str("status")),
        announced_on: t.date("announced_on"),
        tested: t.bool("tested"),
        status: t.str("status"),
    }
}

fn activity(t: Tbl<'_, '_>) -> Activity {
    Activity {
        span: t.span,
        id: t.str("id"),
        title: t.str("title"),
        owner: t.str("owner"),
        start: t.date("start"),
        end: t.date("end"),
        hours: t.num("hours"),
        sek: t.num("sek"),
        status: t.str("status"),
        carried_from: t.int("carried_from"),
    }
}
