//! Reading one year's plans for a report.

use crate::index::{ObjectEntry, YearIndex};
use crate::layout::classify;
use crate::model::Plan;
use crate::repo::Source;
use anyhow::Result;
use rayon::prelude::*;

/// One plan of the year.
pub struct Loaded {
    pub file: String,
    pub object: String,
    pub plan: Plan,
}

/// The year's plans, sorted by object, with the dependency index over them.
pub struct Year {
    pub year: i32,
    pub plans: Vec<Loaded>,
    pub entries: Vec<ObjectEntry>,
}

impl Year {
    pub fn index(&self) -> YearIndex<'_> {
        YearIndex::new(self.year, &self.entries)
    }

    /// Every dependency in the year: (object, system, dependency), sorted.
    pub fn edges(&self) -> Vec<(&str, &str, &crate::index::Dep)> {
        edges(&self.entries)
    }
}

/// Every dependency of these index entries: (object, system, dependency), sorted.
pub fn edges(entries: &[ObjectEntry]) -> Vec<(&str, &str, &crate::index::Dep)> {
    let mut edges: Vec<_> = entries
        .iter()
        .flat_map(|e| {
            e.systems.iter().flat_map(move |s| {
                s.deps
                    .iter()
                    .map(move |d| (e.object.as_str(), s.id.as_str(), d))
            })
        })
        .collect();
    edges.sort_by(|a, b| (a.0, a.1, &a.2.target, a.2.via).cmp(&(b.0, b.1, &b.2.target, b.2.via)));
    edges
}

/// Reads the plans of `year`. A file that cannot be parsed is named on stderr (run
/// `plan check` for details), never skipped silently.
pub fn year(source: &dyn Source, year: i32, lang: crate::i18n::Lang) -> Result<Year> {
    let listing = source.list_objects()?;
    let wanted: Vec<(&String, String)> = listing
        .files
        .iter()
        .filter_map(|path| match classify(path) {
            Ok((object, y)) if y == year => Some((path, object)),
            _ => None,
        })
        .collect();
    // Parsed on every core (tens of thousands of plans in a large repository); the
    // files left out are named in the listing's order.
    let parsed: Vec<Result<Option<Loaded>>> = wanted
        .into_par_iter()
        .map(|(path, object)| {
            let bytes = source.read(path)?.unwrap_or_default();
            // Too large, not UTF-8 or not TOML: left out (`plan check` says why).
            Ok(crate::model::parse::parse(&bytes)
                .ok()
                .map(|parsed| Loaded {
                    file: path.clone(),
                    object,
                    plan: parsed.plan(),
                }))
        })
        .collect();
    let mut plans = Vec::new();
    for (result, path) in parsed.into_iter().zip(
        listing
            .files
            .iter()
            .filter(|p| classify(p).is_ok_and(|(_, y)| y == year)),
    ) {
        match result? {
            Some(loaded) => plans.push(loaded),
            None => crate::output::left_out(lang, path),
        }
    }
    plans.sort_by(|a, b| a.object.cmp(&b.object));
    let entries = plans
        .iter()
        .map(|p| ObjectEntry::from_plan(&p.file, &p.object, year, &p.plan))
        .collect();
    Ok(Year {
        year,
        plans,
        entries,
    })
}
