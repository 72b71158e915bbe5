//! The site's overview pages: index, dependencies, upgrades, deviations, people —
//! each a template fed with the report rows the CLI prints, in words of the language.

use super::{graph, Badge, Chrome, Input};
use crate::diag::{Finding, Severity};
use crate::i18n::Lang;
use crate::index::{split_ref, Via};
use crate::report::deps::DepRow;
use crate::report::deviations::DeviationRow;
use crate::report::load::Year;
use crate::report::roles::RoleRow;
use crate::report::upgrades::UpgradeRow;
use crate::settings::Settings;
use crate::tr;
use askama::Template;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A date as the pages show it (ISO, as in both languages), or nothing.
pub fn date_text(date: &Option<crate::model::Sp<NaiveDate>>) -> String {
    date.as_ref().map(|d| d.val.to_string()).unwrap_or_default()
}

/// The rows and lookups every page shares, made once.
pub struct Data<'a> {
    pub l: Lang,
    pub year: &'a Year,
    pub settings: &'a Settings,
    pub today: NaiveDate,
    /// The findings of each object.
    pub findings: BTreeMap<&'a str, Vec<&'a Finding>>,
    pub upgrades: Vec<UpgradeRow>,
    pub deps: Vec<DepRow>,
    pub deviations: Vec<DeviationRow>,
    pub roles: Vec<RoleRow>,
    /// Objects with a plan this year.
    pub objects: BTreeSet<&'a str>,
    /// Object → its plan, its upgrade rows, the dependency rows from it and to it
    /// (indices into the rows above): pages look these up once per object.
    by_object: HashMap<&'a str, ObjectRows<'a>>,
}

#[derive(Default)]
struct ObjectRows<'a> {
    plan: Option<&'a crate::report::load::Loaded>,
    upgrades: Vec<usize>,
    deps_from: Vec<usize>,
    deps_to: Vec<usize>,
}

impl<'a> Data<'a> {
    pub fn new(input: &Input<'a>) -> Data<'a> {
        let year = input.year;
        let mut findings: BTreeMap<&'a str, Vec<&'a Finding>> = BTreeMap::new();
        for f in input.findings {
            if let Some(object) = &f.object {
                findings.entry(&**object).or_default().push(f);
            }
        }
        let upgrades = crate::report::upgrades::rows(year, &input.settings.config);
        let deps = crate::report::deps::rows(year);
        let mut by_object: HashMap<&'a str, ObjectRows<'a>> = HashMap::new();
        for p in &year.plans {
            by_object.entry(p.object.as_str()).or_default().plan = Some(p);
        }
        for (i, u) in upgrades.iter().enumerate() {
            if let Some(rows) = by_object.get_mut(u.object.as_str()) {
                rows.upgrades.push(i);
            }
        }
        for (i, d) in deps.iter().enumerate() {
            if let Some(rows) = by_object.get_mut(d.object.as_str()) {
                rows.deps_from.push(i);
            }
            let target = split_ref(&d.target).0;
            if target != d.object {
                if let Some(rows) = by_object.get_mut(target) {
                    rows.deps_to.push(i);
                }
            }
        }
        Data {
            l: input.lang,
            year,
            settings: input.settings,
            today: input.today,
            findings,
            upgrades,
            deps,
            deviations: crate::report::deviations::rows(
                year,
                &input.settings.roles,
                input.today,
                &crate::report::deviations::Filter::default(),
                input.lang,
            ),
            roles: crate::report::roles::rows(year),
            objects: year.plans.iter().map(|p| p.object.as_str()).collect(),
            by_object,
        }
    }

    /// The object's plan this year.
    pub fn plan_of(&self, object: &str) -> Option<&'a crate::report::load::Loaded> {
        self.by_object.get(object).and_then(|r| r.plan)
    }

    /// The object's upgrade rows, in the report's order.
    pub fn upgrades_of(&self, object: &str) -> impl Iterator<Item = &UpgradeRow> {
        let rows = self.by_object.get(object).map(|r| r.upgrades.as_slice());
        rows.unwrap_or_default().iter().map(|&i| &self.upgrades[i])
    }

