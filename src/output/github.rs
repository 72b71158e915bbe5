//! `--format github`: GitHub Actions workflow commands, shown as annotations.

use crate::diag::Finding;
use crate::i18n::Lang;

/// The annotations written to `out` one at a time (a [`super::FindingsFormat`]).
pub fn write(findings: &[Finding], prefix: &str, lang: Lang, out: super::Out) -> super::Written {
    let help_label = lang.text("label-help");
    for f in findings {
        let level = f.severity.as_str();
        let mut message = f.message_in(lang);
        if let Some(help) = f.help_in(lang) {
            message.push('\n');
            message.push_str(&help_label);
            message.push_str(": ");
            message.push_str(&help);
        }
        writeln!(
            out,
            "::{level} file={},line={},col={},title={}::{}",
            property(&format!("{prefix}{}", f.file)),
            f.line,
            f.column,
            property(f.rule.id),
            data(&message)
        )?;
    }
    Ok(())
}

/// Escaping of a command's message.
fn data(s: &str) -> String {
    super::visible(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping of a command's property values, which also may not hold `:` or `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes() {
        assert_eq!(super::data("50% klart\nnu"), "50%25 klart%0Anu");
        assert_eq!(super::property("a:b,c"), "a%3Ab%2Cc");
    }
}
