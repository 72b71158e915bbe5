//! Command-line types: the global flags and the subcommands.

use crate::commands;
use crate::i18n::Lang;
use crate::output::ColorChoice;
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Förvaltningsplaner as code: check, report and roll over the yearly management
/// plans of IT systems kept as TOML files in git.
///
/// A plan repository holds plan.toml and one file per management object and year,
/// objects/<object>/<year>.toml. Run `plan check` before you commit; CI runs it on
/// every merge request.
#[derive(Debug, Parser)]
#[command(name = "plan", version, max_term_width = 100)]
pub struct Cli {
    /// The plan repository (default: the nearest folder upward with a plan.toml)
    #[arg(long, global = true, value_name = "DIR")]
    pub repo: Option<PathBuf>,

    /// The date date-relative rules use, e.g. 2027-04-01 (default: today)
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// When to colour output (with auto: NO_COLOR, CLICOLOR_FORCE and CLICOLOR are honoured)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// The language of texts for people: sv or en (default: plan.toml's `language`,
    /// else English)
    #[arg(long, global = true, env = "PLAN_LANG", value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(commands::init::Args),
    New(commands::new::Args),
    NewYear(commands::new_year::Args),
    Check(commands::check::Args),
    Report(commands::report::Args),
    Import(commands::import::Args),
    Attest(commands::attest::Args),
    Hook(commands::hook::Args),
    Codeowners(commands::codeowners::Args),
    Log(commands::log::Args),
    Diff(commands::diff::Args),
    Rule(commands::rule::Args),
    Schema(commands::schema::Args),
    Site(commands::site::Args),
    Completions(commands::completions::Args),
}

/// What every command may need from the global flags.
pub struct Globals {
    pub repo: Option<PathBuf>,
    pub today: NaiveDate,
    pub color: ColorChoice,
    /// `--lang` or `PLAN_LANG`; [`Globals::language`] weighs it against plan.toml.
    pub lang: Option<Lang>,
}

impl Globals {
    /// The language in force for a repository: the flag, `PLAN_LANG`, the
    /// repository's `language`, English.
    pub fn language(&self, settings: &crate::settings::Settings) -> Lang {
        Lang::resolve(self.lang, settings.config.language)
    }

    /// [`Globals::language`] for a command that reads no settings: the repository
    /// at `root`'s `language`, read alone.
    pub fn language_at(&self, root: &std::path::Path) -> Lang {
        Lang::resolve(self.lang, crate::settings::peek_language(Some(root)))
    }

    /// [`Globals::language`] for an error, where the repository may not even be
    /// found: `--repo`'s (or the current folder's) `language` if there is one.
    pub fn language_of_error(&self) -> Lang {
        Lang::resolve(
            self.lang,
            crate::settings::peek_language(self.repo.as_deref()),
        )
    }
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| format!("`{s}` is not a language of plan: sv or en"))
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date like 2027-04-01"))
}

/// A year given on the command line (four digits).
pub fn parse_year(s: &str) -> Result<i32, String> {
    match s.parse::<i32>() {
        Ok(y) if (1900..=9999).contains(&y) && s.len() == 4 => Ok(y),
        _ => Err(format!("`{s}` is not a year like 2027")),
    }
}
