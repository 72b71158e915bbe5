//! Plan files read from git: the tree of a revision (`--rev`) or the index
//! (`--staged`), through libgit2, without touching the work tree.

use super::{safe_relative, Listing, Source};
use crate::i18n::{Context, Fail};
use crate::{fail, msg};
use anyhow::Result;
use git2::{ObjectType, Oid, Repository};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock, RwLock};

/// Symbolic links are stored in git with this mode; they are never followed.
const LINK_MODE: u32 = 0o120000;
/// A submodule (gitlink) entry.
const COMMIT_MODE: u32 = 0o160000;

/// The git repository around a plan repository, and where the plan repository sits in it.
pub struct GitRepo {
    pub repo: Repository,
    /// The plan repository's folder relative to the git work tree, "" or ending in `/`.
    pub prefix: String,
}

impl GitRepo {
    /// The git repository containing the plan repository at `root`.
    pub fn open(root: &Path) -> Result<GitRepo> {
        // Objects are read, not checked: hashing every blob again (SHA-1 with
        // collision detection) cost 8 % of `--rev` and is `git fsck`'s job, as it
        // is for git itself when it reads.
        git2::opts::strict_hash_verification(false);
        let repo = Repository::discover(root)
            .map_err(|e| Fail(msg!("error-no-git", dir = root, why = e.message())))?;
        let workdir = repo
            .workdir()
            .with_msg(|| msg!("error-git-bare", dir = repo.path()))?
            .canonicalize()
            .with_msg(|| msg!("error-opening", file = root))?;
        let root = root
            .canonicalize()
            .with_msg(|| msg!("error-opening", file = root))?;
        let rel = root.strip_prefix(&workdir).map_err(|_| {
            Fail(msg!(
                "error-outside-work-tree",
                dir = &root,
                work_tree = &workdir
            ))
        })?;
        let mut prefix = rel
            .to_str()
            .with_msg(|| msg!("error-path-not-utf8", file = rel))?
            .replace('\\', "/");
        if !prefix.is_empty() {
            prefix.push('/');
        }
        Ok(GitRepo { repo, prefix })
    }

    /// The tree of a revision such as `HEAD`, `main~2` or a commit id.
    pub fn tree_of(&self, rev: &str) -> Result<Oid> {
        let object = self.repo.revparse_single(rev).map_err(|e| {
            self.no_commits(&format!("--rev {rev}")).unwrap_or_else(|| {
                Fail(msg!("error-unknown-revision", rev = rev, why = e.message())).into()
            })
        })?;
        let tree = object
            .peel_to_tree()
            .map_err(|e| Fail(msg!("error-not-a-tree", rev = rev, why = e.message())))?;
        Ok(tree.id())
    }

    /// For a revision that does not resolve: a clearer error when HEAD has no commits
    /// yet, where git's own would only say that the revision is not found.
    /// The index file `git commit` commits: GIT_INDEX_FILE, which git sets for hooks
    /// during `git commit -a` and partial commits, else `.git/index`.
    fn index_file(&self) -> Result<PathBuf> {
        Ok(match std::env::var_os("GIT_INDEX_FILE") {
            Some(file) if !file.is_empty() => {
                let file = PathBuf::from(file);
                let path = if file.is_absolute() || file.exists() {
                    file.clone()
                } else {
                    self.repo.workdir().map_or(file.clone(), |w| w.join(&file))
                };
                if !path.is_file() {
                    fail!("error-index-file", file = &file);
                }
                path
            }
            _ => self.repo.path().join("index"),
        })
    }

    fn no_commits(&self, what: &str) -> Option<anyhow::Error> {
        matches!(self.repo.head(), Err(e) if e.code() == git2::ErrorCode::UnbornBranch)
            .then(|| Fail(msg!("error-no-commits", what = what)).into())
    }
}

