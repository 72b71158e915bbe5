//! The write paths on a mutated repository (issue 11): the input, split at the first
//! NUL byte, is two plans of 2027 (objects `ladok` and `other`), written into a real
//! temporary plan repository on disk; then `plan attest ladok` and `plan new-year`
//! run on it in-process, as the binary runs them.
//!
//! Neither may panic. A refused attest leaves the plan byte for byte as it was, and
//! an attest that succeeds leaves valid TOML; a failed new-year leaves no draft (all
//! or none); and neither leaves a lock, a temporary file or a run record behind.

#![no_main]

use libfuzzer_sys::fuzz_target;
use plan::cli::Globals;
use plan::commands::{attest, new_year};
use plan::output::ColorChoice;
use plan_fuzz::{today, CONFIGS};
use std::fs;
use std::path::{Path, PathBuf};

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(2, |&b| b == 0);
    let ladok = parts.next().unwrap_or_default();
    let other = parts.next();
    let dir = std::env::temp_dir().join(format!("plan-fuzz-writes-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let plan = dir.join("objects/ladok/2027.toml");
    fs::create_dir_all(plan.parent().expect("a folder")).expect("folders");
    fs::write(dir.join("plan.toml"), CONFIGS[0]).expect("plan.toml");
    fs::write(&plan, ladok).expect("a plan");
    if let Some(other) = other {
        fs::create_dir_all(dir.join("objects/other")).expect("a folder");
        fs::write(dir.join("objects/other/2027.toml"), other).expect("a plan");
    }
    let globals = Globals {
        repo: Some(dir.clone()),
        today: today(),
        color: ColorChoice::Never,
    };

    let attested = attest::run(
        attest::Args {
            object: "ladok".into(),
            system: None,
            year: Some(2027),
        },
        &globals,
    );
    let after = fs::read(&plan).expect("the plan is still there");
    match attested {
        Err(e) => {
            std::hint::black_box(format!("{e:#}"));
            assert_eq!(after, ladok, "a refused attest changed the plan");
        }
        Ok(_) => {
            let text = String::from_utf8(after).expect("an attested plan is UTF-8");
            assert!(
                toml::de::DeTable::parse(&text).is_ok(),
                "an attested plan does not parse:\n{text}"
            );
        }
    }
    leaves_nothing_behind(&dir);

    let ran = new_year::run(
        new_year::Args {
            from: Some(2027),
            to: None,
            dry_run: false,
            commit: false,
        },
        &globals,
    );
    if let Err(e) = ran {
        std::hint::black_box(format!("{e:#}"));
        for object in ["ladok", "other"] {
            assert!(
                !dir.join(format!("objects/{object}/2028.toml")).exists(),
                "a failed new-year left a draft for {object}"
            );
        }
    }
    leaves_nothing_behind(&dir);
    let _ = fs::remove_dir_all(&dir);
});

/// No lock file, temporary file or run record anywhere in the repository.
fn leaves_nothing_behind(dir: &Path) {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".lock") || name.ends_with(".tmp") || name == ".plan-new-year" {
                out.push(path.clone());
            }
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                walk(&path, out);
            }
        }
    }
    let mut left = Vec::new();
    walk(dir, &mut left);
    assert!(left.is_empty(), "left behind: {left:?}");
}
