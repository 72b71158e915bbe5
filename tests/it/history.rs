//! The plans' history: `plan log OBJECT` (the dated change log, förändrings-
//! dokumentation, from git) and `plan diff OBJECT --from Y --to Y` (what changed
//! between two years' plans).

use crate::support::*;
use serde_json::{json, Value};

const LADOK_2026: &str = "objects/ladok/2026.toml";

const KARIN: (&str, &str) = ("Karin Ek", "karin.ek@example.se");
const PER: (&str, &str) = ("Per Lind", "per.lind@example.se");
const EVA: (&str, &str) = ("Eva Holm", "eva.holm@example.se");
const OLOF: (&str, &str) = ("Olof Berg", "olof.berg@example.se");

/// The baseline as last year's plan.
fn ladok_2026() -> String {
    replace_once(baseline(), "year = 2027", "year = 2026")
}

/// The environment of a commit by `who` at `date` (author and committer dates).
fn by<'a>(who: (&'a str, &'a str), date: &'a str) -> [(&'a str, &'a str); 4] {
    [
        ("GIT_AUTHOR_NAME", who.0),
        ("GIT_AUTHOR_EMAIL", who.1),
        ("GIT_AUTHOR_DATE", date),
        ("GIT_COMMITTER_DATE", date),
    ]
}

/// Commits everything as `who` at `date`.
fn commit_as(repo: &Repo, who: (&str, &str), date: &str, message: &str) {
    repo.git(&["add", "--all"]);
    repo.git_env(&["commit", "--quiet", "-m", message], &by(who, date));
}

/// Five people's commits over a month, one of them on a branch merged back.
fn history() -> Repo {
    let repo = Repo::new();
    repo.write(LADOK_2026, ladok_2026());
    repo.write(LUCAT, baseline_for("lucat"));
    commit_as(
        &repo,
        KARIN,
        "2026-11-02T09:00:00+00:00",
        "Planer för 2026 och Lucat",
    );

    repo.write(PLAN, baseline());
    commit_as(
        &repo,
        PER,
        "2026-11-20T14:30:00+00:00",
        "Ladok 2027: utkast",
    );

    repo.write(LUCAT, replace_once(&baseline_for("lucat"), "2.41", "2.42"));
    commit_as(&repo, EVA, "2026-12-01T08:15:00+00:00", "Lucat: ny version");

    repo.git(&["checkout", "--quiet", "-b", "roller"]);
    repo.write(
        PLAN,
        replace_once(baseline(), "Olof Berg", "Olof Berg Sandin"),
    );
    commit_as(
        &repo,
        OLOF,
        "2026-12-03T11:00:00+01:00",
        "Ladok: IT-systemförvaltarens namn",
    );
    repo.git(&["checkout", "--quiet", "main"]);
    repo.git_env(
        &[
            "merge",
            "--quiet",
            "--no-ff",
            "-m",
            "Merge branch 'roller'",
            "roller",
        ],
        &by(KARIN, "2026-12-05T11:00:00+00:00"),
    );

    repo.git(&["rm", "--quiet", LADOK_2026]);
    repo.git_env(
        &["commit", "--quiet", "-m", "Ladok 2026 arkiveras"],
        &by(KARIN, "2026-12-09T13:00:00+00:00"),
    );
    repo
}

