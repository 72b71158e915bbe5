//! `plan rule`: what a rule checks, why, and how to fix what it finds.

use crate::checks::{self, ALL};
use anyhow::{bail, Result};
use std::process::ExitCode;

/// Explain a rule, or list them all.
///
/// Examples:
///   plan rule                    every rule with its default severity
///   plan rule appendix3/stale    what the rule means and how to fix its findings
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// A rule id such as roles/missing (omit to list all rules)
    pub id: Option<String>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    match args.id {
        None => {
            let rows = ALL.iter().map(|rule| {
                vec![
                    rule.id.to_string(),
                    rule.severity.as_str().to_string(),
                    rule.summary.to_string(),
                ]
            });
            let table = crate::output::table::render(&["rule", "default", "when"], rows, &["when"]);
            crate::outln!("{}", table.trim_end());
            let width = usize::from(crate::output::table::width());
            let note = "`plan rule ID` explains one; plan.toml [rules] changes a severity (\"error\", \"warning\", \"off\").";
            crate::outln!("\n{}", crate::output::table::wrap(note, width).join("\n"));
        }
        Some(id) => {
            let Some(rule) = checks::rule(&id) else {
                let hint = crate::diag::did_you_mean_hint(&id, ALL.iter().map(|r| r.id));
                bail!("no rule `{id}`{hint} (`plan rule` lists them)");
            };
            crate::outln!(
                "{} (default severity: {})\n",
                rule.id,
                rule.severity.as_str()
            );
            crate::outln!("Fires when: {}.\n", rule.summary);
            let width = usize::from(crate::output::table::width()).min(100);
            crate::outln!("{}", crate::output::table::wrap(rule.doc, width).join("\n"));
        }
    }
    Ok(ExitCode::SUCCESS)
}
