//! `plan import`: draft plans from a system register export.

use crate::cli::{parse_year, Globals};
use crate::i18n::Lang;
use crate::import::{self, Finding};
use crate::scaffold;
use crate::{msg, tr};
use anyhow::Result;
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
    let opened = super::Opened::new(globals)?;
    let lang = opened.lang;
    let year = opened.year(args.year, globals.today)?;
    let shown = args.file.display().to_string();
    let bytes = std::fs::read(&args.file)
        .map_err(|e| crate::i18n::doing(msg!("error-reading", file = &shown), e))?;
    let grid = import::read::grid(&shown, &bytes)?;
    let import = import::drafts(&grid, &opened.settings.roles);
    if !import.findings.is_empty() {
        let mut out = String::new();
        for finding in &import.findings {
            out.push_str(&render(&shown, finding, lang));
        }
        crate::output::emit(&out);
        eprintln!(
            "{}",
            tr!(
                lang,
                "import-unusable",
                file = &shown,
                count = import.findings.len()
            )
        );
        return Ok(ExitCode::from(1));
    }
    let mut out = String::new();
    let mut new = Vec::new();
    let mut skipped = 0;
    let mut systems = 0;
    let created = if args.dry_run {
        "import-would-create"
    } else {
        "import-created"
    };
    for object in &import.objects {
        let rel = format!("objects/{}/{year}.toml", object.draft.object);
        let path = opened.root.join(&rel);
        let rows = object
            .rows
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        if path.symlink_metadata().is_ok() {
            skipped += 1;
            out.push_str(&tr!(lang, "import-skipped", file = &rel, rows = &rows));
            out.push('\n');
            continue;
        }
        systems += object.draft.systems.len();
        let ids: Vec<&str> = object.draft.systems.iter().map(|s| s.id.as_str()).collect();
        out.push_str(&tr!(
            lang,
            created,
            file = &rel,
            systems = ids.join(", "),
            rows = &rows
        ));
        out.push('\n');
        new.push((path, &object.draft));
    }
    let plans = new.len();
    if !args.dry_run && !new.is_empty() {
        let files = new
            .into_par_iter()
            .map(|(path, draft)| {
                (
                    path,
                    scaffold::plan_text(&opened.settings, draft, year, lang).into_bytes(),
                )
            })
            .collect();
        scaffold::write_new(&opened.root, &opened.settings, files)?;
    }
    let summary = if args.dry_run {
        "import-summary-dry-run"
    } else {
        "import-summary"
    };
    out.push_str(&tr!(
        lang,
        summary,
        objects = plans,
        systems = systems,
        year = year,
        skipped = skipped
    ));
    out.push('\n');
    if args.dry_run {
        out.push_str(&lang.text("import-dry-run"));
        out.push('\n');
    } else if plans > 0 {
        out.push_str(&lang.text("import-next"));
        out.push('\n');
    }
    crate::output::emit(&out);
    Ok(ExitCode::SUCCESS)
}

/// `register.csv: row 4, column C (Drift): message` and its help, in the language.
fn render(file: &str, f: &Finding, lang: Lang) -> String {
    let place = match (&f.column, &f.header) {
        (Some(c), Some(h)) => tr!(lang, "import-at-cell", row = f.row, column = c, header = h),
        (Some(c), None) => tr!(lang, "import-at-column", row = f.row, column = c),
        _ => tr!(lang, "import-at-row", row = f.row),
    };
    let mut out = format!("{file}: {place}: {}\n", f.message.render(lang));
    if let Some(help) = &f.help {
        let label = lang.text("label-help");
        out.push_str(&format!("  {label}: {}\n", help.render(lang)));
    }
    out
}
