//! The annual rollover of one plan (`plan new-year`, SPEC section 8): next year's
//! draft made from this year's text through `toml_edit`, so every comment, blank line
//! and key order of what is kept survives byte for byte.
//!
//! Kept: the description and the goals (for review), roles, reference group,
//! systems that are not retired (with their contracts, dependencies, integrations and
//! appendix-3 answers, deviations included: a new year does not resolve them),
//! budget, and open activities, marked `carried_from`.
//! Reset: `year`, `status = "draft"`, the decision (no `established_on`,
//! `established_by` or `diarienummer`: the new plan is fastställd anew), no
//! attestation.
//! Dropped: retired systems, done and cancelled activities, every upgrade.
//!
//! A removed item takes its own comments along: those inside it and those directly
//! above it (no blank line between). Comments set off by a blank line head a section
//! (`# --- Versionsuppgraderingar ---`) and stay, as do comments directly below the
//! item before it: they belong to what is kept.

mod comments;
mod draft;

pub use draft::DraftSystem;

use toml_edit::{Array, DocumentMut, Item, TableLike, Value};

/// The attestation keys of `[systems.appendix3]`; the answers stay for review.
const ATTESTATION: [&str; 4] = ["attested_by", "attested_on", "digest", "signed_by"];

/// The top-level keys of the decision that established the plan: the new year's plan
/// is a draft until it is fastställd anew.
const DECISION: [&str; 3] = ["established_on", "established_by", "diarienummer"];

/// What a rollover kept and dropped, for the table `plan new-year` prints.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Summary {
    /// Ids of the systems kept.
    pub systems_kept: Vec<String>,
    /// Ids of the retired systems dropped.
    pub systems_dropped: Vec<String>,
    /// Ids (or titles) of the open activities carried over.
    pub activities_carried: Vec<String>,
    /// Done activities dropped.
    pub activities_done: Vec<String>,
    /// Cancelled activities dropped.
    pub activities_cancelled: Vec<String>,
    /// Every upgrade is dropped: the new year plans its own.
    pub upgrades_dropped: usize,
    /// Of those, how many were not done (planned or postponed): to be planned again.
    pub upgrades_unfinished: usize,
    /// Dependencies and integrations removed because their target is gone in the new
    /// year, as `system → target`.
    pub refs_dropped: Vec<String>,
    /// Appendix-3 deviations (`no`/`partial` answers) still open, as `system/question`.
    pub open_deviations: Vec<String>,
}

/// Next year's draft of one plan.
#[derive(Debug)]
pub struct Rolled {
    pub text: String,
    pub summary: Summary,
    /// The draft's systems, read from the edited document.
    pub systems: Vec<DraftSystem>,
}

#[derive(Debug)]
pub enum Error {
    /// The plan is not TOML.
    NotToml(toml_edit::TomlError),
    /// The draft is not what a rollover promises (a defect of this module): which
    /// part is wrong.
    Wrong(&'static str),
}

/// Next year's draft of one plan: `text` is the plan for `from`, the result the plan
/// for `to`. `drop_ref` says which `depends_on` entries and integration sources to
/// remove because what they name will not exist in `to` (a retired system, or an
/// object whose systems are all retired); the caller knows the other objects.
pub fn roll(
    text: &str,
    from: i32,
    to: i32,
    drop_ref: &dyn Fn(&str) -> bool,
) -> Result<Rolled, Error> {
    let mut doc: DocumentMut = text.parse().map_err(Error::NotToml)?;
    let summary = summarize(&doc, drop_ref);
    let gone = Gone { drop_ref };
    let carried = comments::carry(&doc, &gone);

    let root = doc.as_table_mut();
    set_value(root, "year", Value::from(i64::from(to)));
    set_value(root, "status", Value::from("draft"));
    for key in DECISION {
        root.remove(key);
    }
    root.remove("upgrades");
    if let Some(systems) = root.get_mut("systems") {
        retain_tables(systems, |t| !gone.system(t));
        for_each_table(systems, |system| keep_system(system, &gone));
    }
    if let Some(activities) = root.get_mut("activities") {
        retain_tables(activities, |t| !finished(t));
        mark_carried(activities, from);
    }
    comments::apply(&mut doc, carried);
    if let Some(what) = draft::wrong(&doc, from, to) {
        return Err(Error::Wrong(what));
    }
    // The draft is about as long as the plan: written without growing the string.
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    use std::fmt::Write as _;
    write!(out, "{doc}").expect("writing to a string");
    retitle(&mut out, from, to);
    Ok(Rolled {
        systems: draft::systems(&doc),
        text: crate::fsio::like_source(text, out),
        summary,
    })
}

/// The title `plan new` writes at the top (`# Förvaltningsplan 2027 för Ladok.`,
/// or in English `# Management plan 2027 for Ladok.`) names the new year. Only that
/// line of the file's leading comments is touched; years elsewhere in comments are
/// the user's words.
fn retitle(text: &mut String, from: i32, to: i32) {
    // The title up to the object's name, in each language.
    let titles: Vec<String> = crate::i18n::Lang::ALL
        .iter()
        .map(|lang| {
            let title = crate::tr!(*lang, "scaffold-title", year = from, name = "\u{1}");
            format!("# {}", title.split('\u{1}').next().unwrap_or_default())
        })
        .collect();
    let year = from.to_string();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if !(trimmed.starts_with('#') || trimmed.trim().is_empty()) {
            return;
        }
        let title = titles.iter().find(|t| trimmed.starts_with(t.as_str()));
        if let Some(offset) = title.and_then(|t| t.find(&year)) {
            let start = at + (line.len() - trimmed.len()) + offset;
            text.replace_range(start..start + year.len(), &to.to_string());
            return;
        }
        at += line.len();
    }
}

