//! The cache files: a compact binary format, read without decoding the entries (an
//! entry is decoded only when a file asks for it) and written atomically.
//!
//! Both files start with a header: the magic bytes, the format version, the tool
//! version and what the file holds. Numbers are little-endian; a string is its
//! length (u32) and its UTF-8 bytes. A file that does not have our header, ends
//! early, has bytes left over or holds anything malformed is ignored as a whole.
//!
//! - entries: the entries (blob id, length, record), then the stat data of
//!   work-tree files (path, size, inode, mtime, ctime, blob id). A record is 0 for
//!   content that is not a readable plan, or 1 and the systems (id, retired, the
//!   dependencies: target, via, span) and the upgrades (system, date as days from
//!   the common era, span).
//! - folders: the folder listings (path, stat data, entries: name, kind, inode).

use crate::diag::Span;
use crate::hash::HashMap;
use crate::index::{Dep, ObjectEntry, SystemEntry, UpgradeEntry, Via};
use crate::repo::{DirListing, DirListings, FileStat, Kind};
use chrono::{Datelike, NaiveDate};
use git2::Oid;
use std::ops::Range;
use std::path::Path;

/// Changes whenever what is stored, or how entries are made, changes.
const FORMAT: u32 = 2;
const MAGIC: &[u8] = b"plan-cache\n";
/// A cache file larger than this is not read.
const MAX_BYTES: u64 = 1 << 30;

/// What a cache file holds, in its header.
#[derive(Clone, Copy, PartialEq)]
enum Holds {
    Entries = 1,
    Folders = 2,
}

/// The stored entries file, keyed for look-ups; entries stay encoded until asked for.
#[derive(Default)]
pub(super) struct Loaded {
    bytes: Vec<u8>,
    /// Blob id → where its record is in `bytes`.
    pub entries: HashMap<Oid, Range<usize>>,
    /// Work-tree path → its stat data and blob id when last read.
    pub stats: HashMap<String, (FileStat, Oid)>,
}

impl Loaded {
    /// The entry of content with this blob id: `Some(None)` when that content is
    /// known not to be a readable plan; None when unknown (or its record is broken).
    pub fn entry(&self, id: &Oid) -> Option<Option<ObjectEntry>> {
        let range = self.entries.get(id)?;
        decode_record(self.bytes.get(range.clone())?)
    }

    fn record(&self, id: &Oid) -> Option<&[u8]> {
        self.bytes.get(self.entries.get(id)?.clone())
    }
}

/// The stored entries file, if it is there, readable and ours.
pub(super) fn load(file: &Path) -> Option<Loaded> {
    let bytes = read(file)?;
    let mut r = Reader::new(&bytes, Holds::Entries)?;
    let mut entries = HashMap::default();
    for _ in 0..r.count(24)? {
        let id = r.oid()?;
        let len = r.u32()? as usize;
        let start = r.pos;
        r.take(len)?;
        entries.insert(id, start..start + len);
    }
    let mut stats = HashMap::default();
    for _ in 0..r.count(56)? {
        let path = r.str()?.to_string();
        stats.insert(path, (r.stat()?, r.oid()?));
    }
    r.end()?;
    Some(Loaded {
        bytes,
        entries,
        stats,
    })
}

/// Writes the entries file: the stored records still wanted, the fresh ones, and
/// the stat data.
pub(super) fn write(
    dir: &Path,
    name: &str,
    old: &Loaded,
    keep: impl Iterator<Item = Oid>,
    fresh: &HashMap<Oid, Vec<u8>>,
) -> std::io::Result<()> {
    let mut w = Writer::new(Holds::Entries);
    let kept: Vec<(Oid, &[u8])> = keep
        .filter(|id| !fresh.contains_key(id))
        .filter_map(|id| Some((id, old.record(&id)?)))
        .chain(fresh.iter().map(|(id, record)| (*id, record.as_slice())))
        .collect();
    w.count(kept.len())?;
    for (id, record) in kept {
        w.oid(id);
        w.count(record.len())?;
        w.bytes.extend_from_slice(record);
    }
    w.count(old.stats.len())?;
    for (path, (stat, id)) in &old.stats {
        w.str(path)?;
        w.stat(stat);
        w.oid(*id);
    }
    write_atomically(dir, name, &w.bytes)
}

