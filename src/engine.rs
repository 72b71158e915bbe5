//! Checking a whole repository: which files, every rule on each (in parallel), the
//! configured severities, and a deterministic order.

use crate::checks::{self, classify};
use crate::diag::{Finding, LineIndex, Severity, Span};
use crate::index::{ObjectEntry, YearIndex};
use crate::repo::Source;
use crate::settings::Settings;
use anyhow::Result;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};

/// Which files to report on.
#[derive(Default)]
pub struct Selection {
    /// Only files of this year.
    pub year: Option<i32>,
    /// Only files under these repository-relative paths (a file or a folder).
    pub paths: Vec<String>,
    /// Only these objects (`--changed-since`); None: every object.
    pub objects: Option<std::collections::BTreeSet<String>>,
}

impl Selection {
    fn wants(&self, path: &str, object: &str, year: i32) -> bool {
        self.year.is_none_or(|want| want == year)
            && self.objects.as_ref().is_none_or(|o| o.contains(object))
            && self.wants_path(path)
    }

    /// Whether a path is under the selected paths. Entries that are not plan files
    /// have no year; they are reported whatever `--year` says, never skipped.
    fn wants_path(&self, path: &str) -> bool {
        let object = path.split('/').nth(1).unwrap_or_default();
        if self.objects.as_ref().is_some_and(|o| !o.contains(object)) {
            return false;
        }
        self.paths.is_empty()
            || self.paths.iter().any(|p| {
                let p = p.trim_end_matches('/');
                p.is_empty()
                    || path == p
                    || path
                        .strip_prefix(p)
                        .is_some_and(|rest| rest.starts_with('/'))
            })
    }
}

/// The result of a check.
pub struct Outcome {
    /// Findings in file, line, column, rule order.
    pub findings: Vec<Finding>,
    /// The files reported on, sorted.
    pub files: Vec<String>,
}

impl Outcome {
    /// Adds findings with their configured severity (dropping those of rules turned
    /// off), keeping the order file, line, column, rule.
    pub fn add(&mut self, findings: Vec<Finding>, settings: &Settings) {
        self.findings
            .extend(findings.into_iter().filter_map(|mut f| {
                f.severity = settings.severity(f.rule, f.severity)?;
                Some(f)
            }));
        self.findings
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// Checks the selected plan files of a source.
pub fn check(
    source: &dyn Source,
    settings: &Settings,
    today: NaiveDate,
    selection: &Selection,
) -> Result<Outcome> {
    let listing = source.list_objects()?;
    let mut findings: Vec<Finding> = Vec::new();
    for (path, why) in &listing.problems {
        if selection.wants_path(path) {
            findings.push(Finding::new(
                "layout",
                Severity::Error,
                path,
                Span::START,
                why.clone(),
            ));
        }
    }
    // Every plan of a year in the selection is read: cross-object rules see the whole
    // year, even when only some files are reported on.
    let mut plans = Vec::new();
    for path in &listing.files {
        match classify(path) {
            Ok((object, year)) => {
                let wanted = selection.wants(path, &object, year);
                plans.push((path, object, year, wanted))
            }
            Err(why) => {
                if selection.wants_path(path) {
                    findings.push(Finding::new(
                        "layout",
                        Severity::Error,
                        path,
                        Span::START,
                        why,
                    ));
                }
            }
        }
    }
    let mut files: Vec<String> = findings.iter().map(|f| f.file.clone()).collect();
    files.extend(plans.iter().filter(|p| p.3).map(|p| p.0.clone()));
    files.sort();
    let per_file: Vec<Result<checks::FileReport>> = plans
        .par_iter()
        .map(|(path, object, year, _)| {
            let bytes = source
                .read(path)?
                .ok_or_else(|| anyhow::anyhow!("{path} disappeared while checking"))?;
            Ok(checks::check_file(
                settings, today, path, object, *year, &bytes,
            ))
        })
        .collect();
    let mut entries: BTreeMap<i32, Vec<ObjectEntry>> = BTreeMap::new();
    for (result, (_, _, year, reported)) in per_file.into_iter().zip(&plans) {
        let report = result?;
        if *reported {
            findings.extend(report.findings);
        }
        if let Some(entry) = report.entry {
            entries.entry(*year).or_default().push(entry);
        }
    }
    let reported: HashSet<&str> = plans.iter().filter(|p| p.3).map(|p| p.0.as_str()).collect();
    let cross: Vec<Finding> = entries
        .iter()
        .flat_map(|(year, entries)| checks::deps::check_year(&YearIndex::new(*year, entries)))
        .filter(|f| reported.contains(f.file.as_str()))
        .collect();
    findings.extend(locate(source, cross)?);
    let mut outcome = Outcome {
        findings: Vec::new(),
        files,
    };
    outcome.add(findings, settings);
    Ok(outcome)
}

/// Gives cross-object findings their line and column, reading each file concerned once.
fn locate(source: &dyn Source, mut findings: Vec<Finding>) -> Result<Vec<Finding>> {
    findings.sort_by(|a, b| a.file.cmp(&b.file));
    for group in findings.chunk_by_mut(|a, b| a.file == b.file) {
        let bytes = source.read(&group[0].file)?.unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        let index = LineIndex::new(&text);
        for f in group {
            f.locate(&index);
        }
    }
    Ok(findings)
}
