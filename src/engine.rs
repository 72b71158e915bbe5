//! Checking a whole repository: which files, every rule on each (in parallel), the
//! configured severities, and a deterministic order.

use crate::cache::{self, Cache};
use crate::checks;
use crate::diag::rules::layout::LAYOUT;
use crate::diag::{Finding, LineIndex, Outcome, Span};
use crate::hash::HashSet;
use crate::index::{ObjectEntry, YearIndex};
use crate::layout::classify;
use crate::repo::{Listing, Source};
use crate::settings::Settings;
use anyhow::Result;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::BTreeMap;

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
        self.under_paths(path)
    }

    /// Whether a path is under the PATHs given (all are when none are).
    fn under_paths(&self, path: &str) -> bool {
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

/// Checks the selected plan files of a source.
pub fn check(
    source: &dyn Source,
    settings: &Settings,
    today: NaiveDate,
    selection: &Selection,
) -> Result<Outcome> {
    check_cached(source, settings, today, selection, None)
}

/// [`check`], taking the index entries of files that are not reported on from a
/// cache where it knows their content, and storing what it learns in it.
pub fn check_cached(
    source: &dyn Source,
    settings: &Settings,
    today: NaiveDate,
    selection: &Selection,
    cache: Option<Cache>,
) -> Result<Outcome> {
    let listing = list(source, cache.as_ref())?;
    let checked = check_listed(source, listing, settings, today, selection, cache, &nothing)?;
    Ok(checked.outcome)
}

/// The `keep` of [`check_listed`] for a caller that needs only the findings.
pub fn nothing(_: &Kept<'_>) {}

/// One plan that parsed, as the check saw it.
pub struct Kept<'a> {
    pub file: &'a str,
    pub object: &'a str,
    pub year: i32,
    pub plan: &'a crate::model::Plan,
}

/// A check, with what the caller kept of each plan and the index entries of the
/// plans read.
pub struct Checked<T> {
    pub outcome: Outcome,
    /// Per year, in the listing's order; an unreadable plan has an entry too.
    pub entries: BTreeMap<i32, Vec<ObjectEntry>>,
    /// What `keep` returned for each reported plan that parsed, in the listing's order.
    pub kept: Vec<T>,
}

/// [`check`], handing each reported plan that parses, typed, to `keep` right after
/// its rules ran (in parallel, on the thread that checked it): a command that needs
/// more of the plans than their findings (`plan site`) parses each file once and
/// holds only what it keeps.
pub fn check_keeping<T: Send>(
    source: &dyn Source,
    settings: &Settings,
    today: NaiveDate,
    selection: &Selection,
    keep: &(dyn Fn(&Kept<'_>) -> T + Sync),
) -> Result<Checked<T>> {
    let listing = list(source, None)?;
    check_listed(source, listing, settings, today, selection, None, keep)
}

/// What lies under `objects/`, through the folder listings of a cache where there is
/// one (and recording this run's for it).
pub fn list(source: &dyn Source, cache: Option<&Cache>) -> Result<Listing> {
    Ok(match cache {
        Some(cache) => {
            let (listing, dirs) = source.list_objects_reusing(cache.dirs())?;
            cache.record_dirs(dirs);
            listing
        }
        None => source.list_objects()?,
    })
}

/// [`check_cached`] on a listing already made by [`list`], handing each reported
/// plan that parses to `keep` as [`check_keeping`] does ([`nothing`]: findings only).
pub fn check_listed<T: Send>(
    source: &dyn Source,
    listing: Listing,
    settings: &Settings,
    today: NaiveDate,
    selection: &Selection,
    cache: Option<Cache>,
    keep: &(dyn Fn(&Kept<'_>) -> T + Sync),
) -> Result<Checked<T>> {
    let mut findings: Vec<Finding> = Vec::new();
    // An entry under `objects/` that cannot hold a plan, where it is reported on.
    let mut misplaced = |path: &String, why: crate::i18n::Msg| {
        if selection.wants_path(path) {
            let f = Finding::new(&LAYOUT, LAYOUT.severity, path.as_str(), Span::START, why);
            findings.push(f);
        }
    };
    for (path, why) in &listing.problems {
        misplaced(path, why.clone());
    }
    // Every plan of a year in the selection is read: cross-object rules see the whole
    // year, even when only some files are reported on. Other years are not needed.
    let mut plans = Vec::new();
    for path in &listing.files {
        match classify(path) {
            Ok((object, year)) => {
                if selection.year.is_some_and(|want| want != year) {
                    continue;
                }
                let wanted = selection.wants(path, &object, year);
                plans.push((path, object, year, wanted))
            }
            Err(why) => misplaced(path, why),
        }
    }
    let mut files: Vec<String> = findings.iter().map(|f| f.file.to_string()).collect();
    files.extend(plans.iter().filter(|p| p.3).map(|p| p.0.clone()));
    // The cache serves runs that report on some files only (--changed-since,
    // PATHs): a full check reads every file anyway.
    let cache = cache.filter(|_| plans.iter().any(|p| !p.3));
    let per_file: Vec<Result<checks::FileReport<T>>> = plans
        .par_iter()
        .map(|(path, object, year, reported)| {
            let plan = PlanFile {
                path,
                object,
                year: *year,
            };
            if *reported {
                plan.check(source, settings, today, cache.as_ref(), keep)
            } else {
                plan.entry(source, cache.as_ref())
            }
        })
        .collect();
    if let Some(cache) = cache {
        cache.save(plans.iter().map(|p| p.0.as_str()), selection.year.is_none());
    }
    // The findings' list made at its size once, not grown by copying (issue 17).
    let reported_findings = per_file.iter().zip(&plans).filter(|(_, p)| p.3);
    findings.reserve_exact(
        reported_findings
            .filter_map(|(report, _)| report.as_ref().ok())
            .map(|report| report.findings.len())
            .sum(),
    );
    let mut entries: BTreeMap<i32, Vec<ObjectEntry>> = BTreeMap::new();
    let mut kept = Vec::new();
    for (result, (path, object, year, reported)) in per_file.into_iter().zip(&plans) {
        let report = result?;
        kept.extend(report.kept);
        if *reported {
            findings.extend(report.findings);
        }
        // An unreadable plan still says the object exists: no `deps/unknown` on
        // the plans that depend on it, only its own `parse` finding.
        let entry = report
            .entry
            .unwrap_or_else(|| ObjectEntry::unreadable(path, object, *year));
        entries.entry(*year).or_default().push(entry);
    }
    let reported: HashSet<&str> = plans.iter().filter(|p| p.3).map(|p| p.0.as_str()).collect();
    // A branch can break objects it did not change (it drops a plan they depend on,
    // closes a cycle): with --changed-since, cross-object findings are reported on
    // the objects that depend, directly or through others, on a changed one too.
    let dependants = selection
        .objects
        .as_ref()
        .map(|changed| dependants(&entries, changed))
        .unwrap_or_default();
    let cross: Vec<Finding> = entries
        .iter()
        .flat_map(|(year, entries)| {
            // (Plans of years other than --year are not read: every entry is of it.)
            let wanted = |file: &str| {
                reported.contains(file)
                    || (dependants.contains(file) && selection.under_paths(file))
            };
            checks::deps::check_year(&YearIndex::new(*year, entries), &wanted)
                .into_iter()
                .filter(move |f| wanted(&f.file))
        })
        .collect();
    files.extend(cross.iter().map(|f| f.file.to_string()));
    files.sort();
    files.dedup();
    findings.extend(locate(source, cross)?);
    let mut outcome = Outcome {
        findings: Vec::new(),
        files,
    };
    outcome.add(findings, &settings.severities);
    Ok(Checked {
        outcome,
        entries,
        kept,
    })
}

/// The files of the plans that depend, directly or through other objects, on one of
/// `changed` in their year.
fn dependants(
    entries: &BTreeMap<i32, Vec<ObjectEntry>>,
    changed: &std::collections::BTreeSet<String>,
) -> HashSet<String> {
    let mut out = HashSet::default();
    for year in entries.values() {
        let mut users: crate::hash::HashMap<&str, Vec<&ObjectEntry>> = Default::default();
        for entry in year {
            for dep in entry.systems.iter().flat_map(|s| &s.deps) {
                users.entry(dep.split().0).or_default().push(entry);
            }
        }
        let mut queue: Vec<&str> = changed.iter().map(String::as_str).collect();
        let mut seen: HashSet<&str> = queue.iter().copied().collect();
        while let Some(object) = queue.pop() {
            for user in users.get(object).into_iter().flatten() {
                if seen.insert(&user.object) {
                    out.insert(user.file.clone());
                    queue.push(&user.object);
                }
            }
        }
    }
    out
}

/// One plan file to look at.
struct PlanFile<'a> {
    path: &'a str,
    object: &'a str,
    year: i32,
}

impl PlanFile<'_> {
    fn read(&self, source: &dyn Source) -> Result<(Vec<u8>, Option<crate::repo::Fingerprint>)> {
        source.read_tagged(self.path)?.ok_or_else(|| {
            crate::i18n::Fail(crate::msg!("error-disappeared", file = self.path)).into()
        })
    }

    /// Every rule on a file that is reported on; what `keep` makes of its plan.
    fn check<T>(
        &self,
        source: &dyn Source,
        settings: &Settings,
        today: NaiveDate,
        cache: Option<&Cache>,
        keep: &(dyn Fn(&Kept<'_>) -> T + Sync),
    ) -> Result<checks::FileReport<T>> {
        let (bytes, fingerprint) = self.read(source)?;
        let file = checks::PlanFile {
            path: self.path,
            object: self.object,
            year: self.year,
            bytes: &bytes,
        };
        let report = checks::check_file(settings, today, file, |plan| {
            keep(&Kept {
                file: self.path,
                object: self.object,
                year: self.year,
                plan,
            })
        });
        if let Some(cache) = cache {
            let id = cache
                .known_id(self.path, fingerprint)
                .unwrap_or_else(|| cache::blob_id(&bytes));
            cache.record(self.path, fingerprint, id, report.entry.as_ref());
        }
        Ok(report)
    }

    /// Only the index entry of a file that is not reported on (cross-object rules
    /// need it): from the cache when it knows the content, else parsed.
    fn entry<T>(
        &self,
        source: &dyn Source,
        cache: Option<&Cache>,
    ) -> Result<checks::FileReport<T>> {
        let placed = |entry: Option<ObjectEntry>| checks::FileReport {
            findings: Vec::new(),
            entry: entry.map(|e| e.placed(self.path, self.object, self.year)),
            kept: None,
        };
        let Some(cache) = cache else {
            let (bytes, _) = self.read(source)?;
            return Ok(placed(ObjectEntry::parse(
                self.path,
                self.object,
                self.year,
                &bytes,
            )));
        };
        let fingerprint = source.fingerprint(self.path);
        if let Some(id) = cache.known_id(self.path, fingerprint) {
            if let Some(entry) = cache.entry(id) {
                cache.record(self.path, fingerprint, id, entry.as_ref());
                return Ok(placed(entry));
            }
        }
        let (bytes, fingerprint) = self.read(source)?;
        let id = cache
            .known_id(self.path, fingerprint)
            .unwrap_or_else(|| cache::blob_id(&bytes));
        let entry = match cache.entry(id) {
            Some(entry) => entry,
            None => ObjectEntry::parse(self.path, self.object, self.year, &bytes),
        };
        cache.record(self.path, fingerprint, id, entry.as_ref());
        Ok(placed(entry))
    }
}

/// Gives cross-object findings their line and column, reading each file concerned once.
fn locate(source: &dyn Source, mut findings: Vec<Finding>) -> Result<Vec<Finding>> {
    findings.sort_by(|a, b| a.file.cmp(&b.file));
    for group in findings.chunk_by_mut(|a, b| a.file == b.file) {
        let bytes = source.read(&group[0].file)?.unwrap_or_default();
        let index = LineIndex::new(crate::diag::text_of(&bytes));
        for f in group {
            f.locate(&index);
        }
    }
    Ok(findings)
}
