//! The shape of a plan file: every key, its type, whether it is required, and its
//! documentation. One description serves the schema check and the JSON Schema that
//! editors use, so the two can never disagree.

use super::tree::{span_of, type_name, Tbl};
use crate::diag::{did_you_mean, Span};
use crate::i18n::Msg;
use crate::layout::{is_id, suggest_id};
use crate::msg;
use toml::de::DeValue;
use toml::Spanned;

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

/// A problem with the shape of a file.
pub struct ShapeError {
    pub span: Span,
    pub message: Msg,
    pub help: Option<Msg>,
}

/// Checks a table against its fields, pushing one error per problem. `path` is the
/// dotted key path of the table, for messages.
pub fn validate(table: Tbl<'_, '_>, fields: &[Field], path: &str, out: &mut Vec<ShapeError>) {
    let top = KeyPath::Key(&KeyPath::Root, path);
    let path = if path.is_empty() {
        &KeyPath::Root
    } else {
        &top
    };
    validate_at(table, fields, path, out)
}

/// The dotted key path of a value (`systems[0].appendix3`), written out only when a
/// message needs it: most files have no problem, and every key is checked.
#[derive(Clone, Copy)]
enum KeyPath<'p> {
    Root,
    Key(&'p KeyPath<'p>, &'p str),
    Index(&'p KeyPath<'p>, usize),
}

impl std::fmt::Display for KeyPath<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyPath::Root => Ok(()),
            KeyPath::Key(KeyPath::Root, key) => f.write_str(key),
            KeyPath::Key(parent, key) => write!(f, "{parent}.{key}"),
            KeyPath::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

fn validate_at(
    table: Tbl<'_, '_>,
    fields: &[Field],
    path: &KeyPath<'_>,
    out: &mut Vec<ShapeError>,
) {
    for (key, value) in table.map.iter() {
        let name = key.get_ref().as_ref();
        let here = KeyPath::Key(path, name);
        match fields.iter().find(|f| f.name == name) {
            Some(field) => check_value(value, &field.ty, &here, span_of(key), out),
            None => {
                let suggestion = did_you_mean(name, fields.iter().map(|f| f.name));
                out.push(ShapeError {
                    span: span_of(key),
                    message: msg!("schema-unknown-key", key = here.to_string()),
                    help: Some(match suggestion {
                        Some(s) => msg!("did-you-mean-id", name = s),
                        None => msg!("schema-expected-one-of", values = names(fields)),
                    }),
                });
            }
        }
    }
    for field in fields.iter().filter(|f| f.required) {
        if table.entry(field.name).is_none() {
            out.push(ShapeError {
                span: table.span,
                message: msg!(
                    "schema-missing-key",
                    key = KeyPath::Key(path, field.name).to_string()
                ),
                // The format's own documentation of the key (English; `plan schema`).
                help: Some(Msg::verbatim(field.doc)),
            });
        }
    }
}

