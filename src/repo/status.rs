//! What is not committed yet, for `--changed-since` in the work tree: the index
//! against HEAD (what is staged) and the work tree against the index (what is not),
//! decided the way `git status` decides it, without walking the work tree again.
//!
//! - Staged: the index as a tree (git's cache of tree ids in the index makes that
//!   a few look-ups when little is staged; the trees it has to make stay in memory),
//!   compared with HEAD's tree by [`super::git::changed_files`].
//! - Not staged: a file whose size, inode and modification and change times are
//!   what the index recorded is unchanged (git's own test). Where they differ, or the
//!   index was written in the same clock tick as the file was last changed (git's
//!   "racily clean" entries), the file is hashed and its blob id compared.
//! - New: files under `objects/` come from the check's own listing, which has read
//!   the folders already (and left out what git ignores that is not named like a
//!   plan); plan.toml and `schema/` are looked at here. A new file git ignores is
//!   no change.

use super::git::changed_files;
use super::{GitRepo, Listing};
use crate::i18n::Context;
use anyhow::Result;
use git2::{Index, IndexEntry, ObjectType, Oid, Repository};
use rayon::prelude::*;
use std::path::Path;

/// The `assume-unchanged` bit of an index entry's flags: git does not look at the file.
const ASSUME_VALID: u16 = 0x8000;
/// The merge stage bits of an index entry's flags (non-zero during a conflict).
const STAGE: u16 = 0x3000;
/// The `skip-worktree` bit of an index entry's extended flags (sparse checkouts).
const SKIP_WORKTREE: u16 = 1 << 14;
const NANOS: i64 = 1_000_000_000;

impl GitRepo {
    /// The paths (relative to the git work tree) that differ between HEAD's tree
    /// `head` and the work tree, staged or not: changed, deleted, and new files git
    /// does not ignore. `listing`: what lies under the plan repository's `objects/`.
    pub(super) fn uncommitted(
        &self,
        head: &git2::Tree<'_>,
        listing: &Listing,
    ) -> Result<Vec<String>> {
        let workdir = self
            .repo
            .workdir()
            .with_msg(|| crate::msg!("error-git-bare", dir = self.repo.path()))?
            .to_path_buf();
        let index_file = self.repo.path().join("index");
        let written = index_time(&index_file);
        let mut index = self.repo.index()?;
        // Rewritten meanwhile: every entry is treated as racy (hashed).
        let written = written.filter(|t| index_time(&index_file) == Some(*t));
        let mut changed = self.staged(&mut index, head)?;
        // Without core.fileMode (file systems that have no executable bit) git does
        // not compare it, and neither is it compared here.
        let file_mode = self
            .repo
            .config()
            .and_then(|c| c.get_bool("core.filemode"))
            .unwrap_or(true);

        let relevant = |path: &str| {
            path.strip_prefix(&self.prefix).is_some_and(|rel| {
                rel == crate::layout::CONFIG_FILE
                    || rel.starts_with("objects/")
                    || rel.starts_with("schema/")
            })
        };
        let entries: Vec<IndexEntry> = index
            .iter()
            .filter(|e| std::str::from_utf8(&e.path).is_ok_and(&relevant))
            .collect();
        let unstaged: Vec<String> = entries
            .par_iter()
            .filter(|e| !unchanged(&workdir, e, written, file_mode))
            .filter_map(|e| String::from_utf8(e.path.clone()).ok())
            .collect();
        changed.extend(unstaged);

        // New files: those of the listing and of schema/ git does not know.
        let known: crate::hash::HashSet<&[u8]> =
            entries.iter().map(|e| e.path.as_slice()).collect();
        let mut candidates: Vec<String> = listing
            .files
            .iter()
            .chain(listing.problems.iter().map(|(path, _)| path))
            .map(|rel| format!("{}{rel}", self.prefix))
            .collect();
        candidates.push(format!("{}{}", self.prefix, crate::layout::CONFIG_FILE));
        files_under(&workdir, &format!("{}schema", self.prefix), &mut candidates);
        for path in candidates {
            if !known.contains(path.as_bytes())
                && is_new_file(&workdir, &path)
                && !self.repo.is_path_ignored(&path).unwrap_or(false)
            {
                changed.push(path);
            }
        }
        Ok(changed)
    }

