//! `plan check`: validate plan files and report findings.

use crate::cli::{parse_year, Globals};
use crate::diag::{Outcome, Severity};
use crate::engine::{self, Selection};
use crate::i18n::Lang;
use crate::i18n::{Context, Fail};
use crate::output;
use crate::repo::{self, Changed, GitRepo, GitSource, Source, WorkTree};
use crate::settings::Settings;
use crate::{fail, msg};
use anyhow::Result;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Check plan files and report problems with file, line and column.
///
/// Checks every plan file of every year unless PATHs or --year narrow it.
/// Cross-object rules (dependencies, upgrade clashes) always see the whole year.
///
/// Exit status: 0 no errors, 1 errors (or warnings with --deny-warnings),
/// 2 the repository could not be checked.
///
/// Examples:
///   plan check                              every plan in the repository
///   plan check --year 2027                  only the 2027 plans
///   plan check objects/ladok                only Ladok's plans
///   plan check --staged                     what `git commit` would commit (pre-commit hook)
///   plan check --rev main                   the plans as they are on main
///   plan check --changed-since origin/main  only objects this branch changed
///   plan check --changed-since auto --format gitlab --output gl-code-quality.json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files or folders to report on (default: the whole repository)
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Only plans of this year
    #[arg(long, value_name = "YEAR", value_parser = parse_year)]
    pub year: Option<i32>,

    /// Check the tree of a git revision (branch, tag, commit) instead of the work tree
    #[arg(long, value_name = "REV", conflicts_with = "staged")]
    pub rev: Option<String>,

    /// Check the git index: what `git commit` would commit (honours GIT_INDEX_FILE)
    #[arg(long)]
    pub staged: bool,

    /// Report only on objects changed since the merge base with REV; `auto` takes
    /// CI_MERGE_REQUEST_DIFF_BASE_SHA (GitLab merge request pipelines)
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,

    /// Confirm from git history that each attestation was signed and committed by the
    /// holder of the attesting role, appointed by someone else (appendix3/attester-mismatch);
    /// needs the whole history (not a shallow clone)
    #[arg(long)]
    pub verify_attestations: bool,

    /// Fail (exit 1) on warnings too
    #[arg(long)]
    pub deny_warnings: bool,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Write the --format report to FILE; the human summary still goes to the terminal
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Findings with source snippets, for people
    Human,
    /// One JSON object with findings and a summary, for programs
    Json,
    /// GitLab Code Quality report (merge request widget)
    Gitlab,
    /// JUnit XML: one test case per file
    Junit,
    /// GitHub Actions annotations
    Github,
    /// SARIF 2.1.0 for code-scanning tools
    Sarif,
}

pub fn run(args: Args, globals: &Globals) -> Result<ExitCode> {
    let (output, format) = (args.output.clone(), args.format);
    let result = check(args, globals);
    // A CI report that is missing says nothing in the merge request: when the check
    // cannot run (exit 2), the GitLab and JUnit reports say why instead.
    if let (Err(e), Some(file)) = (&result, output) {
        let prefix = || {
            repo::find_root(globals.repo.as_deref())
                .and_then(|root| GitRepo::open(&root))
                .map(|g| g.prefix)
                .unwrap_or_default()
        };
        let lang = globals.language_of_error();
        let why = crate::i18n::error_msg(e).render(lang);
        let report = match format {
            Format::Gitlab => Some(output::gitlab::could_not_run(&why, &prefix(), lang)),
            Format::Junit => Some(output::junit::could_not_run(&why, lang)),
            _ => None,
        };
        if let Some(report) = report {
            // The error that stopped the check is the one to report, not this one.
            let _ = crate::fsio::write_report(&file, report.as_bytes());
        }
    }
    result
}

