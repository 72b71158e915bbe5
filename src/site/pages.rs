//! The site's overview pages: index, dependencies, upgrades, deviations, people —
//! each a template fed with the report rows the CLI prints, in words of the language.

use super::words::Coded;
use super::{graph, Badge, Chrome, Input, Prepared, Words};
use crate::diag::rules::upgrades::SERVICE_WINDOW;
use crate::diag::{Finding, Severity};
use crate::hash::HashMap;
use crate::i18n::Lang;
use crate::index::{split_ref, Via};
use crate::report::deps::DepRow;
use crate::report::deviations::DeviationRow;
use crate::report::roles::RoleRow;
use crate::report::upgrades::UpgradeRow;
use crate::tr;
use askama::Template;
use chrono::{Datelike, NaiveDate};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// A date as the pages show it (ISO, as in both languages), or nothing.
pub fn date_text(date: &Option<crate::model::Sp<NaiveDate>>) -> String {
    date.as_ref().map(|d| d.val.to_string()).unwrap_or_default()
}

/// The rows and lookups every page shares, made once.
pub struct Data<'a> {
    pub w: &'a Words<'a>,
    /// The findings of each object.
    pub findings: HashMap<&'a str, Vec<&'a Finding>>,
    /// "2 errors, 3 warnings", by the numbers (a few dozen texts for ten thousand
    /// objects, each shown twice).
    summaries: HashMap<(usize, usize), String>,
    pub upgrades: Vec<UpgradeRow>,
    pub deps: Vec<DepRow>,
    pub deviations: Vec<DeviationRow>,
    pub roles: Vec<RoleRow>,
    /// What was kept of each plan, sorted by object: the objects with a page.
    /// Boxed where it is made (on the thread that checked the plan), so that the
    /// check's results and this list move pointers, not ten thousand large structs.
    #[allow(clippy::vec_box)]
    pub plans: Vec<Box<Prepared<'a>>>,
    /// The neighbourhood graphs' layouts, by shape.
    pub layouts: graph::Layouts,
    /// Beside each plan: its upgrade rows, the dependency rows from it and to it
    /// (indices into the rows above): pages look these up once per object.
    rows: Vec<ObjectRows>,
    /// Where each object is among the plans (pages look objects up tens of times
    /// each: a hash, not a search through ten thousand names).
    at: HashMap<String, usize>,
}

#[derive(Default)]
struct ObjectRows {
    upgrades: Vec<usize>,
    deps_from: Vec<usize>,
    deps_to: Vec<usize>,
}

impl<'a> std::ops::Deref for Data<'a> {
    type Target = Words<'a>;
    fn deref(&self) -> &Words<'a> {
        self.w
    }
}

