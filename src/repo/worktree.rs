//! The files of the work tree, read from disk.

use super::{safe_relative, Listing, Source};
use anyhow::{Context, Result};
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// A plan repository's work tree.
pub struct WorkTree {
    root: PathBuf,
    /// The canonical root: links are followed only when they resolve inside it.
    canonical: PathBuf,
}

impl WorkTree {
    pub fn new(root: &Path) -> Result<WorkTree> {
        let canonical = root
            .canonicalize()
            .with_context(|| format!("opening {}", root.display()))?;
        Ok(WorkTree {
            root: root.to_path_buf(),
            canonical,
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The real path of a repository-relative path, if it stays inside the repository.
    fn inside(&self, rel: &str) -> Result<Option<PathBuf>> {
        let path = self.canonical.join(safe_relative(rel)?);
        match path.canonicalize() {
            Ok(real) if real.starts_with(&self.canonical) => Ok(Some(real)),
            Ok(_) => anyhow::bail!(
                "`{rel}` is a link that leads outside the repository; it is not followed"
            ),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e).with_context(|| format!("reading {rel}")),
        }
    }

    fn walk(
        &self,
        dir: &Path,
        rel: &str,
        seen: &mut HashSet<PathBuf>,
        out: &mut Listing,
    ) -> Result<()> {
        if !seen.insert(dir.to_path_buf()) {
            out.problems.push((
                rel.to_string(),
                "a link loop: this folder was already visited".into(),
            ));
            return Ok(());
        }
        let mut entries: Vec<_> = fs::read_dir(dir)
            .with_context(|| format!("reading {rel}/"))?
            .collect::<std::io::Result<_>>()
            .with_context(|| format!("reading {rel}/"))?;
        entries.sort_by_key(|e| e.file_name());
        if entries.is_empty() && rel != "objects" {
            if let Err(why) = crate::checks::classify(&format!("{rel}/0000.toml")) {
                out.problems.push((rel.to_string(), why));
            }
        }
        for entry in entries {
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                out.problems.push((
                    format!("{rel}/{}", name.to_string_lossy()),
                    "file name is not valid UTF-8".into(),
                ));
                continue;
            };
            let child = format!("{rel}/{name}");
            let kind = entry
                .file_type()
                .with_context(|| format!("reading {child}"))?;
            if kind.is_symlink() {
                match self.inside(&child) {
                    Ok(Some(real)) if real.is_dir() => self.walk(&real, &child, seen, out)?,
                    Ok(Some(_)) => out.files.push(child),
                    Ok(None) => out.problems.push((child, "a link to nothing".into())),
                    Err(e) => out.problems.push((child, format!("{e:#}"))),
                }
            } else if kind.is_dir() {
                self.walk(&entry.path(), &child, seen, out)?;
            } else {
                out.files.push(child);
            }
        }
        Ok(())
    }
}

impl Source for WorkTree {
    fn describe(&self) -> String {
        self.root.display().to_string()
    }

    fn read(&self, path: &str) -> Result<Option<Vec<u8>>> {
        match self.inside(path)? {
            Some(real) if real.is_file() => fs::read(&real)
                .map(Some)
                .with_context(|| format!("reading {path}")),
            Some(_) => anyhow::bail!("`{path}` is not a file"),
            None => Ok(None),
        }
    }

    fn list_objects(&self) -> Result<Listing> {
        let mut out = Listing::default();
        let objects = self.canonical.join("objects");
        match fs::symlink_metadata(&objects) {
            Ok(meta) if meta.is_dir() => {
                self.walk(&objects, "objects", &mut HashSet::new(), &mut out)?
            }
            Ok(_) => out
                .problems
                .push(("objects".into(), "`objects` must be a folder".into())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).context("reading objects/"),
        }
        out.files.sort();
        Ok(out)
    }
}
