//! One object's page: the förvaltningsplan as a document to read, print and sign.

use super::pages::{date_text, Data, DepLine, UpgradeLine};
use super::{Badge, Chrome};
use crate::diag::amount;
use crate::report::load::Loaded;
use crate::tr;
use askama::Template;
use std::collections::BTreeSet;

#[derive(Template)]
#[template(path = "site/object.html")]
pub struct Page<'a> {
    pub c: Chrome<'a>,
    pub o: ObjectView,
}

pub struct ObjectView {
    pub object: String,
    pub status: Badge,
    pub established_on: String,
    pub established_by: String,
    pub diarienummer: String,
    pub organisation_model: String,
    pub findings_summary: String,
    pub description: String,
    pub goals: Vec<(String, String)>,
    pub roles: Vec<RoleLine>,
    pub reference_group: Vec<(String, String)>,
    pub budget_hours: String,
    pub budget_sek: String,
    pub planned_hours: String,
    pub planned_sek: String,
    pub systems: Vec<SystemView>,
    pub depends_on: Vec<DepLine>,
    pub depended_on_by: Vec<DepLine>,
    pub graph: String,
    pub integrations: Vec<IntegrationLine>,
    pub checklist: String,
    pub appendix3: Vec<AppendixView>,
    pub upgrades: Vec<UpgradeLine>,
    pub activities: Vec<ActivityLine>,
    pub findings: Vec<FindingLine>,
    pub establish_text: String,
    pub signers: Vec<String>,
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

pub struct AppendixView {
    pub system: String,
    pub title: String,
    pub state: Badge,
    pub attested: String,
    pub answers: Vec<AnswerLine>,
    pub sign_text: String,
}

pub struct AnswerLine {
    pub id: String,
    pub text: String,
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

pub fn page<'a>(data: &Data<'_>, p: &Loaded, organisation: &'a str) -> Page<'a> {
    let l = data.l;
    let plan = &p.plan;
    let name = plan
        .name
        .as_ref()
        .map_or_else(|| p.object.clone(), |n| n.val.clone());
    let c = Chrome {
        l,
        root: "../",
        title: tr!(
            l,
            "site-object-title",
            name = name.as_str(),
            year = data.year.year
        ),
        organisation,
        year: data.year.year,
        current: "",
    };
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

    let depends_on: Vec<DepLine> = data.deps_of(&p.object, true).map(|d| data.dep(d)).collect();
    let depended_on_by: Vec<DepLine> = data
        .deps_of(&p.object, false)
        .map(|d| data.dep(d))
        .collect();
    let graph = neighbourhood(data, &p.object, &depends_on, &depended_on_by);

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
                lines.push(answer_line(data, &q.id, &q.text, answer));
            }
            for a in answers
                .iter()
                .filter(|a| !seen.contains(a.question.val.as_str()))
            {
                lines.push(answer_line(
                    data,
                    &a.question.val,
                    &l.text("site-question-unknown"),
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

    let upgrades = data
        .upgrades_of(&p.object)
        .map(|u| data.upgrade(u))
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

    let findings = data
        .findings
        .get(p.object.as_str())
        .into_iter()
        .flatten()
        .filter(|f| *f.file == *p.file)
        .map(|f| FindingLine {
            severity: data.severity(f.severity),
            rule: f.rule.to_string(),
            location: tr!(l, "site-finding-at", file = &*f.file, line = f.line),
            message: f.message.render(l),
            help: f.help.as_ref().map(|h| h.render(l)).unwrap_or_default(),
        })
        .collect();

    let establishes = &data.settings.roles.establishes;
    let signers = if establishes.is_empty() {
        vec![data.role_label(plan.attester(&data.settings.roles))]
    } else {
        establishes.iter().map(|r| data.role_label(r)).collect()
    };

    Page {
        c,
        o: ObjectView {
            object: p.object.clone(),
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
            findings_summary: data.findings_summary(&p.object),
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
            depends_on,
            depended_on_by,
            graph,
            integrations,
            checklist: tr!(l, "site-checklist", title = checklist.title.as_str()),
            appendix3,
            upgrades,
            activities,
            findings,
            establish_text: tr!(
                l,
                "site-establish",
                name = name.as_str(),
                year = data.year.year
            ),
            signers,
        },
    }
}

fn answer_line(
    data: &Data<'_>,
    id: &str,
    question: &str,
    answer: Option<&crate::model::plan::Answer>,
) -> AnswerLine {
    let l = data.l;
    let Some(a) = answer else {
        return AnswerLine {
            id: id.into(),
            text: question.into(),
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
