//! Before commit and in CI: `plan hook install` (a git pre-commit hook that checks
//! what is being committed, run here by real `git commit`s), the pre-commit
//! framework's `.pre-commit-hooks.yaml`, and the `.gitlab-ci.yml` of `plan init`.

use crate::support::*;

const HOOK: &str = ".git/hooks/pre-commit";

/// `git commit ARGS…` with the `plan` under test on PATH, as the hook needs it.
fn commit(repo: &Repo, args: &[&str]) -> Run {
    let mut all = vec!["commit"];
    all.extend_from_slice(args);
    git_in(repo.path(), &all, &[("PATH", &path_with_plan())])
}

#[cfg(unix)]
fn is_executable(path: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("the hook")
        .permissions()
        .mode()
        & 0o111
        != 0
}

#[cfg(not(unix))]
fn is_executable(_: &std::path::Path) -> bool {
    true
}

#[test]
fn hook_install_writes_an_executable_pre_commit_hook() {
    for lang in Lang::ALL {
        let repo = Repo::with_plan(baseline()).speaking(lang);
        let run = repo.plan(&["hook", "install"]);
        assert_eq!(run.code, 0, "{run:?}");
        let hook = repo.file(HOOK).display().to_string();
        assert_eq!(
            run.stdout,
            lang.says(
                format!("installed {hook}: `plan check --staged --changed-since HEAD` runs before each commit\n"),
                format!("installerade {hook}: `plan check --staged --changed-since HEAD` körs före varje incheckning\n"),
            )
        );
        let comment = lang.says(
            "# Checks what this commit changes in the förvaltningsplaner",
            "# Granskar vad incheckningen ändrar i förvaltningsplanerna",
        );
        assert!(repo.read(HOOK).contains(comment), "{}", repo.read(HOOK));
    }
    let repo = Repo::with_plan(baseline());
    assert_eq!(repo.plan(&["hook", "install"]).code, 0);

    let hook = repo.read(HOOK);
    assert_starts_with(&hook, "#!/bin/sh\n");
    assert_contains(
        &hook,
        "\"$plan\" --repo '.' check --staged --changed-since HEAD",
    );
    assert!(is_executable(&repo.file(HOOK)));

    // Installing again updates the hook it wrote, even after an edit.
    repo.write(HOOK, format!("{hook}# ändrad för hand\n"));
    let again = repo.plan(&["hook", "install"]);
    assert_eq!(again.code, 0, "{again:?}");
    assert_eq!(repo.read(HOOK), hook);
    assert!(!repo.file(".git/hooks/pre-commit.orig").exists());
}

#[test]
fn hook_install_leaves_another_hook_alone_unless_forced() {
    let repo = Repo::with_plan(baseline());
    let foreign = "#!/bin/sh\n# the team's own checks\nexec make lint\n";
    repo.write(HOOK, foreign);

    for lang in Lang::ALL {
        repo.set_language(lang);
        let refused = repo.plan(&["hook", "install"]);
        assert_eq!(refused.code, 2, "{refused:?}");
        let hook = repo.file(HOOK).display().to_string();
        assert_eq!(
            refused.stderr,
            lang.says(
                format!("error: {hook} exists and was not written by plan; not replacing it (use --force to replace it, keeping it as pre-commit.orig)\n"),
                format!("fel: {hook} finns redan och är inte skriven av plan, så den ersätts inte (använd --force för att ersätta den och spara den gamla som pre-commit.orig)\n"),
            )
        );
    }
    assert_eq!(repo.read(HOOK), foreign, "the hook is unchanged");
    assert!(!repo.file(".git/hooks/pre-commit.orig").exists());

    let forced = repo.plan(&["hook", "install", "--force"]);
    assert_eq!(forced.code, 0, "{forced:?}");
    assert!(repo.read(HOOK).contains("check --staged"));
    assert_eq!(repo.read(".git/hooks/pre-commit.orig"), foreign);
}