impl GitRepo {
    /// The identity git records for `who` (`"AUTHOR"` or `"COMMITTER"`): name and
    /// e-mail from `GIT_<who>_NAME` / `GIT_<who>_EMAIL` as git itself reads them, else
    /// `user.name` / `user.email` from the git configuration; None where neither is set.
    pub fn identity(&self, who: &str) -> (Option<String>, Option<String>) {
        let config = self.repo.config().ok();
        let get = |env: &str, key: &str| {
            std::env::var(format!("GIT_{who}_{env}"))
                .ok()
                .filter(|v| !v.is_empty())
                .or_else(|| config.as_ref().and_then(|c| c.get_string(key).ok()))
                .filter(|v| !v.is_empty())
        };
        (get("NAME", "user.name"), get("EMAIL", "user.email"))
    }
}

/// Where the entries come from.
enum Entries {
    Tree(Oid),
    Index(PathBuf),
}

/// The plan files of a revision or of the index.
pub struct GitSource {
    repo: Mutex<Repository>,
    prefix: String,
    entries: Entries,
    label: crate::i18n::Msg,
    /// Mode and blob id of every file the last listing found, by path: reading a
    /// file then needs no look-up from the root tree (or the index file) each time.
    listed: RwLock<HashMap<String, (u32, Oid)>>,
    /// One more handle on the repository per worker thread, opened when first
    /// needed, so blobs are read and inflated in parallel, not one at a time.
    readers: Vec<OnceLock<Option<Mutex<Repository>>>>,
}

impl GitSource {
    /// The tree of `rev`.
    pub fn revision(git: GitRepo, rev: &str) -> Result<GitSource> {
        let tree = git.tree_of(rev)?;
        Ok(GitSource::new(
            git,
            Entries::Tree(tree),
            msg!("source-revision", rev = rev),
        ))
    }

    /// The index: what `git commit` would commit. Honours GIT_INDEX_FILE, which git
    /// sets for hooks during `git commit -a` and partial commits.
    pub fn index(git: GitRepo) -> Result<GitSource> {
        let path = git.index_file()?;
        Ok(GitSource::new(
            git,
            Entries::Index(path),
            msg!("source-index"),
        ))
    }

    fn new(git: GitRepo, entries: Entries, label: crate::i18n::Msg) -> GitSource {
        GitSource {
            label,
            prefix: git.prefix,
            repo: Mutex::new(git.repo),
            entries,
            listed: RwLock::default(),
            readers: (0..rayon::current_num_threads())
                .map(|_| OnceLock::new())
                .collect(),
        }
    }

    fn repo(&self) -> std::sync::MutexGuard<'_, Repository> {
        self.repo
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// (path relative to the plan repository, mode, blob id) of every entry under `dir`.
    fn entries_under(&self, dir: &str) -> Result<Vec<(String, u32, Oid)>> {
        let repo = self.repo();
        let full = format!("{}{dir}/", self.prefix);
        let mut out = Vec::new();
        match &self.entries {
            Entries::Tree(tree) => {
                let tree = repo.find_tree(*tree)?;
                let Ok(entry) = tree.get_path(Path::new(full.trim_end_matches('/'))) else {
                    return Ok(out);
                };
                if entry.kind() != Some(ObjectType::Tree) {
                    out.push((dir.to_string(), entry.filemode() as u32, entry.id()));
                    return Ok(out);
                }
                let sub = repo.find_tree(entry.id())?;
                sub.walk(git2::TreeWalkMode::PreOrder, |parent, e| {
                    if e.kind() != Some(ObjectType::Tree) {
                        if let Some(name) = e.name() {
                            out.push((
                                format!("{dir}/{parent}{name}"),
                                e.filemode() as u32,
                                e.id(),
                            ));
                        }
                    }
                    git2::TreeWalkResult::Ok
                })?;
            }
            Entries::Index(path) => {
                let index = git2::Index::open(path)
                    .with_msg(|| msg!("error-reading-index", file = path))?;
                for e in index.iter() {
                    let path = String::from_utf8_lossy(&e.path).into_owned();
                    if let Some(rel) = path.strip_prefix(&self.prefix) {
                        if rel.starts_with(&format!("{dir}/")) && index_stage(e.flags) == 0 {
                            out.push((rel.to_string(), e.mode, e.id));
                        } else if rel.starts_with(&format!("{dir}/")) {
                            fail!("error-conflicts", file = rel);
                        }
                    }
                }
            }
        }
        Ok(out)
    }

