//! Line ends: an edit keeps those the user's editor wrote, line by line.

use std::collections::HashMap;

/// `text`, made from `source` by an edit that may write `\n` line ends and drop the
/// byte order mark, with the line ends and byte order mark of `source`. A line the
/// edit kept keeps its own line end (a file may mix LF and CRLF); a line the edit
/// added takes the line end of the line before it.
pub fn like_source(source: &str, text: String) -> String {
    let crlf = source.matches("\r\n").count();
    let lf = source.matches('\n').count();
    let mut out = if crlf == 0 {
        text
    } else if crlf == lf {
        text.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        mixed(source, &text)
    };
    if source.starts_with('\u{feff}') && !out.starts_with('\u{feff}') {
        out.insert(0, '\u{feff}');
    }
    out
}

/// The line content without its line end, and whether that end is CRLF.
fn split(line: &str) -> (&str, bool) {
    match line.strip_suffix('\n') {
        Some(body) => match body.strip_suffix('\r') {
            Some(body) => (body, true),
            None => (body, false),
        },
        None => (line, false),
    }
}

/// Each line of `text` with the line end of the same line in `source`, found in
/// order (the edit keeps the order of what it keeps).
fn mixed(source: &str, text: &str) -> String {
    let mut at_line: HashMap<&str, Vec<(usize, bool)>> = HashMap::new();
    for (i, line) in source.split_inclusive('\n').enumerate() {
        let (body, crlf) = split(line);
        let body = body.trim_start_matches('\u{feff}');
        at_line.entry(body).or_default().push((i, crlf));
    }
    let mut next = 0;
    let mut last_crlf = source
        .find('\n')
        .is_some_and(|at| source[..at].ends_with('\r'));
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.split_inclusive('\n') {
        let ends = line.ends_with('\n');
        let (body, _) = split(line);
        let found = at_line
            .get(body.trim_start_matches('\u{feff}'))
            .and_then(|places| {
                let i = places.partition_point(|(i, _)| *i < next);
                places.get(i).copied()
            });
        let crlf = match found {
            Some((i, crlf)) => {
                next = i + 1;
                crlf
            }
            None => last_crlf,
        };
        out.push_str(body);
        if ends {
            out.push_str(if crlf { "\r\n" } else { "\n" });
        }
        last_crlf = crlf;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_keeps_the_line_ends_and_byte_order_mark_of_the_source() {
        let edited = || "a = 1\nb = 2\n".to_string();
        assert_eq!(like_source("a = 0\n", edited()), "a = 1\nb = 2\n");
        assert_eq!(like_source("a = 0\r\n", edited()), "a = 1\r\nb = 2\r\n");
        assert_eq!(
            like_source("a = 0\r\n", "a = 1\r\nb = 2\n".into()),
            "a = 1\r\nb = 2\r\n"
        );
        assert_eq!(
            like_source("\u{feff}a = 0\r\n", edited()),
            "\u{feff}a = 1\r\nb = 2\r\n"
        );
        assert_eq!(like_source("a = 0", edited()), "a = 1\nb = 2\n");
    }

    #[test]
    fn mixed_line_ends_are_kept_line_by_line() {
        let source = "# head\nx = 1\r\ny = 2\r\n\r\nz = 3\n";
        // x changed, a line added after y, z kept.
        let edited = "# head\nx = 9\ny = 2\nw = 0\n\nz = 3\n".to_string();
        assert_eq!(
            like_source(source, edited),
            "# head\nx = 9\ny = 2\r\nw = 0\r\n\r\nz = 3\n"
        );
    }
}
