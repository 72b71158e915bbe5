//! README's samples are generated from the shipped examples, so they cannot go
//! stale (issue 17: a sample pointed at line 183 when the finding was on 185).
//!
//! Each sample sits between `<!-- generated: NAME -->` and `<!-- end generated -->`.
//! After changing the examples or the output, refresh them with
//!
//!     PLAN_UPDATE_README=1 cargo test --test it readme
//!
//! and review the diff of README.md.

use crate::support::*;
use std::path::Path;

const START: &str = "<!-- generated: ";
const END: &str = "<!-- end generated -->";

/// The example the tour shows, and the tables of it shown (the rest is left out).
const TOUR_FILE: &str = "examples/universitet/objects/ladok/2027.toml";
const TOUR_TABLES: &[&str] = &[
    "",
    "[roles.systemagare]",
    "[roles.it_systemagare]",
    "[[goals]]",
    "[budget]",
    "[[systems]]",
    "[[systems.integrations]]",
    "[systems.appendix3]",
    "[systems.appendix3.answers]",
    "[[upgrades]]",
    "[[activities]]",
];
/// At most this many lines of each table shown.
const TOUR_LINES: usize = 13;

/// The tour: the chosen tables of the example plan, each from its header, the first
/// of each kind only, cut after [`TOUR_LINES`] lines with `# …`.
fn tour() -> String {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(TOUR_FILE))
        .expect("the example plan");
    let mut sections: Vec<(String, Vec<&str>)> = vec![(String::new(), Vec::new())];
    for line in text.lines() {
        if line.starts_with('[') {
            let header = line.split(" #").next().unwrap_or(line).trim().to_string();
            sections.push((header, Vec::new()));
        }
        sections.last_mut().expect("a section").1.push(line);
    }
    let mut shown: Vec<&str> = Vec::new();
    let mut out = String::new();
    for (header, lines) in &sections {
        if !TOUR_TABLES.contains(&header.as_str()) || shown.contains(&header.as_str()) {
            continue;
        }
        shown.push(header);
        // Comment lines that introduce the next table stay out.
        let mut lines: Vec<&str> = lines
            .iter()
            .copied()
            .filter(|l| !l.starts_with("#:schema"))
            .collect();
        while lines
            .last()
            .is_some_and(|l| l.trim().is_empty() || l.starts_with('#'))
        {
            lines.pop();
        }
        if !out.is_empty() {
            out.push('\n');
        }
        for line in lines.iter().take(TOUR_LINES) {
            out.push_str(line);
            out.push('\n');
        }
        if lines.len() > TOUR_LINES {
            out.push_str("# …\n");
        }
    }
    format!("```toml\n{out}```\n")
}

/// `plan check` on the university example: its first finding and the summary.
fn check_sample() -> String {
    let repo = Repo::copy_of("examples/universitet");
    let run = repo.plan(&["check"]);
    assert_eq!(run.code, 0, "{run:?}");
    let first = run.stdout.split("\n\n").next().expect("a finding");
    let summary = run.stdout.lines().last().expect("a summary");
    format!("```\n$ plan check --today {TODAY}\n{first}\n\n…\n\n{summary}\n```\n")
}

fn samples() -> Vec<(&'static str, String)> {
    vec![("tour", tour()), ("check", check_sample())]
}

/// README with every generated block replaced by what it should be.
fn regenerated(readme: &str) -> String {
    let mut out = String::new();
    let mut rest = readme;
    while let Some(at) = rest.find(START) {
        let line_end = at + rest[at..].find('\n').expect("a marker line") + 1;
        out.push_str(&rest[..line_end]);
        let name = rest[at + START.len()..line_end]
            .trim_end()
            .trim_end_matches("-->")
            .trim();
        let (_, sample) = samples()
            .into_iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("no sample `{name}`"));
        out.push_str(&sample);
        let end = rest[line_end..].find(END).expect("an end marker") + line_end;
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn readme_samples_are_generated_from_the_examples() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    assert_eq!(readme.matches(START).count(), samples().len());
    let fresh = regenerated(&readme);
    if std::env::var_os("PLAN_UPDATE_README").is_some() {
        std::fs::write(&path, &fresh).expect("README.md written");
        return;
    }
    assert!(
        fresh == readme,
        "README's samples are stale: run `PLAN_UPDATE_README=1 cargo test --test it readme` and review the diff"
    );
}
