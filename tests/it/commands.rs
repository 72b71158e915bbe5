//! `plan init`, `plan new`, `plan attest`, `plan rule` and `plan completions`, the
//! way a user runs them.

use crate::support::*;

const ATTEST: &[&str] = &["attest", "ladok", "--system", "ladok", "--year", "2027"];

/// A day in the planning season, before the plan year 2027 begins.
const BEFORE_YEAR: &str = "2026-12-01";

/// Every rule `plan rule` lists for the foundation (SPEC section 6).
const RULES: &[&str] = &[
    "parse",
    "schema",
    "layout",
    "roles/missing",
    "roles/recommended",
    "roles/unknown",
    "roles/person",
    "roles/conflict",
    "appendix3/missing",
    "appendix3/unanswered",
    "appendix3/unknown-question",
    "appendix3/deviation-incomplete",
    "appendix3/not-reported",
    "appendix3/deviation-role",
    "appendix3/na-unjustified",
    "appendix3/not-attested",
    "appendix3/wrong-attester",
    "appendix3/stale",
    "appendix3/overdue",
    "upgrade/unknown-system",
    "upgrade/outside-year",
    "upgrade/service-window",
    "upgrade/cab",
    "upgrade/announce",
    "upgrade/untested",
    "activity/owner",
    "activity/dates",
    "activity/overdue",
    "budget/exceeded",
    "plan/established-incomplete",
    "plan/established-by",
    "plan/established-date",
    "plan/draft-in-year",
    "plan/description-missing",
    "contract/expiring",
    "contract/dpa",
];

