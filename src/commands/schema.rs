//! `plan schema`: the JSON Schema of a plan file, for editors.

use crate::cli::Globals;
use crate::layout::SCHEMA_FILE;
use crate::repo::{self, WorkTree};
use crate::settings::Settings;
use anyhow::Result;
use std::process::ExitCode;

/// Print the JSON Schema (draft-07) of a plan file.
///
/// Inside a plan repository the schema lists the role model's role ids and the
/// checklist's questions, so an editor completes them and shows their texts.
/// Editors that read `#:schema` lines (taplo, VS Code with Even Better TOML)
/// validate plan files as you type; `plan new` writes that line.
///
/// Examples:
///   plan schema > plan-file.schema.json
///   plan schema --write            (re)write schema/plan-file.schema.json in the repository
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Write schema/plan-file.schema.json in the plan repository instead of printing
    #[arg(long)]
    pub write: bool,
}

pub fn run(args: Args, globals: &Globals) -> Result<ExitCode> {
    if args.write {
        let opened = super::Opened::new(globals)?;
        crate::scaffold::write_schema(&opened.root, &opened.settings, true)?;
        crate::outln!("{}", crate::tr!(opened.lang, "wrote", file = SCHEMA_FILE));
        return Ok(ExitCode::SUCCESS);
    }
    let settings = match repo::find_root(globals.repo.as_deref()) {
        Ok(root) => Some(Settings::load(&WorkTree::new(&root)?)?),
        Err(_) => None,
    };
    let lang = match &settings {
        Some(settings) => globals.language(settings),
        None => globals.repo_language(),
    };
    crate::outln!("{}", crate::scaffold::schema_text(settings.as_ref(), lang));
    Ok(ExitCode::SUCCESS)
}
