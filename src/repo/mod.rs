//! Where plan files come from. The rest of the program sees a [`Source`]: a set of
//! files by repository-relative path, never a path outside the repository.

mod git;
mod worktree;

pub use git::{Changed, GitRepo, GitSource};
pub use worktree::WorkTree;

use anyhow::{bail, Result};
use std::path::{Path, PathBuf};

/// The files of a plan repository at one state (the work tree; later a revision or the index).
pub trait Source: Sync {
    /// Where the files come from, for messages.
    fn describe(&self) -> String;
    /// The bytes of a repository-relative file; None when there is no such file.
    fn read(&self, path: &str) -> Result<Option<Vec<u8>>>;
    /// Every file under `objects/`, and the entries that cannot hold plans.
    fn list_objects(&self) -> Result<Listing>;
}

/// What lies under `objects/`.
#[derive(Debug, Default)]
pub struct Listing {
    /// Repository-relative paths of files, sorted.
    pub files: Vec<String>,
    /// Entries that are not plan files and are not files at all (empty folders with bad
    /// names, links out of the repository…), with why.
    pub problems: Vec<(String, String)>,
}

/// The repository root: `--repo`, else the nearest folder upward holding plan.toml.
pub fn find_root(repo: Option<&Path>) -> Result<PathBuf> {
    if let Some(dir) = repo {
        if !dir.is_dir() {
            bail!("--repo {}: no such folder", dir.display());
        }
        if !dir.join(crate::settings::CONFIG_FILE).is_file() {
            bail!(
                "{} is not a plan repository: it has no plan.toml (create one with `plan init`)",
                dir.display()
            );
        }
        return Ok(dir.to_path_buf());
    }
    let cwd = std::env::current_dir()?;
    for dir in cwd.ancestors() {
        if dir.join(crate::settings::CONFIG_FILE).is_file() {
            return Ok(dir.to_path_buf());
        }
    }
    bail!(
        "no plan.toml in {} or any folder above it: run inside a plan repository, pass --repo DIR, or create one with `plan init`",
        cwd.display()
    )
}

/// Checks a repository-relative path: no absolute paths, no `..`, `/` separators.
pub fn safe_relative(path: &str) -> Result<&str> {
    let p = Path::new(path);
    if path.is_empty()
        || p.is_absolute()
        || path.contains('\\')
        || p.components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
    {
        bail!("`{path}` is not a path inside the repository");
    }
    Ok(path)
}
