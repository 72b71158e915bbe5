//! The CI formats of `plan check`: GitLab Code Quality, JUnit XML, GitHub Actions
//! annotations and SARIF, `--output FILE` (report to the file, the human summary to
//! the log), and paths from the git root when the plans live in a subfolder.

use crate::support::*;
use serde_json::Value;
use std::collections::BTreeSet;

/// A top-level key no plan has, with characters every format must escape.
const ODD_KEY: &str = "\"50% <klart> & \\\"nu\\\"\" = 1\n";

/// The baseline with three errors and a warning: an unknown key full of special
/// characters (`schema`), a misspelt key (`schema`, with a "did you mean" help), an
/// upgrade announced too late (`upgrade/announce`) and an activity owned by a role
/// nobody holds (`activity/owner`, with help).
fn flawed() -> String {
    let text = with_owner_error(baseline());
    let text = replace_once(
        &text,
        "organisation_model = 1\n",
        &format!("organisation_model = 1\n{ODD_KEY}"),
    );
    let text = replace_once(&text, "supplier = ", "suplier = ");
    replace_once(
        &text,
        "announced_on = 2027-03-20",
        "announced_on = 2027-03-30",
    )
}

/// Ladok with the flaws of [`flawed`], and a clean Lucat.
pub fn flawed_repo() -> Repo {
    let repo = Repo::with_plan(&flawed());
    repo.write(LUCAT, baseline_for("lucat"));
    repo
}

/// `plan check --format FORMAT ARGS…` in `dir`: exit 1 expected (there are errors).
fn report(dir: &std::path::Path, format: &str, args: &[&str]) -> String {
    let mut all = vec!["check", "--format", format];
    all.extend_from_slice(args);
    let run = plan_in(dir, &all);
    assert_eq!(run.code, 1, "{run:?}");
    run.stdout
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

fn gitlab_severity(severity: &str) -> &'static str {
    match severity {
        "error" => "major",
        "warning" => "minor",
        other => panic!("severity {other}"),
    }
}

#[test]
fn the_findings_the_formats_render() {
    let checked = flawed_repo().check(&[]);
    assert_eq!(
        checked.rules_and_files(),
        [
            ("schema", PLAN),
            ("schema", PLAN),
            ("upgrade/announce", PLAN),
            ("activity/owner", PLAN),
        ]
    );
    assert_eq!(checked.summary.files, 2);
}

#[test]
fn gitlab_code_quality_issues() {
    let repo = flawed_repo();
    let checked = repo.check(&[]);
    let issues = json(&report(repo.path(), "gitlab", &[]));
    let issues = issues.as_array().expect("a JSON array of issues");
    assert_eq!(issues.len(), checked.findings.len());
    for (issue, finding) in issues.iter().zip(&checked.findings) {
        let keys: BTreeSet<&str> = json_keys(issue).into_iter().collect();
        assert_eq!(
            keys,
            BTreeSet::from([
                "check_name",
                "description",
                "fingerprint",
                "location",
                "severity"
            ])
        );
        assert_eq!(issue["check_name"], finding.rule.as_str());
        assert!(
            issue["description"]
                .as_str()
                .expect("a string")
                .contains(&finding.message),
            "{issue}"
        );
        assert_eq!(issue["severity"], gitlab_severity(&finding.severity));
        assert_eq!(issue["location"]["path"], finding.file.as_str());
        assert_eq!(issue["location"]["lines"]["begin"], finding.line);
        assert!(!issue["fingerprint"].as_str().expect("a string").is_empty());
    }
    let fingerprints: BTreeSet<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().expect("a string"))
        .collect();
    assert_eq!(fingerprints.len(), issues.len(), "fingerprints are unique");
}

#[test]
fn gitlab_fingerprints_survive_reruns_and_edits_elsewhere_in_the_file() {
    let repo = flawed_repo();
    let first = json(&report(repo.path(), "gitlab", &[]));
    let second = json(&report(repo.path(), "gitlab", &[]));
    assert_eq!(first, second, "two runs give the same report");

    // A comment above every finding moves them all down a line; GitLab must still
    // see the same issues, not fixed ones and new ones.
    repo.write(
        PLAN,
        format!("# Granskad av förvaltningsledningen.\n{}", flawed()),
    );
    let moved = json(&report(repo.path(), "gitlab", &[]));
    let (first, moved) = (
        first.as_array().expect("array"),
        moved.as_array().expect("array"),
    );
    assert_eq!(first.len(), moved.len());
    for (before, after) in first.iter().zip(moved) {
        assert_eq!(before["fingerprint"], after["fingerprint"]);
        assert_eq!(
            after["location"]["lines"]["begin"],
            before["location"]["lines"]["begin"]
                .as_u64()
                .expect("a line")
                + 1
        );
    }
}

