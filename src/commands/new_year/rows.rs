//! What `plan new-year` does to each object: the drafts, made and checked before
//! anything is written.
//!
//! Each plan to roll over is parsed once: rolled over keeping every reference,
//! checked, and written under a temporary name while the others are still being
//! rolled over. What `from` retired is known only when every plan is read (a plan's
//! own systems say it), so the few drafts that name something retired are then
//! rolled over again, dropping those references.

use crate::diag::Span;
use crate::fsio::{Batch, Pending};
use crate::i18n::{Fail, Msg};
use crate::index::{Dep, ObjectEntry, Resolved, SystemEntry, YearIndex};
use crate::model::Plan;
use crate::msg;
use crate::repo::Source;
use crate::rollover::{self, Summary};
use anyhow::Result;
use chrono::Datelike;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

/// What happens to one object.
pub(super) enum Action {
    /// A draft for `rel`, written under a temporary name unless this is a dry run.
    Write {
        rel: String,
        pending: Option<Pending>,
    },
    Skip,
}

/// One row of the table.
pub(super) struct Row {
    pub object: String,
    pub action: Action,
    pub summary: Summary,
    pub notes: Vec<Msg>,
    /// Skipped because the target plan exists (the normal case of a second run).
    pub exists: bool,
}

/// Years and where the plans are.
pub(super) struct Years<'a> {
    /// The plan repository.
    pub root: &'a Path,
    pub from: i32,
    pub to: i32,
    /// Object → path of its `from` plan.
    pub from_plans: &'a BTreeMap<String, String>,
    /// Object → path of its `to` plan, for the objects that have one.
    pub to_plans: &'a BTreeMap<String, String>,
    /// Where drafts are written (under temporary names, see [`Pending`]); None
    /// when they are only made (a dry run).
    pub batch: Option<&'a Batch>,
}

/// What the first pass made of a `from` plan.
enum First {
    Drafted(Box<Draft>),
    /// Not rolled over (its `to` plan exists): its entry, when it is readable.
    Kept(Option<ObjectEntry>),
    Unreadable(anyhow::Error),
}

/// One plan rolled over, its draft checked.
struct Draft {
    /// The draft, written under a temporary name (unless a dry run).
    pending: Option<Pending>,
    summary: Summary,
    /// What the draft says (its systems are the `from` plan's that are not retired).
    entry: ObjectEntry,
    /// Notes on contracts that ended.
    ended: Vec<Msg>,
}

/// Decides every object's fate and rolls over the ones to write. A plan to roll
/// over that cannot be read stops the run; nothing is written here.
pub(super) fn plan_rows(source: &dyn Source, years: &Years<'_>) -> Result<Vec<Row>> {
    let Years {
        root,
        from,
        to,
        from_plans,
        to_plans,
        ..
    } = *years;
    let mut rows: Vec<Row> = from_plans
        .keys()
        .map(|object| {
            let rel = format!("objects/{object}/{to}.toml");
            // Anything at the target counts, a dangling link too: it is never replaced.
            let exists =
                to_plans.contains_key(object) || root.join(&rel).symlink_metadata().is_ok();
            Row {
                object: object.clone(),
                action: Action::Skip,
                summary: Summary::default(),
                notes: if exists {
                    vec![msg!("new-year-exists", file = &rel)]
                } else {
                    Vec::new()
                },
                exists,
            }
        })
        .collect();
    if rows.iter().all(|r| r.exists) {
        // The second run: nothing to read.
        return Ok(rows);
    }

    let firsts: Vec<(&String, &String)> = from_plans.iter().collect();
    let mut read = first_pass(source, years, &firsts, &rows)?;

    // What `from` retired, and what the existing `to` plans keep alive.
    let from_entries: Vec<ObjectEntry> = read
        .iter()
        .filter_map(|r| match r {
            Ok(draft) => Some(as_in_from(draft, from)),
            Err(entry) => entry.clone(),
        })
        .collect();
    let from_index = YearIndex::new(from, &from_entries);
    let existing: Vec<ObjectEntry> = to_plans
        .par_iter()
        .map(|(object, rel)| {
            // Unreadable: the object is there, its systems unknown (plan check says why).
            entry(source, rel, object, to)
                .unwrap_or_else(|| ObjectEntry::from_plan(rel, object, to, &Plan::default()))
        })
        .collect();
    let existing_index = YearIndex::new(to, &existing);
    let gone = |target: &str| {
        let retired = match from_index.resolve(target) {
            Resolved::System(_, s) => s.retired,
            Resolved::Object(o) => o.all_retired(),
            _ => false,
        };
        retired && !alive(&existing_index, target)
    };

    // Drafts that name something gone: rolled over again, without those references.
    read.par_iter_mut()
        .zip(&firsts)
        .try_for_each(|(r, (object, rel))| -> Result<()> {
            let Ok(first) = r else { return Ok(()) };
            let names_gone = first
                .entry
                .systems
                .iter()
                .flat_map(|s| &s.deps)
                .any(|dep| gone(&dep.target));
            if names_gone {
                drop(first.pending.take()); // its temporary file, before the new one
                let (mut again, text) = draft(source, rel, object, years, &gone)?;
                stage(&mut again, &text, years).map_err(super::write_failed)?;
                *first = again;
            }
            Ok(())
        })?;

    // The year `to` as it will be: the plans there and the new drafts.
    let mut to_entries = existing;
    for (row, r) in rows.iter_mut().zip(&read) {
        let Ok(draft) = r else { continue };
        if all_retired(draft) {
            let ids: Vec<&str> = retired_ids(draft).collect();
            row.notes.push(msg!(
                "new-year-all-retired",
                systems = ids.join(", "),
                year = to
            ));
        } else {
            to_entries.push(draft.entry.clone());
        }
    }
    let to_index = YearIndex::new(to, &to_entries);

    for (row, r) in rows.iter_mut().zip(read) {
        let Ok(draft) = r else { continue };
        if all_retired(&draft) {
            continue;
        }
        row.notes.extend(notes(&draft, &to_index, years));
        row.summary = draft.summary;
        row.action = Action::Write {
            rel: draft.entry.file,
            pending: draft.pending,
        };
    }
    Ok(rows)
}

