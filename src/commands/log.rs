//! `plan log`: the dated change log of an object's plans, from git history.

use crate::cli::Globals;
use crate::layout::is_id;
use crate::repo::{self, GitRepo, WorkTree};
use anyhow::Result;
use git2::{Oid, Sort};
use serde::Serialize;
use std::path::Path;
use std::process::ExitCode;

/// The change log of an object's plans (förändringsdokumentation): who changed
/// what, and when, newest first, from the git history of objects/OBJECT/.
///
/// Examples:
///   plan log ladok
///   plan log ladok --format json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The object id (folder under objects/)
    pub object: String,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
}

#[derive(Serialize)]
struct Entry {
    /// The full commit id.
    commit: String,
    /// The author date, RFC 3339 with the author's UTC offset.
    date: String,
    author: String,
    email: String,
    summary: String,
    /// The plan files (years) the commit changed.
    files: Vec<String>,
}

pub fn run(args: Args, globals: &Globals) -> Result<ExitCode> {
    if !is_id(&args.object) {
        return Err(super::bad_object_id(&args.object));
    }
    let root = repo::find_root(globals.repo.as_deref())?;
    let lang = globals.repo_language();
    let git = GitRepo::open(&root)?;
    let repo = &git.repo;
    let dir = format!("{}objects/{}", git.prefix, args.object);
    let mut entries = Vec::new();
    if repo.head().is_ok() {
        let mut walk = repo.revwalk()?;
        walk.push_head()?;
        walk.set_sorting(Sort::TIME)?;
        for oid in walk {
            let commit = repo.find_commit(oid?)?;
            let mine = files_of(repo, commit.tree_id(), &dir)?;
            let parents: Vec<Vec<(String, Oid)>> = commit
                .parents()
                .map(|p| files_of(repo, p.tree_id(), &dir))
                .collect::<Result<_>>()?;
            // A merge counts only when it changed the folder compared with every parent.
            if !parents.is_empty() && parents.contains(&mine) {
                continue;
            }
            let before = parents.first().cloned().unwrap_or_default();
            let mut changed: Vec<String> = mine
                .iter()
                .filter(|f| !before.contains(f))
                .map(|(n, _)| n.clone())
                .chain(
                    before
                        .iter()
                        .filter(|(n, _)| !mine.iter().any(|(m, _)| m == n))
                        .map(|(n, _)| format!("{n} (removed)")),
                )
                .collect();
            if changed.is_empty() {
                continue;
            }
            changed.sort();
            let author = commit.author();
            let when =
                chrono::DateTime::from_timestamp(author.when().seconds(), 0).unwrap_or_default();
            let offset = chrono::FixedOffset::east_opt(author.when().offset_minutes() * 60)
                .unwrap_or(chrono::FixedOffset::east_opt(0).expect("UTC"));
            entries.push(Entry {
                commit: commit.id().to_string(),
                date: when
                    .with_timezone(&offset)
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
                author: author.name().unwrap_or("").to_string(),
                email: author.email().unwrap_or("").to_string(),
                summary: commit.summary().unwrap_or("").to_string(),
                files: changed,
            });
        }
    }
    // No history and no plan: a mistyped id, not an object without changes.
    if entries.is_empty() && super::object_years(&WorkTree::new(&root)?, &args.object)?.is_empty() {
        return Err(super::unknown_object(&WorkTree::new(&root)?, &args.object));
    }
    match args.format {
        Format::Json => crate::outln!("{}", serde_json::to_string_pretty(&entries)?),
        Format::Table => {
            if entries.is_empty() {
                crate::outln!("{}", crate::tr!(lang, "log-none", object = &args.object));
                return Ok(ExitCode::SUCCESS);
            }
            let rows = entries.iter().map(|e| {
                // The table is for reading: minutes in UTC and a short commit id.
                let date = chrono::DateTime::parse_from_rfc3339(&e.date)
                    .map(|d| d.to_utc().format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_else(|_| e.date.clone());
                vec![
                    date,
                    format!("{} <{}>", e.author, e.email),
                    e.commit[..10].to_string(),
                    e.summary.clone(),
                    e.files.join(", "),
                ]
            });
            let header = ["date", "author", "commit", "summary", "files"]
                .map(|column| lang.text(&format!("log-col-{column}")));
            let header = header.each_ref().map(String::as_str);
            let table =
                crate::output::table::render(&header, rows, &[header[1], header[3], header[4]]);
            crate::outln!("{}", table.trim_end());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// (file name, blob id) of the files in a folder of a tree.
fn files_of(repo: &git2::Repository, tree: Oid, dir: &str) -> Result<Vec<(String, Oid)>> {
    let tree = repo.find_tree(tree)?;
    let Ok(entry) = tree.get_path(Path::new(dir)) else {
        return Ok(Vec::new());
    };
    let Ok(sub) = repo.find_tree(entry.id()) else {
        return Ok(Vec::new());
    };
    Ok(sub
        .iter()
        .filter_map(|e| Some((e.name()?.to_string(), e.id())))
        .collect())
}
