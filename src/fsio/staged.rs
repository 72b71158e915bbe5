//! New files written under their lock names (`<file>.lock`) and put in place
//! together: all of them appear, or none.

use super::resolve;
use crate::i18n::{Context, Fail};
use crate::{fail, msg};
use anyhow::Result;
use rayon::prelude::*;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Batches up to this many files are synced file by file (see `Staged::sync`).
#[cfg(target_os = "linux")]
const SYNC_EACH_UP_TO: usize = 16;

/// Whether a temporary file is synced to disk on its own, or later with its batch.
#[derive(Clone, Copy, PartialEq)]
enum Flush {
    Now,
    WithBatch,
}

/// Creates `tmp` exclusively and writes `bytes` into it; removed again on failure.
fn write_temp(tmp: &Path, shown: &Path, bytes: &[u8], flush: Flush) -> Result<()> {
    use std::io::Write;
    let mut file = match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(tmp)
    {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            fail!("error-locked", file = shown, lock = tmp)
        }
        Err(e) => return Err(e).with_msg(|| msg!("error-writing", file = shown)),
    };
    let written = file.write_all(bytes).and_then(|()| {
        if flush == Flush::Now {
            file.sync_all()
        } else {
            Ok(())
        }
    });
    if let Err(e) = written {
        let _ = fs::remove_file(tmp);
        return Err(e).with_msg(|| msg!("error-writing", file = shown));
    }
    Ok(())
}

/// A new file written under a temporary name, not yet in place (see
/// [`Staged::place`]). Dropping it removes the temporary file.
#[must_use = "nothing is in place until it is placed"]
pub struct Pending {
    /// The real path it goes to.
    target: PathBuf,
    /// The path as named, for messages.
    shown: PathBuf,
    tmp: PathBuf,
}

/// Synced to disk with the whole batch when it is placed, where a large batch is
/// synced in one call (10,000 plans: 0.15 s against 4 s file by file).
fn batch_flush() -> Flush {
    if cfg!(target_os = "linux") {
        Flush::WithBatch
    } else {
        Flush::Now
    }
}

impl Pending {
    /// Writes `bytes` for `target` under `bound` (see [`resolve`]), a file to be
    /// created, into its lock file `<target>.lock`: refused when it exists.
    pub fn write(bound: &Path, target: &Path, bytes: &[u8]) -> Result<Pending> {
        let real = resolve(bound, target)?;
        if real.symlink_metadata().is_ok() {
            fail!("error-exists", file = target);
        }
        let name = real
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = real.with_file_name(format!("{name}.lock"));
        write_temp(&tmp, target, bytes, batch_flush())?;
        Ok(Pending {
            target: real,
            shown: target.to_path_buf(),
            tmp,
        })
    }

    /// Writes `bytes` for `target` (a real path, already resolved) into `tmp`,
    /// a file of its own elsewhere on the same file system.
    pub(super) fn write_at(tmp: PathBuf, target: PathBuf, bytes: &[u8]) -> Result<Pending> {
        write_temp(&tmp, &target, bytes, batch_flush())?;
        Ok(Pending {
            shown: target.clone(),
            target,
            tmp,
        })
    }

    pub(super) fn tmp(&self) -> &Path {
        &self.tmp
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.tmp);
    }
}

/// New files written beside their targets and not yet in place. Dropping it removes
/// the temporary files.
#[must_use = "nothing is in place until `place` is called"]
pub struct Staged {
    files: Vec<Pending>,
}

/// Writes every file to a temporary file beside its target, refusing when a target
/// exists. Nothing is visible yet: [`Staged::place`] puts them all in place. On
/// failure the temporary files already written are removed.
pub fn stage_new<B: AsRef<[u8]> + Sync>(bound: &Path, files: &[(PathBuf, B)]) -> Result<Staged> {
    for (target, _) in files {
        if resolve(bound, target)?.symlink_metadata().is_ok() {
            fail!("error-exists", file = target);
        }
    }
    let files = files
        .par_iter()
        .map(|(target, bytes)| Pending::write(bound, target, bytes.as_ref()))
        .collect::<Result<Vec<Pending>>>()?;
    Ok(Staged { files })
}

impl Staged {
    pub fn new(files: Vec<Pending>) -> Staged {
        Staged { files }
    }

    /// Syncs every file to disk, then links each into place, never over an existing
    /// file. All files appear or none: on failure the ones already placed are
    /// removed again.
    pub fn place(self) -> Result<Vec<PathBuf>> {
        self.sync()?;
        self.place_synced()
    }

    pub(super) fn files(&self) -> &[Pending] {
        &self.files
    }

    /// [`Staged::place`] once [`Staged::sync`] is done.
    pub(super) fn place_synced(self) -> Result<Vec<PathBuf>> {
        // A hard link fails if the target exists: no overwrite even in a race.
        let linked: Vec<std::io::Result<()>> = self
            .files
            .par_iter()
            .map(|p| fs::hard_link(&p.tmp, &p.target))
            .collect();
        let failed = self.files.iter().zip(&linked).find_map(|(p, r)| {
            let e = r.as_ref().err()?;
            Some(if e.kind() == std::io::ErrorKind::AlreadyExists {
                Fail(msg!("error-exists", file = &p.shown)).into()
            } else {
                let cause = std::io::Error::new(e.kind(), e.to_string());
                crate::i18n::doing(msg!("error-creating", file = &p.shown), cause)
            })
        });
        let placed = self.files.iter().zip(&linked).filter(|(_, r)| r.is_ok());
        if let Some(e) = failed {
            for (p, _) in placed {
                let _ = fs::remove_file(&p.target);
            }
            return Err(e);
        }
        Ok(placed.map(|(p, _)| p.target.clone()).collect())
    }

