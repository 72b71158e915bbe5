//! One object's page: the förvaltningsplan as a document to read, print and sign.

use super::pages::{date_text, Data, DepLine, UpgradeLine};
use super::words::{Coded, Escaped};
use super::{graph, Badge, Chrome, Words};
use crate::diag::{amount, Span};
use crate::engine::Kept;
use crate::hash::HashMap;
use crate::report::deviations::DeviationRow;
use crate::report::roles::RoleRow;
use crate::report::upgrades::UpgradeRow;
use crate::tr;
use askama::Template;
use chrono::NaiveDate;
use std::borrow::Cow;
use std::collections::BTreeMap;

#[derive(Template)]
#[template(path = "site/object.html")]
pub struct Page<'a> {
    pub c: Chrome<'a>,
    /// What the plan says.
    pub o: &'a ObjectView<'a>,
    /// What the other plans and the check add.
    pub x: Cross<'a>,
}

/// An object page's parts made from its own plan, as it is checked. Labels and
/// enumerated values are borrowed from [`Words`], not copied per plan.
pub struct ObjectView<'a> {
    pub object: String,
    pub name: String,
    pub status: Badge<'a>,
    pub established_on: String,
    pub established_by: String,
    pub diarienummer: String,
    pub organisation_model: String,
    pub description: String,
    pub goals: Vec<(String, String)>,
    pub roles: Vec<RoleLine<'a>>,
    pub reference_group: Vec<(String, String)>,
    pub budget_hours: String,
    pub budget_sek: String,
    pub planned_hours: String,
    pub planned_sek: String,
    pub systems: Vec<SystemView<'a>>,
    pub integrations: Vec<IntegrationLine<'a>>,
    pub appendix3: Vec<AppendixView<'a>>,
    pub activities: Vec<ActivityLine<'a>>,
    pub establish_text: String,
    pub signers: Vec<Cow<'a, str>>,
}

/// An object page's parts that need the whole year: dependencies both ways, the
/// upgrades' dependents and flags, the findings (cross-object ones too).
pub struct Cross<'a> {
    pub findings_summary: &'a str,
    pub depends_on: Vec<DepLine<'a>>,
    pub depended_on_by: Vec<DepLine<'a>>,
    pub graph: String,
    pub checklist: &'a str,
    pub upgrades: Vec<UpgradeLine<'a>>,
    pub findings: Vec<FindingLine<'a>>,
}

/// What the site keeps of one plan once it is checked (the typed plan itself is
/// not kept: ten thousand of them would not fit in the memory the site may use).
pub struct Prepared<'a> {
    pub object: String,
    pub file: String,
    pub view: ObjectView<'a>,
    /// The model's required roles and their holders' names, for the index.
    pub holders: Vec<(&'a str, Cow<'a, str>)>,
    /// Each upgrade's system, date and table, to find the findings on it.
    pub upgrade_spans: Vec<(String, NaiveDate, Span)>,
    /// The plan's report rows, moved into the year's when the site is made.
    pub upgrades: Vec<UpgradeRow>,
    pub deviations: Vec<DeviationRow>,
    pub roles: Vec<RoleRow>,
}

pub struct RoleLine<'a> {
    pub role: Cow<'a, str>,
    pub name: Cow<'a, str>,
    pub email: String,
    pub unit: String,
}

pub struct SystemView<'a> {
    pub id: String,
    pub name: String,
    pub facts: Vec<(&'a str, Cow<'a, str>)>,
}

pub struct IntegrationLine<'a> {
    pub system: String,
    pub source: String,
    pub personal_data: &'a str,
    pub legal_basis: String,
    pub purpose: String,
    pub contract: String,
}

pub struct AppendixView<'a> {
    pub system: String,
    pub title: String,
    pub state: Badge<'a>,
    pub attested: String,
    pub sign_text: String,
    /// The answer to each of the checklist's questions, in its order (kept small:
    /// a large repository holds some 300,000 of them).
    answers: Vec<Cell<'a>>,
    /// Answers to questions the checklist lacks: (question id, answer).
    unknown: Vec<(String, Cell<'a>)>,
}

/// An answer of bilaga 3 as kept.
struct Cell<'a> {
    value: Value,
    more: Option<Box<AnswerMore<'a>>>,
}

