//! Writes that fail: `attest`, `new`, `init` and `hook install` either do all they
//! set out to do or leave the repository exactly as it was, with no temporary file
//! (`NAME.lock`) behind.
//!
//! Tests run as root, so read-only files and folders do not stop a write. These
//! failures do: no room to write (`ulimit -f 0`, as on a full disk), a path whose
//! folder is a file, a target that is a folder or a dangling symbolic link.

use crate::support::*;
use std::path::Path;

/// Runs `command` on the repository or folder `dir`; asserts it failed (exit 2)
/// and changed nothing (see [`refused`]), and says `says` first (`dir` as `REPO`).
fn assert_refused(dir: &Path, command: impl FnOnce() -> Run, says: &str) {
    let run = refused(dir, command);
    assert_eq!(error_line(dir, &run), says, "{run:?}");
}

/// Asserts the error of a run without room to write (see [`plan_without_space`])
/// names one of the files the command writes (`REPO/…` or `./…`, as it says them),
/// whichever it came to first.
fn assert_no_room(dir: &Path, run: &Run, files: &[&str]) {
    let said = error_line(dir, run);
    assert!(
        files
            .iter()
            .any(|file| said == format!("error: writing {file}: File too large (os error 27)")),
        "{said}"
    );
}

/// [`assert_refused`] of `plan ARGS…` in English and in Swedish: each run refuses,
/// saying its language's words first (`[english, swedish]`), and changes nothing.
fn assert_refused_in_each_language(repo: &Repo, args: &[&str], says: [&str; 2]) {
    in_each_language(|lang| {
        assert_refused(repo.path(), || repo.plan(args), lang.says(says[0], says[1]));
    });
}

fn attest_args() -> [&'static str; 6] {
    ["attest", "ladok", "--system", "ladok", "--year", "2027"]
}

/// The baseline before attesting (`attest` has something to write), committed.
fn unattested_repo() -> Repo {
    let repo = Repo::with_plan(unattested());
    repo.commit_all("plan");
    repo
}

// --- attest -------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn attest_without_room_to_write_changes_nothing() {
    let repo = unattested_repo();
    assert_refused(
        repo.path(),
        || plan_without_space(repo.path(), &attest_args(), false).expect("not killed"),
        "error: writing REPO/objects/ladok/2027.toml: File too large (os error 27)",
    );
    // And with room again it attests.
    assert_eq!(repo.plan(&attest_args()).code, 0);
}

#[cfg(unix)]
#[test]
fn attest_killed_half_way_leaves_the_plan_as_it_was_and_check_names_the_leftover() {
    let repo = unattested_repo();
    assert!(
        plan_without_space(repo.path(), &attest_args(), true).is_none(),
        "the write kills plan"
    );
    assert_eq!(repo.read(PLAN), unattested(), "the plan is as before");
    // A process killed mid-write cannot clean up; its lock file (which holds what
    // it was writing) is not left unnoticed: `plan check` names it.
    let leftover: Vec<String> = snapshot(repo.path())
        .into_keys()
        .filter(|p| p == "objects/ladok/2027.toml.lock")
        .collect();
    assert_eq!(leftover.len(), 1, "{leftover:?}");
    let checked = repo.check(&[]);
    let f = checked
        .findings
        .iter()
        .find(|f| f.file == leftover[0])
        .unwrap_or_else(|| panic!("no finding on {}: {:#?}", leftover[0], checked.findings));
    assert_eq!(
        (f.rule.as_str(), f.message.as_str()),
        (
            "layout",
            "the lock of `2027.toml`, left by a `plan` write that was interrupted or is still running; `2027.toml` is as it was before that write; if no `plan` is running, delete this file"
        )
    );
}

#[cfg(unix)]
#[test]
fn attest_of_a_read_only_plan_changes_nothing_even_as_root() {
    use std::os::unix::fs::PermissionsExt;
    let repo = unattested_repo();
    std::fs::set_permissions(repo.file(PLAN), std::fs::Permissions::from_mode(0o444))
        .expect("chmod");
    assert_refused_in_each_language(
        &repo,
        &attest_args(),
        [
            "error: REPO/objects/ladok/2027.toml is read-only; not replacing it",
            "fel: REPO/objects/ladok/2027.toml är skrivskyddad och ersätts inte",
        ],
    );
}

