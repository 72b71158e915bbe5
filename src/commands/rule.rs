//! `plan rule`: what a rule checks, why, and how to fix what it finds.

use crate::checks::{self, ALL};
use anyhow::Result;
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

/// The documentation is in the language of `--lang`/`PLAN_LANG`, else of the
/// repository the command runs in (if any), else English.
pub fn run(args: Args, globals: &crate::cli::Globals) -> Result<ExitCode> {
    let lang = language(globals);
    match args.id {
        None => {
            let mut table = Table::new();
            table
                .load_preset(UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic);
            table.set_header([
                lang.text("rule-list-rule"),
                lang.text("rule-list-default"),
                lang.text("rule-list-when"),
            ]);
            for rule in ALL {
                table.add_row([
                    rule.id.to_string(),
                    rule.severity.as_str().to_string(),
                    rule.summary_in(lang),
                ]);
            }
            crate::outln!("{table}");
            crate::outln!("\n{}", lang.text("rule-list-footer"));
        }
        Some(id) => {
            let Some(rule) = checks::rule(&id) else {
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
            crate::outln!("{}", wrap(&rule.doc_in(lang), 80));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The flag's language, else the repository's when the command runs in one.
fn language(globals: &crate::cli::Globals) -> crate::i18n::Lang {
    if let Some(lang) = globals.lang {
        return lang;
    }
    let repository = crate::repo::find_root(globals.repo.as_deref())
        .ok()
        .and_then(|root| crate::repo::WorkTree::new(&root).ok())
        .and_then(|source| crate::settings::Settings::load(&source).ok())
        .and_then(|settings| settings.config.language);
    crate::i18n::Lang::resolve(None, repository)
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