/// GitLab shows only the first `<failure>` of a test case (issue 17): each failed
/// file has one failure holding every error, one line each; `failures` counts the
/// failed test cases; each test case names its `file`.
#[test]
fn junit_has_a_test_case_per_checked_file_and_one_failure_with_all_its_errors() {
    in_each_language(|lang| {
        let repo = flawed_repo();
        let checked = repo.check(&[]);
        let xml = report(repo.path(), "junit", &[]);
        let doc = roxmltree::Document::parse(&xml)
            .unwrap_or_else(|e| panic!("not well-formed XML ({e}):\n{xml}"));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "testsuites");
        assert_eq!(root.attribute("tests"), Some("2"));
        assert_eq!(root.attribute("failures"), Some("1"), "one failed file");

        let cases: Vec<roxmltree::Node> = doc
            .descendants()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        let names: Vec<&str> = cases.iter().filter_map(|c| c.attribute("name")).collect();
        assert_eq!(names, [PLAN, LUCAT]);
        let files: Vec<&str> = cases.iter().filter_map(|c| c.attribute("file")).collect();
        assert_eq!(files, [PLAN, LUCAT]);

        let failures = |case: &roxmltree::Node| -> Vec<(String, String, String)> {
            case.children()
                .filter(|n| n.has_tag_name("failure"))
                .map(|n| {
                    (
                        n.attribute("type").unwrap_or_default().to_string(),
                        n.attribute("message").unwrap_or_default().to_string(),
                        n.text().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        };
        let errors: Vec<_> = checked
            .findings
            .iter()
            .filter(|f| f.severity == "error")
            .collect();
        assert_eq!(errors.len(), 3);
        let ladok = failures(&cases[0]);
        assert_eq!(ladok.len(), 1, "{xml}");
        let (kind, message, text) = &ladok[0];
        assert_eq!(kind, errors[0].rule.as_str());
        assert_eq!(
            message,
            &format!(
                "{}{}",
                lang.says("3 problems; the first: ", "3 problem; det första: "),
                errors[0].message
            )
        );
        let lines: Vec<String> = errors
            .iter()
            .map(|f| {
                format!(
                    "{}:{}:{}: error[{}]: {}",
                    f.file, f.line, f.column, f.rule, f.message
                )
            })
            .collect();
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            lines,
            "the odd key survives escaping"
        );
        assert_eq!(failures(&cases[1]), Vec::new());
        // The warning is shown, not failed.
        let out: String = cases[0]
            .children()
            .filter(|n| n.has_tag_name("system-out"))
            .filter_map(|n| n.text())
            .collect();
        assert!(out.contains("upgrade/announce"), "{xml}");

        // With --deny-warnings the warning fails too, in the same failure element.
        let strict = report(repo.path(), "junit", &["--deny-warnings"]);
        let doc = roxmltree::Document::parse(&strict).expect("well-formed XML");
        let failed: Vec<roxmltree::Node> = doc
            .descendants()
            .filter(|n| n.has_tag_name("failure"))
            .collect();
        assert_eq!(failed.len(), 1);
        assert_eq!(
            failed[0].text().unwrap_or_default().lines().count(),
            checked.findings.len()
        );
    });
}

/// SARIF's `artifactLocation.uri` is a URI reference: a space is `%20`.
#[test]
fn sarif_uris_are_percent_encoded() {
    let repo = Repo::with_plan(baseline());
    repo.write("objects/ladok/2027 kopia.toml", baseline());
    let sarif = json(&report(repo.path(), "sarif", &[]));
    let uris: BTreeSet<&str> = sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    assert_eq!(uris, BTreeSet::from(["objects/ladok/2027%20kopia.toml"]));
}

/// When the check cannot run (exit 2), the GitLab and JUnit reports still say so,
/// so the merge request shows why rather than nothing.
#[test]
fn reports_say_why_when_the_check_cannot_run() {
    let repo = Repo::with_plan(baseline());
    repo.write("plan.toml", "organisation = \"x\"\n");
    in_each_language(|lang| {
        let could_not_run = lang.says("plan check could not run", "plan check kunde inte köras");
        let gitlab = repo.plan(&["check", "--format", "gitlab", "--output", "gl.json"]);
        assert_eq!(gitlab.code, 2, "{gitlab:?}");
        let issues = json(&repo.read("gl.json"));
        let issue = &issues[0];
        assert_eq!(issue["severity"], "blocker");
        assert_eq!(issue["location"]["path"], "plan.toml");
        let description = issue["description"].as_str().expect("a description");
        assert_starts_with(description, &format!("{could_not_run}: "));
        assert_contains(description, "role_model");

        let junit = repo.plan(&["check", "--format", "junit", "--output", "junit.xml"]);
        assert_eq!(junit.code, 2, "{junit:?}");
        let xml = repo.read("junit.xml");
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        let error = doc
            .descendants()
            .find(|n| n.has_tag_name("error"))
            .unwrap_or_else(|| panic!("an <error> in:\n{xml}"));
        assert_eq!(error.attribute("message"), Some(could_not_run));
        assert!(
            error.text().unwrap_or_default().contains("role_model"),
            "{xml}"
        );
        assert_eq!(doc.root_element().attribute("errors"), Some("1"));
    });
}

/// One GitHub workflow command: level, properties, message (still escaped).
fn github_command(line: &str) -> (&str, Vec<(&str, &str)>, &str) {
    let rest = line
        .strip_prefix("::")
        .unwrap_or_else(|| panic!("a workflow command: {line}"));
    let (level, rest) = rest.split_once(' ').expect("level, then properties");
    let (properties, message) = rest.split_once("::").expect("properties::message");
    let properties = properties
        .split(',')
        .map(|p| p.split_once('=').expect("key=value"))
        .collect();
    (level, properties, message)
}

#[test]
fn github_annotations_one_line_per_finding_properly_escaped() {
    let repo = flawed_repo();
    let checked = repo.check(&[]);
    let out = report(repo.path(), "github", &[]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), checked.findings.len(), "{out}");
    for (line, f) in lines.iter().zip(&checked.findings) {
        let (level, properties, message) = github_command(line);
        assert_eq!(level, f.severity);
        assert_eq!(
            properties,
            [
                ("file", f.file.as_str()),
                ("line", f.line.to_string().as_str()),
                ("col", f.column.to_string().as_str()),
                ("title", f.rule.as_str()),
            ]
        );
        let mut expected = f.message.replace('%', "%25");
        if let Some(help) = &f.help {
            expected.push_str("%0Ahelp: ");
            expected.push_str(&help.replace('%', "%25"));
        }
        assert_eq!(message, expected);
    }
    // The percent sign of the odd key is escaped, and help goes on a new line,
    // labelled in the language.
    assert_contains(&out, "50%25 <klart>");
    assert_contains(&out, "suplier`%0Ahelp: did you mean `supplier`?");
    let swedish = report(repo.path(), "github", &["--lang", "sv"]);
    assert_contains(&swedish, "suplier`%0Ahjälp: menade du `supplier`?");
}

