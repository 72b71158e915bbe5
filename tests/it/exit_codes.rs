//! Exit codes, plan.toml `[rules]` overrides, and what narrows a check.

use crate::support::*;

/// The baseline without the recommended IT-systemförvaltare: one warning.
fn warning_only() -> String {
    replace_once(baseline(), IT_MANAGER, "")
}

#[test]
fn clean_is_0_error_is_1() {
    let repo = Repo::with_plan(baseline());
    assert_eq!(repo.plan(&["check"]).code, 0);
    repo.write(
        PLAN,
        replace_once(baseline(), "hosting = \"internal\"", "hosting = \"cloud\""),
    );
    assert_eq!(repo.plan(&["check"]).code, 1);
}

#[test]
fn warnings_alone_are_0_but_1_with_deny_warnings() {
    let repo = Repo::with_plan(&warning_only());
    in_each_language(|lang| {
        let run = repo.plan(&["check"]);
        assert_eq!(run.code, 0, "{run:?}");
        let (warning, summary) = lang.says(
            (
                "warning[roles/recommended]",
                "checked 1 plan file: 0 errors, 1 warning\n",
            ),
            (
                "varning[roles/recommended]",
                "1 planfil granskad: 0 fel, 1 varning\n",
            ),
        );
        assert_contains(&run.stdout, warning);
        assert_ends_with(&run.stdout, summary);

        let denied = repo.plan(&["check", "--deny-warnings"]);
        assert_eq!(denied.code, 1, "{denied:?}");
        assert_eq!(
            denied.stdout, run.stdout,
            "--deny-warnings changes the exit code only"
        );
    });
}

#[test]
fn missing_plan_toml_is_2() {
    let dir = tempfile::tempdir().expect("folder");
    let run = plan_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2);
    assert_contains(&run.stderr, "plan.toml");
    assert_eq!(run.stdout, "");
}

#[test]
fn missing_repo_folder_is_2() {
    let dir = tempfile::tempdir().expect("folder");
    in_each_language(|lang| {
        let run = run(plan_command()
            .current_dir(dir.path())
            .args(["--repo", "nowhere", "--today", TODAY, "check"]));
        assert_eq!(run.code, 2);
        assert_contains(
            &run.stderr,
            lang.says("no such folder", "mappen finns inte"),
        );
    });
}

#[test]
fn unknown_role_model_is_2_and_points_into_plan_toml() {
    let repo = Repo::with_config(&PLAN_TOML.replace("pm3-lu", "pm3-uu"));
    repo.write(PLAN, baseline());
    in_each_language(|lang| {
        let run = repo.plan(&["check"]);
        assert_eq!(run.code, 2);
        assert_contains(&run.stderr, "plan.toml:2:14");
        assert_contains(
            &run.stderr,
            lang.says(
                "unknown role model \"pm3-uu\"",
                "okänd rollmodell \"pm3-uu\"",
            ),
        );
        assert_eq!(run.stdout, "");
    });
}

#[test]
fn unknown_rule_in_plan_toml_is_2_with_a_suggestion() {
    let repo = Repo::with_config(&format!(
        "{PLAN_TOML}\n[rules]\n\"roles/mising\" = \"off\"\n"
    ));
    repo.write(PLAN, baseline());
    in_each_language(|lang| {
        let run = repo.plan(&["check"]);
        assert_eq!(run.code, 2);
        assert_contains(&run.stderr, "plan.toml:6:1");
        assert_contains(
            &run.stderr,
            lang.says("unknown rule `roles/mising`", "okänd regel `roles/mising`"),
        );
        assert_contains(
            &run.stderr,
            lang.says(
                "did you mean `roles/missing`?",
                "menade du `roles/missing`?",
            ),
        );
    });
}

#[test]
fn invalid_plan_toml_is_2_with_its_position() {
    let repo = Repo::with_config("organisation = \"Test\nrole_model = \"pm3-lu\"\n");
    let run = repo.plan(&["check"]);
    assert_eq!(run.code, 2);
    assert_contains(&run.stderr, "plan.toml:1:");
}

#[test]
fn bad_today_is_2() {
    let repo = Repo::with_plan(baseline());
    for bad in ["2027-02-30", "tomorrow", "2027-3-1x"] {
        let out = run(plan_command()
            .arg("--repo")
            .arg(repo.path())
            .args(["--today", bad, "check"]));
        assert_eq!(out.code, 2, "--today {bad}: {out:?}");
        assert_contains(&out.stderr, bad);
        assert_eq!(out.stdout, "");
    }
}

#[test]
fn bad_year_is_2() {
    let repo = Repo::with_plan(baseline());
    in_each_language(|lang| {
        let run = repo.plan(&["check", "--year", "27"]);
        assert_eq!(run.code, 2);
        assert_contains(&run.stderr, lang.says("is not a year", "är inget årtal"));
    });
}

#[test]
fn rule_set_off_removes_its_findings() {
    let repo = Repo::with_config(&format!(
        "{PLAN_TOML}\n[rules]\n\"roles/recommended\" = \"off\"\n"
    ));
    repo.write(PLAN, warning_only());
    let checked = repo.check(&["--deny-warnings"]);
    assert_eq!(checked.findings, vec![]);
    assert_eq!(checked.code, 0);
}

