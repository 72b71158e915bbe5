//! The draft as edited, read before it is written: checked to be the draft it
//! claims to be, and what the new year's index needs of it.

use super::{str_of, tables, ATTESTATION, DECISION};
use crate::index::Via;
use chrono::NaiveDate;
use toml_edit::{DocumentMut, Item, Value};

/// A system of the draft (none is retired).
#[derive(Debug, Clone, PartialEq)]
pub struct DraftSystem {
    /// None when the system has no (string) id.
    pub id: Option<String>,
    /// Its `depends_on` entries, then its integration sources.
    pub refs: Vec<(String, Via)>,
    /// `contract.ends`, when it is a date.
    pub contract_ends: Option<NaiveDate>,
}

/// The systems of a draft.
pub(super) fn systems(doc: &DocumentMut) -> Vec<DraftSystem> {
    tables(doc.get("systems"))
        .into_iter()
        .map(|system| {
            let depends_on = match system.get("depends_on") {
                Some(Item::Value(Value::Array(deps))) => deps
                    .iter()
                    .filter_map(Value::as_str)
                    .map(|t| (t.to_string(), Via::DependsOn))
                    .collect(),
                _ => Vec::new(),
            };
            let sources = tables(system.get("integrations"))
                .into_iter()
                .filter_map(|i| str_of(i, "source"))
                .map(|s| (s.to_string(), Via::Integration));
            let contract_ends = system
                .get("contract")
                .and_then(Item::as_table_like)
                .and_then(|c| c.get("ends"))
                .and_then(Item::as_datetime)
                .filter(|dt| dt.time.is_none() && dt.offset.is_none())
                .and_then(|dt| dt.date)
                .and_then(|d| {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                });
            DraftSystem {
                id: str_of(system, "id").map(str::to_string),
                refs: depends_on.into_iter().chain(sources).collect(),
                contract_ends,
            }
        })
        .collect()
}

/// What is wrong with a draft for `to` rolled over from `from`, if anything: the
/// rollover's own promise (SPEC section 8), checked on the edited document.
pub(super) fn wrong(doc: &DocumentMut, from: i32, to: i32) -> Option<&'static str> {
    let root = doc.as_table();
    let integer = |item: Option<&Item>| item.and_then(Item::as_integer);
    if integer(root.get("year")) != Some(i64::from(to)) {
        Some("year")
    } else if root.get("status").and_then(Item::as_str) != Some("draft")
        || DECISION.iter().any(|k| root.contains_key(k))
    {
        Some("status")
    } else if root.contains_key("upgrades") {
        Some("upgrades")
    } else if tables(root.get("activities"))
        .iter()
        .any(|a| integer(a.get("carried_from")) != Some(i64::from(from)))
    {
        Some("activities")
    } else if tables(root.get("systems")).iter().any(|s| {
        str_of(*s, "lifecycle") == Some("retired")
            || s.get("appendix3")
                .and_then(Item::as_table_like)
                .is_some_and(|a3| ATTESTATION.iter().any(|k| a3.contains_key(k)))
    }) {
        Some("systems")
    } else {
        None
    }
}