#[derive(Clone, Copy)]
enum Value {
    Unanswered,
    Yes,
    No,
    Partial,
    Na,
    /// A value the schema does not know, as written in [`AnswerMore::raw`].
    Other,
}

/// What an answer says besides its value, when it says anything.
pub struct AnswerMore<'a> {
    /// The value as written, when it is none of the known ones.
    raw: String,
    /// The justification.
    pub note: String,
    /// The deviation's action, owner, due date, who was told.
    pub details: Vec<(&'a str, String)>,
}

/// One question of bilaga 3 and its answer, as a page shows it.
pub struct AnswerLine<'a> {
    pub id: &'a str,
    /// The question's full text, from the checklist, escaped for HTML.
    pub text: Escaped<'a>,
    pub answer: Badge<'a>,
    pub more: Option<&'a AnswerMore<'a>>,
}

impl<'a> AppendixView<'a> {
    /// Every question with its answer: the checklist's, then those it lacks.
    pub fn lines(&'a self, w: &'a Words<'a>) -> Vec<AnswerLine<'a>> {
        let line = |id: &'a str, text: Escaped<'a>, cell: &'a Cell<'a>| {
            let value = match cell.value {
                Value::Unanswered => "",
                Value::Yes => "yes",
                Value::No => "no",
                Value::Partial => "partial",
                Value::Na => "na",
                Value::Other => cell.more.as_ref().map_or("", |m| m.raw.as_str()),
            };
            AnswerLine {
                id,
                text,
                answer: w.answer(value),
                more: cell
                    .more
                    .as_deref()
                    .filter(|m| !m.note.is_empty() || !m.details.is_empty()),
            }
        };
        let unknown = w.html("site-question-unknown");
        w.questions()
            .zip(&self.answers)
            .map(|((id, text), cell)| line(id, text, cell))
            .chain(
                self.unknown
                    .iter()
                    .map(|(id, cell)| line(id, unknown, cell)),
            )
            .collect()
    }
}

pub struct ActivityLine<'a> {
    pub title: String,
    pub owner: Cow<'a, str>,
    pub period: String,
    pub hours: String,
    pub sek: String,
    pub status: Cow<'a, str>,
}

pub struct FindingLine<'a> {
    pub severity: Badge<'a>,
    pub rule: &'a str,
    pub location: String,
    pub message: Coded,
    pub help: Coded,
}

/// The object page's parts that need the whole year, around what [`prepare`] made.
pub fn page<'a>(data: &'a Data<'a>, p: &'a Prepared<'a>) -> Page<'a> {
    let l = data.l;
    let c = data.chrome(
        "../",
        "",
        tr!(
            l,
            "site-object-title",
            name = p.view.name.as_str(),
            year = data.year
        ),
    );
    let depends_on: Vec<DepLine> = data.deps_of(&p.object, true).map(|d| data.dep(d)).collect();
    let depended_on_by: Vec<DepLine> = data
        .deps_of(&p.object, false)
        .map(|d| data.dep(d))
        .collect();
    let graph = neighbourhood(data, &p.object, &depends_on, &depended_on_by);
    let upgrades = data
        .upgrades_of(&p.object)
        .map(|u| data.upgrade(u))
        .collect();
    let findings = data
        .findings
        .get(p.object.as_str())
        .into_iter()
        .flatten()
        .filter(|f| *f.file == *p.file)
        .map(|f| FindingLine {
            severity: data.severity(f.severity),
            rule: f.rule.id,
            location: tr!(l, "site-finding-at", file = &*f.file, line = f.line),
            message: Coded::new(&f.message.render(l)),
            help: Coded::new(&f.help.as_ref().map(|h| h.render(l)).unwrap_or_default()),
        })
        .collect();
    Page {
        c,
        o: &p.view,
        x: Cross {
            findings_summary: data.findings_summary(&p.object),
            depends_on,
            depended_on_by,
            graph,
            checklist: &data.w.checklist,
            upgrades,
            findings,
        },
    }
}

fn text(v: &Option<crate::model::Sp<String>>) -> String {
    v.as_ref().map(|s| s.val.clone()).unwrap_or_default()
}

