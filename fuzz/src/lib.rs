//! What both fuzz targets share: an in-memory plan repository (a [`Source`] over a
//! map of files), the settings of the built-in role models, and the renderers run on
//! every result.

use anyhow::Result;
use plan::diag::Finding;
use plan::diag::Outcome;
use plan::repo::{Listing, Source};
use plan::settings::Settings;
use std::collections::BTreeMap;
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
    fn describe(&self) -> String {
        "memory".into()
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

/// Runs every renderer on a check's findings; none may panic.
pub fn render_all(outcome: &Outcome) {
    let findings: &[Finding] = &outcome.findings;
    std::hint::black_box(plan::output::human::render(outcome, false));
    std::hint::black_box(plan::output::human::render(outcome, true));
    std::hint::black_box(plan::output::json::render(outcome));
    std::hint::black_box(plan::output::junit::render(outcome, true, ""));
    std::hint::black_box(plan::output::gitlab::render(findings, ""));
    std::hint::black_box(plan::output::github::render(findings, ""));
    std::hint::black_box(plan::output::sarif::render(findings, ""));
}
