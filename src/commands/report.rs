//! `plan report`: tables across the repository for the steering group.

use crate::cli::{parse_year, Globals};
use crate::diag::did_you_mean_hint;
use crate::repo::{self, WorkTree};
use crate::report::{self, render, Rows};
use crate::settings::Settings;
use anyhow::{bail, Result};
use chrono::Datelike;
use std::process::ExitCode;

/// Tables across the repository: upgrades, dependencies, deviations, roles.
///
///   upgrades     the year's upgrade schedule, with the objects that depend on each
///                upgraded system (tell them a week ahead); --format ics for a calendar
///   deps         what depends on what; --reverse OBJECT: who is hit when OBJECT is
///                down or upgraded (directly or through others); --format mermaid or
///                dot for a picture
///   deviations   everything the steering group must hear about: checklist answers
///                no and partial, systems of established plans whose appendix 3 is
///                not attested or stale, overdue activities, past upgrades still
///                planned, budget overruns, missing required roles; most urgent
///                first; --overdue, --owner ROLE and --object OBJECT narrow it
///   roles        who holds which role in each object
///
/// Examples:
///   plan report upgrades --year 2027
///   plan report deps --reverse lucat
///   plan report deps --format mermaid >> status.md
///   plan report deviations --format csv > avvikelser.csv
///   plan report deviations --overdue --owner systemforvaltare
///   plan report upgrades --format ics > uppgraderingar.ics
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Which report
    #[arg(value_enum)]
    pub kind: Kind,

    /// The plan year (default: the year of --today)
    #[arg(long, value_name = "YEAR", value_parser = parse_year)]
    pub year: Option<i32>,

    /// Output format (mermaid and dot for deps, ics for upgrades)
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// With deps: the dependencies through which OBJECT reaches others
    #[arg(long, value_name = "OBJECT")]
    pub reverse: Option<String>,

    /// With deviations: only the overdue ones
    #[arg(long)]
    pub overdue: bool,

    /// With deviations: only those owned by ROLE (a role id of the role model)
    #[arg(long, value_name = "ROLE")]
    pub owner: Option<String>,

    /// With deviations: only those of OBJECT
    #[arg(long, value_name = "OBJECT")]
    pub object: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    Upgrades,
    Deps,
    Deviations,
    Roles,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    Markdown,
    Mermaid,
    Dot,
    Ics,
}

pub fn run(args: Args, globals: &Globals) -> Result<ExitCode> {
    match (args.kind, args.format) {
        (Kind::Deps, Format::Ics)
        | (Kind::Upgrades | Kind::Deviations | Kind::Roles, Format::Mermaid | Format::Dot) => {
            bail!(
                "--format {:?} is not available for `report {:?}`",
                args.format,
                args.kind
            )
        }
        (Kind::Deviations | Kind::Roles, Format::Ics) => {
            bail!("--format ics is available for `report upgrades` only")
        }
        _ => {}
    }
    if args.reverse.is_some() && args.kind != Kind::Deps {
        bail!("--reverse goes with `report deps`");
    }
    if (args.overdue || args.owner.is_some() || args.object.is_some())
        && args.kind != Kind::Deviations
    {
        bail!("--overdue, --owner and --object go with `report deviations`");
    }
    let root = repo::find_root(globals.repo.as_deref())?;
    let source = WorkTree::new(&root)?;
    let settings = Settings::load(&source)?;
    let year_number = args.year.unwrap_or_else(|| globals.today.year());
    let year = report::load::year(&source, year_number)?;
    if year.plans.is_empty() {
        eprintln!("note: no plans for {year_number} (objects/<object>/{year_number}.toml)");
    }
    let text = match args.kind {
        Kind::Upgrades => {
            let rows = report::upgrades::rows(&year, &settings.config);
            if args.format == Format::Ics {
                report::upgrades::ics(
                    &rows,
                    &settings.config,
                    &settings.config.organisation,
                    year_number,
                    globals.today,
                )
            } else {
                tabular(&rows, args.format)
            }
        }
        Kind::Deps => {
            let rows = match &args.reverse {
                Some(object) => {
                    if year.index().object(object).is_none() {
                        bail!("no object `{object}` has a plan for {year_number}");
                    }
                    report::deps::reverse(&year, object)
                }
                None => report::deps::rows(&year),
            };
            match args.format {
                Format::Mermaid => report::deps::mermaid(&rows),
                Format::Dot => report::deps::dot(&rows),
                format => tabular(&rows, format),
            }
        }
        Kind::Deviations => {
            let model = &settings.roles;
            if let Some(owner) = args.owner.as_deref() {
                if model.role(owner).is_none() {
                    let ids = model.roles.iter().map(|r| r.id.as_str());
                    bail!(
                        "role model {} has no role `{owner}`{}",
                        model.name,
                        did_you_mean_hint(owner, ids)
                    );
                }
            }
            if let Some(object) = args.object.as_deref() {
                if year.index().object(object).is_none() {
                    let objects = year.plans.iter().map(|p| p.object.as_str());
                    bail!(
                        "no object `{object}` has a plan for {year_number}{}",
                        did_you_mean_hint(object, objects)
                    );
                }
            }
            let filter = report::deviations::Filter {
                overdue: args.overdue,
                owner: args.owner.as_deref(),
                object: args.object.as_deref(),
            };
            let rows = report::deviations::rows(&year, model, globals.today, &filter);
            tabular(&rows, args.format)
        }
        Kind::Roles => tabular(&report::roles::rows(&year), args.format),
    };
    crate::output::emit(&text);
    Ok(ExitCode::SUCCESS)
}

fn tabular<R: Rows>(rows: &[R], format: Format) -> String {
    match format {
        Format::Json => render::json(rows),
        Format::Csv => render::csv(rows),
        Format::Markdown => render::markdown(rows),
        _ => render::table(rows),
    }
}
