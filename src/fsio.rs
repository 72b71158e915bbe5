//! Writing files safely: a write lands whole or not at all, and never replaces a
//! file the user wrote unless that is the point of the command.

use anyhow::{bail, Context, Result};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A temporary file beside `target`, so a rename onto it stays on one file system.
fn temp_beside(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.plan-{}.tmp", std::process::id()))
}

fn write_temp(target: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let tmp = temp_beside(target);
    let result = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()
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
    let tmp = write_temp(target, bytes)?;
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
    let tmp = write_temp(target, bytes)?;
    if let Ok(meta) = fs::metadata(target) {
        let _ = fs::set_permissions(&tmp, meta.permissions());
    }
    fs::rename(&tmp, target)
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
        let tmp = write_temp(target, bytes)?;
        fs::rename(&tmp, target)
            .inspect_err(|_| {
                let _ = fs::remove_file(&tmp);
            })
            .with_context(|| format!("writing {}", target.display()))
    }
}