/// The rule ids `plan rule` lists (the first column of its table).
fn listed_rules() -> Vec<String> {
    let run = plan_in(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), &["rule"]);
    assert_eq!(run.code, 0, "{run:?}");
    run.stdout
        .lines()
        .filter_map(|l| l.strip_prefix('│'))
        .filter_map(|l| l.split('┆').next())
        .map(str::trim)
        .filter(|id| !id.is_empty() && *id != "rule")
        .map(String::from)
        .collect()
}

#[test]
fn sarif_lists_every_rule_and_locates_every_result() {
    let repo = flawed_repo();
    let checked = repo.check(&[]);
    let sarif = json(&report(repo.path(), "sarif", &[]));
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "plan");

    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let ids: Vec<&str> = rules
        .iter()
        .map(|r| r["id"].as_str().expect("an id"))
        .collect();
    let listed = listed_rules();
    assert!(listed.len() >= 35, "{listed:?}");
    assert_eq!(ids, listed, "the same rules as `plan rule`, in its order");
    for rule in rules {
        assert!(
            !rule["shortDescription"]["text"]
                .as_str()
                .unwrap_or_default()
                .is_empty(),
            "{rule}"
        );
        assert!(
            !rule["help"]["text"].as_str().unwrap_or_default().is_empty(),
            "rules carry their docs: {rule}"
        );
    }

    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), checked.findings.len());
    for (result, f) in results.iter().zip(&checked.findings) {
        assert_eq!(result["ruleId"], f.rule.as_str());
        assert_eq!(result["level"], f.severity.as_str());
        let index = result["ruleIndex"].as_u64().expect("a rule index") as usize;
        assert_eq!(rules[index]["id"], f.rule.as_str());
        assert!(
            result["message"]["text"]
                .as_str()
                .expect("a message")
                .contains(&f.message),
            "{result}"
        );
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], f.file.as_str());
        assert_eq!(location["region"]["startLine"], f.line);
        assert_eq!(location["region"]["startColumn"], f.column);
    }
}

