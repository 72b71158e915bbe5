//! `plan new-year`: next year's draft plans from this year's (SPEC section 8).

use crate::checks::classify;
use crate::cli::{parse_year, Globals};
use crate::diag::Span;
use crate::fsio;
use crate::index::{ObjectEntry, Resolved, YearIndex};
use crate::model::{Plan, Tbl};
use crate::repo::{self, GitRepo, Source, WorkTree};
use crate::rollover::{self, Summary};
use anyhow::{anyhow, bail, Context, Result};
use chrono::Datelike;
use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
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

/// What happens to one object.
enum Action {
    Write { rel: String, text: String },
    Skip,
}

/// One row of the table.
struct Row {
    object: String,
    action: Action,
    summary: Summary,
    notes: Vec<String>,
    /// Skipped because the target plan exists (the normal case of a second run).
    exists: bool,
}

pub fn run(args: Args, globals: &Globals) -> Result<ExitCode> {
    let root = repo::find_root(globals.repo.as_deref())?;
    let source = WorkTree::new(&root)?;
    let plans = plans_by_year(&source)?;
    let from = match args.from {
        Some(year) => year,
        None => default_from(&source, &plans)?,
    };
    let to = args.to.unwrap_or(from + 1);
    if to <= from {
        bail!("--to {to} must be after --from {from}");
    }
    let Some(from_plans) = plans.get(&from) else {
        bail!("no plans for {from} (objects/<object>/{from}.toml)");
    };
    let empty = BTreeMap::new();
    let to_plans = plans.get(&to).unwrap_or(&empty);
    let rows = plan_rows(&root, &source, from, to, from_plans, to_plans)?;

    let writes: Vec<(&str, &str)> = rows
        .iter()
        .filter_map(|r| match &r.action {
            Action::Write { rel, text } => Some((rel.as_str(), text.as_str())),
            Action::Skip => None,
        })
        .collect();
    // A second run finds every plan written already: no table of skips then.
    let shown = if rows.iter().all(|r| r.exists) {
        String::new()
    } else {
        table(&rows, to)
    };
    if writes.is_empty() {
        print!("{shown}");
        println!(
            "nothing to do: every object with a {from} plan already has a {to} plan{}",
            if rows.iter().all(|r| r.exists) {
                ""
            } else {
                " or has only retired systems"
            }
        );
        return Ok(ExitCode::SUCCESS);
    }
    let git = if args.commit {
        Some(commit::prepare(&root)?)
    } else {
        None
    };
    let count = plural(writes.len(), "plan", "plans");
    if args.dry_run {
        print!("{shown}");
        println!(
            "dry run: would write {count} for {to}{}; nothing written",
            if git.is_some() {
                " and commit them"
            } else {
                ""
            }
        );
        return Ok(ExitCode::SUCCESS);
    }

    let files: Vec<(PathBuf, &str)> = writes
        .iter()
        .map(|(rel, text)| (root.join(rel), *text))
        .collect();
    let placed = fsio::create_all_new(&files)
        .map_err(|e| anyhow!("{e:#}; nothing was written"))
        .context("writing the new plans")?;
    let committed = match git {
        Some(git) => {
            let rels: Vec<&str> = writes.iter().map(|(rel, _)| *rel).collect();
            match git.commit(&rels, &message(&rows, from, to)) {
                Ok(id) => format!(" and committed them as {id}"),
                Err(e) => {
                    for path in &placed {
                        let _ = std::fs::remove_file(path);
                    }
                    return Err(e.context("committing the new plans; nothing was written"));
                }
            }
        }
        None => String::new(),
    };
    print!("{shown}");
    println!("wrote {count} for {to}{committed}");
    println!(
        "next: review the drafts, run `plan check --year {to}`, and attest appendix 3 again with `plan attest`"
    );
    Ok(ExitCode::SUCCESS)
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
        let text = String::from_utf8_lossy(&bytes);
        toml::de::DeTable::parse(&text).is_ok_and(|tree| {
            Plan::from_tree(Tbl::new(tree.get_ref(), Span::START)).status_is_established()
        })
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
        .ok_or_else(|| anyhow!("no plans under objects/ yet: nothing to roll over"))
}

/// A plan file's text and what the cross-object rules need of it.
fn load(source: &dyn Source, rel: &str, object: &str, year: i32) -> Result<(String, ObjectEntry)> {
    let bytes = source
        .read(rel)?
        .ok_or_else(|| anyhow!("{rel} disappeared while reading"))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| anyhow!("{rel} is not valid UTF-8; run `plan check {rel}`"))?;
    let tree = toml::de::DeTable::parse(&text)
        .map_err(|_| anyhow!("{rel} is not valid TOML; run `plan check {rel}`"))?;
    let plan = Plan::from_tree(Tbl::new(tree.get_ref(), Span::START));
    let entry = ObjectEntry::from_plan(rel, object, year, &plan);
    Ok((text, entry))
}