impl<'a> Data<'a> {
    pub fn new(input: Input<'a>) -> Data<'a> {
        let Input {
            words,
            findings: all_findings,
            entries,
            mut plans,
        } = input;
        plans.sort_by(|a, b| a.object.cmp(&b.object));
        let mut findings: HashMap<&'a str, Vec<&'a Finding>> = HashMap::default();
        for f in all_findings {
            if let Some(object) = &f.object {
                findings.entry(&**object).or_default().push(f);
            }
        }
        // The plans' rows into the year's (each plan's own list freed as it goes).
        let total = |rows: fn(&Prepared<'a>) -> usize| plans.iter().map(|p| rows(p)).sum();
        let mut upgrades = Vec::with_capacity(total(|p| p.upgrades.len()));
        let mut deviations = Vec::with_capacity(total(|p| p.deviations.len()));
        let mut roles = Vec::with_capacity(total(|p| p.roles.len()));
        for p in &mut plans {
            upgrades.extend(std::mem::take(&mut p.upgrades));
            deviations.extend(std::mem::take(&mut p.deviations));
            roles.extend(std::mem::take(&mut p.roles));
        }
        let upgrades = crate::report::upgrades::with_dependents(upgrades, entries);
        crate::report::deviations::sort(&mut deviations);
        let deps = crate::report::deps::rows_from(entries);
        let mut summaries = HashMap::default();
        for p in &plans {
            let counts = counts(&findings, &p.object);
            summaries.entry(counts).or_insert_with(|| {
                tr!(
                    words.l,
                    "site-findings-count",
                    errors = counts.0,
                    warnings = counts.1
                )
            });
        }
        let mut data = Data {
            w: words,
            findings,
            summaries,
            upgrades,
            deps,
            deviations,
            roles,
            layouts: graph::Layouts::default(),
            rows: plans.iter().map(|_| ObjectRows::default()).collect(),
            at: plans
                .iter()
                .enumerate()
                .map(|(i, p)| (p.object.clone(), i))
                .collect(),
            plans,
        };
        for (i, u) in data.upgrades.iter().enumerate() {
            if let Some(at) = data.position(&u.object) {
                data.rows[at].upgrades.push(i);
            }
        }
        for (i, d) in data.deps.iter().enumerate() {
            if let Some(at) = data.position(&d.object) {
                data.rows[at].deps_from.push(i);
            }
            let target = split_ref(&d.target).0;
            if target != d.object {
                if let Some(at) = data.position(target) {
                    data.rows[at].deps_to.push(i);
                }
            }
        }
        data
    }

    /// The frame of a page: `root` is "" on top-level pages, "../" on object pages;
    /// `current` the page's file among the top-level pages.
    pub fn chrome(
        &'a self,
        root: &'static str,
        current: &'static str,
        title: String,
    ) -> Chrome<'a> {
        Chrome {
            w: self.w,
            l: self.l,
            root,
            title,
            organisation: &self.settings.config.organisation,
            year: self.year,
            current,
        }
    }

    /// Where the object's plan is among the plans.
    fn position(&self, object: &str) -> Option<usize> {
        self.at.get(object).copied()
    }

    /// Whether the object has a plan this year (and so a page).
    pub fn has_page(&self, object: &str) -> bool {
        self.position(object).is_some()
    }

    /// What was kept of the object's plan this year.
    pub fn plan_of(&self, object: &str) -> Option<&Prepared<'a>> {
        self.position(object).map(|at| &*self.plans[at])
    }

    fn rows_of(&self, object: &str) -> Option<&ObjectRows> {
        self.position(object).map(|at| &self.rows[at])
    }

    /// The object's upgrade rows, in the report's order.
    pub fn upgrades_of(&self, object: &str) -> impl Iterator<Item = &UpgradeRow> {
        let rows = self.rows_of(object).map(|r| r.upgrades.as_slice());
        rows.unwrap_or_default().iter().map(|&i| &self.upgrades[i])
    }

    /// The dependency rows from the object (`from`) or to it (not `from`).
    pub fn deps_of(&self, object: &str, from: bool) -> impl Iterator<Item = &DepRow> {
        let rows = self.rows_of(object).map(|r| {
            if from {
                r.deps_from.as_slice()
            } else {
                r.deps_to.as_slice()
            }
        });
        rows.unwrap_or_default().iter().map(|&i| &self.deps[i])
    }

    /// "2 errors, 3 warnings" for one object that has a page.
    pub fn findings_summary(&self, object: &str) -> &str {
        let counts = counts(&self.findings, object);
        self.summaries.get(&counts).map_or("", String::as_str)
    }

