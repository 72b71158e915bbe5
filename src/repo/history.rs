//! The history of plan files in git: which commit last changed a value of a plan
//! (an attestation, the holder of a role), following at a merge the parent that kept
//! the value, as `git blame` follows the parent a line came from. Used by
//! `--verify-attestations` (who appointed a role's holder: [`appointment`]) and by
//! `appendix3/stale` to say what changed ([`changed_answers`]).
//!
//! One walk serves many files: the plan paths that changed between a commit and each
//! parent are computed once per pair (a tree diff of `objects/` that skips unchanged
//! folders) and shared; a file's versions are parsed once per blob.

mod attested;

pub use attested::{attestations, since_attested, Attestation, CommitInfo, Set, SinceAttested};

use super::GitRepo;
use crate::i18n::Fail;
use crate::model::Plan;
use anyhow::Result;
use git2::{Commit, ObjectType, Oid};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::rc::Rc;

/// A plan file's version at one commit: None when the file does not exist there or
/// is not a plan that parses.
pub type Version = Option<Rc<Plan>>;

/// The plan paths that differ between a parent and a commit.
type ChangedPaths = Rc<HashSet<String>>;

/// The history of the plan files of one git repository, read from one thread.
pub struct History {
    git: GitRepo,
    /// Plan paths (relative to the plan repository) changed from a parent to a commit.
    changes: RefCell<HashMap<(Oid, Oid), ChangedPaths>>,
    /// Parsed plans by blob id.
    plans: RefCell<HashMap<Oid, Version>>,
    /// The object folders of `objects/` trees (see [`History::folders`]).
    folders: RefCell<HashMap<Oid, Rc<HashMap<String, Oid>>>>,
    /// The parents of each commit walked.
    parents: RefCell<HashMap<Oid, Rc<[Oid]>>>,
}

/// The commit that introduced a value, found by [`History::last_change`].
pub struct Change<'r> {
    pub commit: Commit<'r>,
    /// The file as it was in the commit's (first) parent; None also when the commit
    /// has no parent.
    pub before: Version,
}

impl History {
    pub fn new(git: GitRepo) -> History {
        History {
            git,
            changes: RefCell::default(),
            plans: RefCell::default(),
            folders: RefCell::default(),
            parents: RefCell::default(),
        }
    }