/// The record of an entry (None: content that is not a readable plan).
pub(super) fn encode_record(entry: Option<&ObjectEntry>) -> Vec<u8> {
    let mut w = Writer { bytes: Vec::new() };
    let Some(entry) = entry else {
        w.u8(0);
        return w.bytes;
    };
    // Lengths of a plan file's parts fit in u32: plan files are at most 4 MiB.
    let put = |w: &mut Writer| -> Option<()> {
        w.u8(1);
        w.count(entry.systems.len()).ok()?;
        for s in &entry.systems {
            w.str(&s.id).ok()?;
            w.u8(u8::from(s.retired));
            w.count(s.deps.len()).ok()?;
            for d in &s.deps {
                w.str(&d.target).ok()?;
                w.u8(u8::from(d.via == Via::Integration));
                w.span(d.span);
            }
        }
        w.count(entry.upgrades.len()).ok()?;
        for u in &entry.upgrades {
            w.str(&u.system).ok()?;
            w.bytes
                .extend_from_slice(&u.date.num_days_from_ce().to_le_bytes());
            w.span(u.span);
        }
        Some(())
    };
    if put(&mut w).is_none() {
        // Too large to store: stored as unknown content, so the file is read again.
        return Vec::new();
    }
    w.bytes
}

fn decode_record(bytes: &[u8]) -> Option<Option<ObjectEntry>> {
    let mut r = Reader { bytes, pos: 0 };
    if r.u8()? == 0 {
        r.end()?;
        return Some(None);
    }
    let n = r.count(9)?;
    let mut systems = Vec::with_capacity(n);
    for _ in 0..n {
        let id = r.str()?.to_string();
        let retired = r.u8()? == 1;
        let n = r.count(13)?;
        let mut deps = Vec::with_capacity(n);
        for _ in 0..n {
            let target = r.str()?.to_string();
            let via = if r.u8()? == 1 {
                Via::Integration
            } else {
                Via::DependsOn
            };
            deps.push(Dep {
                target,
                via,
                span: r.span()?,
            });
        }
        systems.push(SystemEntry { id, retired, deps });
    }
    let n = r.count(16)?;
    let mut upgrades = Vec::with_capacity(n);
    for _ in 0..n {
        let system = r.str()?.to_string();
        let days = i32::from_le_bytes(r.take(4)?.try_into().ok()?);
        upgrades.push(UpgradeEntry {
            system,
            date: NaiveDate::from_num_days_from_ce_opt(days)?,
            span: r.span()?,
        });
    }
    r.end()?;
    Some(Some(ObjectEntry {
        file: String::new(),
        object: String::new(),
        year: 0,
        systems,
        upgrades,
        unreadable: false,
    }))
}

/// The stored folder listings, if they are there, readable and ours.
pub(super) fn load_dirs(file: &Path) -> Option<DirListings> {
    let bytes = read(file)?;
    let mut r = Reader::new(&bytes, Holds::Folders)?;
    let mut dirs = DirListings::default();
    for _ in 0..r.count(40)? {
        let path = r.str()?.to_string();
        let stat = r.stat()?;
        let n = r.count(13)?;
        let mut entries = Vec::with_capacity(n);
        for _ in 0..n {
            let name = r.str()?.to_string();
            let kind = match r.u8()? {
                0 => Kind::File,
                1 => Kind::Dir,
                2 => Kind::Symlink,
                _ => Kind::Other,
            };
            entries.push((name, kind, r.u64()?));
        }
        dirs.insert(path, DirListing { stat, entries });
    }
    r.end()?;
    Some(dirs)
}

pub(super) fn write_dirs(dir: &Path, name: &str, dirs: &DirListings) -> std::io::Result<()> {
    let mut w = Writer::new(Holds::Folders);
    w.count(dirs.len())?;
    for (path, listing) in dirs {
        w.str(path)?;
        w.stat(&listing.stat);
        w.count(listing.entries.len())?;
        for (name, kind, inode) in &listing.entries {
            w.str(name)?;
            w.u8(match kind {
                Kind::File => 0,
                Kind::Dir => 1,
                Kind::Symlink => 2,
                Kind::Other => 3,
            });
            w.u64(*inode);
        }
    }
    write_atomically(dir, name, &w.bytes)
}

/// A cache file's bytes, unless it is not a plain file or too large.
fn read(file: &Path) -> Option<Vec<u8>> {
    let meta = std::fs::symlink_metadata(file).ok()?;
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return None;
    }
    std::fs::read(file).ok()
}