/// Decides every object's fate and rolls over the ones to write. Reads everything
/// first: a plan to roll over that cannot be read stops the run before anything is
/// written.
fn plan_rows(
    root: &Path,
    source: &dyn Source,
    from: i32,
    to: i32,
    from_plans: &BTreeMap<String, String>,
    to_plans: &BTreeMap<String, String>,
) -> Result<Vec<Row>> {
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
                    vec![format!("{rel} exists: left as it is")]
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

    let loaded: Vec<Result<(String, ObjectEntry)>> = from_plans
        .par_iter()
        .map(|(object, rel)| load(source, rel, object, from))
        .collect();
    let unreadable: Vec<String> = loaded
        .iter()
        .zip(&rows)
        .filter(|(_, row)| !row.exists)
        .filter_map(|(plan, _)| plan.as_ref().err().map(|e| format!("{e:#}")))
        .collect();
    if !unreadable.is_empty() {
        bail!(
            "cannot roll over {from}; nothing was written:\n  {}",
            unreadable.join("\n  ")
        );
    }
    // Plans that are not rolled over may be unreadable: they are left out of the index.
    let from_entries: Vec<ObjectEntry> = loaded
        .iter()
        .filter_map(|plan| Some(plan.as_ref().ok()?.1.clone()))
        .collect();
    let from_index = YearIndex::new(from, &from_entries);

    // The year `to` as it will be: the plans already there, and the new drafts
    // without their retired systems.
    let mut to_entries: Vec<ObjectEntry> = to_plans
        .par_iter()
        .map(|(object, rel)| match load(source, rel, object, to) {
            Ok((_, entry)) => entry,
            // Unreadable: the object is there, its systems unknown (plan check says why).
            Err(_) => ObjectEntry::from_plan(rel, object, to, &Plan::default()),
        })
        .collect();
    for (row, plan) in rows.iter_mut().zip(loaded) {
        let Ok((text, entry)) = plan else { continue };
        if row.exists {
            continue;
        }
        if entry.all_retired() {
            let ids: Vec<&str> = entry.systems.iter().map(|s| s.id.as_str()).collect();
            row.notes.push(format!(
                "all systems retired ({}): no {to} plan",
                ids.join(", ")
            ));
            continue;
        }
        let mut alive = entry;
        alive.systems.retain(|s| !s.retired);
        to_entries.push(alive);
        row.action = Action::Write {
            rel: format!("objects/{}/{to}.toml", row.object),
            text,
        };
    }
    let to_index = YearIndex::new(to, &to_entries);

    let gone = |target: &str| {
        let retired = match from_index.resolve(target) {
            Resolved::System(_, s) => s.retired,
            Resolved::Object(o) => o.all_retired(),
            _ => false,
        };
        retired && !alive(&to_index, target)
    };
    rows.par_iter_mut().try_for_each(|row| -> Result<()> {
        let Action::Write { rel, text } = &mut row.action else {
            return Ok(());
        };
        let (new, summary) =
            rollover::roll(text, from, to, &gone).with_context(|| format!("rolling over {rel}"))?;
        let (entry, ended) = verify(&new, rel, &row.object, from, to)?;
        row.notes.extend(ended);
        for system in &entry.systems {
            for dep in &system.deps {
                if matches!(
                    to_index.resolve(&dep.target),
                    Resolved::NoObject | Resolved::NoSystem(_)
                ) {
                    row.notes.push(format!(
                        "`{} → {}` names nothing planned for {to} (deps/unknown)",
                        system.id, dep.target
                    ));
                }
            }
        }
        if summary.upgrades_unfinished > 0 {
            row.notes.push(format!(
                "{} not done in {from}: plan again if still wanted",
                plural(summary.upgrades_unfinished, "upgrade", "upgrades")
            ));
        }
        for r in &summary.refs_dropped {
            row.notes.push(format!("removed `{r}`: retired in {from}"));
        }
        if !summary.open_deviations.is_empty() {
            row.notes.push(format!(
                "open deviations: {}",
                summary.open_deviations.join(", ")
            ));
        }
        row.summary = summary;
        *text = new;
        Ok(())
    })?;
    Ok(rows)
}

