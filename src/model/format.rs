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
    opt(
        "name",
        Ty::Str,
        "Full name (or the name of a board or nämnd).",
    ),
    opt(
        "email",
        Ty::Str,
        "E-mail address; optional, validated when present.",
    ),
    opt("unit", Ty::Str, "Organisational unit."),
    opt(
        "username",
        Ty::Str,
        "Username on the git forge, used for CODEOWNERS.",
    ),
];

const CLASSIFICATION: &[Field] = &[
    opt("confidentiality", Ty::Int(0, 3), "Konfidentialitet, 0–3."),
    opt("integrity", Ty::Int(0, 3), "Riktighet, 0–3."),
    opt("availability", Ty::Int(0, 3), "Tillgänglighet, 0–3."),
];

const CONTRACT: &[Field] = &[
    opt("id", Ty::Str, "Contract reference."),
    opt("ends", Ty::Date, "The day the contract ends."),
    opt(
        "notice_months",
        Ty::Int(0, 120),
        "Uppsägningstid in months: the contract must be given notice this long before it ends.",
    ),
    opt(
        "owner",
        Ty::Str,
        "Avtalsägare: who holds the contract (handbook 10.1.5: an owner outside the organisation).",
    ),
    opt(
        "dpa",
        Ty::Bool,
        "Whether a personuppgiftsbiträdesavtal (GDPR art. 28) is signed with the supplier.",
    ),
];

const GOAL: &[Field] = &[
    req("text", Ty::Str, "The goal (mål) for the year."),
    opt("measure", Ty::Str, "How the goal is followed up."),
];

const INTEGRATION: &[Field] = &[
    req(
        "source",
        Ty::Ref,
        "The system data is fetched from: \"<object>\" or \"<object>/<system>\".",
    ),
    req("data", Ty::Str, "What data is fetched."),
    opt(
        "personal_data",
        Ty::Bool,
        "Whether the data includes personal data.",
    ),
    opt(
        "legal_basis",
        Ty::Str,
        "Rättslig grund for the processing; required when personal_data.",
    ),
    opt(
        "purpose",
        Ty::Str,
        "Ändamål: why the data is fetched; required when personal_data (handbook 5.6).",
    ),
    opt(
        "contract",
        Ty::Str,
        "Informationskontrakt reference; required.",
    ),
];

pub const ANSWER_TABLE: &[Field] = &[
    req("answer", Ty::Enum(ANSWERS), "yes | no | partial | na"),
    opt(
        "deviation",
        Ty::Str,
        "Avvikelse: what is not in place (for no/partial).",
    ),
    opt("action", Ty::Str, "Åtgärd: what will be done about it."),
    opt("owner", Ty::Str, "Role id responsible for the action."),
    opt("due", Ty::Date, "When the action is due."),
    opt(
        "reported_to",
        Ty::Array(&Ty::Str),
        "Role ids the deviation was reported to.",
    ),
    opt(
        "justification",
        Ty::Str,
        "Why the question does not apply (for na).",
    ),
];

const ANSWER: Ty = Ty::AnyOf(&[Ty::Enum(ANSWERS), Ty::Table(ANSWER_TABLE)]);

const APPENDIX3: &[Field] = &[
    opt(
        "attested_by",
        Ty::Str,
        "The role that attested (the role model's attesting role).",
    ),
    opt("attested_on", Ty::Date, "Day of attestation."),
    opt(
        "digest",
        Ty::Str,
        "Digest of the answers at attestation, written by `plan attest`.",
    ),
    opt(
        "signed_by",
        Ty::Str,
        "The git identity (user.email) that ran `plan attest`, written by it.",
    ),
    opt(
        "answers",
        Ty::Map(&ANSWER),
        "One entry per checklist question id.",
    ),
];

const SYSTEM: &[Field] = &[
    req("id", Ty::Id, "System id, unique within the object."),
    req("name", Ty::Str, "Display name."),
    opt("supplier", Ty::Str, "Leverantör."),
    opt("hosting", Ty::Enum(HOSTING), "internal | external | hybrid"),
    opt(
        "lifecycle",
        Ty::Enum(LIFECYCLE),
        "planned | active | phasing-out | retired",
    ),
    opt("version", Ty::Str, "Version in production."),
    opt(
        "personal_data",
        Ty::Bool,
        "Whether the system processes personal data.",
    ),
    opt(
        "classification",
        Ty::Table(CLASSIFICATION),
        "Information classification, 0–3 each.",
    ),
    opt(
        "test_environment",
        Ty::Bool,
        "Whether a test environment exists.",
    ),
    opt("contract", Ty::Table(CONTRACT), "Supplier contract."),
    opt(
        "depends_on",
        Ty::Array(&Ty::Ref),
        "Systems this one needs: \"<object>\" or \"<object>/<system>\".",
    ),
    opt(
        "integrations",
        Ty::Array(&Ty::Table(INTEGRATION)),
        "Data this system fetches from other systems.",
    ),
    opt(
        "appendix3",
        Ty::Table(APPENDIX3),
        "Bilaga 3: the information-security checklist.",
    ),
];