#[test]
fn output_writes_the_report_and_the_log_keeps_the_human_summary() {
    let repo = flawed_repo();
    let human = repo.plan(&["check"]);
    assert_eq!(human.code, 1);
    assert_eq!(
        human.stdout.lines().last(),
        Some("checked 2 plan files: 3 errors, 1 warning")
    );
    for (format, file) in [
        ("gitlab", "gl-code-quality.json"),
        ("junit", "plan-check.xml"),
        ("github", "annotations.txt"),
        ("sarif", "plan.sarif"),
        ("json", "findings.json"),
    ] {
        let printed = report(repo.path(), format, &[]);
        let run = repo.plan(&["check", "--format", format, "--output", file]);
        assert_eq!(run.code, 1, "errors still fail the job: {run:?}");
        assert_eq!(run.stdout, human.stdout, "--format {format}");
        assert_eq!(repo.read(file), printed, "--format {format}");
    }

    // A clean repository: exit 0, and a summary that says so.
    let clean = Repo::with_plan(baseline());
    in_each_language(|lang| {
        let run = clean.plan(&[
            "check",
            "--format",
            "gitlab",
            "--output",
            "gl-code-quality.json",
        ]);
        assert_eq!(run.code, 0, "{run:?}");
        assert_eq!(run.stdout, lang.says(CLEAN_EN, CLEAN_SV));
        assert_eq!(json(&clean.read("gl-code-quality.json")), json("[]"));
    });
}

#[test]
fn a_plan_repository_in_a_subfolder_gets_paths_from_the_git_root() {
    let repo = Repo::empty_git();
    let sub = "it/planer";
    repo.write(&format!("{sub}/plan.toml"), PLAN_TOML);
    repo.write(&format!("{sub}/{PLAN}"), flawed());
    let dir = repo.file(sub);
    let from_root = format!("{sub}/{PLAN}");

    // The JSON report stays relative to the plan repository.
    let checked = parse_check(plan_in(&dir, &["check", "--format", "json"]));
    assert!(checked.findings.iter().all(|f| f.file == PLAN));

    let gitlab = json(&report(&dir, "gitlab", &[]));
    for issue in gitlab.as_array().expect("array") {
        assert_eq!(issue["location"]["path"], from_root.as_str());
    }

    let sarif = json(&report(&dir, "sarif", &[]));
    for result in sarif["runs"][0]["results"].as_array().expect("results") {
        assert_eq!(
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            from_root.as_str()
        );
    }

    for line in report(&dir, "github", &[]).lines() {
        let (_, properties, _) = github_command(line);
        assert_eq!(properties[0], ("file", from_root.as_str()));
    }

    let xml = report(&dir, "junit", &[]);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let names: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .filter_map(|n| n.attribute("name"))
        .collect();
    assert_eq!(names, [from_root.as_str()]);

    // The same from a commit of the subfolder.
    repo.commit_all("Plans in it/planer");
    let at_head = json(&report(&dir, "gitlab", &["--rev", "HEAD"]));
    assert_eq!(at_head, gitlab);
}

#[test]
fn github_escapes_commas_and_colons_in_properties() {
    let repo = Repo::empty_git();
    let sub = "planer: it,drift";
    repo.write(&format!("{sub}/plan.toml"), PLAN_TOML);
    repo.write(&format!("{sub}/{PLAN}"), with_owner_error(baseline()));
    let out = report(&repo.file(sub), "github", &[]);
    let (level, properties, _) = github_command(out.trim_end());
    assert_eq!(level, "error");
    assert_eq!(
        properties[0],
        ("file", "planer%3A it%2Cdrift/objects/ladok/2027.toml")
    );
    assert_eq!(properties[3], ("title", "activity/owner"));
}
