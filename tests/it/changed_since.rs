//! Merge requests: `plan check --changed-since REV|auto` reports on the objects a
//! branch changed since its merge base, while cross-object rules see the whole year;
//! in a shallow CI clone without the base it says how to fix that instead of
//! reporting "no changes".

use crate::support::*;

/// What `--changed-since` reports on [`merge_request`].
fn changed_in_mr() -> [(&'static str, &'static str); 2] {
    [("deps/unknown", LUCAT), ("upgrade/clash", LUCAT)]
}

#[test]
fn changed_since_reports_only_the_objects_the_branch_changed() {
    let repo = merge_request();

    let everything = repo.check(&[]);
    assert_eq!(
        everything.rules_and_files(),
        [
            ("activity/owner", CANVAS),
            ("deps/unknown", LUCAT),
            ("upgrade/clash", LUCAT)
        ]
    );

    let changed = repo.check(&["--changed-since", "main"]);
    assert_eq!(
        changed.rules_and_files(),
        [("deps/unknown", LUCAT), ("upgrade/clash", LUCAT)]
    );
    let unknown = changed.only("deps/unknown");
    assert!(unknown.message.contains("`saknas`"), "{unknown:#?}");
    // Ladok was not changed, yet the branch's rules see it: `ladok` resolves, and
    // both plans upgrade on the same day.
    let clash = changed.only("upgrade/clash");
    assert!(clash.message.contains("`ladok/ladok`"), "{clash:#?}");
    // Only Lucat: Ladok's note on main came after the merge base.
    assert_eq!(changed.summary.files, 1);
    assert_eq!(changed.code, 1);

    let human = repo.plan(&["check", "--changed-since", "main"]);
    assert_eq!(human.code, 1);
    assert_eq!(
        human.stdout.lines().last(),
        Some("checked 1 plan file: 1 error, 1 warning")
    );

    // The branch compared with itself changed nothing.
    let nothing = repo.check(&["--changed-since", "mr"]);
    nothing.assert_clean();
    assert_eq!(nothing.summary.files, 0);
}

#[test]
fn changing_plan_toml_checks_every_object() {
    for lang in Lang::ALL {
        let repo = merge_request();
        repo.write("plan.toml", format!("{PLAN_TOML}announce_days = 10\n"));
        repo.set_language(lang);
        repo.commit_all("Announce upgrades ten days ahead");
        let run = repo.plan(&["check", "--changed-since", "main"]);
        assert_eq!(
            run.stderr,
            lang.says(
                "note: plan.toml changed, so every object is checked\n",
                "obs: plan.toml har ändrats, så alla förvaltningsobjekt granskas\n"
            ),
            "says why every object is checked"
        );
    }
    let repo = merge_request();
    repo.write("plan.toml", format!("{PLAN_TOML}announce_days = 10\n"));
    repo.commit_all("Announce upgrades ten days ahead");

    let run = repo.plan(&["check", "--format", "json", "--changed-since", "main"]);
    let all = parse_check(run);
    assert_eq!(
        all.rules_and_files(),
        [
            ("activity/owner", CANVAS),
            ("deps/unknown", LUCAT),
            ("upgrade/clash", LUCAT)
        ]
    );
    assert_eq!(all.summary.files, 3);
}

#[test]
fn findings_the_branch_causes_on_objects_it_did_not_change_still_show() {
    // main: Ladok depends on Lucat; Canvas has an old mistake of its own.
    // (Lucat upgrades on another day, so no upgrade clashes.)
    let lucat = replace_once(
        &baseline_for("lucat"),
        "date = 2027-04-03",
        "date = 2027-05-01",
    );
    let repo = Repo::with_plan(&depending_on(baseline(), &["lucat"]));
    repo.write(LUCAT, &lucat);
    repo.write(CANVAS, with_owner_error(&baseline_for("canvas")));
    repo.commit_all("Plans for 2027");

    // A branch that removes Lucat's plan breaks Ladok, which it did not touch.
    repo.git(&["checkout", "--quiet", "-b", "drop-lucat"]);
    repo.git(&["rm", "--quiet", LUCAT]);
    repo.git(&["commit", "--quiet", "-m", "Lucat is not planned for 2027"]);
    let dropped = repo.check(&["--changed-since", "main"]);
    assert_eq!(dropped.rules_and_files(), [("deps/unknown", PLAN)]);
    assert!(
        dropped.only("deps/unknown").message.contains("`lucat`"),
        "{:#?}",
        dropped.findings
    );
    assert_eq!(dropped.code, 1);

    // A branch that makes Lucat depend on Ladok closes a cycle, reported on the
    // alphabetically first object: Ladok.
    repo.git(&["checkout", "--quiet", "main"]);
    repo.git(&["checkout", "--quiet", "-b", "cycle"]);
    repo.write(LUCAT, depending_on(&lucat, &["ladok"]));
    repo.commit_all("Lucat depends on Ladok");
    let cycle = repo.check(&["--changed-since", "main"]);
    assert_eq!(cycle.rules_and_files(), [("deps/cycle", PLAN)]);
    assert_eq!(cycle.code, 0, "a cycle is a warning");
}