    fn blob(&self, id: Oid) -> Result<Vec<u8>> {
        let reader = rayon::current_thread_index()
            .and_then(|i| self.readers.get(i))
            .and_then(|slot| {
                slot.get_or_init(|| {
                    let path = self.repo().path().to_path_buf();
                    Repository::open(path).ok().map(Mutex::new)
                })
                .as_ref()
            });
        let repo = match reader {
            Some(reader) => reader.lock().unwrap_or_else(|p| p.into_inner()),
            None => self.repo(),
        };
        let blob = repo.find_blob(id)?;
        Ok(blob.content().to_vec())
    }
}

/// The merge stage of an index entry (non-zero during a conflicted merge).
fn index_stage(flags: u16) -> u16 {
    (flags >> 12) & 0x3
}

impl Source for GitSource {
    fn describe(&self) -> crate::i18n::Msg {
        self.label.clone()
    }

    fn fingerprint(&self, path: &str) -> Option<super::Fingerprint> {
        let listed = self.listed.read().unwrap_or_else(|p| p.into_inner());
        listed
            .get(path)
            .map(|(_, id)| super::Fingerprint::Blob(*id))
    }

    fn read(&self, path: &str) -> Result<Option<Vec<u8>>> {
        safe_relative(path)?;
        let full = format!("{}{path}", self.prefix);
        let listed = self
            .listed
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(path)
            .copied();
        let found = if listed.is_some() {
            listed
        } else {
            let repo = self.repo();
            match &self.entries {
                Entries::Tree(tree) => repo
                    .find_tree(*tree)?
                    .get_path(Path::new(&full))
                    .ok()
                    .map(|e| (e.filemode() as u32, e.id())),
                Entries::Index(file) => git2::Index::open(file)?
                    .get_path(Path::new(&full), 0)
                    .map(|e| (e.mode, e.id)),
            }
        };
        match found {
            None => Ok(None),
            Some((mode, _)) if mode == LINK_MODE => {
                fail!("error-git-link", file = path)
            }
            Some((_, id)) => self.blob(id).map(Some),
        }
    }

    fn list_objects(&self) -> Result<Listing> {
        let mut listing = Listing::default();
        let entries = self.entries_under("objects")?;
        *self.listed.write().unwrap_or_else(|p| p.into_inner()) = entries
            .iter()
            .map(|(path, mode, id)| (path.clone(), (*mode, *id)))
            .collect();
        for (path, mode, _) in entries {
            match mode {
                LINK_MODE => listing
                    .problems
                    .push((path, crate::msg!("layout-symlink-in-git"))),
                COMMIT_MODE => listing
                    .problems
                    .push((path, crate::msg!("layout-submodule"))),
                _ => listing.files.push(path),
            }
        }
        listing.files.sort();
        Ok(listing)
    }
}

/// What changed on a branch, for `--changed-since`.
#[derive(Debug, PartialEq, Eq)]
pub enum Changed {
    /// Settings or schema files changed (this one, repository-relative): every
    /// object is affected.
    All(String),
    /// The objects whose files changed.
    Objects(std::collections::BTreeSet<String>),
}

