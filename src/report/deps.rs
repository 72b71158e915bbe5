//! `plan report deps`: what depends on what, and `--reverse`: who is hit when an
//! object is down or upgraded.

use super::{Rows, Words};
use crate::index::{split_ref, Via};
use crate::report::load::Year;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap, VecDeque};

#[derive(Serialize)]
pub struct DepRow {
    pub object: String,
    pub system: String,
    pub target: String,
    pub via: Via,
}

impl Rows for DepRow {
    const COLUMNS: &'static [&'static str] = &["object", "system", "target", "via"];
    const WORDS: &'static [(&'static str, Words)] = &[("via", Words::Value("via"))];
    fn cells(&self) -> Vec<String> {
        vec![
            self.object.clone(),
            self.system.clone(),
            self.target.clone(),
            self.via.as_str().to_string(),
        ]
    }
}

/// Every dependency of the year.
pub fn rows(year: &Year) -> Vec<DepRow> {
    rows_from(&year.entries)
}

/// Every dependency of these index entries (one year's).
pub fn rows_from(entries: &[crate::index::ObjectEntry]) -> Vec<DepRow> {
    crate::report::load::edges(entries)
        .into_iter()
        .map(|(object, system, dep)| DepRow {
            object: object.to_string(),
            system: system.to_string(),
            target: dep.target.clone(),
            via: dep.via,
        })
        .collect()
}

/// The dependencies through which `object` reaches others: directly, and through
/// the objects that depend on it, and so on (who is hit when it is down).
pub fn reverse(year: &Year, object: &str) -> Vec<DepRow> {
    let all = rows(year);
    let mut by_target: HashMap<&str, Vec<&DepRow>> = HashMap::new();
    for row in &all {
        by_target
            .entry(split_ref(&row.target).0)
            .or_default()
            .push(row);
    }
    let mut hit = BTreeSet::from([object.to_string()]);
    let mut queue = VecDeque::from([object.to_string()]);
    let mut keep = BTreeSet::new();
    while let Some(target) = queue.pop_front() {
        for row in by_target.get(target.as_str()).into_iter().flatten() {
            keep.insert((
                row.object.clone(),
                row.system.clone(),
                row.target.clone(),
                row.via,
            ));
            if hit.insert(row.object.clone()) {
                queue.push_back(row.object.clone());
            }
        }
    }
    keep.into_iter()
        .map(|(object, system, target, via)| DepRow {
            object,
            system,
            target,
            via,
        })
        .collect()
}

/// The object an edge points at, and its label: the system, and the target system
/// when the reference names one.
fn edge(row: &DepRow) -> (&str, String) {
    let (target, target_system) = split_ref(&row.target);
    let label = match target_system {
        Some(s) => format!("{} → {s}", row.system),
        None => row.system.clone(),
    };
    (target, label)
}

/// Mermaid flowchart, fenced so it renders when pasted into GitLab or GitHub Markdown.
pub fn mermaid(rows: &[DepRow]) -> String {
    let node = |id: &str| id.replace('-', "_");
    let mut out = String::from("```mermaid\nflowchart LR\n");
    let mut nodes = BTreeSet::new();
    for row in rows {
        nodes.insert(row.object.clone());
        nodes.insert(split_ref(&row.target).0.to_string());
    }
    for n in &nodes {
        out.push_str(&format!("  {}[\"{n}\"]\n", node(n)));
    }
    for row in rows {
        let (target, label) = edge(row);
        let arrow = match row.via {
            Via::DependsOn => "-->",
            Via::Integration => "-.->",
        };
        out.push_str(&format!(
            "  {} {arrow}|\"{label}\"| {}\n",
            node(&row.object),
            node(target)
        ));
    }
    out.push_str("```\n");
    out
}

/// Graphviz `dot`.
pub fn dot(rows: &[DepRow]) -> String {
    let mut out = String::from("digraph deps {\n  rankdir=LR;\n  node [shape=box];\n");
    for row in rows {
        let (target, label) = edge(row);
        let style = match row.via {
            Via::DependsOn => "solid",
            Via::Integration => "dashed",
        };
        out.push_str(&format!(
            "  \"{}\" -> \"{target}\" [label=\"{label}\", style={style}];\n",
            row.object
        ));
    }
    out.push_str("}\n");
    out
}
