//! `plan new`: scaffold a plan file with every required role and question.

use crate::cli::{parse_year, Globals};
use crate::layout::is_id;
use crate::scaffold::{self, Draft, DraftSystem};
use anyhow::Result;
use chrono::Datelike;
use std::process::ExitCode;

/// Create objects/OBJECT/YEAR.toml with every required role and checklist question.
///
/// The new plan is a draft with empty placeholders: `plan check` reports the
/// required ones (names, e-mail addresses, checklist answers) until they are filled
/// in, and passes once they are.
///
/// Examples:
///   plan new ladok --year 2027 --name Ladok --organisation-model 5
#[derive(Debug, clap::Args)]
// The usage line of an error lists what was given as if it were required
// (`--year <YEAR>`): a fixed one keeps the optional flags optional.
#[command(
    verbatim_doc_comment,
    override_usage = "plan new [OPTIONS] --name <NAME> <OBJECT>"
)]
pub struct Args {
    /// Object id: lowercase a–z, digits and `-` (the folder name)
    pub object: String,

    /// Plan year (default: the year of --today; in the planning season, the next year
    /// when only it has plans)
    #[arg(long, value_name = "YEAR", value_parser = parse_year)]
    pub year: Option<i32>,

    /// Display name of the object, e.g. "Ladok"
    #[arg(long, value_name = "NAME")]
    pub name: String,

    /// Organisation model 1–5 (handbook 10.1.1–10.1.5), for role models that use it
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = |s: &str| crate::cli::parse_in_range(s, 1, 5))]
    pub organisation_model: i64,
}

pub fn run(args: Args, globals: &Globals) -> Result<ExitCode> {
    if !is_id(&args.object) {
        return Err(super::bad_object_id(&args.object));
    }
    let opened = super::Opened::new(globals)?;
    let lang = opened.lang;
    let year = opened.year(args.year, globals.today)?;
    // November–December: plans are made for next year, so say which one this is.
    if args.year.is_none() && year == globals.today.year() && globals.today.month() >= 11 {
        crate::output::note(
            lang,
            crate::msg!("note-this-year", year = year, next = year + 1),
        );
    }
    let rel = format!("objects/{}/{year}.toml", args.object);
    let draft = Draft {
        object: args.object.clone(),
        name: args.name.clone(),
        organisation_model: args.organisation_model,
        roles: Vec::new(),
        systems: vec![DraftSystem::named(&args.object, &args.name)],
    };
    let text = scaffold::plan_text(&opened.settings, &draft, year, lang);
    scaffold::write_new(
        &opened.root,
        &opened.settings,
        vec![(opened.root.join(&rel), text.into_bytes())],
    )?;
    crate::outln!("{}", crate::tr!(lang, "new-created", file = &rel));
    crate::outln!("{}", crate::tr!(lang, "new-next", file = &rel));
    Ok(ExitCode::SUCCESS)
}