#[test]
fn changed_since_auto_takes_the_base_from_gitlab() {
    let repo = merge_request();
    let base = repo.git_env(&["merge-base", "main", "mr"], &[]);

    let auto = repo.check_env(
        &["--changed-since", "auto"],
        &[("CI_MERGE_REQUEST_DIFF_BASE_SHA", Some(&base))],
    );
    assert_eq!(auto.rules_and_files(), changed_in_mr());
    assert_eq!(auto.summary.files, 1);

    for unset in [None, Some("")] {
        let run = repo.plan_env(
            &["check", "--changed-since", "auto"],
            &[("CI_MERGE_REQUEST_DIFF_BASE_SHA", unset)],
        );
        assert_eq!(run.code, 2, "{run:?}");
        assert_eq!(run.stdout, "");
        assert!(
            run.stderr.contains("CI_MERGE_REQUEST_DIFF_BASE_SHA"),
            "names the variable: {}",
            run.stderr
        );
    }
}

#[test]
fn an_unknown_base_exits_2() {
    let repo = merge_request();
    let run = repo.plan(&["check", "--changed-since", "origin/main"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "");
    assert_contains(&run.stderr, "origin/main");
}

#[test]
fn a_shallow_clone_without_the_base_says_how_to_fix_it() {
    let origin = merge_request();
    let main_id = origin.rev_parse("main");
    let clone = origin.clone_with(&["--depth", "1", "--branch", "mr"]);
    assert_eq!(
        clone.git_env(&["rev-parse", "--is-shallow-repository"], &[]),
        "true"
    );

    // Refused, with how to fix it, in each language.
    let fix_hints = |run: &Run, lang: Lang| {
        assert_eq!(run.code, 2, "{run:?}");
        assert_eq!(run.stdout, "", "never a silent \"no changes\"");
        let stderr = &run.stderr;
        assert_contains(stderr, lang.says("shallow", "grund"));
        assert_contains(stderr, "git fetch");
        assert_contains(stderr, "GIT_DEPTH: 0");
    };

    in_each_language(|lang| {
        // The base branch is not in the clone at all.
        let run = clone.plan(&["check", "--changed-since", "origin/main"]);
        fix_hints(&run, lang);

        // GitLab's base commit is not in the clone either.
        let run = clone.plan_env(
            &["check", "--changed-since", "auto"],
            &[("CI_MERGE_REQUEST_DIFF_BASE_SHA", Some(&main_id))],
        );
        fix_hints(&run, lang);
    });

    // The base is fetched, but only its tip: the history where the branches meet
    // is still missing.
    clone.git(&[
        "fetch",
        "--quiet",
        "--depth",
        "1",
        "origin",
        "main:refs/remotes/origin/main",
    ]);
    in_each_language(|lang| {
        let run = clone.plan(&["check", "--changed-since", "origin/main"]);
        assert_contains(&run.stderr, lang.says("merge base", "gemensam bas"));
        fix_hints(&run, lang);
    });

    // With the whole history, as the message advises, the merge request is checked.
    clone.git(&["fetch", "--quiet", "--unshallow", "origin"]);
    let checked = clone.check(&["--changed-since", "origin/main"]);
    assert_eq!(checked.rules_and_files(), changed_in_mr());
    assert_eq!(checked.summary.files, 1);
}

/// A repository on main with Ladok clean, committed.
fn committed_baseline() -> Repo {
    let repo = Repo::with_plan(baseline());
    repo.commit_all("Ladok 2027");
    repo
}

#[test]
fn with_staged_changed_means_changed_in_the_index() {
    // What the pre-commit hook runs: a broken plan that is staged but not
    // committed is what the commit changes, and must be reported.
    let repo = committed_baseline();
    repo.write(LUCAT, with_owner_error(&baseline_for("lucat")));
    repo.git(&["add", LUCAT]);
    let checked = repo.check(&["--staged", "--changed-since", "HEAD"]);
    assert_eq!(checked.rules_and_files(), [("activity/owner", LUCAT)]);
    assert_eq!(checked.code, 1);
}

#[test]
fn with_rev_changed_means_changed_in_that_revision() {
    let repo = committed_baseline();
    repo.git(&["checkout", "--quiet", "-b", "feature"]);
    repo.write(LUCAT, with_owner_error(&baseline_for("lucat")));
    repo.commit_all("Lucat, broken");
    repo.git(&["checkout", "--quiet", "main"]);
    // HEAD is main, which has nothing new since itself: the selection comes from
    // the revision checked, not from HEAD.
    let checked = repo.check(&["--rev", "feature", "--changed-since", "main"]);
    assert_eq!(checked.rules_and_files(), [("activity/owner", LUCAT)]);
    assert_eq!(checked.code, 1);
}

#[test]
fn in_the_work_tree_an_uncommitted_change_is_a_change() {
    let repo = committed_baseline();
    repo.write(LUCAT, with_owner_error(&baseline_for("lucat")));
    let checked = repo.check(&["--changed-since", "main"]);
    assert_eq!(checked.rules_and_files(), [("activity/owner", LUCAT)]);
    assert_eq!(checked.code, 1);
}

/// main with Ladok (depending on Lucat), Lucat and Canvas committed, each clean, and
/// a `.gitignore` for editor leftovers.
fn three_committed() -> Repo {
    let repo = Repo::with_plan(&depending_on(baseline(), &["lucat"]));
    let lucat = replace_once(
        &baseline_for("lucat"),
        "date = 2027-04-03",
        "date = 2027-05-01",
    );
    repo.write(LUCAT, lucat);
    repo.write(CANVAS, baseline_for("canvas"));
    repo.write(".gitignore", "*~\n");
    repo.commit_all("Plans for 2027");
    repo
}

#[test]
fn in_the_work_tree_staged_deleted_renamed_and_untracked_files_are_changes() {
    // Staged, not committed: the work tree holds the same bytes as the index.
    let repo = three_committed();
    repo.write(CANVAS, with_owner_error(&baseline_for("canvas")));
    repo.git(&["add", CANVAS]);
    let staged = repo.check(&["--changed-since", "main"]);
    assert_eq!(staged.rules_and_files(), [("activity/owner", CANVAS)]);

    // Deleted without telling git: Ladok, which depends on Lucat, breaks.
    let repo = three_committed();
    std::fs::remove_file(repo.file(LUCAT)).expect("removed");
    let deleted = repo.check(&["--changed-since", "main"]);
    assert_eq!(deleted.rules_and_files(), [("deps/unknown", PLAN)]);

    // Deleted with `git rm`: the same.
    let repo = three_committed();
    repo.git(&["rm", "--quiet", LUCAT]);
    let removed = repo.check(&["--changed-since", "main"]);
    assert_eq!(removed.rules_and_files(), [("deps/unknown", PLAN)]);

    // Renamed without telling git: both the old and the new object changed.
    let repo = three_committed();
    std::fs::rename(repo.file("objects/canvas"), repo.file("objects/moodle")).expect("moved");
    let moved = repo.check(&["--changed-since", "main"]);
    assert_eq!(
        moved.rules_and_files(),
        [("layout", "objects/moodle/2027.toml")]
    );
    assert_eq!(moved.summary.files, 1);

    // An untracked file that is not a plan, in an object's folder.
    let repo = three_committed();
    repo.write("objects/canvas/anteckningar.txt", "inte en plan");
    let untracked = repo.check(&["--changed-since", "main"]);
    assert_eq!(
        untracked.rules_and_files(),
        [("layout", "objects/canvas/anteckningar.txt")]
    );
    assert_eq!(untracked.summary.files, 2, "the object's plan too");

    // Settings changed but not committed: every object is checked.
    let repo = three_committed();
    repo.write("plan.toml", format!("{PLAN_TOML}announce_days = 10\n"));
    in_each_language(|lang| {
        let run = repo.plan(&["check", "--format", "json", "--changed-since", "main"]);
        assert_contains(
            &run.stderr,
            lang.says("plan.toml changed", "plan.toml har ändrats"),
        );
        assert_eq!(parse_check(run).summary.files, 3);
    });
}

#[test]
fn in_the_work_tree_ignored_and_untouched_files_are_no_changes() {
    let repo = three_committed();
    // An editor's leftover that git ignores.
    repo.write("objects/canvas/2027.toml~", "gammalt");
    // Touched, same bytes: the stat data differs from the index, the content not.
    let text = repo.read(LUCAT);
    std::fs::remove_file(repo.file(LUCAT)).expect("removed");
    repo.write(LUCAT, &text);
    let checked = repo.check(&["--changed-since", "main"]);
    checked.assert_clean();
    assert_eq!(checked.summary.files, 0);

    // An ignored file named like a plan is not a change either (the check itself
    // still reads it when it reports on the object).
    repo.write(".gitignore", "*~\nobjects/ladok/2028.toml\n");
    repo.commit_all("Ignore a draft");
    repo.write(
        "objects/ladok/2028.toml",
        with_owner_error(&replace_once(baseline(), "year = 2027", "year = 2028")),
    );
    let ignored = repo.check(&["--changed-since", "main"]);
    assert_eq!(ignored.summary.files, 0, "{:?}", ignored.findings);
}
