//! One object's page: the förvaltningsplan as a document to read, print and sign.

use super::pages::{date_text, Data, DepLine, UpgradeLine};
use super::{Badge, Chrome, Words};
use crate::diag::{amount, Span};
use crate::engine::Kept;
use crate::report::deviations::DeviationRow;
use crate::report::roles::RoleRow;
use crate::report::upgrades::UpgradeRow;
use crate::tr;
use askama::Template;
use chrono::NaiveDate;
use std::borrow::Cow;
use std::collections::BTreeSet;

#[derive(Template)]
#[template(path = "site/object.html")]
pub struct Page<'a, 'p> {
    pub c: Chrome<'a>,
    /// What the plan says.
    pub o: &'p ObjectView<'p>,
    /// What the other plans and the check add.
    pub x: Cross,
}

/// An object page's parts made from its own plan, as it is checked.
pub struct ObjectView<'a> {
    pub object: String,
    pub name: String,
    pub status: Badge,
    pub established_on: String,
    pub established_by: String,
    pub diarienummer: String,
    pub organisation_model: String,
    pub description: String,
    pub goals: Vec<(String, String)>,
    pub roles: Vec<RoleLine>,
    pub reference_group: Vec<(String, String)>,
    pub budget_hours: String,
    pub budget_sek: String,
    pub planned_hours: String,
    pub planned_sek: String,
    pub systems: Vec<SystemView>,
    pub integrations: Vec<IntegrationLine>,
    pub checklist: String,
    pub appendix3: Vec<AppendixView<'a>>,
    pub activities: Vec<ActivityLine>,
    pub establish_text: String,
    pub signers: Vec<String>,
}

/// An object page's parts that need the whole year: dependencies both ways, the
/// upgrades' dependents and flags, the findings (cross-object ones too).
pub struct Cross {
    pub findings_summary: String,
    pub depends_on: Vec<DepLine>,
    pub depended_on_by: Vec<DepLine>,
    pub graph: String,
    pub upgrades: Vec<UpgradeLine>,
    pub findings: Vec<FindingLine>,
}

/// What the site keeps of one plan once it is checked (the typed plan itself is
/// not kept: ten thousand of them would not fit in the memory the site may use).
pub struct Prepared<'a> {
    pub object: String,
    pub file: String,
    pub view: ObjectView<'a>,
    /// The model's required roles and their holders' names, for the index.
    pub holders: Vec<(String, String)>,
    /// Each upgrade's system, date and table, to find the findings on it.
    pub upgrade_spans: Vec<(String, NaiveDate, Span)>,
    /// The plan's report rows, moved into the year's when the site is made.
    pub upgrades: Vec<UpgradeRow>,
    pub deviations: Vec<DeviationRow>,
    pub roles: Vec<RoleRow>,
}

pub struct RoleLine {
    pub role: String,
    pub name: String,
    pub email: String,
    pub unit: String,
}

pub struct SystemView {
    pub id: String,
    pub name: String,
    pub facts: Vec<(String, String)>,
}

pub struct IntegrationLine {
    pub system: String,
    pub source: String,
    pub personal_data: String,
    pub legal_basis: String,
    pub purpose: String,
    pub contract: String,
}

pub struct AppendixView<'a> {
    pub system: String,
    pub title: String,
    pub state: Badge,
    pub attested: String,
    pub answers: Vec<AnswerLine<'a>>,
    pub sign_text: String,
}

pub struct AnswerLine<'a> {
    pub id: String,
    /// The question's full text, from the checklist.
    pub text: Cow<'a, str>,
    pub answer: Badge,
    pub note: String,
    pub details: Vec<(String, String)>,
}

pub struct ActivityLine {
    pub title: String,
    pub owner: String,
    pub period: String,
    pub hours: String,
    pub sek: String,
    pub status: String,
}

pub struct FindingLine {
    pub severity: Badge,
    pub rule: String,
    pub location: String,
    pub message: String,
    pub help: String,
}

fn text(v: &Option<crate::model::Sp<String>>) -> String {
    v.as_ref().map(|s| s.val.clone()).unwrap_or_default()
}

/// The object page's parts that need the whole year, around what [`prepare`] made.
pub fn page<'a, 'p>(data: &Data<'_>, p: &'p Prepared<'p>, organisation: &'a str) -> Page<'a, 'p> {
    let l = data.l;
    let c = Chrome {
        l,
        root: "../",
        title: tr!(
            l,
            "site-object-title",
            name = p.view.name.as_str(),
            year = data.year
        ),
        organisation,
        year: data.year,
        current: "",
    };
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
        .filter(|f| f.file == p.file)
        .map(|f| FindingLine {
            severity: data.severity(f.severity),
            rule: f.rule.to_string(),
            location: tr!(l, "site-finding-at", file = f.file.as_str(), line = f.line),
            message: f.message.render(l),
            help: f.help.as_ref().map(|h| h.render(l)).unwrap_or_default(),
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
            upgrades,
            findings,
        },
    }
}

