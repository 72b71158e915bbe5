//! `plan hook install`: a git pre-commit hook that checks what is being committed.

use crate::cli::Globals;
use crate::fsio;
use crate::repo::{self, GitRepo};
use anyhow::{bail, Context, Result};
use std::process::ExitCode;

/// Git hooks.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Install a pre-commit hook that runs `plan check --staged`.
    ///
    /// The hook checks the index (what is being committed), not the work tree, and
    /// stops the commit when a plan has errors. It never replaces another hook
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

/// Marks a hook as ours, so installing again updates it instead of refusing.
const MARKER: &str = "# installed by `plan hook install`";

pub fn run(args: Args, globals: &Globals) -> Result<ExitCode> {
    let Action::Install { force } = args.action;
    let root = repo::find_root(globals.repo.as_deref())?;
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
    let script = format!(
        "#!/bin/sh\n{MARKER}\n# Checks the staged förvaltningsplaner; `git commit --no-verify` skips it once.\nexec plan --repo '{}' check --staged\n",
        plan_dir.replace('\'', "'\\''")
    );
    match fsio::read_existing(bound, &hook)? {
        Some(existing) if String::from_utf8_lossy(&existing).contains(MARKER) => {
            fsio::replace(bound, &hook, script.as_bytes())?;
        }
        Some(_) if !force => bail!(
            "{} exists and was not written by plan; not replacing it (use --force to replace it, keeping it as pre-commit.orig)",
            hook.display()
        ),
        Some(existing) => {
            let orig = hooks.join("pre-commit.orig");
            fsio::create_new(bound, &orig, &existing)
                .context("keeping the old hook as pre-commit.orig")?;
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
        "installed {}: `plan check --staged` runs before each commit",
        hook.display()
    );
    Ok(ExitCode::SUCCESS)
}
