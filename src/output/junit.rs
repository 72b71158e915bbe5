//! `--format junit`: one test case per checked file, a failure per finding, so CI
//! systems show the plans as a test report.

use crate::diag::{Finding, Severity};
use crate::engine::Outcome;
use crate::i18n::Lang;
use std::fmt::Write;

/// `prefix` is the plan repository's folder in the git repository ("" or ending in
/// `/`): CI resolves paths from the git root.
pub fn render(outcome: &Outcome, deny_warnings: bool, prefix: &str, lang: Lang) -> String {
    let fails = |f: &Finding| f.severity == Severity::Error || deny_warnings;
    let failures = outcome.findings.iter().filter(|f| fails(f)).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"plan check\" tests=\"{}\" failures=\"{failures}\">",
        outcome.files.len()
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"plan check\" tests=\"{}\" failures=\"{failures}\" errors=\"0\">",
        outcome.files.len()
    );
    for file in &outcome.files {
        let findings: Vec<&Finding> = outcome
            .findings
            .iter()
            .filter(|f| &f.file == file)
            .collect();
        let class = file.split('/').nth(1).unwrap_or("plan");
        let _ = write!(
            out,
            "    <testcase name=\"{}\" classname=\"{}\"",
            xml(&format!("{prefix}{file}")),
            xml(class)
        );
        if findings.is_empty() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        let mut notes = String::new();
        for f in findings {
            let message = f.message_in(lang);
            let text = format!(
                "{prefix}{}:{}:{}: {}[{}]: {}",
                f.file,
                f.line,
                f.column,
                f.severity.as_str(),
                f.rule,
                message
            );
            if fails(f) {
                let _ = writeln!(
                    out,
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                    xml(f.rule),
                    xml(&message),
                    xml(&text)
                );
            } else {
                notes.push_str(&text);
                notes.push('\n');
            }
        }
        if !notes.is_empty() {
            let _ = writeln!(out, "      <system-out>{}</system-out>", xml(&notes));
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

fn xml(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}'))
        .collect::<String>()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