    /// The dependency rows from the object (`from`) or to it (not `from`).
    pub fn deps_of(&self, object: &str, from: bool) -> impl Iterator<Item = &DepRow> {
        let rows = self.by_object.get(object).map(|r| {
            if from {
                r.deps_from.as_slice()
            } else {
                r.deps_to.as_slice()
            }
        });
        rows.unwrap_or_default().iter().map(|&i| &self.deps[i])
    }

    /// A role's label from the role model ("Systemägare"), else its id.
    pub fn role_label(&self, id: &str) -> String {
        self.settings
            .roles
            .role(id)
            .map_or_else(|| id.to_string(), |r| r.label.clone())
    }

    /// An enumerated value in words, else as written ([`crate::i18n::Lang::value`]).
    pub fn value(&self, kind: &str, value: &str) -> String {
        self.l.value(kind, value)
    }

    pub fn yes_no(&self, b: bool) -> String {
        self.l.yes_no(b)
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
                let current = crate::model::digest::of_answers(&a.answers);
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

    /// "2 errors, 3 warnings" for one object.
    pub fn findings_summary(&self, object: &str) -> String {
        let found = self
            .findings
            .get(object)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let count = |s| found.iter().filter(|f| f.severity == s).count();
        tr!(
            self.l,
            "site-findings-count",
            errors = count(Severity::Error),
            warnings = count(Severity::Warning)
        )
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

    /// One upgrade row as a line of a page, flagged with the findings of the
    /// upgrade's own table in the plan (clash, announcement, CAB, …).
    pub fn upgrade(&self, row: &UpgradeRow) -> UpgradeLine {
        let mut flags = BTreeSet::new();
        // Outside a window is a problem only where the rule says so (not for a
        // security update, nor a supplier's release): shown plainly otherwise.
        let mut outside_flagged = false;
        if let Some(plan) = self.by_object.get(row.object.as_str()).and_then(|r| r.plan) {
            let spans: Vec<_> = plan
                .plan
                .upgrades
                .iter()
                .filter(|u| {
                    u.system.as_ref().is_some_and(|s| s.val == row.system)
                        && u.date.as_ref().is_some_and(|d| d.val == row.date)
                })
                .map(|u| u.span)
                .collect();
            for f in self.findings.get(row.object.as_str()).into_iter().flatten() {
                let inside = *f.file == *plan.file
                    && spans
                        .iter()
                        .any(|s| s.start <= f.span.start && f.span.start < s.end.max(s.start + 1));
                if inside && f.rule == "upgrade/service-window" {
                    outside_flagged = true;
                }
                if inside && f.rule.starts_with("upgrade/") {
                    flags.insert(self.l.text(&format!(
                        "site-flag-{}",
                        f.rule.trim_start_matches("upgrade/")
                    )));
                }
            }
        }
        UpgradeLine {
            date: row.date.to_string(),
            object: row.object.clone(),
            system: row.system.clone(),
            version: row.to_version.clone().unwrap_or_default(),
            kind: row
                .kind
                .as_deref()
                .map_or(String::new(), |k| self.value("kind", k)),
            window: match self.window(row.service_window) {
                badge if !row.service_window && !outside_flagged => Badge {
                    class: "neutral",
                    ..badge
                },
                badge => badge,
            },
            status: self.value("upgrade-status", &row.status),
            flags: flags.into_iter().collect(),
            dependents: if row.dependents.is_empty() {
                String::new()
            } else {
                tr!(
                    self.l,
                    "site-upgrade-dependents",
                    objects = row.dependents.join(", ")
                )
            },
        }
    }

    pub fn dep(&self, row: &DepRow) -> DepLine {
        let target_object = split_ref(&row.target).0.to_string();
        DepLine {
            object: row.object.clone(),
            system: row.system.clone(),
            target: row.target.clone(),
            known: self.objects.contains(target_object.as_str()),
            target_object,
            integration: row.via == Via::Integration,
            via: self.l.text(match row.via {
                Via::DependsOn => "value-via-depends-on",
                Via::Integration => "value-via-integration",
            }),
        }
    }
}

pub struct UpgradeLine {
    pub date: String,
    pub object: String,
    pub system: String,
    pub version: String,
    pub kind: String,
    pub window: Badge,
    pub status: String,
    pub flags: Vec<String>,
    pub dependents: String,
}

pub struct DepLine {
    pub object: String,
    pub system: String,
    pub target: String,
    pub target_object: String,
    pub known: bool,
    pub integration: bool,
    pub via: String,
}

#[derive(Template)]
#[template(path = "site/index.html")]
pub struct Index<'a> {
    pub c: Chrome<'a>,
    pub rows: Vec<IndexRow>,
}

pub struct IndexRow {
    pub object: String,
    pub name: String,
    pub status: Badge,
    pub established_on: String,
    /// (role label, holders' names) of the model's required roles.
    pub holders: Vec<(String, String)>,
    /// (system, state).
    pub attestation: Vec<(String, Badge)>,
    pub findings: String,
    pub next_upgrade: String,
}

pub fn index<'a>(data: &Data<'_>, c: Chrome<'a>) -> Index<'a> {
    let model = &data.settings.roles;
    let rows = data
        .year
        .plans
        .iter()
        .map(|p| {
            let plan = &p.plan;
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
                                .filter_map(|p| p.name.as_ref().map(|n| n.val.clone()))
                                .collect::<Vec<_>>()
                                .join(", ")
                        })
                        .filter(|n| !n.is_empty())
                        .unwrap_or_else(|| data.l.text("site-missing"));
                    (r.label.clone(), names)
                })
                .collect();
            let next = data
                .upgrades_of(&p.object)
                .find(|u| u.date >= data.today && u.status == "planned");
            IndexRow {
                object: p.object.clone(),
                name: plan
                    .name
                    .as_ref()
                    .map_or_else(|| p.object.clone(), |n| n.val.clone()),
                status: data.status(plan),
                established_on: date_text(&plan.established_on),
                holders,
                attestation: plan
                    .systems
                    .iter()
                    .filter_map(|s| Some((s.id.as_ref()?.val.clone(), data.attestation(s))))
                    .collect(),
                findings: data.findings_summary(&p.object),
                next_upgrade: next.map_or_else(String::new, |u| format!("{} {}", u.date, u.system)),
            }
        })
        .collect();
    Index { c, rows }
}

