//! `--format json`: one JSON object, as SPEC section 6 defines it.

use crate::diag::{Finding, Outcome, Severity};
use crate::i18n::Lang;
use serde::Serialize;

struct Report<'a> {
    outcome: &'a Outcome,
    lang: Lang,
}

/// The findings serialised one at a time, as they are written (no list of them).
struct Findings<'a>(&'a [Finding], Lang);

impl Serialize for Findings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|f| JsonFinding {
            rule: f.rule.id,
            severity: f.severity,
            file: &f.file,
            line: f.line,
            column: f.column,
            object: f.object.as_deref(),
            year: f.year,
            message: f.message_in(self.1),
            help: f.help_in(self.1),
        }))
    }
}

impl Serialize for Report<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let outcome = self.outcome;
        let mut report = serializer.serialize_struct("Report", 3)?;
        report.serialize_field("version", &1u32)?;
        report.serialize_field("findings", &Findings(&outcome.findings, self.lang))?;
        report.serialize_field(
            "summary",
            &Summary {
                files: outcome.files.len(),
                errors: outcome.count(Severity::Error),
                warnings: outcome.count(Severity::Warning),
            },
        )?;
        report.end()
    }
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

/// The report as one string (for `--output FILE`). Keys, rule ids and values stay
/// the same in every language; `message` and `help` are texts for people, in `lang`.
pub fn render(outcome: &Outcome, lang: Lang) -> String {
    super::in_memory(|out| write(outcome, lang, out))
}

/// The report written to `out` finding by finding: at 50,000 objects with many
/// findings, no copy of the whole report is held in memory (issue 17).
pub fn write(outcome: &Outcome, lang: Lang, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &Report { outcome, lang })?;
    out.write_all(b"\n")
}
