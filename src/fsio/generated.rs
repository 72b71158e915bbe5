//! Generated folders (`plan site --out DIR`): written whole file by file, and only
//! where the tool wrote before.

use crate::hash::HashMap;
use crate::i18n::Context;
use crate::{fail, msg};
use anyhow::Result;
use rayon::prelude::*;
use std::collections::BTreeSet;
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
        return Err(e).with_msg(|| msg!("error-writing", file = target));
    }
    Ok(tmp)
}

/// The file in a generated folder that lists what the tool wrote there.
pub const SITE_MANIFEST: &str = ".plan-site";

/// Writes a generated folder (`plan site --out DIR`): each file whole (a file that
/// was there is written beside and renamed into place; a new one is created under
/// its name), a file whose bytes are already there left alone, files the previous
/// run wrote and this one does not removed — and nothing else touched. A file in
/// the way that the manifest does not list is the user's: the run refuses before
/// writing anything. `make` gives each file's bytes, called in parallel as the
/// files are written. Returns how many files were written.
pub fn write_generated(
    dir: &Path,
    files: &[String],
    make: impl Fn(&str) -> Vec<u8> + Sync,
) -> Result<usize> {
    if dir.symlink_metadata().is_ok_and(|m| !m.is_dir()) && !dir.is_dir() {
        fail!("error-not-a-folder", dir = dir);
    }
    fs::create_dir_all(dir).with_msg(|| msg!("error-creating", file = dir))?;
    let manifest = dir.join(SITE_MANIFEST);
    let previous: BTreeSet<String> = match fs::read_to_string(&manifest) {
        Ok(text) => text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(str::to_string)
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Default::default(),
        Err(e) => return Err(e).with_msg(|| msg!("error-reading", file = &manifest)),
    };
    // What is there already, from one listing per folder (not a look-up per file:
    // a site has ten thousand pages). `true`: a regular file.
    let folders: BTreeSet<&str> = files
        .iter()
        .map(|rel| rel.rsplit_once('/').map_or("", |(folder, _)| folder))
        .collect();
    let mut there: HashMap<String, bool> = HashMap::default();
    for folder in &folders {
        let path = dir.join(folder);
        let entries = match fs::read_dir(&path) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e).with_msg(|| msg!("error-reading", file = &path)),
        };
        if !folder.is_empty() && path.symlink_metadata().is_ok_and(|m| !m.is_dir()) {
            fail!("error-not-a-folder", dir = &path);
        }
        for entry in entries {
            let entry = entry.with_msg(|| msg!("error-reading", file = &path))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel = if folder.is_empty() {
                name
            } else {
                format!("{folder}/{name}")
            };
            let regular = entry.file_type().is_ok_and(|t| t.is_file());
            there.insert(rel, regular);
        }
    }
    for rel in files {
        match there.get(rel) {
            Some(false) => fail!("error-site-not-a-file", file = &dir.join(rel)),
            Some(true) if !previous.contains(rel) => {
                fail!("error-site-not-ours", file = &dir.join(rel))
            }
            _ => {}
        }
    }
    // Before anything is written, the manifest names every file this run may write:
    // the files of a run that is interrupted are still known as the tool's.
    let now: BTreeSet<&str> = files.iter().map(String::as_str).collect();
    write_manifest(
        &manifest,
        previous
            .iter()
            .map(String::as_str)
            .chain(now.iter().copied()),
    )?;
    for folder in folders.iter().filter(|f| !f.is_empty()) {
        let path = dir.join(folder);
        fs::create_dir_all(&path).with_msg(|| msg!("error-creating", file = &path))?;
    }
    let written = files
        .par_iter()
        .map(|rel| -> Result<usize> {
            let target = dir.join(rel);
            let bytes = make(rel);
            if there.contains_key(rel) {
                if fs::read(&target).is_ok_and(|old| old == bytes) {
                    return Ok(0);
                }
                let tmp = write_temp(&target, &bytes)?;
                fs::rename(&tmp, &target)
                    .inspect_err(|_| {
                        let _ = fs::remove_file(&tmp);
                    })
                    .with_msg(|| msg!("error-writing", file = &target))?;
            } else {
                write_new(&target, &bytes)?;
            }
            Ok(1)
        })
        .sum::<Result<usize>>()?;
    for old in previous.iter().filter(|p| !now.contains(p.as_str())) {
        // Only what the manifest names, inside the folder, and only regular files.
        if old.split('/').any(|part| part == ".." || part.is_empty()) {
            continue;
        }
        let target = dir.join(old);
        if target.symlink_metadata().is_ok_and(|m| m.is_file()) {
            fs::remove_file(&target).with_msg(|| msg!("error-removing", file = &target))?;
        }
    }
    write_manifest(&manifest, now.iter().copied())?;
    Ok(written)
}

/// Creates a file that was not there with `bytes` (removed again if writing fails).
fn write_new(target: &Path, bytes: &[u8]) -> Result<()> {
    let written = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(target)
        .and_then(|mut file| {
            file.write_all(bytes).inspect_err(|_| {
                let _ = fs::remove_file(target);
            })
        });
    written.with_msg(|| msg!("error-writing", file = target))
}

/// Writes the manifest naming `files` (sorted), unless it says that already.
fn write_manifest<'f>(manifest: &Path, files: impl Iterator<Item = &'f str>) -> Result<()> {
    let files: BTreeSet<&str> = files.collect();
    let mut text = String::from("# Files written by `plan site`; it replaces only these.\n");
    for rel in files {
        text.push_str(rel);
        text.push('\n');
    }
    if fs::read_to_string(manifest).ok().as_deref() != Some(text.as_str()) {
        let tmp = write_temp(manifest, text.as_bytes())?;
        fs::rename(&tmp, manifest).with_msg(|| msg!("error-writing", file = manifest))?;
    }
    Ok(())
}