#[test]
fn the_hook_stops_a_commit_with_a_staged_error_and_lets_a_clean_one_pass() {
    let repo = Repo::with_plan(baseline());
    repo.commit_all("Ladok 2027");
    assert_eq!(repo.plan(&["hook", "install"]).code, 0);
    let head = repo.rev_parse("HEAD");

    // A staged mistake: the commit is refused and says why.
    repo.write(PLAN, with_owner_error(baseline()));
    repo.git(&["add", PLAN]);
    let refused = commit(&repo, &["--quiet", "-m", "Ladok: new owner"]);
    assert_ne!(refused.code, 0, "{refused:?}");
    let said = format!("{}{}", refused.stdout, refused.stderr);
    assert_contains(&said, "activity/owner");
    assert_contains(&said, "1 error");
    assert_eq!(repo.rev_parse("HEAD"), head, "nothing was committed");

    // Put right in the index, while the work tree keeps a mistake: the hook checks
    // what is being committed, so the commit passes.
    let reviewed = format!("{}# Granskad.\n", baseline());
    repo.write(PLAN, &reviewed);
    repo.git(&["add", PLAN]);
    repo.write(PLAN, with_owner_error(&reviewed));
    let passed = commit(&repo, &["--quiet", "-m", "Ladok: reviewed"]);
    assert_eq!(passed.code, 0, "{passed:?}");
    assert_ne!(repo.rev_parse("HEAD"), head);
    assert_eq!(
        repo.git_env(&["show", &format!("HEAD:{PLAN}")], &[]),
        reviewed.trim_end()
    );

    // `git commit -a` commits the work tree through another index (GIT_INDEX_FILE):
    // the hook sees the mistake there and refuses.
    let head = repo.rev_parse("HEAD");
    let refused = commit(&repo, &["--quiet", "-a", "-m", "Ladok: everything"]);
    assert_ne!(refused.code, 0, "{refused:?}");
    assert!(
        format!("{}{}", refused.stdout, refused.stderr).contains("activity/owner"),
        "{refused:?}"
    );
    assert_eq!(repo.rev_parse("HEAD"), head);

    // `--no-verify` skips the hook once, as its comment says.
    let skipped = commit(
        &repo,
        &["--quiet", "-a", "--no-verify", "-m", "Ladok: anyway"],
    );
    assert_eq!(skipped.code, 0, "{skipped:?}");
}

