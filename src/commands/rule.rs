//! `plan rule`: what a rule checks, why, and how to fix what it finds.

use crate::diag::rules::{self, ALL};
use anyhow::Result;
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

/// The documentation is in the language of `--lang`/`PLAN_LANG`, else of the
/// repository the command runs in (if any), else English.
pub fn run(args: Args, globals: &crate::cli::Globals) -> Result<ExitCode> {
    let lang = globals.repo_language();
    match args.id {
        None => {
            let (rule, default, when) = (
                lang.text("rule-list-rule"),
                lang.text("rule-list-default"),
                lang.text("rule-list-when"),
            );
            let rows = ALL.iter().map(|r| {
                vec![
                    r.id.to_string(),
                    r.severity.as_str().to_string(),
                    r.summary_in(lang),
                ]
            });
            let table = crate::output::table::render(
                &[rule.as_str(), default.as_str(), when.as_str()],
                rows,
                &[when.as_str()],
            );
            crate::outln!("{}", table.trim_end());
            let width = usize::from(crate::output::table::width());
            let note = lang.text("rule-list-footer");
            crate::outln!("\n{}", crate::output::table::wrap(&note, width).join("\n"));
        }
        Some(id) => {
            let Some(rule) = rules::rule(&id) else {
                match crate::diag::did_you_mean(&id, ALL.iter().map(|r| r.id)) {
                    Some(s) => crate::fail!("error-no-rule-suggest", rule = id.as_str(), name = s),
                    None => crate::fail!("error-no-rule", rule = id.as_str()),
                }
            };
            crate::outln!(
                "{}\n",
                crate::tr!(
                    lang,
                    "rule-heading",
                    rule = rule.id,
                    severity = rule.severity.as_str()
                )
            );
            crate::outln!(
                "{}\n",
                crate::tr!(lang, "rule-fires-when", summary = rule.summary_in(lang))
            );
            let width = usize::from(crate::output::table::width()).min(100);
            let doc = rule.doc_in(lang);
            crate::outln!("{}", crate::output::table::wrap(&doc, width).join("\n"));
        }
    }
    Ok(ExitCode::SUCCESS)
}
