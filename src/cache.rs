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

use crate::diag::Span;
use crate::index::{self, ObjectEntry, SystemEntry, UpgradeEntry, Via};
use crate::repo::{DirListing, DirListings, FileStat, Fingerprint, GitRepo, Kind};
use git2::Oid;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Changes whenever what is stored, or how entries are made, changes.
const FORMAT: u32 = 1;
const MAGIC: &str = "plan-cache";
/// The entries file (`entries.json`; folder listings, needed before the files are
/// listed, are in `dirs.json`), in tests.
#[cfg(test)]
const FILE: &str = "entries.json";
/// A cache file larger than this is not read.
const MAX_BYTES: u64 = 1 << 30;
/// Stat data younger than this is not recorded: a file written again within the
/// same clock tick could otherwise keep its times (git's "racy clean" problem).
const SETTLED_NANOS: i64 = 2_000_000_000;

/// What is stored: compact tuples, since the file holds an entry per plan file and
/// is read on every check.
#[derive(Default, serde::Serialize, serde::Deserialize)]
struct Stored {
    magic: String,
    format: u32,
    tool: String,
    /// Blob id (hex) → the entry of a file with that content; None for content that
    /// is not a readable plan (not UTF-8, not TOML).
    entries: HashMap<String, Option<Entry>>,
    /// Work-tree path → its stat data and blob id (hex) when last read.
    stats: HashMap<String, Stat>,
}

/// Stored folder listings.
#[derive(Default, serde::Serialize, serde::Deserialize)]
struct StoredDirs {
    magic: String,
    format: u32,
    tool: String,
    /// Folder → (size, inode, mtime, ctime, [(name, kind, inode)]); kind 0 file,
    /// 1 folder, 2 link, 3 other.
    dirs: HashMap<String, StoredDir>,
}

/// (size, inode, mtime, ctime, [(name, kind, inode)])
type StoredDir = (u64, u64, i64, i64, Vec<(String, u8, u64)>);

/// [`ObjectEntry`] without the path-derived fields: (systems, upgrades).
type Entry = (Vec<System>, Vec<Upgrade>);
/// (id, retired, dependencies)
type System = (String, bool, Vec<StoredDep>);
/// (target, via: 0 depends_on / 1 integration, span start, span end)
type StoredDep = (String, u8, u32, u32);
/// (system, date, span start, span end)
type Upgrade = (String, chrono::NaiveDate, u32, u32);
/// (size, inode, mtime, ctime, blob id)
type Stat = (u64, u64, i64, i64, String);

fn to_stored(entry: &ObjectEntry) -> Entry {
    let systems = entry
        .systems
        .iter()
        .map(|s| {
            let deps = s
                .deps
                .iter()
                .map(|d| {
                    let via = u8::from(d.via == Via::Integration);
                    (d.target.clone(), via, d.span.start, d.span.end)
                })
                .collect();
            (s.id.clone(), s.retired, deps)
        })
        .collect();
    let upgrades = entry
        .upgrades
        .iter()
        .map(|u| (u.system.clone(), u.date, u.span.start, u.span.end))
        .collect();
    (systems, upgrades)
}

fn from_stored((systems, upgrades): &Entry) -> ObjectEntry {
    let span = |start: u32, end: u32| Span { start, end };
    ObjectEntry {
        file: String::new(),
        object: String::new(),
        year: 0,
        systems: systems
            .iter()
            .map(|(id, retired, deps)| SystemEntry {
                id: id.clone(),
                retired: *retired,
                deps: deps
                    .iter()
                    .map(|(target, via, start, end)| index::Dep {
                        target: target.clone(),
                        via: if *via == 0 {
                            Via::DependsOn
                        } else {
                            Via::Integration
                        },
                        span: span(*start, *end),
                    })
                    .collect(),
            })
            .collect(),
        upgrades: upgrades
            .iter()
            .map(|(system, date, start, end)| UpgradeEntry {
                system: system.clone(),
                date: *date,
                span: span(*start, *end),
            })
            .collect(),
    }
}

impl Stored {
    fn empty() -> Stored {
        Stored {
            magic: MAGIC.into(),
            format: FORMAT,
            tool: env!("CARGO_PKG_VERSION").into(),
            ..Stored::default()
        }
    }

    fn is_ours(&self) -> bool {
        self.magic == MAGIC && self.format == FORMAT && self.tool == env!("CARGO_PKG_VERSION")
    }
}

/// One file seen in this run whose stat data or entry is not stored yet.
struct Fresh {
    path: String,
    stat: Option<FileStat>,
    id: Oid,
    entry: Option<Entry>,
}

/// What was stored, keyed for look-ups.
#[derive(Default)]
struct Loaded {
    entries: HashMap<Oid, Option<Entry>>,
    stats: HashMap<String, (FileStat, Oid)>,
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
}

