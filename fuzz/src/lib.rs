//! The fuzz targets of `plan` and what they share: an in-memory plan repository (a
//! [`Source`] over a map of files), the settings of the built-in role models, and the
//! renderers run on every result.
//!
//! Each target is a plain function of the input bytes, so that the same code runs
//! under `cargo fuzz` (fuzz_targets/, with libFuzzer), as a plain binary replaying
//! files (the same targets built without cargo fuzz: `cargo run --bin check_file --
//! corpus/check_file`), and in `cargo test` of the main crate, which includes this
//! file (tests/it/fuzz.rs) and replays the corpus, so the targets cannot rot. Items
//! refer to each other without `crate::` for that reason.

use anyhow::Result;
use plan::cli::Globals;
use plan::commands::{attest, new_year};
use plan::diag::{Finding, Outcome, Span};
use plan::engine::{check, Selection};
use plan::i18n::Lang;
use plan::model::{Plan, Tbl};
use plan::output::ColorChoice;
use plan::repo::{Listing, Source};
use plan::settings::Settings;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The date every fuzz run checks at (date-relative rules are deterministic).
pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2027, 3, 1).expect("a date")
}

/// A plan repository held in memory: repository-relative path → bytes.
#[derive(Default)]
pub struct MemSource {
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Source for MemSource {
    fn describe(&self) -> plan::i18n::Msg {
        plan::i18n::Msg::verbatim("memory")
    }

    fn read(&self, path: &str) -> Result<Option<Vec<u8>>> {
        plan::repo::safe_relative(path)?;
        Ok(self.files.get(path).cloned())
    }

    fn list_objects(&self) -> Result<Listing> {
        Ok(Listing {
            files: self
                .files
                .keys()
                .filter(|p| p.starts_with("objects/"))
                .cloned()
                .collect(),
            problems: Vec::new(),
        })
    }
}

/// plan.toml of each built-in role model.
pub const CONFIGS: [&str; 2] = [
    "organisation = \"Fuzzuniversitetet\"\nrole_model = \"pm3-lu\"\n\
     service_windows = { weekday = \"saturday\", nth = 1 }\n",
    "organisation = \"Fuzzkommunen\"\nrole_model = \"municipal\"\nannounce_days = 14\n\
     service_windows = { weekday = \"tuesday\", nth = 2 }\n",
];

/// The resolved settings of [`CONFIGS`], loaded once.
pub fn settings() -> &'static [Settings] {
    static SETTINGS: OnceLock<Vec<Settings>> = OnceLock::new();
    SETTINGS.get_or_init(|| {
        CONFIGS
            .iter()
            .map(|config| {
                let mut source = MemSource::default();
                source
                    .files
                    .insert("plan.toml".into(), config.as_bytes().to_vec());
                Settings::load(&source).expect("the built-in configurations load")
            })
            .collect()
    })
}

/// Runs every renderer, in both languages, on a check's findings; none may panic.
/// `texts` gives the files' text for the human format's snippets.
pub fn render_all(outcome: &Outcome, texts: &plan::output::human::Texts<'_>) {
    let findings: &[Finding] = &outcome.findings;
    for lang in [Lang::En, Lang::Sv] {
        std::hint::black_box(plan::output::human::render(outcome, texts, false, lang));
        std::hint::black_box(plan::output::human::render(outcome, texts, true, lang));
        std::hint::black_box(plan::output::json::render(outcome, lang));
        std::hint::black_box(plan::output::junit::render(outcome, true, "", lang));
        for format in [
            plan::output::gitlab::write,
            plan::output::github::write,
            plan::output::sarif::write,
        ] {
            std::hint::black_box(plan::output::render_findings(format, findings, "", lang));
        }
    }
}

/// Replays inputs through a target: each file named on the command line, or each
/// file in a folder named there (a corpus). A panic is a failure, as under libFuzzer.
pub fn replay(target: fn(&[u8])) {
    let mut count = 0;
    for arg in std::env::args_os().skip(1) {
        for file in inputs(Path::new(&arg)) {
            let bytes = fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            target(&bytes);
            count += 1;
        }
    }
    eprintln!("replayed {count} inputs");
}

