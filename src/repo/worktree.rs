//! The files of the work tree, read from disk.

use super::{safe_relative, DirListing, DirListings, FileStat, Fingerprint, Kind, Listing, Source};
use crate::hash::{HashMap, HashSet};
use crate::i18n::Msg;
use crate::i18n::{Context, Fail};
use anyhow::Result;
use rayon::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::RwLock;

/// A plan repository's work tree.
pub struct WorkTree {
    root: PathBuf,
    /// The canonical root: links are followed only when they resolve inside it.
    canonical: PathBuf,
    /// Files the last listing found as regular files (not links) in folders it
    /// reached without following a link, with their inode: such a file lies inside
    /// the repository, so reading it needs no resolving of its whole path. The inode
    /// is compared once the file is open, so a file swapped for a link meanwhile is
    /// not read this way.
    plain_files: RwLock<HashMap<String, u64>>,
}

/// The entries of folders, read ahead of the walk (keyed by the folder's path as a
/// plain string: hashing a `Path` parses its components).
type Prefetched = HashMap<std::ffi::OsString, std::io::Result<Vec<Item>>>;

/// What a walk carries along.
#[derive(Default)]
struct Walk {
    /// Folders visited (link loops).
    seen: HashSet<std::ffi::OsString>,
    /// Folder entries read ahead.
    prefetched: Prefetched,
    /// See [`WorkTree::plain_files`].
    plain_files: HashMap<String, u64>,
}

/// One folder entry. Unlike `fs::DirEntry` it does not keep its folder open.
struct Item {
    name: std::ffi::OsString,
    kind: std::io::Result<Kind>,
    /// The inode, where the platform has them (0 elsewhere: no file has it).
    inode: u64,
}

