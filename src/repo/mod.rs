//! Where plan files come from. The rest of the program sees a [`Source`]: a set of
//! files by repository-relative path, never a path outside the repository.

mod git;
pub mod history;
mod status;
mod worktree;

pub use git::{Against, Changed, GitRepo, GitSource};
pub use worktree::WorkTree;

use crate::i18n::{Fail, Msg};
use anyhow::Result;
use std::path::{Path, PathBuf};

/// The files of a plan repository at one state (the work tree; later a revision or the index).
pub trait Source: Sync {
    /// Where the files come from, for messages.
    fn describe(&self) -> Msg;
    /// The bytes of a repository-relative file; None when there is no such file.
    fn read(&self, path: &str) -> Result<Option<Vec<u8>>>;
    /// Every file under `objects/`, and the entries that cannot hold plans.
    fn list_objects(&self) -> Result<Listing>;

    /// What tells a file's content apart without reading it, when the source knows
    /// it cheaply (see [`Fingerprint`]); None when it does not.
    fn fingerprint(&self, path: &str) -> Option<Fingerprint> {
        let _ = path;
        None
    }

    /// [`Source::list_objects`], taking the entries of folders whose stat data shows
    /// them unchanged from `known` instead of reading them again, and giving back the
    /// listings this run saw, with their folders' stat data (the cache keeps those
    /// that are settled for the next run). Only the work tree has folders; other
    /// sources list as usual.
    fn list_objects_reusing(&self, known: &DirListings) -> Result<(Listing, DirListings)> {
        let _ = known;
        Ok((self.list_objects()?, DirListings::default()))
    }

    /// [`Source::read`] together with the file's [`Source::fingerprint`], from one look
    /// at the file where the source can.
    fn read_tagged(&self, path: &str) -> Result<Option<(Vec<u8>, Option<Fingerprint>)>> {
        Ok(self
            .read(path)?
            .map(|bytes| (bytes, self.fingerprint(path))))
    }
}

/// Folder listings of the work tree by repository-relative folder, kept between runs
/// (see [`Source::list_objects_reusing`]).
pub type DirListings = crate::hash::HashMap<String, DirListing>;

/// A folder's entries as a listing saw them, with the folder's stat data: while the
/// stat data stays the same, so do the entries (creating, removing or renaming an
/// entry changes the folder's modification and change time).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirListing {
    pub stat: FileStat,
    /// (name, kind, inode)
    pub entries: Vec<(String, Kind, u64)>,
}

/// What a folder entry is, as the listing saw it (links are not followed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    File,
    Dir,
    Symlink,
    Other,
}

impl Kind {
    pub fn of(t: std::fs::FileType) -> Kind {
        if t.is_symlink() {
            Kind::Symlink
        } else if t.is_dir() {
            Kind::Dir
        } else if t.is_file() {
            Kind::File
        } else {
            Kind::Other
        }
    }
}

/// What identifies a file's content without reading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fingerprint {
    /// A git tree or index names the blob.
    Blob(git2::Oid),
    /// A work-tree file's stat data: the same data means the same content as when it
    /// was last read (what git's index relies on too).
    Stat(FileStat),
}

/// Stat data younger than this is not recorded: a file written again within the
/// same clock tick could otherwise keep its times (git's "racy clean" problem).
const SETTLED_NANOS: i64 = 2_000_000_000;

/// A file's size, inode and change times. The change time (ctime) is set by the
/// kernel on every write and cannot be set back, so a rewrite shows even when the
/// size and modification time are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FileStat {
    pub size: u64,
    pub inode: u64,
    /// Modification time, nanoseconds since the epoch.
    pub mtime: i64,
    /// Status change time, nanoseconds since the epoch.
    pub ctime: i64,
}

impl FileStat {
    /// The stat data of a file; None where the platform does not give all of it.
    pub fn of(meta: &std::fs::Metadata) -> Option<FileStat> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let nanos = |s: i64, ns: i64| s.saturating_mul(1_000_000_000).saturating_add(ns);
            Some(FileStat {
                size: meta.size(),
                inode: meta.ino(),
                mtime: nanos(meta.mtime(), meta.mtime_nsec()),
                ctime: nanos(meta.ctime(), meta.ctime_nsec()),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }

    /// Whether the stat data is old enough at the time `now` to be recorded (see
    /// [`SETTLED_NANOS`]).
    pub fn settled_at(&self, now: std::time::SystemTime) -> bool {
        let now = now
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
        self.mtime.max(self.ctime) < now.saturating_sub(SETTLED_NANOS)
    }
}

/// What lies under `objects/`.
#[derive(Debug, Default)]
pub struct Listing {
    /// Repository-relative paths of files, sorted.
    pub files: Vec<String>,
    /// Entries that are not plan files and are not files at all (empty folders with bad
    /// names, links out of the repository…), with why.
    pub problems: Vec<(String, crate::i18n::Msg)>,
}

/// The repository root: `--repo`, else the nearest folder upward holding plan.toml.
pub fn find_root(repo: Option<&Path>) -> Result<PathBuf> {
    if let Some(dir) = repo {
        match dir.metadata() {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => crate::fail!("error-repo-is-file", dir = dir),
            Err(_) => crate::fail!("error-repo-missing", dir = dir),
        }
        match config_in(dir) {
            Some(Ok(())) => return Ok(dir.to_path_buf()),
            Some(Err(why)) => return Err(Fail(why).into()),
            None => crate::fail!("error-not-a-repository", dir = dir),
        }
    }
    let cwd = std::env::current_dir()?;
    for dir in cwd.ancestors() {
        match config_in(dir) {
            Some(Ok(())) => return Ok(dir.to_path_buf()),
            Some(Err(why)) => return Err(Fail(why).into()),
            None => {}
        }
    }
    crate::fail!("error-no-plan-toml", dir = &cwd)
}

/// Whether `dir` holds a plan.toml: None when there is none, else whether it is a
/// regular file (a FIFO, folder or dangling link named plan.toml is said to be one).
fn config_in(dir: &Path) -> Option<std::result::Result<(), Msg>> {
    let path = dir.join(crate::layout::CONFIG_FILE);
    let link = path.symlink_metadata().ok()?;
    Some(match path.metadata() {
        Ok(meta) if meta.is_file() => Ok(()),
        Ok(meta) => Err(crate::msg!(
            "error-config-not-a-file",
            file = &path,
            kind = crate::fsio::kind_of(&meta)
        )),
        Err(_) if link.file_type().is_symlink() => Err(crate::msg!(
            "error-config-dangling",
            file = &path,
            to = &std::fs::read_link(&path).unwrap_or_default()
        )),
        Err(e) => Err(crate::msg!(
            "error-config-unreadable",
            file = &path,
            why = e.to_string()
        )),
    })
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
        crate::fail!("error-not-relative", file = path);
    }
    Ok(path)
}