/// What the site keeps of a plan that was just checked: its page's own parts and
/// its report rows.
pub fn prepare<'a>(w: &Words<'a>, k: &Kept<'_>) -> Prepared<'a> {
    let data = w;
    let l = w.l;
    let plan = k.plan;
    let object = k.object;
    let name = plan
        .name
        .as_ref()
        .map_or_else(|| object.to_string(), |n| n.val.clone());
    let none = || l.text("site-none");
    let labels = |ids: &[crate::model::Sp<String>]| {
        ids.iter()
            .map(|r| data.role_label(&r.val))
            .collect::<Vec<_>>()
            .join(", ")
    };

    let mut roles = Vec::new();
    for holders in &plan.roles {
        for person in &holders.people {
            roles.push(RoleLine {
                role: data.role_label(&holders.id.val),
                name: text(&person.name),
                email: text(&person.email),
                unit: text(&person.unit),
            });
        }
    }
    for (role, presence) in plan.absent_roles(&data.settings.roles) {
        if presence != crate::schema::Presence::Optional {
            roles.push(RoleLine {
                role: role.label.clone(),
                name: l.text("site-missing"),
                email: String::new(),
                unit: String::new(),
            });
        }
    }

    let number = |v: Option<f64>| v.map_or_else(none, amount);
    let (planned_hours, planned_sek) = plan.planned_totals();

    let systems = plan
        .systems
        .iter()
        .filter_map(|s| {
            let id = s.id.as_ref()?.val.clone();
            let mut facts = Vec::new();
            let mut fact = |key: &str, value: String| {
                if !value.is_empty() {
                    facts.push((l.text(key), value));
                }
            };
            fact("site-system-supplier", text(&s.supplier));
            fact("site-system-version", text(&s.version));
            fact(
                "site-system-hosting",
                s.hosting
                    .as_ref()
                    .map(|h| data.value("hosting", &h.val))
                    .unwrap_or_default(),
            );
            fact(
                "site-system-lifecycle",
                s.lifecycle
                    .as_ref()
                    .map(|h| data.value("lifecycle", &h.val))
                    .unwrap_or_default(),
            );
            fact(
                "site-system-personal-data",
                s.personal_data
                    .as_ref()
                    .map(|b| data.yes_no(b.val))
                    .unwrap_or_default(),
            );
            if let [Some(c), Some(i), Some(a)] = s.classification {
                fact(
                    "site-system-classification",
                    tr!(l, "site-classification", c = c, i = i, a = a),
                );
            }
            fact(
                "site-system-test-environment",
                s.test_environment
                    .as_ref()
                    .map(|b| data.yes_no(b.val))
                    .unwrap_or_default(),
            );
            if let Some(contract) = &s.contract {
                fact("site-contract-id", text(&contract.id));
                fact("site-contract-ends", date_text(&contract.ends));
                fact(
                    "site-contract-notice",
                    contract
                        .notice_date()
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                );
                fact("site-contract-owner", text(&contract.owner));
                fact(
                    "site-contract-dpa",
                    contract
                        .dpa
                        .as_ref()
                        .map(|b| data.yes_no(b.val))
                        .unwrap_or_default(),
                );
            }
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
            personal_data: data.yes_no(i.personal_data),
            legal_basis: text(&i.legal_basis),
            purpose: text(&i.purpose),
            contract: text(&i.contract),
        })
        .collect();

    let checklist = &data.settings.checklist;
    let attester = data.role_label(plan.attester(&data.settings.roles));
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
            let mut lines: Vec<AnswerLine> = Vec::new();
            // In the checklist's order, then answers to questions it lacks.
            let mut seen = BTreeSet::new();
            for q in &checklist.questions {
                seen.insert(q.id.as_str());
                let answer = answers.iter().find(|a| a.question.val == q.id);
                lines.push(answer_line(data, &q.id, Cow::Borrowed(&q.text), answer));
            }
            for a in answers
                .iter()
                .filter(|a| !seen.contains(a.question.val.as_str()))
            {
                lines.push(answer_line(
                    data,
                    &a.question.val,
                    Cow::Owned(l.text("site-question-unknown")),
                    Some(a),
                ));
            }
            let attested = match s.appendix3.as_ref() {
                Some(a) if a.attested_on.is_some() => tr!(
                    l,
                    "site-attested-by",
                    role = a
                        .attested_by
                        .as_ref()
                        .map(|r| data.role_label(&r.val))
                        .unwrap_or_default(),
                    date = date_text(&a.attested_on)
                ),
                _ => String::new(),
            };
            Some(AppendixView {
                title: tr!(
                    l,
                    "site-appendix3-system",
                    system = s.name.as_ref().map_or(id.as_str(), |n| n.val.as_str())
                ),
                state: data.attestation(s),
                attested,
                answers: lines,
                sign_text: tr!(
                    l,
                    "site-sign-attest",
                    role = attester.as_str(),
                    system = id.as_str()
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
                .map(|o| data.role_label(&o.val))
                .unwrap_or_default(),
            period: format!("{} – {}", date_text(&a.start), date_text(&a.end)),
            hours: a.hours.as_ref().map(|h| amount(h.val)).unwrap_or_default(),
            sek: a.sek.as_ref().map(|h| amount(h.val)).unwrap_or_default(),
            status: data.value(
                "activity-status",
                a.status.as_ref().map_or("planned", |s| s.val.as_str()),
            ),
        })
        .collect();

    let establishes = &data.settings.roles.establishes;
    let signers = if establishes.is_empty() {
        vec![data.role_label(plan.attester(&data.settings.roles))]
    } else {
        establishes.iter().map(|r| data.role_label(r)).collect()
    };

    let model = &data.settings.roles;
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
                .unwrap_or_else(|| l.text("site-missing"));
            (r.label.clone(), names)
        })
        .collect();

    let config = &data.settings.config;
    Prepared {
        object: object.to_string(),
        file: k.file.to_string(),
        holders,
        upgrade_spans: plan
            .upgrades
            .iter()
            .filter_map(|u| Some((u.system.as_ref()?.val.clone(), u.date.as_ref()?.val, u.span)))
            .collect(),
        upgrades: crate::report::upgrades::rows_of(object, plan, config),
        deviations: crate::report::deviations::rows_of(object, plan, model, data.today),
        roles: crate::report::roles::rows_of(object, plan),
        view: ObjectView {
            object: object.to_string(),
            status: data.status(plan),
            established_on: date_text(&plan.established_on),
            established_by: plan
                .established_by
                .as_ref()
                .map(|b| labels(&b.val))
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
            checklist: tr!(l, "site-checklist", title = checklist.title.as_str()),
            appendix3,
            activities,
            establish_text: tr!(
                l,
                "site-establish",
                name = name.as_str(),
                year = data.year
            ),
            signers,
            name,
        },
    }
}

