//! `plan completions`: shell completion scripts.

use anyhow::Result;
use clap::CommandFactory;
use std::process::ExitCode;

/// Print a completion script for your shell.
///
/// Examples:
///   plan completions bash > ~/.local/share/bash-completion/completions/plan
///   plan completions zsh > ~/.zfunc/_plan
///   plan completions fish > ~/.config/fish/completions/plan.fish
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut cmd = crate::cli::Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "plan", &mut script);
    crate::output::emit(&String::from_utf8_lossy(&script));
    Ok(ExitCode::SUCCESS)
}