/// Whether a reference names something alive in a year.
fn alive(index: &YearIndex<'_>, target: &str) -> bool {
    match index.resolve(target) {
        Resolved::System(_, s) => !s.retired,
        Resolved::Object(o) => !o.all_retired(),
        _ => false,
    }
}

/// Reads the new text back: it must be the draft it claims to be before it is
/// written. Returns what the cross-object rules need, and notes on ended contracts.
fn verify(
    text: &str,
    rel: &str,
    object: &str,
    from: i32,
    to: i32,
) -> Result<(ObjectEntry, Vec<String>)> {
    let tree = toml::de::DeTable::parse(text).map_err(|e| {
        anyhow!(
            "internal error: the new {rel} does not parse: {}",
            e.message()
        )
    })?;
    let plan = Plan::from_tree(Tbl::new(tree.get_ref(), Span::START));
    let problem = if plan.year.as_ref().map(|y| y.val) != Some(i64::from(to)) {
        Some("year")
    } else if plan.status.as_ref().map(|s| s.val.as_str()) != Some("draft")
        || plan.established_on.is_some()
    {
        Some("status")
    } else if !plan.upgrades.is_empty() {
        Some("upgrades")
    } else if plan
        .activities
        .iter()
        .any(|a| a.carried_from.as_ref().map(|c| c.val) != Some(i64::from(from)))
    {
        Some("activities")
    } else if plan.systems.iter().any(|s| {
        s.is_retired()
            || s.appendix3.as_ref().is_some_and(|a| {
                a.attested_by.is_some() || a.attested_on.is_some() || a.digest.is_some()
            })
    }) {
        Some("systems")
    } else {
        None
    };
    if let Some(what) = problem {
        bail!("internal error: the new {rel} has wrong {what}; nothing was written");
    }
    // No rule looks back at a contract that ended before the plan year: say it here.
    let ended = plan
        .systems
        .iter()
        .filter_map(|s| Some((s.id.as_ref()?, s.contract_ends.as_ref()?)))
        .filter(|(_, ends)| ends.val.year() < to)
        .map(|(id, ends)| format!("the contract for `{}` ended {}", id.val, ends.val))
        .collect();
    Ok((ObjectEntry::from_plan(rel, object, to, &plan), ended))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn table(rows: &[Row], to: i32) -> String {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    t.set_header(["object", "action", "carried", "dropped", "notes"]);
    for row in rows {
        let s = &row.summary;
        let (action, carried, dropped) = match &row.action {
            Action::Skip => ("skip".to_string(), String::new(), String::new()),
            Action::Write { .. } => {
                let mut carried = vec![
                    plural(s.systems_kept.len(), "system", "systems"),
                    plural(
                        s.activities_carried.len(),
                        "open activity",
                        "open activities",
                    ),
                ];
                if !s.open_deviations.is_empty() {
                    carried.push(plural(
                        s.open_deviations.len(),
                        "open deviation",
                        "open deviations",
                    ));
                }
                let mut dropped = vec![plural(s.upgrades_dropped, "upgrade", "upgrades")];
                if !s.activities_done.is_empty() {
                    dropped.push(format!(
                        "{} done",
                        plural(s.activities_done.len(), "activity", "activities")
                    ));
                }
                if !s.activities_cancelled.is_empty() {
                    dropped.push(format!(
                        "{} cancelled",
                        plural(s.activities_cancelled.len(), "activity", "activities")
                    ));
                }
                for id in &s.systems_dropped {
                    dropped.push(format!("system {id} (retired)"));
                }
                (
                    format!("write {to}.toml"),
                    carried.join(", "),
                    dropped.join(", "),
                )
            }
        };
        t.add_row([
            row.object.clone(),
            action,
            carried,
            dropped,
            row.notes.join("; "),
        ]);
    }
    format!("{t}\n")
}

/// The commit message: a title, then one line per object written.
fn message(rows: &[Row], from: i32, to: i32) -> String {
    let mut m = format!("Förvaltningsplaner {to}: utkast från {from}\n\n");
    for row in rows {
        if let Action::Write { rel, .. } = &row.action {
            m.push_str(&format!("- {} ({rel})\n", row.object));
        }
    }
    m
}

/// `--commit`: one commit of exactly the new files.
mod commit {
    use super::*;
    use git2::{Commit, ErrorCode, Repository, RepositoryState, Signature, Tree};

    /// A repository checked to be ready: nothing else staged, an identity to commit as.
    pub(super) struct Ready {
        git: GitRepo,
        author: Signature<'static>,
        committer: Signature<'static>,
    }

    /// Everything that can refuse a commit, checked before any file is written.
    pub(super) fn prepare(root: &std::path::Path) -> Result<Ready> {
        let git = GitRepo::open(root).context("--commit; nothing was written")?;
        let repo = &git.repo;
        if repo.state() != RepositoryState::Clean {
            bail!("--commit: a merge, rebase or similar is in progress ({:?}); finish it first; nothing was written", repo.state());
        }
        staged_elsewhere(repo)?;
        let author = identity(repo, "AUTHOR")?;
        let committer = identity(repo, "COMMITTER")?;
        Ok(Ready {
            git,
            author,
            committer,
        })
    }

    /// Refuses when the index differs from HEAD: the commit must hold only the new plans.
    fn staged_elsewhere(repo: &Repository) -> Result<()> {
        let mut index = repo.index()?;
        // Another program may have changed the index since it was opened.
        index.read(false)?;
        if index.has_conflicts() {
            bail!("--commit: the index has unresolved conflicts; resolve them first; nothing was written");
        }
        let staged: Vec<String> = match head_tree(repo)? {
            Some(tree) => repo
                .diff_tree_to_index(Some(&tree), Some(&index), None)?
                .deltas()
                .filter_map(|d| {
                    d.new_file()
                        .path()
                        .or(d.old_file().path())
                        .map(|p| p.display().to_string())
                })
                .collect(),
            None => index
                .iter()
                .map(|e| String::from_utf8_lossy(&e.path).into_owned())
                .collect(),
        };
        if !staged.is_empty() {
            let shown: Vec<&str> = staged.iter().take(5).map(String::as_str).collect();
            bail!(
                "--commit: the index already holds staged changes ({}{}); commit or unstage them first (git restore --staged …), so the commit holds only the new plans; nothing was written",
                shown.join(", "),
                if staged.len() > shown.len() { ", …" } else { "" }
            );
        }
        Ok(())
    }

    /// The commit HEAD points at; None before the first commit.
    fn head_commit(repo: &Repository) -> Result<Option<Commit<'_>>> {
        match repo.head() {
            Ok(head) => Ok(Some(head.peel_to_commit()?)),
            Err(e) if matches!(e.code(), ErrorCode::UnbornBranch | ErrorCode::NotFound) => Ok(None),
            Err(e) => Err(e).context("reading HEAD"),
        }
    }

    fn head_tree(repo: &Repository) -> Result<Option<Tree<'_>>> {
        Ok(match head_commit(repo)? {
            Some(commit) => Some(commit.tree()?),
            None => None,
        })
    }

    /// Who commits: GIT_AUTHOR_* / GIT_COMMITTER_* as git itself reads them, else
    /// user.name and user.email from the git configuration.
    fn identity(repo: &Repository, who: &str) -> Result<Signature<'static>> {
        let config = repo.config()?;
        let get = |env: &str, key: &str| {
            std::env::var(format!("GIT_{who}_{env}"))
                .ok()
                .filter(|v| !v.is_empty())
                .or_else(|| config.get_string(key).ok())
        };
        match (get("NAME", "user.name"), get("EMAIL", "user.email")) {
            (Some(name), Some(email)) => Ok(Signature::now(&name, &email)?),
            _ => bail!(
                "--commit: no git identity to commit as; set one with `git config user.name \"Your Name\"` and `git config user.email you@example.se`; nothing was written"
            ),
        }
    }

    impl Ready {
        /// Commits exactly `rels` (repository-relative paths) on HEAD; returns the short id.
        pub(super) fn commit(&self, rels: &[&str], message: &str) -> Result<String> {
            let repo = &self.git.repo;
            // Someone may have staged something while the files were written.
            staged_elsewhere(repo)?;
            let mut index = repo.index()?;
            for rel in rels {
                let path = format!("{}{rel}", self.git.prefix);
                index
                    .add_path(std::path::Path::new(&path))
                    .with_context(|| format!("adding {rel} to the index"))?;
            }
            let tree = repo.find_tree(index.write_tree()?)?;
            let parent = head_commit(repo)?;
            let parents: Vec<&Commit<'_>> = parent.iter().collect();
            let id = repo.commit(
                Some("HEAD"),
                &self.author,
                &self.committer,
                message,
                &tree,
                &parents,
            )?;
            let short = repo
                .find_object(id, None)
                .and_then(|o| o.short_id())
                .ok()
                .and_then(|b| b.as_str().map(str::to_string))
                .unwrap_or_else(|| id.to_string());
            // The commit exists now: the files stay whatever happens to the index.
            if let Err(e) = index.write() {
                eprintln!(
                    "warning: committed {short}, but the git index could not be updated ({}); run `git reset` to refresh it",
                    e.message()
                );
            }
            Ok(short)
        }
    }
}