/// The plans of `from`: the ones to write rolled over keeping every reference (and
/// written under temporary names), the others (their `to` plan exists) read for
/// what they retired. Any plan to roll over that cannot be read stops the run.
fn first_pass(
    source: &dyn Source,
    years: &Years<'_>,
    firsts: &[(&String, &String)],
    rows: &[Row],
) -> Result<Vec<Result<Draft, Option<ObjectEntry>>>> {
    let read = firsts
        .par_iter()
        .zip(rows)
        .map(|((object, rel), row)| -> Result<First> {
            if row.exists {
                return Ok(First::Kept(entry(source, rel, object, years.from)));
            }
            match draft(source, rel, object, years, &|_| false) {
                Ok((mut made, text)) => {
                    stage(&mut made, &text, years)?;
                    Ok(First::Drafted(Box::new(made)))
                }
                Err(e) => Ok(First::Unreadable(e)),
            }
        })
        .collect::<Result<Vec<First>>>()
        .map_err(super::write_failed)?;
    let unreadable: Vec<Msg> = read
        .iter()
        .filter_map(|r| match r {
            First::Unreadable(e) => Some(crate::i18n::error_msg(e)),
            _ => None,
        })
        .collect();
    if !unreadable.is_empty() {
        let mut lines = vec![msg!("error-new-year-unreadable", year = years.from)];
        lines.extend(unreadable);
        return Err(Fail(crate::i18n::joined(lines, "\n  ")).into());
    }
    Ok(read
        .into_iter()
        .filter_map(|r| match r {
            First::Drafted(made) => Some(Ok(*made)),
            First::Kept(entry) => Some(Err(entry)),
            First::Unreadable(_) => None, // returned above
        })
        .collect())
}

/// A plan's text; not UTF-8 stops the run.
fn read_text(source: &dyn Source, rel: &str) -> Result<String> {
    let bytes = source
        .read(rel)?
        .ok_or_else(|| Fail(msg!("error-new-year-disappeared", file = rel)))?;
    String::from_utf8(bytes).map_err(|_| Fail(msg!("error-diff-not-utf8", file = rel)).into())
}

/// What the cross-object rules need of a plan file that is not rolled over; None
/// when it cannot be read or parsed.
fn entry(source: &dyn Source, rel: &str, object: &str, year: i32) -> Option<ObjectEntry> {
    let bytes = source.read(rel).ok()??;
    ObjectEntry::parse(rel, object, year, &bytes)
}