    /// One upgrade row as a line of a page, flagged with the findings of the
    /// upgrade's own table in the plan (clash, announcement, CAB, …).
    pub fn upgrade<'s>(&'s self, row: &'s UpgradeRow) -> UpgradeLine<'s> {
        let mut flags = BTreeSet::new();
        // Outside a window is a problem only where the rule says so (not for a
        // security update, nor a supplier's release): shown plainly otherwise.
        let mut outside_flagged = false;
        if let Some(plan) = self.plan_of(&row.object) {
            let spans: Vec<_> = plan
                .upgrade_spans
                .iter()
                .filter(|(system, date, _)| *system == row.system && *date == row.date)
                .map(|(_, _, span)| *span)
                .collect();
            for f in self.findings.get(row.object.as_str()).into_iter().flatten() {
                let inside = *f.file == *plan.file
                    && spans
                        .iter()
                        .any(|s| s.start <= f.span.start && f.span.start < s.end.max(s.start + 1));
                if inside && *f.rule == SERVICE_WINDOW {
                    outside_flagged = true;
                }
                if inside && f.rule.id.starts_with("upgrade/") {
                    flags.insert(self.text(&format!(
                        "site-flag-{}",
                        f.rule.id.trim_start_matches("upgrade/")
                    )));
                }
            }
        }
        UpgradeLine {
            date: row.date.to_string(),
            object: &row.object,
            system: &row.system,
            version: row.to_version.as_deref().unwrap_or_default(),
            kind: row
                .kind
                .as_deref()
                .map_or(Cow::Borrowed(""), |k| self.value("kind", k)),
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

    pub fn dep<'s>(&'s self, row: &'s DepRow) -> DepLine<'s> {
        let target_object = split_ref(&row.target).0;
        DepLine {
            object: &row.object,
            system: &row.system,
            target: &row.target,
            known: self.has_page(target_object),
            target_object,
            integration: row.via == Via::Integration,
            via: self.t(match row.via {
                Via::DependsOn => "value-via-depends-on",
                Via::Integration => "value-via-integration",
            }),
        }
    }
}

/// An object's errors and warnings.
fn counts(findings: &HashMap<&str, Vec<&Finding>>, object: &str) -> (usize, usize) {
    let found = findings.get(object).map(Vec::as_slice).unwrap_or_default();
    let count = |s| found.iter().filter(|f| f.severity == s).count();
    (count(Severity::Error), count(Severity::Warning))
}

pub struct UpgradeLine<'a> {
    pub date: String,
    pub object: &'a str,
    pub system: &'a str,
    pub version: &'a str,
    pub kind: Cow<'a, str>,
    pub window: Badge<'a>,
    pub status: Cow<'a, str>,
    pub flags: Vec<Cow<'a, str>>,
    pub dependents: String,
}

pub struct DepLine<'a> {
    pub object: &'a str,
    pub system: &'a str,
    pub target: &'a str,
    pub target_object: &'a str,
    pub known: bool,
    pub integration: bool,
    pub via: &'a str,
}

#[derive(Template)]
#[template(path = "site/index.html")]
pub struct Index<'a> {
    pub c: Chrome<'a>,
    pub summary: Vec<Figure<'a>>,
    pub rows: Vec<IndexRow<'a>>,
}

/// One figure of the year at a glance on the index: a number and what it counts,
/// the badges it is made of with their counts, lines more (each its own), where to
/// read on.
pub struct Figure<'a> {
    pub number: usize,
    pub label: String,
    pub parts: Vec<(Badge<'a>, usize)>,
    pub notes: Vec<String>,
    pub href: &'static str,
}

/// How many of each badge (by words), the good ones first.
fn tally<'a>(l: Lang, badges: impl Iterator<Item = &'a Badge<'a>>) -> Vec<(Badge<'a>, usize)> {
    let rank = |class: &str| {
        ["good", "neutral", "warn", "bad"]
            .iter()
            .position(|c| *c == class)
    };
    let mut counts: BTreeMap<(Option<usize>, &'a str), (&'a Badge<'a>, usize)> = BTreeMap::new();
    for b in badges {
        counts.entry((rank(b.class), &b.text)).or_insert((b, 0)).1 += 1;
    }
    counts
        .into_values()
        .map(|(badge, n)| counted(l, badge, n))
        .collect()
}

/// A badge with a count before it, its words agreeing with the count ("3
/// Försenade", not "3 Försenad").
fn counted<'a>(l: Lang, badge: &Badge<'a>, n: usize) -> (Badge<'a>, usize) {
    let text = tr!(
        l,
        "site-summary-badge",
        badge = badge.id,
        word = badge.text.as_ref(),
        count = n
    );
    let badge = Badge {
        text: Cow::Owned(text),
        ..*badge
    };
    (badge, n)
}

