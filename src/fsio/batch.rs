//! A batch of new files that survives being interrupted (`plan new-year`, SPEC §8):
//! the files are written into a folder of their own, where neither `plan check` nor
//! the user sees them (under `.git/`), then a record of the run is written, then
//! they are linked into place. A run killed before the record leaves nothing in
//! place, and the next run removes the folder (undoes it); a run killed after it
//! leaves the record, and the next run places what is missing (finishes it). Either
//! way the set ends up whole or absent, never partly there.

use super::staged::{Pending, Staged};
use super::{resolve, resolve_in};
use crate::i18n::Context;
use crate::{fail, msg};
use anyhow::Result;
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The record, written once every file of the batch is on disk.
const RECORD: &str = "run.json";

#[derive(Serialize, Deserialize)]
struct Record {
    /// (temporary file name in the batch folder, repository-relative target)
    files: Vec<(String, String)>,
    /// The message of the commit of what the run wrote.
    message: String,
    /// Whether the run commits what it wrote.
    commit: bool,
}

/// A batch being written: its folder is removed when it is dropped, whatever
/// happened (a run that fails cleans up after itself; only a killed one leaves it).
pub struct Batch {
    dir: PathBuf,
    bound: PathBuf,
    /// `bound`'s canonical path, resolved once for the whole batch.
    canonical: PathBuf,
    next: AtomicUsize,
    /// Held locked while the run lives (see [`owned`]); the kernel lets go of it
    /// when the process ends, killed or not.
    _owner: fs::File,
}

/// The file in a batch folder that the running batch holds locked.
const OWNER: &str = "owner";

/// Takes the lock on the batch folder's owner file: false when a running process
/// holds it.
fn owned(file: &fs::File) -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: `flock` only uses the descriptor, which `file` keeps open.
        unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) == 0 }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        true
    }
}

/// What the folder of an interrupted run held.
pub enum Interrupted {
    /// Nothing had been placed yet: the folder is removed.
    Undone,
    /// Every file is in place now; with the commit message the run was to commit.
    /// Call [`finished`] once that is done (the folder stays until then, so a
    /// failed commit is tried again by the next run).
    Placed {
        rels: Vec<String>,
        message: String,
        commit: bool,
    },
}

impl Batch {
    /// Starts a batch of new files under `bound` in the folder `dir` (created here;
    /// refused when it exists: see [`interrupted`]).
    pub fn begin(dir: &Path, bound: &Path) -> Result<Batch> {
        match fs::create_dir(dir) {
            Ok(()) => {
                let owner = fs::File::create(dir.join(OWNER))
                    .with_msg(|| msg!("error-creating", file = dir))?;
                owned(&owner);
                let canonical = bound
                    .canonicalize()
                    .with_msg(|| msg!("error-opening", file = bound))?;
                Ok(Batch {
                    dir: dir.to_path_buf(),
                    bound: bound.to_path_buf(),
                    canonical,
                    next: AtomicUsize::new(0),
                    _owner: owner,
                })
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                fail!("error-batch-exists", dir = dir)
            }
            Err(e) => Err(e).with_msg(|| msg!("error-creating", file = dir)),
        }
    }

    /// Writes the new file `rel` (repository-relative) into the batch folder.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<Pending> {
        let target = resolve_in(&self.bound, &self.canonical, &self.bound.join(rel))?;
        if target.symlink_metadata().is_ok() {
            fail!("error-exists", file = rel);
        }
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        Pending::write_at(self.dir.join(format!("{n}.toml")), target, bytes)
    }

    /// Puts every file in place, or none: syncs them, writes the record (from here
    /// on an interrupted run is finished by the next one), then links them into
    /// place. `rels` are the files' repository-relative paths, in the order of
    /// `files`; `message` that of the commit the caller makes next when `commit`.
    pub fn place(
        &self,
        files: Vec<Pending>,
        rels: &[String],
        message: &str,
        commit: bool,
    ) -> Result<Vec<PathBuf>> {
        let staged = Staged::new(files);
        staged.sync()?;
        let record = Record {
            files: staged
                .files()
                .iter()
                .zip(rels)
                .map(|(p, rel)| {
                    let name = p.tmp().file_name().unwrap_or_default();
                    (name.to_string_lossy().into_owned(), rel.clone())
                })
                .collect(),
            message: message.to_string(),
            commit,
        };
        self.write_record(&record)?;
        staged.place_synced()
    }

    fn write_record(&self, record: &Record) -> Result<()> {
        let text = serde_json::to_vec(record).expect("a record serialises");
        let tmp = self.dir.join(format!("{RECORD}.tmp"));
        (|| -> std::io::Result<()> {
            let mut file = fs::File::create(&tmp)?;
            file.write_all(&text)?;
            file.sync_all()?;
            fs::rename(&tmp, self.dir.join(RECORD))?;
            fs::File::open(&self.dir)?.sync_all()
        })()
        .with_msg(|| msg!("error-writing", file = &self.dir.join(RECORD)))
    }
}

impl Drop for Batch {
    fn drop(&mut self) {
        let _ = finished(&self.dir);
    }
}

/// Finishes or undoes the run interrupted in `dir` (see the module's doc); None
/// when there was none.
pub fn interrupted(dir: &Path, bound: &Path) -> Result<Option<Interrupted>> {
    if dir.symlink_metadata().is_err() {
        return Ok(None);
    }
    if let Ok(owner) = fs::File::open(dir.join(OWNER)) {
        if !owned(&owner) {
            fail!("error-batch-in-use", dir = dir);
        }
    }
    let record = match fs::read(dir.join(RECORD)) {
        Ok(bytes) => serde_json::from_slice::<Record>(&bytes).ok(),
        Err(_) => None,
    };
    let Some(record) = record else {
        // Killed before the record: nothing was placed.
        fs::remove_dir_all(dir).with_msg(|| msg!("error-removing", file = dir))?;
        return Ok(Some(Interrupted::Undone));
    };
    for (name, rel) in &record.files {
        let target = resolve(bound, &bound.join(rel))?;
        let tmp = dir.join(name);
        match fs::hard_link(&tmp, &target) {
            Ok(()) => {}
            // Placed, and its temporary name already removed.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && target.is_file() => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                if !same_file(&tmp, &target) {
                    fail!("error-batch-taken", file = rel, dir = dir);
                }
            }
            Err(e) => return Err(e).with_msg(|| msg!("error-batch-placing", file = rel)),
        }
    }
    Ok(Some(Interrupted::Placed {
        rels: record.files.into_iter().map(|(_, rel)| rel).collect(),
        message: record.message,
        commit: record.commit,
    }))
}

/// Removes the folder of a run that is finished (or of one undone): the record
/// first, so that a run killed while its folder is being removed is not taken for
/// one to finish.
pub fn finished(dir: &Path) -> Result<()> {
    match fs::remove_file(dir.join(RECORD)) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_msg(|| msg!("error-removing", file = dir)),
    }
    fs::remove_dir_all(dir).with_msg(|| msg!("error-removing", file = dir))
}

fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::symlink_metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        fs::read(a)
            .ok()
            .is_some_and(|x| fs::read(b).ok() == Some(x))
    }
}
