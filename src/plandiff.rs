//! What changed between two plans: every value by its path, with arrays of tables
//! matched by identity (systems by id, upgrades by system and date…), not position.

use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use toml::Value;

/// One change between two plans.
#[derive(Debug, Serialize, PartialEq)]
pub struct Change {
    pub change: Kind,
    /// `roles.systemforvaltare.name`, `systems[ladok].version`, `upgrades[ladok@2027-03-06]`.
    pub path: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Serialize, PartialEq, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Added,
    Removed,
    Changed,
}

/// The changes from `old` to `new`, in path order. An element of an array of tables
/// that exists on one side only is one change, not one per key.
pub fn diff(old: &toml::Table, new: &toml::Table) -> Vec<Change> {
    let (mut a, mut b) = (BTreeMap::new(), BTreeMap::new());
    let (mut ea, mut eb) = (BTreeSet::new(), BTreeSet::new());
    flatten_table(old, "", &mut a, &mut ea);
    flatten_table(new, "", &mut b, &mut eb);
    answers_alike(&mut a, &b);
    answers_alike(&mut b, &a);
    let only_old: BTreeSet<&String> = ea.difference(&eb).collect();
    let only_new: BTreeSet<&String> = eb.difference(&ea).collect();
    let within = |path: &str, set: &BTreeSet<&String>| {
        set.iter()
            .any(|e| path.starts_with(e.as_str()) && path.len() > e.len())
    };
    let mut out = Vec::new();
    for e in &only_old {
        if !only_old
            .iter()
            .any(|o| o.len() < e.len() && e.starts_with(o.as_str()))
        {
            out.push(Change {
                change: Kind::Removed,
                path: e.to_string(),
                from: None,
                to: None,
            });
        }
    }
    for e in &only_new {
        if !only_new
            .iter()
            .any(|o| o.len() < e.len() && e.starts_with(o.as_str()))
        {
            out.push(Change {
                change: Kind::Added,
                path: e.to_string(),
                from: None,
                to: None,
            });
        }
    }
    for (path, value) in &a {
        if within(path, &only_old) {
            continue;
        }
        match b.get(path) {
            None => out.push(Change {
                change: Kind::Removed,
                path: path.clone(),
                from: Some(value.clone()),
                to: None,
            }),
            Some(v) if v != value => out.push(Change {
                change: Kind::Changed,
                path: path.clone(),
                from: Some(value.clone()),
                to: Some(v.clone()),
            }),
            Some(_) => {}
        }
    }
    for (path, value) in &b {
        if !a.contains_key(path) && !within(path, &only_new) {
            out.push(Change {
                change: Kind::Added,
                path: path.clone(),
                from: None,
                to: Some(value.clone()),
            });
        }
    }
    out.sort_by(|x, y| x.path.cmp(&y.path));
    out
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

fn flatten_table(
    t: &toml::Table,
    prefix: &str,
    out: &mut BTreeMap<String, String>,
    elements: &mut BTreeSet<String>,
) {
    for (k, v) in t {
        flatten(v, &join(prefix, k), out, elements);
    }
}

/// An appendix-3 answer is a word (`backup = "yes"`) or a table with the word and
/// the deviation (`{ answer = "partial", … }`). Where one side has the word and the
/// other the table, the word is read as the table's `answer`, so a "yes" that
/// becomes a deviation shows as its answer changing, not as a removal and additions.
fn answers_alike(words: &mut BTreeMap<String, String>, tables: &BTreeMap<String, String>) {
    let alike: Vec<String> = words
        .keys()
        .filter(|k| k.contains(".appendix3.answers."))
        .filter(|k| tables.contains_key(&format!("{k}.answer")))
        .cloned()
        .collect();
    for key in alike {
        if let Some(word) = words.remove(&key) {
            words.insert(format!("{key}.answer"), word);
        }
    }
}

fn flatten(
    v: &Value,
    path: &str,
    out: &mut BTreeMap<String, String>,
    elements: &mut BTreeSet<String>,
) {
    match v {
        Value::Table(t) => flatten_table(t, path, out, elements),
        Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_table) => {
            for (i, item) in items.iter().enumerate() {
                let t = item.as_table().expect("checked above");
                let element = format!("{path}[{}]", identity(t).unwrap_or_else(|| i.to_string()));
                elements.insert(element.clone());
                flatten_table(t, &element, out, elements);
            }
        }
        other => {
            out.insert(path.to_string(), display(other));
        }
    }
}

/// What identifies an element of an array of tables across years.
fn identity(t: &toml::Table) -> Option<String> {
    let s = |k: &str| t.get(k).map(display_plain);
    if let Some(id) = s("id") {
        return Some(id);
    }
    if let (Some(system), Some(date)) = (s("system"), s("date")) {
        return Some(format!("{system}@{date}"));
    }
    s("source")
        .or_else(|| s("email"))
        .or_else(|| s("name"))
        .or_else(|| s("text"))
}

fn display_plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => display(other),
    }
}

fn display(v: &Value) -> String {
    match v {
        Value::String(s) => format!("{s:?}"),
        Value::Datetime(d) => d.to_string(),
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(display).collect::<Vec<_>>().join(", ")
        ),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_that_becomes_a_deviation_is_its_answer_changing() {
        let old: toml::Table = toml::from_str(
            "[[systems]]\nid = \"a\"\n[systems.appendix3.answers]\nbackup = \"yes\"\nlogging = { answer = \"no\", deviation = \"x\" }\n",
        )
        .unwrap();
        let new: toml::Table = toml::from_str(
            "[[systems]]\nid = \"a\"\n[systems.appendix3.answers]\nbackup = { answer = \"partial\", deviation = \"ej testad\" }\nlogging = \"yes\"\n",
        )
        .unwrap();
        let changes: Vec<(Kind, String, Option<String>, Option<String>)> = diff(&old, &new)
            .into_iter()
            .map(|c| (c.change, c.path, c.from, c.to))
            .collect();
        let path = |p: &str| format!("systems[a].appendix3.answers.{p}");
        assert_eq!(
            changes,
            vec![
                (
                    Kind::Changed,
                    path("backup.answer"),
                    Some("\"yes\"".into()),
                    Some("\"partial\"".into())
                ),
                (
                    Kind::Added,
                    path("backup.deviation"),
                    None,
                    Some("\"ej testad\"".into())
                ),
                (
                    Kind::Changed,
                    path("logging.answer"),
                    Some("\"no\"".into()),
                    Some("\"yes\"".into())
                ),
                (
                    Kind::Removed,
                    path("logging.deviation"),
                    Some("\"x\"".into()),
                    None
                ),
            ]
        );
    }

    #[test]
    fn matches_elements_by_identity() {
        let old: toml::Table = toml::from_str(
            "status = \"established\"\n[[systems]]\nid = \"a\"\nversion = \"1\"\n[[systems]]\nid = \"b\"\n[[upgrades]]\nsystem = \"a\"\ndate = 2026-03-07\n",
        )
        .unwrap();
        let new: toml::Table = toml::from_str(
            "status = \"draft\"\n[[systems]]\nid = \"b\"\n[[systems]]\nid = \"a\"\nversion = \"2\"\n",
        )
        .unwrap();
        let changes: Vec<(Kind, String)> = diff(&old, &new)
            .into_iter()
            .map(|c| (c.change, c.path))
            .collect();
        assert_eq!(
            changes,
            vec![
                (Kind::Changed, "status".into()),
                (Kind::Changed, "systems[a].version".into()),
                (Kind::Removed, "upgrades[a@2026-03-07]".into()),
            ]
        );
    }
}
