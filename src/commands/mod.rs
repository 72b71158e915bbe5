//! One module per subcommand: its arguments (whose doc comments are the help text)
//! and a `run` function returning the exit code.

pub mod attest;
pub mod check;
pub mod codeowners;
pub mod completions;
pub mod diff;
pub mod hook;
pub mod import;
pub mod init;
pub mod log;
pub mod new;
pub mod new_year;
pub mod report;
pub mod rule;
pub mod schema;
pub mod site;

use crate::cli::Globals;
use crate::i18n::Lang;
use crate::repo::{Source, WorkTree};
use crate::settings::Settings;
use chrono::{Datelike, NaiveDate};
use std::path::PathBuf;

/// A plan repository opened for a command that works on its plans: the
/// repository at `--repo` or above the current folder, its work tree, its settings
/// and the language in force.
pub struct Opened {
    pub root: PathBuf,
    pub source: WorkTree,
    pub settings: Settings,
    pub lang: Lang,
}

impl Opened {
    pub fn new(globals: &Globals) -> anyhow::Result<Opened> {
        let root = crate::repo::find_root(globals.repo.as_deref())?;
        let source = WorkTree::new(&root)?;
        let settings = Settings::load(&source)?;
        let lang = globals.language(&settings);
        Ok(Opened {
            root,
            source,
            settings,
            lang,
        })
    }

    /// The year given with `--year`, else [`default_year`].
    pub fn year(&self, given: Option<i32>, today: NaiveDate) -> anyhow::Result<i32> {
        match given {
            Some(year) => Ok(year),
            None => default_year(&self.source, today, self.lang),
        }
    }
}

/// The year a one-year command works on when given no `--year` (SPEC §5): the year
/// of `today`; where the repository has no plan of that year but has plans of the
/// next (the planning season, November–December), the next year, said on stderr.
pub fn default_year(source: &dyn Source, today: NaiveDate, lang: Lang) -> anyhow::Result<i32> {
    let this = today.year();
    let mut has = (false, false);
    for file in source.list_objects()?.files {
        match crate::layout::classify(&file) {
            Ok((_, y)) if y == this => has.0 = true,
            Ok((_, y)) if y == this + 1 => has.1 = true,
            _ => {}
        }
    }
    Ok(match has {
        (false, true) => {
            crate::output::note(
                lang,
                crate::msg!("note-next-year", year = this, next = this + 1),
            );
            this + 1
        }
        _ => this,
    })
}

/// The years of an object's plans, oldest first.
pub fn object_years(source: &dyn Source, object: &str) -> anyhow::Result<Vec<i32>> {
    let mut years: Vec<i32> = source
        .list_objects()?
        .files
        .iter()
        .filter_map(|f| crate::layout::classify(f).ok())
        .filter(|(o, _)| o == object)
        .map(|(_, y)| y)
        .collect();
    years.sort();
    Ok(years)
}

/// The error for an object id no plan file has: exit 2, with the nearest object id
/// of the repository as a did-you-mean.
pub fn unknown_object(source: &dyn Source, object: &str) -> anyhow::Error {
    let objects: std::collections::BTreeSet<String> = source
        .list_objects()
        .map(|l| l.files)
        .unwrap_or_default()
        .iter()
        .filter_map(|f| crate::layout::classify(f).ok())
        .map(|(o, _)| o)
        .collect();
    let message = match crate::diag::did_you_mean(object, objects.iter().map(String::as_str)) {
        Some(near) => crate::msg!("error-unknown-object-suggest", object = object, name = near),
        None if objects.is_empty() => crate::msg!("error-unknown-object-no-plans", object = object),
        None => {
            let shown: Vec<&str> = objects.iter().take(10).map(String::as_str).collect();
            crate::msg!(
                "error-unknown-object",
                object = object,
                objects = shown.join(", "),
                more = objects.len() - shown.len()
            )
        }
    };
    crate::i18n::Fail(message).into()
}

/// The error for a folder name that is no object id: exit 2, with the id it could
/// be.
pub fn bad_object_id(object: &str) -> anyhow::Error {
    crate::i18n::Fail(crate::msg!(
        "error-object-id",
        object = object,
        suggestion = crate::layout::suggest_id(object)
    ))
    .into()
}