/// What the site keeps of a plan that was just checked: its page's own parts and
/// its report rows.
pub fn prepare<'a>(w: &'a Words<'a>, k: &Kept<'_>) -> Prepared<'a> {
    let l = w.l;
    let plan = k.plan;
    let object = k.object;
    let name = plan
        .name
        .as_ref()
        .map_or_else(|| object.to_string(), |n| n.val.clone());
    let model = &w.settings.roles;
    let mut roles = Vec::new();
    for holders in &plan.roles {
        for person in &holders.people {
            roles.push(RoleLine {
                role: w.role_label(&holders.id.val),
                name: Cow::Owned(text(&person.name)),
                email: text(&person.email),
                unit: text(&person.unit),
            });
        }
    }
    for (role, presence) in plan.absent_roles(model) {
        if presence != crate::schema::Presence::Optional {
            roles.push(RoleLine {
                role: Cow::Borrowed(role.label.as_str()),
                name: Cow::Borrowed(w.t("site-missing")),
                email: String::new(),
                unit: String::new(),
            });
        }
    }

    let number = |v: Option<f64>| v.map_or_else(|| w.t("site-none").to_string(), amount);
    let (planned_hours, planned_sek) = plan.planned_totals();

    let systems = plan
        .systems
        .iter()
        .filter_map(|s| {
            let id = s.id.as_ref()?.val.clone();
            let owned = |v: &Option<crate::model::Sp<String>>| Cow::Owned(text(v));
            let yes_no = |b: Option<&crate::model::Sp<bool>>| {
                Cow::Borrowed(b.map_or("", |b| w.yes_no(b.val)))
            };
            let classification = match s.classification {
                [Some(c), Some(i), Some(a)] => {
                    Cow::Owned(tr!(l, "site-classification", c = c, i = i, a = a))
                }
                _ => Cow::Borrowed(""),
            };
            let contract = s.contract.as_ref();
            let facts = w.facts([
                ("site-system-supplier", owned(&s.supplier)),
                ("site-system-version", owned(&s.version)),
                (
                    "site-system-hosting",
                    s.hosting
                        .as_ref()
                        .map(|h| w.value("hosting", &h.val))
                        .unwrap_or_default(),
                ),
                (
                    "site-system-lifecycle",
                    s.lifecycle
                        .as_ref()
                        .map(|h| w.value("lifecycle", &h.val))
                        .unwrap_or_default(),
                ),
                (
                    "site-system-personal-data",
                    yes_no(s.personal_data.as_ref()),
                ),
                ("site-system-classification", classification),
                (
                    "site-system-test-environment",
                    yes_no(s.test_environment.as_ref()),
                ),
                (
                    "site-contract-id",
                    contract.map_or_else(Cow::default, |c| owned(&c.id)),
                ),
                (
                    "site-contract-ends",
                    contract.map_or_else(Cow::default, |c| Cow::Owned(date_text(&c.ends))),
                ),
                (
                    "site-contract-notice",
                    contract
                        .and_then(|c| c.notice_date())
                        .map_or_else(Cow::default, |d| Cow::Owned(d.to_string())),
                ),
                (
                    "site-contract-owner",
                    contract.map_or_else(Cow::default, |c| owned(&c.owner)),
                ),
                (
                    "site-contract-dpa",
                    yes_no(contract.and_then(|c| c.dpa.as_ref())),
                ),
            ]);
            Some(SystemView {
                name: s
                    .name
                    .as_ref()
                    .map_or_else(|| id.clone(), |n| n.val.clone()),
                id,
                facts,
            })
        })
        .collect();

    let integrations = plan
        .systems
        .iter()
        .flat_map(|s| s.integrations.iter().map(move |i| (s, i)))
        .map(|(s, i)| IntegrationLine {
            system: text(&s.id),
            source: text(&i.source),
            personal_data: w.yes_no(i.personal_data),
            legal_basis: text(&i.legal_basis),
            purpose: text(&i.purpose),
            contract: text(&i.contract),
        })
        .collect();

    let checklist = &w.settings.checklist;
    let attester = w.role_label(plan.attester(model));
    let appendix3 = plan
        .systems
        .iter()
        .filter_map(|s| {
            let id = s.id.as_ref()?.val.clone();
            let answers = s
                .appendix3
                .as_ref()
                .map(|a| a.answers.as_slice())
                .unwrap_or_default();
            // In the checklist's order (the first answer to each question), then
            // answers to questions it lacks.
            let mut first: HashMap<&str, &crate::model::plan::Answer> = HashMap::default();
            for a in answers {
                first.entry(a.question.val.as_str()).or_insert(a);
            }
            let cells: Vec<Cell> = checklist
                .questions
                .iter()
                .map(|q| cell(w, first.get(q.id.as_str()).copied()))
                .collect();
            let unknown = answers
                .iter()
                .filter(|a| !w.questions.contains(a.question.val.as_str()))
                .map(|a| (a.question.val.clone(), cell(w, Some(a))))
                .collect();
            let attested = match s.appendix3.as_ref() {
                Some(a) if a.attested_on.is_some() => tr!(
                    l,
                    "site-attested-by",
                    role = a
                        .attested_by
                        .as_ref()
                        .map(|r| w.role_label(&r.val).into_owned())
                        .unwrap_or_default(),
                    date = date_text(&a.attested_on)
                ),
                _ => String::new(),
            };
            // Named as the page's heading names it: by its name, else its id.
            let system = s.name.as_ref().map_or(id.as_str(), |n| n.val.as_str());
            Some(AppendixView {
                title: tr!(l, "site-appendix3-system", system = system),
                state: w.attestation(s),
                attested,
                answers: cells,
                unknown,
                sign_text: tr!(
                    l,
                    "site-sign-attest",
                    role = attester.as_ref(),
                    system = system
                ),
                system: id,
            })
        })
        .collect();

    let activities = plan
        .activities
        .iter()
        .map(|a| ActivityLine {
            title: match (&a.id, &a.title) {
                (Some(id), Some(t)) => format!("{} {}", id.val, t.val),
                _ => a.label(),
            },
            owner: a
                .owner
                .as_ref()
                .map(|o| w.role_label(&o.val))
                .unwrap_or_default(),
            period: format!("{} – {}", date_text(&a.start), date_text(&a.end)),
            hours: a.hours.as_ref().map(|h| amount(h.val)).unwrap_or_default(),
            sek: a.sek.as_ref().map(|h| amount(h.val)).unwrap_or_default(),
            status: w.value(
                "activity-status",
                a.status.as_ref().map_or("planned", |s| s.val.as_str()),
            ),
        })
        .collect();

    let signers = if model.establishes.is_empty() {
        vec![attester.clone()]
    } else {
        model.establishes.iter().map(|r| w.role_label(r)).collect()
    };

    let holders = model
        .roles
        .iter()
        .filter(|r| model.presence(r, plan.om()) == crate::schema::Presence::Required)
        .map(|r| {
            let names = plan
                .holders(&r.id)
                .map(|h| {
                    h.people
                        .iter()
                        .filter_map(|p| p.name.as_ref().map(|n| n.val.as_str()))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .filter(|n| !n.is_empty())
                .map_or(Cow::Borrowed(w.t("site-missing")), Cow::Owned);
            (r.label.as_str(), names)
        })
        .collect();

    Prepared {
        object: object.to_string(),
        file: k.file.to_string(),
        holders,
        upgrade_spans: plan
            .upgrades
            .iter()
            .filter_map(|u| Some((u.system.as_ref()?.val.clone(), u.date.as_ref()?.val, u.span)))
            .collect(),
        upgrades: crate::report::upgrades::rows_of(object, plan, &w.settings.config),
        deviations: crate::report::deviations::rows_of(object, plan, model, w.today, l),
        roles: crate::report::roles::rows_of(object, plan),
        view: ObjectView {
            object: object.to_string(),
            status: w.status(plan),
            established_on: date_text(&plan.established_on),
            established_by: plan
                .established_by
                .as_ref()
                .map(|b| w.role_labels(&b.val))
                .unwrap_or_default(),
            diarienummer: text(&plan.diarienummer),
            organisation_model: plan
                .om()
                .map(|m| tr!(l, "site-organisation-model-value", model = m))
                .unwrap_or_default(),
            description: text(&plan.description),
            goals: plan
                .goals
                .iter()
                .map(|g| (text(&g.text), text(&g.measure)))
                .collect(),
            roles,
            reference_group: plan
                .reference_group
                .iter()
                .map(|p| (text(&p.name), text(&p.unit)))
                .collect(),
            budget_hours: number(
                plan.budget
                    .as_ref()
                    .and_then(|b| b.hours.as_ref())
                    .map(|h| h.val),
            ),
            budget_sek: number(
                plan.budget
                    .as_ref()
                    .and_then(|b| b.sek.as_ref())
                    .map(|h| h.val),
            ),
            planned_hours: amount(planned_hours),
            planned_sek: amount(planned_sek),
            systems,
            integrations,
            appendix3,
            activities,
            establish_text: tr!(l, "site-establish", name = name.as_str(), year = w.year),
            signers,
            name,
        },
    }
}

/// An answer as kept: its value, and its justification and deviation when it has them.
fn cell<'a>(w: &'a Words<'a>, answer: Option<&crate::model::plan::Answer>) -> Cell<'a> {
    let Some(a) = answer else {
        return Cell {
            value: Value::Unanswered,
            more: None,
        };
    };
    let details = w.facts([
        ("site-deviation", text(&a.deviation)),
        ("site-deviation-action", text(&a.action)),
        (
            "site-deviation-owner",
            a.owner
                .as_ref()
                .map(|o| w.role_label(&o.val).into_owned())
                .unwrap_or_default(),
        ),
        ("site-deviation-due", date_text(&a.due)),
        (
            "site-deviation-reported-to",
            a.reported_to
                .as_deref()
                .map(|r| w.role_labels(r))
                .unwrap_or_default(),
        ),
    ]);
    let note = text(&a.justification);
    let raw = a.answer.as_ref().map_or("", |v| v.val.as_str());
    let value = match raw {
        "" => Value::Unanswered,
        "yes" => Value::Yes,
        "no" => Value::No,
        "partial" => Value::Partial,
        "na" => Value::Na,
        _ => Value::Other,
    };
    let raw = match value {
        Value::Other => raw.to_string(),
        _ => String::new(),
    };
    Cell {
        value,
        more: (!note.is_empty() || !details.is_empty() || !raw.is_empty())
            .then(|| Box::new(AnswerMore { raw, note, details })),
    }
}

/// At most this many objects in an object page's picture of its neighbours.
const NEIGHBOURS_DRAWN: usize = 40;

/// The object, what it depends on and what depends on it: readable however large
/// the repository is.
fn neighbourhood(
    data: &Data<'_>,
    object: &str,
    out: &[DepLine<'_>],
    inc: &[DepLine<'_>],
) -> String {
    // One arrow per pair, dashed when every dependency between them is an integration.
    let mut pairs: BTreeMap<(&str, &str), bool> = BTreeMap::new();
    let edges = out
        .iter()
        .map(|d| (object, d.target_object, d.integration))
        .chain(inc.iter().map(|d| (d.object, object, d.integration)));
    for (from, to, integration) in edges.filter(|(from, to, _)| from != to) {
        *pairs.entry((from, to)).or_insert(true) &= integration;
    }
    // Each neighbour: whether it depends on the object, whether the object on it.
    let mut sides: BTreeMap<&str, (bool, bool)> = BTreeMap::new();
    for (from, to) in pairs.keys() {
        if *to == object {
            sides.entry(from).or_default().0 = true;
        } else {
            sides.entry(to).or_default().1 = true;
        }
    }
    // A hub that half the organisation depends on is listed, not drawn: a picture
    // of hundreds of boxes helps nobody (and would take long to lay out).
    if sides.is_empty() || sides.len() + 1 > NEIGHBOURS_DRAWN {
        return String::new();
    }
    // The object, then what depends on it, what does both ways, what it depends on,
    // each by name: neighbourhoods of one shape share one layout.
    let mut order: Vec<(&str, (bool, bool))> = sides.into_iter().collect();
    order.sort_by_key(|(id, (user, used))| (!user, *used, *id));
    let nodes: Vec<graph::Node> = std::iter::once(object)
        .chain(order.iter().map(|(id, _)| *id))
        .map(|id| graph::Node {
            id,
            label: id,
            href: (id != object && data.has_page(id)).then(|| format!("{id}.html")),
            focus: id == object,
        })
        .collect();
    let position = |id: &str| nodes.iter().position(|n| n.id == id);
    let mut edges: Vec<(Option<usize>, Option<usize>, graph::Edge)> = pairs
        .into_iter()
        .map(|((from, to), dashed)| {
            let edge = graph::Edge { from, to, dashed };
            (position(from), position(to), edge)
        })
        .collect();
    edges.sort_by_key(|(from, to, _)| (*from, *to));
    let edges: Vec<graph::Edge> = edges.into_iter().map(|(_, _, e)| e).collect();
    graph::svg(
        &tr!(data.l, "site-neighbourhood-title", object = object),
        &nodes,
        &edges,
        Some(&data.layouts),
    )
}