#[derive(Template)]
#[template(path = "site/dependencies.html")]
pub struct Dependencies<'a> {
    pub c: Chrome<'a>,
    pub svg: String,
    pub too_many: String,
    pub rows: Vec<DepLine>,
}

pub fn dependencies<'a>(data: &Data<'_>, c: Chrome<'a>) -> Dependencies<'a> {
    let rows: Vec<DepLine> = data.deps.iter().map(|r| data.dep(r)).collect();
    let (svg, too_many) = if data.objects.len() <= super::GRAPH_LIMIT {
        (whole_graph(data, &rows), String::new())
    } else {
        (
            String::new(),
            tr!(
                data.l,
                "site-deps-too-many",
                objects = data.objects.len(),
                limit = super::GRAPH_LIMIT
            ),
        )
    };
    Dependencies {
        c,
        svg,
        too_many,
        rows,
    }
}

/// The whole year as a graph: one node per object, one edge per object pair.
fn whole_graph(data: &Data<'_>, rows: &[DepLine]) -> String {
    let edges = rows
        .iter()
        .map(|r| (r.object.as_str(), r.target_object.as_str(), r.integration));
    object_graph(
        data,
        &data.l.text("site-deps-graph-title"),
        data.objects.iter().copied(),
        edges,
        None,
        "objects/",
    )
}

