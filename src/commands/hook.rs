//! `plan hook install`: a git pre-commit hook that checks what is being committed.

use crate::cli::Globals;
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
    let hooks = match git
        .repo
        .config()
        .ok()
        .and_then(|c| c.get_path("core.hooksPath").ok())
    {
        Some(p) if p.is_absolute() => p,
        Some(p) => git.repo.workdir().map_or(p.clone(), |w| w.join(p)),
        None => git.repo.path().join("hooks"),
    };
    std::fs::create_dir_all(&hooks).with_context(|| format!("creating {}", hooks.display()))?;
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
    match std::fs::read(&hook) {
        Ok(existing) if String::from_utf8_lossy(&existing).contains(MARKER) => {
            crate::fsio::replace(&hook, script.as_bytes())?;
        }
        Ok(_) if !force => bail!(
            "{} exists and was not written by plan; not replacing it (use --force to replace it, keeping it as pre-commit.orig)",
            hook.display()
        ),
        Ok(existing) => {
            let orig = hooks.join("pre-commit.orig");
            crate::fsio::create_new(&orig, &existing)
                .context("keeping the old hook as pre-commit.orig")?;
            // The old hook stays in place if it cannot be replaced: drop the copy.
            crate::fsio::replace(&hook, script.as_bytes())
                .inspect_err(|_| drop(std::fs::remove_file(&orig)))?;
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => crate::fsio::create_new(&hook, script.as_bytes())?,
        Err(e) => return Err(e).with_context(|| format!("reading {}", hook.display())),
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
