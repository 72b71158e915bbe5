//! Findings: what a check reports, where, and how severe.

pub mod rules;

pub use rules::Rule;

use crate::i18n::{Lang, Msg};
use serde::Serialize;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// Lines longer than this are not shown as a snippet.
const MAX_SNIPPET_LINE: usize = 4096;

/// A byte range in a source file. `u32` keeps per-finding data small; plan files are
/// far below 4 GiB (the loader refuses large files).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(range: Range<usize>) -> Self {
        Span {
            start: range.start as u32,
            end: range.end as u32,
        }
    }

    /// The span of the first byte of a file: where findings about something absent point.
    pub const START: Span = Span { start: 0, end: 0 };

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// How serious a finding is. `Off` only appears in configuration: an off rule reports nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One problem found in one file.
///
/// Kept small, as a large repository can have hundreds of thousands (issue 17): the
/// file and object names are shared by all findings of a file, the message is an id
/// with its values, and the line a snippet shows is not copied but read from the
/// file's text when a format shows it ([`Finding::snippet_in`]).
#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: &'static Rule,
    pub severity: Severity,
    /// Path relative to the repository root, with `/` separators.
    pub file: Arc<str>,
    pub span: Span,
    /// 1-based line and column of `span.start` (filled in by [`LineIndex`]).
    pub line: usize,
    pub column: usize,
    pub object: Option<Arc<str>>,
    pub year: Option<i32>,
    /// What is wrong, as a message id with named values; the renderer puts it in
    /// the language of the output.
    pub message: Msg,
    /// A hint on how to fix it ("did you mean …").
    pub help: Option<Msg>,
    /// The byte range of the line the finding points at (no line break) in the
    /// file's [`text_of`], when a snippet shows it; None for lines too long to show
    /// and findings never located.
    pub snippet: Option<Span>,
}

impl Finding {
    /// A finding at a span of a file; [`Finding::locate`] fills in line and column.
    /// `file` is shared when given as an `Arc<str>` (all findings of a file name it).
    pub fn new(
        rule: &'static Rule,
        severity: Severity,
        file: impl Into<Arc<str>>,
        span: Span,
        message: Msg,
    ) -> Finding {
        Finding {
            rule,
            severity,
            file: file.into(),
            span,
            line: 1,
            column: 1,
            object: None,
            year: None,
            message,
            help: None,
            snippet: None,
        }
    }

    /// Fills in line, column and the range of the line a snippet shows from the
    /// file's text (its [`text_of`]).
    pub fn locate(&mut self, index: &LineIndex<'_>) {
        let (line, column) = index.line_col(self.span.start as usize);
        self.line = line;
        self.column = column;
        // Very long lines (minified or corrupt files) are not shown.
        let range = index.line_range(line);
        self.snippet = (range.len() <= MAX_SNIPPET_LINE).then(|| Span::new(range));
    }

    /// The line a snippet shows, from the text of the finding's file (as
    /// [`text_of`] gives it, the text [`Finding::locate`] was given): "" when there
    /// is none, or when the file no longer has that line.
    pub fn snippet_in<'t>(&self, text: &'t str) -> &'t str {
        self.snippet
            .and_then(|span| text.get(span.range()))
            .filter(|line| !line.contains('\n'))
            .unwrap_or("")
    }

    /// Sets the help line (`= help: …`); returns the finding for more settings.
    pub fn help(&mut self, help: Msg) -> &mut Finding {
        self.help = Some(help);
        self
    }

    /// The message in a language.
    pub fn message_in(&self, lang: Lang) -> String {
        self.message.render(lang)
    }

    /// The help in a language.
    pub fn help_in(&self, lang: Lang) -> Option<String> {
        self.help.as_ref().map(|h| h.render(lang))
    }

    /// The order findings are shown in: file, line, column, rule.
    pub fn sort_key(&self) -> (&str, usize, usize, &str) {
        (&self.file, self.line, self.column, self.rule.id)
    }
}

/// The result of a check.
pub struct Outcome {
    /// Findings in file, line, column, rule order.
    pub findings: Vec<Finding>,
    /// The files reported on, sorted.
    pub files: Vec<String>,
}

impl Outcome {
    /// Adds findings with their configured severity (dropping those of rules turned
    /// off), keeping the order file, line, column, rule.
    ///
    /// Done in place, without a second list of findings: a large repository can
    /// have hundreds of thousands (issue 17).
    pub fn add(&mut self, mut findings: Vec<Finding>, severities: &Severities) {
        findings.retain_mut(|f| match severities.of(f.rule, f.severity) {
            Some(severity) => {
                f.severity = severity;
                true
            }
            None => false,
        });
        if self.findings.is_empty() {
            self.findings = findings;
        } else {
            self.findings.append(&mut findings);
        }
        sort_in_place(&mut self.findings);
    }

