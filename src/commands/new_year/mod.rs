//! `plan new-year`: next year's draft plans from this year's (SPEC section 8).

mod commit;
mod rows;
mod table;

use crate::cli::{parse_year, Globals};
use crate::fsio;
use crate::i18n::{Fail, Lang};
use crate::layout::classify;
use crate::repo::{self, Source, WorkTree};
use crate::{fail, msg, tr};
use anyhow::Result;
use rayon::prelude::*;
use rows::{plan_rows, Action, Years};
use std::collections::BTreeMap;
use std::process::ExitCode;

/// Start next year's plans from this year's: one draft per object, nothing lost.
///
/// For every object with a plan for --from and none for --to, writes
/// objects/<object>/<to>.toml from the --from plan, keeping every comment and the
/// layout of what is kept:
///
///   kept     roles, reference group, budget, systems that are not retired (with
///            dependencies, integrations and the appendix-3 answers: open
///            deviations stay open), open activities (planned, ongoing, postponed),
///            marked carried_from = <from> with their dates as history
///   reset    year, status = "draft", no established_on, no attestation: the
///            attesting role reviews the answers and runs `plan attest` again
///   dropped  done and cancelled activities, every upgrade, retired systems, and
///            dependencies on what was retired. An object whose systems are all
///            retired gets no new plan.
///
/// Existing plans are never overwritten, and either every file is written or none.
/// Running it again is harmless: it says there is nothing to do.
///
/// Examples:
///   plan new-year --dry-run                 (what it would do, as a table)
///   plan new-year                           (the newest established year → the next)
///   plan new-year --from 2027 --to 2028 --commit
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The year to start from (default: the newest year with an established plan,
    /// else the newest year present)
    #[arg(long, value_name = "YEAR", value_parser = parse_year)]
    pub from: Option<i32>,

    /// The year to write (default: --from + 1)
    #[arg(long, value_name = "YEAR", value_parser = parse_year)]
    pub to: Option<i32>,

    /// Show the table of what would be written, carried and dropped; write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Make one git commit of the new files (refused while other changes are staged)
    #[arg(long)]
    pub commit: bool,
}

pub fn run(args: Args, globals: &Globals) -> Result<ExitCode> {
    let root = repo::find_root(globals.repo.as_deref())?;
    let lang = globals.language_at(&root);
    let batch_dir = batch_dir(&root);
    if args.dry_run {
        if batch_dir.symlink_metadata().is_ok() {
            crate::output::note(lang, msg!("note-new-year-interrupted"));
        }
    } else {
        finish_interrupted(&root, &batch_dir, args.commit, lang)?;
    }
    let source = WorkTree::new(&root)?;
    let plans = plans_by_year(&source)?;
    let from = match args.from {
        Some(year) => year,
        None => default_from(&source, &plans)?,
    };
    let to = match args.to {
        Some(to) => to,
        None if from >= 9999 => fail!("error-new-year-five-digits", from = from),
        None => from + 1,
    };
    if to <= from {
        fail!("error-new-year-backwards", to = to, from = from);
    }
    let Some(from_plans) = plans.get(&from) else {
        fail!("error-new-year-no-plans", year = from);
    };
    let empty = BTreeMap::new();
    let to_plans = plans.get(&to).unwrap_or(&empty);
    // The drafts are written into a folder under .git/ and put in place together
    // (see fsio::Batch): an interrupted run is finished or undone by the next one.
    let batch = if args.dry_run {
        None
    } else {
        Some(fsio::Batch::begin(&batch_dir, &root)?)
    };
    let years = Years {
        root: &root,
        from,
        to,
        from_plans,
        to_plans,
        batch: batch.as_ref(),
    };
    let mut rows = plan_rows(&source, &years)?;

    let mut pending = Vec::new();
    let mut writes: Vec<String> = Vec::new();
    for row in &mut rows {
        if let Action::Write { rel, pending: file } = &mut row.action {
            writes.push(rel.clone());
            pending.extend(file.take());
        }
    }
    // A second run finds every plan written already: no table of skips then.
    let show = || {
        if rows.iter().all(|r| r.exists) {
            String::new()
        } else {
            table::table(&rows, to, lang)
        }
    };
    if writes.is_empty() {
        crate::output::emit(&show());
        let id = if rows.iter().all(|r| r.exists) {
            "new-year-nothing"
        } else {
            "new-year-nothing-retired"
        };
        crate::outln!("{}", tr!(lang, id, from = from, to = to));
        return Ok(ExitCode::SUCCESS);
    }
    let git = if args.commit {
        let ready = commit::prepare(&root, lang)
            .map_err(|e| crate::i18n::doing(msg!("error-new-year-commit-refused"), e))?;
        Some(ready)
    } else {
        None
    };
    let plans = msg!("plans", count = writes.len());
    if args.dry_run {
        crate::output::emit(&show());
        let id = if git.is_some() {
            "new-year-dry-run-commit"
        } else {
            "new-year-dry-run"
        };
        crate::outln!("{}", tr!(lang, id, plans = plans, to = to));
        return Ok(ExitCode::SUCCESS);
    }

    let batch = batch.expect("a batch when not a dry run");
    let message = table::message(&rows, from, to, lang);
    // The table is made while the drafts are synced to disk and put in place.
    let commits = git.is_some();
    let (shown, placed) = rayon::join(show, || batch.place(pending, &writes, &message, commits));
    let placed = placed.map_err(write_failed)?;
    let wrote = match git {
        Some(git) => {
            let rels: Vec<&str> = writes.iter().map(String::as_str).collect();
            match git.commit(&rels, &message) {
                Ok(id) => msg!(
                    "new-year-wrote-committed",
                    plans = plans,
                    to = to,
                    commit = id
                ),
                Err(e) => {
                    for path in &placed {
                        let _ = std::fs::remove_file(path);
                    }
                    return Err(crate::i18n::doing(msg!("error-new-year-committing"), e));
                }
            }
        }
        None => msg!("new-year-wrote", plans = plans, to = to),
    };
    drop(batch);
    crate::output::emit(&shown);
    crate::outln!("{}", wrote.render(lang));
    crate::outln!("{}", tr!(lang, "new-year-next", year = to));
    Ok(ExitCode::SUCCESS)
}

