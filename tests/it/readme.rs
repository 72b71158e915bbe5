//! README's samples, and the facts README and examples/README.md state about the
//! shipped examples, are generated from the examples, so they cannot go stale
//! (issue 17: a sample pointed at line 183 when the finding was on 185; issue 19:
//! "sixteen warnings" by hand).
//!
//! Each generated piece sits between `<!-- generated: NAME -->` and
//! `<!-- end generated -->`: a block when the start marker ends its line, else
//! inline text within a sentence. After changing the examples or the output,
//! refresh them with
//!
//!     PLAN_UPDATE_README=1 cargo test --test it readme
//!
//! and review the diff of README.md and examples/README.md.

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

/// The university example in a fresh temporary repository (no git).
fn university() -> Repo {
    Repo::copy_of("examples/universitet")
}

/// [`university`] with `git init`, nothing committed.
fn university_in_git() -> Repo {
    let repo = university();
    repo.git(&["init", "--quiet"]);
    repo
}

/// The blocks of a human-format output (a finding each, then the summary).
fn blocks(out: &str) -> Vec<&str> {
    out.split("\n\n").collect()
}

/// The block of the first finding in a human-format output whose title starts with
/// `title` (`warning[rule]: the first words`).
fn finding<'a>(out: &'a str, title: &str) -> &'a str {
    blocks(out)
        .into_iter()
        .find(|b| b.starts_with(title))
        .unwrap_or_else(|| panic!("no `{title}` in:\n{out}"))
}

/// `plan check` on the university example: its first finding and the summary.
fn check_sample(run: &Run) -> String {
    let first = blocks(&run.stdout)[0];
    let summary = run.stdout.lines().last().expect("a summary");
    format!("```\n$ plan check --today {TODAY}\n{first}\n\n…\n\n{summary}\n```\n")
}

/// The same check in English, as a sentence: a warning, its help, the summary.
fn check_in_english(repo: &Repo) -> String {
    let run = repo.plan(&["--lang", "en", "check"]);
    assert_eq!(run.code, 0, "{run:?}");
    let block = finding(&run.stdout, "warning[upgrade/service-window]: ");
    let title = block.lines().next().expect("a title");
    let help = block
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("= "))
        .expect("a help line");
    let summary = run.stdout.lines().last().expect("a summary");
    // Double backticks: the messages hold backticks of their own.
    format!("``{title}``, ``{help}``, ``{summary}``")
}

/// What `plan attest` says when someone who does not hold the attesting role runs
/// it in a git repository (`signed_by` is the author of the next commit).
fn attest_by_another(repo: &Repo) -> String {
    let run = repo.plan_env(
        &[
            "--lang", "en", "attest", "ladok", "--system", "ladok", "--year", "2027",
        ],
        &[("GIT_AUTHOR_EMAIL", Some(NOT_THE_HOLDER))],
    );
    assert_eq!(run.code, 0, "{run:?}");
    format!("```\n{}```\n", run.stderr)
}

/// Someone in the university who holds no role in Ladok's plan.
const NOT_THE_HOLDER: &str = "anna.ek@exempel.se";