#[test]
fn attest_keeps_the_line_ends_and_byte_order_mark_of_the_plan() {
    let repo = Repo::new();
    let windows = [
        b"\xEF\xBB\xBF".as_slice(),
        unattested().replace('\n', "\r\n").as_bytes(),
    ]
    .concat();
    repo.write(PLAN, &windows);
    let run = repo.plan(&attest_args());
    assert_eq!(run.code, 0, "{run:?}");
    let after = repo.read_bytes(PLAN);
    assert!(
        after.starts_with(b"\xEF\xBB\xBF"),
        "the byte order mark is gone"
    );
    let text = String::from_utf8(after).expect("UTF-8");
    assert!(
        text.contains("attested_by = \"it_systemagare\"\r\n"),
        "{text:?}"
    );
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "a line end without CR: {text:?}"
    );
    repo.check(&[]).assert_clean();
}

#[cfg(unix)]
#[test]
fn attest_through_a_symbolic_link_writes_the_plan_and_keeps_the_link() {
    let repo = Repo::new();
    repo.write("plans/ladok-2027.toml", unattested());
    std::fs::create_dir_all(repo.file("objects/ladok")).expect("folder");
    std::os::unix::fs::symlink("../../plans/ladok-2027.toml", repo.file(PLAN)).expect("a link");
    let run = repo.plan(&attest_args());
    assert_eq!(run.code, 0, "{run:?}");
    let after = snapshot(repo.path());
    assert_eq!(
        after["objects/ladok/2027.toml ->"],
        "../../plans/ladok-2027.toml"
    );
    assert!(after["plans/ladok-2027.toml"].contains("attested_by = \"it_systemagare\""));
    repo.check(&[]).assert_clean();
    assert_no_temporary_files(repo.path());
}

#[test]
fn attest_of_a_plan_that_is_a_folder_changes_nothing() {
    let repo = Repo::new();
    repo.write("objects/ladok/2027.toml/x", "");
    assert_refused_in_each_language(
        &repo,
        &attest_args(),
        [
            "error: `objects/ladok/2027.toml` is not a file",
            "fel: `objects/ladok/2027.toml` är inte en fil",
        ],
    );
}

#[test]
fn attest_where_the_object_folder_is_a_file_changes_nothing() {
    let repo = Repo::new();
    repo.write("objects/ladok", "not a folder");
    assert_refused_in_each_language(
        &repo,
        &attest_args(),
        [
            "error: objects/ladok is a file, where plan needs a folder for objects/ladok/2027.toml; move it aside (or rename it) and run the command again",
            "fel: objects/ladok är en fil, men plan behöver en mapp där för objects/ladok/2027.toml; flytta undan den (eller byt namn på den) och kör kommandot igen",
        ],
    );
}

// --- new ----------------------------------------------------------------------------

fn new_args() -> [&'static str; 6] {
    ["new", "canvas", "--year", "2027", "--name", "Canvas"]
}

/// No plan, and no empty objects/canvas/ either.
#[cfg(unix)]
#[test]
fn new_without_room_to_write_changes_nothing() {
    let repo = Repo::new();
    let run = refused(repo.path(), || {
        plan_without_space(repo.path(), &new_args(), false).expect("not killed")
    });
    assert_no_room(
        repo.path(),
        &run,
        &[
            "REPO/objects/canvas/2027.toml",
            "REPO/schema/plan-file.schema.json",
        ],
    );
}

/// `plan new` keeps schema/plan-file.schema.json for editors; here `schema` is a
/// file, and the plan is not half created.
#[test]
fn new_where_the_schema_copy_cannot_be_written_creates_no_plan() {
    let repo = Repo::new();
    repo.write("schema", "not a folder");
    assert_refused_in_each_language(
        &repo,
        &new_args(),
        [
            "error: REPO/schema is a file, where plan needs a folder; move it aside (or rename it) and run the command again",
            "fel: REPO/schema är en fil, men plan behöver en mapp där; flytta undan den (eller byt namn på den) och kör kommandot igen",
        ],
    );
}

#[cfg(unix)]
#[test]
fn new_over_a_dangling_symbolic_link_refuses() {
    let repo = Repo::new();
    std::fs::create_dir_all(repo.file("objects/canvas")).expect("folder");
    std::os::unix::fs::symlink(
        "../../elsewhere.toml",
        repo.file("objects/canvas/2027.toml"),
    )
    .expect("a link");
    assert_refused_in_each_language(
        &repo,
        &new_args(),
        [
            "error: REPO/objects/canvas/2027.toml is a link to ../../elsewhere.toml, which does not exist; plan writes nothing through it",
            "fel: REPO/objects/canvas/2027.toml är en länk till ../../elsewhere.toml, som inte finns; plan skriver ingenting genom den",
        ],
    );
    assert!(
        !repo.file("elsewhere.toml").exists(),
        "nothing written through the link"
    );
}

