//! What git history says about the attestations of plan files, as plain data for
//! the rules that judge it (`crate::checks::attestation`): who committed each
//! attestation, who held the attesting role then, and who had appointed them.

use super::{appointment, author_email, changed_answers, describe, emails, History, Version};
use crate::diag::Span;
use crate::repo::GitRepo;
use crate::schema::RoleModel;
use anyhow::Result;
use rayon::prelude::*;
use std::path::Path;

/// One attested system of a plan file and the commit that set its attestation.
#[derive(Debug, Clone, PartialEq)]
pub struct Attestation {
    /// The system's id.
    pub system: String,
    /// `attested_by` as written.
    pub attested_by: String,
    /// `signed_by`, lower-cased.
    pub signed_by: Option<String>,
    /// What a finding points at: the digest, else `attested_on`, else `attested_by`.
    pub span: Span,
    pub set: Set,
}

/// Where an attestation was set.
#[derive(Debug, Clone, PartialEq)]
pub enum Set {
    /// Not in a commit: it differs from the one at the start of the history (or
    /// there is no commit yet).
    Uncommitted,
    /// In the commit that created the file.
    WithTheFile(CommitInfo),
    /// In a commit that changed the file.
    InCommit {
        commit: CommitInfo,
        /// The role that attests (the role model's attester for the plan).
        role: String,
        /// The e-mails of its holders before the commit (lower-cased).
        holders: Vec<String>,
        /// The e-mails of its holders after the commit, sorted; empty when
        /// `holders` is (not looked up then).
        after: Vec<String>,
        /// The commit that last appointed `holders` before this one; None when
        /// there are no holders or the commit has no parent.
        appointed: Option<CommitInfo>,
    },
}

/// A commit as the rules say it.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitInfo {
    /// Short id, day and subject (see [`describe`]).
    pub described: String,
    /// The author's e-mail, lower-cased.
    pub author: String,
}

impl CommitInfo {
    fn of(commit: &git2::Commit<'_>) -> CommitInfo {
        CommitInfo {
            described: describe(commit),
            author: author_email(commit),
        }
    }
}

/// The attestations of every plan in `files` (repository-relative paths with the
/// text that was checked), in their order, against the git history that leads to
/// `rev` (HEAD when None: the work tree and the index are compared with HEAD).
pub fn attestations(
    root: &Path,
    roles: &RoleModel,
    files: &[(String, String)],
    rev: Option<&str>,
) -> Result<Vec<Vec<Attestation>>> {
    let git = GitRepo::open(root)?;
    if git.repo.is_shallow() {
        crate::fail!("error-verify-shallow");
    }
    drop(git);
    // One history per thread, not per piece of work rayon splits off: the paths
    // each commit changed are computed once per history and shared by its files.
    let threads = rayon::current_num_threads().max(1);
    let chunk = files.len().div_ceil(threads).max(1);
    let found: Vec<Result<Vec<Vec<Attestation>>>> = files
        .par_chunks(chunk)
        .map(|chunk| {
            let history = History::new(GitRepo::open(root)?);
            chunk
                .iter()
                .map(|(path, text)| of_file(&history, roles, rev, path, text))
                .collect()
        })
        .collect();
    let mut out = Vec::with_capacity(files.len());
    for f in found {
        out.extend(f?);
    }
    Ok(out)
}

/// The attestation keys of one system in one version of a plan.
fn keys(version: &Version, system: &str) -> Option<[Option<String>; 4]> {
    let a3 = version.as_ref()?.system(system)?.appendix3.as_ref()?;
    let s = |v: &Option<crate::model::Sp<String>>| v.as_ref().map(|v| v.val.clone());
    Some([
        s(&a3.attested_by),
        a3.attested_on.as_ref().map(|d| d.val.to_string()),
        s(&a3.digest),
        s(&a3.signed_by),
    ])
}