/// `appendix3/attester-mismatch` as `--verify-attestations` reports it: the
/// example committed by its förvaltare, then bilaga 3 of Ladok attested and
/// committed by someone who does not hold the attesting role. Git's dates are fixed,
/// so the commit id is the same in every run.
fn attester_mismatch() -> String {
    let repo = university_in_git();
    // Only what the finding depends on is committed (plan.toml and Ladok's plan), so
    // the commit id changes only when they do, not with every other example file.
    for entry in std::fs::read_dir(repo.file("objects")).expect("objects/") {
        let path = entry.expect("an entry").path();
        if !path.ends_with("ladok") {
            std::fs::remove_dir_all(path).expect("removing another object");
        }
    }
    std::fs::remove_file(repo.file("objects/ladok/2026.toml")).expect("ladok's 2026 plan");
    std::fs::remove_file(repo.file("register.csv")).expect("the register export");
    let as_of = |email: &'static str, date: &'static str| {
        [
            ("GIT_AUTHOR_EMAIL", email),
            ("GIT_COMMITTER_EMAIL", email),
            ("GIT_AUTHOR_DATE", date),
            ("GIT_COMMITTER_DATE", date),
        ]
    };
    repo.git(&["add", "--all"]);
    let forvaltare = as_of("kristina.hakansson@exempel.se", "2026-12-01T09:00:00+01:00");
    repo.git_env(
        &["commit", "--quiet", "-m", "Förvaltningsplaner 2027"],
        &forvaltare,
    );
    attest_by_another(&repo);
    repo.git(&["add", "--all"]);
    let another = as_of(NOT_THE_HOLDER, "2027-02-14T10:00:00+01:00");
    repo.git_env(&["commit", "--quiet", "-m", "Bilaga 3"], &another);
    let run = repo.plan(&[
        "--lang",
        "en",
        "check",
        "--verify-attestations",
        "objects/ladok/2027.toml",
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    let block = finding(
        &run.stdout,
        "error[appendix3/attester-mismatch]: the attestation of `ladok` ",
    );
    format!("```\n{block}\n```\n")
}

/// Every generated piece by name, made once.
fn samples() -> Vec<(&'static str, String)> {
    let repo = university();
    let run = repo.plan(&["check"]);
    assert_eq!(run.code, 0, "{run:?}");
    let summary = repo.check(&[]).summary;
    let objects = std::fs::read_dir(repo.file("objects"))
        .expect("objects/")
        .count();
    vec![
        ("objects", format!("{objects} management objects")),
        ("warnings", format!("{} warnings", summary.warnings)),
        ("tour", tour()),
        ("check", check_sample(&run)),
        ("check-in-english", check_in_english(&repo)),
        ("attest-by-another", attest_by_another(&university_in_git())),
        ("attester-mismatch", attester_mismatch()),
    ]
}

/// README with every generated piece replaced by what it should be.
fn regenerated(readme: &str, samples: &[(&str, String)]) -> String {
    let mut out = String::new();
    let mut rest = readme;
    while let Some(at) = rest.find(START) {
        let name_end = at + rest[at..].find("-->").expect("a marker's end");
        let name = rest[at + START.len()..name_end].trim();
        // A block's text starts on the line after its marker.
        let mut start = name_end + "-->".len();
        if rest[start..].starts_with('\n') {
            start += 1;
        }
        out.push_str(&rest[..start]);
        let (_, sample) = samples
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("no sample `{name}`"));
        out.push_str(sample);
        let end = rest[start..].find(END).expect("an end marker") + start;
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Asserts that the project's file `rel` holds each of `samples` once, each as it
/// should be; with `PLAN_UPDATE_README` set, writes them into it instead.
fn assert_generated(rel: &str, samples: &[(&str, String)]) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
    for (name, _) in samples {
        assert_eq!(
            text.matches(&format!("{START}{name} -->")).count(),
            1,
            "{rel} has `{START}{name} -->` once"
        );
    }
    assert_eq!(text.matches(START).count(), samples.len(), "{rel}");
    let fresh = regenerated(&text, samples);
    if std::env::var_os("PLAN_UPDATE_README").is_some() {
        std::fs::write(&path, &fresh).unwrap_or_else(|e| panic!("{rel}: {e}"));
        return;
    }
    assert!(
        fresh == text,
        "{rel}'s generated pieces are stale: run `PLAN_UPDATE_README=1 cargo test --test it readme` and review the diff"
    );
}

#[test]
fn readme_samples_are_generated_from_the_examples() {
    assert_generated("README.md", &samples());
}

/// How many warnings `plan check` gives on `repo` on `today` (an example never has
/// an error).
fn warnings_on(repo: &Repo, today: &str) -> usize {
    let run = plan_at(repo.path(), today, &["check", "--format", "json"]);
    let summary = parse_check(run).summary;
    assert_eq!(summary.errors, 0, "an example has errors on {today}");
    summary.warnings
}

/// The management objects of an example (its folders under objects/).
fn objects_of(repo: &Repo) -> Vec<String> {
    let mut objects: Vec<String> = std::fs::read_dir(repo.file("objects"))
        .expect("objects/")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    objects.sort();
    objects
}

/// `a`, `b` and `c`, as prose lists code names.
fn listed(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The data rows of a register export (its header left out).
fn register_rows(repo: &Repo) -> usize {
    let bytes = repo.read_bytes("register.csv");
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(bytes.as_slice())
        .records()
        .inspect(|r| assert!(r.is_ok(), "a CSV row: {r:?}"))
        .count()
}

/// The counts examples/README.md states, by name.
fn example_facts() -> Vec<(&'static str, String)> {
    let university = university();
    let kommun = Repo::copy_of("examples/kommun");
    let objects = objects_of(&university);
    let with_2026: Vec<String> = objects
        .iter()
        .filter(|o| university.file(&format!("objects/{o}/2026.toml")).exists())
        .cloned()
        .collect();
    vec![
        (
            "kommun-register-rows",
            format!("{} rows", register_rows(&kommun)),
        ),
        (
            "universitet-objects",
            format!("{} management objects", objects.len()),
        ),
        ("universitet-with-2026", listed(&with_2026)),
        (
            "universitet-warnings",
            format!("{} warnings", warnings_on(&university, TODAY)),
        ),
        (
            "universitet-warnings-before-overdue",
            warnings_on(&university, "2027-01-15").to_string(),
        ),
        (
            "universitet-warnings-in-planning",
            warnings_on(&university, "2026-12-01").to_string(),
        ),
        (
            "kommun-objects",
            format!("{} objects", objects_of(&kommun).len()),
        ),
        ("kommun-object-list", listed(&objects_of(&kommun))),
    ]
}

#[test]
fn examples_readme_counts_are_generated_from_the_examples() {
    assert_generated("examples/README.md", &example_facts());
}
