//! Writing files safely: a write lands whole or not at all, and never replaces a
//! file the user wrote unless that is the point of the command.

use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `text`, made from `source` by an edit that writes `\n` line ends and no byte
/// order mark, with the line ends (those of `source`'s first line) and the byte
/// order mark of `source`: an edit keeps what the user's editor wrote.
pub fn like_source(source: &str, text: String) -> String {
    let crlf = source
        .find('\n')
        .is_some_and(|at| source[..at].ends_with('\r'));
    let mut out = if crlf {
        text.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        text
    };
    if source.starts_with('\u{feff}') && !out.starts_with('\u{feff}') {
        out.insert(0, '\u{feff}');
    }
    out
}

/// A temporary file beside `target`, so a rename onto it stays on one file system.
fn temp_beside(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.plan-{}.tmp", std::process::id()))
}

/// Whether a temporary file is synced to disk on its own, or later with its batch.
#[derive(Clone, Copy, PartialEq)]
enum Flush {
    Now,
    WithBatch,
}

fn write_temp(target: &Path, bytes: &[u8], flush: Flush) -> Result<PathBuf> {
    let tmp = temp_beside(target);
    let result = (|| -> std::io::Result<()> {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        file.write_all(bytes)?;
        if flush == Flush::Now {
            file.sync_all()?;
        }
        Ok(())
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("writing {}", target.display()));
    }
    Ok(tmp)
}

/// Creates `target` with `bytes`; refuses when it exists. Atomic: either the whole
/// file appears or nothing does.
pub fn create_new(target: &Path, bytes: &[u8]) -> Result<()> {
    if target.symlink_metadata().is_ok() {
        bail!("{} already exists; not overwriting it", target.display());
    }
    let tmp = write_temp(target, bytes, Flush::Now)?;
    // A hard link fails if the target appeared meanwhile: no overwrite even in a race.
    let linked = fs::hard_link(&tmp, target);
    let _ = fs::remove_file(&tmp);
    match linked {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!("{} already exists; not overwriting it", target.display())
        }
        Err(e) => Err(e).with_context(|| format!("creating {}", target.display())),
    }
}

/// Replaces the contents of an existing file atomically (write beside, then rename).
pub fn replace(target: &Path, bytes: &[u8]) -> Result<()> {
    // A rename replaces a read-only file as well (and root ignores permissions): a
    // file the user made read-only is refused here, for everyone.
    if fs::metadata(target).is_ok_and(|m| m.permissions().readonly()) {
        bail!("{} is read-only; not replacing it", target.display());
    }
    // Through a symbolic link the file it leads to is replaced, and the link kept.
    let real = match fs::symlink_metadata(target) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(target).with_context(|| format!("replacing {}", target.display()))?
        }
        _ => target.to_path_buf(),
    };
    let tmp = write_temp(&real, bytes, Flush::Now)?;
    if let Ok(meta) = fs::metadata(&real) {
        let _ = fs::set_permissions(&tmp, meta.permissions());
    }
    fs::rename(&tmp, &real)
        .inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })
        .with_context(|| format!("replacing {}", target.display()))
}

/// Writes a report file that the user asked for by name (`--output`): replaced
/// atomically when it exists, so a reader never sees half a report.
pub fn write_report(target: &Path, bytes: &[u8]) -> Result<()> {
    if target.is_dir() {
        bail!("--output {}: is a folder", target.display());
    }
    if target.exists() {
        replace(target, bytes)
    } else {
        let tmp = write_temp(target, bytes, Flush::Now)?;
        fs::rename(&tmp, target)
            .inspect_err(|_| {
                let _ = fs::remove_file(&tmp);
            })
            .with_context(|| format!("writing {}", target.display()))
    }
}

/// Batches up to this many files are synced file by file (see `Staged::sync`).
#[cfg(target_os = "linux")]
const SYNC_EACH_UP_TO: usize = 16;

/// A new file written under a temporary name beside its target, not yet in place
/// (see [`Staged::place`]). Dropping it removes the temporary file.
#[must_use = "nothing is in place until it is placed"]
pub struct Pending {
    target: PathBuf,
    tmp: PathBuf,
}