impl WorkTree {
    pub fn new(root: &Path) -> Result<WorkTree> {
        let canonical = root
            .canonicalize()
            .with_msg(|| crate::msg!("error-opening", file = root))?;
        Ok(WorkTree {
            root: root.to_path_buf(),
            canonical,
            plain_files: RwLock::default(),
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
            Ok(_) => crate::fail!("error-link-leads-outside", file = rel),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => {
                let shown = Path::new(rel);
                let above = |p: &Path| p.parent().map(Path::to_path_buf).unwrap_or_default();
                Err(
                    crate::fsio::in_the_way(&above(&path), &above(shown), shown).unwrap_or_else(
                        || crate::i18n::doing(crate::msg!("error-reading", file = rel), e),
                    ),
                )
            }
        }
    }

    /// Why a link under objects/ to the folder `real` is not followed: it leads back
    /// up to objects/ or above it (the walk would see the whole repository, `.git`
    /// too), or into `.git`.
    fn leads_back(&self, real: &Path) -> Option<Msg> {
        let objects = self.canonical.join("objects");
        if objects.starts_with(real) {
            return Some(match real.strip_prefix(&self.canonical) {
                Ok(rel) if rel.as_os_str().is_empty() => crate::msg!("layout-link-to-root"),
                Ok(rel) => crate::msg!("layout-link-up", folder = format!("{}/", rel.display())),
                Err(_) => crate::msg!("layout-link-up", folder = real.display().to_string()),
            });
        }
        let rel = real.strip_prefix(&self.canonical).ok()?;
        rel.components()
            .any(|c| c.as_os_str() == ".git")
            .then(|| crate::msg!("layout-link-into-git"))
    }

    /// Walks `dir` (`rel` in the repository). `plain`: reached without following a
    /// link. Folder entries come from `prefetched` when they were read ahead.
    fn walk(
        &self,
        dir: &Path,
        rel: &str,
        plain: bool,
        walk: &mut Walk,
        out: &mut Listing,
    ) -> Result<()> {
        if !walk.seen.insert(dir.as_os_str().to_owned()) {
            out.problems
                .push((rel.to_string(), crate::msg!("layout-link-loop")));
            return Ok(());
        }
        let read = match walk.prefetched.remove(dir.as_os_str()) {
            Some(read) => read,
            None => read_dir(dir),
        };
        let mut entries =
            read.with_msg(|| crate::msg!("error-reading", file = format!("{rel}/")))?;
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        if entries.is_empty() && rel != "objects" {
            if let Err(why) = crate::layout::classify(&format!("{rel}/0000.toml")) {
                out.problems.push((rel.to_string(), why));
            }
        }
        for entry in entries {
            let name = &entry.name;
            let Some(name) = name.to_str() else {
                out.problems.push((
                    format!("{rel}/{}", name.to_string_lossy()),
                    crate::msg!("layout-name-not-utf8"),
                ));
                continue;
            };
            let child = format!("{rel}/{name}");
            let kind = entry
                .kind
                .with_msg(|| crate::msg!("error-reading", file = &child))?;
            if kind == Kind::Symlink {
                match self.inside(&child) {
                    Ok(Some(real)) if real.is_dir() => {
                        if let Some(why) = self.leads_back(&real) {
                            out.problems.push((child, why));
                        } else {
                            self.walk(&real, &child, false, walk, out)?
                        }
                    }
                    Ok(Some(real)) if real.is_file() => out.files.push(child),
                    Ok(Some(real)) => out.problems.push((child, not_a_file(&real))),
                    Ok(None) => out
                        .problems
                        .push((child, crate::msg!("layout-dangling-link"))),
                    Err(e) => out.problems.push((child, crate::i18n::error_msg(&e))),
                }
            } else if kind == Kind::Dir {
                self.walk(&dir.join(&entry.name), &child, plain, walk, out)?;
            } else if kind == Kind::Other {
                // A FIFO, socket or device is never opened: reading a FIFO would wait
                // for a writer forever.
                out.problems
                    .push((child, not_a_file(&dir.join(&entry.name))));
            } else {
                if plain && kind == Kind::File {
                    walk.plain_files.insert(child.clone(), entry.inode);
                }
                out.files.push(child);
            }
        }
        Ok(())
    }
}

impl Source for WorkTree {
    fn describe(&self) -> Msg {
        Msg::verbatim(self.root.display().to_string())
    }

    fn read(&self, path: &str) -> Result<Option<Vec<u8>>> {
        Ok(self.read_tagged(path)?.map(|(bytes, _)| bytes))
    }

    fn read_tagged(&self, path: &str) -> Result<Option<(Vec<u8>, Option<Fingerprint>)>> {
        if let Some(inode) = self.plain_inode(path)? {
            if let Some(read) = self
                .read_plain(path, inode)
                .with_msg(|| crate::msg!("error-reading", file = path))?
            {
                return Ok(Some(read));
            }
        }
        match self.inside(path)? {
            Some(real) if real.is_file() => {
                let read = || -> Result<Vec<u8>> {
                    let file = crate::fsio::open_for_reading(&real)?;
                    let meta = file.metadata()?;
                    if !meta.is_file() {
                        return Err(Fail(not_a_file(&real)).into());
                    }
                    Ok(read_bounded(file, meta.len())?)
                };
                read()
                    .map(|bytes| Some((bytes, None)))
                    .with_msg(|| crate::msg!("error-reading", file = path))
            }
            Some(_) => crate::fail!("error-not-a-plain-file", file = path),
            None => Ok(None),
        }
    }

    fn fingerprint(&self, path: &str) -> Option<Fingerprint> {
        let inode = self.plain_inode(path).ok()??;
        let meta = fs::symlink_metadata(self.canonical.join(path)).ok()?;
        let stat = FileStat::of(&meta)?;
        (meta.is_file() && stat.inode == inode).then_some(Fingerprint::Stat(stat))
    }

    fn list_objects(&self) -> Result<Listing> {
        Ok(self.list(None)?.0)
    }