/// The files of a corpus folder, sorted (or the one file named).
pub fn inputs(path: &Path) -> Vec<PathBuf> {
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
    let mut files: Vec<PathBuf> = fs::read_dir(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .map(|e| e.expect("a folder entry").path())
        .collect();
    files.sort();
    files
}

// --- check_file ---------------------------------------------------------------------

const CHECK_FILE_PATH: &str = "objects/ladok/2027.toml";

/// Arbitrary bytes as one plan file: decode, parse, schema and every single-file
/// rule under both built-in role models, the appendix-3 digest and attestation
/// blockers, and every renderer on the findings.
pub fn check_file(data: &[u8]) {
    let file = plan::checks::PlanFile {
        path: CHECK_FILE_PATH,
        object: "ladok",
        year: 2027,
        bytes: data,
    };
    for settings in settings() {
        let report = plan::checks::check_file(settings, today(), file, plan::checks::nothing);
        for f in &report.findings {
            assert!(
                f.line >= 1 && f.column >= 1,
                "a finding without a position: {f:?}"
            );
        }
        let outcome = Outcome {
            findings: report.findings,
            files: vec![CHECK_FILE_PATH.to_string()],
        };
        render_all(&outcome, &|_| Some(plan::diag::text_of(data).to_string()));
        for system in ["ladok", ""] {
            std::hint::black_box(plan::checks::attest_blockers(
                settings,
                today(),
                file,
                system,
            ));
        }
    }
    // The digest `plan attest` records, over whatever answers the file holds.
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(root) = toml::de::DeTable::parse(text) {
            let plan = Plan::from_tree(Tbl::new(root.get_ref(), Span::START));
            for system in &plan.systems {
                if let Some(a3) = &system.appendix3 {
                    std::hint::black_box(plan::model::digest::of_answers(&a3.answers));
                }
            }
        }
    }
}

// --- repo -----------------------------------------------------------------------------

const MAX_FILES: usize = 5;

/// A small whole repository: the input is split at NUL bytes into up to five files
/// of one year, checked by the real engine, so the cross-object rules (deps/unknown,
/// deps/cycle, deps/retired, upgrade/clash…) see fuzzed dependency graphs.
///
/// The first byte picks the role model (its lowest bit). Each file's path is
/// `objects/<object>/2027.toml`, where `<object>` is the file's own `object = "…"`
/// value when it has one (so dependencies between files resolve), else `o<n>`. A file
/// that starts with a line `#> PATH` is stored at PATH instead (plan.toml, a custom
/// role model, a misplaced file…).
pub fn repo(data: &[u8]) {
    let Some((&pick, data)) = data.split_first() else {
        return;
    };
    let mut source = MemSource::default();
    for (n, chunk) in data.split(|&b| b == 0).take(MAX_FILES).enumerate() {
        let (path, bytes) = match explicit_path(chunk) {
            Some((path, rest)) => (path, rest),
            None => (format!("objects/{}/2027.toml", object_of(chunk, n)), chunk),
        };
        source.files.entry(path).or_insert_with(|| bytes.to_vec());
    }
    let own;
    let settings: &Settings = if source.files.contains_key("plan.toml") {
        // A fuzzed plan.toml: loading it may fail, but never panic.
        match Settings::load(&source) {
            Ok(loaded) => {
                own = loaded;
                &own
            }
            Err(e) => {
                std::hint::black_box(format!("{e:#}"));
                return;
            }
        }
    } else {
        let model = usize::from(pick & 1);
        source
            .files
            .insert("plan.toml".into(), CONFIGS[model].as_bytes().to_vec());
        &settings()[model]
    };
    let selections = [
        Selection::default(),
        Selection {
            year: Some(2027),
            paths: vec!["objects/o1".into()],
            objects: None,
        },
    ];
    for selection in &selections {
        if let Ok(outcome) = check(&source, settings, today(), selection) {
            for f in &outcome.findings {
                assert!(
                    f.line >= 1 && f.column >= 1,
                    "a finding without a position: {f:?}"
                );
            }
            render_all(&outcome, &|file| {
                let bytes = source.files.get(file)?;
                Some(plan::diag::text_of(bytes).to_string())
            });
        }
    }
}

/// `#> PATH\n…`: the path the chunk asks for, and the rest.
fn explicit_path(chunk: &[u8]) -> Option<(String, &[u8])> {
    let rest = chunk.strip_prefix(b"#> ")?;
    let end = rest.iter().position(|&b| b == b'\n')?;
    let path = std::str::from_utf8(&rest[..end]).ok()?;
    Some((path.trim().to_string(), &rest[end + 1..]))
}

/// The value of the first `object = "…"` line, when it is a plausible folder name.
fn object_of(chunk: &[u8], n: usize) -> String {
    let text = String::from_utf8_lossy(chunk);
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("object"))
        .filter_map(|l| l.trim_start().strip_prefix('='))
        .map(|v| v.trim().trim_matches('"'))
        .find(|v| !v.is_empty() && v.len() <= 63 && !v.contains(['/', '\\', '.']))
        .map_or_else(|| format!("o{n}"), str::to_string)
}

// --- writes ---------------------------------------------------------------------------

/// The write paths on a mutated repository (issue 11): the input, split at the first
/// NUL byte, is two plans of 2027 (objects `ladok` and `other`), written into a real
/// temporary plan repository on disk; then `plan attest ladok` and `plan new-year`
/// run on it in-process, as the binary runs them.
///
/// Neither may panic. A refused attest leaves the plan byte for byte as it was, and
/// an attest that succeeds leaves valid TOML; a failed new-year leaves no draft (all
/// or none); and neither leaves a lock, a temporary file or a run record behind.
pub fn writes(data: &[u8]) {
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
        lang: None,
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
}

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
