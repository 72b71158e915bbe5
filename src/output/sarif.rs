//! `--format sarif`: SARIF 2.1.0, for code-scanning dashboards; rules carry their docs.

use crate::diag::rules::ALL;
use crate::diag::{Finding, Severity};
use crate::i18n::Lang;
use serde_json::{json, Value};

pub fn render(findings: &[Finding], prefix: &str, lang: Lang) -> String {
    let level = |s: Severity| match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let rules: Vec<Value> = ALL
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "shortDescription": { "text": r.summary_in(lang) },
                "fullDescription": { "text": r.doc_in(lang) },
                "help": { "text": r.doc_in(lang) },
                "defaultConfiguration": { "level": level(r.severity) },
            })
        })
        .collect();
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let mut message = f.message_in(lang);
            if let Some(help) = f.help_in(lang) {
                message.push_str(&format!(" (help: {help})"));
            }
            let mut result = json!({
                "ruleId": f.rule.id,
                "level": level(f.severity),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&format!("{prefix}{}", f.file)) },
                        "region": { "startLine": f.line, "startColumn": f.column },
                    }
                }],
            });
            if let Some(index) = ALL.iter().position(|r| *r == f.rule) {
                result["ruleIndex"] = json!(index);
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "plan",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&log).expect("sarif serialises");
    out.push('\n');
    out
}

/// A repository-relative path as a URI reference (RFC 3986), as SARIF requires:
/// every byte but the unreserved characters and `/` percent-encoded, so
/// `objects/ladok/2027 kopia.toml` is `objects/ladok/2027%20kopia.toml`.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
