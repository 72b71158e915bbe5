//! A cache of per-file index entries ([`ObjectEntry`]), so that `plan check
//! --changed-since` parses only the files a branch changed and takes what the
//! cross-object rules need of the rest from earlier runs.
//!
//! Entries are keyed by the git blob id of the file's bytes: the id changes with
//! the content, so a changed file never meets an old entry. Work-tree files are
//! recognised without reading them by their stat data (size, inode, modification
//! and change time), recorded with the id when the file was last read, the way git's
//! own index does; a file whose stat data differs is read and hashed.
//!
//! The cache lives in `.git/plan-cache/` (only when that folder is inside the
//! repository's work tree) and is written atomically. It names the tool version and
//! a format version: a cache written by another version, a foreign or corrupt file
//! is ignored and replaced, never trusted. Losing it costs time, never correctness.

mod store;

use crate::hash::{HashMap, HashSet};
use crate::index::ObjectEntry;
use crate::repo::{DirListings, FileStat, Fingerprint, GitRepo};
use git2::Oid;
use std::path::PathBuf;
use std::sync::Mutex;
use store::Loaded;

/// One file seen in this run whose stat data or entry is not stored yet.
struct Fresh {
    path: String,
    stat: Option<FileStat>,
    id: Oid,
    /// The entry, encoded (see [`store`]).
    record: Vec<u8>,
}

/// The cache of one run: what was stored, and what this run saw.
pub struct Cache {
    dir: PathBuf,
    /// The names of the entries file and the folder-listings file.
    names: (String, String),
    /// What was stored, read by a thread of its own while the files are listed.
    old: std::sync::OnceLock<Loaded>,
    loading: Mutex<Option<std::thread::JoinHandle<Loaded>>>,
    /// Folder listings as stored (read by a thread of their own), and as this run
    /// saw them.
    dirs: std::sync::OnceLock<DirListings>,
    loading_dirs: Mutex<Option<std::thread::JoinHandle<DirListings>>>,
    fresh_dirs: Mutex<Option<DirListings>>,
    /// What this run learnt that is not stored yet.
    fresh: Mutex<Vec<Fresh>>,
    /// The time of this run: stat data is recorded once it is settled then (see
    /// [`FileStat::settled_at`]).
    now: std::time::SystemTime,
}

impl Cache {
    /// The cache of the git repository around a plan repository; None when there is
    /// no git repository or its folder is not inside the work tree (a linked work
    /// tree or submodule keeps it elsewhere: nothing is written there).
    pub fn open(git: &GitRepo) -> Option<Cache> {
        Cache::open_at(git, std::time::SystemTime::now())
    }

    /// [`Cache::open`] for a run at the time `now`: stat data is recorded once it is
    /// settled then (see [`FileStat::settled_at`]; a test runs "later" instead of
    /// waiting).
    pub fn open_at(git: &GitRepo, now: std::time::SystemTime) -> Option<Cache> {
        let workdir = git.repo.workdir()?.canonicalize().ok()?;
        let gitdir = git.repo.path().canonicalize().ok()?;
        if !gitdir.starts_with(&workdir) || gitdir == workdir {
            return None;
        }
        let dir = gitdir.join("plan-cache");
        // Plan repositories in subfolders of one git repository keep caches apart.
        let tag = if git.prefix.is_empty() {
            String::new()
        } else {
            use sha2::Digest;
            let hash = sha2::Sha256::digest(git.prefix.as_bytes());
            format!("-{}", hex::encode(&hash[..8]))
        };
        let names = (format!("entries{tag}.bin"), format!("dirs{tag}.bin"));
        let old = std::sync::OnceLock::new();
        let mut loading = None;
        let mut loading_dirs = None;
        match std::fs::symlink_metadata(&dir) {
            Ok(meta) if meta.is_dir() => {
                let file = dir.join(&names.0);
                loading = Some(std::thread::spawn(move || {
                    store::load(&file).unwrap_or_default()
                }));
                let file = dir.join(&names.1);
                loading_dirs = Some(std::thread::spawn(move || {
                    store::load_dirs(&file).unwrap_or_default()
                }));
            }
            Ok(_) => return None,
            Err(_) => {
                let _ = old.set(Loaded::default());
            }
        }
        Some(Cache {
            dir,
            names,
            old,
            loading: Mutex::new(loading),
            dirs: std::sync::OnceLock::new(),
            loading_dirs: Mutex::new(loading_dirs),
            fresh_dirs: Mutex::default(),
            fresh: Mutex::default(),
            now,
        })
    }

    /// The folder listings of the last run, for [`crate::repo::Source::list_objects_reusing`].
    pub fn dirs(&self) -> &DirListings {
        loaded(&self.dirs, &self.loading_dirs)
    }

    /// Notes the folder listings of this run, to be stored: those of folders whose
    /// stat data is settled.
    pub fn record_dirs(&self, mut dirs: DirListings) {
        dirs.retain(|_, listing| listing.stat.settled_at(self.now));
        *self.fresh_dirs.lock().unwrap_or_else(|p| p.into_inner()) = Some(dirs);
    }

