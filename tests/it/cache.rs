//! The cache under `.git/plan-cache/` that `--changed-since` and PATH runs use for
//! the files they do not report on: it saves time and never changes what is
//! reported, and a corrupt or foreign cache is ignored.

use crate::support::*;
use chrono::NaiveDate;
use plan::cache::Cache;
use plan::engine::{check, check_cached, Selection};
use plan::i18n::Lang;
use plan::output::json;
use plan::repo::{DirListings, Fingerprint, GitRepo, GitSource, Listing, Source, WorkTree};
use plan::settings::Settings;
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

/// Every finding with its place and message, for comparing whole reports.
fn report(repo: &Repo, args: &[&str]) -> Vec<(String, String, usize, usize, String)> {
    repo.check(args)
        .findings
        .into_iter()
        .map(|f| (f.rule, f.file, f.line, f.column, f.message))
        .collect()
}

/// The same report with no cache at all.
fn uncached(repo: &Repo, args: &[&str]) -> Vec<(String, String, usize, usize, String)> {
    let _ = std::fs::remove_dir_all(repo.file(".git/plan-cache"));
    let found = report(repo, args);
    let _ = std::fs::remove_dir_all(repo.file(".git/plan-cache"));
    found
}

/// [`merge_request`], with Lucat depending on Canvas's system instead: a change to
/// Canvas, which the branch does not report on, shows in Lucat's findings.
fn lucat_on_canvas() -> Repo {
    let repo = merge_request();
    repo.write(
        LUCAT,
        depending_on(&baseline_for("lucat"), &["canvas/ladok"]),
    );
    repo.commit_all("Lucat depends on Canvas");
    repo
}

#[test]
fn cached_runs_report_what_an_uncached_run_reports() {
    let repo = lucat_on_canvas();
    // A cache of the first (JSON) format is not read, and goes.
    repo.write(".git/plan-cache/entries.json", "{}");
    let args = ["--changed-since", "main"];
    let first = report(&repo, &args);
    assert!(repo.file(".git/plan-cache/entries.bin").is_file());
    assert!(!repo.file(".git/plan-cache/entries.json").exists());
    assert_eq!(report(&repo, &args), first, "entries found by blob id");
    assert_eq!(first, uncached(&repo, &args));

    // Canvas changes in the work tree: the system Lucat depends on is gone, which
    // the cross-object rules must see.
    repo.write(
        CANVAS,
        replace_once(&baseline_for("canvas"), "id = \"ladok\"", "id = \"moodle\""),
    );
    let after = report(&repo, &args);
    assert!(
        after
            .iter()
            .any(|f| f.0 == "deps/unknown" && f.1 == LUCAT && f.4.contains("canvas/ladok")),
        "{after:?}"
    );
    assert_eq!(after, uncached(&repo, &args));
}

// Runs in this process, through a source that notes what it reads: the real work
// tree or git revision underneath, so what the cache spares is seen, not assumed.

/// A [`Source`] that notes every file read through it.
struct Counting<'s> {
    inner: &'s dyn Source,
    read: Mutex<Vec<String>>,
}

impl Counting<'_> {
    fn note(&self, path: &str) {
        self.read
            .lock()
            .expect("not poisoned")
            .push(path.to_string());
    }
}

impl Source for Counting<'_> {
    fn describe(&self) -> plan::i18n::Msg {
        self.inner.describe()
    }

    fn read(&self, path: &str) -> anyhow::Result<Option<Vec<u8>>> {
        self.note(path);
        self.inner.read(path)
    }

    fn read_tagged(&self, path: &str) -> anyhow::Result<Option<(Vec<u8>, Option<Fingerprint>)>> {
        self.note(path);
        self.inner.read_tagged(path)
    }

    fn fingerprint(&self, path: &str) -> Option<Fingerprint> {
        self.inner.fingerprint(path)
    }

    fn list_objects(&self) -> anyhow::Result<Listing> {
        self.inner.list_objects()
    }

    fn list_objects_reusing(&self, known: &DirListings) -> anyhow::Result<(Listing, DirListings)> {
        self.inner.list_objects_reusing(known)
    }
}

/// The work tree, or the tree of a revision.
fn source(repo: &Repo, rev: Option<&str>) -> Box<dyn Source> {
    match rev {
        None => Box::new(WorkTree::new(repo.path()).expect("the work tree")),
        Some(rev) => Box::new(
            GitSource::revision(GitRepo::open(repo.path()).expect("git"), rev)
                .expect("the revision"),
        ),
    }
}