#[test]
fn rule_set_to_error_upgrades_a_warning() {
    let repo = Repo::with_config(&format!(
        "{PLAN_TOML}\n[rules]\n\"roles/recommended\" = \"error\"\n"
    ));
    repo.write(PLAN, warning_only());
    let checked = repo.check(&[]);
    assert_eq!(checked.rules(), ["roles/recommended"]);
    assert_eq!(checked.findings[0].severity, "error");
    assert_eq!((checked.summary.errors, checked.summary.warnings), (1, 0));
    assert_eq!(checked.code, 1);
}

#[test]
fn rule_set_to_warning_overrides_a_status_dependent_error() {
    let repo = Repo::with_config(&format!(
        "{PLAN_TOML}\n[rules]\n\"appendix3/not-attested\" = \"warning\"\n"
    ));
    repo.write(PLAN, unattested());
    let checked = repo.check(&[]);
    assert_eq!(checked.rules(), ["appendix3/not-attested"]);
    assert_eq!(checked.findings[0].severity, "warning");
    assert_eq!(checked.code, 0);
}

/// ladok 2027 clean; lucat 2026 and 2027 each with one error of its own.
fn three_plans() -> Repo {
    let repo = Repo::with_plan(baseline());
    let lucat = replace_once(baseline(), "object = \"ladok\"", "object = \"lucat\"");
    repo.write(
        "objects/lucat/2027.toml",
        replace_once(&lucat, "hosting = \"internal\"", "hosting = \"cloud\""),
    );
    let lucat_2026 = lucat
        .replace("2027-", "2026-")
        .replace("year = 2027", "year = 2026");
    repo.write(
        "objects/lucat/2026.toml",
        replace_once(&lucat_2026, "tested = true", "tested = maybe"),
    );
    repo
}

fn files_of(checked: &Checked) -> Vec<&str> {
    let mut files: Vec<&str> = checked.findings.iter().map(|f| f.file.as_str()).collect();
    files.dedup();
    files
}

#[test]
fn everything_is_checked_without_narrowing() {
    let checked = three_plans().check(&[]);
    assert_eq!(
        files_of(&checked),
        ["objects/lucat/2026.toml", "objects/lucat/2027.toml"]
    );
    assert_eq!(checked.summary.files, 3);
    assert_eq!(checked.code, 1);
}

#[test]
fn path_arguments_narrow_the_report() {
    let repo = three_plans();
    let ladok = repo.check(&["objects/ladok"]);
    assert_eq!(ladok.findings, vec![]);
    assert_eq!(ladok.summary.files, 1);
    assert_eq!(ladok.code, 0);

    let one_file = repo.check(&["objects/lucat/2026.toml"]);
    assert_eq!(files_of(&one_file), ["objects/lucat/2026.toml"]);
    assert_eq!(one_file.summary.files, 1);

    let two = repo.check(&["objects/ladok", "objects/lucat/2027.toml"]);
    assert_eq!(files_of(&two), ["objects/lucat/2027.toml"]);
    assert_eq!(two.summary.files, 2);
}

#[test]
fn path_arguments_are_relative_to_the_current_folder() {
    let repo = three_plans();
    let out = run(plan_command()
        .current_dir(repo.file("objects"))
        .arg("--repo")
        .arg(repo.path())
        .args(["--today", TODAY, "check", "--format", "json", "ladok"]));
    assert_eq!(out.code, 0, "{out:?}");
    assert_contains(&out.stdout, "\"files\": 1");
}

#[test]
fn path_outside_the_repository_or_missing_is_2() {
    let repo = three_plans();
    let elsewhere = tempfile::tempdir().expect("folder");
    in_each_language(|lang| {
        let outside = repo.plan(&["check", elsewhere.path().to_str().expect("UTF-8")]);
        assert_eq!(outside.code, 2, "{outside:?}");
        assert_contains(
            &outside.stderr,
            lang.says(
                "is outside the plan repository",
                "ligger utanför planarkivet",
            ),
        );
    });

    let missing = repo.plan(&["check", "objects/nothing"]);
    assert_eq!(missing.code, 2, "{missing:?}");
    assert_contains(&missing.stderr, "objects/nothing");
}

#[test]
fn year_narrows_the_report() {
    let repo = three_plans();
    let y2026 = repo.check(&["--year", "2026"]);
    assert_eq!(files_of(&y2026), ["objects/lucat/2026.toml"]);
    assert_eq!(y2026.summary.files, 1);

    let y2027 = repo.check(&["--year", "2027"]);
    assert_eq!(files_of(&y2027), ["objects/lucat/2027.toml"]);
    assert_eq!(y2027.summary.files, 2);

    let both = repo.check(&["--year", "2027", "objects/ladok"]);
    both.assert_clean();
    assert_eq!(both.summary.files, 1);

    let none = repo.check(&["--year", "2025"]);
    none.assert_clean();
    assert_eq!(none.summary.files, 0);
}

#[test]
fn check_reads_the_work_tree_not_the_last_commit() {
    let repo = Repo::with_plan(baseline());
    repo.commit_all("Förvaltningsplan 2027 för Ladok");
    repo.check(&[]).assert_clean();
    repo.write(PLAN, warning_only());
    assert_eq!(repo.check(&[]).rules(), ["roles/recommended"]);
}
