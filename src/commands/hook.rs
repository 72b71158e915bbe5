//! `plan hook install`: a git pre-commit hook that checks what is being committed.

use crate::cli::Globals;
use crate::fsio;
use crate::i18n::Lang;
use crate::repo::{self, GitRepo};
use crate::{fail, msg, tr};
use anyhow::Result;
use std::process::ExitCode;

/// Git hooks.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Install a pre-commit hook that runs `plan check --staged --changed-since HEAD`.
    ///
    /// The hook checks the index (what is being committed), not the work tree,
    /// reports on the objects the commit changes, and stops the commit when one of
    /// their plans has errors. It runs the `plan` this command was run as (install
    /// again after moving it), else the one on PATH. It never replaces another hook
    /// unless --force is given (the old one is kept as pre-commit.orig).
    ///
    /// Examples:
    ///   plan hook install
    ///   git commit --no-verify      skip the check once
    #[command(verbatim_doc_comment)]
    Install {
        /// Replace an existing pre-commit hook that `plan` did not write
        #[arg(long)]
        force: bool,
    },
}

/// The hook: `plan` found where it was installed from, else on PATH (a git GUI
/// often runs hooks with a PATH that lacks `~/.cargo/bin`), and when it is in
/// neither place, a message that says how to fix it instead of `exec: plan: not
/// found`. It reports on what the commit changes, with the whole index as context
/// (SPEC §5); the first commit, with no HEAD to compare with, is checked whole. Its
/// comments and messages are in the repository's language.
fn script(plan_dir: &str, installed: &Option<std::path::PathBuf>, lang: Lang) -> String {
    let quote = |s: &str| format!("'{}'", s.replace('\'', "'\\''"));
    let path = installed.as_ref().and_then(|p| p.to_str());
    let installed = path.map(quote).unwrap_or_else(|| "''".into());
    let dir = quote(plan_dir);
    let comment: String = lang
        .text("hook-script-comment")
        .lines()
        .map(|line| format!("# {line}\n"))
        .collect();
    let missing: String = tr!(lang, "hook-script-missing", installed = path.unwrap_or(""))
        .lines()
        .map(|line| format!("    echo {} >&2\n", quote(line)))
        .collect();
    format!(
        r#"#!/bin/sh
{MARKER}
{comment}installed={installed}
plan=$installed
if [ ! -x "$plan" ]; then
  plan=$(command -v plan) || {{
{missing}    exit 1
  }}
fi
if git rev-parse --verify --quiet HEAD >/dev/null; then
  exec "$plan" --repo {dir} check --staged --changed-since HEAD
fi
exec "$plan" --repo {dir} check --staged
"#
    )
}

/// Marks a hook as ours, so installing again updates it instead of refusing (in
/// every language: a program reads it).
const MARKER: &str = "# installed by `plan hook install`";

pub fn run(args: Args, globals: &Globals) -> Result<ExitCode> {
    let Action::Install { force } = args.action;
    let root = repo::find_root(globals.repo.as_deref())?;
    let lang = globals.language_at(&root);
    let git = GitRepo::open(&root)?;
    // Where the hook may be written: the git folder, or the work tree for a
    // core.hooksPath inside it; an absolute core.hooksPath is the user's own choice.
    let (bound, hooks) = match git
        .repo
        .config()
        .ok()
        .and_then(|c| c.get_path("core.hooksPath").ok())
    {
        Some(p) if p.is_absolute() => (p.clone(), p),
        Some(p) => match git.repo.workdir() {
            Some(w) => (w.to_path_buf(), w.join(p)),
            None => (git.repo.path().to_path_buf(), git.repo.path().join(p)),
        },
        None => (git.repo.path().to_path_buf(), git.repo.path().join("hooks")),
    };
    let bound = bound.as_path();
    fsio::create_dirs(bound, &hooks)?;
    let hook = hooks.join("pre-commit");
    let plan_dir = if git.prefix.is_empty() {
        ".".to_string()
    } else {
        git.prefix.trim_end_matches('/').to_string()
    };
    let script = script(&plan_dir, &std::env::current_exe().ok(), lang);
    match fsio::read_existing(bound, &hook)? {
        Some(existing) if String::from_utf8_lossy(&existing).contains(MARKER) => {
            fsio::replace(bound, &hook, script.as_bytes())?;
        }
        Some(_) if !force => fail!("error-hook-exists", hook = hook.display().to_string()),
        Some(existing) => {
            let orig = hooks.join("pre-commit.orig");
            fsio::create_new(bound, &orig, &existing)
                .map_err(|e| crate::i18n::doing(msg!("error-hook-keeping"), e))?;
            // The old hook stays in place if it cannot be replaced: drop the copy.
            fsio::replace(bound, &hook, script.as_bytes())
                .inspect_err(|_| drop(std::fs::remove_file(&orig)))?;
        }
        None => fsio::create_new(bound, &hook, script.as_bytes())?,
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755))?;
    }
    crate::outln!(
        "{}",
        tr!(lang, "hook-installed", hook = hook.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}