    fn list_objects_reusing(&self, known: &DirListings) -> Result<(Listing, DirListings)> {
        self.list(Some(known))
    }
}

impl WorkTree {
    /// Lists `objects/`; with `known` listings, folders directly under it whose stat
    /// data is unchanged are not read again (see [`Source::list_objects_reusing`]).
    fn list(&self, known: Option<&DirListings>) -> Result<(Listing, DirListings)> {
        let mut out = Listing::default();
        let objects = self.canonical.join("objects");
        let mut keep = DirListings::default();
        let mut walk = Walk::default();
        match fs::symlink_metadata(&objects) {
            Ok(meta) if meta.is_dir() => {
                walk.prefetched = prefetch(&objects, known, &mut keep);
                self.walk(&objects, "objects", true, &mut walk, &mut out)?
            }
            Ok(_) => out
                .problems
                .push(("objects".into(), crate::msg!("layout-objects-not-folder"))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_msg(|| crate::msg!("error-reading", file = "objects/")),
        }
        out.files.sort();
        self.drop_ignored(&mut out);
        *self.plain_files.write().unwrap_or_else(|p| p.into_inner()) = walk.plain_files;
        Ok((out, keep))
    }

    /// Leaves out what git ignores (SPEC §1): editor leftovers such as `2027.toml~`,
    /// `.2027.toml.swp` or `.DS_Store` are not plans, and a check that fails while an
    /// editor is open helps nobody. Git's own rules decide (`.gitignore` files,
    /// `.git/info/exclude`, the global excludes file), and like git a file it tracks
    /// is never ignored. Only entries that would be `layout` findings are looked up: a
    /// file named like a plan is always checked, and a repository without leftovers
    /// (the usual case) opens no git repository here at all. Outside git, nothing is
    /// ignored.
    fn drop_ignored(&self, out: &mut Listing) {
        let is_plan = |path: &str| crate::layout::classify(path).is_ok();
        if out.problems.is_empty() && out.files.iter().all(|f| is_plan(f)) {
            return;
        }
        let Ok(repo) = git2::Repository::discover(&self.canonical) else {
            return;
        };
        let Some(prefix) = repo
            .workdir()
            .and_then(|w| w.canonicalize().ok())
            .and_then(|w| self.canonical.strip_prefix(w).ok().map(Path::to_path_buf))
        else {
            return;
        };
        let index = repo.index().ok();
        let ignored = |rel: &str| {
            let path = prefix.join(rel);
            repo.is_path_ignored(&path).unwrap_or(false)
                && index
                    .as_ref()
                    .is_none_or(|i| i.get_path(&path, 0).is_none())
        };
        out.files.retain(|f| is_plan(f) || !ignored(f));
        out.problems.retain(|(p, _)| !ignored(p));
    }

    /// The inode the listing saw for a plain file (see `plain_files`).
    fn plain_inode(&self, path: &str) -> Result<Option<u64>> {
        safe_relative(path)?;
        let files = self.plain_files.read().unwrap_or_else(|p| p.into_inner());
        Ok(files.get(path).copied())
    }

    /// Reads a plain file, with its stat data from the open file. None when it is no
    /// longer the file the listing saw (the caller then resolves the path fully).
    fn read_plain(
        &self,
        path: &str,
        inode: u64,
    ) -> std::io::Result<Option<(Vec<u8>, Option<Fingerprint>)>> {
        let file = match crate::fsio::open_for_reading(&self.canonical.join(path)) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let meta = file.metadata()?;
        let Some(stat) = FileStat::of(&meta) else {
            return Ok(None);
        };
        if !meta.is_file() || stat.inode != inode {
            return Ok(None);
        }
        Ok(Some((
            read_bounded(file, meta.len())?,
            Some(Fingerprint::Stat(stat)),
        )))
    }
}

/// Why a path that is neither a folder nor a regular file holds no plan.
fn not_a_file(path: &Path) -> Msg {
    match fs::metadata(path).map(|m| crate::fsio::kind_of(&m)) {
        Ok("fifo") => crate::msg!("layout-fifo"),
        Ok("socket") => crate::msg!("layout-socket"),
        Ok("device") => crate::msg!("layout-device"),
        _ => crate::msg!("layout-not-regular"),
    }
}

/// Reads a file, but never more than one byte past the plan-file size limit: a huge
/// file becomes a `parse` finding, not an out-of-memory.
fn read_bounded(file: fs::File, len: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let limit = crate::layout::MAX_FILE_BYTES as u64 + 1;
    let mut bytes = Vec::with_capacity(len.min(limit) as usize);
    file.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn read_dir(dir: &Path) -> std::io::Result<Vec<Item>> {
    fs::read_dir(dir)?
        .map(|entry| {
            let entry = entry?;
            #[cfg(unix)]
            let inode = std::os::unix::fs::DirEntryExt::ino(&entry);
            #[cfg(not(unix))]
            let inode = 0;
            Ok(Item {
                name: entry.file_name(),
                kind: entry.file_type().map(Kind::of),
                inode,
            })
        })
        .collect()
}

/// Reads the folders directly under `objects/` (one per object) in parallel: with
/// tens of thousands of objects, listing them one after the other is a noticeable
/// part of a check. Links are not followed here; the walk handles them.
///
/// With `known` listings (see [`Source::list_objects_reusing`]) a folder is looked at
/// with one `lstat`, and read only when its stat data changed; the listings with
/// their stat data go to `keep`.
fn prefetch(objects: &Path, known: Option<&DirListings>, keep: &mut DirListings) -> Prefetched {
    let Ok(top) = read_dir(objects) else {
        return Prefetched::default();
    };
    let dirs: Vec<(PathBuf, String)> = top
        .iter()
        .filter(|e| e.kind.as_ref().is_ok_and(|k| *k == Kind::Dir))
        .filter_map(|e| {
            Some((
                objects.join(&e.name),
                format!("objects/{}", e.name.to_str()?),
            ))
        })
        .collect();
    /// A folder, its entries, and its listing to keep.
    type Read = (
        PathBuf,
        std::io::Result<Vec<Item>>,
        Option<(String, DirListing)>,
    );
    let read: Vec<Read> = dirs
        .into_par_iter()
        .map(|(dir, rel)| match known {
            None => {
                let entries = read_dir(&dir);
                (dir, entries, None)
            }
            Some(known) => {
                let stat = fs::symlink_metadata(&dir)
                    .ok()
                    .filter(|m| m.is_dir())
                    .and_then(|m| FileStat::of(&m));
                if let (Some(stat), Some(was)) = (stat, known.get(&rel)) {
                    if was.stat == stat {
                        let items = was
                            .entries
                            .iter()
                            .map(|(name, kind, inode)| Item {
                                name: name.into(),
                                kind: Ok(*kind),
                                inode: *inode,
                            })
                            .collect();
                        return (dir, Ok(items), Some((rel, was.clone())));
                    }
                }
                let entries = read_dir(&dir);
                let listing = match (&entries, stat) {
                    (Ok(items), Some(stat)) => items
                        .iter()
                        .map(|i| {
                            Some((
                                i.name.to_str()?.to_string(),
                                *i.kind.as_ref().ok()?,
                                i.inode,
                            ))
                        })
                        .collect::<Option<Vec<_>>>()
                        .map(|entries| (rel, DirListing { stat, entries })),
                    _ => None,
                };
                (dir, entries, listing)
            }
        })
        .collect();
    let mut out = Prefetched::default();
    for (dir, entries, listing) in read {
        out.insert(dir.into_os_string(), entries);
        if let Some((rel, listing)) = listing {
            keep.insert(rel, listing);
        }
    }
    out.insert(objects.as_os_str().to_owned(), Ok(top));
    out
}
