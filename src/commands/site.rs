//! `plan site`: the steering group's web site, as static pages.

use crate::cli::{parse_year, Globals};
use crate::engine::{self, Selection};
use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;

/// The steering group's web site: static pages for one year (no script, nothing
/// fetched from the network), in the repository's language.
///
/// Pages: index.html (every object: status, roles, attestation, findings, next
/// upgrade), objects/<object>.html (the plan as a document to read, print on A4
/// and sign), dependencies.html, upgrades.html with upgrades.ics, deviations.html,
/// people.html. DIR keeps a list of what was written (.plan-site); a later run
/// replaces only those files and never touches anything else in DIR.
///
/// Examples:
///   plan site                      # this year's site in public/
///   plan site --year 2027 --out public
///   plan site --lang en --out site-en
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The plan year (default: the year of --today; in the planning season, the next
    /// year when only it has plans)
    #[arg(long, value_name = "YEAR", value_parser = parse_year)]
    pub year: Option<i32>,

    /// The folder to write (GitLab Pages publishes public/)
    #[arg(long, value_name = "DIR", default_value = "public")]
    pub out: PathBuf,
}

pub fn run(args: Args, globals: &Globals) -> Result<ExitCode> {
    let opened = super::Opened::new(globals)?;
    let lang = opened.lang;
    let year_number = opened.year(args.year, globals.today)?;
    // One pass over the plans: each is parsed once, checked, and what its page and
    // the overview pages need of it kept (the typed plans are not held: see
    // `site::Prepared`). The pages that need the whole year are made after.
    let selection = Selection {
        year: Some(year_number),
        ..Selection::default()
    };
    let words = crate::site::Words::new(lang, &opened.settings, year_number, globals.today);
    let checked = engine::check_keeping(
        &opened.source,
        &opened.settings,
        globals.today,
        &selection,
        &|k| Box::new(crate::site::prepare(&words, k)),
    )?;
    let entries = checked
        .entries
        .get(&year_number)
        .map(Vec::as_slice)
        .unwrap_or_default();
    // A plan that does not parse has no page: named here, never left out silently.
    let paged: std::collections::HashSet<&str> =
        checked.kept.iter().map(|p| p.file.as_str()).collect();
    for file in checked
        .outcome
        .files
        .iter()
        .filter(|f| crate::layout::classify(f).is_ok() && !paged.contains(f.as_str()))
    {
        crate::output::left_out(lang, file);
    }
    if checked.kept.is_empty() {
        crate::output::note(lang, crate::msg!("note-no-plans", year = year_number));
    }
    let site = crate::site::Site::new(crate::site::Input {
        words: &words,
        findings: &checked.outcome.findings,
        entries,
        plans: checked.kept,
    });
    let files = site.files();
    let written = crate::fsio::write_generated(&args.out, &files, |rel| site.render(rel))?;
    // The command ends here: what the pages were made from is left to the end of
    // the process instead of freed piece by piece (ten thousand plans' parts, a
    // noticeable share of a large site's time).
    std::mem::forget(site);
    std::mem::forget(checked.outcome);
    std::mem::forget(checked.entries);
    eprintln!(
        "{}",
        crate::tr!(
            lang,
            "wrote-site",
            written = written,
            files = files.len(),
            year = year_number,
            dir = args.out.display().to_string()
        )
    );
    Ok(ExitCode::SUCCESS)
}