#[test]
fn new_where_the_object_folder_is_a_file_changes_nothing() {
    let repo = Repo::new();
    repo.write("objects/canvas", "not a folder");
    assert_refused_in_each_language(
        &repo,
        &new_args(),
        [
            "error: REPO/objects/canvas is a file, where plan needs a folder; move it aside (or rename it) and run the command again",
            "fel: REPO/objects/canvas är en fil, men plan behöver en mapp där; flytta undan den (eller byt namn på den) och kör kommandot igen",
        ],
    );
}

// --- init ---------------------------------------------------------------------------

/// An empty folder, not inside any git repository.
fn empty_folder() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("plan-it-init-")
        .tempdir()
        .expect("a temporary folder")
}

/// The folder stays empty: not even .git.
#[cfg(unix)]
#[test]
fn init_without_room_to_write_leaves_the_folder_empty() {
    let dir = empty_folder();
    let run = refused(dir.path(), || {
        plan_without_space(dir.path(), &["init", ".", "--lang", "en"], false).expect("not killed")
    });
    assert_no_room(
        dir.path(),
        &run,
        &["./plan.toml", "./.gitlab-ci.yml", "./.gitignore"],
    );
    assert_eq!(snapshot(dir.path()), Default::default());
}

/// No plan.toml, CI example or .git is left.
#[test]
fn init_where_objects_is_a_file_leaves_the_folder_as_it_was() {
    let dir = empty_folder();
    std::fs::write(dir.path().join("objects"), "not a folder").expect("a file");
    assert_refused(
        dir.path(),
        || plan_in(dir.path(), &["init", ".", "--lang", "en"]),
        "error: ./objects is a file, where plan needs a folder; move it aside (or rename it) and run the command again",
    );
    // Without --lang init speaks Swedish, its refusals too: it makes a Swedish
    // repository, and there is none yet whose `language` to ask.
    assert_refused(
        dir.path(),
        || plan_in(dir.path(), &["init", "."]),
        "fel: ./objects är en fil, men plan behöver en mapp där; flytta undan den (eller byt namn på den) och kör kommandot igen",
    );
    // Fixed, init runs: nothing half done stands in its way.
    std::fs::remove_file(dir.path().join("objects")).expect("removing objects");
    assert_eq!(plan_in(dir.path(), &["init", "."]).code, 0);
}

/// `plan init a/b/c` where none of them exists makes all three folders before it
/// writes; failing half-way (no room for plan.toml), it takes all three away again,
/// not only `c`: a left-over `a/b` would be a folder the user never asked for.
#[cfg(unix)]
#[test]
fn init_of_new_nested_folders_failing_half_way_leaves_none_of_them() {
    let dir = empty_folder();
    let run = refused(dir.path(), || {
        plan_without_space(dir.path(), &["init", "a/b/c", "--lang", "en"], false)
            .expect("not killed")
    });
    assert_no_room(
        dir.path(),
        &run,
        &[
            "a/b/c/plan.toml",
            "a/b/c/.gitlab-ci.yml",
            "a/b/c/.gitignore",
        ],
    );
    assert_eq!(snapshot(dir.path()), Default::default());
}

/// A `.git` file that leads nowhere (a work tree whose repository moved) makes
/// `git init` fail after objects/ is made: init takes objects/ away again, and
/// keeps the user's `.git` file, which it did not make.
#[test]
fn init_failing_at_git_init_keeps_the_git_file_it_found() {
    let dir = empty_folder();
    std::fs::write(
        dir.path().join(".git"),
        "gitdir: ../moved/.git/worktrees/planer\n",
    )
    .expect("a .git file");
    let run = refused(dir.path(), || {
        plan_in(dir.path(), &["init", ".", "--lang", "en"])
    });
    let said = error_line(dir.path(), &run);
    assert_starts_with(&said, "error: git init .");
    assert_eq!(
        snapshot(dir.path()).into_keys().collect::<Vec<_>>(),
        [".git"],
        "only the user's .git file is there"
    );
}