/// What the rollover removes, decided in one place for both the edit and the comments.
struct Gone<'a> {
    drop_ref: &'a dyn Fn(&str) -> bool,
}

impl Gone<'_> {
    fn system(&self, t: &dyn TableLike) -> bool {
        str_of(t, "lifecycle") == Some("retired")
    }

    fn integration(&self, t: &dyn TableLike) -> bool {
        str_of(t, "source").is_some_and(self.drop_ref)
    }

    /// Whether a table (at `path` of keys from the root; `in_array`: an element of
    /// an array of tables) goes.
    fn table(&self, path: &[&str], t: &dyn TableLike, in_array: bool) -> bool {
        match path {
            ["upgrades"] => true,
            _ if !in_array => false,
            ["systems"] => self.system(t),
            ["activities"] => finished(t),
            ["systems", "integrations"] => self.integration(t),
            _ => false,
        }
    }

    /// Whether a key of the table at `path` goes (with its value).
    fn key(&self, path: &[&str], key: &str) -> bool {
        match path {
            [] => DECISION.contains(&key) || key == "upgrades",
            ["systems", "appendix3"] => ATTESTATION.contains(&key),
            _ => false,
        }
    }
}

/// Done and cancelled activities are history; everything else is open work.
fn finished(t: &dyn TableLike) -> bool {
    matches!(str_of(t, "status"), Some("done" | "cancelled"))
}

fn str_of<'t>(t: &'t dyn TableLike, key: &str) -> Option<&'t str> {
    t.get(key).and_then(Item::as_str)
}

/// The tables of an array of tables, or of an inline array of inline tables.
fn tables(item: Option<&Item>) -> Vec<&dyn TableLike> {
    match item {
        Some(Item::ArrayOfTables(a)) => a.iter().map(|t| t as &dyn TableLike).collect(),
        Some(Item::Value(Value::Array(a))) => a
            .iter()
            .filter_map(Value::as_inline_table)
            .map(|t| t as &dyn TableLike)
            .collect(),
        _ => Vec::new(),
    }
}

fn retain_tables(item: &mut Item, keep: impl Fn(&dyn TableLike) -> bool) {
    match item {
        Item::ArrayOfTables(a) => a.retain(|t| keep(t)),
        Item::Value(Value::Array(a)) => {
            remove_elements(a, |v| v.as_inline_table().is_some_and(|t| !keep(t)));
        }
        _ => {}
    }
}

fn for_each_table(item: &mut Item, mut f: impl FnMut(&mut dyn TableLike)) {
    match item {
        Item::ArrayOfTables(a) => a.iter_mut().for_each(|t| f(t)),
        Item::Value(Value::Array(a)) => a
            .iter_mut()
            .filter_map(Value::as_inline_table_mut)
            .for_each(|t| f(t)),
        _ => {}
    }
}

/// Marks every (open) activity with the year it is carried over from.
fn mark_carried(activities: &mut Item, from: i32) {
    let year = || Value::from(i64::from(from));
    match activities {
        Item::ArrayOfTables(a) => a
            .iter_mut()
            .for_each(|t| set_value(t, "carried_from", year())),
        Item::Value(Value::Array(a)) => {
            for t in a.iter_mut().filter_map(Value::as_inline_table_mut) {
                if t.contains_key("carried_from") {
                    set_value(t, "carried_from", year());
                    continue;
                }
                // `{ id = "A1" }`: the space before `}` stays last.
                let mut value = year();
                if let Some((_, last)) = t.iter_mut().last() {
                    let suffix = raw(last.decor().suffix());
                    last.decor_mut().set_suffix("");
                    value.decor_mut().set_suffix(suffix);
                }
                t.insert("carried_from", value);
            }
        }
        _ => {}
    }
}

