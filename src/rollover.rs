//! The annual rollover of one plan (`plan new-year`, SPEC section 8): next year's
//! draft made from this year's text through `toml_edit`, so every comment, blank line
//! and key order of what is kept survives byte for byte.
//!
//! Kept: roles, reference group, systems that are not retired (with their
//! dependencies, integrations and appendix-3 answers, deviations included: a new year
//! does not resolve them), budget, and open activities, marked `carried_from`.
//! Reset: `year`, `status = "draft"`, no `established_on`, no attestation.
//! Dropped: retired systems, done and cancelled activities, every upgrade.
//!
//! A removed item takes its own comments along: those inside it and those directly
//! above it (no blank line between). Comments set off by a blank line head a section
//! (`# --- Versionsuppgraderingar ---`) and stay, as do comments directly below the
//! item before it: they belong to what is kept.

use std::collections::HashMap;
use toml_edit::{Array, DocumentMut, Item, TableLike, Value};

/// The attestation keys of `[systems.appendix3]`; the answers stay for review.
const ATTESTATION: [&str; 3] = ["attested_by", "attested_on", "digest"];

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

/// Next year's draft of one plan: `text` is the plan for `from`, the result the plan
/// for `to`. `drop_ref` says which `depends_on` entries and integration sources to
/// remove because what they name will not exist in `to` (a retired system, or an
/// object whose systems are all retired); the caller knows the other objects.
pub fn roll(
    text: &str,
    from: i32,
    to: i32,
    drop_ref: &dyn Fn(&str) -> bool,
) -> Result<(String, Summary), toml_edit::TomlError> {
    let mut doc: DocumentMut = text.parse()?;
    let summary = summarize(&doc, drop_ref);
    let gone = Gone { drop_ref };
    let carried = comments::carry(&doc, &gone);

    let root = doc.as_table_mut();
    set_value(root, "year", Value::from(i64::from(to)));
    set_value(root, "status", Value::from("draft"));
    root.remove("established_on");
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
    Ok((doc.to_string(), summary))
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
            [] => key == "established_on" || key == "upgrades",
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

/// Where the comments of removed items go. A decor prefix (the lines between one
/// item and the next) splits into three parts: the comment lines directly below the
/// item before (its tail), the lines set off by blank lines (a section heading), and
/// the comment lines directly above the item (its own).
mod comments {
    use super::{Gone, HashMap};
    use toml_edit::{DocumentMut, Item, Table};

    /// A place comments stand before, found again after the edit by table position.
    #[derive(Clone, Debug, PartialEq, Eq, Hash)]
    pub(super) enum Slot {
        /// The header of the table at this document position.
        Header(isize),
        /// A key of the table at this position (None: the root), as its key path.
        Key(Option<isize>, Vec<String>),
        /// After the last table.
        End,
    }

    /// One line-holder of the document, in the order it is written.
    struct Entry {
        slot: Option<Slot>,
        prefix: String,
        gone: bool,
        /// The first entry of a removed item (its header or key), not something inside it.
        starts_item: bool,
    }

    /// The new prefixes of the kept entries that follow removed ones.
    pub(super) fn carry(doc: &DocumentMut, gone: &Gone<'_>) -> HashMap<Slot, String> {
        let entries = flatten(doc, gone);
        let mut out = HashMap::new();
        let mut pending: Vec<String> = Vec::new();
        let mut prev_gone = false;
        for e in entries {
            let (tail, section, own) = match split(&e.prefix) {
                // Comments at the very end, not set off by a blank line, close the
                // last table: there is no next item for them to belong to.
                ("", "", own) if e.slot == Some(Slot::End) => (own, "", ""),
                parts => parts,
            };
            if e.gone {
                if e.starts_item {
                    if !prev_gone && !tail.is_empty() {
                        pending.push(tail.to_string());
                    }
                    if section.contains('#') {
                        pending.push(section.to_string());
                    }
                }
                prev_gone = true;
                continue;
            }
            if prev_gone {
                if let Some(slot) = e.slot {
                    // The tail of this entry's prefix belonged to the removed entry.
                    let rest = format!("{section}{own}");
                    let mut prefix = join(&pending, &rest);
                    if slot == Slot::End {
                        // The file ends after the last line, not after blank lines.
                        let kept = prefix.trim_end().len();
                        prefix.truncate(kept);
                        if kept > 0 {
                            prefix.push('\n');
                        }
                    }
                    out.insert(slot, prefix);
                    pending.clear();
                    prev_gone = false;
                }
            }
        }
        out
    }

    /// Sets the new prefixes, found by the positions of their tables.
    pub(super) fn apply(doc: &mut DocumentMut, changes: HashMap<Slot, String>) {
        for (slot, prefix) in changes {
            match slot {
                Slot::End => doc.set_trailing(prefix),
                Slot::Header(pos) => {
                    if let Some(t) = table_at(doc.as_table_mut(), Some(pos)) {
                        t.decor_mut().set_prefix(prefix);
                    }
                }
                Slot::Key(pos, path) => {
                    let Some((last, dotted)) = path.split_last() else {
                        continue;
                    };
                    let table =
                        table_at(doc.as_table_mut(), pos).and_then(|t| dotted_table(t, dotted));
                    if let Some(mut key) = table.and_then(|t| t.key_mut(last)) {
                        key.leaf_decor_mut().set_prefix(prefix);
                    }
                }
            }
        }
    }

    /// The dotted table (`a.b.c = 1` → `a.b`) a key path leads through.
    fn dotted_table<'t>(table: &'t mut Table, path: &[String]) -> Option<&'t mut Table> {
        match path.split_first() {
            None => Some(table),
            Some((first, rest)) => {
                dotted_table(table.get_mut(first).and_then(Item::as_table_mut)?, rest)
            }
        }
    }

    /// The table with this document position (None: the root).
    fn table_at(table: &mut Table, pos: Option<isize>) -> Option<&mut Table> {
        if pos.is_none() || (table.position() == pos && !table.is_dotted()) {
            return Some(table);
        }
        for (_, item) in table.iter_mut() {
            let found = match item {
                Item::Table(t) => table_at(t, pos),
                Item::ArrayOfTables(a) => a.iter_mut().find_map(|t| table_at(t, pos)),
                _ => None,
            };
            if found.is_some() {
                return found;
            }
        }
        None
    }

    /// A table as the document writes it: its header (if shown) and its body lines.
    struct Visited<'d> {
        order: isize,
        path: Vec<&'d str>,
        table: &'d Table,
        gone: bool,
        starts_item: bool,
    }

    /// Every header and key line of the document, in the order they are written
    /// (the order `toml_edit` writes tables: by position, the root first).
    fn flatten(doc: &DocumentMut, gone: &Gone<'_>) -> Vec<Entry> {
        let mut tables = Vec::new();
        let mut last = 0;
        visit(
            doc.as_table(),
            &mut Vec::new(),
            false,
            false,
            gone,
            &mut last,
            &mut tables,
        );
        tables.sort_by_key(|v| (!v.path.is_empty(), v.order));
        let mut entries = Vec::new();
        for v in &tables {
            let t = v.table;
            let values = t.get_values();
            let shown = !(t.is_implicit() && values.is_empty());
            if !v.path.is_empty() && shown {
                entries.push(Entry {
                    slot: t.position().map(Slot::Header),
                    prefix: prefix_of(t.decor().prefix()),
                    gone: v.gone,
                    starts_item: v.starts_item,
                });
            }
            // Keys of tables without a position cannot be found again: never a target.
            let owner = if v.path.is_empty() {
                Some(None)
            } else {
                t.position().map(Some)
            };
            for (keys, _) in values {
                let Some(leaf) = keys.last() else { continue };
                let removed = keys.len() == 1 && gone.key(&v.path, leaf.get());
                entries.push(Entry {
                    slot: owner
                        .map(|o| Slot::Key(o, keys.iter().map(|k| k.get().to_string()).collect())),
                    prefix: prefix_of(leaf.leaf_decor().prefix()),
                    gone: v.gone || removed,
                    starts_item: !v.gone && removed,
                });
            }
        }
        entries.push(Entry {
            slot: Some(Slot::End),
            prefix: doc.trailing().as_str().unwrap_or("").to_string(),
            gone: false,
            starts_item: false,
        });
        entries
    }

    fn visit<'d>(
        table: &'d Table,
        path: &mut Vec<&'d str>,
        in_array: bool,
        parent_gone: bool,
        gone: &Gone<'_>,
        last: &mut isize,
        out: &mut Vec<Visited<'d>>,
    ) {
        let removed = !parent_gone && gone.table(path, table, in_array);
        if !table.is_dotted() {
            if let Some(pos) = table.position() {
                *last = pos;
            }
            out.push(Visited {
                order: *last,
                path: path.clone(),
                table,
                gone: parent_gone || removed,
                starts_item: removed,
            });
        }
        for (key, item) in table.iter() {
            let (children, in_array): (Vec<&Table>, bool) = match item {
                Item::Table(t) => (vec![t], false),
                Item::ArrayOfTables(a) => (a.iter().collect(), true),
                _ => continue,
            };
            for child in children {
                path.push(key);
                let parent_gone = parent_gone || removed;
                visit(child, path, in_array, parent_gone, gone, last, out);
                path.pop();
            }
        }
    }

    fn prefix_of(raw: Option<&toml_edit::RawString>) -> String {
        raw.and_then(|r| r.as_str()).unwrap_or("").to_string()
    }

    fn is_blank(line: &str) -> bool {
        line.trim().is_empty()
    }

    /// Splits a prefix into (tail of the item before, section, own comments). Without
    /// a blank line every comment is the next item's own.
    pub(super) fn split(prefix: &str) -> (&str, &str, &str) {
        let lines: Vec<&str> = prefix.split_inclusive('\n').collect();
        // An unfinished last line is the indentation of what follows.
        let full = |l: &&str| l.ends_with('\n');
        let Some(first_blank) = lines.iter().position(|l| full(l) && is_blank(l)) else {
            return ("", "", prefix);
        };
        let last_blank = lines
            .iter()
            .rposition(|l| full(l) && is_blank(l))
            .unwrap_or(first_blank);
        let offset = |n: usize| lines[..n].iter().map(|l| l.len()).sum::<usize>();
        let (a, b) = (offset(first_blank), offset(last_blank + 1));
        (&prefix[..a], &prefix[a..b], &prefix[b..])
    }

    /// The carried pieces followed by the kept entry's own prefix: a tail stays set
    /// off from what follows, and no blank lines double up where pieces meet.
    fn join(pieces: &[String], rest: &str) -> String {
        let mut out = String::new();
        for piece in pieces.iter().map(String::as_str).chain([rest]) {
            if out.is_empty() {
                out.push_str(piece);
            } else if ends_blank(&out) {
                out.push_str(strip_leading_blank_lines(piece));
            } else if starts_blank(piece) {
                out.push_str(piece);
            } else {
                out.push('\n');
                out.push_str(piece);
            }
        }
        out
    }

    /// Whether the last line of `s` is a blank line.
    fn ends_blank(s: &str) -> bool {
        s.strip_suffix('\n')
            .is_some_and(|body| body.rsplit('\n').next().is_some_and(is_blank))
    }

    /// Whether the first line of `s` is a blank line.
    fn starts_blank(s: &str) -> bool {
        s.find('\n').is_some_and(|n| is_blank(&s[..n]))
    }

    fn strip_leading_blank_lines(s: &str) -> &str {
        let mut rest = s;
        while let Some(n) = rest.find('\n') {
            if is_blank(&rest[..n]) {
                rest = &rest[n + 1..];
            } else {
                break;
            }
        }
        rest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keep_all(_: &str) -> bool {
        false
    }

    fn rolled(text: &str) -> String {
        roll(text, 2027, 2028, &keep_all).expect("parses").0
    }

    const PLAN: &str = r#"# Förvaltningsplan 2027 – Ladok
object = "ladok"
year = 2027
status = "established"   # fastställd
# Styrgruppens beslut:
established_on = 2026-11-25  # protokoll 12
organisation_model = 5

[roles.systemagare]
name = "Karin Ek"

[[systems]]
id = "ladok"
lifecycle = "active"
depends_on = ["lucat"]

# Bilaga 3
[systems.appendix3]
attested_by = "systemagare"
attested_on = 2026-11-19
digest = "sha256:00"

[systems.appendix3.answers]
backup = "yes"   # nattlig
restore_tested = { answer = "no", deviation = "ej testad", action = "testa", owner = "systemforvaltare", due = 2027-03-31 }

# --- Uppgraderingar ---

# Konsortiets vårrelease
[[upgrades]]
system = "ladok"
status = "done"

[[upgrades]]
system = "ladok"
status = "planned"

# --- Aktiviteter ---

[[activities]]
id = "A1"
status = "done"
# A1 avslutades i oktober

# Pågår sedan i våras
[[activities]]
id = "A2"
start = 2027-02-01
status = "ongoing"   # halvvägs

[[activities]]
id = "A3"
status = "cancelled"

[[activities]]
id = "A4"
status = "postponed"
"#;

    #[test]
    fn resets_the_year_keeps_every_kept_line_and_drops_the_rest() {
        let (text, summary) = roll(PLAN, 2027, 2028, &keep_all).expect("parses");
        let expected = r#"# Förvaltningsplan 2027 – Ladok
object = "ladok"
year = 2028
status = "draft"   # fastställd
organisation_model = 5

[roles.systemagare]
name = "Karin Ek"

[[systems]]
id = "ladok"
lifecycle = "active"
depends_on = ["lucat"]

# Bilaga 3
[systems.appendix3]

[systems.appendix3.answers]
backup = "yes"   # nattlig
restore_tested = { answer = "no", deviation = "ej testad", action = "testa", owner = "systemforvaltare", due = 2027-03-31 }

# --- Uppgraderingar ---

# --- Aktiviteter ---

# Pågår sedan i våras
[[activities]]
id = "A2"
start = 2027-02-01
status = "ongoing"   # halvvägs
carried_from = 2027

[[activities]]
id = "A4"
status = "postponed"
carried_from = 2027
"#;
        assert_eq!(text, expected);
        assert_eq!(
            summary,
            Summary {
                systems_kept: vec!["ladok".into()],
                activities_carried: vec!["A2".into(), "A4".into()],
                activities_done: vec!["A1".into()],
                activities_cancelled: vec!["A3".into()],
                upgrades_dropped: 2,
                upgrades_unfinished: 1,
                open_deviations: vec!["ladok/restore_tested".into()],
                ..Summary::default()
            }
        );
    }

    #[test]
    fn a_removed_table_takes_its_own_comments_and_leaves_the_next_ones() {
        let text = "a = 1\n\n[[activities]]\nid = \"A1\"\nstatus = \"planned\"\n\n# A2: klar\n[[activities]]\nid = \"A2\"\nstatus = \"done\"\n\n# A3: öppen\n[[activities]]\nid = \"A3\"\n";
        let out = rolled(text);
        assert_eq!(
            out,
            "a = 1\nyear = 2028\nstatus = \"draft\"\n\n[[activities]]\nid = \"A1\"\nstatus = \"planned\"\ncarried_from = 2027\n\n# A3: öppen\n[[activities]]\nid = \"A3\"\ncarried_from = 2027\n"
        );
    }

    #[test]
    fn the_last_table_removed_leaves_no_trailing_blank_lines() {
        let text = "year = 2027\nstatus = \"draft\"\n\n[budget]\nhours = 1\n\n# klar\n[[activities]]\nid = \"A1\"\nstatus = \"done\"\n# efter A1\n";
        assert_eq!(
            rolled(text),
            "year = 2028\nstatus = \"draft\"\n\n[budget]\nhours = 1\n"
        );
    }

    #[test]
    fn a_section_heading_at_the_end_stays_without_blank_lines_after_it() {
        let text = "year = 2027\nstatus = \"draft\"\n\n[budget]\nhours = 1\n\n# --- Aktiviteter ---\n\n[[activities]]\nid = \"A1\"\nstatus = \"done\"\n";
        assert_eq!(
            rolled(text),
            "year = 2028\nstatus = \"draft\"\n\n[budget]\nhours = 1\n\n# --- Aktiviteter ---\n"
        );
    }

    #[test]
    fn a_comment_below_a_kept_table_stays_with_it() {
        let text = "year = 2027\nstatus = \"draft\"\n\n[budget]\nhours = 1\n# gäller hela året\n\n[[upgrades]]\nsystem = \"x\"\n\n[[activities]]\nid = \"A1\"\n";
        assert_eq!(
            rolled(text),
            "year = 2028\nstatus = \"draft\"\n\n[budget]\nhours = 1\n# gäller hela året\n\n[[activities]]\nid = \"A1\"\ncarried_from = 2027\n"
        );
    }

    #[test]
    fn retired_systems_go_with_their_subtables_and_comments() {
        let text = r#"year = 2027
status = "draft"

[[systems]]
id = "old"
lifecycle = "retired"   # avvecklat i juni

[[systems.integrations]]
source = "lucat"

# Bilaga 3 för old
[systems.appendix3.answers]
backup = "yes"

# Det nya systemet
[[systems]]
id = "new"
lifecycle = "active"
depends_on = ["lucat", "x/old", "kaltura"]

[[systems.integrations]]
source = "x/old"   # gamla flödet

[[systems.integrations]]
source = "lucat"
"#;
        let drop = |t: &str| t == "x/old";
        let (out, summary) = roll(text, 2027, 2028, &drop).expect("parses");
        assert_eq!(
            out,
            r#"year = 2028
status = "draft"

# Det nya systemet
[[systems]]
id = "new"
lifecycle = "active"
depends_on = ["lucat", "kaltura"]

[[systems.integrations]]
source = "lucat"
"#
        );
        assert_eq!(summary.systems_dropped, vec!["old"]);
        assert_eq!(summary.systems_kept, vec!["new"]);
        assert_eq!(
            summary.refs_dropped,
            vec!["new → x/old", "new → x/old (integration)"]
        );
    }

    #[test]
    fn removing_array_elements_keeps_the_other_elements_comments() {
        let mut doc: DocumentMut =
            "a = [\n    \"x\",   # om x\n    \"gone\",   # om gone\n    \"y\",\n]\nb = [\"gone\", \"y\"]\nc = [\"y\", \"gone\"]\nd = [\n  \"y\",\n  \"gone\"   # sist\n]\n"
                .parse()
                .expect("parses");
        for key in ["a", "b", "c", "d"] {
            let array = doc[key].as_array_mut().expect("an array");
            remove_elements(array, |v| v.as_str() == Some("gone"));
        }
        assert_eq!(
            doc.to_string(),
            "a = [\n    \"x\",   # om x\n    \"y\",\n]\nb = [\"y\"]\nc = [\"y\"]\nd = [\n  \"y\"\n]\n"
        );
    }

    #[test]
    fn a_carried_activity_is_marked_with_the_year_it_came_from() {
        let text = "year = 2027\nstatus = \"draft\"\n\n[[activities]]\nid = \"A1\"\ncarried_from = 2025   # sedan länge\nstatus = \"postponed\"\n";
        assert_eq!(
            rolled(text),
            "year = 2028\nstatus = \"draft\"\n\n[[activities]]\nid = \"A1\"\ncarried_from = 2027   # sedan länge\nstatus = \"postponed\"\n"
        );
    }

    #[test]
    fn inline_arrays_of_tables_are_rolled_over_too() {
        let text = "year = 2027\nstatus = \"draft\"\nsystems = [{ id = \"a\", lifecycle = \"retired\" }, { id = \"b\", appendix3 = { attested_by = \"x\", answers = { backup = \"yes\" } } }]\nupgrades = [{ system = \"b\" }]\nactivities = [{ id = \"A1\", status = \"done\" }, { id = \"A2\" }]\n";
        assert_eq!(
            rolled(text),
            "year = 2028\nstatus = \"draft\"\nsystems = [{ id = \"b\", appendix3 = { answers = { backup = \"yes\" } } }]\nactivities = [{ id = \"A2\", carried_from = 2027 }]\n"
        );
    }

    #[test]
    fn a_removed_key_leaves_the_section_comment_above_it() {
        let text = "year = 2027\nstatus = \"established\"\n\n# --- Beslut ---\n\n# fastställd\nestablished_on = 2026-12-01\n\n[budget]\nhours = 1\n";
        assert_eq!(
            rolled(text),
            "year = 2028\nstatus = \"draft\"\n\n# --- Beslut ---\n\n[budget]\nhours = 1\n"
        );
    }

    #[test]
    fn missing_year_and_status_are_added() {
        assert_eq!(
            rolled("object = \"x\"\n"),
            "object = \"x\"\nyear = 2028\nstatus = \"draft\"\n"
        );
    }

    #[test]
    fn text_that_is_not_toml_is_an_error() {
        assert!(roll("a = [", 2027, 2028, &keep_all).is_err());
    }

    #[test]
    fn prefixes_split_into_tail_section_and_own_comments() {
        use comments::split;
        assert_eq!(split(""), ("", "", ""));
        assert_eq!(split("# own\n"), ("", "", "# own\n"));
        assert_eq!(split("\n"), ("", "\n", ""));
        assert_eq!(
            split("# tail\n\n# section\n\n# own\n"),
            ("# tail\n", "\n# section\n\n", "# own\n")
        );
        assert_eq!(split("\n  "), ("", "\n", "  "));
    }
}
