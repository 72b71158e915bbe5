//! `--format sarif`: SARIF 2.1.0, for code-scanning dashboards; rules carry their docs.

use crate::checks::ALL;
use crate::diag::{Finding, Severity};
use crate::i18n::Lang;
use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::{json, Value};

/// The log as one string.
pub fn render(findings: &[Finding], prefix: &str, lang: Lang) -> String {
    let mut out = Vec::new();
    write(findings, prefix, lang, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// The log written to `out` one result at a time: no copy of the results is held
/// in memory (issue 17). Keys come in alphabetical order, as before.
pub fn write(
    findings: &[Finding],
    prefix: &str,
    lang: Lang,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(
        &mut *out,
        &Log {
            findings,
            prefix,
            lang,
        },
    )?;
    out.write_all(b"\n")
}

struct Log<'a> {
    findings: &'a [Finding],
    prefix: &'a str,
    lang: Lang,
}

impl Serialize for Log<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut log = serializer.serialize_struct("Log", 3)?;
        log.serialize_field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")?;
        log.serialize_field("runs", &[Run(self)])?;
        log.serialize_field("version", "2.1.0")?;
        log.end()
    }
}

struct Run<'a>(&'a Log<'a>);

impl Serialize for Run<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Log {
            findings,
            prefix,
            lang,
        } = *self.0;
        let mut run = serializer.serialize_struct("Run", 2)?;
        run.serialize_field("results", &Results(findings, prefix, lang))?;
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
        run.serialize_field(
            "tool",
            &json!({ "driver": {
                "name": "plan",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }}),
        )?;
        run.end()
    }
}

/// The results, each made as it is written.
struct Results<'a>(&'a [Finding], &'a str, Lang);

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Results(findings, prefix, lang) = *self;
        serializer.collect_seq(findings.iter().map(|f| {
            let mut message = f.message_in(lang);
            if let Some(help) = f.help_in(lang) {
                message.push_str(&format!(" (help: {help})"));
            }
            let mut result = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&format!("{prefix}{}", f.file)) },
                        "region": { "startLine": f.line, "startColumn": f.column },
                    }
                }],
            });
            if let Some(index) = ALL.iter().position(|r| r.id == f.rule) {
                result["ruleIndex"] = json!(index);
            }
            result
        }))
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
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
