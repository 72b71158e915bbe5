//! Renderers: one per output format, each taking the findings of a check.

pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod table;

/// What a streaming writer writes, as one string: the `render` of each format (for
/// tests and fuzzing; the commands write straight to their output).
pub fn in_memory(write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    write(&mut out).expect("writing to memory");
    String::from_utf8(out).expect("every format is UTF-8")
}

/// Where a streaming writer writes, and what it returns.
pub type Out<'a> = &'a mut dyn std::io::Write;
pub type Written = std::io::Result<()>;

/// A CI format of the findings alone (github, gitlab, sarif), written to `out` one
/// finding at a time. `prefix` is the plan repository's folder in the git repository
/// ("" or ending in `/`): CI systems resolve paths from the git root.
pub type FindingsFormat = fn(&[crate::diag::Finding], &str, crate::i18n::Lang, Out) -> Written;

/// A [`FindingsFormat`]'s output as one string.
pub fn render_findings(
    format: FindingsFormat,
    findings: &[crate::diag::Finding],
    prefix: &str,
    lang: crate::i18n::Lang,
) -> String {
    in_memory(|out| format(findings, prefix, lang, out))
}

/// `--color WHEN`: clap's own choice (auto, always, never).
pub use clap::ColorChoice;

/// Whether to colour what goes to `stream`: `--color always` and `never` decide;
/// with `auto`, anstream's rules (those of cargo and rustc): NO_COLOR turns colour
/// off, CLICOLOR_FORCE on, CLICOLOR=0 off, and otherwise a terminal is coloured
/// unless TERM is `dumb`.
pub fn colored<S: anstream::stream::RawStream>(choice: ColorChoice, stream: &S) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => anstream::AutoStream::choice(stream) != anstream::ColorChoice::Never,
    }
}

/// The style of a summary or an error line: bold, in the colour of its severity.
pub fn severity_style(color: anstyle::AnsiColor) -> anstyle::Style {
    anstyle::Style::new().bold().fg_color(Some(color.into()))
}

/// An error of exit 2 as its line on stderr reads: `error: …`, `fel: …`, the label
/// in red and bold when `color`.
pub fn error_line(lang: crate::i18n::Lang, color: bool, message: &str) -> String {
    let style = if color {
        severity_style(anstyle::AnsiColor::Red)
    } else {
        anstyle::Style::new()
    };
    let label = lang.text("label-error");
    format!("{style}{label}{style:#}: {}", visible(message))
}

/// A note on stderr in the language: `note: …`, `obs: …`.
pub fn note(lang: crate::i18n::Lang, message: crate::i18n::Msg) {
    labelled(lang, "", "label-note", message);
}

/// A warning on stderr in the language: `warning: …`, `varning: …`.
pub fn warn(lang: crate::i18n::Lang, message: crate::i18n::Msg) {
    labelled(lang, "", "label-warning", message);
}

/// The help under a note or warning on stderr: `  = help: …`, `  = hjälp: …`.
pub fn help(lang: crate::i18n::Lang, message: crate::i18n::Msg) {
    labelled(lang, "  = ", "label-help", message);
}

fn labelled(lang: crate::i18n::Lang, indent: &str, label: &str, message: crate::i18n::Msg) {
    eprintln!(
        "{indent}{}: {}",
        lang.text(label),
        visible(&message.render(lang))
    );
}

/// The warning on stderr for a plan file a report or the site leaves out (`plan
/// check` says what is wrong with it).
pub fn left_out(lang: crate::i18n::Lang, file: &str) {
    warn(lang, crate::msg!("warning-left-out", file = file));
}

/// "1 error", "3 errors".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `text` with control characters (ESC, BEL, CR, C1 codes…) and the bidirectional
/// overrides that can hide text written as visible escapes (`\u{1b}`), for every
/// human format: text from the repository (folder names, deviation texts, titles,
/// authors, commit messages) never reaches the terminal raw. Line breaks and tabs
/// stay.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.contains(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Set once stdout is closed or failed: nothing more is written to it.
static STDOUT_DONE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
/// Why writing to stdout failed (a full disk…), when it did.
static STDOUT_FAILED: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Writes to stdout. A reader that stops early (`plan … | head`) ends the output
/// quietly; any other failure is kept for [`finish`], which makes it exit 2.
pub fn emit(text: &str) {
    emit_with(|out| out.write_all(text.as_bytes()));
}

/// [`emit`] for output written piece by piece (a large report is not built as one
/// string first): `write` writes it to a buffered stdout.
pub fn emit_with(write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) {
    use std::io::Write;
    use std::sync::atomic::Ordering;
    if STDOUT_DONE.load(Ordering::Relaxed) {
        return;
    }
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let written = write(&mut stdout).and_then(|_| stdout.flush());
    if let Err(e) = written {
        STDOUT_DONE.store(true, Ordering::Relaxed);
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            let _ = STDOUT_FAILED.set(e.to_string());
        }
    }
}

/// Whether everything written to stdout got there (SPEC §5: a failed write is exit
/// 2, never 0); a reader that stopped early is not a failure.
pub fn finish() -> anyhow::Result<()> {
    match STDOUT_FAILED.get() {
        Some(why) => crate::fail!("error-stdout", why = why.as_str()),
        None => Ok(()),
    }
}

/// `println!` through [`emit`].
#[macro_export]
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::output::emit(&format!("{}\n", format_args!($($arg)*)))
    };
}
