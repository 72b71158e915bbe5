//! `plan diff`: what changed in an object's plan from one year to the next.

use crate::cli::{parse_year, Globals};
use crate::layout::is_id;
use crate::plandiff::{self, Kind};
use crate::repo::{self, Source, WorkTree};
use anyhow::Result;
use std::process::ExitCode;

/// What changed between two years' plans of an object: roles, systems, upgrades,
/// answers, every value by its path.
///
/// Elements of lists are matched by identity (systems by id, upgrades by system
/// and date, activities by id), so reordering is not a change.
///
/// Examples:
///   plan diff ladok --from 2026 --to 2027
///   plan diff ladok                 the two newest years
#[derive(Debug, clap::Args)]
// The usage line of an error lists what was given as if it were required
// (`--year <YEAR>`): a fixed one keeps the optional flags optional.
#[command(verbatim_doc_comment, override_usage = "plan diff [OPTIONS] <OBJECT>")]
pub struct Args {
    /// The object id (folder under objects/)
    pub object: String,

    /// The earlier year (default: the year before --to that has a plan)
    #[arg(long, value_name = "YEAR", value_parser = parse_year)]
    pub from: Option<i32>,

    /// The later year (default: the year of --today, or the next year in the planning
    /// season; the newest plan when the object has no plan of that year)
    #[arg(long, value_name = "YEAR", value_parser = parse_year)]
    pub to: Option<i32>,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn run(args: Args, globals: &Globals) -> Result<ExitCode> {
    if !is_id(&args.object) {
        return Err(super::bad_object_id(&args.object));
    }
    let root = repo::find_root(globals.repo.as_deref())?;
    let source = WorkTree::new(&root)?;
    let lang = globals.repo_language();
    let years = super::object_years(&source, &args.object)?;
    if years.is_empty() {
        return Err(super::unknown_object(&source, &args.object));
    }
    let to = match args.to {
        Some(to) => to,
        // The year a one-year command works on, where the object has a plan of it;
        // else its newest plan.
        None => {
            let year = super::default_year(&source, globals.today, lang)?;
            if years.contains(&year) {
                year
            } else {
                *years.last().expect("not empty")
            }
        }
    };
    let from = args
        .from
        .or_else(|| years.iter().rev().find(|y| **y < to).copied())
        .ok_or_else(|| {
            crate::i18n::Fail(crate::msg!(
                "error-diff-nothing-before",
                object = &args.object,
                year = to
            ))
        })?;
    let load = |year: i32| -> Result<toml::Table> {
        let path = format!("objects/{}/{year}.toml", args.object);
        let bytes = source
            .read(&path)?
            .ok_or_else(|| crate::i18n::Fail(crate::msg!("error-diff-missing", file = &path)))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| crate::i18n::Fail(crate::msg!("error-diff-not-utf8", file = &path)))?;
        toml::from_str(&text).map_err(|e| {
            crate::i18n::Fail(crate::msg!(
                "error-diff-not-toml",
                file = &path,
                why = e.message()
            ))
            .into()
        })
    };
    let changes = plandiff::diff(&load(from)?, &load(to)?);
    match args.format {
        Format::Json => crate::outln!("{}", serde_json::to_string_pretty(&changes)?),
        Format::Text => {
            crate::outln!(
                "{}",
                crate::tr!(
                    lang,
                    "diff-heading",
                    object = &args.object,
                    from = from,
                    to = to,
                    changes = changes.len()
                )
            );
            for c in &changes {
                match c.change {
                    Kind::Added => crate::outln!(
                        "  + {}{}",
                        c.path,
                        c.to.as_ref()
                            .map_or(String::new(), |v| format!(" = {}", plandiff::display(v)))
                    ),
                    Kind::Removed => crate::outln!(
                        "  - {}{}",
                        c.path,
                        c.from
                            .as_ref()
                            .map_or(String::new(), |v| format!(" = {}", plandiff::display(v)))
                    ),
                    Kind::Changed => crate::outln!(
                        "  ~ {}: {} → {}",
                        c.path,
                        c.from.as_ref().map(plandiff::display).unwrap_or_default(),
                        c.to.as_ref().map(plandiff::display).unwrap_or_default()
                    ),
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
