//! The human format: findings like a compiler's, with the source line underlined.

use crate::diag::{Finding, Outcome, Severity};
use crate::i18n::Lang;
use crate::tr;
use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};
use std::io::Write;

/// The text of a file by its repository-relative path, as findings were located in
/// it (None when it cannot be read): where snippets' lines come from. Findings keep
/// no copy of their lines (issue 17); a file is read when its findings are shown.
pub type Texts<'a> = dyn Fn(&str) -> Option<String> + 'a;

/// Findings one after another, then a summary line, as one string.
pub fn render(outcome: &Outcome, texts: &Texts<'_>, color: bool, lang: Lang) -> String {
    super::in_memory(|out| write(outcome, texts, color, lang, out))
}

/// [`render`], written to `out` finding by finding: no copy of the whole output is
/// held in memory.
pub fn write(
    outcome: &Outcome,
    texts: &Texts<'_>,
    color: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    write_findings(&outcome.findings, texts, color, lang, out)?;
    let errors = outcome.count(Severity::Error);
    let warnings = outcome.count(Severity::Warning);
    // Stray files under objects/ are reported on (each has a `layout` finding), but
    // they are not plans.
    let files = outcome.plan_files();
    let others = outcome.files.len() - files;
    let summary = if errors + warnings == 0 {
        tr!(lang, "check-summary-clean", files = files, others = others)
    } else {
        tr!(
            lang,
            "check-summary",
            files = files,
            others = others,
            errors = errors,
            warnings = warnings
        )
    };
    let style = match (color, errors, warnings) {
        (false, _, _) => anstyle::Style::new(),
        (true, 0, 0) => super::severity_style(anstyle::AnsiColor::Green),
        (true, 0, _) => super::severity_style(anstyle::AnsiColor::Yellow),
        (true, _, _) => super::severity_style(anstyle::AnsiColor::Red),
    };
    writeln!(out, "{style}{summary}{style:#}")
}

/// Spans longer than this many bytes are marked at their start only.
const MAX_UNDERLINE: usize = 48;

/// Renders findings without a summary (also used for plan.toml problems).
pub fn render_findings(findings: &[Finding], texts: &Texts<'_>, color: bool, lang: Lang) -> String {
    super::in_memory(|out| write_findings(findings, texts, color, lang, out))
}

/// [`render_findings`] written to `out` one finding at a time. Each file is read
/// once for the lines of its findings (they come sorted by file).
pub fn write_findings(
    findings: &[Finding],
    texts: &Texts<'_>,
    color: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    // Long lines are cut to the width around the place that matters.
    let renderer = match super::table::known_width() {
        Some(width) => renderer.term_width(usize::from(width)),
        None => renderer,
    };
    // The file whose text is at hand, and its bytes.
    let mut file: Option<(&str, Option<String>)> = None;
    let error = lang.text("label-error");
    let warning = lang.text("label-warning");
    let help_label = lang.text("label-help");
    for f in findings {
        let level = match f.severity {
            Severity::Error => Level::ERROR.with_name(error.as_str()),
            Severity::Warning => Level::WARNING.with_name(warning.as_str()),
        };
        let line_text = match f.snippet {
            None => "",
            Some(_) => {
                if file.as_ref().is_none_or(|(name, _)| *name != &*f.file) {
                    file = Some((&f.file, texts(&f.file)));
                }
                let text = file.as_ref().and_then(|(_, text)| text.as_deref());
                f.snippet_in(text.unwrap_or_default())
            }
        };
        // The span, clipped to the finding's line (a table's span may run on).
        let col_byte = line_text
            .char_indices()
            .nth(f.column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i);
        let len = (f.span.end.saturating_sub(f.span.start)) as usize;
        // A long span (an inline table of a whole deviation) is marked where it
        // starts: underlining all of it would mark the whole line and keep it from
        // being cut to the width.
        let len = if len > MAX_UNDERLINE { 1 } else { len };
        let end = (col_byte + len.max(1)).min(line_text.len());
        let end = (col_byte..=end)
            .rev()
            .find(|&i| line_text.is_char_boundary(i))
            .unwrap_or(col_byte);
        // Control characters from the file shown as escapes, the span moved with them.
        let shown = super::visible(line_text);
        let (col_byte, end) = match &shown {
            std::borrow::Cow::Borrowed(_) => (col_byte, end),
            std::borrow::Cow::Owned(_) => (
                super::visible(&line_text[..col_byte]).len(),
                super::visible(&line_text[..end]).len(),
            ),
        };
        let line_text = shown.as_ref();
        let path = super::visible(&f.file);
        let message = f.message_in(lang);
        let message = super::visible(&message);
        let help = f.help_in(lang);
        let help = help.as_deref().map(super::visible);
        let group = level.clone().primary_title(message.as_ref()).id(f.rule.id);
        // A line with nothing to underline (empty, or too long to show) gives just
        // where it is: `--> file:line:column`, which a snippet without an
        // annotation would print as `--> file`.
        let mut group = if line_text.is_empty() {
            group.element(
                Origin::path(path.as_ref())
                    .line(f.line)
                    .char_column(f.column),
            )
        } else {
            group.element(
                Snippet::source(line_text)
                    .line_start(f.line)
                    .path(path.as_ref())
                    .annotation(AnnotationKind::Primary.span(col_byte..end.max(col_byte))),
            )
        };
        if let Some(help) = &help {
            group = group.element(
                Level::HELP
                    .with_name(help_label.as_str())
                    .message(help.as_ref()),
            );
        }
        writeln!(out, "{}\n", renderer.render(&[group]))?;
    }
    Ok(())
}