/// One check of `selection` (of the work tree, or of `rev`), as `plan check` makes
/// it, with the repository's cache. The cache is opened as a run three seconds from
/// now would open it, so that the stat data of files the test has just written
/// counts as settled (older than two seconds) without waiting. Returns the JSON
/// report and the files read (each once, sorted).
fn cached_run(repo: &Repo, rev: Option<&str>, selection: &Selection) -> (String, Vec<String>) {
    let source = source(repo, rev);
    let counting = Counting {
        inner: source.as_ref(),
        read: Mutex::default(),
    };
    let git = GitRepo::open(repo.path()).expect("git");
    let later = SystemTime::now() + Duration::from_secs(3);
    let cache = Cache::open_at(&git, later);
    assert!(cache.is_some(), "the cache is in .git/");
    let outcome = check_cached(
        &counting,
        &settings(source.as_ref()),
        today(),
        selection,
        cache,
    )
    .expect("checked");
    let mut read = counting.read.into_inner().expect("not poisoned");
    read.sort();
    read.dedup();
    (json::render(&outcome, Lang::En), read)
}

/// The same check without a cache.
fn uncached_run(repo: &Repo, rev: Option<&str>, selection: &Selection) -> String {
    let source = source(repo, rev);
    let outcome = check(
        source.as_ref(),
        &settings(source.as_ref()),
        today(),
        selection,
    )
    .expect("checked");
    json::render(&outcome, Lang::En)
}

fn settings(source: &dyn Source) -> Settings {
    Settings::load(source).expect("plan.toml loads")
}

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("a date")
}

/// Lucat reported on, as `--changed-since main` selects it on [`lucat_on_canvas`].
fn lucat() -> Selection {
    Selection {
        objects: Some(["lucat".to_string()].into()),
        ..Selection::default()
    }
}

#[test]
fn a_second_run_reads_only_the_files_it_reports_on() {
    let repo = lucat_on_canvas();
    let (first, read) = cached_run(&repo, None, &lucat());
    assert_eq!(read, [CANVAS, PLAN, LUCAT]);
    assert_eq!(first, uncached_run(&repo, None, &lucat()));

    // Ladok and Canvas are known by their stat data, their entries by blob id:
    // only Lucat, which is reported on, is read.
    let (second, read) = cached_run(&repo, None, &lucat());
    assert_eq!(read, [LUCAT]);
    assert_eq!(second, first);

    // Canvas changes: it is read again, and the cross-object rules see the change
    // (the system Lucat depends on is gone).
    repo.write(
        CANVAS,
        replace_once(&baseline_for("canvas"), "id = \"ladok\"", "id = \"moodle\""),
    );
    let (after, read) = cached_run(&repo, None, &lucat());
    assert_eq!(read, [CANVAS, LUCAT]);
    assert_contains(&after, "deps/unknown");
    assert_eq!(after, uncached_run(&repo, None, &lucat()));
    let (_, read) = cached_run(&repo, None, &lucat());
    assert_eq!(read, [LUCAT]);
}

#[test]
fn from_a_revision_blob_ids_spare_reading_unchanged_files() {
    let repo = lucat_on_canvas();
    let (first, read) = cached_run(&repo, Some("HEAD"), &lucat());
    assert_eq!(read, [CANVAS, PLAN, LUCAT]);
    let (second, read) = cached_run(&repo, Some("HEAD"), &lucat());
    assert_eq!(read, [LUCAT]);
    assert_eq!(second, first);
    assert_eq!(first, uncached_run(&repo, Some("HEAD"), &lucat()));
}

#[test]
fn a_file_added_to_a_folder_whose_listing_was_kept_is_seen() {
    let repo = lucat_on_canvas();
    let canvas = Selection {
        paths: vec!["objects/canvas".into()],
        ..Selection::default()
    };
    cached_run(&repo, None, &canvas);
    assert!(repo.file(".git/plan-cache/dirs.bin").is_file());
    repo.write("objects/canvas/anteckningar.txt", "inte en plan");
    let (with_note, _) = cached_run(&repo, None, &canvas);
    assert_contains(&with_note, "\"objects/canvas/anteckningar.txt\"");
    assert_eq!(with_note, uncached_run(&repo, None, &canvas));
}

#[test]
fn a_corrupt_or_foreign_cache_is_ignored() {
    let repo = lucat_on_canvas();
    let args = ["--changed-since", "main"];
    let first = report(&repo, &args);
    // A cache with entries, stat data and folder listings.
    cached_run(&repo, None, &lucat());
    let entries = repo.read_bytes(".git/plan-cache/entries.bin");
    let dirs = repo.read_bytes(".git/plan-cache/dirs.bin");
    // Another version of the tool: the same files naming another version.
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let other = |bytes: &[u8]| {
        let at = bytes
            .windows(version.len())
            .position(|w| w == version)
            .expect("the version in the header");
        let mut other = bytes.to_vec();
        other[at] = b'9';
        other
    };
    for (what, entries, dirs) in [
        (
            "truncated",
            entries[..entries.len() / 2].to_vec(),
            dirs[..dirs.len() / 2].to_vec(),
        ),
        ("garbage", b"\0\x01not a cache".to_vec(), b"{}".to_vec()),
        ("another version", other(&entries), other(&dirs)),
        ("swapped", dirs.clone(), entries.clone()),
    ] {
        repo.write(".git/plan-cache/entries.bin", &entries);
        repo.write(".git/plan-cache/dirs.bin", &dirs);
        assert_eq!(report(&repo, &args), first, "with a {what} cache");
    }
}
