//! The digest of appendix-3 answers that `plan attest` records and `appendix3/stale`
//! compares: a hash of what the answers say, not of how they are written, so
//! reformatting or comments never make an attestation stale.

use crate::model::plan::Answer;
use sha2::{Digest, Sha256};

/// One answer as hashed: question, answer, deviation, action, owner, due,
/// reported_to, justification. Serialised as a JSON array.
type Row<'a> = (
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<String>,
    Option<Vec<&'a str>>,
    Option<&'a str>,
);

/// `sha256:<hex>` over the answers, sorted by question id.
///
/// The canonical form is the compact JSON array of [`Row`]s; it is written straight
/// from borrowed strings (this runs for every system of every file checked).
pub fn of_answers(answers: &[Answer]) -> String {
    fn s(v: &Option<crate::model::Sp<String>>) -> Option<&str> {
        v.as_ref().map(|v| v.val.as_str())
    }
    let mut rows: Vec<Row<'_>> = answers
        .iter()
        .map(|a| {
            (
                a.question.val.as_str(),
                s(&a.answer),
                s(&a.deviation),
                s(&a.action),
                s(&a.owner),
                a.due.as_ref().map(|d| d.val.to_string()),
                a.reported_to
                    .as_ref()
                    .map(|r| r.iter().map(|x| x.val.as_str()).collect()),
                s(&a.justification),
            )
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(b.0));
    let canonical = serde_json::to_vec(&rows).expect("rows serialise");
    let hash = Sha256::digest(&canonical);
    format!("sha256:{}", hex::encode(hash))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Span;
    use crate::model::{Plan, Tbl};

    /// The canonical form as first written, with `serde_json::Value`s: digests
    /// recorded by earlier versions must still match.
    fn reference(answers: &[Answer]) -> String {
        let mut rows: Vec<serde_json::Value> = answers
            .iter()
            .map(|a| {
                let s = |v: &Option<crate::model::Sp<String>>| v.as_ref().map(|v| v.val.clone());
                serde_json::json!([
                    a.question.val,
                    s(&a.answer),
                    s(&a.deviation),
                    s(&a.action),
                    s(&a.owner),
                    a.due.as_ref().map(|d| d.val.to_string()),
                    a.reported_to
                        .as_ref()
                        .map(|r| r.iter().map(|x| x.val.clone()).collect::<Vec<_>>()),
                    s(&a.justification),
                ])
            })
            .collect();
        rows.sort_by(|a, b| a[0].as_str().cmp(&b[0].as_str()));
        let canonical = serde_json::to_string(&rows).expect("json values serialise");
        let hash = Sha256::digest(canonical.as_bytes());
        format!("sha256:{}", hex::encode(hash))
    }

    #[test]
    fn digest_is_unchanged_from_the_value_based_form() {
        let text = r#"
[[systems]]
id = "a"
[systems.appendix3.answers]
mfa = "yes"
backup = { answer = "no", deviation = "Ingen \"kopia\"\n\tö", action = "Åtgärd", owner = "systemforvaltare", due = 2027-03-31, reported_to = ["systemforvaltare", "it_systemagare"] }
network_segment = { answer = "na", justification = "SaaS \\ moln \u0001" }
access_review = { answer = "partial", reported_to = [] }
"#;
        let root = toml::de::DeTable::parse(text).expect("valid TOML");
        let plan = Plan::from_tree(Tbl::new(root.get_ref(), Span::START));
        let answers = &plan.systems[0]
            .appendix3
            .as_ref()
            .expect("appendix3")
            .answers;
        assert_eq!(answers.len(), 4);
        assert_eq!(of_answers(answers), reference(answers));
        assert_eq!(of_answers(&[]), reference(&[]));
    }
}