#[test]
fn the_hook_checks_a_plan_repository_in_a_subfolder() {
    let repo = Repo::empty_git();
    repo.write("README.md", "Förvaltning\n");
    repo.write("it/planer/plan.toml", PLAN_TOML);
    repo.write(&format!("it/planer/{PLAN}"), baseline());
    repo.commit_all("Plans in it/planer");
    let run = plan_in(&repo.file("it/planer"), &["hook", "install"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(repo
        .read(HOOK)
        .contains("\"$plan\" --repo 'it/planer' check --staged --changed-since HEAD"));

    repo.write(&format!("it/planer/{PLAN}"), with_owner_error(baseline()));
    repo.git(&["add", "--all"]);
    let refused = commit(&repo, &["--quiet", "-m", "Ladok: new owner"]);
    assert_ne!(refused.code, 0, "{refused:?}");
    assert!(refused.stderr.contains("activity/owner"), "{refused:?}");

    // Files outside the plan repository commit as usual.
    repo.git(&["reset", "--quiet"]);
    repo.write("README.md", "Förvaltning av IT-system\n");
    repo.git(&["add", "README.md"]);
    let passed = commit(&repo, &["--quiet", "-m", "README"]);
    assert_eq!(passed.code, 0, "{passed:?}");
}

#[test]
fn the_project_offers_a_hook_to_the_pre_commit_framework() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml");
    let text = std::fs::read_to_string(path).expect(".pre-commit-hooks.yaml at the project root");
    assert_contains(&text, "- id: plan-check");
    assert_contains(&text, "entry: plan check --staged");
    assert_contains(&text, "pass_filenames: false");
}

#[test]
fn plan_init_writes_a_gitlab_pipeline_with_the_reports() {
    let parent = tempfile::tempdir().expect("a folder");
    let dir = parent.path().join("planer");
    let run = plan_in(parent.path(), &["init", dir.to_str().expect("UTF-8")]);
    assert_eq!(run.code, 0, "{run:?}");
    let ci = std::fs::read_to_string(dir.join(".gitlab-ci.yml")).expect(".gitlab-ci.yml");
    for needed in [
        "merge_request_event",
        "--format gitlab",
        "--format junit",
        "codequality: gl-code-quality.json",
        "junit: plan-check.xml",
        "when: always",
        // The job installs plan: a user's CI image has none (issue 17).
        "cargo install --locked",
        "--git \"$PLAN_GIT_URL\"",
    ] {
        assert!(ci.contains(needed), "`{needed}` in:\n{ci}");
    }

    // An existing pipeline is left as it is.
    for lang in Lang::ALL {
        let other = parent.path().join(format!("annat-{}", lang.code()));
        std::fs::create_dir(&other).expect("a folder");
        std::fs::write(other.join(".gitlab-ci.yml"), "build:\n  script: make\n")
            .expect("a pipeline");
        let other_arg = other.to_str().expect("UTF-8");
        let run = plan_in(parent.path(), &["--lang", lang.code(), "init", other_arg]);
        assert_eq!(run.code, 0, "{run:?}");
        assert_eq!(
            std::fs::read_to_string(other.join(".gitlab-ci.yml")).expect("the pipeline"),
            "build:\n  script: make\n"
        );
        assert_eq!(
            run.stderr,
            lang.says(
                "note: .gitlab-ci.yml exists; left as it is (see README for the plan check job)\n",
                "obs: .gitlab-ci.yml finns redan och lämnas som den är (README visar jobbet för plan check)\n"
            )
        );
    }
}

/// Issue 17: a git GUI runs hooks with a PATH that lacks `plan`. The hook runs the
/// `plan` it was installed with, and when that is gone too, says how to fix it.
#[test]
fn the_hook_finds_plan_without_path_and_says_how_to_fix_a_missing_one() {
    for lang in Lang::ALL {
        the_hook_finds_plan_without_path_in(lang);
    }
}

fn the_hook_finds_plan_without_path_in(lang: Lang) {
    let repo = Repo::with_plan(baseline()).speaking(lang);
    repo.commit_all("Ladok 2027");
    // A copy of the binary, so it can be removed afterwards.
    let bin = tempfile::tempdir().expect("a folder");
    let copy = bin.path().join("plan");
    std::fs::copy(env!("CARGO_BIN_EXE_plan"), &copy).expect("a copy of plan");
    let install = run(plan_command()
        .current_dir(repo.path())
        .args(["--color", "never", "hook", "install"]));
    assert_eq!(install.code, 0, "{install:?}");
    let hook = repo.read(HOOK);
    assert_contains(&hook, "check --staged --changed-since HEAD");
    let hook = hook.replace(env!("CARGO_BIN_EXE_plan"), copy.to_str().expect("UTF-8"));
    repo.write(HOOK, &hook);

    let no_plan_path = "/usr/bin:/bin";
    repo.write(PLAN, with_owner_error(baseline()));
    repo.git(&["add", PLAN]);
    let refused = git_in(
        repo.path(),
        &["commit", "-m", "x"],
        &[("PATH", no_plan_path)],
    );
    assert_ne!(refused.code, 0, "{refused:?}");
    assert!(refused.stderr.contains("activity/owner"), "{refused:?}");

    std::fs::remove_file(&copy).expect("removed");
    let gone = git_in(
        repo.path(),
        &["commit", "-m", "x"],
        &[("PATH", no_plan_path)],
    );
    assert_ne!(gone.code, 0, "{gone:?}");
    let copy = copy.display();
    assert_eq!(
        gone.stderr,
        lang.says(
            format!("pre-commit: the plan program is neither at {copy} nor on PATH, so the plans cannot be checked.\n\
                     Install it (cargo install --path <the plan project>), then run `plan hook install` again;\n\
                     or skip the check once with `git commit --no-verify`.\n"),
            format!("pre-commit: programmet plan finns varken i {copy} eller i PATH, så planerna kan inte granskas.\n\
                     Installera det (cargo install --path <plan-projektet>) och kör sedan `plan hook install` igen;\n\
                     eller hoppa över granskningen en gång med `git commit --no-verify`.\n"),
        )
    );
    assert_lacks(&gone.stderr, "not found");
}

/// The hook reports on what the commit changes: an unrelated object's warnings do
/// not fill the commit's output.
#[test]
fn the_hook_reports_only_on_what_the_commit_changes() {
    let repo = Repo::with_plan(baseline());
    // Another object with a mistake of its own is already committed.
    repo.write(
        "objects/lucat/2027.toml",
        with_owner_error(&baseline_for("lucat")),
    );
    repo.commit_all("two objects");
    assert_eq!(repo.plan(&["hook", "install"]).code, 0);
    repo.write(PLAN, with_owner_error(baseline()));
    repo.git(&["add", PLAN]);
    let refused = commit(&repo, &["-m", "Ladok"]);
    assert_ne!(refused.code, 0, "{refused:?}");
    let said = format!("{}{}", refused.stdout, refused.stderr);
    assert_contains(&said, "objects/ladok/2027.toml");
    assert_lacks(&said, "objects/lucat/");
}

/// The first commit has no HEAD to compare with: the hook checks the index whole.
#[test]
fn the_hook_lets_a_clean_first_commit_pass() {
    let repo = Repo::with_plan(baseline());
    assert_eq!(repo.plan(&["hook", "install"]).code, 0);
    repo.git(&["add", "--all"]);
    let first = commit(&repo, &["--quiet", "-m", "first"]);
    assert_eq!(first.code, 0, "{first:?}");
}