/// Where a run keeps its drafts until they are in place: under the git folder,
/// where neither `plan check` nor the user sees them; in a plain folder (no git), a
/// hidden folder at its root.
pub(crate) fn batch_dir(root: &std::path::Path) -> std::path::PathBuf {
    match crate::repo::GitRepo::open(root) {
        Ok(git) => git.repo.path().join("plan-new-year"),
        Err(_) => root.join(".plan-new-year"),
    }
}

/// Finishes (or undoes) a run that was interrupted (SPEC §8): its drafts all in
/// place, and committed when it was to commit them or this run commits.
fn finish_interrupted(
    root: &std::path::Path,
    dir: &std::path::Path,
    commit: bool,
    lang: Lang,
) -> Result<()> {
    match fsio::interrupted(dir, root)? {
        None => {}
        Some(fsio::Interrupted::Undone) => {
            crate::output::note(lang, msg!("note-new-year-undone"));
        }
        Some(fsio::Interrupted::Placed {
            rels,
            message,
            commit: recorded,
        }) => {
            let plans = msg!("plans", count = rels.len());
            let finished = if commit || recorded {
                let refs: Vec<&str> = rels.iter().map(String::as_str).collect();
                let id = commit::finish(root, &refs, &message, lang)?;
                msg!("new-year-finished-committed", plans = plans, commit = id)
            } else {
                msg!("new-year-finished", plans = plans)
            };
            fsio::finished(dir)?;
            crate::outln!("{}", finished.render(lang));
        }
    }
    Ok(())
}

/// A failure to write the new plans (none of which is then in place).
fn write_failed(e: anyhow::Error) -> anyhow::Error {
    crate::i18n::doing(msg!("error-new-year-writing"), e)
}

/// Object → path of its plan, by year.
type ByYear = BTreeMap<i32, BTreeMap<String, String>>;

fn plans_by_year(source: &dyn Source) -> Result<ByYear> {
    let mut plans = ByYear::new();
    for path in source.list_objects()?.files {
        // Misnamed files are `plan check`'s business (layout); they hold no plan here.
        if let Ok((object, year)) = classify(&path) {
            plans.entry(year).or_default().insert(object, path);
        }
    }
    Ok(plans)
}

/// The newest year with an established (or revised) plan. A year of drafts only is
/// still being planned, most likely by an earlier run of this command; rolling it
/// over again would copy undecided plans. Without any established plan: the newest year.
fn default_from(source: &dyn Source, plans: &ByYear) -> Result<i32> {
    let established = |path: &String| {
        let Ok(Some(bytes)) = source.read(path) else {
            return false; // unreadable: `plan check` reports it
        };
        crate::model::parse::parse(&bytes).is_ok_and(|p| p.plan().status_is_established())
    };
    for (year, objects) in plans.iter().rev() {
        if objects.par_iter().any(|(_, path)| established(path)) {
            return Ok(*year);
        }
    }
    plans
        .keys()
        .next_back()
        .copied()
        .ok_or_else(|| Fail(msg!("error-new-year-nothing")).into())
}
