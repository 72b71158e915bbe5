//! `plan schema`: the JSON Schema of a plan file, for editors.

use crate::cli::Globals;
use crate::repo::{self, WorkTree};
use crate::settings::Settings;
use anyhow::Result;
use std::process::ExitCode;

/// Where `plan new` and `plan schema --write` keep the schema in a plan repository;
/// plan files point at it with a `#:schema` line.
pub const SCHEMA_FILE: &str = "schema/plan-file.schema.json";

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
    let root = repo::find_root(globals.repo.as_deref());
    if args.write {
        let root = root?;
        let settings = Settings::load(&WorkTree::new(&root)?)?;
        write(&root, &settings, true)?;
        let lang = globals.language(&settings);
        crate::outln!("{}", crate::tr!(lang, "wrote", file = SCHEMA_FILE));
        return Ok(ExitCode::SUCCESS);
    }
    let settings = match root {
        Ok(root) => Some(Settings::load(&WorkTree::new(&root)?)?),
        Err(_) => None,
    };
    crate::outln!("{}", text(settings.as_ref()));
    Ok(ExitCode::SUCCESS)
}

fn text(settings: Option<&Settings>) -> String {
    let schema = crate::model::json_schema::plan_file(
        settings.map(|s| &s.roles),
        settings.map(|s| &s.checklist),
    );
    serde_json::to_string_pretty(&schema).expect("schema serialises")
}

/// The repository's schema file and its contents, when there is nothing at its path
/// yet (not even a link): what `plan new` adds beside a new plan.
pub fn missing_copy(
    root: &std::path::Path,
    settings: &Settings,
) -> Option<(std::path::PathBuf, Vec<u8>)> {
    let path = root.join(SCHEMA_FILE);
    path.symlink_metadata()
        .is_err()
        .then(|| (path, (text(Some(settings)) + "\n").into_bytes()))
}

/// Writes the repository's schema file: always when `replace`, else only if missing.
pub fn write(root: &std::path::Path, settings: &Settings, replace: bool) -> Result<()> {
    let path = root.join(SCHEMA_FILE);
    let bytes = text(Some(settings)) + "\n";
    if crate::fsio::resolve(root, &path)?
        .symlink_metadata()
        .is_ok()
    {
        if replace {
            crate::fsio::replace(root, &path, bytes.as_bytes())?;
        }
        return Ok(());
    }
    crate::fsio::create_dirs(root, &root.join("schema"))?;
    crate::fsio::create_new(root, &path, bytes.as_bytes())
}