fn answer_line<'a>(
    data: &Words<'_>,
    id: &str,
    question: Cow<'a, str>,
    answer: Option<&crate::model::plan::Answer>,
) -> AnswerLine<'a> {
    let l = data.l;
    let Some(a) = answer else {
        return AnswerLine {
            id: id.into(),
            text: question,
            answer: Badge {
                text: l.text("site-unanswered"),
                class: "bad",
            },
            note: String::new(),
            details: Vec::new(),
        };
    };
    let value = a.answer.as_ref().map_or("", |v| v.val.as_str());
    let class = match value {
        "yes" => "good",
        "na" => "neutral",
        "partial" | "no" => "warn",
        _ => "bad",
    };
    let mut details = Vec::new();
    let mut detail = |key: &str, value: String| {
        if !value.is_empty() {
            details.push((l.text(key), value));
        }
    };
    detail("site-deviation", text(&a.deviation));
    detail("site-deviation-action", text(&a.action));
    detail(
        "site-deviation-owner",
        a.owner
            .as_ref()
            .map(|o| data.role_label(&o.val))
            .unwrap_or_default(),
    );
    detail("site-deviation-due", date_text(&a.due));
    detail(
        "site-deviation-reported-to",
        a.reported_to
            .as_ref()
            .map(|r| {
                r.iter()
                    .map(|r| data.role_label(&r.val))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default(),
    );
    AnswerLine {
        id: id.into(),
        text: question.into(),
        answer: Badge {
            text: if value.is_empty() {
                l.text("site-unanswered")
            } else {
                data.value("answer", value)
            },
            class,
        },
        note: text(&a.justification),
        details,
    }
}

/// At most this many objects in an object page's picture of its neighbours.
const NEIGHBOURS_DRAWN: usize = 40;

/// The object, what it depends on and what depends on it: readable however large
/// the repository is.
fn neighbourhood(data: &Data<'_>, object: &str, out: &[DepLine], inc: &[DepLine]) -> String {
    let edges: Vec<(&str, &str, bool)> = out
        .iter()
        .map(|d| (object, d.target_object.as_str(), d.integration))
        .chain(
            inc.iter()
                .map(|d| (d.object.as_str(), object, d.integration)),
        )
        .filter(|(from, to, _)| from != to)
        .collect();
    let neighbours: BTreeSet<&str> = edges.iter().flat_map(|(a, b, _)| [*a, *b]).collect();
    // A hub that half the organisation depends on is listed, not drawn: a picture
    // of hundreds of boxes helps nobody (and would take long to lay out).
    if neighbours.len() < 2 || neighbours.len() > NEIGHBOURS_DRAWN {
        return String::new();
    }
    super::pages::object_graph(
        data,
        &tr!(data.l, "site-neighbourhood-title", object = object),
        [object],
        edges,
        Some(object),
        "",
    )
}