/// What `--changed-since` compares with the merge base: what is being checked
/// (SPEC §5, v2), never silently HEAD instead.
#[derive(Clone, Copy, Debug)]
pub enum Against<'a> {
    /// The work tree, committed and uncommitted changes alike; with the listing of
    /// its `objects/` the check made (new files are found there).
    WorkTree(&'a Listing),
    /// The index (`--staged`).
    Index,
    /// The tree of a revision (`--rev R`); the merge base is that of R and the base.
    Rev(&'a str),
}

impl GitRepo {
    /// What changed between the merge base of `base` and HEAD (or the revision
    /// checked), and what is checked.
    pub fn changed_since(&self, base: &str, against: Against<'_>) -> Result<Changed> {
        let repo = &self.repo;
        let base_commit = match repo.revparse_single(base).and_then(|o| o.peel_to_commit()) {
            Ok(c) => c,
            Err(e) if repo.is_shallow() => {
                fail!("error-base-shallow", base = base, why = e.message())
            }
            Err(e) => {
                return Err(self
                    .no_commits(&format!("--changed-since {base}"))
                    .unwrap_or_else(|| {
                        Fail(msg!("error-base-unknown", base = base, why = e.message())).into()
                    }))
            }
        };
        let (tip, tip_name) = match against {
            Against::Rev(rev) => (
                repo.revparse_single(rev)
                    .and_then(|o| o.peel_to_commit())
                    .map_err(|e| {
                        Fail(msg!("error-rev-not-commit", rev = rev, why = e.message()))
                    })?,
                rev,
            ),
            Against::WorkTree(_) | Against::Index => (
                repo.head()
                    .and_then(|h| h.peel_to_commit())
                    .map_err(|e| Fail(msg!("error-base-no-head", why = e.message())))?,
                "HEAD",
            ),
        };
        let merge_base = match repo.merge_base(base_commit.id(), tip.id()) {
            Ok(id) => repo.find_commit(id)?,
            Err(_) if repo.is_shallow() => {
                fail!("error-base-cut-off", base = base, tip = tip_name)
            }
            Err(e) => fail!(
                "error-base-unrelated",
                base = base,
                tip = tip_name,
                why = e.message()
            ),
        };
        let base_tree = merge_base.tree()?;
        let mut changed = Vec::new();
        match against {
            Against::Rev(_) => {
                changed_files(repo, Some(&base_tree), Some(&tip.tree()?), "", &mut changed)?
            }
            Against::Index => {
                // The index being committed: with `git commit -a` or a partial commit
                // that is GIT_INDEX_FILE, not .git/index.
                let mut index = git2::Index::open(&self.index_file()?)?;
                changed = self.staged(&mut index, &base_tree)?;
            }
            Against::WorkTree(listing) => {
                // What was committed since the merge base, then what is not yet.
                let head = tip.tree()?;
                changed_files(repo, Some(&base_tree), Some(&head), "", &mut changed)?;
                changed.extend(self.uncommitted(&head, listing)?);
            }
        }
        let mut objects = std::collections::BTreeSet::new();
        for path in &changed {
            let Some(rel) = path.strip_prefix(&self.prefix) else {
                continue;
            };
            if rel == crate::layout::CONFIG_FILE || rel.starts_with("schema/") {
                return Ok(Changed::All(rel.to_string()));
            }
            if let Some(rest) = rel.strip_prefix("objects/") {
                objects.insert(rest.split('/').next().unwrap_or(rest).to_string());
            }
        }
        Ok(Changed::Objects(objects))
    }
}

/// The paths of the files that differ between two trees: added, removed, or changed
/// in content or mode (what a tree-to-tree diff lists, without rename detection).
/// Both trees are walked side by side in git's order, and subtrees with the same id
/// on both sides are not read, so one changed plan among tens of thousands costs a
/// few tree reads and one pass over each folder.
pub(super) fn changed_files(
    repo: &Repository,
    old: Option<&git2::Tree<'_>>,
    new: Option<&git2::Tree<'_>>,
    dir: &str,
    out: &mut Vec<String>,
) -> Result<()> {
    let old: Vec<git2::TreeEntry<'_>> = old.map(|t| t.iter().collect()).unwrap_or_default();
    let new: Vec<git2::TreeEntry<'_>> = new.map(|t| t.iter().collect()).unwrap_or_default();
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        let order = match (old.get(i), new.get(j)) {
            (Some(a), Some(b)) => git_order(a, b),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        let (a, b) = match order {
            std::cmp::Ordering::Less => (old.get(i), None),
            std::cmp::Ordering::Greater => (None, new.get(j)),
            std::cmp::Ordering::Equal => (old.get(i), new.get(j)),
        };
        i += usize::from(a.is_some());
        j += usize::from(b.is_some());
        if let (Some(a), Some(b)) = (a, b) {
            if a.id() == b.id() && a.filemode() == b.filemode() {
                continue;
            }
        }
        let Some(name) = a.or(b).and_then(|e| e.name()) else {
            continue; // not UTF-8: no plan file is named so
        };
        let path = format!("{dir}{name}");
        let subtree = |e: Option<&git2::TreeEntry<'_>>| -> Result<Option<git2::Tree<'_>>> {
            match e {
                Some(e) if e.kind() == Some(ObjectType::Tree) => Ok(Some(repo.find_tree(e.id())?)),
                _ => Ok(None),
            }
        };
        let (ta, tb) = (subtree(a)?, subtree(b)?);
        if ta.is_some() || tb.is_some() {
            changed_files(repo, ta.as_ref(), tb.as_ref(), &format!("{path}/"), out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Git's order of tree entries: by name, a folder's name read as if it ended in `/`.
fn git_order(a: &git2::TreeEntry<'_>, b: &git2::TreeEntry<'_>) -> std::cmp::Ordering {
    let (an, bn) = (a.name_bytes(), b.name_bytes());
    let n = an.len().min(bn.len());
    let next = |e: &git2::TreeEntry<'_>, name: &[u8]| {
        let folder = e.kind() == Some(ObjectType::Tree);
        name.get(n).copied().or(folder.then_some(b'/'))
    };
    an[..n]
        .cmp(&bn[..n])
        .then_with(|| next(a, an).cmp(&next(b, bn)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tree from (path, content) pairs, built in `repo`'s object database.
    fn tree<'r>(repo: &'r Repository, files: &[(&str, &str)]) -> git2::Tree<'r> {
        fn build(repo: &Repository, files: &[(Vec<&str>, &str)]) -> Oid {
            let mut builder = repo.treebuilder(None).expect("builder");
            let mut folders: std::collections::BTreeMap<&str, Vec<(Vec<&str>, &str)>> =
                Default::default();
            for (parts, content) in files {
                if parts.len() == 1 {
                    let blob = repo.blob(content.as_bytes()).expect("blob");
                    builder.insert(parts[0], blob, 0o100644).expect("insert");
                } else {
                    folders
                        .entry(parts[0])
                        .or_default()
                        .push((parts[1..].to_vec(), content));
                }
            }
            for (name, inner) in folders {
                builder
                    .insert(name, build(repo, &inner), 0o040000)
                    .expect("insert");
            }
            builder.write().expect("tree")
        }
        let split: Vec<(Vec<&str>, &str)> = files
            .iter()
            .map(|(p, c)| (p.split('/').collect(), *c))
            .collect();
        repo.find_tree(build(repo, &split)).expect("tree")
    }

    #[test]
    fn changed_files_walks_both_trees_in_git_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let repo = Repository::init(dir.path()).expect("init");
        let old = tree(
            &repo,
            &[
                ("objects/a/2027.toml", "a"),
                ("objects/a.b/2027.toml", "same"),
                ("objects/b/2027.toml", "b"),
                ("objects/c", "a file that becomes a folder"),
                ("objects/gone/2027.toml", "gone"),
                ("plan.toml", "same"),
            ],
        );
        let new = tree(
            &repo,
            &[
                ("objects/a/2027.toml", "a, edited"),
                ("objects/a.b/2027.toml", "same"),
                ("objects/b/2027.toml", "b"),
                ("objects/c/2027.toml", "c"),
                ("objects/new/2027.toml", "new"),
                ("plan.toml", "same"),
            ],
        );
        let mut changed = Vec::new();
        changed_files(&repo, Some(&old), Some(&new), "", &mut changed).expect("diff");
        changed.sort();
        assert_eq!(
            changed,
            [
                "objects/a/2027.toml",
                "objects/c",
                "objects/c/2027.toml",
                "objects/gone/2027.toml",
                "objects/new/2027.toml",
            ]
        );
        let mut none = Vec::new();
        changed_files(&repo, Some(&new), Some(&new), "", &mut none).expect("diff");
        assert!(none.is_empty(), "{none:?}");
    }
}