impl Cache {
    /// The cache of the git repository around a plan repository; None when there is
    /// no git repository or its folder is not inside the work tree (a linked work
    /// tree or submodule keeps it elsewhere: nothing is written there).
    pub fn open(git: &GitRepo) -> Option<Cache> {
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
            let hex: String = hash[..8].iter().map(|b| format!("{b:02x}")).collect();
            format!("-{hex}")
        };
        let names = (format!("entries{tag}.json"), format!("dirs{tag}.json"));
        let old = std::sync::OnceLock::new();
        let mut loading = None;
        let mut loading_dirs = None;
        match std::fs::symlink_metadata(&dir) {
            Ok(meta) if meta.is_dir() => {
                let file = dir.join(&names.0);
                loading = Some(std::thread::spawn(move || load(&file).unwrap_or_default()));
                let file = dir.join(&names.1);
                loading_dirs = Some(std::thread::spawn(move || {
                    load_dirs(&file).unwrap_or_default()
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
        })
    }

    /// The folder listings of the last run, for [`crate::repo::Source::list_objects_reusing`].
    pub fn dirs(&self) -> &DirListings {
        self.dirs.get_or_init(|| {
            let handle = self
                .loading_dirs
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .take();
            handle.and_then(|h| h.join().ok()).unwrap_or_default()
        })
    }

    /// Notes the folder listings of this run, to be stored.
    pub fn record_dirs(&self, dirs: DirListings) {
        *self.fresh_dirs.lock().unwrap_or_else(|p| p.into_inner()) = Some(dirs);
    }

    /// What was stored, once the thread reading it is done.
    fn old(&self) -> &Loaded {
        self.old.get_or_init(|| {
            let handle = self
                .loading
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .take();
            handle.and_then(|h| h.join().ok()).unwrap_or_default()
        })
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
        self.old()
            .entries
            .get(&id)
            .map(|entry| entry.as_ref().map(from_stored))
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
            Some(Fingerprint::Stat(stat)) if settled(&stat) => Some(stat),
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
                    entry: entry.map(to_stored),
                });
        }
    }

    /// Stores what this run learnt, when it learnt anything. `seen`: every plan file
    /// of the run; `complete`: the run looked at every plan file of every year, so
    /// stat data of files no longer there can go. A
    /// cache that cannot be written is left alone: it only saves time.
    pub fn save<'p>(self, seen: impl IntoIterator<Item = &'p str>, complete: bool) {
        self.old();
        if let Some(dirs) = self
            .fresh_dirs
            .into_inner()
            .unwrap_or_else(|p| p.into_inner())
        {
            if Some(&dirs) != self.dirs.get() {
                let _ = write_dirs(&self.dir, &self.names.1, &dirs);
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
            // Freeing what was loaded takes a while and the process ends soon.
            std::mem::forget(old);
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
        let fresh_ids: HashSet<Oid> = fresh.iter().map(|f| f.id).collect();
        let referenced: HashSet<Oid> = old
            .stats
            .values()
            .map(|(_, id)| *id)
            .chain(fresh_ids.iter().copied())
            .collect();
        // Entries no file refers to any more are dropped once they outnumber the
        // ones in use (older revisions checked with --rev, edited files).
        if old.entries.len() > 2 * referenced.len() + 100 {
            old.entries.retain(|id, _| referenced.contains(id));
        }
        for f in fresh {
            old.entries.insert(f.id, f.entry);
        }
        let _ = write(&self.dir, &self.names.0, &old);
    }
}

/// Whether stat data is old enough to be recorded (see [`SETTLED_NANOS`]).
pub fn settled(stat: &FileStat) -> bool {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
    stat.mtime.max(stat.ctime) < now.saturating_sub(SETTLED_NANOS)
}

/// The stored cache, if it is there, readable and ours.
fn load(file: &Path) -> Option<Loaded> {
    let meta = std::fs::symlink_metadata(file).ok()?;
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return None;
    }
    let bytes = std::fs::read(file).ok()?;
    let stored: Stored = serde_json::from_slice(&bytes).ok()?;
    if !stored.is_ours() {
        return None;
    }
    let oid = |hex: &str| Oid::from_str(hex).ok();
    let mut loaded = Loaded::default();
    for (id, entry) in stored.entries {
        loaded.entries.insert(oid(&id)?, entry);
    }
    for (path, (size, inode, mtime, ctime, id)) in stored.stats {
        let stat = FileStat {
            size,
            inode,
            mtime,
            ctime,
        };
        loaded.stats.insert(path, (stat, oid(&id)?));
    }
    Some(loaded)
}

/// The stored folder listings, if they are there, readable and ours.
fn load_dirs(file: &Path) -> Option<DirListings> {
    let meta = std::fs::symlink_metadata(file).ok()?;
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return None;
    }
    let stored: StoredDirs = serde_json::from_slice(&std::fs::read(file).ok()?).ok()?;
    if stored.magic != MAGIC || stored.format != FORMAT || stored.tool != env!("CARGO_PKG_VERSION")
    {
        return None;
    }
    let kind = |k: u8| match k {
        0 => Kind::File,
        1 => Kind::Dir,
        2 => Kind::Symlink,
        _ => Kind::Other,
    };
    Some(
        stored
            .dirs
            .into_iter()
            .map(|(dir, (size, inode, mtime, ctime, entries))| {
                let stat = FileStat {
                    size,
                    inode,
                    mtime,
                    ctime,
                };
                let entries = entries
                    .into_iter()
                    .map(|(name, k, inode)| (name, kind(k), inode))
                    .collect();
                (dir, DirListing { stat, entries })
            })
            .collect(),
    )
}