/// A kept system: without its attestation and without references to what is gone.
fn keep_system(system: &mut dyn TableLike, gone: &Gone<'_>) {
    if let Some(a3) = system
        .get_mut("appendix3")
        .and_then(Item::as_table_like_mut)
    {
        for key in ATTESTATION {
            a3.remove(key);
        }
    }
    if let Some(Item::Value(Value::Array(deps))) = system.get_mut("depends_on") {
        remove_elements(deps, |v| v.as_str().is_some_and(gone.drop_ref));
    }
    if let Some(integrations) = system.get_mut("integrations") {
        retain_tables(integrations, |t| !gone.integration(t));
    }
}

/// Sets a key's value, keeping the comments around the old value; appends the key
/// when it is absent.
fn set_value(table: &mut dyn TableLike, key: &str, mut value: Value) {
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) => {
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        None => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// Removes the elements of an inline array `remove` picks, with what belongs to them:
/// the rest of their line (a trailing comment) goes, the rest of the line before
/// them stays with the element before.
fn remove_elements(array: &mut Array, remove: impl Fn(&Value) -> bool) {
    let mut i = 0;
    while i < array.len() {
        if !array.get(i).is_some_and(&remove) {
            i += 1;
            continue;
        }
        let prefix = raw(array.get(i).and_then(|v| v.decor().prefix()));
        array.remove(i);
        let last = i == array.len();
        let next = if last {
            raw(Some(array.trailing()))
        } else {
            raw(array.get(i).and_then(|v| v.decor().prefix()))
        };
        let joined = if !prefix.contains('\n') && !next.contains('\n') {
            // One line: the next element takes the removed one's place and spacing.
            if last {
                next
            } else {
                prefix
            }
        } else {
            let head = prefix.find('\n').map_or("", |n| &prefix[..=n]);
            let rest = next.find('\n').map_or(next.as_str(), |n| &next[n + 1..]);
            format!("{head}{rest}")
        };
        if last {
            array.set_trailing(joined);
        } else if let Some(v) = array.get_mut(i) {
            v.decor_mut().set_prefix(joined);
        }
    }
}

fn raw(s: Option<&toml_edit::RawString>) -> String {
    s.and_then(|r| r.as_str()).unwrap_or("").to_string()
}

/// The summary, read before anything is removed.
fn summarize(doc: &DocumentMut, drop_ref: &dyn Fn(&str) -> bool) -> Summary {
    let mut s = Summary::default();
    let gone = Gone { drop_ref };
    for system in tables(doc.get("systems")) {
        let id = str_of(system, "id").unwrap_or("?").to_string();
        if gone.system(system) {
            s.systems_dropped.push(id);
            continue;
        }
        if let Some(Item::Value(Value::Array(deps))) = system.get("depends_on") {
            for target in deps
                .iter()
                .filter_map(Value::as_str)
                .filter(|t| drop_ref(t))
            {
                s.refs_dropped.push(format!("{id} → {target}"));
            }
        }
        for integration in tables(system.get("integrations")) {
            if gone.integration(integration) {
                let source = str_of(integration, "source").unwrap_or("?");
                s.refs_dropped
                    .push(format!("{id} → {source} (integration)"));
            }
        }
        let answers = system
            .get("appendix3")
            .and_then(Item::as_table_like)
            .and_then(|a3| a3.get("answers"))
            .and_then(Item::as_table_like);
        for (question, answer) in answers.into_iter().flat_map(|a| a.iter()) {
            let said = answer.as_str().or_else(|| {
                answer
                    .as_table_like()
                    .and_then(|t| t.get("answer"))
                    .and_then(Item::as_str)
            });
            if matches!(said, Some("no" | "partial")) {
                s.open_deviations.push(format!("{id}/{question}"));
            }
        }
        s.systems_kept.push(id);
    }
    for activity in tables(doc.get("activities")) {
        let label = str_of(activity, "id")
            .or_else(|| str_of(activity, "title"))
            .unwrap_or("?")
            .to_string();
        match str_of(activity, "status") {
            Some("done") => s.activities_done.push(label),
            Some("cancelled") => s.activities_cancelled.push(label),
            _ => s.activities_carried.push(label),
        }
    }
    let upgrades = tables(doc.get("upgrades"));
    s.upgrades_dropped = upgrades.len();
    s.upgrades_unfinished = upgrades
        .iter()
        .filter(|u| !matches!(str_of(**u, "status"), Some("done" | "cancelled")))
        .count();
    s
}

#[cfg(test)]
mod tests;
