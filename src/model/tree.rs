//! Read-only access to a parsed TOML tree that keeps every span.
//!
//! The schema pass ([`super::shape`]) reports wrong types; the typed model built with
//! these accessors simply treats a value of the wrong type as absent, so each problem
//! is reported once, by the schema pass.

use crate::diag::Span;
use chrono::NaiveDate;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// A value together with where it stands in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Sp<T> {
    pub val: T,
    pub span: Span,
}

impl<T> Sp<T> {
    pub fn new(val: T, span: Span) -> Self {
        Sp { val, span }
    }
}

impl<T> std::ops::Deref for Sp<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.val
    }
}

/// Where an optional value stands, or `fallback` where the file does not give it.
pub fn span_or<T>(value: &Option<Sp<T>>, fallback: Span) -> Span {
    value.as_ref().map_or(fallback, |v| v.span)
}

/// Whether an optional text is missing or only white space.
pub fn is_blank(text: &Option<Sp<String>>) -> bool {
    text.as_ref().is_none_or(|t| t.val.trim().is_empty())
}

/// A table of the parsed file, with the span that findings about it point at (the key
/// that introduced it, or its header).
#[derive(Clone, Copy)]
pub struct Tbl<'a, 'i> {
    pub map: &'a DeTable<'i>,
    pub span: Span,
}

pub type Entry<'a, 'i> = (
    &'a Spanned<std::borrow::Cow<'i, str>>,
    &'a Spanned<DeValue<'i>>,
);

pub fn span_of<T>(s: &Spanned<T>) -> Span {
    Span::new(s.span())
}

impl<'a, 'i> Tbl<'a, 'i> {
    pub fn new(map: &'a DeTable<'i>, span: Span) -> Self {
        Tbl { map, span }
    }

    pub fn entry(&self, key: &str) -> Option<Entry<'a, 'i>> {
        // A map look-up, not a scan: the typed model asks for every key it knows.
        self.map.get_key_value(key)
    }

    pub fn value(&self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.entry(key).map(|(_, v)| v)
    }

    /// The span of a key, or of the table when the key is absent.
    pub fn key_span(&self, key: &str) -> Span {
        self.entry(key).map_or(self.span, |(k, _)| span_of(k))
    }

    pub fn str(&self, key: &str) -> Option<Sp<String>> {
        match self.value(key) {
            Some(v) => as_str(v),
            None => None,
        }
    }

    pub fn bool(&self, key: &str) -> Option<Sp<bool>> {
        match self.value(key).map(|v| (v.get_ref(), span_of(v))) {
            Some((DeValue::Boolean(b), span)) => Some(Sp::new(*b, span)),
            _ => None,
        }
    }

    pub fn int(&self, key: &str) -> Option<Sp<i64>> {
        self.value(key).and_then(as_int)
    }

    /// An integer or float, as f64 (hours, money).
    pub fn num(&self, key: &str) -> Option<Sp<f64>> {
        let v = self.value(key)?;
        match v.get_ref() {
            DeValue::Float(f) => f
                .as_str()
                .replace('_', "")
                .parse()
                .ok()
                .map(|f| Sp::new(f, span_of(v))),
            _ => as_int(v).map(|i| Sp::new(i.val as f64, i.span)),
        }
    }

    pub fn date(&self, key: &str) -> Option<Sp<NaiveDate>> {
        self.value(key).and_then(as_date)
    }

    pub fn table(&self, key: &str) -> Option<Tbl<'a, 'i>> {
        let (k, v) = self.entry(key)?;
        match v.get_ref() {
            DeValue::Table(t) => Some(Tbl::new(t, span_of(k))),
            _ => None,
        }
    }

    /// The tables of an array of tables (`[[systems]]`); other elements are skipped.
    pub fn tables(&self, key: &str) -> Vec<Tbl<'a, 'i>> {
        match self.value(key).map(|v| v.get_ref()) {
            Some(DeValue::Array(items)) => items
                .iter()
                .filter_map(|item| match item.get_ref() {
                    DeValue::Table(t) => Some(Tbl::new(t, span_of(item))),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// An array of strings only, with the array's span; None when the key is absent
    /// or its value is anything else (the schema pass reports that).
    pub fn str_list(&self, key: &str) -> Option<Sp<Vec<Sp<String>>>> {
        let v = self.value(key)?;
        match v.get_ref() {
            DeValue::Array(items) => {
                let list = items.iter().map(as_str).collect::<Option<Vec<_>>>()?;
                Some(Sp::new(list, span_of(v)))
            }
            _ => None,
        }
    }

    /// The strings of an array of strings; other elements are skipped.
    pub fn strs(&self, key: &str) -> Vec<Sp<String>> {
        match self.value(key).map(|v| v.get_ref()) {
            Some(DeValue::Array(items)) => items.iter().filter_map(as_str).collect(),
            _ => Vec::new(),
        }
    }

    /// A string that must be one of an enum's names.
    pub fn enumerated<E: std::str::FromStr>(&self, key: &str) -> Option<Sp<E>> {
        let s = self.str(key)?;
        s.val.parse().ok().map(|e| Sp::new(e, s.span))
    }
}

pub fn as_str(v: &Spanned<DeValue<'_>>) -> Option<Sp<String>> {
    match v.get_ref() {
        DeValue::String(s) => Some(Sp::new(s.to_string(), span_of(v))),
        _ => None,
    }
}

pub fn as_int(v: &Spanned<DeValue<'_>>) -> Option<Sp<i64>> {
    match v.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
            .ok()
            .map(|n| Sp::new(n, span_of(v))),
        _ => None,
    }
}

/// A TOML local date (`2027-03-06`, no time, no offset) as a calendar date.
pub fn as_date(v: &Spanned<DeValue<'_>>) -> Option<Sp<NaiveDate>> {
    match v.get_ref() {
        DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
            let d = dt.date?;
            NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                .map(|date| Sp::new(date, span_of(v)))
        }
        _ => None,
    }
}

/// Human name of a value's TOML type, for messages.
pub fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}
