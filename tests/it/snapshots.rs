//! What users see, pinned exactly: `plan report` (every kind in every format),
//! `plan codeowners`, and `plan check` in the human and every CI format, on both
//! shipped examples and on repositories with text every format must escape.
//!
//! The expected outputs are the files in `tests/it/snapshots/` (insta). A changed
//! output fails the test (`cargo test --locked`; insta never updates a snapshot
//! unless asked, and on CI (`CI` set) it does not even write a `.snap.new`). When
//! a change of output is intended, regenerate and review the diff:
//!
//!     INSTA_UPDATE=always cargo test --test it snapshots
//!     git diff tests/it/snapshots/
//!
//! (`cargo insta test --review` does the same interactively, if cargo-insta is
//! installed.) Carriage returns are shown as `␍`, so the CRLF line ends of CSV and
//! ICS are pinned too; workbooks are read back and shown as the text of their cells.

use crate::ci_formats::flawed_repo;
use crate::support::*;
use std::path::Path;

/// The shipped examples, each with an object others depend on (`report deps --reverse`).
const EXAMPLES: [(&str, &str); 2] = [("kommun", "arendehantering"), ("universitet", "ladok")];

/// Every report kind with the formats it offers (`report deps --format ics` and the
/// like are refused, see commands.rs).
const REPORTS: &[(&str, &[&str])] = &[
    (
        "upgrades",
        &["table", "json", "csv", "markdown", "ics", "xlsx"],
    ),
    (
        "deps",
        &["table", "json", "csv", "markdown", "mermaid", "dot", "xlsx"],
    ),
    ("deviations", &["table", "json", "csv", "markdown", "xlsx"]),
    ("roles", &["table", "json", "csv", "markdown", "xlsx"]),
    ("systems", &["table", "json", "csv", "markdown", "xlsx"]),
];

/// The formats of `plan check`.
const CHECK_FORMATS: [&str; 6] = ["human", "json", "sarif", "junit", "gitlab", "github"];

/// Asserts `text` is what `tests/it/snapshots/NAME.snap` holds.
fn assert_pinned(name: String, text: String) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, text));
}

/// A run as one reviewable text: exit code, stdout and stderr, the repository's
/// temporary path as `[REPO]` and carriage returns as `␍`.
fn shown(repo: &Repo, run: &Run) -> String {
    let text = format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        run.code, run.stdout, run.stderr
    );
    text.replace(repo.path().to_str().expect("a UTF-8 path"), "[REPO]")
        .replace('\r', "␍")
}

/// A workbook's sheets as text: one line per row, cells separated by ` | `, dates
/// as dates.
fn workbook_text(path: &Path) -> String {
    let mut out = String::new();
    for (name, rows) in workbook(path) {
        out.push_str(&format!("[sheet {name}]\n"));
        for row in rows {
            let cells: Vec<String> = row.iter().map(cell_text).collect();
            out.push_str(&cells.join(" | "));
            out.push('\n');
        }
    }
    out
}

fn cell_text(cell: &calamine::Data) -> String {
    use calamine::{Data, DataType};
    match cell {
        Data::DateTime(_) => cell
            .as_datetime()
            .map_or_else(|| format!("{cell:?}"), |d| format!("date {}", d.date())),
        Data::Empty => String::new(),
        Data::String(s) => format!("{s:?}"),
        other => other.to_string(),
    }
}

/// `plan report KIND --year 2027 --format FORMAT` as text (a workbook read back).
fn report(repo: &Repo, kind: &str, format: &str) -> String {
    let mut args = vec!["report", kind, "--year", "2027", "--format", format];
    let out = repo.file("report.xlsx");
    let out = out.to_str().expect("a UTF-8 path");
    if format == "xlsx" {
        args.extend(["--output", out]);
    }
    let run = repo.plan(&args);
    let mut text = shown(repo, &run);
    if format == "xlsx" && run.code == 0 {
        text.push_str("--- report.xlsx\n");
        text.push_str(&workbook_text(Path::new(out)));
        std::fs::remove_file(out).expect("the workbook removed");
    }
    text
}

/// Every report of one repository, snapshotted as `report@NAME.KIND.FORMAT`.
fn snapshot_reports(name: &str, repo: &Repo) {
    for (kind, formats) in REPORTS {
        for format in *formats {
            assert_pinned(
                format!("report@{name}.{kind}.{format}"),
                report(repo, kind, format),
            );
        }
    }
}

#[test]
fn every_report_in_every_format_on_the_examples() {
    for (example, depended_on) in EXAMPLES {
        let repo = Repo::copy_of(&format!("examples/{example}"));
        snapshot_reports(example, &repo);
        let args = ["report", "deps", "--year", "2027", "--reverse", depended_on];
        assert_pinned(
            format!("report@{example}.deps.reverse"),
            shown(&repo, &repo.plan(&args)),
        );
    }
}

/// Text that CSV must quote and ICS must escape (`,` `;` `\` `"` and a line longer
/// than ICS's 75 octets, with non-ASCII letters at the fold).
#[test]
fn reports_quote_and_escape_odd_text() {
    let organisation = r#"Högskolan i Öresund, "IT-avdelningen"; drift\förvaltning – en mycket lång organisationsbenämning"#;
    let repo = Repo::with_config(&replace_once(
        PLAN_TOML,
        "\"Testuniversitetet\"",
        &format!("'{organisation}'"),
    ));
    repo.write(
        PLAN,
        replace_once(
            baseline(),
            "to_version = \"2.42\"",
            r#"to_version = '2.42, "LTS"; build\7'"#,
        ),
    );
    for format in ["csv", "ics", "markdown", "json"] {
        assert_pinned(
            format!("report@odd.upgrades.{format}"),
            report(&repo, "upgrades", format),
        );
    }
}

#[test]
fn codeowners_on_the_examples() {
    for (example, _) in EXAMPLES {
        let repo = Repo::copy_of(&format!("examples/{example}"));
        assert_pinned(
            format!("codeowners@{example}"),
            shown(&repo, &repo.plan(&["codeowners"])),
        );
    }
}

/// `plan check --format FORMAT` on one repository, as `check@NAME.FORMAT`.
fn snapshot_check(name: &str, repo: &Repo) {
    for format in CHECK_FORMATS {
        assert_pinned(
            format!("check@{name}.{format}"),
            shown(repo, &repo.plan(&["check", "--format", format])),
        );
    }
}

#[test]
fn check_in_every_format_on_the_examples() {
    for (example, _) in EXAMPLES {
        snapshot_check(example, &Repo::copy_of(&format!("examples/{example}")));
    }
}

/// Errors and a warning, with help texts and an unknown key full of characters every
/// format must escape (see [`flawed_repo`]).
#[test]
fn check_in_every_format_on_errors_that_need_escaping() {
    snapshot_check("flawed", &flawed_repo());
}