fn check_value(
    value: &Spanned<DeValue<'_>>,
    ty: &Ty,
    path: &KeyPath<'_>,
    key_span: Span,
    out: &mut Vec<ShapeError>,
) {
    let span = span_of(value);
    let v = value.get_ref();
    let mut wrong = |expected: Msg, help: Option<Msg>| {
        out.push(ShapeError {
            span,
            message: msg!(
                "schema-wrong-type",
                key = path.to_string(),
                expected = expected,
                found = describe(v)
            ),
            help,
        })
    };
    match (ty, v) {
        (Ty::Str, DeValue::String(_)) | (Ty::Bool, DeValue::Boolean(_)) => {}
        (Ty::Int(lo, hi), DeValue::Integer(_)) => match super::tree::as_int(value) {
            Some(n) if (*lo..=*hi).contains(&n.val) => {}
            _ => wrong(msg!("expect-integer", low = *lo, high = *hi), None),
        },
        (Ty::Amount, DeValue::Integer(_) | DeValue::Float(_)) => {
            let text = match v {
                DeValue::Integer(i) => i.as_str(),
                DeValue::Float(f) => f.as_str(),
                _ => unreachable!(),
            };
            if text.starts_with('-') || text.contains("nan") || text.contains("inf") {
                wrong(msg!("expect-amount"), None);
            } else if !representable(value) {
                // TOML integers are 64-bit; a float beyond f64 becomes infinity.
                wrong(msg!("expect-representable"), None);
            }
        }
        (Ty::Date, DeValue::Datetime(_)) => {
            if super::tree::as_date(value).is_none() {
                wrong(msg!("expect-date-only"), None);
            }
        }
        (Ty::Date, DeValue::String(s)) => wrong(msg!("expect-a-date"), Some(date_hint(s))),
        (Ty::Id, DeValue::String(s)) => {
            if !is_id(s) {
                wrong(
                    msg!("expect-id-syntax"),
                    Some(msg!("schema-for-example", value = suggest_id(s))),
                );
            }
        }
        (Ty::Ref, DeValue::String(s)) => {
            let mut parts = s.splitn(2, '/');
            let ok = parts.next().is_some_and(is_id) && parts.next().is_none_or(is_id);
            if !ok {
                wrong(msg!("expect-ref"), None);
            }
        }
        (Ty::Enum(values), DeValue::String(s)) => {
            if !values.contains(&s.as_ref()) {
                out.push(unknown_value(span, path, s, values));
            }
        }
        (Ty::Table(fields), DeValue::Table(t)) => {
            validate_at(Tbl::new(t, key_span), fields, path, out)
        }
        (Ty::Map(inner), DeValue::Table(t)) => {
            for (k, v) in t.iter() {
                check_value(v, inner, &KeyPath::Key(path, k.get_ref()), span_of(k), out);
            }
        }
        (Ty::Array(inner), DeValue::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                check_value(item, inner, &KeyPath::Index(path, i), span_of(item), out);
            }
        }
        (Ty::OneOrMany(inner), DeValue::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                check_value(item, inner, &KeyPath::Index(path, i), span_of(item), out);
            }
        }
        (Ty::OneOrMany(inner), _) => check_value(value, inner, path, key_span, out),
        (Ty::AnyOf(alternatives), _) => match alternatives.iter().find(|alt| same_kind(alt, v)) {
            Some(alt) => check_value(value, alt, path, key_span, out),
            None => wrong(alternatives_of(alternatives), None),
        },
        (ty, _) => wrong(expectation(ty), None),
    }
}

/// Whether a number is one TOML can hold: a 64-bit integer, a finite float.
fn representable(value: &Spanned<DeValue<'_>>) -> bool {
    match value.get_ref() {
        DeValue::Integer(_) => super::tree::as_int(value).is_some(),
        DeValue::Float(f) => f
            .as_str()
            .replace('_', "")
            .parse::<f64>()
            .is_ok_and(f64::is_finite),
        _ => true,
    }
}

/// Whether a value has the TOML type an alternative asks for.
fn same_kind(ty: &Ty, v: &DeValue<'_>) -> bool {
    matches!(
        (ty, v),
        (Ty::Str | Ty::Id | Ty::Ref | Ty::Enum(_), DeValue::String(_))
            | (Ty::Table(_) | Ty::Map(_), DeValue::Table(_))
            | (Ty::Array(_), DeValue::Array(_))
            | (Ty::Bool, DeValue::Boolean(_))
            | (Ty::Int(..) | Ty::Amount, DeValue::Integer(_))
            | (Ty::Date, DeValue::Datetime(_))
    )
}

/// A value an enum does not have. A Swedish word for one of its values (`ja`,
/// `fastställd`) is answered with that value, not with the nearest spelling (which
/// for `ja` is `na`); an empty answer is unanswered.
fn unknown_value(span: Span, path: &KeyPath<'_>, s: &str, values: &[&str]) -> ShapeError {
    let key = path.to_string();
    if s.trim().is_empty() && values == ANSWERS {
        return ShapeError {
            span,
            message: msg!("schema-empty-answer", key = key),
            help: Some(msg!("schema-empty-answer.help")),
        };
    }
    let help = match swedish_value(s).filter(|v| values.contains(v)) {
        Some(m) => msg!("schema-swedish-value", written = s, value = m),
        None => match did_you_mean(s, values.iter().copied()) {
            Some(m) => msg!("did-you-mean-value", name = m),
            None => msg!("schema-expected-one-of", values = quoted(values)),
        },
    };
    ShapeError {
        span,
        message: msg!("schema-unknown-value", key = key, value = s),
        help: Some(help),
    }
}

