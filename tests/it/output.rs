//! What `plan check` prints: the JSON report's shape, the human format, colour, and
//! a deterministic order.

use crate::support::*;
use serde_json::{json, Value};
use std::process::Command;

/// Two plans: a clean lucat, and ladok without three roles (two errors, one warning).
fn two_plans() -> (Repo, String) {
    let text = replace_once(baseline(), SYSTEM_OWNER, "");
    let text = replace_once(&text, IT_OWNER, "");
    let text = replace_once(&text, IT_MANAGER, "");
    let repo = Repo::with_plan(&text);
    repo.write(
        "objects/lucat/2027.toml",
        replace_once(baseline(), "object = \"ladok\"", "object = \"lucat\""),
    );
    (repo, text)
}

/// `plan check` with a colour choice and extra environment, in a pipe.
fn check_colored(repo: &Repo, color: &str, env: &[(&str, &str)]) -> Run {
    let mut cmd = plan_command();
    cmd.current_dir(repo.path())
        .arg("--repo")
        .arg(repo.path())
        .args(["--today", TODAY, "--color", color, "check"]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    run(&mut cmd)
}

#[test]
fn json_report_has_the_documented_shape() {
    let (repo, _) = two_plans();
    repo.write("objects/Old/2027.toml", "x = 1\n");
    let run = repo.plan(&["check", "--format", "json"]);
    assert_eq!(run.code, 1);
    let report: Value = serde_json::from_str(&run.stdout).expect("one JSON object");
    let keys = json_keys(&report);
    assert_eq!(keys.len(), 3, "{keys:?}");
    for key in ["version", "findings", "summary"] {
        assert!(keys.contains(&key), "{keys:?}");
    }
    assert_eq!(report["version"], json!(1));
    assert_eq!(
        report["summary"],
        json!({"files": 3, "errors": 3, "warnings": 1})
    );
    let findings = report["findings"].as_array().expect("an array");
    assert_eq!(findings.len(), 4);
    for f in findings {
        let f = f.as_object().expect("a finding is an object");
        for (key, is_type) in [
            ("rule", Value::is_string as fn(&Value) -> bool),
            ("severity", Value::is_string),
            ("file", Value::is_string),
            ("line", Value::is_u64),
            ("column", Value::is_u64),
            ("message", Value::is_string),
        ] {
            assert!(f.get(key).is_some_and(is_type), "`{key}` in {f:?}");
        }
        for key in ["object", "year"] {
            assert!(f.contains_key(key), "`{key}` in {f:?}");
        }
        assert!(
            f.keys().all(|k| [
                "rule", "severity", "file", "line", "column", "object", "year", "message", "help"
            ]
            .contains(&k.as_str())),
            "{f:?}"
        );
        assert!(f["line"].as_u64() >= Some(1) && f["column"].as_u64() >= Some(1));
    }
    // A file that is not a plan has no object or year; a plan's findings do.
    assert_eq!(findings[0]["file"], json!("objects/Old/2027.toml"));
    assert_eq!(findings[0]["object"], Value::Null);
    assert_eq!(findings[1]["object"], json!("ladok"));
    assert_eq!(findings[1]["year"], json!(2027));
}

#[test]
fn json_finding_is_exactly_what_the_spec_shows() {
    let text = replace_once(
        baseline(),
        "\"eva.holm@example.se\"",
        "\"eva.holm@example\"",
    );
    let repo = Repo::with_plan(&text);
    let run = repo.plan(&["check", "--format", "json"]);
    let report: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(
        report,
        json!({
            "version": 1,
            "findings": [{
                "rule": "roles/person",
                "severity": "error",
                "file": "objects/ladok/2027.toml",
                "line": 26,
                "column": 9,
                "object": "ladok",
                "year": 2027,
                "message": "`it_systemagare`: \"eva.holm@example\" is not an e-mail address"
            }],
            "summary": {"files": 1, "errors": 1, "warnings": 0}
        })
    );
}

#[test]
fn human_output_reads_like_a_compiler() {
    let (repo, text) = two_plans();
    in_each_language(|lang| {
        let run = repo.plan(&["check"]);
        assert_eq!(run.code, 1);
        assert_eq!(run.stderr, "");
        let out = &run.stdout;
        assert_contains(
            out,
            lang.says(
                "error[roles/missing]: required role systemägare (`systemagare`) is missing",
                "fel[roles/missing]: rollen systemägare (`systemagare`) krävs men saknas",
            ),
        );
        assert_contains(
            out,
            lang.says("warning[roles/recommended]", "varning[roles/recommended]"),
        );
        let (line, column) = position(&text, "roles.systemforvaltare]");
        assert_eq!((line, column), (16, 2));
        let arrow = format!("--> {PLAN}:{line}:{column}");
        assert!(
            out.lines().any(|l| l.trim() == arrow),
            "no `{arrow}` in:\n{out}"
        );
        assert!(
            out.lines()
                .any(|l| l.trim() == "16 | [roles.systemforvaltare]"),
            "no source line in:\n{out}"
        );
        assert_contains(
            out,
            lang.says(
                "= help: add [roles.systemagare] with name and email",
                "= hjälp: lägg till [roles.systemagare] med namn (name) och e-post (email)",
            ),
        );
        assert_eq!(
            out.lines().last(),
            Some(lang.says(
                "checked 2 plan files: 2 errors, 1 warning",
                "2 planfiler granskade: 2 fel, 1 varning"
            ))
        );
        assert!(
            !out.contains('\x1b'),
            "escape codes with --color never:\n{out}"
        );
    });
}

/// The summary of [`two_plans`] as a terminal shows it: bold red (there are
/// errors), then the reset.
const RED_SUMMARY: &str = "\x1b[1m\x1b[31mchecked 2 plan files: 2 errors, 1 warning\x1b[0m";

/// The start of the first finding's label, `error` in bold red (annotate-snippets).
const RED_LABEL: &str = "\x1b[1m\x1b[91merror";

/// Asserts `out` is coloured: the error label and the summary in their escape codes.
fn assert_coloured(out: &str, what: &str) {
    assert!(
        out.contains(RED_SUMMARY) && out.contains(RED_LABEL),
        "{what}: not coloured as expected:\n{out:?}"
    );
}

fn assert_plain(out: &str, what: &str) {
    assert!(!out.contains('\x1b'), "{what}: escape codes in:\n{out:?}");
    assert!(out.contains("checked 2 plan files"), "{what}: {out}");
}

#[test]
fn color_always_colours_and_never_does_not() {
    let (repo, _) = two_plans();
    let always = check_colored(&repo, "always", &[]);
    assert_coloured(&always.stdout, "--color always");
    // `always` wins over NO_COLOR, as its name says.
    let forced = check_colored(&repo, "always", &[("NO_COLOR", "1")]);
    assert_coloured(&forced.stdout, "--color always with NO_COLOR=1");
    let never = check_colored(&repo, "never", &[("CLICOLOR_FORCE", "1")]);
    assert_plain(&never.stdout, "--color never with CLICOLOR_FORCE=1");
    // Same findings either way.
    assert_eq!(always.code, never.code);
}

/// `--color auto` on a pipe: plain, unless CLICOLOR_FORCE asks for colour (a CI log
/// that shows colour), which NO_COLOR overrides (no-color.org, and the CLICOLOR
/// convention that cargo and rustc follow).
#[test]
fn auto_colours_a_pipe_only_when_clicolor_force_asks() {
    let (repo, _) = two_plans();
    assert_plain(&check_colored(&repo, "auto", &[]).stdout, "a pipe");
    let forced = check_colored(&repo, "auto", &[("CLICOLOR_FORCE", "1")]);
    assert_coloured(&forced.stdout, "CLICOLOR_FORCE=1 on a pipe");
    let both = check_colored(&repo, "auto", &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
    assert_plain(&both.stdout, "CLICOLOR_FORCE=1 and NO_COLOR=1");
    // An exit-2 error on stderr follows the same rules.
    let mut cmd = plan_command();
    cmd.current_dir(repo.path())
        .args(["--repo", "/nonexistent/plan-repo", "check"])
        .env("CLICOLOR_FORCE", "1");
    let failed = run(&mut cmd);
    assert_eq!(failed.code, 2, "{failed:?}");
    assert!(
        failed.stderr.starts_with("\x1b[1m\x1b[31merror\x1b[0m: "),
        "{:?}",
        failed.stderr
    );
}

/// `plan --today TODAY --color auto check` in `repo`, run under a pseudo-terminal by
/// util-linux `script` (bsdutils), so stdout is a terminal; `env` is set for it.
/// Fails when `script` is missing or cannot make a terminal: CI installs it.
fn check_on_terminal(repo: &Repo, env: &[(&str, &str)]) -> String {
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let line = format!(
        "{} --repo {} --today {TODAY} check",
        quote(env!("CARGO_BIN_EXE_plan")),
        quote(repo.path().to_str().expect("UTF-8 temp path")),
    );
    let mut cmd = Command::new("script");
    cmd.args(["-q", "-e", "-c", &line, "/dev/null"])
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        // anstream colours a terminal in CI even when TERM says dumb (CI logs show
        // colour); the cases here are about a person's terminal.
        .env_remove("CI")
        .env("TERM", "xterm-256color");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap_or_else(|e| {
        panic!("util-linux `script` is needed for this test (apt-get install bsdutils): {e}")
    });
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        text.contains("checked 2 plan files"),
        "`script` could not run plan on a terminal (status {:?}): {text}{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

#[test]
fn a_terminal_is_coloured_unless_no_color_clicolor_or_a_dumb_term_says_otherwise() {
    let (repo, _) = two_plans();
    assert_coloured(&check_on_terminal(&repo, &[]), "a terminal");
    assert_plain(
        &check_on_terminal(&repo, &[("NO_COLOR", "1")]),
        "NO_COLOR=1 on a terminal",
    );
    assert_plain(
        &check_on_terminal(&repo, &[("CLICOLOR", "0")]),
        "CLICOLOR=0 on a terminal",
    );
    assert_plain(
        &check_on_terminal(&repo, &[("TERM", "dumb")]),
        "TERM=dumb on a terminal",
    );
    // An empty NO_COLOR does not count (no-color.org).
    assert_coloured(
        &check_on_terminal(&repo, &[("NO_COLOR", "")]),
        "empty NO_COLOR on a terminal",
    );
}

#[test]
fn output_is_deterministic_and_ordered_by_file_and_line() {
    let (repo, _) = two_plans();
    repo.write("objects/Old/2027.toml", "x = 1\n");
    repo.write("objects/ladok/notes.txt", "anteckningar\n");
    repo.write(
        "objects/kaltura/2027.toml",
        replace_once(
            &replace_once(baseline(), "object = \"ladok\"", "object = \"kaltura\""),
            "hosting = \"internal\"",
            "hosting = \"cloud\"",
        ),
    );
    let first = repo.plan(&["check", "--format", "json"]);
    let second = repo.plan(&["check", "--format", "json"]);
    assert_eq!(first.stdout, second.stdout);
    assert_eq!(repo.plan(&["check"]).stdout, repo.plan(&["check"]).stdout);

    let checked = repo.check(&[]);
    let order: Vec<(String, usize, usize)> = checked
        .findings
        .iter()
        .map(|f| (f.file.clone(), f.line, f.column))
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
    let files: Vec<&str> = order.iter().map(|(f, _, _)| f.as_str()).collect();
    assert_eq!(
        files,
        [
            "objects/Old/2027.toml",
            "objects/kaltura/2027.toml",
            "objects/ladok/2027.toml",
            "objects/ladok/2027.toml",
            "objects/ladok/2027.toml",
            "objects/ladok/notes.txt",
        ]
    );
}

/// Findings keep no copy of the line they point at (issue 17): the human format
/// reads each file again when it shows its findings. The lines shown are the
/// file's own: without the byte order mark or the CR of a CRLF line end, the mark
/// under the right characters; a line too long to show is left out (its finding
/// still says file:line:column), and findings in two files each show their own
/// file's lines.
#[test]
fn snippets_show_each_line_as_it_is_in_its_file() {
    // ladok: a byte order mark and CRLF line ends, an e-mail without a domain.
    let crlf = baseline().replace('\n', "\r\n");
    let ladok = replace_once(&crlf, "\"eva.holm@example.se\"", "\"eva.holm@example\"");
    let repo = Repo::with_plan("");
    repo.write(
        PLAN,
        [b"\xEF\xBB\xBF".as_slice(), ladok.as_bytes()].concat(),
    );
    // lucat: a description of 5,000 characters after a misspelt key, and an e-mail
    // without a domain on a line of its own further down.
    let long = format!("beskrivningg = \"{}\"\ndescription = ", "å".repeat(5000));
    let lucat = replace_once(baseline(), "object = \"ladok\"", "object = \"lucat\"");
    let lucat = replace_once(&lucat, "description = ", &long);
    let lucat = replace_once(&lucat, "\"per.lind@example.se\"", "\"per.lind@\"");
    repo.write("objects/lucat/2027.toml", &lucat);

    let run = repo.plan(&["check", "--color", "never"]);
    assert_eq!(run.code, 1, "{run:?}");
    let out = &run.stdout;
    assert_contains(
        out,
        concat!(
            "  --> objects/ladok/2027.toml:26:9\n",
            "   |\n",
            "26 | email = \"eva.holm@example\"\n",
            "   |         ^^^^^^^^^^^^^^^^^^\n",
        ),
    );
    let (line, column) = position(&lucat, "beskrivningg");
    assert_contains(out, &format!(
            "error[schema]: unknown key `beskrivningg`\n--> objects/lucat/2027.toml:{line}:{column}\n"
        ));
    assert!(!out.contains("ååå"), "the long line is not shown:\n{out}");
    assert_contains(
        out,
        concat!(
            "  --> objects/lucat/2027.toml:23:9\n",
            "   |\n",
            "23 | email = \"per.lind@\"\n",
            "   |         ^^^^^^^^^^^\n",
        ),
    );
    assert!(!out.contains(['\r', '\u{feff}']), "{out:?}");
    // The same lines when the report goes to a file and the human format to the
    // terminal.
    let report = repo.path().join("report.json");
    let run = repo.plan(&[
        "check",
        "--format",
        "json",
        "--output",
        report.to_str().unwrap(),
    ]);
    assert!(
        run.stdout.contains("26 | email = \"eva.holm@example\"\n"),
        "{run:?}"
    );
}

/// A finding on an empty line (here: an empty plan, whose missing keys are all at
/// its start) has nothing to underline, and still says file:line:column.
#[test]
fn a_finding_on_an_empty_line_says_where_it_is() {
    let repo = Repo::with_plan("");
    in_each_language(|lang| {
        let run = repo.plan(&["check", "--color", "never"]);
        assert_eq!(run.code, 1, "{run:?}");
        let says = lang.says(
            "error[schema]: missing required key `object`\n--> objects/ladok/2027.toml:1:1\n = help: ",
            "fel[schema]: nyckeln `object` krävs men saknas\n--> objects/ladok/2027.toml:1:1\n = hjälp: ",
        );
        assert_contains(&run.stdout, says);
    });
    let run = repo.plan(&["check", "--color", "never"]);
    assert!(
        !run.stdout.contains("2027.toml\n"),
        "every finding says line and column:\n{}",
        run.stdout
    );
}