impl Pending {
    /// Writes `bytes` for `target`, a file to be created: refused when it exists.
    pub fn write(target: &Path, bytes: &[u8]) -> Result<Pending> {
        if target.symlink_metadata().is_ok() {
            bail!("{} already exists; not overwriting it", target.display());
        }
        // Synced to disk with the whole batch when it is placed, where a large batch
        // is synced in one call (10,000 plans: 0.15 s against 4 s file by file).
        let flush = if cfg!(target_os = "linux") {
            Flush::WithBatch
        } else {
            Flush::Now
        };
        Ok(Pending {
            target: target.to_path_buf(),
            tmp: write_temp(target, bytes, flush)?,
        })
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
pub fn stage_new<B: AsRef<[u8]> + Sync>(files: &[(PathBuf, B)]) -> Result<Staged> {
    if let Some((target, _)) = files.iter().find(|(t, _)| t.symlink_metadata().is_ok()) {
        bail!("{} already exists; not overwriting it", target.display());
    }
    let files = files
        .par_iter()
        .map(|(target, bytes)| Pending::write(target, bytes.as_ref()))
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
        // A hard link fails if the target exists: no overwrite even in a race.
        let linked: Vec<std::io::Result<()>> = self
            .files
            .par_iter()
            .map(|p| fs::hard_link(&p.tmp, &p.target))
            .collect();
        let failed = self.files.iter().zip(&linked).find_map(|(p, r)| {
            let e = r.as_ref().err()?;
            Some(if e.kind() == std::io::ErrorKind::AlreadyExists {
                anyhow::anyhow!("{} already exists; not overwriting it", p.target.display())
            } else {
                anyhow::anyhow!("creating {}: {e}", p.target.display())
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
    fn sync(&self) -> Result<()> {
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
                .with_context(|| format!("writing {}", p.target.display()))
        })
    }

    #[cfg(not(target_os = "linux"))]
    fn sync(&self) -> Result<()> {
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
pub fn create_all_new<B: AsRef<[u8]> + Sync>(files: &[(PathBuf, B)]) -> Result<Vec<PathBuf>> {
    stage_new(files)?.place()
}

/// The file in a generated folder that lists what the tool wrote there.
pub const SITE_MANIFEST: &str = ".plan-site";

/// Writes a generated folder (`plan site --out DIR`): each file whole (written
/// beside, renamed into place), a file whose bytes are already there left alone,
/// files the previous run wrote and this one does not removed — and nothing else
/// touched. A file in the way that the manifest does not list is the user's: the
/// run refuses before writing anything. `make` gives each file's bytes, called in
/// parallel as the files are written. Returns how many files were written.
pub fn write_generated(
    dir: &Path,
    files: &[String],
    make: impl Fn(&str) -> Vec<u8> + Sync,
) -> Result<usize> {
    if dir.symlink_metadata().is_ok_and(|m| !m.is_dir()) && !dir.is_dir() {
        bail!("{} is not a folder", dir.display());
    }
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let manifest = dir.join(SITE_MANIFEST);
    let previous: std::collections::BTreeSet<String> = match fs::read_to_string(&manifest) {
        Ok(text) => text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(str::to_string)
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Default::default(),
        Err(e) => return Err(e).with_context(|| format!("reading {}", manifest.display())),
    };
    for rel in files {
        let target = dir.join(rel);
        match target.symlink_metadata() {
            Ok(meta) if meta.file_type().is_symlink() || !meta.is_file() => {
                bail!("{} is not a regular file; not replacing it", target.display())
            }
            Ok(_) if !previous.contains(rel) => bail!(
                "{} was not written by `plan site`; not replacing it (move it away, or choose another --out)",
                target.display()
            ),
            _ => {}
        }
    }
    let written = files
        .par_iter()
        .map(|rel| -> Result<usize> {
            let target = dir.join(rel);
            let bytes = make(rel);
            if fs::read(&target).is_ok_and(|old| old == bytes) {
                return Ok(0);
            }
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent)
                    .with_context(|| format!("creating {}", parent.display()))?;
            }
            let tmp = write_temp(&target, &bytes, Flush::WithBatch)?;
            fs::rename(&tmp, &target)
                .inspect_err(|_| {
                    let _ = fs::remove_file(&tmp);
                })
                .with_context(|| format!("writing {}", target.display()))?;
            Ok(1)
        })
        .sum::<Result<usize>>()?;
    let now: std::collections::BTreeSet<&str> = files.iter().map(String::as_str).collect();
    for old in previous.iter().filter(|p| !now.contains(p.as_str())) {
        // Only what the manifest names, inside the folder, and only regular files.
        if old.split('/').any(|part| part == ".." || part.is_empty()) {
            continue;
        }
        let target = dir.join(old);
        if target.symlink_metadata().is_ok_and(|m| m.is_file()) {
            fs::remove_file(&target).with_context(|| format!("removing {}", target.display()))?;
        }
    }
    let mut text = String::from("# Files written by `plan site`; it replaces only these.\n");
    for rel in &now {
        text.push_str(rel);
        text.push('\n');
    }
    if fs::read_to_string(&manifest).ok().as_deref() != Some(text.as_str()) {
        let tmp = write_temp(&manifest, text.as_bytes(), Flush::WithBatch)?;
        fs::rename(&tmp, &manifest).with_context(|| format!("writing {}", manifest.display()))?;
    }
    Ok(written)
}

#[cfg(test)]
mod batch_tests {
    use super::*;

    #[test]
    fn an_edit_keeps_the_line_ends_and_byte_order_mark_of_the_source() {
        let edited = || "a = 1\nb = 2\n".to_string();
        assert_eq!(like_source("a = 0\n", edited()), "a = 1\nb = 2\n");
        assert_eq!(like_source("a = 0\r\n", edited()), "a = 1\r\nb = 2\r\n");
        assert_eq!(
            like_source("a = 0\r\n", "a = 1\r\nb = 2\n".into()),
            "a = 1\r\nb = 2\r\n"
        );
        assert_eq!(
            like_source("\u{feff}a = 0\r\n", edited()),
            "\u{feff}a = 1\r\nb = 2\r\n"
        );
        assert_eq!(like_source("a = 0", edited()), "a = 1\nb = 2\n");
    }

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
        let placed = create_all_new(&files).expect("written");
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
        let placed = create_all_new(&files).expect("written");
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
        let err = create_all_new(&files).expect_err("refused");
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
        let staged = stage_new(&files).expect("staged");
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
        assert!(stage_new(&files).is_err());
        assert_eq!(entries(dir.path()), Vec::<String>::new());
    }
}