/// The value a Swedish word stands for, in the enums of the format.
fn swedish_value(s: &str) -> Option<&'static str> {
    let word = s.trim().to_lowercase();
    let word = word.trim_end_matches('.');
    Some(match word {
        "ja" | "j" => "yes",
        "nej" | "n" => "no",
        "delvis" => "partial",
        "ej tillämplig" | "ej tillämpligt" | "inte tillämplig" | "inte tillämpligt"
        | "ej tillämpbar" | "e.t" | "et" | "ej aktuell" | "ej aktuellt" => "na",
        "utkast" => "draft",
        "fastställd" | "fastställt" | "beslutad" => "established",
        "reviderad" | "reviderat" => "revised",
        "planerad" | "planerat" => "planned",
        "pågående" | "pågår" => "ongoing",
        "klar" | "klart" | "genomförd" | "genomfört" => "done",
        "uppskjuten" | "uppskjutet" => "postponed",
        "inställd" | "inställt" | "avbruten" | "avbrutet" => "cancelled",
        "intern" | "internt" => "internal",
        "extern" | "externt" => "external",
        "aktiv" | "aktivt" | "i drift" => "active",
        "avvecklad" | "avvecklat" => "retired",
        "under avveckling" => "phasing-out",
        "godkänd" | "godkänt" => "approved",
        "begärd" | "begärt" => "requested",
        "förvaltning" => "maintain",
        "utveckling" => "develop",
        "säkerhet" => "security",
        _ => return None,
    })
}

/// "a string or an array of them" for alternatives.
fn alternatives_of(alts: &[Ty]) -> Msg {
    let mut parts: Vec<Msg> = alts.iter().map(expectation).collect();
    let last = parts.pop().unwrap_or_else(|| Msg::verbatim(""));
    parts.into_iter().rev().fold(last, |rest, first| {
        msg!("expect-or", first = first, rest = rest)
    })
}

fn expectation(ty: &Ty) -> Msg {
    match ty {
        Ty::Str => msg!("expect-string"),
        Ty::Bool => msg!("expect-bool"),
        Ty::Int(lo, hi) => msg!("expect-integer", low = *lo, high = *hi),
        Ty::Amount => msg!("expect-amount"),
        Ty::Date => msg!("expect-date"),
        Ty::Id => msg!("expect-id"),
        Ty::Ref => msg!("expect-ref"),
        Ty::Enum(values) => msg!("expect-enum", values = quoted(values)),
        Ty::Table(_) | Ty::Map(_) => msg!("expect-table"),
        Ty::Array(_) => msg!("expect-array"),
        Ty::OneOrMany(inner) => msg!("expect-one-or-many", one = expectation(inner)),
        Ty::AnyOf(alts) => alternatives_of(alts),
    }
}

fn describe(v: &DeValue<'_>) -> String {
    match v {
        DeValue::String(s) if s.len() <= 40 => format!("\"{s}\""),
        DeValue::Integer(i) => i.to_string(),
        DeValue::Float(f) => f.as_str().to_string(),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(d) => d.to_string(),
        other => type_name(other).to_string(),
    }
}

fn names(fields: &[Field]) -> String {
    fields.iter().map(|f| f.name).collect::<Vec<_>>().join(", ")
}

/// `"a", "b"`: values as the items of a TOML array, or a list in a message.
pub fn quoted<S: AsRef<str>>(values: &[S]) -> String {
    values
        .iter()
        .map(|v| format!("\"{}\"", v.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How to write a date the user wrote another way (`15/12/2026`, `"2026-12-15"`):
/// TOML dates are YYYY-MM-DD without quotes. Day-first forms are read the Swedish
/// way (15/12/2026 is 15 December) to show the date rewritten.
pub fn date_hint(written: &str) -> crate::i18n::Msg {
    let written = written.trim_matches(['"', '\'']);
    let read = [
        "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d", "%Y.%m.%d",
    ]
    .iter()
    .find_map(|f| chrono::NaiveDate::parse_from_str(written, f).ok());
    match read {
        Some(date) => msg!("schema-date-quoted", date = date.to_string()),
        None => msg!("schema-date-quoted.help"),
    }
}

/// Whether an unquoted value looks like a date written another way than TOML's
/// (`15/12/2026`, `15.12.2026`): digits with `/` or `.` between them.
pub fn looks_like_date(value: &str) -> bool {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    digits >= 4
        && value.contains(['/', '.'])
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | '-'))
}