fn check(args: Args, globals: &Globals) -> Result<ExitCode> {
    let root = repo::find_root(globals.repo.as_deref())?;
    let git = || GitRepo::open(&root);
    let source: Box<dyn Source> = match (&args.rev, args.staged) {
        (Some(rev), _) => Box::new(GitSource::revision(git()?, rev)?),
        (None, true) => Box::new(GitSource::index(git()?)?),
        (None, false) => Box::new(WorkTree::new(&root)?),
    };
    let settings = Settings::load(source.as_ref())?;
    let lang = globals.language(&settings);
    if args.rev.is_none() && !args.staged {
        let interrupted = super::new_year::batch_dir(&root);
        if interrupted.symlink_metadata().is_ok() {
            output::note(
                lang,
                crate::msg!(
                    "note-check-interrupted",
                    dir = interrupted.display().to_string()
                ),
            );
        }
    }
    // When only some files are reported on, the index entries of the others come
    // from the cache in .git/ where their content is known (see crate::cache); it is
    // read in the background from here on.
    let partial = args.changed_since.is_some() || !args.paths.is_empty();
    let cache = partial
        .then(|| git().ok().and_then(|git| crate::cache::Cache::open(&git)))
        .flatten();
    // Listed first: `--changed-since` in the work tree finds new files in the listing.
    let listing = engine::list(source.as_ref(), cache.as_ref())?;
    let objects = match &args.changed_since {
        None => None,
        Some(base) => {
            let base = if base == "auto" {
                std::env::var("CI_MERGE_REQUEST_DIFF_BASE_SHA")
                    .ok()
                    .filter(|s| !s.is_empty())
                    .with_msg(|| msg!("error-base-auto"))?
            } else {
                base.clone()
            };
            let against = match (&args.rev, args.staged) {
                (Some(rev), _) => repo::Against::Rev(rev),
                (None, true) => repo::Against::Index,
                (None, false) => repo::Against::WorkTree(&listing),
            };
            match git()?.changed_since(&base, against)? {
                Changed::All(file) => {
                    output::note(lang, crate::msg!("note-check-all-changed", file = file));
                    None
                }
                Changed::Objects(objects) => Some(objects),
            }
        }
    };
    let selection = Selection {
        year: args.year,
        paths: args
            .paths
            .iter()
            .map(|p| relative_to_repo(&root, p))
            .collect::<Result<_>>()?,
        objects,
    };
    // When only some files are reported on, the index entries of the others come
    // from the cache in .git/ where their content is known (see crate::cache).
    let mut outcome = engine::check_listed(
        source.as_ref(),
        listing,
        &settings,
        globals.today,
        &selection,
        cache,
    )?;
    if args.verify_attestations {
        let mut files = Vec::new();
        for file in outcome
            .files
            .iter()
            .filter(|f| crate::layout::classify(f).is_ok())
        {
            if let Some(bytes) = source.read(file)? {
                files.push((file.clone(), crate::diag::text_of(&bytes).to_string()));
            }
        }
        let found = crate::verify::attestations(&root, &settings, &files, args.rev.as_deref())?;
        outcome.add(found, &settings.severities);
    }
    crate::verify::explain_stale(
        &root,
        source.as_ref(),
        args.rev.as_deref(),
        &mut outcome.findings,
    );
    let prefix = GitRepo::open(&root).map(|g| g.prefix).unwrap_or_default();
    let stdout_color = output::colored(globals.color, &std::io::stdout());
    // Snippets' lines are read from the files when they are shown.
    let texts = |file: &str| {
        let bytes = source.read(file).ok().flatten()?;
        Some(crate::diag::text_of(&bytes).to_string())
    };
    let write = |format: Format, color: bool, out: &mut dyn std::io::Write| {
        write(
            &outcome,
            format,
            &texts,
            color,
            &prefix,
            args.deny_warnings,
            lang,
            out,
        )
    };
    // Reports are written as they are made, never held whole in memory (issue 17).
    match &args.output {
        Some(file) => {
            crate::fsio::write_report_with(file, |out| write(args.format, false, out))?;
            output::emit_with(|out| write(Format::Human, stdout_color, out));
        }
        None => output::emit_with(|out| write(args.format, stdout_color, out)),
    }
    let errors = outcome.count(Severity::Error);
    let warnings = outcome.count(Severity::Warning);
    Ok(if errors > 0 || (args.deny_warnings && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The report in a format, written to `out`; `texts` gives the files' text for the
/// human format's snippets.
#[allow(clippy::too_many_arguments)]
fn write(
    outcome: &Outcome,
    format: Format,
    texts: &output::human::Texts<'_>,
    color: bool,
    prefix: &str,
    deny_warnings: bool,
    lang: Lang,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Human => output::human::write(outcome, texts, color, lang, out),
        Format::Json => output::json::write(outcome, lang, out),
        Format::Gitlab => output::gitlab::write(&outcome.findings, prefix, lang, out),
        Format::Junit => output::junit::write(outcome, deny_warnings, prefix, lang, out),
        Format::Github => output::github::write(&outcome.findings, prefix, lang, out),
        Format::Sarif => output::sarif::write(&outcome.findings, prefix, lang, out),
    }
}

/// A PATH argument (relative to the current folder) as a repository-relative path.
fn relative_to_repo(root: &Path, path: &Path) -> Result<String> {
    let absolute = std::env::current_dir()?.join(path);
    let real = absolute.canonicalize().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Fail(msg!("error-no-such-path", file = path)).into(),
        _ => crate::i18n::doing(msg!("error-unreadable-path", file = path), e),
    })?;
    let root = root
        .canonicalize()
        .with_msg(|| msg!("error-opening", file = root))?;
    let Ok(rel) = real.strip_prefix(&root) else {
        fail!("error-outside-repository", file = path, dir = &root);
    };
    let rel = rel
        .to_str()
        .with_msg(|| msg!("error-path-not-utf8", file = path))?;
    Ok(rel.replace('\\', "/"))
}