const CAB: &[Field] = &[
    opt(
        "status",
        Ty::Enum(CAB_STATUS),
        "approved | requested | not-required",
    ),
    opt("ref", Ty::Str, "Change reference."),
];

const UPGRADE: &[Field] = &[
    req("system", Ty::Id, "A system id of this object."),
    opt("to_version", Ty::Str, "Version after the upgrade."),
    req("date", Ty::Date, "Day of the upgrade."),
    req(
        "kind",
        Ty::Enum(UPGRADE_KIND),
        "major | minor | patch | security",
    ),
    opt("cab", Ty::Table(CAB), "Change advisory board decision."),
    opt("announced_on", Ty::Date, "When users were told."),
    opt("tested", Ty::Bool, "Rehearsed in the test environment."),
    opt("downtime_hours", Ty::Amount, "Expected downtime."),
    opt(
        "status",
        Ty::Enum(UPGRADE_STATUS),
        "planned | done | postponed | cancelled",
    ),
];

const ACTIVITY: &[Field] = &[
    req("id", Ty::Str, "Activity id, e.g. A1."),
    req("title", Ty::Str, "What is done."),
    opt(
        "kind",
        Ty::Enum(ACTIVITY_KIND),
        "maintain (vidmakthålla) | develop (vidareutveckla)",
    ),
    opt("owner", Ty::Str, "A role id held in this plan."),
    opt("start", Ty::Date, "Start day."),
    opt("end", Ty::Date, "End day."),
    opt("hours", Ty::Amount, "Planned hours."),
    opt("sek", Ty::Amount, "Planned cost in SEK."),
    opt(
        "status",
        Ty::Enum(ACTIVITY_STATUS),
        "planned | ongoing | done | postponed | cancelled",
    ),
    opt(
        "carried_from",
        Ty::Int(1900, 9999),
        "The year an open activity was carried over from.",
    ),
];

const BUDGET: &[Field] = &[
    opt("hours", Ty::Amount, "Budgeted hours (bilaga 1)."),
    opt("sek", Ty::Amount, "Budgeted cost in SEK (bilaga 1)."),
];

/// Every key of a plan file, `objects/<object>/<year>.toml`.
pub const PLAN: &[Field] = &[
    req(
        "object",
        Ty::Id,
        "The management object; equals the folder name.",
    ),
    req("name", Ty::Str, "Display name of the object."),
    req(
        "year",
        Ty::Int(1900, 9999),
        "The plan year; equals the file name.",
    ),
    req(
        "status",
        Ty::Enum(STATUS),
        "draft (förslag) | established (fastställd) | revised (reviderad)",
    ),
    opt(
        "established_on",
        Ty::Date,
        "Required when status is established or revised.",
    ),
    opt(
        "established_by",
        Ty::Array(&Ty::Str),
        "The role ids that fastställde the plan (the role model's `establishes`).",
    ),
    opt(
        "diarienummer",
        Ty::Str,
        "The decision's registration number, e.g. \"STYR 2026/1234\".",
    ),
    opt(
        "organisation_model",
        Ty::Int(1, 5),
        "Organisation model, handbook 10.1.1–10.1.5.",
    ),
    opt(
        "description",
        Ty::Str,
        "The system's task (systemets uppgift) and the activity it supports (handbook 6.5).",
    ),
    opt(
        "goals",
        Ty::Array(&Ty::Table(GOAL)),
        "The year's goals (mål), each with how it is followed up.",
    ),
    opt(
        "roles",
        Ty::Map(&Ty::OneOrMany(&Ty::Table(PERSON))),
        "Role id → person, or array of people.",
    ),
    opt(
        "reference_group",
        Ty::Array(&Ty::Table(PERSON)),
        "Referensgrupp.",
    ),
    opt("budget", Ty::Table(BUDGET), "Budget (bilaga 1)."),
    req(
        "systems",
        Ty::Array(&Ty::Table(SYSTEM)),
        "The systems this plan covers.",
    ),
    opt(
        "upgrades",
        Ty::Array(&Ty::Table(UPGRADE)),
        "Planned upgrades.",
    ),
    opt(
        "activities",
        Ty::Array(&Ty::Table(ACTIVITY)),
        "Aktivitetslista.",
    ),
];