    /// The commit a revision names (HEAD for the work tree and the index); None when
    /// HEAD has no commits yet.
    pub fn start(&self, rev: Option<&str>) -> Result<Option<Commit<'_>>> {
        let repo = &self.git.repo;
        match rev {
            Some(rev) => Ok(Some(
                repo.revparse_single(rev)
                    .and_then(|o| o.peel_to_commit())
                    .map_err(|e| {
                        Fail(crate::msg!(
                            "error-unknown-revision",
                            rev = rev,
                            why = e.message()
                        ))
                    })?,
            )),
            None => match repo.head() {
                Ok(head) => Ok(Some(head.peel_to_commit()?)),
                Err(e) if e.code() == git2::ErrorCode::UnbornBranch => Ok(None),
                Err(e) => Err(Fail(crate::msg!("error-reading-head", why = e.message())).into()),
            },
        }
    }

    /// Parses a plan's text, remembering it under its blob id so the same text found
    /// in a commit is not parsed again.
    pub fn remember(&self, text: &str) -> Version {
        let id = Oid::hash_object(ObjectType::Blob, text.as_bytes()).ok();
        let plan = parse(text.as_bytes());
        if let Some(id) = id {
            self.plans.borrow_mut().insert(id, plan.clone());
        }
        plan
    }

    /// The plan at `path` as it is in `commit`.
    pub fn at(&self, commit: &Commit<'_>, path: &str) -> Result<Version> {
        let Some((object, file)) = path
            .strip_prefix("objects/")
            .and_then(|rest| rest.split_once('/'))
        else {
            return Ok(None);
        };
        let Some(objects) = self.objects_tree(commit)? else {
            return Ok(None);
        };
        let Some(folder) = self.folders(objects)?.get(object).copied() else {
            return Ok(None);
        };
        let Ok(folder) = self.git.repo.find_tree(folder) else {
            return Ok(None);
        };
        let Ok(entry) = folder.get_path(Path::new(file)) else {
            return Ok(None);
        };
        if entry.kind() != Some(ObjectType::Blob) || entry.filemode() == 0o120000 {
            return Ok(None);
        }
        if let Some(known) = self.plans.borrow().get(&entry.id()) {
            return Ok(known.clone());
        }
        let blob = self.git.repo.find_blob(entry.id())?;
        let plan = parse(blob.content());
        self.plans.borrow_mut().insert(entry.id(), plan.clone());
        Ok(plan)
    }

    /// The id of the `objects/` folder of a commit's tree.
    fn objects_tree(&self, commit: &Commit<'_>) -> Result<Option<Oid>> {
        let dir = format!("{}objects", self.git.prefix);
        Ok(match commit.tree()?.get_path(Path::new(&dir)) {
            Ok(e) if e.kind() == Some(ObjectType::Tree) => Some(e.id()),
            _ => None,
        })
    }

    /// The object folders of an `objects/` tree, by name. libgit2 does not keep
    /// trees over 4 KiB in its cache, and `objects/` of a large repository is
    /// hundreds of KiB: read once per tree here instead of once per look-up.
    fn folders(&self, objects: Oid) -> Result<Rc<HashMap<String, Oid>>> {
        if let Some(known) = self.folders.borrow().get(&objects) {
            return Ok(known.clone());
        }
        let tree = self.git.repo.find_tree(objects)?;
        let map: HashMap<String, Oid> = tree
            .iter()
            .filter(|e| e.kind() == Some(ObjectType::Tree))
            .filter_map(|e| Some((e.name()?.to_string(), e.id())))
            .collect();
        let map = Rc::new(map);
        self.folders.borrow_mut().insert(objects, map.clone());
        Ok(map)
    }

    /// Whether `path` differs between `parent` and `commit`.
    fn changed(&self, commit: Oid, parent: Oid, path: &str) -> Result<bool> {
        let key = (commit, parent);
        if let Some(set) = self.changes.borrow().get(&key) {
            return Ok(set.contains(path));
        }
        let (parent, commit) = (
            self.git.repo.find_commit(parent)?,
            self.git.repo.find_commit(commit)?,
        );
        let tree = |c: &Commit<'_>| -> Result<Option<git2::Tree<'_>>> {
            Ok(match self.objects_tree(c)? {
                Some(id) => Some(self.git.repo.find_tree(id)?),
                None => None,
            })
        };
        let (old, new) = (tree(&parent)?, tree(&commit)?);
        let mut paths = Vec::new();
        if old.as_ref().map(|t| t.id()) != new.as_ref().map(|t| t.id()) {
            super::git::changed_files(
                &self.git.repo,
                old.as_ref(),
                new.as_ref(),
                "objects/",
                &mut paths,
            )?;
        }
        let set: ChangedPaths = Rc::new(paths.into_iter().collect());
        let found = set.contains(path);
        self.changes.borrow_mut().insert(key, set);
        Ok(found)
    }

    /// The commit that last changed `value` of the plan at `path`, walking back from
    /// `start`: at each commit the walk goes on to a parent where the file is the
    /// same, else to a parent where `value` is the same; where no parent has it, this
    /// commit introduced it (also when it is a merge that made it up).
    pub fn last_change<'r, T: PartialEq>(
        &'r self,
        start: Commit<'r>,
        path: &str,
        value: impl Fn(&Version) -> T,
    ) -> Result<Change<'r>> {
        let target = value(&self.at(&start, path)?);
        let mut id = start.id();
        loop {
            let parents = self.parents(id)?;
            let mut next = None;
            for &p in parents.iter() {
                if !self.changed(id, p, path)? {
                    next = Some(p);
                    break;
                }
            }
            if next.is_none() {
                for &p in parents.iter() {
                    if value(&self.at(&self.git.repo.find_commit(p)?, path)?) == target {
                        next = Some(p);
                        break;
                    }
                }
            }
            match next {
                Some(p) => id = p,
                None => {
                    let before = match parents.first() {
                        Some(&p) => self.at(&self.git.repo.find_commit(p)?, path)?,
                        None => None,
                    };
                    let commit = self.git.repo.find_commit(id)?;
                    return Ok(Change { commit, before });
                }
            }
        }
    }

    /// The parents of a commit, remembered: a walk passes each commit once per file.
    fn parents(&self, id: Oid) -> Result<Rc<[Oid]>> {
        if let Some(known) = self.parents.borrow().get(&id) {
            return Ok(known.clone());
        }
        let commit = self.git.repo.find_commit(id)?;
        let parents: Rc<[Oid]> = commit.parent_ids().collect();
        self.parents.borrow_mut().insert(id, parents.clone());
        Ok(parents)
    }

    /// The newest version of the plan at `path`, walking back from `start` (at a
    /// merge: the parent where the file is the same, else the first), for which
    /// `found` holds; None when no version does.
    pub fn find_back<'r>(
        &'r self,
        start: Commit<'r>,
        path: &str,
        found: impl Fn(&Plan) -> bool,
    ) -> Result<Option<(Commit<'r>, Rc<Plan>)>> {
        let mut id = start.id();
        let mut version = self.at(&start, path)?;
        let mut fresh = true;
        loop {
            match &version {
                None => return Ok(None),
                Some(plan) if fresh && found(plan) => {
                    return Ok(Some((self.git.repo.find_commit(id)?, plan.clone())))
                }
                Some(_) => {}
            }
            let parents = self.parents(id)?;
            let mut next = None;
            for &p in parents.iter() {
                if !self.changed(id, p, path)? {
                    next = Some((p, false));
                    break;
                }
            }
            let Some((parent, changed)) = next.or(parents.first().map(|&p| (p, true))) else {
                return Ok(None);
            };
            if changed {
                version = self.at(&self.git.repo.find_commit(parent)?, path)?;
            }
            fresh = changed;
            id = parent;
        }
    }
}