fn write_dirs(dir: &Path, name: &str, dirs: &DirListings) -> std::io::Result<()> {
    let code = |k: Kind| match k {
        Kind::File => 0u8,
        Kind::Dir => 1,
        Kind::Symlink => 2,
        Kind::Other => 3,
    };
    let stored = StoredDirs {
        magic: MAGIC.into(),
        format: FORMAT,
        tool: env!("CARGO_PKG_VERSION").into(),
        dirs: dirs
            .iter()
            .map(|(path, l)| {
                let entries = l
                    .entries
                    .iter()
                    .map(|(name, k, inode)| (name.clone(), code(*k), *inode))
                    .collect();
                let s = l.stat;
                (path.clone(), (s.size, s.inode, s.mtime, s.ctime, entries))
            })
            .collect(),
    };
    let bytes = serde_json::to_vec(&stored).map_err(std::io::Error::other)?;
    write_atomically(dir, name, &bytes)
}

/// Writes the cache beside its place, then renames it there: readers see the old
/// file or the new one, never half of one.
fn write(dir: &Path, name: &str, loaded: &Loaded) -> std::io::Result<()> {
    let mut stored = Stored::empty();
    stored.entries = loaded
        .entries
        .iter()
        .map(|(id, entry)| (id.to_string(), entry.clone()))
        .collect();
    stored.stats = loaded
        .stats
        .iter()
        .map(|(path, (stat, id))| {
            let row = (
                stat.size,
                stat.inode,
                stat.mtime,
                stat.ctime,
                id.to_string(),
            );
            (path.clone(), row)
        })
        .collect();
    let bytes = serde_json::to_vec(&stored).map_err(std::io::Error::other)?;
    write_atomically(dir, name, &bytes)
}

/// Writes `name` in the cache folder (made when missing; never through a link)
/// by way of a temporary file and a rename.
fn write_atomically(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    match std::fs::symlink_metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Ok(()),
        Err(_) => std::fs::create_dir(dir)?,
    }
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        file.write_all(bytes)?;
        drop(file);
        std::fs::rename(&tmp, dir.join(name))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
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

    #[test]
    fn a_foreign_or_corrupt_cache_is_ignored() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join(FILE);
        std::fs::write(&file, b"{\"magic\":\"plan-cache\",\"format\":1,").expect("write");
        assert!(load(&file).is_none());
        let mut other = Stored::empty();
        other.tool = "0.0.0-other".into();
        std::fs::write(&file, serde_json::to_vec(&other).expect("json")).expect("write");
        assert!(load(&file).is_none());
        let mut bad_id = Stored::empty();
        bad_id.entries.insert("not-a-blob-id".into(), None);
        std::fs::write(&file, serde_json::to_vec(&bad_id).expect("json")).expect("write");
        assert!(load(&file).is_none());
        std::fs::write(&file, serde_json::to_vec(&Stored::empty()).expect("json")).expect("write");
        assert!(load(&file).is_some());
    }

    #[test]
    fn written_atomically_and_read_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache_dir = dir.path().join("plan-cache");
        let mut loaded = Loaded::default();
        let entry = (
            vec![(
                "ladok".to_string(),
                false,
                vec![("lucat/ldap".to_string(), 1, 10, 20)],
            )],
            vec![(
                "ladok".to_string(),
                chrono::NaiveDate::from_ymd_opt(2027, 3, 6).expect("date"),
                30,
                40,
            )],
        );
        loaded.entries.insert(blob_id(b"x"), Some(entry));
        loaded.entries.insert(blob_id(b"not toml ["), None);
        let stat = FileStat {
            size: 1,
            inode: 2,
            mtime: 3,
            ctime: 4,
        };
        loaded
            .stats
            .insert("objects/ladok/2027.toml".into(), (stat, blob_id(b"x")));
        write(&cache_dir, FILE, &loaded).expect("written");
        let names: Vec<_> = std::fs::read_dir(&cache_dir)
            .expect("dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from(FILE)]);
        let back = load(&cache_dir.join(FILE)).expect("loaded");
        assert_eq!(back.entries.len(), 2);
        assert_eq!(back.stats["objects/ladok/2027.toml"], (stat, blob_id(b"x")));
        let entry = from_stored(back.entries[&blob_id(b"x")].as_ref().expect("entry"));
        assert_eq!(entry.systems[0].deps[0].target, "lucat/ldap");
        assert_eq!(entry.systems[0].deps[0].via, Via::Integration);
        assert_eq!(entry.upgrades[0].span, Span { start: 30, end: 40 });
    }
}
