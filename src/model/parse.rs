//! Bytes to a TOML tree with spans: the one way a plan file or `plan.toml` is
//! decoded and parsed, and what a person is told when that fails.
//!
//! A leading byte order mark is dropped here, once, before parsing: spans are then
//! offsets into the text that line and column numbers are counted in, so a finding
//! on the first line of a file saved "with BOM" gets the column an editor shows.

use super::tree::Tbl;
use super::Plan;
use crate::diag::Span;
use crate::i18n::Msg;
use crate::layout::MAX_FILE_BYTES;
use crate::msg;
use toml::de::DeTable;
use toml::Spanned;

/// A parsed file: its text and its tree, whose spans point into the text.
pub struct Parsed<'b> {
    pub text: &'b str,
    root: Spanned<DeTable<'b>>,
}

impl<'b> Parsed<'b> {
    /// The top-level table.
    pub fn tree(&self) -> Tbl<'_, 'b> {
        Tbl::new(self.root.get_ref(), Span::START)
    }

    /// The typed plan the tree holds (values of the wrong type read as absent).
    pub fn plan(&self) -> Plan {
        Plan::from_tree(self.tree())
    }
}

/// Why bytes could not be parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge,
    /// Not UTF-8.
    NotUtf8,
    /// Not TOML.
    Syntax,
}

/// What could not be parsed and where: the text that could be read (the part before
/// a byte that is not UTF-8), so the problem gets a line and a column in it.
pub struct Unparsable<'b> {
    pub why: Why,
    pub text: &'b str,
    pub span: Span,
    pub message: Msg,
    pub help: Option<Msg>,
}

/// Decodes and parses a file.
pub fn parse(bytes: &[u8]) -> Result<Parsed<'_>, Unparsable<'_>> {
    let text = decode(bytes)?;
    match DeTable::parse(text) {
        Ok(root) => Ok(Parsed { text, root }),
        Err(e) => {
            let span = match conflict_marker(text) {
                Some(marker) => marker,
                None => e.span().unwrap_or(0..0),
            };
            Err(Unparsable {
                why: Why::Syntax,
                text,
                span: Span::new(span),
                message: toml_error_message(&e, text),
                help: unquoted_date(&e, text).map(super::shape::date_hint),
            })
        }
    }
}

/// The file's text, without a byte order mark ([`crate::diag::text_of`], the text
/// snippets are shown from).
fn decode(bytes: &[u8]) -> Result<&str, Unparsable<'_>> {
    let text = crate::diag::text_of(bytes);
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Unparsable {
            why: Why::TooLarge,
            text,
            span: Span::START,
            message: msg!("parse-too-large"),
            help: None,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match bytes.get(text.len()) {
        None => Ok(text),
        Some(&bad) => Err(Unparsable {
            why: Why::NotUtf8,
            text,
            span: Span::new(text.len()..text.len()),
            message: not_utf8(bad),
            help: Some(msg!("parse-not-utf8.help")),
        }),
    }
}

/// Why a file is not UTF-8, naming the first bad byte.
fn not_utf8(byte: u8) -> Msg {
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

/// The value at a "must be quoted" error when it is a date written another way
/// (`established_on = 15/12/2026`): the parser's advice to quote it would only lead
/// to a `schema` error asking for no quotes.
fn unquoted_date<'t>(e: &toml::de::Error, text: &'t str) -> Option<&'t str> {
    let value = text.get(e.span()?)?.trim();
    (e.message().contains("must be quoted") && super::shape::looks_like_date(value))
        .then_some(value)
}

/// The message of a TOML syntax error in `text`. The parser's words are completed
/// with what it cannot show: the character it stopped at when that is invisible (a
/// NUL, a stray BOM, a non-breaking space), and which key is duplicated; and "nested
/// too deeply" replaces the parser's recursion limit. The parser's own words (`said`)
/// stay as it wrote them, in English.
fn toml_error_message(e: &toml::de::Error, text: &str) -> Msg {
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
