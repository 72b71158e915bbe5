//! Command-line types: the global flags and the subcommands.

use crate::commands;
use crate::i18n::{Fail, Lang};
use crate::output::ColorChoice;
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

mod usage;

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

impl Cli {
    /// The command line; a mistake in it is told in the repository's language and
    /// ends the program with exit 2 (`--help` and `--version` are clap's own).
    pub fn from_args() -> Cli {
        <Cli as Parser>::try_parse().unwrap_or_else(|err| usage::exit(err))
    }
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

    /// [`Globals::language`] for a command that reads no settings, and for an error,
    /// where the repository may not even be found: the `language` of the repository
    /// at `--repo` or above the current folder, read alone; English outside one.
    pub fn repo_language(&self) -> Lang {
        language_at(self.lang, self.repo.as_deref())
    }

    /// The language `plan init` speaks, its refusals too: `--lang` or `PLAN_LANG`,
    /// else Swedish — it makes a Swedish repository (`language = "sv"`), and there is
    /// none yet whose `language` to ask.
    pub fn init_language(&self) -> Lang {
        init_language(self.lang)
    }
}

/// `flag` (`--lang` or `PLAN_LANG`), else Swedish: the language of `plan init`
/// (see [`Globals::init_language`]), its command-line mistakes too.
pub(crate) fn init_language(flag: Option<Lang>) -> Lang {
    flag.unwrap_or(Lang::Sv)
}

/// `flag` (`--lang` or `PLAN_LANG`), else the `language` of the repository at `repo`
/// or above the current folder, read alone (only when no flag says it), else English.
pub(crate) fn language_at(flag: Option<Lang>, repo: Option<&std::path::Path>) -> Lang {
    Lang::resolve(
        flag,
        flag.is_none()
            .then(|| crate::settings::peek_language(repo))
            .flatten(),
    )
}

fn parse_lang(s: &str) -> Result<Lang, Fail> {
    Lang::from_code(s).ok_or_else(|| Fail(crate::msg!("usage-not-a-language", value = s)))
}

fn parse_date(s: &str) -> Result<NaiveDate, Fail> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| Fail(crate::msg!("usage-not-a-date", value = s)))
}

/// A year given on the command line (four digits).
pub fn parse_year(s: &str) -> Result<i32, Fail> {
    match s.parse::<i32>() {
        Ok(y) if (1900..=9999).contains(&y) && s.len() == 4 => Ok(y),
        _ => Err(Fail(crate::msg!("usage-not-a-year", value = s))),
    }
}

/// A whole number from `low` to `high` given on the command line (`--organisation-model 3`).
pub fn parse_in_range(s: &str, low: i64, high: i64) -> Result<i64, Fail> {
    match s.parse::<i64>() {
        Ok(n) if (low..=high).contains(&n) => Ok(n),
        _ => Err(Fail(crate::msg!(
            "usage-not-in-range",
            value = s,
            low = low,
            high = high
        ))),
    }
}
