//! `plan rule`: what a rule checks, why, and how to fix what it finds.

use crate::checks::{self, ALL};
use anyhow::{bail, Result};
use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
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
            let mut table = Table::new();
            table
                .load_preset(UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic);
            table.set_header(["rule", "default", "when"]);
            for rule in ALL {
                table.add_row([rule.id, rule.severity.as_str(), rule.summary]);
            }
            crate::outln!("{table}");
            crate::outln!("\n`plan rule ID` explains one; plan.toml [rules] changes a severity (\"error\", \"warning\", \"off\").");
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
            crate::outln!("{}", wrap(rule.doc, 80));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Rule docs are written as one paragraph; wrap them for the terminal.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in text.split_whitespace() {
        if line > 0 && line + 1 + word.chars().count() > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += word.chars().count();
    }
    out
}
