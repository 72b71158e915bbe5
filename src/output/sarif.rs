//! `--format sarif`: SARIF 2.1.0, for code-scanning dashboards; rules carry their docs.

use crate::diag::rules::ALL;
use crate::diag::Finding;
use crate::i18n::Lang;
use serde::{Serialize, Serializer};

/// The SARIF log: plain serde structs of the parts of SARIF 2.1.0 plan fills in, as
/// cargo-deny writes its own.
#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
struct Run<'a> {
    tool: Tool,
    results: Results<'a>,
}

/// The results, each made as it is written: no copy of them is held in memory
/// (issue 17).
struct Results<'a> {
    findings: &'a [Finding],
    prefix: &'a str,
    lang: Lang,
}

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let lang = self.lang;
        serializer.collect_seq(self.findings.iter().map(|f| {
            let mut message = f.message_in(lang);
            if let Some(help) = f.help_in(lang) {
                message.push_str(&format!(" ({}: {help})", lang.text("label-help")));
            }
            SarifResult {
                rule_id: f.rule.id,
                rule_index: ALL.iter().position(|r| *r == f.rule),
                level: f.severity.as_str(),
                message: Text { text: message },
                locations: [Location {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation {
                            uri: uri(&format!("{}{}", self.prefix, f.file)),
                        },
                        region: Region {
                            start_line: f.line,
                            start_column: f.column,
                        },
                    },
                }],
            }
        }))
    }
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<RuleDescriptor>,
}

/// A rule's metadata: its summary, its doc (as the full description and the help)
/// and its default level.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    short_description: Text,
    full_description: Text,
    help: Text,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    /// The rule's place in `rules`.
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
}

/// The log written to `out` one result at a time (a [`super::FindingsFormat`]).
pub fn write(findings: &[Finding], prefix: &str, lang: Lang, out: super::Out) -> super::Written {
    let rules = ALL
        .iter()
        .map(|r| RuleDescriptor {
            id: r.id,
            short_description: Text {
                text: r.summary_in(lang),
            },
            full_description: Text {
                text: r.doc_in(lang),
            },
            help: Text {
                text: r.doc_in(lang),
            },
            default_configuration: Configuration {
                level: r.severity.as_str(),
            },
        })
        .collect();
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "plan",
                    version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            results: Results {
                findings,
                prefix,
                lang,
            },
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")
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
