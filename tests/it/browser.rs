//! The sites of both examples in a real browser: Debian's chromium, headless, driven
//! by tests/browser/check-site.mjs (puppeteer-core and axe-core from npm): WCAG 2.1
//! A and AA with no violation, every internal link and #anchor resolving, no
//! request leaving 127.0.0.1, no console error, no sideways scrolling at 360 px and
//! 1280 px (at 360 px not even a table inside its region: its rows are cards), and
//! an object page printed to an A4 PDF (SPEC §10) whose small sections share pages
//! while the fastställande and each system's bilaga 3 get their own.
//!
//! Needs Debian's chromium (`apt-get install chromium`; `.ci/run` installs it) and
//! Node.js; it runs `npm ci` in tests/browser when its packages are missing. Without
//! them the test fails and says so; `PLAN_SKIP_BROWSER_TEST=1` skips
//! it on purpose. `PLAN_SCREENSHOTS=docs` also saves the screenshots README shows.

use crate::support::{plan_command, run, Repo, TODAY};
use std::path::Path;
use std::process::Command;

#[test]
fn the_sites_of_both_examples_pass_the_browser_test() {
    if std::env::var_os("PLAN_SKIP_BROWSER_TEST").is_some_and(|v| v == "1") {
        eprintln!("PLAN_SKIP_BROWSER_TEST=1: the browser test is skipped");
        return;
    }
    let project = Path::new(env!("CARGO_MANIFEST_DIR"));
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "{chromium} is missing: install it (`apt-get install -y chromium`), point CHROMIUM at \
         a chromium, or set PLAN_SKIP_BROWSER_TEST=1 to skip this test on purpose"
    );
    let browser = project.join("tests/browser");
    let installed = || {
        browser.join("node_modules/puppeteer-core").exists()
            && browser.join("node_modules/axe-core").exists()
    };
    if !installed() {
        // The locked versions of package-lock.json, from the npm registry.
        let npm = Command::new("npm")
            .current_dir(&browser)
            .args(["ci", "--no-audit", "--no-fund"])
            .status();
        assert!(
            npm.is_ok_and(|status| status.success()) && installed(),
            "`npm ci` in tests/browser failed: install Node.js and npm, or set \
             PLAN_SKIP_BROWSER_TEST=1 to skip this test on purpose"
        );
    }

    // The university in Swedish, the municipality in English: both catalogues seen.
    let sites = tempfile::tempdir().expect("a temporary folder");
    let mut dirs = Vec::new();
    for (example, lang) in [("universitet", "sv"), ("kommun", "en")] {
        let repo = Repo::copy_of(&format!("examples/{example}"));
        let out = sites.path().join(example);
        let mut cmd = plan_command();
        cmd.arg("--repo")
            .arg(repo.path())
            .args(["--today", TODAY, "--lang", lang, "site", "--out"])
            .arg(&out);
        let made = run(&mut cmd);
        assert_eq!(made.code, 0, "plan site failed: {made:?}");
        dirs.push(out);
    }

    let mut node = Command::new("node");
    node.current_dir(&browser)
        .arg("check-site.mjs")
        .args(&dirs)
        .env("CHROMIUM", &chromium);
    if let Some(shots) = std::env::var_os("PLAN_SCREENSHOTS") {
        node.env("SCREENSHOTS", project.join(shots));
    }
    let out = node
        .output()
        .expect("node runs (install Node.js, or set PLAN_SKIP_BROWSER_TEST=1)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stdout.contains(", 0 problems"),
        "the browser found problems:\n{stdout}\n{stderr}"
    );
}