#[cfg(unix)]
#[test]
fn init_keeps_a_dangling_ci_link_and_completes() {
    in_each_language(init_keeps_a_dangling_ci_link_in);
}

fn init_keeps_a_dangling_ci_link_in(lang: Lang) {
    let dir = empty_folder();
    std::os::unix::fs::symlink("ci/plan.yml", dir.path().join(".gitlab-ci.yml")).expect("a link");
    let run = plan_in(dir.path(), &["init", "."]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stderr,
        lang.says(
            "note: .gitlab-ci.yml exists; left as it is (see README for the plan check job)\n",
            "obs: .gitlab-ci.yml finns redan och lämnas som den är (README visar jobbet för plan check)\n"
        )
    );
    let after = snapshot(dir.path());
    assert_eq!(after[".gitlab-ci.yml ->"], "ci/plan.yml");
    assert!(after.contains_key("plan.toml") && after.contains_key("objects/"));
    assert!(
        !dir.path().join("ci").exists(),
        "nothing written through the link"
    );
}

#[test]
fn init_under_a_file_changes_nothing() {
    let dir = empty_folder();
    std::fs::write(dir.path().join("file"), "a file").expect("a file");
    assert_refused(
        dir.path(),
        || plan_in(dir.path(), &["init", "file/planer", "--lang", "en"]),
        "error: file is a file, where plan needs a folder for file/planer; move it aside (or rename it) and run the command again",
    );
}

// --- hook install -------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn hook_install_without_room_to_write_changes_nothing() {
    let repo = Repo::new();
    assert_refused(
        repo.path(),
        || plan_without_space(repo.path(), &["hook", "install"], false).expect("not killed"),
        "error: writing REPO/.git/hooks/pre-commit: File too large (os error 27)",
    );
}

#[test]
fn hook_install_never_replaces_another_hook_unasked() {
    let repo = Repo::new();
    repo.write(".git/hooks/pre-commit", "#!/bin/sh\nmake lint\n");
    assert_refused_in_each_language(
        &repo,
        &["hook", "install"],
        [
            "error: REPO/.git/hooks/pre-commit exists and was not written by plan; not replacing it (use --force to replace it, keeping it as pre-commit.orig)",
            "fel: REPO/.git/hooks/pre-commit finns redan och är inte skriven av plan, så den ersätts inte (använd --force för att ersätta den och spara den gamla som pre-commit.orig)",
        ],
    );
}

#[test]
fn hook_install_force_with_an_old_hook_already_kept_changes_nothing() {
    let repo = Repo::new();
    repo.write(".git/hooks/pre-commit", "#!/bin/sh\nmake lint\n");
    repo.write(".git/hooks/pre-commit.orig", "#!/bin/sh\nmake test\n");
    assert_refused_in_each_language(
        &repo,
        &["hook", "install", "--force"],
        [
            "error: keeping the old hook as pre-commit.orig: REPO/.git/hooks/pre-commit.orig already exists; not overwriting it",
            "fel: kunde inte spara den gamla kroken som pre-commit.orig: REPO/.git/hooks/pre-commit.orig finns redan och skrivs inte över",
        ],
    );
}

#[cfg(unix)]
#[test]
fn hook_install_over_a_dangling_symbolic_link_refuses() {
    let repo = Repo::new();
    std::fs::create_dir_all(repo.file(".git/hooks")).expect("hooks");
    std::os::unix::fs::symlink("../../hooks/pre-commit", repo.file(".git/hooks/pre-commit"))
        .expect("a link");
    assert_refused_in_each_language(
        &repo,
        &["hook", "install"],
        [
            "error: REPO/.git/hooks/pre-commit is a link to ../../hooks/pre-commit, which does not exist; plan writes nothing through it",
            "fel: REPO/.git/hooks/pre-commit är en länk till ../../hooks/pre-commit, som inte finns; plan skriver ingenting genom den",
        ],
    );
}

#[test]
fn hook_install_where_hooks_is_a_file_changes_nothing() {
    let repo = Repo::new();
    std::fs::remove_dir_all(repo.file(".git/hooks")).ok();
    repo.write(".git/hooks", "not a folder");
    assert_refused_in_each_language(
        &repo,
        &["hook", "install"],
        [
            "error: REPO/.git/hooks is a file, where plan needs a folder; move it aside (or rename it) and run the command again",
            "fel: REPO/.git/hooks är en fil, men plan behöver en mapp där; flytta undan den (eller byt namn på den) och kör kommandot igen",
        ],
    );
}
