//! `--format gitlab`: a GitLab Code Quality report, shown in the merge request.

use crate::diag::{Finding, Severity};
use crate::i18n::Lang;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// The report written to `out` one issue at a time (no list of them is held in
/// memory; a [`super::FindingsFormat`]). The findings come in file order, as a check
/// gives them. GitLab resolves paths from the git root, hence `prefix`.
pub fn write(findings: &[Finding], prefix: &str, lang: Lang, out: super::Out) -> super::Written {
    serde_json::to_writer_pretty(&mut *out, &Issues(findings, prefix, lang))?;
    out.write_all(b"\n")
}

struct Issues<'a>(&'a [Finding], &'a str, Lang);

impl Serialize for Issues<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Issues(findings, prefix, lang) = *self;
        // The fingerprint must survive edits elsewhere in the file, so it leaves out
        // the line; repeats of the same finding are told apart by their order. It is
        // taken from the English message, so switching language keeps it. Repeats
        // are counted within a file (its findings come together).
        let mut seen: HashMap<(&str, String), usize> = HashMap::new();
        let mut file: &str = "";
        serializer.collect_seq(findings.iter().map(move |f| {
            if *f.file != *file {
                seen.clear();
                file = &f.file;
            }
            let english = f.message_in(Lang::En);
            let key = format!("{}\0{}\0{}", f.rule.id, f.file, english);
            let n = seen.entry((f.rule.id, english)).or_default();
            *n += 1;
            let key = format!("{key}\0{n}");
            let fingerprint = hex::encode(&Sha256::digest(key.as_bytes())[..16]);
            Issue {
                description: format!("{} [{}]", f.message_in(lang), f.rule.id),
                check_name: f.rule.id,
                fingerprint,
                severity: match f.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                location: Location {
                    path: format!("{prefix}{}", f.file),
                    lines: Lines { begin: f.line },
                },
            }
        }))
    }
}

/// The report of a check that could not run (exit 2): one blocker issue that says
/// why, at plan.toml, so the merge request shows it instead of a missing report.
pub fn could_not_run(why: &str, prefix: &str, lang: Lang) -> String {
    let fingerprint =
        hex::encode(&Sha256::digest(format!("could-not-run\0{why}").as_bytes())[..16]);
    let issue = Issue {
        description: crate::tr!(lang, "error-could-not-run", why = why),
        check_name: "could-not-run",
        fingerprint,
        severity: "blocker",
        location: Location {
            path: format!("{prefix}{}", crate::layout::CONFIG_FILE),
            lines: Lines { begin: 1 },
        },
    };
    let mut out = serde_json::to_string_pretty(&[issue]).expect("issues serialise");
    out.push('\n');
    out
}