/// The year at a glance: the objects by status, bilaga 3 by attestation, the
/// deviations, the upgrades still to come and the plans' errors.
fn summary<'a>(data: &'a Data<'a>) -> Vec<Figure<'a>> {
    let l = data.l;
    let statuses = tally(l, data.plans.iter().map(|p| &p.view.status));
    let attestations = tally(
        l,
        data.plans
            .iter()
            .flat_map(|p| p.view.appendix3.iter().map(|a| &a.state)),
    );
    let systems: usize = attestations.iter().map(|(_, n)| n).sum();
    let upcoming: Vec<&UpgradeRow> = data
        .upgrades
        .iter()
        .filter(|u| u.date >= data.today && u.date.year() == data.year && u.status == "planned")
        .collect();
    let overdue = data.deviations.iter().filter(|d| d.overdue).count();
    // What the deviations are, by the page's source column: the figure's label
    // says "deviations", the page lists bilaga 3's and the late work alike.
    let mut sources = BTreeMap::new();
    for d in &data.deviations {
        *sources.entry(d.source).or_insert(0usize) += 1;
    }
    let sources: Vec<String> = sources
        .into_iter()
        .map(|(source, n)| {
            tr!(
                l,
                "site-summary-deviation-source",
                source = source.as_str(),
                count = n
            )
        })
        .collect();
    let found = |s| {
        data.findings
            .values()
            .flatten()
            .filter(|f| f.severity == s)
            .count()
    };
    let (errors, warnings) = (found(Severity::Error), found(Severity::Warning));
    let count = |n: usize| (n > 0).then_some(n);
    vec![
        Figure {
            number: data.plans.len(),
            label: tr!(l, "site-summary-objects", count = data.plans.len()),
            parts: statuses,
            notes: Vec::new(),
            href: "#objects-caption",
        },
        Figure {
            number: attestations
                .iter()
                .filter(|(b, _)| b.class == "good")
                .map(|(_, n)| n)
                .sum(),
            label: tr!(l, "site-summary-attested", systems = systems),
            parts: attestations
                .into_iter()
                .filter(|(b, _)| b.class != "good")
                .collect(),
            notes: Vec::new(),
            href: "#objects-caption",
        },
        Figure {
            number: data.deviations.len(),
            label: tr!(l, "site-summary-deviations", count = data.deviations.len()),
            parts: count(overdue)
                .map(|n| counted(l, &data.badge("site-overdue", "bad"), n))
                .into_iter()
                .collect(),
            notes: sources,
            href: "deviations.html",
        },
        Figure {
            number: upcoming.len(),
            label: tr!(l, "site-summary-upgrades", count = upcoming.len()),
            parts: Vec::new(),
            notes: upcoming
                .iter()
                .min_by_key(|u| u.date)
                .map(|u| {
                    tr!(
                        l,
                        "site-summary-next",
                        date = u.date.to_string(),
                        system = u.system.as_str(),
                        object = data
                            .plan_of(&u.object)
                            .map_or(u.object.as_str(), |p| &p.view.name)
                    )
                })
                .into_iter()
                .collect(),
            href: "upgrades.html",
        },
        Figure {
            number: errors,
            label: tr!(l, "site-summary-errors", count = errors),
            parts: count(warnings)
                .map(|n| counted(l, &data.severity(Severity::Warning), n))
                .into_iter()
                .collect(),
            notes: Vec::new(),
            href: "#objects-caption",
        },
    ]
}

pub struct IndexRow<'a> {
    pub p: &'a Prepared<'a>,
    pub findings: &'a str,
    pub next_upgrade: String,
}

pub fn index<'a>(data: &'a Data<'a>, c: Chrome<'a>) -> Index<'a> {
    let rows = data
        .plans
        .iter()
        .map(|p| {
            let next = data
                .upgrades_of(&p.object)
                .find(|u| u.date >= data.today && u.status == "planned");
            IndexRow {
                p,
                findings: data.findings_summary(&p.object),
                next_upgrade: next.map_or_else(String::new, |u| format!("{} {}", u.date, u.system)),
            }
        })
        .collect();
    Index {
        c,
        summary: summary(data),
        rows,
    }
}

#[derive(Template)]
#[template(path = "site/dependencies.html")]
pub struct Dependencies<'a> {
    pub c: Chrome<'a>,
    pub svg: String,
    pub too_many: String,
    pub rows: Vec<DepLine<'a>>,
}

