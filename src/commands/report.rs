//! `plan report`: tables across the repository for the steering group.

use crate::cli::{parse_year, Globals};
use crate::diag::did_you_mean;
use crate::i18n::Lang;
use crate::report::{self, render, Rows, Sheet};
use crate::schema::RoleModel;
use anyhow::Result;
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
// The usage line of an error lists what was given as if it were required
// (`--year <YEAR>`): a fixed one keeps the optional flags optional.
#[command(verbatim_doc_comment, override_usage = "plan report [OPTIONS] <KIND>")]
pub struct Args {
    /// Which report
    #[arg(value_enum)]
    pub kind: Kind,

    /// The plan year (default: the year of --today; in the planning season, the next
    /// year when only it has plans)
    #[arg(long, value_name = "YEAR", value_parser = parse_year)]
    pub year: Option<i32>,

    /// Output format (mermaid and dot for deps, ics for upgrades; xlsx needs --output)
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Write the report to FILE instead of standard output (replaced whole if it exists)
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// With deps: who is hit when OBJECT is down or upgraded, i.e. the objects that
    /// depend on it, directly or through others
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

/// A value as it is written on the command line (`mermaid`, `deviations`).
fn name(value: impl clap::ValueEnum) -> String {
    value
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string())
}

pub fn run(args: Args, globals: &Globals) -> Result<ExitCode> {
    match (args.kind, args.format) {
        (Kind::Deps, Format::Ics)
        | (Kind::Upgrades | Kind::Deviations | Kind::Roles, Format::Mermaid | Format::Dot) => {
            crate::fail!(
                "error-report-format",
                format = name(args.format),
                report = name(args.kind)
            )
        }
        (Kind::Deviations | Kind::Roles | Kind::Systems, Format::Ics) => {
            crate::fail!("error-report-ics")
        }
        _ => {}
    }
    if args.reverse.is_some() && args.kind != Kind::Deps {
        crate::fail!("error-report-reverse");
    }
    if args.format == Format::Xlsx && args.output.is_none() {
        crate::fail!("error-report-xlsx-output");
    }
    if (args.overdue || args.owner.is_some() || args.object.is_some())
        && args.kind != Kind::Deviations
    {
        crate::fail!("error-report-deviations-flags");
    }
    let opened = super::Opened::new(globals)?;
    let lang = opened.lang;
    let year_number = opened.year(args.year, globals.today)?;
    let people = People {
        lang,
        model: &opened.settings.roles,
    };
    let year = report::load::year(&opened.source, year_number, lang)?;
    if year.plans.is_empty() {
        crate::output::note(lang, crate::msg!("note-no-plans", year = year_number));
    }
    let name = args.kind.name();
    let bytes = match args.kind {
        Kind::Upgrades => {
            let rows = report::upgrades::rows(&year, &opened.settings.config);
            if args.format == Format::Ics {
                report::upgrades::ics(
                    &rows,
                    &opened.settings.config,
                    &opened.settings.config.organisation,
                    year_number,
                    globals.today,
                    lang,
                )
                .into_bytes()
            } else {
                tabular(&rows, args.format, name, &people)?
            }
        }
        Kind::Deps => {
            let rows = match &args.reverse {
                Some(object) => {
                    if year.index().object(object).is_none() {
                        return Err(no_plan_of(&year, object, year_number));
                    }
                    report::deps::reverse(&year, object)
                }
                None => report::deps::rows(&year),
            };
            match args.format {
                Format::Mermaid => report::deps::mermaid(&rows).into_bytes(),
                Format::Dot => report::deps::dot(&rows).into_bytes(),
                format => tabular(&rows, format, name, &people)?,
            }
        }
        Kind::Deviations => {
            let model = &opened.settings.roles;
            if let Some(owner) = args.owner.as_deref() {
                if model.role(owner).is_none() {
                    let ids = model.roles.iter().map(|r| r.id.as_str());
                    match did_you_mean(owner, ids) {
                        Some(near) => crate::fail!(
                            "error-no-role-suggest",
                            model = model.name.as_str(),
                            role = owner,
                            name = near
                        ),
                        None => {
                            crate::fail!("error-no-role", model = model.name.as_str(), role = owner)
                        }
                    }
                }
            }
            if let Some(object) = args.object.as_deref() {
                if year.index().object(object).is_none() {
                    return Err(no_plan_of(&year, object, year_number));
                }
            }
            let filter = report::deviations::Filter {
                overdue: args.overdue,
                owner: args.owner.as_deref(),
                object: args.object.as_deref(),
            };
            let rows = report::deviations::rows(&year, model, globals.today, &filter, lang);
            tabular(&rows, args.format, name, &people)?
        }
        Kind::Roles => tabular(&report::roles::rows(&year), args.format, name, &people)?,
        Kind::Systems => {
            let rows = report::systems::rows(&year, &opened.settings.roles);
            match args.format {
                Format::Json => render::json(&rows).into_bytes(),
                format => grid(
                    &report::systems::sheet(&rows, &opened.settings.roles),
                    format,
                    name,
                    &people,
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

/// What the formats people read need to show a report in words: the language, and
/// the role model for role labels.
struct People<'a> {
    lang: Lang,
    model: &'a RoleModel,
}

/// `--reverse` or `--object` naming an object without a plan this year.
fn no_plan_of(year: &report::load::Year, object: &str, year_number: i32) -> anyhow::Error {
    let objects = year.plans.iter().map(|p| p.object.as_str());
    let fail = match did_you_mean(object, objects) {
        Some(near) => crate::msg!(
            "error-no-plan-of-suggest",
            object = object,
            year = year_number,
            name = near
        ),
        None => crate::msg!("error-no-plan-of", object = object, year = year_number),
    };
    crate::i18n::Fail(fail).into()
}

fn tabular<R: Rows>(rows: &[R], format: Format, name: &str, people: &People) -> Result<Vec<u8>> {
    match format {
        Format::Json => Ok(render::json(rows).into_bytes()),
        format => grid(&Sheet::of(rows), format, name, people),
    }
}

/// A sheet in a grid format: CSV (as written, for machines), or in words of the
/// language for people: Markdown, XLSX, or else a terminal table.
fn grid(sheet: &Sheet, format: Format, name: &str, people: &People) -> Result<Vec<u8>> {
    if format == Format::Csv {
        return Ok(render::csv(sheet).into_bytes());
    }
    let sheet = &sheet.for_people(people.lang, people.model);
    Ok(match format {
        Format::Markdown => render::markdown(sheet).into_bytes(),
        Format::Xlsx => report::xlsx::workbook(sheet, name)?,
        _ => render::table(sheet).into_bytes(),
    })
}
