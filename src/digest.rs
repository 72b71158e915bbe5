//! The digest of appendix-3 answers that `plan attest` records and `appendix3/stale`
//! compares: a hash of what the answers say, not of how they are written, so
//! reformatting or comments never make an attestation stale.

use crate::model::plan::Answer;
use sha2::{Digest, Sha256};

/// `sha256:<hex>` over the answers, sorted by question id.
pub fn of_answers(answers: &[Answer]) -> String {
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
    let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}
