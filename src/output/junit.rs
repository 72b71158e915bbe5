//! `--format junit`: one test case per checked file, a failure per finding, so CI
//! systems show the plans as a test report.

use crate::diag::{Finding, Outcome, Severity};
use crate::i18n::Lang;

/// `prefix` is the plan repository's folder in the git repository ("" or ending in
/// `/`): CI resolves paths from the git root.
///
/// GitLab shows only the first `<failure>` of a test case, so all of a file's
/// failing findings go into one failure element, one line each; `failures` counts
/// the failed test cases, and each test case names its `file`.
pub fn render(outcome: &Outcome, deny_warnings: bool, prefix: &str, lang: Lang) -> String {
    super::in_memory(|out| write(outcome, deny_warnings, prefix, lang, out))
}

/// [`render`] written to `out` one test case at a time.
pub fn write(
    outcome: &Outcome,
    deny_warnings: bool,
    prefix: &str,
    lang: Lang,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let fails = |f: &Finding| f.severity == Severity::Error || deny_warnings;
    // Findings are in file order, as are the files: one pass pairs them up.
    let by_file = || outcome.findings.chunk_by(|a, b| a.file == b.file);
    let failed = by_file().filter(|group| group.iter().any(fails)).count();
    let tests = outcome.files.len();
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<testsuites name=\"plan check\" tests=\"{tests}\" failures=\"{failed}\">"
    )?;
    writeln!(
        out,
        "  <testsuite name=\"plan check\" tests=\"{tests}\" failures=\"{failed}\" errors=\"0\">"
    )?;
    let mut by_file = by_file().peekable();
    for file in &outcome.files {
        let findings: &[Finding] = match by_file.peek() {
            Some(group) if *group[0].file == **file => by_file.next().unwrap_or_default(),
            _ => &[],
        };
        let path = xml(&format!("{prefix}{file}"));
        let class = file.split('/').nth(1).unwrap_or("plan");
        write!(
            out,
            "    <testcase name=\"{path}\" classname=\"{}\" file=\"{path}\"",
            xml(class)
        )?;
        if findings.is_empty() {
            writeln!(out, "/>")?;
            continue;
        }
        writeln!(out, ">")?;
        let line = |f: &Finding| {
            format!(
                "{prefix}{}:{}:{}: {}[{}]: {}\n",
                f.file,
                f.line,
                f.column,
                f.severity.as_str(),
                f.rule.id,
                f.message_in(lang)
            )
        };
        let (failing, notes): (Vec<&Finding>, Vec<&Finding>) =
            findings.iter().partition(|f| fails(f));
        if let Some(first) = failing.first() {
            let message = match failing.len() {
                1 => first.message_in(lang),
                n => crate::tr!(
                    lang,
                    "junit-problems",
                    count = n,
                    first = first.message_in(lang)
                ),
            };
            let text: String = failing.iter().map(|f| line(f)).collect();
            writeln!(
                out,
                "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                xml(first.rule.id),
                xml(&message),
                xml(&text)
            )?;
        }
        if !notes.is_empty() {
            let text: String = notes.iter().map(|f| line(f)).collect();
            writeln!(out, "      <system-out>{}</system-out>", xml(&text))?;
        }
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>\n</testsuites>")
}

/// The report of a check that could not run (exit 2): one test case in error that
/// says why, so the merge request shows it instead of a missing report.
pub fn could_not_run(why: &str, lang: Lang) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"plan check\" tests=\"1\" failures=\"0\" errors=\"1\">\n  <testsuite name=\"plan check\" tests=\"1\" failures=\"0\" errors=\"1\">\n    <testcase name=\"plan check\" classname=\"plan\">\n      <error type=\"could-not-run\" message=\"{}\">{}</error>\n    </testcase>\n  </testsuite>\n</testsuites>\n",
        xml(&lang.text("error-could-not-run-title")),
        xml(why)
    )
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
