//! Every write of `plan` goes through here (STYLE.md, "Writes"): a write lands whole
//! or not at all, never leaves the repository, never replaces a link or anything that
//! is not a regular file, keeps the owner, mode and line ends of what it rewrites, and
//! takes git's kind of lock (`<file>.lock`, created exclusively) so that two runs
//! never lose each other's update.
//!
//! Reading a file that is about to be rewritten goes through here as well
//! ([`read_regular`]): a FIFO, socket or device is never opened as if it were a file.

mod batch;
mod generated;
mod lines;
mod staged;

pub use batch::{finished, interrupted, Batch, Interrupted};
pub use generated::{write_generated, SITE_MANIFEST};
pub use lines::like_source;
pub use staged::{create_all_new, stage_new, Pending, Staged};

use crate::i18n::{doing, Context, Fail};
use crate::{fail, msg};
use anyhow::Result;
use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a write waits for another `plan` holding the lock of the same file.
const LOCK_WAIT: Duration = Duration::from_secs(3);

/// Where a path the tool derives may be written: `target` under `bound` (the plan
/// repository, or the git folder for hooks), with every folder on the way resolved.
/// A link that stays inside `bound` is followed; one that leads outside it, or to
/// nothing, is refused with its name. Returns the real path of `target` (folders
/// and file that do not exist yet are appended as named).
pub fn resolve(bound: &Path, target: &Path) -> Result<PathBuf> {
    let canonical = bound
        .canonicalize()
        .with_msg(|| msg!("error-opening", file = bound))?;
    resolve_in(bound, &canonical, target)
}

/// [`resolve`] with the canonical path of `bound` known (many writes under one bound).
pub(crate) fn resolve_in(bound: &Path, canonical: &Path, target: &Path) -> Result<PathBuf> {
    let canonical = canonical.to_path_buf();
    let rel = target
        .strip_prefix(bound)
        .or_else(|_| target.strip_prefix(&canonical))
        .map_err(|_| Fail(msg!("error-outside", file = target, bound = bound)))?;
    let mut real = canonical.clone();
    let mut shown = PathBuf::new();
    let mut parts = rel.components().peekable();
    while let Some(part) = parts.next() {
        let name = match part {
            Component::Normal(name) => name,
            Component::CurDir => continue,
            _ => fail!("error-outside", file = target, bound = bound),
        };
        shown.push(name);
        let next = real.join(name);
        match fs::symlink_metadata(&next) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let to = fs::read_link(&next).unwrap_or_default();
                match next.canonicalize() {
                    Ok(r) if r.starts_with(&canonical) => real = r,
                    Ok(r) => fail!("error-link-outside", file = &bound.join(&shown), to = &r),
                    Err(_) => fail!("error-link-dangling", file = &bound.join(&shown), to = &to),
                }
            }
            Ok(meta) if parts.peek().is_some() && !meta.is_dir() => fail!(
                "error-in-the-way-of",
                file = &bound.join(&shown),
                kind = kind_of(&meta),
                path = target
            ),
            Ok(_) => real = next,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                real = next;
                for rest in parts.by_ref() {
                    match rest {
                        Component::Normal(n) => real.push(n),
                        Component::CurDir => {}
                        _ => fail!("error-outside", file = target, bound = bound),
                    }
                }
            }
            Err(e) => return Err(e).with_msg(|| msg!("error-opening", file = target)),
        }
    }
    Ok(real)
}

/// Creates the folder `dir` under `bound` and those on the way to it (see
/// [`resolve`]). Returns the first folder it had to create, to remove again should
/// what follows fail.
pub fn create_dirs(bound: &Path, dir: &Path) -> Result<Option<PathBuf>> {
    let real = resolve(bound, dir)?;
    let first = real
        .ancestors()
        .take_while(|a| a.symlink_metadata().is_err())
        .last()
        .map(Path::to_path_buf);
    fs::create_dir_all(&real).map_err(|e| {
        in_the_way(&real, dir, dir).unwrap_or_else(|| doing(msg!("error-creating", file = dir), e))
    })?;
    Ok(first)
}

/// Why the folder `dir` cannot be made or looked into, when something that is not
/// a folder stands where it or a folder above it must be (`objects/ladok`, a file):
/// which path that is and what to do, instead of the operating system's "File
/// exists" or "Not a directory". `shown` is `dir` as people read it; `target` what
/// plan was making or reading there. None when nothing stands in the way.
pub fn in_the_way(dir: &Path, shown: &Path, target: &Path) -> Option<anyhow::Error> {
    let (blocker, meta) = dir
        .ancestors()
        .zip(shown.ancestors())
        .take_while(|(_, shown)| !shown.as_os_str().is_empty())
        .find_map(|(real, shown)| Some((shown, fs::metadata(real).ok()?)))?;
    if meta.is_dir() {
        return None;
    }
    let kind = kind_of(&meta);
    Some(if blocker == target {
        Fail(msg!("error-in-the-way", file = blocker, kind = kind)).into()
    } else {
        Fail(msg!(
            "error-in-the-way-of",
            file = blocker,
            kind = kind,
            path = target
        ))
        .into()
    })
}

