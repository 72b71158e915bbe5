//! Where the comments of removed items go. A decor prefix (the lines between one
//! item and the next) splits into three parts: the comment lines directly below the
//! item before (its tail), the lines set off by blank lines (a section heading), and
//! the comment lines directly above the item (its own).

use super::Gone;
use std::collections::HashMap;
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
                let table = table_at(doc.as_table_mut(), pos).and_then(|t| dotted_table(t, dotted));
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
