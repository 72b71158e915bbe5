//! The schema pass: a parsed file checked against its format ([`super::format`]),
//! one error per problem (unknown keys with the closest known one, wrong types,
//! values outside their list, dates written another way).

use super::format::{Field, Ty, ANSWERS};
use super::tree::{span_of, type_name, Tbl};
use crate::diag::{did_you_mean, Span};
use crate::i18n::Msg;
use crate::layout::{is_id, suggest_id};
use crate::msg;
use toml::de::DeValue;
use toml::Spanned;

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
                // The format's own documentation of the key (as `plan schema` has it).
                help: Some(Msg::new(field.doc)),
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