/// What a path holds when it is not a regular file: `fifo`, `socket`, `device`,
/// `folder` or `other` (for the messages that say so).
pub(crate) fn kind_of(meta: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "fifo";
        }
        if t.is_socket() {
            return "socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "device";
        }
    }
    if meta.is_dir() {
        "folder"
    } else {
        "other"
    }
}

/// The refusal of a path that holds no regular file, saying what it holds.
fn not_a_file(shown: &Path, meta: &fs::Metadata) -> anyhow::Error {
    Fail(msg!("error-not-a-file", file = shown, kind = kind_of(meta))).into()
}

/// Opens a file for reading without blocking on a FIFO, and refuses what is not a
/// regular file: a FIFO, socket or device is never read as if it were one.
fn open_regular(path: &Path, shown: &Path) -> Result<Option<(fs::File, fs::Metadata)>> {
    let file = match open_for_reading(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_msg(|| msg!("error-reading", file = shown)),
    };
    let meta = file
        .metadata()
        .with_msg(|| msg!("error-reading", file = shown))?;
    if !meta.is_file() {
        return Err(not_a_file(shown, &meta));
    }
    Ok(Some((file, meta)))
}

/// Opens a file for reading without waiting: opening a FIFO with no writer would
/// wait forever. The caller checks what it opened (`File::metadata`) before reading.
pub fn open_for_reading(path: &Path) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The bytes of the file `target` under `bound` that a command is about to rewrite
/// (see [`resolve`] and [`read_regular`]); None when there is none.
pub fn read_existing(bound: &Path, target: &Path) -> Result<Option<Vec<u8>>> {
    use std::io::Read;
    let real = resolve(bound, target)?;
    let Some((mut file, meta)) = open_regular(&real, target)? else {
        return Ok(None);
    };
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes)
        .with_msg(|| msg!("error-reading", file = target))?;
    Ok(Some(bytes))
}

/// A file's lock, git's way: `<file>.lock` beside it, created exclusively, written
/// with the new contents and renamed over the file (or linked into place for a new
/// file). Whoever finds the lock taken waits a while, then names it. Dropping it
/// unused removes the lock file.
struct Lock {
    lock: PathBuf,
    /// The real path of the file it locks.
    real: PathBuf,
    /// The file as the user named it, for messages.
    shown: PathBuf,
    file: Option<fs::File>,
}

impl Lock {
    fn take(real: &Path, shown: &Path) -> Result<Lock> {
        let name = real
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let lock = real.with_file_name(format!("{name}.lock"));
        let started = Instant::now();
        loop {
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&lock)
            {
                Ok(file) => {
                    return Ok(Lock {
                        lock,
                        real: real.to_path_buf(),
                        shown: shown.to_path_buf(),
                        file: Some(file),
                    })
                }
                Err(e)
                    if e.kind() == std::io::ErrorKind::AlreadyExists
                        && started.elapsed() < LOCK_WAIT =>
                {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    fail!("error-locked", file = shown, lock = &lock)
                }
                Err(e) => return Err(e).with_msg(|| msg!("error-writing", file = shown)),
            }
        }
    }

    /// Writes `bytes` into the lock file and syncs it; `like` gives the owner and
    /// mode to keep.
    fn fill(&mut self, bytes: &[u8], like: Option<&fs::Metadata>) -> Result<()> {
        self.fill_with(|file| file.write_all(bytes), like)
    }

    /// [`Lock::fill`] with what `write` writes, through a buffer.
    fn fill_with(
        &mut self,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
        like: Option<&fs::Metadata>,
    ) -> Result<()> {
        let file = self.file.as_mut().expect("an open lock file");
        (|| -> std::io::Result<()> {
            let mut buffered = std::io::BufWriter::new(&mut *file);
            write(&mut buffered)?;
            buffered.flush()?;
            drop(buffered);
            if let Some(meta) = like {
                file.set_permissions(meta.permissions())?;
                #[cfg(unix)]
                {
                    use std::os::unix::fs::MetadataExt;
                    let mine = file.metadata()?;
                    if (mine.uid(), mine.gid()) != (meta.uid(), meta.gid()) {
                        // Only root can give a file away; for anyone else the file
                        // is theirs already (they could not write its folder otherwise).
                        let _ =
                            std::os::unix::fs::fchown(&*file, Some(meta.uid()), Some(meta.gid()));
                    }
                }
            }
            file.sync_all()
        })()
        .with_msg(|| msg!("error-writing", file = &self.shown))
    }

    /// Renames the filled lock file over the file.
    fn replace(mut self) -> Result<()> {
        self.file = None;
        fs::rename(&self.lock, &self.real)
            .with_msg(|| msg!("error-replacing", file = &self.shown))?;
        self.lock.clear();
        Ok(())
    }

    /// Links the filled lock file into place as a new file, never over one.
    fn create(mut self) -> Result<()> {
        self.file = None;
        match fs::hard_link(&self.lock, &self.real) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                fail!("error-exists", file = &self.shown)
            }
            Err(e) => Err(e).with_msg(|| msg!("error-creating", file = &self.shown)),
        }
        // The lock file goes when `self` is dropped.
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        if !self.lock.as_os_str().is_empty() {
            let _ = fs::remove_file(&self.lock);
        }
    }
}