#[test]
fn init_creates_a_plan_repository() {
    // What it says is in the language of the repository it makes (Swedish), or
    // --lang's.
    for lang in Lang::ALL {
        let parent = tempfile::tempdir().expect("folder");
        let dir = parent.path().join("planer");
        let run = plan_in(
            parent.path(),
            &["--lang", lang.code(), "init", dir.to_str().expect("UTF-8")],
        );
        assert_eq!(run.code, 0, "{run:?}");
        let said = lang.says(
            "created in {dir}: plan.toml, objects/, .gitlab-ci.yml, .gitignore, .git (git init)\nnext: plan new <object> --year <year> --name \"<name>\"\n",
            "skapade i {dir}: plan.toml, objects/, .gitlab-ci.yml, .gitignore, .git (git init)\nnästa steg: plan new <objekt> --year <år> --name \"<namn>\"\n",
        );
        assert_eq!(
            run.stdout,
            said.replace("{dir}", &dir.display().to_string())
        );
    }
    let parent = tempfile::tempdir().expect("folder");
    let dir = parent.path().join("planer");
    let run = plan_in(parent.path(), &["init", dir.to_str().expect("UTF-8")]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(dir.join("plan.toml").is_file());
    assert!(dir.join("objects").is_dir());
    assert!(dir.join(".gitlab-ci.yml").is_file());
    assert!(dir.join(".git").is_dir());
    let config = std::fs::read_to_string(dir.join("plan.toml")).expect("plan.toml");
    assert_contains(&config, "role_model = \"pm3-lu\"");

    // The new repository checks: nothing to report yet.
    let check = plan_in(&dir, &["check"]);
    assert_eq!(check.code, 0, "{check:?}");
    // plan init writes `language = "sv"`.
    assert_eq!(check.stdout, "0 planfiler granskade: inga problem\n");
    let english = plan_in(&dir, &["--lang", "en", "check"]);
    assert_eq!(english.stdout, "checked 0 plan files: no problems found\n");
}

#[test]
fn second_init_refuses_and_leaves_plan_toml_alone() {
    let parent = tempfile::tempdir().expect("folder");
    let dir = parent.path().join("planer");
    let dir_arg = dir.to_str().expect("UTF-8");
    assert_eq!(plan_in(parent.path(), &["init", dir_arg]).code, 0);
    let config = dir.join("plan.toml");
    let edited = "organisation = \"Ändrad\"\nrole_model = \"municipal\"\n";
    std::fs::write(&config, edited).expect("edit plan.toml");

    in_each_language(|lang| {
        let again = plan_in(parent.path(), &["init", dir_arg]);
        assert_eq!(again.code, 2, "{again:?}");
        assert_contains(&again.stderr, lang.says("already exists", "finns redan"));
    });
    assert_eq!(
        std::fs::read(&config).expect("plan.toml"),
        edited.as_bytes()
    );
}

#[test]
fn init_with_the_municipal_model_inside_an_existing_git_repository() {
    let repo = Repo::new();
    let run = plan_in(
        repo.path(),
        &[
            "init",
            "planer",
            "--role-model",
            "municipal",
            "--organisation",
            "Exempelkommunen",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let config = repo.read("planer/plan.toml");
    assert_contains(&config, "role_model = \"municipal\"");
    assert_contains(&config, "organisation = \"Exempelkommunen\"");
    // Already inside a git repository: no nested one.
    assert!(!repo.file("planer/.git").exists());
}

#[test]
fn new_scaffold_fails_check_until_filled_in_then_attests_clean() {
    let repo = Repo::new();
    let run = repo.plan(&["new", "ladok", "--year", "2027", "--name", "Ladok"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_contains(&run.stdout, PLAN);
    let scaffold = repo.read(PLAN);
    assert_contains(&scaffold, "[roles.it_systemagare]");
    assert_contains(&scaffold, "documentation = \"\"");
    // What the plan decides, with a comment in the repository's language (English
    // here: no `language`) saying what to write.
    for line in [
        "# established_by = [\"systemagare\"]   # the roles that establish the plan\n",
        "# The system's task: what business it supports, for whom and in what environment.\ndescription = \"\"\n",
        "# [[goals]]\n",
        "# contract = { id = \"\", ends = 2028-12-31, notice_months = 6, owner = \"\", dpa = true }\n",
        "# purpose = \"\"\n",
    ] {
        assert!(scaffold.contains(line), "{line} in:\n{scaffold}");
    }

    // The placeholders fail the check.
    let unfilled = repo.check(&[]);
    assert_eq!(unfilled.code, 1);
    assert!(
        unfilled.rules().contains(&"roles/person"),
        "{:#?}",
        unfilled.findings
    );
    assert!(
        unfilled.rules().contains(&"schema"),
        "{:#?}",
        unfilled.findings
    );

    // A user fills in every placeholder.
    let mut text = scaffold.clone();
    for (name, email) in [
        ("Karin Ek", "karin.ek@example.se"),
        ("Per Lind", "per.lind@example.se"),
        ("Eva Holm", "eva.holm@example.se"),
        ("Olof Berg", "olof.berg@example.se"),
    ] {
        let user = email.split('.').next().unwrap_or_default();
        text = text.replacen(
            "name = \"\"\nemail = \"\"\nunit = \"\"\nusername = \"\"",
            &format!("name = \"{name}\"\nemail = \"{email}\"\nunit = \"Studentavdelningen\"\nusername = \"{user}\""),
            1,
        );
    }
    text = replace_once(&text, "supplier = \"\"", "supplier = \"Ladokkonsortiet\"");
    text = replace_once(&text, "\nversion = \"\"", "\nversion = \"2.41\"");
    text = replace_once(
        &text,
        "description = \"\"",
        "description = \"Studiedokumentation för alla studenter.\"",
    );
    // What is left empty outside comments is the checklist: answer "yes" to all.
    let placeholder = |l: &str| !l.starts_with('#') && l.ends_with(" = \"\"");
    assert_eq!(
        text.lines().filter(|l| placeholder(l)).count(),
        20,
        "one placeholder per checklist question:\n{text}"
    );
    text = text
        .lines()
        .map(|l| match l.strip_suffix(" = \"\"") {
            Some(key) if placeholder(l) => format!("{key} = \"yes\"\n"),
            _ => format!("{l}\n"),
        })
        .collect();
    repo.write(PLAN, &text);

    // A draft with every answer, not yet attested, before its year: a reminder, not
    // an error (once the year has begun, a draft is `plan/draft-in-year` too).
    let filled = parse_check(plan_at(
        repo.path(),
        BEFORE_YEAR,
        &["check", "--format", "json"],
    ));
    assert_eq!(filled.rules(), ["appendix3/not-attested"]);
    assert_eq!(filled.findings[0].severity, "warning");

    let attest = repo.plan(ATTEST);
    assert_eq!(attest.code, 0, "{attest:?}");
    in_each_language(|lang| {
        let done = plan_at(repo.path(), BEFORE_YEAR, &["check"]);
        assert_eq!(done.code, 0, "{done:?}");
        assert_eq!(done.stdout, lang.says(CLEAN_EN, CLEAN_SV));
    });
}

#[test]
fn new_refuses_to_overwrite_a_plan() {
    let repo = Repo::with_plan(baseline());
    in_each_language(|lang| {
        let run = repo.plan(&["new", "ladok", "--year", "2027", "--name", "Ladok"]);
        assert_eq!(run.code, 2, "{run:?}");
        let exists = lang.says(
            "already exists; not overwriting it",
            "finns redan och skrivs inte över",
        );
        assert_contains(&run.stderr, exists);
        assert_eq!(repo.read(PLAN), baseline());
    });
}

#[test]
fn new_refuses_an_invalid_object_id() {
    let repo = Repo::new();
    let run = repo.plan(&["new", "Ladok", "--year", "2027", "--name", "Ladok"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_contains(&run.stderr, "`ladok`");
    assert!(!repo.file("objects/Ladok").exists());
}

/// Every comment in a text: from `#` to the end of its line.
fn comments(text: &str) -> Vec<&str> {
    text.lines()
        .filter_map(|l| l.find('#').map(|i| &l[i..]))
        .collect()
}

#[test]
fn attest_keeps_every_comment_and_records_today() {
    let before = format!(
        "{}# Sista raden: en kommentar efter allt annat.\n",
        unattested().replace("mfa = \"yes\"", "mfa = \"yes\"           # införd 2026")
    );
    for lang in Lang::ALL {
        let repo = Repo::with_plan(&before).speaking(lang);
        let run = plan_at(repo.path(), "2027-02-14", ATTEST);
        assert_eq!(run.code, 0, "{run:?}");
        let (start, end) = lang.says(
            ("attested bilaga 3 of `ladok` in objects/ladok/2027.toml: attested_by = \"it_systemagare\", attested_on = 2027-02-14, sha256:",
            ", signed_by = \"test@example.se\"\n"),
            ("intygade bilaga 3 för `ladok` i objects/ladok/2027.toml: attested_by = \"it_systemagare\", attested_on = 2027-02-14, sha256:",
            ", signed_by = \"test@example.se\"\n"),
        );
        assert!(
            run.stdout.starts_with(start) && run.stdout.ends_with(end),
            "{}",
            run.stdout
        );
    }
    let repo = Repo::with_plan(&before);
    assert_eq!(plan_at(repo.path(), "2027-02-14", ATTEST).code, 0);

    let after = repo.read(PLAN);
    assert_eq!(comments(&before).len(), 5, "{before}");
    for comment in comments(&before) {
        assert!(after.contains(comment), "lost `{comment}`:\n{after}");
    }
    assert_contains(&after, "attested_by = \"it_systemagare\"\n");
    assert_contains(&after, "attested_on = 2027-02-14\n");
    // The git identity that ran it (the tests' fixed author) signs.
    assert_contains(&after, "signed_by = \"test@example.se\"\n");
    // Only the four attestation lines (and the table they need) were added.
    let added: Vec<&str> = after.lines().filter(|l| !before.contains(*l)).collect();
    assert_eq!(added.len(), 5, "{added:?}");
    repo.check(&[]).assert_clean();
}

#[test]
fn changing_an_answer_after_attest_is_stale_until_attested_again() {
    let repo = Repo::with_plan(unattested());
    assert_eq!(repo.plan(ATTEST).code, 0);
    repo.check(&[]).assert_clean();

    let attested = repo.read(PLAN);
    repo.write(
        PLAN,
        replace_once(
            &attested,
            "backup = \"yes\"",
            "backup = { answer = \"na\", justification = \"Inga egna data\" }",
        ),
    );
    let stale = repo.check(&[]);
    assert_eq!(stale.rules(), ["appendix3/stale"]);
    assert_eq!(stale.code, 1);

    assert_eq!(repo.plan(ATTEST).code, 0);
    repo.check(&[]).assert_clean();
}

#[test]
fn attest_refuses_an_unanswered_checklist_and_writes_nothing() {
    let text = drop_line(unattested(), "mfa = ");
    for lang in Lang::ALL {
        let repo = Repo::with_plan(&text).speaking(lang);
        let run = repo.plan(ATTEST);
        assert_eq!(run.code, 2, "{run:?}");
        assert_contains(&run.stderr, "appendix3/unanswered");
        assert_contains(&run.stderr, "mfa");
        assert_ends_with(&run.stderr, lang.says(
                "error: not attesting `ladok` in objects/ladok/2027.toml: the checklist is incomplete (see above)\n",
                "fel: intygar inte `ladok` i objects/ladok/2027.toml: checklistan är inte komplett (se ovan)\n"
            ));
        assert_eq!(repo.read_bytes(PLAN), text.as_bytes());
    }
}

#[test]
fn attest_refuses_an_unknown_system_and_writes_nothing() {
    for lang in Lang::ALL {
        let repo = Repo::with_plan(unattested()).speaking(lang);
        let run = repo.plan(&["attest", "ladok", "--system", "lucat", "--year", "2027"]);
        assert_error(
            &run,
            lang.says(
                "error: objects/ladok/2027.toml has no system `lucat` (systems: ladok)\n",
                "fel: objects/ladok/2027.toml har inget system `lucat` (system: ladok)\n",
            ),
        );
        assert_eq!(repo.read(PLAN), unattested());
    }
}

/// Without a git identity there is nobody to sign: the attestation is written
/// without signed_by, and a warning says how to set one.
#[test]
fn attest_without_a_git_identity_warns_in_the_language() {
    for lang in Lang::ALL {
        let repo = Repo::with_plan(unattested()).speaking(lang);
        let home = tempfile::tempdir().expect("a temporary home");
        let home = home.path().to_str().expect("UTF-8");
        let run = repo.plan_env(
            ATTEST,
            &[
                ("GIT_AUTHOR_EMAIL", None),
                ("EMAIL", None),
                ("HOME", Some(home)),
                ("XDG_CONFIG_HOME", Some(home)),
                ("GIT_CONFIG_NOSYSTEM", Some("1")),
            ],
        );
        assert_eq!(run.code, 0, "{run:?}");
        if !run.stderr.is_empty() || !repo.read(PLAN).contains("signed_by") {
            assert_eq!(
                run.stderr,
                lang.says(
                    "warning: git has no identity (user.email) here, so signed_by is not recorded and `plan check --verify-attestations` will report this attestation; set it with `git config user.email you@example.se` and run `plan attest ladok --system ladok --year 2027` again\n",
                    "varning: git har ingen identitet (user.email) här, så signed_by skrivs inte och `plan check --verify-attestations` kommer att rapportera intygandet; ange den med `git config user.email du@example.se` och kör `plan attest ladok --system ladok --year 2027` igen\n"
                )
            );
        }
    }
}

#[test]
fn rule_lists_every_rule() {
    let run = run(plan_command().arg("rule"));
    assert_eq!(run.code, 0);
    for id in RULES {
        assert!(
            run.stdout
                .lines()
                .any(|l| l.split_whitespace().nth(1) == Some(*id)),
            "`{id}` not listed:\n{}",
            run.stdout
        );
    }
}

#[test]
fn rule_explains_one_rule() {
    in_each_language(|lang| {
        let run = run(plan_command().args(["rule", "roles/missing"]));
        assert_eq!(run.code, 0, "{run:?}");
        assert_starts_with(
            &run.stdout,
            lang.says(
                "roles/missing (default severity: error)\n",
                "roles/missing (allvarlighetsgrad som förval: fel)\n",
            ),
        );
        assert_contains(&run.stdout, "[roles.<id>]");
    });
    for id in RULES {
        let one = crate::support::run(plan_command().args(["rule", id]));
        assert_eq!(one.code, 0, "plan rule {id}: {one:?}");
        assert!(one.stdout.starts_with(&format!("{id} (default severity: ")));
    }
}

#[test]
fn the_v2_rules_cite_their_source() {
    for (id, source) in [
        (
            "plan/established-by",
            "Det är systemägaren som fastställer planen",
        ),
        ("plan/established-by", "tillsammans med objektägare IT"),
        ("plan/established-date", "nästa års förvaltningsplan"),
        (
            "plan/draft-in-year",
            "att aktuell förvaltningsplan finns framtagen",
        ),
        ("plan/description-missing", "i vilken omgivning det verkar"),
        (
            "contract/expiring",
            "bör vara insatt i vad som står i ev. avtal",
        ),
        ("contract/dpa", "GDPR article 28"),
        ("integration/contract", "Varför-delen är extra viktig"),
    ] {
        let one = run(plan_command().args(["rule", id]));
        assert_eq!(one.code, 0, "plan rule {id}: {one:?}");
        // The doc is wrapped: compare with the line breaks as spaces.
        let doc = one.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            doc.contains(source),
            "{id} cites `{source}`:\n{}",
            one.stdout
        );
    }
}

#[test]
fn unknown_rule_is_2() {
    in_each_language(|lang| {
        let run = run(plan_command().args(["rule", "nope"]));
        assert_eq!(run.code, 2);
        let none = lang.says("no rule `nope`", "ingen regel `nope`");
        assert_contains(&run.stderr, none);
        assert_eq!(run.stdout, "");

        let typo = crate::support::run(plan_command().args(["rule", "appendix3/stael"]));
        assert_eq!(typo.code, 2);
        let near = lang.says(
            "did you mean `appendix3/stale`?",
            "menade du `appendix3/stale`?",
        );
        assert_contains(&typo.stderr, near);
    });
}

#[test]
fn completions_for_bash() {
    let run = run(plan_command().args(["completions", "bash"]));
    assert_eq!(run.code, 0);
    assert_contains(&run.stdout, "_plan()");
    assert_contains(&run.stdout, "complete -F _plan");
    assert_contains(&run.stdout, "attest");
}

/// A plan a report cannot read is named on stderr, in the language, never left out
/// silently.
#[test]
fn a_report_names_the_plan_it_leaves_out() {
    for lang in Lang::ALL {
        let repo = Repo::with_plan(baseline()).speaking(lang);
        repo.write("objects/lucat/2027.toml", "year = [\n");
        let run = repo.plan(&["report", "upgrades", "--year", "2027"]);
        assert_eq!(run.code, 0, "{run:?}");
        assert_eq!(
            run.stderr,
            lang.says(
                "warning: objects/lucat/2027.toml is left out: it is not a readable TOML file (`plan check objects/lucat/2027.toml` shows why)\n",
                "varning: objects/lucat/2027.toml är utelämnad: den är inte en läsbar TOML-fil (`plan check objects/lucat/2027.toml` visar varför)\n"
            )
        );
    }
}
