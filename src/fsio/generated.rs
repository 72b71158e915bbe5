//! Generated folders (`plan site --out DIR`): written whole file by file, and only
//! where the tool wrote before.

use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to a new temporary file beside `target`. Not synced: a generated
/// folder is rebuilt by running the command again, and syncing ten thousand pages
/// one by one would cost more than making them.
fn write_temp(target: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = target.with_file_name(format!(".{name}.plan-{}.tmp", std::process::id()));
    let written = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut file| file.write_all(bytes));
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("writing {}", target.display()));
    }
    Ok(tmp)
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
            let tmp = write_temp(&target, &bytes)?;
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
        let tmp = write_temp(&manifest, text.as_bytes())?;
        fs::rename(&tmp, &manifest).with_context(|| format!("writing {}", manifest.display()))?;
    }
    Ok(written)
}
