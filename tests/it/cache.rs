//! The cache under `.git/plan-cache/` that `--changed-since` and PATH runs use for
//! the files they do not report on: it saves time and never changes what is
//! reported, and a corrupt or foreign cache is ignored.

use crate::support::*;

const LUCAT: &str = "objects/lucat/2027.toml";
const CANVAS: &str = "objects/canvas/2027.toml";

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

/// main: Ladok, Lucat and Canvas. Branch `mr` (HEAD): Lucat depends on Canvas's
/// system.
fn merge_request() -> Repo {
    let repo = Repo::with_plan(baseline());
    repo.write(LUCAT, baseline_for("lucat"));
    repo.write(CANVAS, baseline_for("canvas"));
    repo.commit_all("Plans for 2027");
    repo.git(&["checkout", "--quiet", "-b", "mr"]);
    repo.write(
        LUCAT,
        replace_once(
            &baseline_for("lucat"),
            "test_environment = true\n",
            "test_environment = true\ndepends_on = [\"canvas/ladok\"]\n",
        ),
    );
    repo.commit_all("Lucat depends on Canvas");
    repo
}

#[test]
fn cached_runs_report_what_an_uncached_run_reports() {
    let repo = merge_request();
    // A cache of the first (JSON) format is not read, and goes.
    repo.write(".git/plan-cache/entries.json", "{}");
    let args = ["--changed-since", "main"];
    let first = report(&repo, &args);
    assert!(repo.file(".git/plan-cache/entries.bin").is_file());
    assert!(!repo.file(".git/plan-cache/entries.json").exists());
    assert_eq!(report(&repo, &args), first, "entries found by blob id");
    // Stat data and folder listings are kept once they are two seconds old; the
    // runs after that recognise unchanged files and folders without reading them.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    assert_eq!(report(&repo, &args), first);
    assert!(repo.file(".git/plan-cache/dirs.bin").is_file());
    assert_eq!(report(&repo, &args), first, "entries found by stat data");
    assert_eq!(first, uncached(&repo, &args));

    // Canvas changes in the work tree, not reported on itself: the system Lucat
    // depends on is gone, which the cross-object rules must see.
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

    // A file added to a folder whose listing was kept is seen.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    assert_eq!(
        report(&repo, &["objects/canvas"]),
        uncached(&repo, &["objects/canvas"])
    );
    report(&repo, &["objects/canvas"]);
    repo.write("objects/canvas/anteckningar.txt", "inte en plan");
    let with_note = report(&repo, &["objects/canvas"]);
    assert!(
        with_note
            .iter()
            .any(|f| f.0 == "layout" && f.1 == "objects/canvas/anteckningar.txt"),
        "{with_note:?}"
    );
    assert_eq!(with_note, uncached(&repo, &["objects/canvas"]));
}

#[test]
fn a_corrupt_or_foreign_cache_is_ignored() {
    let repo = merge_request();
    let args = ["--changed-since", "main"];
    let first = report(&repo, &args);
    // Folder listings are kept once they are two seconds old.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    assert_eq!(report(&repo, &args), first);
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
