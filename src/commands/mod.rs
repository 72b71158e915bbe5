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

use crate::repo::Source;
use chrono::{Datelike, NaiveDate};

/// The year a one-year command works on when given no `--year` (SPEC §5): the year
/// of `today`; where the repository has no plan of that year but has plans of the
/// next (the planning season, November–December), the next year, said on stderr.
pub fn default_year(source: &dyn Source, today: NaiveDate) -> anyhow::Result<i32> {
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
            eprintln!(
                "note: using {next}: there are no plans for {this} yet, but there are for {next} (pass --year to choose)",
                next = this + 1
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
    let hint = match crate::diag::did_you_mean(object, objects.iter().map(String::as_str)) {
        Some(near) => format!("; did you mean `{near}`?"),
        None if objects.is_empty() => "; the repository has no plans yet".to_string(),
        None => format!(" (objects: {})", list_some(&objects)),
    };
    anyhow::anyhow!("no object `{object}`: there is no objects/{object}/<year>.toml{hint}")
}

/// Up to ten names, then how many more.
fn list_some(names: &std::collections::BTreeSet<String>) -> String {
    let shown: Vec<&str> = names.iter().take(10).map(String::as_str).collect();
    match names.len().saturating_sub(shown.len()) {
        0 => shown.join(", "),
        more => format!("{}, and {more} more", shown.join(", ")),
    }
}