    /// How many of the files reported on are plan files (`objects/<object>/<year>.toml`):
    /// a stray file with a `layout` finding is reported on, but it is not a plan.
    pub fn plan_files(&self) -> usize {
        self.files
            .iter()
            .filter(|f| crate::layout::classify(f).is_ok())
            .count()
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// The one place a finding's severity is decided (cargo-deny's sink): the rule's
/// default, or the rule's own plan-dependent choice, then plan.toml `[rules]`.
#[derive(Default)]
pub struct Severities {
    /// Rule id → configured severity (None: off).
    overrides: HashMap<&'static str, Option<Severity>>,
}

impl Severities {
    /// Configures a rule: a severity, or None to turn it off.
    pub fn set(&mut self, rule: &'static Rule, severity: Option<Severity>) {
        self.overrides.insert(rule.id, severity);
    }

    /// The severity a finding of `rule` gets (None: the rule is off).
    pub fn of(&self, rule: &Rule, default: Severity) -> Option<Severity> {
        match self.overrides.get(rule.id) {
            Some(setting) => *setting,
            None => Some(default),
        }
    }
}

/// Sorts findings by [`Finding::sort_key`], keeping the order of equal ones, with
/// no scratch copy of the findings (a stable sort of them would take half their
/// size again): their positions are sorted, then the findings moved into place.
fn sort_in_place(findings: &mut [Finding]) {
    let mut order: Vec<u32> = (0..findings.len() as u32).collect();
    order.sort_by(|&a, &b| {
        findings[a as usize]
            .sort_key()
            .cmp(&findings[b as usize].sort_key())
    });
    // Place i takes the finding at order[i]: each cycle of the permutation is
    // followed once, swapping; a done place is marked u32::MAX.
    for start in 0..findings.len() {
        let mut at = start;
        while order[at] != u32::MAX {
            let from = order[at] as usize;
            order[at] = u32::MAX;
            if from == start {
                break;
            }
            findings.swap(at, from);
            at = from;
        }
    }
}

/// The text of a file as findings locate in it and snippets show it: without a
/// byte order mark, and readable up to its first byte that is not UTF-8 (what the
/// checks parse); a file larger than any plan has none.
pub fn text_of(bytes: &[u8]) -> &str {
    if bytes.len() > crate::layout::MAX_FILE_BYTES {
        return "";
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes)
        .unwrap_or_else(|e| std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default())
}

/// Turns byte offsets of one file into 1-based line and column numbers. Columns count
/// characters, not bytes, so `å` is one column.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// 1-based (line, column) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// The byte range of a 1-based line, without its line break.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let start = self.starts[line - 1];
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        let end = if end > start && self.text.as_bytes().get(end - 1) == Some(&b'\r') {
            end - 1
        } else {
            end
        };
        start..end.max(start)
    }
}

/// "; did you mean `x`?" to end an error message with, when a candidate is close to
/// `name`; else nothing.
pub fn did_you_mean_hint<'c>(name: &str, candidates: impl IntoIterator<Item = &'c str>) -> String {
    did_you_mean(name, candidates).map_or(String::new(), |s| format!("; did you mean `{s}`?"))
}

/// Closest candidate to a misspelt name, if one is near enough to be a likely typo.
pub fn did_you_mean<'c>(
    name: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let name_l = name.to_lowercase();
    let name_len = name_l.chars().count();
    let normalised = name_l.replace(['-', ' '], "_");
    candidates
        .into_iter()
        .filter_map(|c| {
            let limit = (c.chars().count().max(3) / 3).max(1) + 1;
            // The distance is at least the difference in length: an ASCII candidate
            // that far off cannot qualify, so it is not compared letter by letter
            // (the object ids of a large repository are many).
            if c.is_ascii() && c.len().abs_diff(name_len) > limit && normalised != c {
                return None;
            }
            let d = strsim::levenshtein(&name_l, &c.to_lowercase());
            (d <= limit || normalised == c).then_some((d, c))
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// 850000 → "850 000", as amounts are written in Swedish.
pub fn amount(v: f64) -> String {
    // Beyond what any budget holds (and i64 can carry): shown as written, e.g. 1e300.
    if !v.is_finite() || v.abs() >= 1e18 {
        return format!("{v:e}");
    }
    crate::i18n::grouped(v.round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let idx = LineIndex::new("a = 1\nnamn = \"åäö\"\r\nx");
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(6), (2, 1));
        assert_eq!(idx.line_col(6 + 8 + 6), (2, 12));
        assert_eq!(idx.line_range(2), 6..6 + 15);
    }

    #[test]
    fn findings_sort_in_place_keeping_the_order_of_equal_ones() {
        let at = |file: &str, line: usize, text: &str| {
            let mut f = Finding::new(
                &rules::roles::MISSING,
                Severity::Error,
                file,
                Span::START,
                Msg::verbatim(text),
            );
            f.line = line;
            f
        };
        let mut findings = vec![
            at("b", 2, "b2"),
            at("a", 9, "a9"),
            at("b", 1, "b1 first"),
            at("a", 1, "a1"),
            at("b", 1, "b1 second"),
            at("c", 1, "c1"),
            at("b", 1, "b1 third"),
        ];
        sort_in_place(&mut findings);
        let texts: Vec<String> = findings.iter().map(|f| f.message_in(Lang::En)).collect();
        assert_eq!(
            texts,
            ["a1", "a9", "b1 first", "b1 second", "b1 third", "b2", "c1"]
        );
    }

    #[test]
    fn suggestions_are_close_names() {
        assert_eq!(
            did_you_mean("suplier", ["supplier", "name"]),
            Some("supplier")
        );
        assert_eq!(
            did_you_mean("dependson", ["depends_on", "id"]),
            Some("depends_on")
        );
        assert_eq!(did_you_mean("zzz", ["supplier", "name"]), None);
    }
}