pub fn dependencies<'a>(data: &'a Data<'a>, c: Chrome<'a>) -> Dependencies<'a> {
    let rows: Vec<DepLine> = data.deps.iter().map(|r| data.dep(r)).collect();
    let (svg, too_many) = if data.plans.len() <= super::GRAPH_LIMIT {
        (whole_graph(data, &rows), String::new())
    } else {
        (
            String::new(),
            tr!(
                data.l,
                "site-deps-too-many",
                objects = data.plans.len(),
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
fn whole_graph(data: &Data<'_>, rows: &[DepLine<'_>]) -> String {
    let edges = rows
        .iter()
        .map(|r| (r.object, r.target_object, r.integration));
    object_graph(
        data,
        &data.l.text("site-deps-graph-title"),
        data.plans.iter().map(|p| p.object.as_str()),
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
            id,
            label: id,
            href: (Some(*id) != focus && data.has_page(id)).then(|| format!("{prefix}{id}.html")),
            focus: Some(*id) == focus,
        })
        .collect();
    let edges: Vec<graph::Edge> = pairs
        .into_iter()
        .map(|((from, to), dashed)| graph::Edge { from, to, dashed })
        .collect();
    graph::svg(title, &nodes, &edges, None)
}

#[derive(Template)]
#[template(path = "site/upgrades.html")]
pub struct Upgrades<'a> {
    pub c: Chrome<'a>,
    pub months: Vec<Month<'a>>,
}

pub struct Month<'a> {
    pub number: u32,
    pub name: String,
    pub windows: String,
    pub rows: Vec<UpgradeLine<'a>>,
}

pub fn upgrades<'a>(data: &'a Data<'a>, c: Chrome<'a>) -> Upgrades<'a> {
    let config = &data.settings.config;
    let months = (1..=12)
        .filter_map(|m| {
            let first = NaiveDate::from_ymd_opt(data.year, m, 1)?;
            let windows: Vec<String> = first
                .iter_days()
                .take_while(|d| d.month() == m)
                .filter(|d| config.is_service_window(*d))
                .map(|d| d.to_string())
                .collect();
            Some(Month {
                number: m,
                name: format!("{} {}", data.text(&format!("value-month-{m}")), data.year),
                windows: if windows.is_empty() {
                    data.t("site-windows-none").to_string()
                } else {
                    tr!(data.l, "site-windows", dates = windows.join(", "))
                },
                rows: data
                    .upgrades
                    .iter()
                    .filter(|u| u.date.month() == m && u.date.year() == data.year)
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
    pub rows: Vec<DeviationLine<'a>>,
}

pub struct DeviationLine<'a> {
    pub object: &'a str,
    pub system: &'a str,
    pub source: Cow<'a, str>,
    pub id: &'a str,
    pub description: Coded,
    pub owner: Cow<'a, str>,
    pub due: String,
    pub overdue: bool,
}

pub fn deviations<'a>(data: &'a Data<'a>, c: Chrome<'a>) -> Deviations<'a> {
    let rows = data
        .deviations
        .iter()
        .map(|r| DeviationLine {
            object: &r.object,
            system: r.system.as_deref().unwrap_or_default(),
            source: data.value("source", r.source.as_str()),
            id: &r.id,
            description: Coded::new(&r.description),
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
    pub rows: Vec<PersonLine<'a>>,
}

pub struct PersonLine<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub role: Cow<'a, str>,
    pub object: &'a str,
}

pub fn people<'a>(data: &'a Data<'a>, c: Chrome<'a>) -> People<'a> {
    let mut rows: Vec<PersonLine> = data
        .roles
        .iter()
        .map(|r| PersonLine {
            name: r.name.as_deref().unwrap_or_default(),
            email: r.email.as_deref().unwrap_or_default(),
            role: data.role_label(&r.role),
            object: &r.object,
        })
        .collect();
    rows.sort_by(|a, b| (&a.name, &a.object, &a.role).cmp(&(&b.name, &b.object, &b.role)));
    People { c, rows }
}