/// The e-mails of a role's holders in one version, sorted (empty: no plan, no holder).
fn emails(version: &Version, role: &str) -> Vec<String> {
    let mut emails = version
        .as_ref()
        .map(|p| p.emails_of(role))
        .unwrap_or_default();
    emails.sort();
    emails
}

/// The commit that last set the e-mails of `role` in the plan at `path`, from
/// `start` back. A plan that `plan new-year` made from last year's keeps its holders:
/// when the file was created with the same holders as last year's plan of the
/// object, the search goes on in last year's plan.
fn appointment<'r>(
    history: &'r History,
    start: Commit<'r>,
    path: &str,
    role: &str,
) -> Result<Commit<'r>> {
    let mut path = path.to_string();
    let mut start = start;
    loop {
        let target = emails(&history.at(&start, &path)?, role);
        let change = history.last_change(start, &path, |v| emails(v, role))?;
        if change.before.is_none() {
            if let (Some(previous), Some(parent)) =
                (previous_year(&path), change.commit.parents().next())
            {
                if !target.is_empty() && emails(&history.at(&parent, &previous)?, role) == target {
                    path = previous;
                    start = parent;
                    continue;
                }
            }
        }
        return Ok(change.commit);
    }
}

/// `objects/x/2027.toml` for `objects/x/2028.toml`.
fn previous_year(path: &str) -> Option<String> {
    let (dir, name) = path.rsplit_once('/')?;
    let year: i32 = name.strip_suffix(".toml")?.parse().ok()?;
    Some(format!("{dir}/{}.toml", year - 1))
}

/// What `appendix3/stale` can add from history: the questions whose answers differ
/// between the version of the plan whose answers the digest covers and `now`.
fn changed_answers(
    history: &History,
    rev: Option<&str>,
    path: &str,
    now: &Plan,
    system: &str,
) -> Result<Option<(Vec<String>, String)>> {
    let Some(a3) = now.system(system).and_then(|s| s.appendix3.as_ref()) else {
        return Ok(None);
    };
    let Some(digest) = &a3.digest else {
        return Ok(None);
    };
    let Some(start) = history.start(rev)? else {
        return Ok(None);
    };
    let attested = history.find_back(start, path, |p| {
        p.system(system)
            .and_then(|s| s.appendix3.as_ref())
            .is_some_and(|a| a.current_digest() == digest.val)
    })?;
    let Some((commit, then)) = attested else {
        return Ok(None);
    };
    let Some(old) = then.system(system).and_then(|s| s.appendix3.as_ref()) else {
        return Ok(None);
    };
    let one =
        |a: &crate::model::plan::Answer| crate::model::digest::of_answers(std::slice::from_ref(a));
    let mut changed: Vec<String> = Vec::new();
    for a in &a3.answers {
        match old
            .answers
            .iter()
            .find(|o| o.question.val == a.question.val)
        {
            Some(o) if one(o) == one(a) => {}
            _ => changed.push(a.question.val.clone()),
        }
    }
    for o in &old.answers {
        if !a3.answers.iter().any(|a| a.question.val == o.question.val) {
            changed.push(o.question.val.clone());
        }
    }
    changed.sort();
    Ok(Some((changed, describe(&commit))))
}

/// The author e-mail of a commit, lower-cased ("" when it is not UTF-8).
fn author_email(commit: &Commit<'_>) -> String {
    commit.author().email().unwrap_or_default().to_lowercase()
}

/// A commit for people: short id, day and subject, e.g. `1a2b3c4 (2027-02-14, "Attest")`.
fn describe(commit: &Commit<'_>) -> String {
    let id = commit.id().to_string();
    let day = chrono::DateTime::from_timestamp(commit.author().when().seconds(), 0)
        .map(|t| t.date_naive().to_string())
        .unwrap_or_default();
    let subject = commit.summary().unwrap_or_default();
    format!("{} ({day}, \"{subject}\")", &id[..7.min(id.len())])
}

fn parse(bytes: &[u8]) -> Version {
    Some(Rc::new(crate::model::parse::parse(bytes).ok()?.plan()))
}
