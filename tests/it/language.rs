//! The language setting (SPEC §2 `language`, §5 `--lang` / `PLAN_LANG`): the values
//! it takes and what a wrong one says. What each language reads like is asserted
//! where the texts are shown (the site's tests).

use crate::support::{
    assert_contains, assert_error, assert_starts_with, baseline, plan_at, replace_once, unattested,
    Lang, Repo, PLAN, PLAN_TOML,
};

#[test]
fn a_language_plan_does_not_speak_is_a_schema_error_at_its_line() {
    let repo = Repo::with_config(&format!("{PLAN_TOML}language = \"se\"\n"));
    let run = repo.plan(&["check"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_contains(&run.stderr, "`language` has unknown value \"se\"");
    assert_contains(&run.stderr, "plan.toml:4:12");
    assert_contains(&run.stderr, "did you mean \"sv\"?");
}

#[test]
fn both_languages_are_accepted_in_plan_toml() {
    for lang in ["sv", "en"] {
        let repo = Repo::with_config(&format!("{PLAN_TOML}language = \"{lang}\"\n"));
        repo.check(&[]).assert_clean();
    }
}

#[test]
fn a_wrong_lang_flag_or_plan_lang_is_a_usage_error() {
    let repo = Repo::new();
    let flag = repo.plan(&["--lang", "de", "check"]);
    assert_eq!(flag.code, 2, "{flag:?}");
    assert_contains(&flag.stderr, "`de` is not a language of plan: sv or en");
    let env = repo.plan_env(&["check"], &[("PLAN_LANG", Some("fi"))]);
    assert_eq!(env.code, 2, "{env:?}");
    assert_contains(&env.stderr, "`fi` is not a language of plan");
}

/// A plan with a few findings of different rules, in a repository that speaks
/// Swedish.
fn swedish_repo() -> Repo {
    let text = replace_once(baseline(), "date = 2027-04-03", "date = 2027-04-07");
    let text = replace_once(&text, "hours = 80", "hours = 2000");
    let text = replace_once(&text, "mfa = \"yes\"", "mfa = \"ja\"");
    let repo = Repo::with_config(&format!("{PLAN_TOML}language = \"sv\"\n"));
    repo.write(PLAN, text);
    repo
}

/// What a systemförvaltare sees in a Swedish repository: the whole human output,
/// labels, messages, help and summary in Swedish ("2 000 timmar", "onsdag", ISO
/// dates), rule ids and keys as written.
#[test]
fn human_output_in_swedish() {
    let run = swedish_repo().plan(&["check"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.stdout, SWEDISH_CHECK, "{}", run.stdout);
}

const SWEDISH_CHECK: &str = r#"varning[budget/exceeded]: aktiviteterna omfattar 2 000 timmar, men budgeten är 100 timmar
  --> objects/ladok/2027.toml:33:9
   |
33 | hours = 100
   |         ^^^

fel[appendix3/stale]: svaren för `ladok` har ändrats efter att de intygades
  --> objects/ladok/2027.toml:51:10
   |
51 | digest = "sha256:3d1384c5f4517b05d1b6d88703cbe1bf0994db65d4be5874f4b19a85fd7825ab"
   |          ^
   |
   = hjälp: gå igenom svaren och intyga igen: `plan attest ladok --system ladok --year 2027`

fel[schema]: `systems[0].appendix3.answers.mfa` har det okända värdet "ja"
  --> objects/ladok/2027.toml:64:7
   |
64 | mfa = "ja"
   |       ^^^^
   |
   = hjälp: "ja" skrivs "yes" i planfilerna

varning[upgrade/service-window]: den större uppgraderingen av `ladok` den 2027-04-07 (onsdag) ligger utanför servicefönstren
  --> objects/ladok/2027.toml:80:8
   |
80 | date = 2027-04-07
   |        ^^^^^^^^^^
   |
   = hjälp: nästa servicefönster är 2027-05-01 (lördag)

1 planfil granskad: 2 fel, 2 varningar
"#;

/// JSON keeps its keys, rule ids and positions in every language; `message` and
/// `help` are texts for people and follow it. `--lang` and `PLAN_LANG` override the
/// repository's `language`.
#[test]
fn json_keeps_its_keys_and_rule_ids_and_the_message_follows_the_language() {
    let repo = swedish_repo();
    let sv = repo.check(&[]);
    let en = repo.check(&["--lang", "en"]);
    let env = repo.check_env(&[], &[("PLAN_LANG", Some("en"))]);
    let place = |c: &crate::support::Checked| {
        c.findings
            .iter()
            .map(|f| (f.rule.clone(), f.line, f.column))
            .collect::<Vec<_>>()
    };
    assert_eq!(place(&sv), place(&en));
    let budget = |c: &crate::support::Checked| c.only("budget/exceeded").message.clone();
    assert_eq!(
        budget(&sv),
        "aktiviteterna omfattar 2 000 timmar, men budgeten är 100 timmar"
    );
    assert_eq!(
        budget(&en),
        "activities plan 2 000 hours; the budget is 100"
    );
    assert_eq!(budget(&env), budget(&en));
    // A repository without `language` speaks English; PLAN_LANG=sv turns it Swedish.
    let plain = Repo::with_plan(&replace_once(baseline(), "hours = 80", "hours = 2000"));
    assert_eq!(budget(&plain.check(&[])), budget(&en));
    assert_eq!(
        budget(&plain.check_env(&[], &[("PLAN_LANG", Some("sv"))])),
        budget(&sv)
    );
}

/// 000 bilaga 3 is answered ja/nej/delvis in Swedish; the file takes yes/no/partial/na.
/// A Swedish answer is told its value in the file, never the nearest spelling
/// ("na" for "ja" would turn yes into not applicable). An empty answer, the
/// placeholder `plan new` writes, is unanswered, not "no".
#[test]
fn swedish_answers_are_told_their_value_and_an_empty_answer_is_unanswered() {
    for (written, value) in [
        ("ja", "yes"),
        ("Nej", "no"),
        ("delvis", "partial"),
        ("ej tillämplig", "na"),
    ] {
        let text = replace_once(
            unattested(),
            "mfa = \"yes\"",
            &format!("mfa = \"{written}\""),
        );
        let repo = Repo::with_plan(&text);
        let en = repo.check(&[]);
        let f = en.only("schema");
        assert_eq!(
            f.help.as_deref(),
            Some(format!("\"{written}\" is written \"{value}\" in plan files").as_str()),
            "{written}"
        );
        let sv = repo.check(&["--lang", "sv"]);
        assert_eq!(
            sv.only("schema").help.as_deref(),
            Some(format!("\"{written}\" skrivs \"{value}\" i planfilerna").as_str())
        );
    }
    let text = replace_once(unattested(), "mfa = \"yes\"", "mfa = \"\"");
    let repo = Repo::with_plan(&text);
    let f = repo.check(&[]).only("schema").clone();
    assert_eq!(
        f.message,
        "`systems[0].appendix3.answers.mfa` is empty: the question is unanswered"
    );
    assert!(!f.help.unwrap_or_default().contains("did you mean"));
    let sv = repo.check(&["--lang", "sv"]);
    assert_eq!(
        sv.only("schema").message,
        "`systems[0].appendix3.answers.mfa` är tom: frågan är obesvarad"
    );
}

/// A broken plan.toml (exit 2) is reported in the language it asks for.
#[test]
fn plan_toml_findings_in_its_language() {
    let repo = Repo::with_config(&format!(
        "{PLAN_TOML}language = \"sv\"\n[rules]\n\"budget/exeeded\" = \"off\"\n"
    ));
    let run = repo.plan(&["check"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_contains(
        &run.stderr,
        "fel[schema]: okänd regel `budget/exeeded` i [rules]",
    );
    assert_contains(&run.stderr, "hjälp: menade du `budget/exceeded`?");
    let en = repo.plan(&["--lang", "en", "check"]);
    assert_contains(
        &en.stderr,
        "error[schema]: unknown rule `budget/exeeded` in [rules]",
    );
}

/// Every finding of the Swedish example, in both languages: the same rules at the
/// same places, a different text, and no message id showing instead of a text.
#[test]
fn the_examples_findings_in_both_languages() {
    for example in ["examples/kommun", "examples/universitet"] {
        let repo = Repo::copy_of(example);
        let en = repo.check(&["--lang", "en"]);
        let sv = repo.check(&["--lang", "sv"]);
        assert!(!en.findings.is_empty(), "{example}");
        assert_eq!(en.findings.len(), sv.findings.len());
        for (e, s) in en.findings.iter().zip(&sv.findings) {
            assert_eq!((&e.rule, e.line, e.column), (&s.rule, s.line, s.column));
            assert_ne!(e.message, s.message, "{}", e.rule);
            for text in [&s.message, s.help.as_ref().unwrap_or(&String::new())] {
                assert!(
                    !text.contains("{") || text.contains("= {"),
                    "unformatted: {text}"
                );
                assert!(
                    !text.starts_with(&e.rule.replace('/', "-")),
                    "an id: {text}"
                );
            }
        }
    }
}

/// `plan init` starts a Swedish repository (SPEC §2 `language`): its plan.toml says
/// so, and its first check answers in Swedish.
#[test]
fn init_writes_swedish() {
    let parent = tempfile::tempdir().expect("a temporary folder");
    let dir = parent.path().join("planer");
    let run = crate::support::plan_in(parent.path(), &["init", "planer"]);
    assert_eq!(run.code, 0, "{run:?}");
    let config = std::fs::read_to_string(dir.join("plan.toml")).expect("plan.toml");
    assert_contains(&config, "\nlanguage = \"sv\"");
    let check = crate::support::plan_in(&dir, &["check"]);
    assert_eq!(
        check.stdout, "0 planfiler granskade: inga problem\n",
        "{check:?}"
    );
}

/// `plan rule` speaks the repository's language (or --lang's): a systemförvaltare
/// reads what a rule means in Swedish, with the handbook quoted as it is written.
#[test]
fn rule_documentation_in_both_languages() {
    let repo = Repo::with_config(&format!("{PLAN_TOML}language = \"sv\"\n"));
    let sv = repo.plan(&["rule", "appendix3/not-attested"]);
    assert_eq!(sv.code, 0, "{sv:?}");
    assert!(
        sv.stdout.starts_with(
            "appendix3/not-attested (allvarlighetsgrad som förval: fel)\n\nSlår till när: inte intygad"
        ) && sv
            .stdout
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .contains("\"undertecknar och intygar att uppgifterna i bilaga 3"),
        "{}",
        sv.stdout
    );
    let en = repo.plan(&["--lang", "en", "rule", "appendix3/not-attested"]);
    assert_starts_with(
        &en.stdout,
        "appendix3/not-attested (default severity: error)\n\nFires when: no attestation",
    );
    let list = repo.plan(&["rule"]);
    assert_contains(&list.stdout, "kontrollsumman stämmer inte med svaren");
}

/// The common errors of exit 2 in the repository's language (or PLAN_LANG's when
/// there is no repository).
#[test]
fn errors_of_exit_2_in_swedish() {
    let repo = Repo::with_config(&format!("{PLAN_TOML}language = \"sv\"\n"));
    let bad_id = repo.plan(&["new", "Ladok", "--name", "Ladok"]);
    assert_eq!(bad_id.code, 2, "{bad_id:?}");
    assert_eq!(
        bad_id.stderr,
        "fel: `Ladok` är inget giltigt id för ett förvaltningsobjekt (gemena a–z, siffror och `-`); prova `ladok`\n"
    );
    let rule = repo.plan(&["rule", "appendix3/stal"]);
    assert_eq!(
        rule.stderr,
        "fel: ingen regel `appendix3/stal`; menade du `appendix3/stale`? (`plan rule` visar alla)\n"
    );
    assert_eq!(repo.plan(&["new", "ladok", "--name", "Ladok"]).code, 0);
    let again = repo.plan(&["new", "ladok", "--name", "Ladok"]);
    assert!(
        again.stderr.starts_with("fel: ")
            && again
                .stderr
                .contains("2027.toml finns redan och skrivs inte över"),
        "{again:?}"
    );
    let nowhere = tempfile::tempdir().expect("a temporary folder");
    let none = crate::support::plan_command()
        .current_dir(nowhere.path())
        .env("PLAN_LANG", "sv")
        .arg("check")
        .output()
        .expect("plan runs");
    let stderr = String::from_utf8_lossy(&none.stderr);
    assert_starts_with(&stderr, "fel: ingen plan.toml i ");
}

/// Mistakes in the command line itself (clap finds them) are told in the
/// repository's language too: a Swedish systemförvaltare who mistypes a flag reads
/// Swedish, with the flags and values quoted as written. Only `--help` stays English.
#[test]
fn command_line_mistakes_in_the_repository_language() {
    for lang in Lang::ALL {
        let repo = Repo::new().speaking(lang);
        let says = |args: &[&str], expected: &str| {
            let run = repo.plan(args);
            assert_eq!(run.code, 2, "{args:?}: {run:?}");
            assert_eq!(run.stderr, expected, "{args:?} in {lang:?}");
            assert_eq!(run.stdout, "", "{args:?}");
        };
        says(
            &["check", "--formt", "json"],
            lang.says(
                "error: unexpected argument '--formt' found\n\n  tip: a similar one exists: '--format'\n\nUsage: plan check --format <FORMAT> [PATH]...\n\nFor more information, try '--help'.\n",
                "fel: okänt argument '--formt'\n\n  tips: menade du '--format'?\n\nAnvändning: plan check --format <FORMAT> [PATH]...\n\nMer information (på engelska) med '--help'.\n",
            ),
        );
        says(
            &["check", "--format", "xml"],
            lang.says(
                "error: invalid value 'xml' for '--format <FORMAT>'\n  [possible values: human, json, gitlab, junit, github, sarif]\n\nFor more information, try '--help'.\n",
                "fel: ogiltigt värde 'xml' för '--format <FORMAT>'\n  [möjliga värden: human, json, gitlab, junit, github, sarif]\n\nMer information (på engelska) med '--help'.\n",
            ),
        );
        says(
            &["report", "deps", "--year"],
            lang.says(
                "error: a value is required for '--year <YEAR>' but none was supplied\n\nFor more information, try '--help'.\n",
                "fel: '--year <YEAR>' behöver ett värde, men inget angavs\n\nMer information (på engelska) med '--help'.\n",
            ),
        );
        says(
            &["check", "--year", "27"],
            lang.says(
                "error: invalid value '27' for '--year <YEAR>': `27` is not a year like 2027\n\nFor more information, try '--help'.\n",
                "fel: ogiltigt värde '27' för '--year <YEAR>': `27` är inget årtal som 2027\n\nMer information (på engelska) med '--help'.\n",
            ),
        );
        says(
            &["report"],
            lang.says(
                "error: the following required arguments were not provided: '<KIND>'\n\nUsage: plan report [OPTIONS] <KIND>\n\nFor more information, try '--help'.\n",
                "fel: följande argument måste anges: '<KIND>'\n\nAnvändning: plan report [OPTIONS] <KIND>\n\nMer information (på engelska) med '--help'.\n",
            ),
        );
        says(
            &["chek"],
            lang.says(
                "error: unrecognized subcommand 'chek'\n\n  tip: some similar ones exist: 'schema', 'check'\n\nUsage: plan [OPTIONS] <COMMAND>\n\nFor more information, try '--help'.\n",
                "fel: okänt kommando 'chek'\n\n  tips: menade du något av 'schema', 'check'?\n\nAnvändning: plan [OPTIONS] <COMMAND>\n\nMer information (på engelska) med '--help'.\n",
            ),
        );
        says(
            &["new", "ladok", "--name", "Ladok", "--organisation-model", "9"],
            lang.says(
                "error: invalid value '9' for '--organisation-model <N>': `9` is not a whole number from 1 to 5\n\nFor more information, try '--help'.\n",
                "fel: ogiltigt värde '9' för '--organisation-model <N>': `9` är inget heltal från 1 till 5\n\nMer information (på engelska) med '--help'.\n",
            ),
        );
        // `--help` is clap's own, in English, on stdout.
        let help = repo.plan(&["check", "--help"]);
        assert_eq!(help.code, 0, "{help:?}");
        assert!(help.stdout.contains("Usage: plan check"), "{help:?}");
    }
}

/// The language of a mistake in the command line follows the same order as every
/// other text: `--lang` (even written after the mistake), then `PLAN_LANG`, then
/// the repository's `language` (found upward from the current folder, or at
/// `--repo`); a `--lang` that is itself the mistake falls back to the next.
#[test]
fn command_line_mistakes_follow_lang_then_plan_lang_then_the_repository() {
    let swedish = Repo::new().speaking(Lang::Sv);
    let english = Repo::new().speaking(Lang::En);
    let first_line = |run: crate::support::Run| {
        assert_eq!(run.code, 2, "{run:?}");
        run.stderr.lines().next().unwrap_or_default().to_string()
    };
    assert_eq!(
        first_line(swedish.plan(&["check", "--bogus", "--lang", "en"])),
        "error: unexpected argument '--bogus' found"
    );
    assert_eq!(
        first_line(swedish.plan(&["check", "--bogus", "--lang=en"])),
        "error: unexpected argument '--bogus' found"
    );
    assert_eq!(
        first_line(english.plan_env(&["check", "--bogus"], &[("PLAN_LANG", Some("sv"))])),
        "fel: okänt argument '--bogus'"
    );
    assert_eq!(
        first_line(swedish.plan(&["--lang", "de", "check"])),
        "fel: ogiltigt värde 'de' för '--lang <LANG>': `de` är inget språk som plan talar: sv eller en"
    );
    // No --repo: the repository above the current folder.
    let inside = crate::support::plan_command()
        .current_dir(swedish.path().join("objects"))
        .args(["check", "--bogus"])
        .output()
        .expect("plan runs");
    assert_eq!(
        String::from_utf8_lossy(&inside.stderr).lines().next(),
        Some("fel: okänt argument '--bogus'")
    );
}

/// `plan init` speaks Swedish unless told otherwise (there is no repository yet to
/// ask), and so do its command-line mistakes, wherever it is run.
#[test]
fn plan_init_s_command_line_mistakes_are_swedish_like_init() {
    let outside = tempfile::tempdir().expect("a temporary folder");
    let first_line = |args: &[&str]| {
        let run = crate::support::run(
            crate::support::plan_command()
                .current_dir(outside.path())
                .args(args),
        );
        assert_eq!(run.code, 2, "{run:?}");
        run.stderr.lines().next().unwrap_or_default().to_string()
    };
    assert_eq!(
        first_line(&["init", "--bogus"]),
        "fel: okänt argument '--bogus'"
    );
    assert_eq!(
        first_line(&["--today", "2027-01-01", "init", "--bogus"]),
        "fel: okänt argument '--bogus'"
    );
    assert_eq!(
        first_line(&["--lang", "en", "init", "--bogus"]),
        "error: unexpected argument '--bogus' found"
    );
    // Another command outside a repository: English, as before.
    assert_eq!(
        first_line(&["check", "--bogus"]),
        "error: unexpected argument '--bogus' found"
    );
    assert!(
        std::fs::read_dir(outside.path()).unwrap().next().is_none(),
        "nothing written"
    );
}

/// The steering group's reports on the Swedish example, as a förvaltningsledare
/// reads them: Swedish headers, enumerated values in words ("Mindre uppgradering",
/// "Godkänd", "Planerad", "Delvis"), role labels instead of role ids, ISO dates.
#[test]
fn reports_read_in_swedish() {
    let repo = Repo::copy_of("examples/kommun");
    let report = |args: &[&str]| {
        let mut all = vec!["report"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--year", "2027"]);
        let run = plan_at(repo.path(), "2027-09-01", &all);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{args:?}");
        run.stdout
    };
    let upgrades = report(&["upgrades"]);
    for line in [
        "│ Objekt          ┆ System        ┆ Datum      ┆ Typ                 ┆ Till version ┆ Servicefönster ┆ CAB     ┆ Annonserad ┆ Status   ┆ Berörda objekt │",
        "│ e-tjanster      ┆ eplattform    ┆ 2027-03-09 ┆ Mindre uppgradering ┆ 5.5          ┆ Ja             ┆ Godkänd ┆ 2027-02-22 ┆ Planerad ┆ skolplattform  │",
    ] {
        assert!(upgrades.lines().any(|l| l == line), "{line}\n{upgrades}");
    }
    let deviations = report(&["deviations", "--format", "markdown"]);
    for line in [
        "| Objekt | System | Källa | Id | Beskrivning | Ansvarig | Klart senast | Försenad |",
        "| ekonomisystem | erp | Bilaga 3 | continuity_plan | Delvis: Avbrottsplanen för löneutbetalning och leverantörsbetalningar finns men har aldrig övats | Förvaltningsledare IT | 2027-05-31 | Ja |",
        "| e-tjanster | eplattform | Uppgradering | eplattform@2027-03-09 | Uppgraderingen till 5.5 står fortfarande som planerad, men datumet har passerat |  | 2027-03-09 | Ja |",
    ] {
        assert!(deviations.lines().any(|l| l == line), "{line}\n{deviations}");
    }
    let roles = report(&["roles", "--format", "markdown"]);
    assert!(
        roles.starts_with("| Objekt | Roll | Namn | E-post |\n")
            && roles.contains(
                "\n| arendehantering | Förvaltningsledare | Anneli Nordin | anneli.nordin@example.se |\n"
            ),
        "{roles}"
    );
    let deps = report(&["deps", "--format", "markdown"]);
    assert!(
        deps.starts_with("| Objekt | System | Beror på | Typ |\n")
            && deps.contains("\n| e-tjanster | eplattform | arendehantering | beroende |\n"),
        "{deps}"
    );
    let systems = report(&["systems", "--format", "markdown"]);
    assert_contains(
        &systems,
        "| arendehantering | diarium | Ärende- och dokumenthanteringssystem (diarium) | Tietoevry Sverige AB | Egen drift | I drift | 24.2 | Ja | 2 | 3 | 2 |",
    );
    let calendar = report(&["upgrades", "--format", "ics"]);
    for line in [
        "SUMMARY:Uppgradering e-tjanster/eplattform till 5.5 (Mindre uppgradering)",
        "X-WR-CALNAME:Uppgraderingar 2027 – Exempelkommunen",
    ] {
        assert!(calendar.contains(line), "{line}\n{calendar}");
    }
}

/// Machines read JSON and CSV: their headers and values are the same in both
/// languages (SPEC §9); only the deviations' descriptions, texts for people, follow
/// the language.
#[test]
fn json_and_csv_reports_do_not_change_with_the_language() {
    let repo = Repo::copy_of("examples/kommun");
    for kind in ["upgrades", "deps", "deviations", "roles", "systems"] {
        for format in ["json", "csv"] {
            let run = |lang: &str| {
                let args = [
                    "--lang", lang, "report", kind, "--year", "2027", "--format", format,
                ];
                let run = plan_at(repo.path(), "2027-09-01", &args);
                assert_eq!(run.code, 0, "{run:?}");
                run.stdout
            };
            let (en, sv) = (run("en"), run("sv"));
            if kind != "deviations" {
                assert_eq!(en, sv, "{kind} {format}");
            } else if format == "json" {
                let without_description = |text: &str| {
                    let mut rows: serde_json::Value = serde_json::from_str(text).expect("JSON");
                    for row in rows.as_array_mut().expect("rows") {
                        row.as_object_mut().expect("a row").remove("description");
                    }
                    rows
                };
                assert_eq!(without_description(&en), without_description(&sv));
                assert_contains(&sv, "\"source\": \"appendix3\"");
            } else {
                assert_eq!(en.lines().next(), sv.lines().next(), "the CSV header");
            }
        }
    }
}

/// CODEOWNERS' comments are read by people: in the repository's language, a role by
/// its label. A CODEOWNERS written in one language is plan's own in the other too.
#[test]
fn codeowners_in_swedish() {
    let repo = Repo::copy_of("examples/kommun");
    repo.git(&["init", "-q"]);
    let plan = "objects/skolplattform/2027.toml";
    repo.write(
        plan,
        repo.read(plan).replace("username = \"geriksson\"\n", ""),
    );
    let run = repo.plan(&["codeowners"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_starts_with(
        &run.stdout,
        "# Skapad av `plan codeowners` utifrån rollmodellen `municipal`; skapa om filen i stället för att redigera den.\n",
    );
    assert_contains(
        &run.stdout,
        "\n# skolplattform: inget användarnamn för Gunnel Eriksson (Objektägare)\n",
    );
    let english = repo.plan(&["--lang", "en", "codeowners", "--write"]);
    assert_eq!(english.code, 0, "{english:?}");
    assert!(repo
        .read("CODEOWNERS")
        .contains("# skolplattform: no username for Gunnel Eriksson (Objektägare)\n"));
    let swedish = repo.plan(&["codeowners", "--write"]);
    assert_eq!(swedish.code, 0, "{swedish:?}");
    assert_eq!(
        swedish.stdout,
        format!("skrev {}\n", repo.file("CODEOWNERS").display())
    );
    assert_eq!(repo.read("CODEOWNERS"), run.stdout);
    repo.write("CODEOWNERS", "* @someone\n");
    let refused = repo.plan(&["codeowners", "--write"]);
    assert_eq!(refused.code, 2, "{refused:?}");
    assert!(
        refused
            .stderr
            .contains("finns redan och är inte skriven av plan, så den ersätts inte"),
        "{}",
        refused.stderr
    );
}

/// The notes and errors of plan log and plan diff in Swedish: the year chosen in the
/// planning season, an object id with no plan.
#[test]
fn notes_and_object_errors_in_swedish() {
    let repo = Repo::copy_of("examples/kommun");
    repo.git(&["init", "-q"]);
    repo.commit_all("the example");
    let log = repo.plan(&["log", "skolplatform"]);
    assert_eq!(log.code, 2, "{log:?}");
    assert_eq!(
        log.stderr,
        "fel: inget förvaltningsobjekt `skolplatform`: det finns ingen objects/skolplatform/<år>.toml; menade du `skolplattform`?\n"
    );
    let bad = repo.plan(&["log", "Skolplattform"]);
    assert!(
        bad.stderr
            .starts_with("fel: `Skolplattform` är inget giltigt id för ett förvaltningsobjekt"),
        "{bad:?}"
    );
    // November 2026: the plans being written are 2027's.
    let diff = plan_at(repo.path(), "2026-11-30", &["diff", "skolplattform"]);
    assert_error(&diff, "obs: använder 2027: det finns inga planer för 2026 än, men det finns för 2027 (ange --year för att välja)\n\
fel: förvaltningsobjektet `skolplattform` har ingen plan före 2027 att jämföra med\n");
    let log = repo.plan(&["log", "skolplattform"]);
    assert!(log.stdout.contains("│ datum (UTC)"), "{log:?}");
}

/// `plan new` explains a new plan in the repository's language; the keys, values
/// and the checklist's own questions are the same in both.
#[test]
fn plan_new_explains_in_the_language() {
    let repo = Repo::with_config(&format!("{PLAN_TOML}language = \"sv\"\n"));
    let run = repo.plan(&["new", "ladok", "--year", "2027", "--name", "Ladok"]);
    assert_eq!(
        run.stdout,
        format!("skapade {PLAN}\nfyll i de tomma värdena och kör sedan `plan check {PLAN}`\n")
    );
    let swedish = repo.read(PLAN);
    for line in [
        "# Förvaltningsplan 2027 för Ladok.\n",
        "# established_by = [\"systemagare\"]   # rollerna som fastställer planen\n",
        "\n[budget] # bilaga 1\n",
        "# Avvikelse: { answer = \"no\", deviation = \"…\", action = \"…\", owner = \"<roll>\", due = 2027-06-30, reported_to = [\"systemforvaltare\", \"it_systemagare\"] }\n",
    ] {
        assert!(swedish.contains(line), "{line} in:\n{swedish}");
    }
    std::fs::remove_dir_all(repo.file("objects/ladok")).expect("remove");
    let run = repo.plan(&[
        "--lang", "en", "new", "ladok", "--year", "2027", "--name", "Ladok",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    let english = repo.read(PLAN);
    for line in [
        "# Management plan 2027 for Ladok.\n",
        "\n[budget] # bilaga 1\n",
        "# Deviation: { answer = \"no\", deviation = \"…\", action = \"…\", owner = \"<role>\", due = 2027-06-30, reported_to = [\"systemforvaltare\", \"it_systemagare\"] }\n",
    ] {
        assert!(english.contains(line), "{line} in:\n{english}");
    }
    let keys = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split(" # ").next().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(keys(&swedish), keys(&english));
}
