//! `parse` and `schema`: the file must be TOML, and every key must be one the
//! format knows, with a value of the right type.

use super::{Rule, Sink};
use crate::diag::{Severity, Span};
use crate::i18n::Msg;
use crate::model::shape::{self, ShapeError};
use crate::model::Tbl;
use crate::msg;

pub const PARSE: Rule = Rule {
    id: "parse",
    severity: Severity::Error,
};

pub const SCHEMA: Rule = Rule {
    id: "schema",
    severity: Severity::Error,
};

/// Largest plan file read; anything bigger is almost certainly not a plan.
pub const MAX_FILE_BYTES: usize = 4 << 20;

/// The file's text; or, after reporting why it cannot be read as text, the readable
/// part before the problem (so the finding gets a line and column).
pub fn decode<'b>(bytes: &'b [u8], sink: &mut Sink) -> Result<&'b str, &'b str> {
    let text = crate::diag::text_of(bytes);
    if bytes.len() > MAX_FILE_BYTES {
        sink.push(&PARSE, Span::START, msg!("parse-too-large"));
        return Err(text);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match bytes.get(text.len()) {
        None => Ok(text),
        Some(&bad) => {
            let at = text.len();
            sink.push(&PARSE, Span::new(at..at), not_utf8(bad))
                .help(msg!("parse-not-utf8.help"));
            Err(text)
        }
    }
}

/// Why a file is not UTF-8, naming the first bad byte: Swedish letters saved in
/// Latin-1 / Windows-1252 are the usual cause.
pub fn not_utf8(byte: u8) -> Msg {
    // Swedish letters saved in Latin-1 / Windows-1252 are the usual cause.
    let byte_hex = format!("0x{byte:02X}");
    if byte >= 0xC0 {
        msg!(
            "parse-not-utf8-latin1",
            byte = byte_hex,
            letter = char::from(byte).to_string()
        )
    } else {
        msg!("parse-not-utf8", byte = byte_hex)
    }
}

/// The first line of git's conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`) in a
/// file, as a byte range: a merge left unresolved.
fn conflict_marker(text: &str) -> Option<std::ops::Range<usize>> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\r', '\n']);
        let marker = ["<<<<<<<", "=======", ">>>>>>>"].iter().any(|m| {
            body.strip_prefix(m)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        });
        if marker {
            return Some(at..at + body.len());
        }
        at += line.len();
    }
    None
}

/// Reports a TOML syntax error at its place. The parser's words are completed with
/// what it cannot show: the character it stopped at when that is invisible (a NUL, a
/// stray BOM, a non-breaking space), and which key is duplicated; and "nested too
/// deeply" replaces the parser's recursion limit.
pub fn parse_error(e: &toml::de::Error, text: &str, sink: &mut Sink) {
    let range = match conflict_marker(text) {
        Some(marker) => marker,
        None => e.span().unwrap_or(0..0),
    };
    let message = toml_error_message(e, text);
    let finding = sink.push(&PARSE, Span::new(range), message);
    if let Some(value) = unquoted_date(e, text) {
        finding.help(shape::date_hint(value));
    }
}

/// The value at a "must be quoted" error when it is a date written another way
/// (`established_on = 15/12/2026`): the parser's advice to quote it would only lead
/// to a `schema` error asking for no quotes.
fn unquoted_date<'t>(e: &toml::de::Error, text: &'t str) -> Option<&'t str> {
    let value = text.get(e.span()?)?.trim();
    (e.message().contains("must be quoted") && shape::looks_like_date(value)).then_some(value)
}

/// The message of a TOML syntax error in `text` (see [`parse_error`]); plan.toml's
/// errors read the same.
/// The parser's own words (`said`) stay as it wrote them, in English.
pub fn toml_error_message(e: &toml::de::Error, text: &str) -> Msg {
    if conflict_marker(text).is_some() {
        return msg!("parse-conflict-markers");
    }
    let range = e.span().unwrap_or(0..0);
    let said = e.message().trim_end();
    let duplicate = (said == "duplicate key")
        .then(|| text.get(range.clone()))
        .flatten()
        .filter(|k| !k.is_empty() && k.len() <= 100 && !k.contains('\n'));
    let mut message = if said.contains("recursion") || said.contains("recurse") {
        msg!("parse-toml-nested")
    } else if let Some(value) = unquoted_date(e, text) {
        msg!("parse-toml-not-a-date", value = value)
    } else if let Some(key) = duplicate {
        match first_definition(text, range.start) {
            Some(line) => msg!(
                "parse-toml-duplicate-first",
                said = said,
                key = key,
                line = line
            ),
            None => msg!("parse-toml-duplicate", said = said, key = key),
        }
    } else {
        msg!("parse-toml", said = said)
    };
    if let Some(c) = text.get(range.start..).and_then(|t| t.chars().next()) {
        let invisible = (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || (c.is_whitespace() && !matches!(c, ' ' | '\t' | '\n' | '\r'))
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}');
        if invisible {
            message = msg!(
                "parse-invisible",
                message = message,
                code = format!("{:04X}", u32::from(c))
            );
        }
    }
    message
}

/// The line (1-based) where the key or table duplicated at byte `at` was first
/// defined: the same table header earlier in the file, or the same key earlier in
/// the same table. None where that cannot be told from the lines (a table made by
/// dotted keys, say); the message then names the key only.
fn first_definition(text: &str, at: usize) -> Option<usize> {
    let start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let squeeze = |line: &str| -> String { line.chars().filter(|c| !c.is_whitespace()).collect() };
    let header = |line: &str| {
        let line = squeeze(line);
        line.starts_with('[')
            .then(|| line.split('#').next().unwrap_or_default().to_string())
    };
    let key = |line: &str| {
        let line = squeeze(line);
        let (key, _) = line.split_once('=')?;
        (!key.is_empty() && !key.starts_with(['[', '#'])).then(|| key.to_string())
    };
    let duplicate = text[start..].lines().next()?;
    let before: Vec<&str> = text[..start].lines().collect();
    let found = match header(duplicate) {
        Some(table) => before
            .iter()
            .position(|l| header(l).as_ref() == Some(&table)),
        None => {
            let wanted = key(duplicate)?;
            let table_start = before
                .iter()
                .rposition(|l| header(l).is_some())
                .map_or(0, |i| i + 1);
            (table_start..before.len()).find(|&i| key(before[i]).as_ref() == Some(&wanted))
        }
    };
    found.map(|i| i + 1)
}

/// Checks the whole file against the plan-file shape.
pub fn check(root: Tbl<'_, '_>, sink: &mut Sink) {
    let mut errors = Vec::new();
    shape::validate(root, shape::PLAN, "", &mut errors);
    for ShapeError {
        span,
        message,
        help,
    } in errors
    {
        let f = sink.push(&SCHEMA, span, message);
        f.help = help;
    }
}