/// Writes `name` in the cache folder (made when missing; never through a link)
/// by way of a temporary file and a rename: readers see the old file or the new
/// one, never half of one.
fn write_atomically(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    match std::fs::symlink_metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Ok(()),
        Err(_) => std::fs::create_dir(dir)?,
    }
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        file.write_all(bytes)?;
        drop(file);
        std::fs::rename(&tmp, dir.join(name))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    fn new(holds: Holds) -> Writer {
        let mut w = Writer { bytes: Vec::new() };
        w.bytes.extend_from_slice(MAGIC);
        w.bytes.extend_from_slice(&FORMAT.to_le_bytes());
        // The version is a short constant: it fits.
        let _ = w.str(env!("CARGO_PKG_VERSION"));
        w.u8(holds as u8);
        w
    }

    fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }

    fn u64(&mut self, v: u64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    fn count(&mut self, n: usize) -> std::io::Result<()> {
        let n = u32::try_from(n).map_err(std::io::Error::other)?;
        self.bytes.extend_from_slice(&n.to_le_bytes());
        Ok(())
    }

    fn str(&mut self, s: &str) -> std::io::Result<()> {
        self.count(s.len())?;
        self.bytes.extend_from_slice(s.as_bytes());
        Ok(())
    }

    fn oid(&mut self, id: Oid) {
        self.bytes.extend_from_slice(id.as_bytes());
    }

    fn span(&mut self, span: Span) {
        self.bytes.extend_from_slice(&span.start.to_le_bytes());
        self.bytes.extend_from_slice(&span.end.to_le_bytes());
    }

    fn stat(&mut self, stat: &FileStat) {
        self.u64(stat.size);
        self.u64(stat.inode);
        self.bytes.extend_from_slice(&stat.mtime.to_le_bytes());
        self.bytes.extend_from_slice(&stat.ctime.to_le_bytes());
    }
}

/// Reads a cache file; every read is checked, and None means "not a cache of ours".
struct Reader<'b> {
    bytes: &'b [u8],
    pos: usize,
}

