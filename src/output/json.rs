//! `--format json`: one JSON object, as SPEC section 6 defines it.

use crate::diag::Severity;
use crate::engine::Outcome;
use crate::i18n::Lang;
use serde::Serialize;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    severity: Severity,
    file: &'a str,
    line: usize,
    column: usize,
    object: Option<&'a str>,
    year: Option<i32>,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<String>,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
}

/// Keys, rule ids and values stay the same in every language; `message` and `help`
/// are texts for people, in `lang`.
pub fn render(outcome: &Outcome, lang: Lang) -> String {
    let report = Report {
        version: 1,
        findings: outcome
            .findings
            .iter()
            .map(|f| JsonFinding {
                rule: f.rule,
                severity: f.severity,
                file: &f.file,
                line: f.line,
                column: f.column,
                object: f.object.as_deref(),
                year: f.year,
                message: f.message_in(lang),
                help: f.help_in(lang),
            })
            .collect(),
        summary: Summary {
            files: outcome.files.len(),
            errors: outcome.count(Severity::Error),
            warnings: outcome.count(Severity::Warning),
        },
    };
    let mut out = serde_json::to_string_pretty(&report).expect("findings serialise");
    out.push('\n');
    out
}
