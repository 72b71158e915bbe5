//! Checking what git holds instead of the work tree: `plan check --rev REV` (a
//! revision's tree: branches, older commits, a detached HEAD), `--staged` (the index,
//! and GIT_INDEX_FILE), and a repository that has no commits yet.

use crate::support::*;

/// Ladok committed clean, then Lucat committed with an `activity/owner` error; the
/// work tree has Lucat put right but not committed.
fn two_commits() -> Repo {
    let repo = Repo::with_plan(baseline());
    repo.commit_all("Ladok 2027");
    repo.write(LUCAT, with_owner_error(&baseline_for("lucat")));
    repo.commit_all("Lucat 2027");
    repo.write(LUCAT, baseline_for("lucat"));
    repo
}

#[test]
fn rev_checks_each_commit_and_branch_as_it_was() {
    let repo = two_commits();

    let work_tree = repo.check(&[]);
    work_tree.assert_clean();
    assert_eq!(work_tree.summary.files, 2);

    let main = repo.check(&["--rev", "main"]);
    assert_eq!(main.rules_and_files(), [("activity/owner", LUCAT)]);
    assert_eq!(main.summary.files, 2);
    assert_eq!(main.code, 1);

    let before = repo.check(&["--rev", "HEAD~1"]);
    before.assert_clean();
    assert_eq!(before.summary.files, 1, "Lucat did not exist yet");

    // A branch that commits the fix; main keeps the mistake.
    repo.git(&["checkout", "--quiet", "-b", "fix-lucat"]);
    repo.commit_all("Lucat: the activity is owned by the system manager");
    repo.check(&["--rev", "fix-lucat"]).assert_clean();
    assert_eq!(repo.check(&["--rev", "main"]).rules(), ["activity/owner"]);
    assert_eq!(
        repo.check(&["--rev", "fix-lucat~1"]).rules(),
        ["activity/owner"]
    );
    let main_id = repo.rev_parse("main");
    assert_eq!(repo.check(&["--rev", &main_id]).rules(), ["activity/owner"]);

    // Reading a revision never touches the work tree.
    assert_eq!(repo.read(LUCAT), baseline_for("lucat"));
}

#[test]
fn rev_points_findings_at_lines_of_the_revision_not_of_the_work_tree() {
    let repo = Repo::with_plan(&with_owner_error(baseline()));
    repo.commit_all("Ladok 2027");
    let committed = with_owner_error(baseline());
    // The work tree moves every line down by two.
    repo.write(PLAN, format!("# Utkast\n# till nästa år\n{committed}"));

    let at_head = repo.check(&["--rev", "HEAD"]);
    assert_at(at_head.only("activity/owner"), &committed, "\"rektor\"");
    let work_tree = repo.check(&[]);
    assert_eq!(
        work_tree.only("activity/owner").line,
        at_head.only("activity/owner").line + 2
    );
}

#[test]
fn rev_works_on_a_detached_head() {
    let repo = two_commits();
    repo.git(&["tag", "v1", "HEAD~1"]);
    repo.git(&["checkout", "--quiet", "--", LUCAT]);
    repo.git(&["checkout", "--quiet", "--detach", "HEAD~1"]);

    let head = repo.check(&["--rev", "HEAD"]);
    head.assert_clean();
    assert_eq!(head.summary.files, 1);
    assert_eq!(repo.check(&["--rev", "v1"]).summary.files, 1);
    let main = repo.check(&["--rev", "main"]);
    assert_eq!(main.rules_and_files(), [("activity/owner", LUCAT)]);

    repo.git(&["checkout", "--quiet", "--detach", "main"]);
    assert_eq!(repo.check(&["--rev", "HEAD"]).rules(), ["activity/owner"]);
}

#[test]
fn an_unknown_revision_exits_2_and_names_it() {
    let repo = Repo::with_plan(baseline());
    repo.commit_all("Ladok 2027");
    in_each_language(|lang| {
        for rev in [
            "no-such-branch",
            "HEAD~5",
            "0123456789abcdef0123456789abcdef01234567",
        ] {
            let run = repo.plan(&["check", "--rev", rev]);
            assert_eq!(run.code, 2, "{run:?}");
            assert_eq!(run.stdout, "", "nothing is reported as checked");
            let unknown = lang.says("unknown revision", "okänd version");
            assert_contains(&run.stderr, &format!("{unknown} `{rev}`"));
        }
    });
}

#[test]
fn rev_outside_a_git_repository_exits_2() {
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::write(dir.path().join("plan.toml"), PLAN_TOML).expect("plan.toml");
    std::fs::create_dir(dir.path().join("objects")).expect("objects/");
    in_each_language(|lang| {
        for flag in [&["--rev", "HEAD"][..], &["--staged"]] {
            let mut args = vec!["check"];
            args.extend_from_slice(flag);
            let run = plan_in(dir.path(), &args);
            assert_eq!(run.code, 2, "{run:?}");
            assert_contains(
                &run.stderr,
                lang.says("is not in a git repository", "ligger inte i ett git-arkiv"),
            );
        }
    });
    // Without git flags the folder checks like any other.
    assert_eq!(plan_in(dir.path(), &["check"]).code, 0);
}