impl<'b> Reader<'b> {
    /// After the header, when the header is ours and says the file holds `holds`.
    fn new(bytes: &'b [u8], holds: Holds) -> Option<Reader<'b>> {
        let mut r = Reader { bytes, pos: 0 };
        (r.take(MAGIC.len())? == MAGIC).then_some(())?;
        (r.u32()? == FORMAT).then_some(())?;
        (r.str()? == env!("CARGO_PKG_VERSION")).then_some(())?;
        (r.u8()? == holds as u8).then_some(r)
    }

    fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        let bytes = self.bytes.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(bytes)
    }

    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn i64(&mut self) -> Option<i64> {
        Some(i64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    /// A count of items at least `min_size` bytes each: never more than the bytes
    /// left could hold, so a corrupt count cannot make a huge allocation.
    fn count(&mut self, min_size: usize) -> Option<usize> {
        let n = self.u32()? as usize;
        (n.checked_mul(min_size)? <= self.bytes.len() - self.pos).then_some(n)
    }

    fn str(&mut self) -> Option<&'b str> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).ok()
    }

    fn oid(&mut self) -> Option<Oid> {
        Oid::from_bytes(self.take(20)?).ok()
    }

    fn span(&mut self) -> Option<Span> {
        Some(Span {
            start: self.u32()?,
            end: self.u32()?,
        })
    }

    fn stat(&mut self) -> Option<FileStat> {
        Some(FileStat {
            size: self.u64()?,
            inode: self.u64()?,
            mtime: self.i64()?,
            ctime: self.i64()?,
        })
    }

    /// Nothing may be left over.
    fn end(&self) -> Option<()> {
        (self.pos == self.bytes.len()).then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> ObjectEntry {
        ObjectEntry {
            file: String::new(),
            object: String::new(),
            year: 0,
            systems: vec![SystemEntry {
                id: "ladok".into(),
                retired: false,
                deps: vec![Dep {
                    target: "lucat/ldap".into(),
                    via: Via::Integration,
                    span: Span { start: 10, end: 20 },
                }],
            }],
            upgrades: vec![UpgradeEntry {
                system: "ladok".into(),
                date: NaiveDate::from_ymd_opt(2027, 3, 6).expect("date"),
                span: Span { start: 30, end: 40 },
            }],
            unreadable: false,
        }
    }

    fn id(bytes: &[u8]) -> Oid {
        super::super::blob_id(bytes)
    }

    fn written(dir: &Path) -> std::path::PathBuf {
        let mut old = Loaded::default();
        let stat = FileStat {
            size: 1,
            inode: 2,
            mtime: 3,
            ctime: 4,
        };
        old.stats
            .insert("objects/ladok/2027.toml".into(), (stat, id(b"x")));
        let fresh: HashMap<Oid, Vec<u8>> = [
            (id(b"x"), encode_record(Some(&entry()))),
            (id(b"not toml ["), encode_record(None)),
        ]
        .into_iter()
        .collect();
        write(dir, "entries.bin", &old, std::iter::empty(), &fresh).expect("written");
        dir.join("entries.bin")
    }

    #[test]
    fn written_atomically_and_read_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache_dir = dir.path().join("plan-cache");
        let file = written(&cache_dir);
        let names: Vec<_> = std::fs::read_dir(&cache_dir)
            .expect("dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("entries.bin")]);
        let back = load(&file).expect("loaded");
        assert_eq!(back.entries.len(), 2);
        assert_eq!(back.stats["objects/ladok/2027.toml"].1, id(b"x"));
        assert_eq!(back.stats["objects/ladok/2027.toml"].0.mtime, 3);
        let read = back.entry(&id(b"x")).expect("known").expect("a plan");
        assert_eq!(read.systems[0].deps[0].target, "lucat/ldap");
        assert_eq!(read.systems[0].deps[0].via, Via::Integration);
        assert_eq!(read.upgrades[0].date, entry().upgrades[0].date);
        assert_eq!(read.upgrades[0].span, Span { start: 30, end: 40 });
        assert!(back.entry(&id(b"not toml [")).expect("known").is_none());
        assert!(back.entry(&id(b"never seen")).is_none());

        // Written again keeping one stored record: the other is gone.
        write(
            &cache_dir,
            "entries.bin",
            &back,
            [id(b"x")].into_iter(),
            &HashMap::default(),
        )
        .expect("written");
        let again = load(&file).expect("loaded");
        assert_eq!(again.entries.len(), 1);
        assert_eq!(
            again
                .entry(&id(b"x"))
                .expect("known")
                .expect("a plan")
                .systems[0]
                .id,
            "ladok"
        );
    }

    #[test]
    fn a_foreign_truncated_or_padded_cache_is_ignored() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = written(dir.path());
        let good = std::fs::read(&file).expect("read");
        assert!(load(&file).is_some());
        let mut other_tool = good.clone();
        let at = MAGIC.len() + 4 + 4; // after the magic, the format and the length
        other_tool[at] ^= 1;
        let cases: [(&str, Vec<u8>); 5] = [
            ("garbage", b"\0\x01not a cache".to_vec()),
            ("truncated", good[..good.len() - 1].to_vec()),
            ("padded", [good.as_slice(), b"x"].concat()),
            ("another tool version", other_tool),
            ("the folders file", {
                let mut w = Writer::new(Holds::Folders);
                w.count(0).expect("count");
                w.bytes
            }),
        ];
        for (what, bytes) in cases {
            std::fs::write(&file, bytes).expect("write");
            assert!(load(&file).is_none(), "{what}");
        }
    }

    #[test]
    fn no_cut_or_changed_byte_makes_reading_panic() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = written(dir.path());
        let good = std::fs::read(&file).expect("read");
        let read_all = |bytes: &[u8]| {
            std::fs::write(&file, bytes).expect("write");
            if let Some(loaded) = load(&file) {
                for id in loaded.entries.keys() {
                    std::hint::black_box(loaded.entry(id));
                }
            }
            std::hint::black_box(load_dirs(&file));
        };
        for len in 0..good.len() {
            read_all(&good[..len]);
        }
        for at in 0..good.len() {
            for value in [0u8, 1, 0x7f, 0xff] {
                let mut changed = good.clone();
                changed[at] = value;
                read_all(&changed);
            }
        }
    }

    #[test]
    fn a_broken_record_is_an_unknown_entry() {
        assert!(decode_record(&[]).is_none());
        assert!(decode_record(&[1, 255, 255, 255, 255]).is_none());
        let mut record = encode_record(Some(&entry()));
        record.push(0);
        assert!(decode_record(&record).is_none());
        record.pop();
        assert!(decode_record(&record).is_some());
    }

    #[test]
    fn folder_listings_are_read_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let stat = FileStat {
            size: 5,
            inode: 6,
            mtime: 7,
            ctime: 8,
        };
        let dirs: DirListings = [(
            "objects/ladok".to_string(),
            DirListing {
                stat,
                entries: vec![
                    ("2027.toml".into(), Kind::File, 11),
                    ("bilagor".into(), Kind::Dir, 12),
                ],
            },
        )]
        .into_iter()
        .collect();
        write_dirs(dir.path(), "dirs.bin", &dirs).expect("written");
        assert_eq!(load_dirs(&dir.path().join("dirs.bin")), Some(dirs));
        assert!(load(&dir.path().join("dirs.bin")).is_none());
    }
}
