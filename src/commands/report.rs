//! `plan report`: tables across the repository for the steering group.

use crate::cli::{parse_year, Globals};
use crate::diag::did_you_mean_hint;
use crate::repo::{self, WorkTree};
use crate::report::{self, render, Rows, Sheet};
use crate::settings::Settings;
use anyhow::{bail, Result};
use chrono::Datelike;
use std::path::PathBuf;
use std::process::ExitCode;

/// Tables across the repository: upgrades, dependencies, deviations, roles, systems.
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
///   systems      the system register: every system with supplier, hosting,
///                lifecycle, classification, contract, the plan's status and one
///                column per role (what RegIT or LuSyFer list)
///
/// --format xlsx writes a workbook for a spreadsheet program; it needs --output.
///
/// Examples:
///   plan report upgrades --year 2027
///   plan report deps --reverse lucat
///   plan report deps --format mermaid >> status.md
///   plan report deviations --format csv > avvikelser.csv
///   plan report deviations --overdue --owner systemforvaltare
///   plan report upgrades --format ics > uppgraderingar.ics
///   plan report systems --format xlsx --output systemregister.xlsx
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Which report
    #[arg(value_enum)]
    pub kind: Kind,

    /// The plan year (default: the year of --today)
    #[arg(long, value_name = "YEAR", value_parser = parse_year)]
    pub year: Option<i32>,

    /// Output format (mermaid and dot for deps, ics for upgrades; xlsx needs --output)
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Write the report to FILE instead of standard output (replaced whole if it exists)
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,

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
    Systems,
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
    Xlsx,
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
        (Kind::Deviations | Kind::Roles | Kind::Systems, Format::Ics) => {
            bail!("--format ics is available for `report upgrades` only")
        }
        _ => {}
    }
    if args.reverse.is_some() && args.kind != Kind::Deps {
        bail!("--reverse goes with `report deps`");
    }
    if args.format == Format::Xlsx && args.output.is_none() {
        bail!("--format xlsx writes a workbook, not text: name the file with --output FILE, e.g. --output report.xlsx");
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
    let name = args.kind.name();
    let bytes = match args.kind {
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
                .into_bytes()
            } else {
                tabular(&rows, args.format, name)?
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
                Format::Mermaid => report::deps::mermaid(&rows).into_bytes(),
                Format::Dot => report::deps::dot(&rows).into_bytes(),
                format => tabular(&rows, format, name)?,
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
            tabular(&rows, args.format, name)?
        }
        Kind::Roles => tabular(&report::roles::rows(&year), args.format, name)?,
        Kind::Systems => {
            let rows = report::systems::rows(&year, &settings.roles);
            match args.format {
                Format::Json => render::json(&rows).into_bytes(),
                format => grid(
                    &report::systems::sheet(&rows, &settings.roles),
                    format,
                    name,
                )?,
            }
        }
    };
    match &args.output {
        Some(file) => crate::fsio::write_report(file, &bytes)?,
        None => crate::output::emit(&String::from_utf8_lossy(&bytes)),
    }
    Ok(ExitCode::SUCCESS)
}

impl Kind {
    /// The report's name, as on the command line (an XLSX sheet's name).
    fn name(self) -> &'static str {
        match self {
            Kind::Upgrades => "upgrades",
            Kind::Deps => "deps",
            Kind::Deviations => "deviations",
            Kind::Roles => "roles",
            Kind::Systems => "systems",
        }
    }
}

fn tabular<R: Rows>(rows: &[R], format: Format, name: &str) -> Result<Vec<u8>> {
    match format {
        Format::Json => Ok(render::json(rows).into_bytes()),
        format => grid(&Sheet::of(rows), format, name),
    }
}

/// A sheet in a grid format: CSV, Markdown, XLSX, or else a terminal table.
fn grid(sheet: &Sheet, format: Format, name: &str) -> Result<Vec<u8>> {
    Ok(match format {
        Format::Csv => render::csv(sheet).into_bytes(),
        Format::Markdown => render::markdown(sheet).into_bytes(),
        Format::Xlsx => report::xlsx::workbook(sheet, name)?,
        _ => render::table(sheet).into_bytes(),
    })
}