#[test]
fn log_lists_the_commits_that_changed_an_object_newest_first() {
    let repo = history();
    let run = repo.plan(&["log", "ladok", "--format", "json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let entries: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let entries = entries.as_array().expect("an array");
    let seen: Vec<Value> = entries
        .iter()
        .map(|e| json!([e["date"], e["author"], e["email"], e["summary"], e["files"]]))
        .collect();
    assert_eq!(
        seen,
        [
            json!([
                "2026-12-09T13:00:00+00:00",
                "Karin Ek",
                "karin.ek@example.se",
                "Ladok 2026 arkiveras",
                ["2026.toml (removed)"]
            ]),
            json!([
                "2026-12-03T11:00:00+01:00",
                "Olof Berg",
                "olof.berg@example.se",
                "Ladok: IT-systemförvaltarens namn",
                ["2027.toml"]
            ]),
            json!([
                "2026-11-20T14:30:00+00:00",
                "Per Lind",
                "per.lind@example.se",
                "Ladok 2027: utkast",
                ["2027.toml"]
            ]),
            json!([
                "2026-11-02T09:00:00+00:00",
                "Karin Ek",
                "karin.ek@example.se",
                "Planer för 2026 och Lucat",
                ["2026.toml"]
            ]),
        ],
        "not Lucat's commit, and not the merge, which brought nothing new"
    );
    // Full commit ids and RFC 3339 dates with the author's offset (issue 17): a
    // program reading the log needs no second look-up and no guess at the zone.
    for entry in entries {
        let commit = entry["commit"].as_str().expect("a commit id");
        assert_eq!(repo.rev_parse(commit), commit, "a full commit id");
    }

    let table = repo.plan(&["log", "ladok"]);
    assert_eq!(table.code, 0, "{table:?}");
    for shown in [
        "Karin Ek <karin.ek@example.se>",
        "Per Lind <per.lind@example.se>",
        "Ladok 2027: utkast",
        "2026-12-09 13:00",
        "2026-12-03 10:00",
    ] {
        assert!(
            table.stdout.contains(shown),
            "{shown} in:\n{}",
            table.stdout
        );
    }
    assert_lacks(&table.stdout, "Lucat: ny version");
    let newest = table.stdout.find("arkiveras").expect("the newest commit");
    let oldest = table
        .stdout
        .find("Planer för 2026")
        .expect("the oldest commit");
    assert!(newest < oldest, "newest first:\n{}", table.stdout);
}

#[test]
fn log_of_another_object_and_of_one_without_commits() {
    let repo = history();
    let lucat = repo.plan(&["log", "lucat", "--format", "json"]);
    assert_eq!(lucat.code, 0, "{lucat:?}");
    let entries: Value = serde_json::from_str(&lucat.stdout).expect("JSON");
    let summaries: Vec<&str> = entries
        .as_array()
        .expect("an array")
        .iter()
        .map(|e| e["summary"].as_str().expect("a summary"))
        .collect();
    assert_eq!(
        summaries,
        ["Lucat: ny version", "Planer för 2026 och Lucat"]
    );

    // An object with a plan but no commit yet has an empty log.
    repo.write("objects/canvas/2027.toml", baseline_for("canvas"));
    in_each_language(|lang| {
        let none = repo.plan(&["log", "canvas"]);
        assert_eq!(none.code, 0, "{none:?}");
        assert_eq!(none.stdout, no_commits_change(lang, "canvas"));

        // An object that never was is a mistake (issue 17): exit 2, with a did-you-mean.
        let unknown = repo.plan(&["log", "ladokk"]);
        assert_eq!(unknown.code, 2, "{unknown:?}");
        let (no_object, did_you_mean) = lang.says(
            ("no object `ladokk`", "did you mean"),
            ("inget förvaltningsobjekt `ladokk`", "menade du"),
        );
        assert_contains(&unknown.stderr, no_object);
        assert_contains(&unknown.stderr, &format!("{did_you_mean} `ladok`?"));
        let unknown = repo.plan(&["diff", "lucatt"]);
        assert_eq!(unknown.code, 2, "{unknown:?}");
        assert_contains(&unknown.stderr, &format!("{did_you_mean} `lucat`?"));
    });

    let bad = repo.plan(&["log", "Ladok"]);
    assert_eq!(bad.code, 2, "{bad:?}");
    assert_contains(&bad.stderr, "`Ladok`");
}

/// The changes of `plan diff … --format json` as (change, path, from, to); from and
/// to are JSON values typed as in TOML, null when absent.
fn changes(run: &Run) -> Vec<(String, String, Value, Value)> {
    assert_eq!(run.code, 0, "{run:?}");
    let changes: Value = serde_json::from_str(&run.stdout).expect("JSON");
    changes
        .as_array()
        .expect("an array")
        .iter()
        .map(|c| {
            let keys = json_keys(c);
            assert_eq!(keys.len(), 4, "{c}");
            (
                c["change"].as_str().expect("a kind").to_string(),
                c["path"].as_str().expect("a path").to_string(),
                c["from"].clone(),
                c["to"].clone(),
            )
        })
        .collect()
}

#[test]
fn diff_of_the_example_ladok_from_2026_to_2027() {
    let repo = Repo::copy_of("examples/universitet");
    let run = repo.plan(&[
        "diff", "ladok", "--from", "2026", "--to", "2027", "--format", "json",
    ]);
    let all = changes(&run);
    let has = |change: &str, path: &str, from: Value, to: Value| {
        assert!(
            all.contains(&(change.to_string(), path.to_string(), from, to)),
            "{change} {path} in {all:#?}"
        );
    };
    // JSON values, not TOML text (issue 17): "2.41", not "\"2.41\"".
    has(
        "changed",
        "systems[ladok].version",
        json!("2.37"),
        json!("2.41"),
    );
    has("changed", "year", json!(2026), json!(2027));
    has(
        "removed",
        "upgrades[ladok@2026-03-07]",
        Value::Null,
        Value::Null,
    );
    has(
        "added",
        "upgrades[ladok@2027-03-06]",
        Value::Null,
        Value::Null,
    );
    has(
        "added",
        "reference_group[Emma Lindqvist]",
        Value::Null,
        Value::Null,
    );
    // The decision of each year, and the goals the 2027 plan added.
    has(
        "changed",
        "diarienummer",
        json!("STYR 2025/3170"),
        json!("STYR 2026/3415"),
    );
    has(
        "added",
        "goals[Alla examensbevis utfärdas digitalt]",
        Value::Null,
        Value::Null,
    );
    let paths: Vec<&str> = all.iter().map(|c| c.1.as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "in path order");
    assert!(all
        .iter()
        .all(|c| ["added", "removed", "changed"].contains(&c.0.as_str())));

    // The text form says the same, and the two newest years are the default.
    let text = repo.plan(&["diff", "ladok"]);
    assert_eq!(text.code, 0, "{text:?}");
    let first = text.stdout.lines().next().expect("a heading");
    // The example speaks Swedish; the heading is the language's, the paths not.
    assert_eq!(
        first,
        format!("objects/ladok: 2026 → 2027, {} ändringar", all.len())
    );
    let english = repo.plan(&["--lang", "en", "diff", "ladok"]);
    assert_eq!(
        english.stdout.replacen(" changes\n", " ändringar\n", 1),
        text.stdout
    );
    for line in [
        "  ~ systems[ladok].version: \"2.37\" → \"2.41\"",
        "  - upgrades[ladok@2026-03-07]",
        "  + upgrades[ladok@2027-03-06]",
    ] {
        assert!(
            text.stdout.lines().any(|l| l == line),
            "{line} in:\n{}",
            text.stdout
        );
    }
}

#[test]
fn diff_shows_roles_answers_upgrades_and_the_budget() {
    let repo = Repo::with_plan(baseline());
    repo.write(LADOK_2026, ladok_2026());
    let next = replace_once(baseline(), "name = \"Per Lind\"", "name = \"Sara Nord\"");
    let next = replace_once(&next, "restore_tested = \"yes\"", "restore_tested = \"na\"");
    let next = replace_once(&next, "date = 2027-04-03", "date = 2027-05-01");
    let next = replace_once(&next, "hours = 100", "hours = 120");
    repo.write(PLAN, &next);

    let run = repo.plan(&[
        "diff", "ladok", "--from", "2026", "--to", "2027", "--format", "json",
    ]);
    let null = Value::Null;
    assert_eq!(
        changes(&run),
        [
            (
                "changed".into(),
                "budget.hours".into(),
                json!(100),
                json!(120)
            ),
            (
                "changed".into(),
                "roles.systemforvaltare.name".into(),
                json!("Per Lind"),
                json!("Sara Nord")
            ),
            (
                "changed".into(),
                "systems[ladok].appendix3.answers.restore_tested".into(),
                json!("yes"),
                json!("na")
            ),
            (
                "removed".into(),
                "upgrades[ladok@2027-04-03]".into(),
                null.clone(),
                null.clone()
            ),
            (
                "added".into(),
                "upgrades[ladok@2027-05-01]".into(),
                null.clone(),
                null
            ),
            ("changed".into(), "year".into(), json!(2026), json!(2027)),
        ]
    );

    // What a plan decides, value by value: who fastställde it, its description, a
    // goal's measure, a contract's notice and DPA.
    let decided = replace_once(
        &next,
        "established_by = [\"systemagare\"]",
        "established_by = [\"systemagare\", \"it_systemagare\"]",
    );
    let decided = replace_once(
        &decided,
        "kurser, resultat, examina.",
        "kurser och examina.",
    );
    let decided = replace_once(&decided, "notice_months = 3", "notice_months = 6");
    let decided = replace_once(&decided, "dpa = true", "dpa = false");
    let decided = replace_once(
        &decided,
        "measure = \"Andel digitala bevis i Ladok-statistiken\"",
        "measure = \"Antal pappersbevis\"",
    );
    repo.write(PLAN, &decided);
    let run = repo.plan(&[
        "diff", "ladok", "--from", "2026", "--to", "2027", "--format", "json",
    ]);
    let all = changes(&run);
    for change in [
        (
            "changed",
            "description",
            json!("Studiedokumentation för alla studenter: kurser, resultat, examina."),
            json!("Studiedokumentation för alla studenter: kurser och examina."),
        ),
        (
            "changed",
            "established_by",
            json!(["systemagare"]),
            json!(["systemagare", "it_systemagare"]),
        ),
        (
            "changed",
            "goals[Alla examensbevis utfärdas digitalt].measure",
            json!("Andel digitala bevis i Ladok-statistiken"),
            json!("Antal pappersbevis"),
        ),
        (
            "changed",
            "systems[ladok].contract.dpa",
            json!(true),
            json!(false),
        ),
        (
            "changed",
            "systems[ladok].contract.notice_months",
            json!(3),
            json!(6),
        ),
    ] {
        let want = (
            change.0.to_string(),
            change.1.to_string(),
            change.2,
            change.3,
        );
        assert!(all.contains(&want), "{want:?} in {all:#?}");
    }

    let missing = repo.plan(&["diff", "ladok", "--from", "2025", "--to", "2027"]);
    assert_eq!(missing.code, 2, "{missing:?}");
    assert_contains(&missing.stderr, "objects/ladok/2025.toml");
}