#[test]
fn staged_checks_what_would_be_committed_not_the_work_tree() {
    let repo = Repo::with_plan(baseline());
    repo.commit_all("Ladok 2027");

    // A mistake in the work tree only: the commit would not contain it.
    repo.write(PLAN, with_owner_error(baseline()));
    assert_eq!(repo.check(&[]).rules(), ["activity/owner"]);
    repo.check(&["--staged"]).assert_clean();

    // Staged, then put right in the work tree (with lines above it): the commit
    // would contain it, at the staged file's line.
    let staged_text = with_owner_error(baseline());
    repo.git(&["add", PLAN]);
    repo.write(PLAN, format!("# Rättad\n{}", baseline()));
    repo.check(&[]).assert_clean();
    let staged = repo.check(&["--staged"]);
    assert_eq!(staged.rules_and_files(), [("activity/owner", PLAN)]);
    assert_at(staged.only("activity/owner"), &staged_text, "\"rektor\"");
    assert_eq!(staged.code, 1);

    let human = repo.plan(&["check", "--staged"]);
    assert_eq!(human.code, 1);
    assert_eq!(
        human.stdout.lines().last(),
        Some("checked 1 plan file: 1 error, 0 warnings")
    );
}

#[test]
fn staged_sees_new_files_in_the_index_and_not_files_only_in_the_work_tree() {
    let repo = Repo::with_plan(baseline());
    repo.commit_all("Ladok 2027");

    // Lucat is written but not added: the commit would not contain it.
    repo.write(LUCAT, with_owner_error(&baseline_for("lucat")));
    assert_eq!(repo.check(&["--staged"]).summary.files, 1);

    // Added, then deleted from the work tree: the commit would still contain it.
    repo.git(&["add", LUCAT]);
    std::fs::remove_file(repo.file(LUCAT)).expect("delete lucat");
    let staged = repo.check(&["--staged"]);
    assert_eq!(staged.rules_and_files(), [("activity/owner", LUCAT)]);
    assert_eq!(staged.summary.files, 2);

    // Removed from the index: gone from the commit, whatever the work tree holds.
    repo.git(&["rm", "--cached", "--quiet", LUCAT]);
    repo.check(&["--staged"]).assert_clean();
}

#[test]
fn staged_honours_git_index_file() {
    let repo = Repo::with_plan(baseline());
    repo.commit_all("Ladok 2027");

    // Another index, as `git commit -a` or a partial commit give hooks: it holds the
    // mistake, while the ordinary index and the work tree do not.
    let other = repo.file(".git/other-index");
    let other = other.to_str().expect("UTF-8 path");
    let env = [("GIT_INDEX_FILE", other)];
    repo.git_env(&["read-tree", "HEAD"], &env);
    repo.write(PLAN, with_owner_error(baseline()));
    repo.git_env(&["add", PLAN], &env);
    repo.write(PLAN, baseline());

    repo.check(&["--staged"]).assert_clean();
    repo.check_env(&["--staged"], &[("GIT_INDEX_FILE", None)])
        .assert_clean();
    let absolute = repo.check_env(&["--staged"], &[("GIT_INDEX_FILE", Some(other))]);
    assert_eq!(absolute.rules_and_files(), [("activity/owner", PLAN)]);
    // Relative to the top of the work tree, where git runs hooks.
    let relative = repo.check_env(
        &["--staged"],
        &[("GIT_INDEX_FILE", Some(".git/other-index"))],
    );
    assert_eq!(relative.rules_and_files(), [("activity/owner", PLAN)]);
    // Without --staged the variable does not matter: the work tree is checked.
    repo.check_env(&[], &[("GIT_INDEX_FILE", Some(other))])
        .assert_clean();
}

#[test]
fn a_repository_without_commits() {
    let repo = Repo::with_plan(&with_owner_error(baseline()));

    repo.git(&["add", "--all"]);
    let staged = repo.check(&["--staged"]);
    assert_eq!(staged.rules_and_files(), [("activity/owner", PLAN)]);
    assert_eq!(staged.summary.files, 1);

    in_each_language(|lang| {
        let no_commits = lang.says("has no commits yet", "har inga incheckningar än");
        let head = repo.plan(&["check", "--rev", "HEAD"]);
        assert_eq!(head.code, 2, "{head:?}");
        assert_contains(&head.stderr, no_commits);

        let since = repo.plan(&["check", "--changed-since", "main"]);
        assert_eq!(since.code, 2, "{since:?}");
        assert_contains(&since.stderr, no_commits);

        let log = repo.plan(&["log", "ladok"]);
        assert_eq!(log.code, 0, "{log:?}");
        assert_eq!(log.stdout, no_commits_change(lang, "ladok"));
    });
    let json = repo.plan(&["log", "ladok", "--format", "json"]);
    assert_eq!(json.code, 0, "{json:?}");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&json.stdout).expect("JSON"),
        serde_json::json!([])
    );
}