    /// The paths that differ between the tree `from` and the index: the index is made
    /// a tree in memory (nothing is written to the repository) and the two trees are
    /// compared; a conflicted index, which makes no tree, is compared entry by entry.
    pub(super) fn staged(&self, index: &mut Index, from: &git2::Tree<'_>) -> Result<Vec<String>> {
        let mut changed = Vec::new();
        // A handle of its own whose new objects go to memory only.
        let memory = Repository::open(self.repo.path())?;
        let odb = memory.odb()?;
        odb.add_new_mempack_backend(1000)?;
        match index.write_tree_to(&memory) {
            Ok(tree) => {
                let from = memory.find_tree(from.id())?;
                let to = memory.find_tree(tree)?;
                changed_files(&memory, Some(&from), Some(&to), "", &mut changed)?;
            }
            Err(_) => {
                let diff = self
                    .repo
                    .diff_tree_to_index(Some(from), Some(index), None)?;
                changed.extend(diff.deltas().filter_map(|d| {
                    d.new_file()
                        .path()
                        .or(d.old_file().path())
                        .and_then(|p| p.to_str())
                        .map(str::to_string)
                }));
            }
        }
        Ok(changed)
    }
}

/// When the index file was last written, in nanoseconds since the epoch.
fn index_time(file: &Path) -> Option<i64> {
    let meta = file.metadata().ok()?;
    crate::repo::FileStat::of(&meta).map(|s| s.mtime)
}

/// Whether the work-tree file of an index entry holds what the entry records.
fn unchanged(
    workdir: &Path,
    entry: &IndexEntry,
    index_written: Option<i64>,
    file_mode: bool,
) -> bool {
    if entry.flags & STAGE != 0 {
        return false;
    }
    if entry.flags & ASSUME_VALID != 0 || entry.flags_extended & SKIP_WORKTREE != 0 {
        return true;
    }
    let Ok(path) = std::str::from_utf8(&entry.path) else {
        return false;
    };
    let path = workdir.join(path);
    let Ok(meta) = path.symlink_metadata() else {
        return false; // deleted
    };
    match mode_of(&meta) {
        Some(mode) if mode == entry.mode => {}
        // Only the executable bit differs, and git is told not to compare it.
        Some(0o100644 | 0o100755) if !file_mode && matches!(entry.mode, 0o100644 | 0o100755) => {}
        _ => return false,
    }
    let Some(stat) = crate::repo::FileStat::of(&meta) else {
        return same_content(&path, &meta, entry.id);
    };
    // The index keeps the low 32 bits of sizes and inodes, and times in seconds and
    // nanoseconds; a git that records no nanoseconds writes 0 there.
    let same_time = |t: git2::IndexTime, nanos: i64| {
        i64::from(t.seconds()) == nanos.div_euclid(NANOS)
            && (t.nanoseconds() == 0 || i64::from(t.nanoseconds()) == nanos.rem_euclid(NANOS))
    };
    let recorded = entry.file_size == stat.size as u32
        && entry.ino == stat.inode as u32
        && same_time(entry.mtime, stat.mtime)
        && same_time(entry.ctime, stat.ctime);
    let mtime = i64::from(entry.mtime.seconds()) * NANOS + i64::from(entry.mtime.nanoseconds());
    let racy = index_written.is_none_or(|written| mtime >= written);
    (recorded && !racy) || same_content(&path, &meta, entry.id)
}

/// git's mode of a work-tree entry: a link, an executable or a plain file.
fn mode_of(meta: &std::fs::Metadata) -> Option<u32> {
    let t = meta.file_type();
    if t.is_symlink() {
        return Some(0o120000);
    }
    if !t.is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(if meta.permissions().mode() & 0o100 != 0 {
            0o100755
        } else {
            0o100644
        })
    }
    #[cfg(not(unix))]
    Some(0o100644)
}

/// Whether a work-tree file (or link) hashes to the blob `id`.
fn same_content(path: &Path, meta: &std::fs::Metadata, id: Oid) -> bool {
    let hashed = if meta.file_type().is_symlink() {
        std::fs::read_link(path)
            .ok()
            .and_then(|target| Oid::hash_object(ObjectType::Blob, target.to_str()?.as_bytes()).ok())
    } else {
        Oid::hash_file(ObjectType::Blob, path).ok()
    };
    hashed == Some(id)
}

/// Whether a path git does not track is a new file for git: it exists, is not a
/// folder (git tracks no empty folders) and is not reached through a link (git sees
/// the link, which it tracks, instead).
fn is_new_file(workdir: &Path, path: &str) -> bool {
    let full = workdir.join(path);
    let through_link = full
        .ancestors()
        .skip(1)
        .take_while(|dir| dir.starts_with(workdir) && *dir != workdir)
        .any(|dir| {
            dir.symlink_metadata()
                .is_ok_and(|m| m.file_type().is_symlink())
        });
    !through_link && full.symlink_metadata().is_ok_and(|m| !m.is_dir())
}

/// Every file under the folder `dir` of the work tree (git paths), links not followed.
fn files_under(workdir: &Path, dir: &str, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(workdir.join(dir)) else {
        return;
    };
    for entry in entries.flatten() {
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            continue;
        };
        let path = format!("{dir}/{name}");
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            files_under(workdir, &path, out);
        } else {
            out.push(path);
        }
    }
}
