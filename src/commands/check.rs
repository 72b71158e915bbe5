//! `plan check`: validate plan files and report findings.

use crate::cli::{parse_year, Globals};
use crate::diag::Severity;
use crate::engine::{self, Selection};
use crate::output;
use crate::repo::{self, WorkTree};
use crate::settings::Settings;
use anyhow::{bail, Context, Result};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Check plan files and report problems with file, line and column.
///
/// Checks every plan file of every year unless PATHs or --year narrow it. Exit
/// status: 0 when there are no errors, 1 when there are errors (or warnings with
/// --deny-warnings), 2 when the repository cannot be checked at all.
///
/// Examples:
///   plan check                          every plan in the repository
///   plan check --year 2027              only the 2027 plans
///   plan check objects/ladok            only Ladok's plans
///   plan check --format json > out.json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files or folders to report on (default: the whole repository)
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Only plans of this year
    #[arg(long, value_name = "YEAR", value_parser = parse_year)]
    pub year: Option<i32>,

    /// Fail (exit 1) on warnings too
    #[arg(long)]
    pub deny_warnings: bool,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Findings with source snippets, for people
    Human,
    /// One JSON object with findings and a summary, for programs
    Json,
}

pub fn run(args: Args, globals: &Globals) -> Result<ExitCode> {
    let root = repo::find_root(globals.repo.as_deref())?;
    let source = WorkTree::new(&root)?;
    let settings = Settings::load(&source)?;
    let selection = Selection {
        year: args.year,
        paths: args
            .paths
            .iter()
            .map(|p| relative_to_repo(&root, p))
            .collect::<Result<_>>()?,
    };
    let outcome = engine::check(&source, &settings, globals.today, &selection)?;
    let text = match args.format {
        Format::Human => output::human::render(
            &outcome,
            globals.color.enabled(std::io::stdout().is_terminal()),
        ),
        Format::Json => output::json::render(&outcome),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`plan check | head`) is not an error worth a message.
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush());
    let errors = outcome.count(Severity::Error);
    let warnings = outcome.count(Severity::Warning);
    Ok(if errors > 0 || (args.deny_warnings && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A PATH argument (relative to the current folder) as a repository-relative path.
fn relative_to_repo(root: &Path, path: &Path) -> Result<String> {
    let absolute = std::env::current_dir()?.join(path);
    let real = absolute
        .canonicalize()
        .with_context(|| format!("{}: no such file or folder", path.display()))?;
    let root = root.canonicalize()?;
    let Ok(rel) = real.strip_prefix(&root) else {
        bail!(
            "{} is outside the plan repository {}",
            path.display(),
            root.display()
        );
    };
    let rel = rel
        .to_str()
        .with_context(|| format!("{}: path is not valid UTF-8", path.display()))?;
    Ok(rel.replace('\\', "/"))
}