    /// What was stored, once the thread reading it is done.
    fn old(&self) -> &Loaded {
        loaded(&self.old, &self.loading)
    }

    /// The blob id of a file from what identifies it without reading: a git source's
    /// id, or the id recorded with the same stat data.
    pub fn known_id(&self, path: &str, fingerprint: Option<Fingerprint>) -> Option<Oid> {
        match fingerprint? {
            Fingerprint::Blob(id) => Some(id),
            Fingerprint::Stat(stat) => {
                let (was, id) = self.old().stats.get(path)?;
                (*was == stat).then_some(*id)
            }
        }
    }

    /// The stored entry for content with this blob id: `Some(None)` when that content
    /// is known not to be a readable plan.
    pub fn entry(&self, id: Oid) -> Option<Option<ObjectEntry>> {
        self.old().entry(&id)
    }

    /// Notes a file read (or recognised) in this run, to be stored.
    pub fn record(
        &self,
        path: &str,
        fingerprint: Option<Fingerprint>,
        id: Oid,
        entry: Option<&ObjectEntry>,
    ) {
        let stat = match fingerprint {
            Some(Fingerprint::Stat(stat)) if stat.settled_at(self.now) => Some(stat),
            _ => None,
        };
        let old = self.old();
        let known = old.entries.contains_key(&id)
            && stat.is_none_or(|stat| old.stats.get(path) == Some(&(stat, id)));
        if !known {
            self.fresh
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(Fresh {
                    path: path.to_string(),
                    stat,
                    id,
                    record: store::encode_record(entry),
                });
        }
    }

    /// Stores what this run learnt, when it learnt anything. `seen`: every plan file
    /// of the run; `complete`: the run looked at every plan file of every year, so
    /// stat data of files no longer there can go. A cache that cannot be written is
    /// left alone: it only saves time.
    pub fn save<'p>(self, seen: impl IntoIterator<Item = &'p str>, complete: bool) {
        self.old();
        if let Some(dirs) = self
            .fresh_dirs
            .into_inner()
            .unwrap_or_else(|p| p.into_inner())
        {
            if Some(&dirs) != self.dirs.get() {
                let _ = store::write_dirs(&self.dir, &self.names.1, &dirs);
            }
        }
        let fresh = self.fresh.into_inner().unwrap_or_else(|p| p.into_inner());
        let Some(mut old) = self.old.into_inner() else {
            return;
        };
        let work_tree = fresh.iter().any(|f| f.stat.is_some()) || !old.stats.is_empty();
        let seen: HashSet<&str> = seen.into_iter().collect();
        let gone = complete && work_tree && old.stats.keys().any(|p| !seen.contains(p.as_str()));
        if fresh.is_empty() && !gone {
            return;
        }
        if complete && work_tree {
            old.stats.retain(|path, _| seen.contains(path.as_str()));
        }
        for f in &fresh {
            match f.stat {
                Some(stat) => {
                    old.stats.insert(f.path.clone(), (stat, f.id));
                }
                None => {
                    old.stats.remove(&f.path);
                }
            }
        }
        let fresh_records: HashMap<Oid, Vec<u8>> =
            fresh.into_iter().map(|f| (f.id, f.record)).collect();
        let referenced: HashSet<Oid> = old
            .stats
            .values()
            .map(|(_, id)| *id)
            .chain(fresh_records.keys().copied())
            .collect();
        // Entries no file refers to any more are dropped once they outnumber the
        // ones in use (older revisions checked with --rev, edited files).
        let prune = old.entries.len() > 2 * referenced.len() + 100;
        let keep = old
            .entries
            .keys()
            .copied()
            .filter(|id| !prune || referenced.contains(id));
        if store::write(&self.dir, &self.names.0, &old, keep, &fresh_records).is_ok() {
            // The files of the first format (JSON, written by earlier builds)
            // are never read again.
            for name in [&self.names.0, &self.names.1] {
                let _ = std::fs::remove_file(self.dir.join(name.replace(".bin", ".json")));
            }
        }
    }
}

/// What a loading thread read, once it is done (nothing when it failed).
fn loaded<'c, T: Default>(
    slot: &'c std::sync::OnceLock<T>,
    loading: &Mutex<Option<std::thread::JoinHandle<T>>>,
) -> &'c T {
    slot.get_or_init(|| {
        let handle = loading.lock().unwrap_or_else(|p| p.into_inner()).take();
        handle.and_then(|h| h.join().ok()).unwrap_or_default()
    })
}

/// The git blob id of bytes: what `git hash-object` prints for a file holding them.
pub fn blob_id(bytes: &[u8]) -> Oid {
    Oid::hash_object(git2::ObjectType::Blob, bytes).unwrap_or_else(|_| Oid::zero())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blob_ids_are_gits() {
        // `printf 'hello\n' | git hash-object --stdin`
        assert_eq!(
            blob_id(b"hello\n").to_string(),
            "ce013625030ba8dba906f756967f9e9ca394464a"
        );
    }
}