fn of_file(
    history: &History,
    roles: &RoleModel,
    rev: Option<&str>,
    path: &str,
    text: &str,
) -> Result<Vec<Attestation>> {
    let now = history.remember(text);
    let Some(plan) = &now else {
        return Ok(Vec::new());
    };
    let start = history.start(rev)?;
    let mut out = Vec::new();
    for system in &plan.systems {
        let (Some(id), Some(a3)) = (&system.id, &system.appendix3) else {
            continue;
        };
        let Some(by) = &a3.attested_by else { continue };
        let span = a3
            .digest
            .as_ref()
            .map(|d| d.span)
            .or(a3.attested_on.as_ref().map(|d| d.span))
            .unwrap_or(by.span);
        let sys = id.val.as_str();
        let key = |v: &Version| keys(v, sys);
        let set = match &start {
            Some(head) if key(&history.at(head, path)?) == key(&now) => {
                set_in(history, roles, head.clone(), path, key)?
            }
            _ => Set::Uncommitted,
        };
        out.push(Attestation {
            system: sys.to_string(),
            attested_by: by.val.clone(),
            signed_by: a3.signed_by.as_ref().map(|s| s.val.to_lowercase()),
            span,
            set,
        });
    }
    Ok(out)
}

/// The commit, from `head` back, that set the attestation `key` gives.
fn set_in<'r, T: PartialEq>(
    history: &'r History,
    roles: &RoleModel,
    head: git2::Commit<'r>,
    path: &str,
    key: impl Fn(&Version) -> T,
) -> Result<Set> {
    let change = history.last_change(head, path, key)?;
    let commit = &change.commit;
    let Some(before) = &change.before else {
        return Ok(Set::WithTheFile(CommitInfo::of(commit)));
    };
    let (role, holders) = before.attesting(roles);
    let (mut after, mut appointed) = (Vec::new(), None);
    if !holders.is_empty() {
        after = emails(&history.at(commit, path)?, role);
        if let Some(parent) = commit.parents().next() {
            appointed = Some(CommitInfo::of(&appointment(history, parent, path, role)?));
        }
    }
    Ok(Set::InCommit {
        commit: CommitInfo::of(commit),
        role: role.to_string(),
        holders,
        after,
        appointed,
    })
}

/// What changed since the version of a plan whose answers an `appendix3/stale`
/// digest covers.
#[derive(Debug, Clone, PartialEq)]
pub struct SinceAttested {
    /// The system whose digest it is.
    pub system: String,
    /// The questions whose answers differ, sorted.
    pub questions: Vec<String>,
    /// The commit of the attested version (see [`describe`]).
    pub commit: String,
}

/// For each digest (a plan file and the span of a system's `digest`), what changed
/// since the version it covers, where git history has that version. Nothing
/// (every entry None) without git, or when history does not reach it.
pub fn since_attested(
    root: &Path,
    source: &dyn crate::repo::Source,
    rev: Option<&str>,
    digests: &[(&str, Span)],
) -> Vec<Option<SinceAttested>> {
    let mut out = vec![None; digests.len()];
    if digests.is_empty() {
        return out;
    }
    let Ok(git) = GitRepo::open(root) else {
        return out;
    };
    let history = History::new(git);
    for ((file, span), since) in digests.iter().zip(&mut out) {
        let Ok(Some(bytes)) = source.read(file) else {
            continue;
        };
        let Some(now) = std::str::from_utf8(&bytes)
            .ok()
            .and_then(|text| history.remember(text))
        else {
            continue;
        };
        let Some(system) = now.systems.iter().find(|s| {
            s.appendix3
                .as_ref()
                .and_then(|a| a.digest.as_ref())
                .is_some_and(|d| d.span == *span)
        }) else {
            continue;
        };
        let Some(id) = &system.id else { continue };
        if let Ok(Some((questions, commit))) = changed_answers(&history, rev, file, &now, &id.val) {
            *since = Some(SinceAttested {
                system: id.val.clone(),
                questions,
                commit,
            });
        }
    }
    out
}
