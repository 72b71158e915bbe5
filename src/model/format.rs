//! The plan file format as data: every key, its type, whether it is required, and
//! its documentation. One description serves the schema pass ([`super::shape`])
//! and the JSON Schema that editors use ([`super::json_schema`]), so the two can
//! never disagree.

/// The type a key's value must have.
pub enum Ty {
    Str,
    Bool,
    /// An integer in an inclusive range.
    Int(i64, i64),
    /// A non-negative number of hours or kronor (integer or float).
    Amount,
    /// A TOML local date, `2027-03-06`.
    Date,
    /// An identifier: `^[a-z0-9][a-z0-9-]{0,62}$`, like object folder names.
    Id,
    /// A reference to another object's system: `"<object>"` or `"<object>/<system>"`.
    Ref,
    Enum(&'static [&'static str]),
    Table(&'static [Field]),
    /// A table with free keys (role ids, question ids), each value of one type.
    Map(&'static Ty),
    Array(&'static Ty),
    /// One value, or an array of them (`[roles.x]` or `[[roles.x]]`).
    OneOrMany(&'static Ty),
    /// The first alternative whose TOML type matches decides.
    AnyOf(&'static [Ty]),
}

/// One key of a table.
pub struct Field {
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
    /// The id of its documentation in the catalogues (`i18n/<sv|en>/schema.ftl`),
    /// shown by editors and as a missing key's help.
    pub doc: &'static str,
}

const fn req(name: &'static str, ty: Ty, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        required: true,
        doc,
    }
}

const fn opt(name: &'static str, ty: Ty, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        required: false,
        doc,
    }
}

pub const STATUS: &[&str] = &["draft", "established", "revised"];
pub const HOSTING: &[&str] = &["internal", "external", "hybrid"];
pub const LIFECYCLE: &[&str] = &["planned", "active", "phasing-out", "retired"];
pub const ANSWERS: &[&str] = &["yes", "no", "partial", "na"];
pub const UPGRADE_KIND: &[&str] = &["major", "minor", "patch", "security"];
pub const CAB_STATUS: &[&str] = &["approved", "requested", "not-required"];
pub const UPGRADE_STATUS: &[&str] = &["planned", "done", "postponed", "cancelled"];
pub const ACTIVITY_KIND: &[&str] = &["maintain", "develop"];
pub const ACTIVITY_STATUS: &[&str] = &["planned", "ongoing", "done", "postponed", "cancelled"];

pub const PERSON: &[Field] = &[
    opt("name", Ty::Str, "field-person-name"),
    opt("email", Ty::Str, "field-person-email"),
    opt("unit", Ty::Str, "field-person-unit"),
    opt("username", Ty::Str, "field-person-username"),
];

const CLASSIFICATION: &[Field] = &[
    opt(
        "confidentiality",
        Ty::Int(0, 3),
        "field-classification-confidentiality",
    ),
    opt("integrity", Ty::Int(0, 3), "field-classification-integrity"),
    opt(
        "availability",
        Ty::Int(0, 3),
        "field-classification-availability",
    ),
];

const CONTRACT: &[Field] = &[
    opt("id", Ty::Str, "field-contract-id"),
    opt("ends", Ty::Date, "field-contract-ends"),
    opt(
        "notice_months",
        Ty::Int(0, 120),
        "field-contract-notice-months",
    ),
    opt("owner", Ty::Str, "field-contract-owner"),
    opt("dpa", Ty::Bool, "field-contract-dpa"),
];

const GOAL: &[Field] = &[
    req("text", Ty::Str, "field-goal-text"),
    opt("measure", Ty::Str, "field-goal-measure"),
];

const INTEGRATION: &[Field] = &[
    req("source", Ty::Ref, "field-integration-source"),
    req("data", Ty::Str, "field-integration-data"),
    opt("personal_data", Ty::Bool, "field-integration-personal-data"),
    opt("legal_basis", Ty::Str, "field-integration-legal-basis"),
    opt("purpose", Ty::Str, "field-integration-purpose"),
    opt("contract", Ty::Str, "field-integration-contract"),
];

pub const ANSWER_TABLE: &[Field] = &[
    req("answer", Ty::Enum(ANSWERS), "field-answer-table-answer"),
    opt("deviation", Ty::Str, "field-answer-table-deviation"),
    opt("action", Ty::Str, "field-answer-table-action"),
    opt("owner", Ty::Str, "field-answer-table-owner"),
    opt("due", Ty::Date, "field-answer-table-due"),
    opt(
        "reported_to",
        Ty::Array(&Ty::Str),
        "field-answer-table-reported-to",
    ),
    opt("justification", Ty::Str, "field-answer-table-justification"),
];

const ANSWER: Ty = Ty::AnyOf(&[Ty::Enum(ANSWERS), Ty::Table(ANSWER_TABLE)]);

const APPENDIX3: &[Field] = &[
    opt("attested_by", Ty::Str, "field-appendix3-attested-by"),
    opt("attested_on", Ty::Date, "field-appendix3-attested-on"),
    opt("digest", Ty::Str, "field-appendix3-digest"),
    opt("signed_by", Ty::Str, "field-appendix3-signed-by"),
    opt("answers", Ty::Map(&ANSWER), "field-appendix3-answers"),
];

const SYSTEM: &[Field] = &[
    req("id", Ty::Id, "field-system-id"),
    req("name", Ty::Str, "field-system-name"),
    opt("supplier", Ty::Str, "field-system-supplier"),
    opt("hosting", Ty::Enum(HOSTING), "field-system-hosting"),
    opt("lifecycle", Ty::Enum(LIFECYCLE), "field-system-lifecycle"),
    opt("version", Ty::Str, "field-system-version"),
    opt("personal_data", Ty::Bool, "field-system-personal-data"),
    opt(
        "classification",
        Ty::Table(CLASSIFICATION),
        "field-system-classification",
    ),
    opt(
        "test_environment",
        Ty::Bool,
        "field-system-test-environment",
    ),
    opt("contract", Ty::Table(CONTRACT), "field-system-contract"),
    opt("depends_on", Ty::Array(&Ty::Ref), "field-system-depends-on"),
    opt(
        "integrations",
        Ty::Array(&Ty::Table(INTEGRATION)),
        "field-system-integrations",
    ),
    opt("appendix3", Ty::Table(APPENDIX3), "field-system-appendix3"),
];

const CAB: &[Field] = &[
    opt("status", Ty::Enum(CAB_STATUS), "field-cab-status"),
    opt("ref", Ty::Str, "field-cab-ref"),
];

const UPGRADE: &[Field] = &[
    req("system", Ty::Id, "field-upgrade-system"),
    opt("to_version", Ty::Str, "field-upgrade-to-version"),
    req("date", Ty::Date, "field-upgrade-date"),
    req("kind", Ty::Enum(UPGRADE_KIND), "field-upgrade-kind"),
    opt("cab", Ty::Table(CAB), "field-upgrade-cab"),
    opt("announced_on", Ty::Date, "field-upgrade-announced-on"),
    opt("tested", Ty::Bool, "field-upgrade-tested"),
    opt("downtime_hours", Ty::Amount, "field-upgrade-downtime-hours"),
    opt("status", Ty::Enum(UPGRADE_STATUS), "field-upgrade-status"),
];

const ACTIVITY: &[Field] = &[
    req("id", Ty::Str, "field-activity-id"),
    req("title", Ty::Str, "field-activity-title"),
    opt("kind", Ty::Enum(ACTIVITY_KIND), "field-activity-kind"),
    opt("owner", Ty::Str, "field-activity-owner"),
    opt("start", Ty::Date, "field-activity-start"),
    opt("end", Ty::Date, "field-activity-end"),
    opt("hours", Ty::Amount, "field-activity-hours"),
    opt("sek", Ty::Amount, "field-activity-sek"),
    opt("status", Ty::Enum(ACTIVITY_STATUS), "field-activity-status"),
    opt(
        "carried_from",
        Ty::Int(1900, 9999),
        "field-activity-carried-from",
    ),
];

const BUDGET: &[Field] = &[
    opt("hours", Ty::Amount, "field-budget-hours"),
    opt("sek", Ty::Amount, "field-budget-sek"),
];

/// Every key of a plan file, `objects/<object>/<year>.toml`.
pub const PLAN: &[Field] = &[
    req("object", Ty::Id, "field-plan-object"),
    req("name", Ty::Str, "field-plan-name"),
    req("year", Ty::Int(1900, 9999), "field-plan-year"),
    req("status", Ty::Enum(STATUS), "field-plan-status"),
    opt("established_on", Ty::Date, "field-plan-established-on"),
    opt(
        "established_by",
        Ty::Array(&Ty::Str),
        "field-plan-established-by",
    ),
    opt("diarienummer", Ty::Str, "field-plan-diarienummer"),
    opt(
        "organisation_model",
        Ty::Int(1, 5),
        "field-plan-organisation-model",
    ),
    opt("description", Ty::Str, "field-plan-description"),
    opt("goals", Ty::Array(&Ty::Table(GOAL)), "field-plan-goals"),
    opt(
        "roles",
        Ty::Map(&Ty::OneOrMany(&Ty::Table(PERSON))),
        "field-plan-roles",
    ),
    opt(
        "reference_group",
        Ty::Array(&Ty::Table(PERSON)),
        "field-plan-reference-group",
    ),
    opt("budget", Ty::Table(BUDGET), "field-plan-budget"),
    req(
        "systems",
        Ty::Array(&Ty::Table(SYSTEM)),
        "field-plan-systems",
    ),
    opt(
        "upgrades",
        Ty::Array(&Ty::Table(UPGRADE)),
        "field-plan-upgrades",
    ),
    opt(
        "activities",
        Ty::Array(&Ty::Table(ACTIVITY)),
        "field-plan-activities",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// Every key's documentation is in both catalogues (`i18n/<sv|en>/schema.ftl`).
    #[test]
    fn every_key_has_its_documentation() {
        fn walk(fields: &[Field], missing: &mut Vec<&'static str>) {
            for f in fields {
                if !Lang::En.has(f.doc) || !Lang::Sv.has(f.doc) {
                    missing.push(f.doc);
                }
                walk_ty(&f.ty, missing);
            }
        }
        fn walk_ty(ty: &Ty, missing: &mut Vec<&'static str>) {
            match ty {
                Ty::Table(fields) => walk(fields, missing),
                Ty::Map(t) | Ty::Array(t) | Ty::OneOrMany(t) => walk_ty(t, missing),
                Ty::AnyOf(ts) => ts.iter().for_each(|t| walk_ty(t, missing)),
                _ => {}
            }
        }
        let mut missing = Vec::new();
        walk(PLAN, &mut missing);
        assert_eq!(missing, Vec::<&str>::new());
    }
}