/// Rolls the `from` plan at `rel` over, dropping the references `gone` names.
/// Returns the draft with its text.
fn draft(
    source: &dyn Source,
    rel: &str,
    object: &str,
    years: &Years<'_>,
    gone: &(dyn Fn(&str) -> bool + Sync),
) -> Result<(Draft, String)> {
    let text = read_text(source, rel)?;
    let to_rel = format!("objects/{object}/{}.toml", years.to);
    let rolled = rollover::roll(&text, years.from, years.to, gone).map_err(|e| match e {
        rollover::Error::NotToml(_) => Fail(msg!("error-plan-not-toml", file = rel)),
        rollover::Error::Wrong(what) => {
            Fail(msg!("error-new-year-wrong", file = &to_rel, what = what))
        }
    })?;
    // No rule looks back at a contract that ended before the plan year: say it here.
    let ended = rolled
        .systems
        .iter()
        .filter_map(|s| Some((s.id.as_ref()?, s.contract_ends?)))
        .filter(|(_, ends)| ends.year() < years.to)
        .map(|(id, ends)| {
            msg!(
                "new-year-contract-ended",
                system = id,
                date = ends.to_string()
            )
        })
        .collect();
    let entry = ObjectEntry {
        file: to_rel,
        object: object.to_string(),
        year: years.to,
        systems: rolled
            .systems
            .into_iter()
            .filter_map(|s| {
                Some(SystemEntry {
                    id: s.id?,
                    retired: false,
                    deps: s
                        .refs
                        .into_iter()
                        .map(|(target, via)| Dep {
                            target,
                            via,
                            span: Span::START,
                        })
                        .collect(),
                })
            })
            .collect(),
        upgrades: Vec::new(),
        unreadable: false,
    };
    let made = Draft {
        pending: None,
        summary: rolled.summary,
        entry,
        ended,
    };
    Ok((made, rolled.text))
}

/// Writes a draft under a temporary name beside its place, unless this is a dry
/// run: the text need not be kept, and the writing overlaps the drafting of others.
fn stage(draft: &mut Draft, text: &str, years: &Years<'_>) -> Result<()> {
    if let Some(batch) = years.batch {
        draft.pending = Some(batch.write(&draft.entry.file, text.as_bytes())?);
    }
    Ok(())
}

/// The ids of the retired systems a draft dropped (a system without an id is
/// listed as "?": nothing can name it).
fn retired_ids(draft: &Draft) -> impl Iterator<Item = &str> {
    draft
        .summary
        .systems_dropped
        .iter()
        .map(String::as_str)
        .filter(|id| *id != "?")
}

/// What the `from` plan of a draft said about its systems: the draft's, which are
/// not retired, and the retired ones it dropped.
fn as_in_from(draft: &Draft, from: i32) -> ObjectEntry {
    let mut entry = draft.entry.clone();
    entry.year = from;
    entry
        .systems
        .extend(retired_ids(draft).map(|id| SystemEntry {
            id: id.to_string(),
            retired: true,
            deps: Vec::new(),
        }));
    entry
}

/// Whether every system of the `from` plan was retired: then there is no draft.
fn all_retired(draft: &Draft) -> bool {
    draft.entry.systems.is_empty() && retired_ids(draft).next().is_some()
}

/// The notes of one draft: references that name nothing in `to`, upgrades to plan
/// again, references dropped, open deviations, contracts that ended.
fn notes(draft: &Draft, to_index: &YearIndex<'_>, years: &Years<'_>) -> Vec<Msg> {
    let mut notes = draft.ended.clone();
    for system in &draft.entry.systems {
        for dep in &system.deps {
            if matches!(
                to_index.resolve(&dep.target),
                Resolved::NoObject | Resolved::NoSystem(_)
            ) {
                notes.push(msg!(
                    "new-year-names-nothing",
                    system = &system.id,
                    target = &dep.target,
                    year = years.to
                ));
            }
        }
    }
    let summary = &draft.summary;
    if summary.upgrades_unfinished > 0 {
        notes.push(msg!(
            "new-year-upgrades-unfinished",
            count = summary.upgrades_unfinished,
            year = years.from
        ));
    }
    for r in &summary.refs_dropped {
        notes.push(msg!("new-year-removed", reference = r, year = years.from));
    }
    if !summary.open_deviations.is_empty() {
        notes.push(msg!(
            "new-year-deviations",
            deviations = summary.open_deviations.join(", ")
        ));
    }
    notes
}

/// Whether a reference names something alive in a year.
fn alive(index: &YearIndex<'_>, target: &str) -> bool {
    match index.resolve(target) {
        Resolved::System(_, s) => !s.retired,
        Resolved::Object(o) => !o.all_retired(),
        _ => false,
    }
}
