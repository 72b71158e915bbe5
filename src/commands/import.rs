//! `plan import`: draft plans from a system register export.

use crate::cli::{parse_year, Globals};
use crate::import::{self, Finding};
use crate::output::plural;
use crate::repo::{self, WorkTree};
use crate::scaffold;
use crate::settings::Settings;
use anyhow::{Context, Result};
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;

/// Start from the system register: one draft plan per object of an export.
///
/// FILE is a register export (RegIT, LuSyFer, any spreadsheet): CSV separated by
/// commas or semicolons, or an XLSX workbook (its first sheet). Row 1 names the
/// columns, in English or Swedish: object (objekt, förvaltningsobjekt), system,
/// name (namn), object_name (objektnamn), supplier (leverantör), hosting (drift),
/// lifecycle (livscykel), version, personal_data (personuppgifter),
/// confidentiality (konfidentialitet), integrity (riktighet), availability
/// (tillgänglighet), contract (avtal), contract_ends (avtalet löper ut), and one
/// column per role of the role model, headed by its id or label, holding
/// "Name <e-mail>" or a name (several separated by `;` where the role allows it).
/// Each row is one system; rows with the same object make one plan (without an
/// object column each system is its own object). Ids are made from the names
/// (å, ä → a, ö → o, spaces → -, lowercase).
///
/// Every plan is a draft with every required role and checklist question, empty
/// placeholders where the register says nothing. A plan that exists already is
/// never overwritten: its rows are skipped and listed. A row or column that cannot
/// be used is reported with its row and column, and then nothing is written (exit 1).
///
/// Examples:
///   plan import systemregister.csv --year 2027 --dry-run
///   plan import RegIT-export.xlsx --year 2027
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The register export: .csv or .xlsx
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The plans' year (default: the year of --today; in the planning season, the
    /// next year when only it has plans)
    #[arg(long, value_name = "YEAR", value_parser = parse_year)]
    pub year: Option<i32>,

    /// Show what would be written, and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(args: Args, globals: &Globals) -> Result<ExitCode> {
    let root = repo::find_root(globals.repo.as_deref())?;
    let source = WorkTree::new(&root)?;
    let settings = Settings::load(&source)?;
    let lang = globals.language(&settings);
    let year = match args.year {
        Some(year) => year,
        None => super::default_year(&source, globals.today, lang)?,
    };
    let shown = args.file.display().to_string();
    let bytes = std::fs::read(&args.file).with_context(|| format!("reading {shown}"))?;
    let grid = import::read::grid(&shown, &bytes)?;
    let import = import::drafts(&grid, &settings.roles);
    if !import.findings.is_empty() {
        let mut out = String::new();
        for finding in &import.findings {
            out.push_str(&render(&shown, finding));
        }
        crate::output::emit(&out);
        eprintln!(
            "{shown}: {} cannot be used; nothing written",
            plural(import.findings.len(), "row or column", "rows or columns")
        );
        return Ok(ExitCode::from(1));
    }
    let mut out = String::new();
    let mut new = Vec::new();
    let mut skipped = 0;
    let mut systems = 0;
    let verb = if args.dry_run {
        "would create"
    } else {
        "created"
    };
    for object in &import.objects {
        let rel = format!("objects/{}/{year}.toml", object.draft.object);
        let path = root.join(&rel);
        let rows = object
            .rows
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        if path.symlink_metadata().is_ok() {
            skipped += 1;
            out.push_str(&format!("skipped {rel}: it exists already (rows {rows})\n"));
            continue;
        }
        systems += object.draft.systems.len();
        out.push_str(&format!(
            "{verb} {rel}: {} (rows {rows})\n",
            object
                .draft
                .systems
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
        new.push((path, &object.draft));
    }
    let plans = new.len();
    if !args.dry_run && !new.is_empty() {
        let files = new
            .into_par_iter()
            .map(|(path, draft)| {
                (
                    path,
                    scaffold::plan_text(&settings, draft, year, lang).into_bytes(),
                )
            })
            .collect();
        scaffold::write_new(&root, &settings, files)?;
    }
    out.push_str(&format!(
        "{} {} ({}) as draft plans of {year}",
        if args.dry_run {
            "would import"
        } else {
            "imported"
        },
        plural(plans, "object", "objects"),
        plural(systems, "system", "systems"),
    ));
    if skipped > 0 {
        out.push_str(&format!(
            "; skipped {} that already {} a plan of {year}",
            plural(skipped, "object", "objects"),
            if skipped == 1 { "has" } else { "have" }
        ));
    }
    out.push('\n');
    if args.dry_run {
        out.push_str("nothing written (--dry-run)\n");
    } else if plans > 0 {
        out.push_str("fill in the empty values, then run `plan check`\n");
    }
    crate::output::emit(&out);
    Ok(ExitCode::SUCCESS)
}

/// `register.csv: row 4, column C (Drift): message` and its help.
fn render(file: &str, f: &Finding) -> String {
    let place = match (&f.column, &f.header) {
        (Some(c), Some(h)) => format!("row {}, column {c} ({h})", f.row),
        (Some(c), None) => format!("row {}, column {c}", f.row),
        _ => format!("row {}", f.row),
    };
    let mut out = format!("{file}: {place}: {}\n", f.message);
    if let Some(help) = &f.help {
        out.push_str(&format!("  help: {help}\n"));
    }
    out
}