/// Refuses to replace a file the user made read-only (a rename would, and root
/// ignores permissions).
fn writable(meta: &fs::Metadata, shown: &Path) -> Result<()> {
    if meta.permissions().readonly() {
        fail!("error-read-only", file = shown);
    }
    Ok(())
}

/// Creates `target` under `bound` with `bytes`; refuses when it exists. Atomic:
/// either the whole file appears or nothing does.
pub fn create_new(bound: &Path, target: &Path, bytes: &[u8]) -> Result<()> {
    let real = resolve(bound, target)?;
    if real.symlink_metadata().is_ok() {
        fail!("error-exists", file = target);
    }
    let mut lock = Lock::take(&real, target)?;
    lock.fill(bytes, None)?;
    lock.create()
}

/// Replaces the contents of the existing regular file `target` under `bound`,
/// atomically and under its lock. Through a link (inside `bound`) the file it leads
/// to is replaced and the link kept.
pub fn replace(bound: &Path, target: &Path, bytes: &[u8]) -> Result<()> {
    update(bound, target, |_| Ok(bytes.to_vec()))
}

/// Rewrites the existing regular file `target` under `bound`: `edit` gets its
/// contents as they are once the lock is held (another run may have changed it
/// meanwhile) and returns the new contents.
pub fn update(
    bound: &Path,
    target: &Path,
    edit: impl FnOnce(&[u8]) -> Result<Vec<u8>>,
) -> Result<()> {
    let real = resolve(bound, target)?;
    // What it is before taking the lock: no lock file beside a folder or a FIFO.
    match fs::metadata(&real) {
        Ok(meta) if meta.is_file() => writable(&meta, target)?,
        Ok(meta) => return Err(not_a_file(target, &meta)),
        Err(e) => return Err(e).with_msg(|| msg!("error-reading", file = target)),
    }
    let mut lock = Lock::take(&real, target)?;
    use std::io::Read;
    let Some((mut file, meta)) = open_regular(&real, target)? else {
        fail!("error-gone", file = target);
    };
    writable(&meta, target)?;
    let mut current = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut current)
        .with_msg(|| msg!("error-reading", file = target))?;
    let bytes = edit(&current)?;
    lock.fill(&bytes, Some(&meta))?;
    lock.replace()
}

/// Writes a report file that the user asked for by name (`--output`), wherever it
/// is: a regular file is replaced atomically (a reader never sees half a report),
/// keeping its owner and mode; a FIFO, device or terminal (`/dev/stdout`,
/// `/dev/null`) is written into, never replaced.
pub fn write_report(target: &Path, bytes: &[u8]) -> Result<()> {
    write_report_with(target, |out| out.write_all(bytes))
}

/// [`write_report`] with what `write` writes, piece by piece: a large report is
/// never held in memory whole.
pub fn write_report_with(
    target: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    match fs::metadata(target) {
        Ok(meta) if meta.is_dir() => fail!("error-output-folder", file = target),
        Ok(meta) if !meta.is_file() => fs::OpenOptions::new()
            .write(true)
            .open(target)
            .and_then(|file| {
                let mut out = std::io::BufWriter::new(file);
                write(&mut out).and_then(|()| out.flush())
            })
            .with_msg(|| msg!("error-writing", file = target)),
        Ok(meta) => {
            writable(&meta, target)?;
            let real =
                fs::canonicalize(target).with_msg(|| msg!("error-writing", file = target))?;
            let mut lock = Lock::take(&real, target)?;
            lock.fill_with(write, Some(&meta))?;
            lock.replace()
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let mut lock = Lock::take(target, target)?;
            lock.fill_with(write, None)?;
            lock.replace()
        }
        Err(e) => Err(e).with_msg(|| msg!("error-writing", file = target)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_folder_on_the_way_that_links_outside_is_named() {
        let outside = tempfile::tempdir().expect("tempdir");
        let repo = tempfile::tempdir().expect("tempdir");
        std::os::unix::fs::symlink(outside.path(), repo.path().join("schema")).expect("link");
        let err = resolve(repo.path(), &repo.path().join("schema/x.json")).expect_err("refused");
        assert!(
            err.to_string().starts_with(&format!(
                "{} is a link to ",
                repo.path().join("schema").display()
            )),
            "{err}"
        );
        fs::create_dir(repo.path().join("inside")).expect("folder");
        std::os::unix::fs::symlink("inside", repo.path().join("via")).expect("link");
        let real = resolve(repo.path(), &repo.path().join("via/new/x.json")).expect("inside");
        assert!(real.ends_with("inside/new/x.json"), "{}", real.display());
    }
}