    /// Syncs the temporary files to disk before any is placed: a few file by file,
    /// many with one `syncfs` per file system holding them (Linux), which costs about
    /// as much as syncing a few files but also writes out whatever else is waiting
    /// on that file system. Where `syncfs` fails, each file is synced on its own.
    #[cfg(target_os = "linux")]
    pub(super) fn sync(&self) -> Result<()> {
        use std::os::fd::AsRawFd;
        use std::os::unix::fs::MetadataExt;
        if self.files.len() <= SYNC_EACH_UP_TO {
            return self.sync_each();
        }
        let mut one_per_device: HashMap<u64, &Path> = HashMap::new();
        for p in &self.files {
            let device = fs::symlink_metadata(&p.tmp)
                .map(|m| m.dev())
                .unwrap_or(u64::MAX);
            one_per_device.entry(device).or_insert(&p.tmp);
        }
        let whole = one_per_device.iter().all(|(&device, tmp)| {
            device != u64::MAX
                && fs::File::open(tmp).is_ok_and(|file| {
                    // SAFETY: `syncfs` only reads the descriptor, which `file` keeps open.
                    unsafe { libc::syncfs(file.as_raw_fd()) == 0 }
                })
        });
        if whole {
            return Ok(());
        }
        self.sync_each()
    }

    #[cfg(target_os = "linux")]
    fn sync_each(&self) -> Result<()> {
        self.files.par_iter().try_for_each(|p| {
            fs::File::open(&p.tmp)
                .and_then(|file| file.sync_all())
                .with_msg(|| msg!("error-writing", file = &p.shown))
        })
    }

    #[cfg(not(target_os = "linux"))]
    pub(super) fn sync(&self) -> Result<()> {
        Ok(()) // each file was synced as it was written
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        // Many temporary files: removed in parallel.
        std::mem::take(&mut self.files)
            .into_par_iter()
            .for_each(drop);
    }
}

/// Creates every file, or none of them: see [`stage_new`] and [`Staged::place`].
pub fn create_all_new<B: AsRef<[u8]> + Sync>(
    bound: &Path,
    files: &[(PathBuf, B)],
) -> Result<Vec<PathBuf>> {
    stage_new(bound, files)?.place()
}

#[cfg(test)]
mod batch_tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("readable")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn all_files_appear_and_no_temporary_file_remains() {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = vec![
            (dir.path().join("a.toml"), b"a".to_vec()),
            (dir.path().join("b.toml"), b"b".to_vec()),
        ];
        let placed = create_all_new(dir.path(), &files).expect("written");
        assert_eq!(placed.len(), 2);
        assert_eq!(entries(dir.path()), vec!["a.toml", "b.toml"]);
        assert_eq!(fs::read(dir.path().join("b.toml")).expect("read"), b"b");
    }

    #[test]
    fn a_batch_too_large_to_sync_file_by_file_appears_whole_too() {
        let dir = tempfile::tempdir().expect("tempdir");
        let files: Vec<(PathBuf, String)> = (0..40)
            .map(|i| {
                (
                    dir.path().join(format!("{i:02}.toml")),
                    format!("n = {i}\n"),
                )
            })
            .collect();
        let placed = create_all_new(dir.path(), &files).expect("written");
        assert_eq!(placed.len(), 40);
        let names = entries(dir.path());
        assert_eq!(names.len(), 40, "{names:?}");
        assert_eq!(
            fs::read_to_string(dir.path().join("39.toml")).expect("read"),
            "n = 39\n"
        );
    }

    #[test]
    fn an_existing_target_stops_everything_before_anything_is_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join("b.toml"), "mine").expect("write");
        let files = vec![
            (dir.path().join("a.toml"), b"a".to_vec()),
            (dir.path().join("b.toml"), b"b".to_vec()),
        ];
        let err = create_all_new(dir.path(), &files).expect_err("refused");
        assert!(err.to_string().contains("already exists"), "{err}");
        assert_eq!(entries(dir.path()), vec!["b.toml"]);
        assert_eq!(fs::read(dir.path().join("b.toml")).expect("read"), b"mine");
    }

    #[test]
    fn a_target_appearing_while_placing_removes_the_files_already_placed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = vec![
            (dir.path().join("a.toml"), b"a".to_vec()),
            (dir.path().join("b.toml"), b"b".to_vec()),
            (dir.path().join("c.toml"), b"c".to_vec()),
        ];
        let staged = stage_new(dir.path(), &files).expect("staged");
        // Someone else creates c.toml after staging: a.toml and b.toml are placed
        // first, then c.toml is refused and they are taken back.
        fs::write(dir.path().join("c.toml"), "theirs").expect("write");
        let err = staged.place().expect_err("refused");
        assert!(err.to_string().contains("c.toml already exists"), "{err}");
        assert_eq!(entries(dir.path()), vec!["c.toml"]);
        assert_eq!(
            fs::read(dir.path().join("c.toml")).expect("read"),
            b"theirs"
        );
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = vec![
            (dir.path().join("a.toml"), b"a".to_vec()),
            (dir.path().join("missing/b.toml"), b"b".to_vec()),
        ];
        assert!(stage_new(dir.path(), &files).is_err());
        assert_eq!(entries(dir.path()), Vec::<String>::new());
    }
}
