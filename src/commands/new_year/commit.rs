//! `plan new-year --commit`: one commit of exactly the new files.

use crate::i18n::{Context, Fail, Lang};
use crate::repo::GitRepo;
use crate::{fail, msg};
use anyhow::Result;
use git2::{Commit, ErrorCode, Repository, RepositoryState, Signature, Tree};

/// A repository checked to be ready: nothing else staged, an identity to commit as.
pub(super) struct Ready {
    git: GitRepo,
    author: Signature<'static>,
    committer: Signature<'static>,
    lang: Lang,
}

/// Everything that can refuse a commit, checked before any file is written. The
/// caller says what the refusal means (nothing written, or plans left uncommitted).
pub(super) fn prepare(root: &std::path::Path, lang: Lang) -> Result<Ready> {
    let git = GitRepo::open(root)?;
    let repo = &git.repo;
    if repo.state() != RepositoryState::Clean {
        let state = match repo.state() {
            RepositoryState::Merge => "merge",
            RepositoryState::Revert | RepositoryState::RevertSequence => "revert",
            RepositoryState::CherryPick | RepositoryState::CherryPickSequence => "cherry-pick",
            RepositoryState::Bisect => "bisect",
            RepositoryState::ApplyMailbox | RepositoryState::ApplyMailboxOrRebase => "am",
            _ => "rebase",
        };
        fail!("error-commit-in-progress", state = state);
    }
    staged_elsewhere(repo)?;
    let author = identity(&git, "AUTHOR")?;
    let committer = identity(&git, "COMMITTER")?;
    Ok(Ready {
        git,
        author,
        committer,
        lang,
    })
}

/// Refuses when the index differs from HEAD: the commit must hold only the new plans.
fn staged_elsewhere(repo: &Repository) -> Result<()> {
    let mut index = repo.index()?;
    // Another program may have changed the index since it was opened.
    index.read(false)?;
    if index.has_conflicts() {
        fail!("error-commit-conflicts");
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
        let mut shown: Vec<&str> = staged.iter().take(5).map(String::as_str).collect();
        if staged.len() > shown.len() {
            shown.push("…");
        }
        fail!("error-commit-staged", files = shown.join(", "));
    }
    Ok(())
}

/// The commit HEAD points at; None before the first commit.
fn head_commit(repo: &Repository) -> Result<Option<Commit<'_>>> {
    match repo.head() {
        Ok(head) => Ok(Some(head.peel_to_commit()?)),
        Err(e) if matches!(e.code(), ErrorCode::UnbornBranch | ErrorCode::NotFound) => Ok(None),
        Err(e) => Err(Fail(msg!("error-reading-head", why = e.message())).into()),
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
fn identity(git: &GitRepo, who: &str) -> Result<Signature<'static>> {
    match git.identity(who) {
        (Some(name), Some(email)) => Ok(Signature::now(&name, &email)?),
        _ => fail!("error-commit-no-identity"),
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
                .with_msg(|| msg!("error-adding-to-index", file = *rel))?;
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
            crate::output::warn(
                self.lang,
                msg!("warning-new-year-index", commit = &short, why = e.message()),
            );
        }
        Ok(short)
    }
}

/// Commits the plans an interrupted run put in place (see `finish_interrupted`),
/// unless that run committed them before it was stopped; returns the commit's
/// short id either way.
pub(super) fn finish(
    root: &std::path::Path,
    rels: &[&str],
    message: &str,
    lang: Lang,
) -> Result<String> {
    let git = GitRepo::open(root)?;
    if let Some(short) = committed(&git, rels)? {
        // The commit was made; the index may not have been written after it.
        let mut index = git.repo.index()?;
        for rel in rels {
            index.add_path(std::path::Path::new(&format!("{}{rel}", git.prefix)))?;
        }
        index.write()?;
        return Ok(short);
    }
    let unfinished = |e: anyhow::Error| {
        let plans = msg!("plans", count = rels.len());
        crate::i18n::doing(msg!("error-new-year-unfinished", plans = plans), e)
    };
    prepare(root, lang)
        .and_then(|ready| ready.commit(rels, message))
        .map_err(unfinished)
}

/// HEAD's short id when HEAD holds every file of `rels` as it is in the work tree.
fn committed(git: &GitRepo, rels: &[&str]) -> Result<Option<String>> {
    let repo = &git.repo;
    let Some(head) = head_commit(repo)? else {
        return Ok(None);
    };
    let tree = head.tree()?;
    let workdir = repo
        .workdir()
        .with_msg(|| msg!("error-git-bare", dir = repo.path()))?;
    for rel in rels {
        let path = format!("{}{rel}", git.prefix);
        let Ok(entry) = tree.get_path(std::path::Path::new(&path)) else {
            return Ok(None);
        };
        let id = git2::Oid::hash_file(git2::ObjectType::Blob, workdir.join(&path))?;
        if entry.id() != id {
            return Ok(None);
        }
    }
    let short = head
        .as_object()
        .short_id()
        .ok()
        .and_then(|b| b.as_str().map(str::to_string))
        .unwrap_or_else(|| head.id().to_string());
    Ok(Some(short))
}