/// A graph of objects: `ids` (and every end of an edge) as nodes linked to their
/// pages under `prefix`, one edge per pair (dashed when every dependency between
/// them is an integration), `focus` drawn heavier and not linked.
pub fn object_graph<'s>(
    data: &Data<'_>,
    title: &str,
    ids: impl IntoIterator<Item = &'s str>,
    edges: impl IntoIterator<Item = (&'s str, &'s str, bool)>,
    focus: Option<&str>,
    prefix: &str,
) -> String {
    let mut ids: BTreeSet<&str> = ids.into_iter().collect();
    let mut pairs: BTreeMap<(&str, &str), bool> = BTreeMap::new();
    for (from, to, integration) in edges {
        if from == to {
            continue;
        }
        ids.insert(from);
        ids.insert(to);
        *pairs.entry((from, to)).or_insert(true) &= integration;
    }
    let nodes: Vec<graph::Node> = ids
        .iter()
        .map(|id| graph::Node {
            id: id.to_string(),
            label: id.to_string(),
            href: (Some(*id) != focus && data.objects.contains(id))
                .then(|| format!("{prefix}{id}.html")),
            focus: Some(*id) == focus,
        })
        .collect();
    let edges: Vec<graph::Edge> = pairs
        .into_iter()
        .map(|((from, to), dashed)| graph::Edge {
            from: from.into(),
            to: to.into(),
            dashed,
        })
        .collect();
    graph::svg(title, &nodes, &edges)
}

#[derive(Template)]
#[template(path = "site/upgrades.html")]
pub struct Upgrades<'a> {
    pub c: Chrome<'a>,
    pub months: Vec<Month>,
}

pub struct Month {
    pub number: u32,
    pub name: String,
    pub windows: String,
    pub rows: Vec<UpgradeLine>,
}

pub fn upgrades<'a>(data: &Data<'_>, c: Chrome<'a>) -> Upgrades<'a> {
    let config = &data.settings.config;
    let months = (1..=12)
        .filter_map(|m| {
            let first = NaiveDate::from_ymd_opt(data.year.year, m, 1)?;
            let windows: Vec<String> = first
                .iter_days()
                .take_while(|d| d.month() == m)
                .filter(|d| config.is_service_window(*d))
                .map(|d| d.to_string())
                .collect();
            Some(Month {
                number: m,
                name: format!(
                    "{} {}",
                    data.l.text(&format!("value-month-{m}")),
                    data.year.year
                ),
                windows: if windows.is_empty() {
                    data.l.text("site-windows-none")
                } else {
                    tr!(data.l, "site-windows", dates = windows.join(", "))
                },
                rows: data
                    .upgrades
                    .iter()
                    .filter(|u| u.date.month() == m && u.date.year() == data.year.year)
                    .map(|u| data.upgrade(u))
                    .collect(),
            })
        })
        .collect();
    Upgrades { c, months }
}

#[derive(Template)]
#[template(path = "site/deviations.html")]
pub struct Deviations<'a> {
    pub c: Chrome<'a>,
    pub rows: Vec<DeviationLine>,
}

pub struct DeviationLine {
    pub object: String,
    pub system: String,
    pub source: String,
    pub id: String,
    pub description: String,
    pub owner: String,
    pub due: String,
    pub overdue: bool,
}

pub fn deviations<'a>(data: &Data<'_>, c: Chrome<'a>) -> Deviations<'a> {
    let rows = data
        .deviations
        .iter()
        .map(|r| DeviationLine {
            object: r.object.clone(),
            system: r.system.clone().unwrap_or_default(),
            source: data.value("source", r.source.as_str()),
            id: r.id.clone(),
            description: r.description.clone(),
            owner: r
                .owner
                .as_deref()
                .map(|o| data.role_label(o))
                .unwrap_or_default(),
            due: r.due.map(|d| d.to_string()).unwrap_or_default(),
            overdue: r.overdue,
        })
        .collect();
    Deviations { c, rows }
}

#[derive(Template)]
#[template(path = "site/people.html")]
pub struct People<'a> {
    pub c: Chrome<'a>,
    pub rows: Vec<PersonLine>,
}

pub struct PersonLine {
    pub name: String,
    pub email: String,
    pub role: String,
    pub object: String,
}

pub fn people<'a>(data: &Data<'_>, c: Chrome<'a>) -> People<'a> {
    let mut rows: Vec<PersonLine> = data
        .roles
        .iter()
        .map(|r| PersonLine {
            name: r.name.clone().unwrap_or_default(),
            email: r.email.clone().unwrap_or_default(),
            role: data.role_label(&r.role),
            object: r.object.clone(),
        })
        .collect();
    rows.sort_by(|a, b| (&a.name, &a.object, &a.role).cmp(&(&b.name, &b.object, &b.role)));
    People { c, rows }
}
