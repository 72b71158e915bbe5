//! Helpers: real temporary plan repositories, the real `plan` binary, and the
//! findings of `plan check --format json` as plain structs.

use serde::Deserialize;
use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use tempfile::TempDir;

/// The date every test runs at, so no test depends on the day it runs.
pub const TODAY: &str = "2027-03-01";

/// A language `plan` speaks (SPEC §2 `language`, §5 `PLAN_LANG`), for a test whose
/// point is a text for people and which therefore runs in both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Sv,
}

impl Lang {
    /// `en` or `sv`, as `--lang` and `PLAN_LANG` take it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Sv => "sv",
        }
    }

    /// Both languages, English first (for a test that sets the repository's
    /// `language`, [`Repo::speaking`], rather than `PLAN_LANG`).
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Sv];

    /// What this language says: `en` in English, `sv` in Swedish (texts, or lists
    /// of them).
    pub fn says<T>(self, en: T, sv: T) -> T {
        match self {
            Lang::En => en,
            Lang::Sv => sv,
        }
    }
}

thread_local! {
    /// The language [`in_each_language`] is running a test in (each test has a
    /// thread of its own).
    static LANGUAGE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Runs `test` once in English and once in Swedish: every `plan` it starts through
/// [`plan_command`] speaks that language (`PLAN_LANG`), whatever the repository's
/// `language`, unless the test passes `--lang` itself. The test says what it
/// expects in each with [`Lang::says`].
pub fn in_each_language(test: impl Fn(Lang)) {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            LANGUAGE.with(|l| l.set(None));
        }
    }
    let _reset = Reset;
    for lang in Lang::ALL {
        LANGUAGE.with(|l| l.set(Some(lang)));
        test(lang);
    }
}

/// What `plan check` prints on one plan without findings, in English.
pub const CLEAN_EN: &str = "checked 1 plan file: no problems found\n";

/// [`CLEAN_EN`] in Swedish.
pub const CLEAN_SV: &str = "1 planfil granskad: inga problem\n";

/// What `plan log OBJECT` prints when no commit touches the object's folder.
pub fn no_commits_change(lang: Lang, object: &str) -> String {
    lang.says(
        format!("no commits change objects/{object}/\n"),
        format!("inga incheckningar ändrar objects/{object}/\n"),
    )
}

/// Where the baseline plan lives in a test repository.
pub const PLAN: &str = "objects/ladok/2027.toml";

/// A small plan.toml: the university role model and service windows on the first
/// Saturday of every month.
pub const PLAN_TOML: &str = r#"organisation = "Testuniversitetet"
role_model = "pm3-lu"
service_windows = { weekday = "saturday", nth = 1 }
"#;

/// A complete, correct plan before its appendix 3 is attested: organisation model 1 (10.1.1: external supplier, servers run in-house),
/// established, every role of pm3-lu, one system with all 20 answers "yes", one
/// upgrade and one activity that follow every rule. [`baseline`] attests it.
const UNATTESTED: &str = include_str!("fixtures/ladok-2027.toml");

/// The baseline plan before `plan attest` (appendix 3 answered, not attested).
pub fn unattested() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    // A checkout with CRLF line endings must not change what the mutations match.
    TEXT.get_or_init(|| UNATTESTED.replace("\r\n", "\n"))
}

/// The baseline plan, attested by running the real `plan attest` once per test run:
/// the digest is never written by hand.
pub fn baseline() -> &'static str {
    static ATTESTED: OnceLock<String> = OnceLock::new();
    ATTESTED.get_or_init(|| {
        let repo = Repo::with_plan(unattested());
        let run = repo.plan(&["attest", "ladok", "--system", "ladok", "--year", "2027"]);
        assert_eq!(run.code, 0, "attesting the baseline failed: {run:?}");
        repo.read(PLAN)
    })
}

/// `text` with the one occurrence of `from` replaced by `to`. Panics unless `from`
/// occurs exactly once, so a mutation cannot silently miss.
pub fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "`{from}` must occur exactly once in:\n{text}"
    );
    text.replacen(from, to, 1)
}

/// `text` without the one line that starts with `prefix`.
pub fn drop_line(text: &str, prefix: &str) -> String {
    let matching = text.lines().filter(|l| l.starts_with(prefix)).count();
    assert_eq!(
        matching, 1,
        "one line must start with `{prefix}` in:\n{text}"
    );
    text.split_inclusive('\n')
        .filter(|l| !l.starts_with(prefix))
        .collect()
}

/// `text` without everything from `start` up to (not including) `end`.
pub fn drop_between(text: &str, start: &str, end: &str) -> String {
    position(text, start); // exactly once
    let a = text.find(start).expect("found by position");
    let b = a + text[a..]
        .find(end)
        .unwrap_or_else(|| panic!("`{end}` must follow `{start}`"));
    format!("{}{}", &text[..a], &text[b..])
}

/// The 1-based line and column (in characters) where `needle` starts in `text`; it
/// must occur exactly once.
pub fn position(text: &str, needle: &str) -> (usize, usize) {
    assert_eq!(
        text.matches(needle).count(),
        1,
        "`{needle}` must occur exactly once in:\n{text}"
    );
    let at = text.find(needle).expect("counted above");
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Asserts that `text` (what a run printed, a message) says `needle`, showing all
/// of `text` when it does not.
#[track_caller]
pub fn assert_contains(text: &str, needle: &str) {
    assert!(text.contains(needle), "`{needle}` is not in:\n{text}");
}

/// Asserts that `text` starts with `start`, showing all of `text` when it does not.
#[track_caller]
pub fn assert_starts_with(text: &str, start: &str) {
    assert!(text.starts_with(start), "`{start}` does not start:\n{text}");
}

/// Asserts that `text` ends with `end`, showing all of `text` when it does not.
#[track_caller]
pub fn assert_ends_with(text: &str, end: &str) {
    assert!(text.ends_with(end), "`{end}` does not end:\n{text}");
}

/// Asserts that `text` does not say `needle`, showing all of `text` when it does.
#[track_caller]
pub fn assert_lacks(text: &str, needle: &str) {
    assert!(
        !text.contains(needle),
        "`{needle}` should not be in:\n{text}"
    );
}

/// The keys of a JSON object (sorted, as serde_json keeps them); panics on any
/// other JSON value.
#[track_caller]
pub fn json_keys(value: &serde_json::Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("a JSON object: {value}"))
        .keys()
        .map(String::as_str)
        .collect()
}

/// Asserts that a run failed as a user error (exit 2, SPEC §5) saying exactly
/// `stderr`.
#[track_caller]
pub fn assert_error(run: &Run, stderr: &str) {
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stderr, stderr);
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The real binary, with no colour preference inherited from the caller's environment,
/// git's fixed test author (see [`git_in`]) as the identity `plan attest` signs with,
/// and tables as wide as they need (`COLUMNS`): a test about fitting a width sets
/// its own.
pub fn plan_command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_plan"));
    cmd.env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("COLUMNS", "400")
        .env("GIT_AUTHOR_NAME", "Test Person")
        .env("GIT_AUTHOR_EMAIL", "test@example.se");
    // The language is the repository's unless a test sets it.
    match LANGUAGE.with(Cell::get) {
        Some(lang) => cmd.env("PLAN_LANG", lang.code()),
        None => cmd.env_remove("PLAN_LANG"),
    };
    without_git_environment(&mut cmd);
    cmd
}

/// Tests run inside a git hook still see only their own repository.
fn without_git_environment(cmd: &mut Command) {
    for var in [
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_CEILING_DIRECTORIES",
    ] {
        cmd.env_remove(var);
    }
}

/// Runs a command to completion.
pub fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("the plan binary runs");
    Run {
        code: out
            .status
            .code()
            .expect("plan exited, not killed by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// `--repo DIR --today DATE --color never`: what every run on a test repository
/// starts with.
pub fn repo_args(dir: &Path, today: &str) -> Vec<std::ffi::OsString> {
    let mut args = vec!["--repo".into(), dir.as_os_str().to_owned()];
    args.extend(["--today", today, "--color", "never"].map(Into::into));
    args
}

/// `plan --repo DIR --today DATE --color never`, to run inside DIR with more
/// arguments.
pub fn plan_command_at(dir: &Path, today: &str) -> Command {
    let mut cmd = plan_command();
    cmd.current_dir(dir).args(repo_args(dir, today));
    cmd
}

/// `plan --repo DIR --today TODAY --color never`, to run inside DIR with more
/// arguments (for runs that need more than [`plan_in`]: their own streams, spawned).
pub fn plan_command_in(dir: &Path) -> Command {
    plan_command_at(dir, TODAY)
}

/// `plan --repo DIR --today TODAY --color never ARGS…`, run inside DIR.
pub fn plan_in(dir: &Path, args: &[&str]) -> Run {
    plan_at(dir, TODAY, args)
}

/// `plan --repo DIR --today DATE --color never ARGS…`, run inside DIR.
pub fn plan_at(dir: &Path, today: &str, args: &[&str]) -> Run {
    run(plan_command_at(dir, today).args(args))
}

/// A temporary plan repository: a real folder with `git init`, removed when dropped.
pub struct Repo {
    dir: TempDir,
}

impl Repo {
    /// plan.toml ([`PLAN_TOML`]), an empty objects/, and git.
    pub fn new() -> Repo {
        Repo::with_config(PLAN_TOML)
    }

    /// An empty temporary folder, named starting with `prefix`.
    fn empty(prefix: &str) -> Repo {
        Repo {
            dir: tempfile::Builder::new()
                .prefix(prefix)
                .tempdir()
                .expect("a temporary folder"),
        }
    }

    /// A repository with this plan.toml.
    pub fn with_config(config: &str) -> Repo {
        let repo = Repo::empty("plan-it-");
        repo.git(&["init", "--quiet"]);
        repo.write("plan.toml", config);
        std::fs::create_dir_all(repo.path().join("objects")).expect("objects/");
        repo
    }

    /// A repository holding one plan, at [`PLAN`].
    pub fn with_plan(text: &str) -> Repo {
        let repo = Repo::new();
        repo.write(PLAN, text);
        repo
    }

    /// A copy of a folder of the project, e.g. "examples/universitet".
    pub fn copy_of(project_dir: &str) -> Repo {
        let repo = Repo::empty("plan-it-");
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(project_dir),
            repo.path(),
        );
        repo
    }

    /// The repository with plan.toml's `language` set to `lang`.
    pub fn speaking(self, lang: Lang) -> Repo {
        self.set_language(lang);
        self
    }

    /// Sets plan.toml's `language` to `lang` (as its first line, so it is never
    /// inside a table).
    pub fn set_language(&self, lang: Lang) {
        let config = self.read("plan.toml");
        let others: String = config
            .split_inclusive('\n')
            .filter(|l| !l.starts_with("language ="))
            .collect();
        self.write(
            "plan.toml",
            format!("language = \"{}\"\n{others}", lang.code()),
        );
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self, rel: &str) -> PathBuf {
        self.path().join(rel)
    }

    /// Writes a file, creating its folders.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) {
        let path = self.file(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("folders");
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("writing {rel}: {e}"));
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.file(rel)).unwrap_or_else(|e| panic!("reading {rel}: {e}"))
    }

    pub fn read_bytes(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.file(rel)).unwrap_or_else(|e| panic!("reading {rel}: {e}"))
    }

    /// `plan --repo DIR --today TODAY --color never ARGS…`, run inside the repository.
    pub fn plan(&self, args: &[&str]) -> Run {
        plan_in(self.path(), args)
    }

    /// `plan check --format json ARGS…`, parsed.
    pub fn check(&self, args: &[&str]) -> Checked {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        parse_check(self.plan(&all))
    }

    /// Runs git in the repository (see [`git_in`]); it must succeed.
    pub fn git(&self, args: &[&str]) {
        let run = git_in(self.path(), args, &[]);
        assert_eq!(run.code, 0, "git {args:?} failed: {}", run.stderr);
    }

    /// Commits everything in the work tree.
    pub fn commit_all(&self, message: &str) {
        self.git(&["add", "--all"]);
        self.git(&["commit", "--quiet", "-m", message]);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder");
    for entry in std::fs::read_dir(from).expect("readable folder") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// `plan check --format json`, as SPEC section 6 defines it (unknown fields fail).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    version: u32,
    findings: Vec<Finding>,
    summary: Summary,
}

/// One finding of the JSON report.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub rule: String,
    pub severity: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub object: Option<String>,
    pub year: Option<i32>,
    pub message: String,
    #[serde(default)]
    pub help: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// The outcome of `plan check --format json`.
#[derive(Debug)]
pub struct Checked {
    pub code: i32,
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

impl Checked {
    /// The rule ids of all findings, in report order.
    pub fn rules(&self) -> Vec<&str> {
        self.findings.iter().map(|f| f.rule.as_str()).collect()
    }

    /// Asserts the rule ids of all findings, in report order, showing the findings
    /// when they differ.
    #[track_caller]
    pub fn assert_rules(&self, rules: &[&str]) {
        assert_eq!(self.rules(), rules, "{:#?}", self.findings);
    }

    /// The rule ids, sorted and deduplicated.
    pub fn rule_set(&self) -> Vec<&str> {
        let mut rules = self.rules();
        rules.sort_unstable();
        rules.dedup();
        rules
    }

    /// The one finding of `rule`; fails when there is none or several.
    pub fn only(&self, rule: &str) -> &Finding {
        let matching: Vec<&Finding> = self.findings.iter().filter(|f| f.rule == rule).collect();
        assert_eq!(
            matching.len(),
            1,
            "expected exactly one `{rule}` finding, got {:#?}",
            self.findings
        );
        matching[0]
    }

    /// The finding of a check that found nothing else: asserts that `rule` is all it
    /// found, once, with this severity in this file (see [`assert_finding`]), and
    /// the exit code that gives (1 for an error, 0 for a warning).
    pub fn sole(&self, rule: &str, severity: &str, file: &str) -> &Finding {
        self.assert_rules(&[rule]);
        let f = &self.findings[0];
        assert_finding(f, rule, severity, file);
        assert_eq!(self.code, i32::from(severity == "error"), "{f:#?}");
        f
    }

    /// Asserts the check found nothing at all and exited 0.
    pub fn assert_clean(&self) {
        assert_eq!(self.findings, vec![], "expected no findings");
        assert_eq!(self.code, 0);
        assert_eq!((self.summary.errors, self.summary.warnings), (0, 0));
    }
}

/// Writes a mutated plan, attests it with the real `plan attest` (which must accept
/// it), then checks: only findings that survive an attestation remain.
pub fn check_attested(text: &str) -> Checked {
    let repo = Repo::with_plan(text);
    let run = repo.plan(&["attest", "ladok", "--system", "ladok", "--year", "2027"]);
    assert_eq!(run.code, 0, "plan attest refused: {run:?}");
    repo.check(&[])
}

/// Checks a mutated baseline: one repository, one plan, `plan check --format json`.
pub fn check_plan(text: &str) -> Checked {
    Repo::with_plan(text).check(&[])
}

/// [`check_plan`] on another day than [`TODAY`] (a draft before its year, say).
pub fn check_plan_at(today: &str, text: &str) -> Checked {
    let repo = Repo::with_plan(text);
    parse_check(plan_at(repo.path(), today, &["check", "--format", "json"]))
}

/// Checks a mutated baseline at `today` and returns its one finding, after
/// asserting it is all the check found (see [`Checked::sole`]) and starts at `at`
/// in `text`.
pub fn only_finding_at(today: &str, text: &str, rule: &str, severity: &str, at: &str) -> Finding {
    let checked = check_plan_at(today, text);
    let f = checked.sole(rule, severity, PLAN);
    assert_at(f, text, at);
    f.clone()
}

/// [`only_finding_at`] on [`TODAY`].
pub fn only_finding(text: &str, rule: &str, severity: &str, at: &str) -> Finding {
    only_finding_at(TODAY, text, rule, severity, at)
}

/// Asserts a finding's rule, severity, file, object and year.
pub fn assert_finding(f: &Finding, rule: &str, severity: &str, file: &str) {
    assert_eq!(
        (f.rule.as_str(), f.severity.as_str(), f.file.as_str()),
        (rule, severity, file),
        "{f:#?}"
    );
    if file.starts_with("objects/") && file.ends_with(".toml") && f.rule != "layout" {
        let mut parts = file.split('/').skip(1);
        assert_eq!(f.object.as_deref(), parts.next(), "{f:#?}");
        let year = parts.next().and_then(|y| y.strip_suffix(".toml"));
        assert_eq!(f.year.map(|y| y.to_string()).as_deref(), year, "{f:#?}");
    }
}

/// Asserts a finding points at the start of `needle` in `text`.
pub fn assert_at(f: &Finding, text: &str, needle: &str) {
    assert_eq!((f.line, f.column), position(text, needle), "{f:#?}");
}

// Git, CI and hook helpers (the git-native tests: git.rs, changed_since.rs, hook.rs…).

/// `git` in `dir` with the fixed test author, no signing, and no git variables
/// inherited from the caller; `env` adds variables. Returns what git did, whether it
/// succeeded or not.
pub fn git_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new("git");
    without_git_environment(&mut cmd);
    cmd.current_dir(dir)
        .args([
            "-c",
            "user.name=Test Person",
            "-c",
            "user.email=test@example.se",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args);
    for (key, value) in env {
        cmd.env(key, value);
    }
    run(&mut cmd)
}

/// The folder of the `plan` binary under test, for a PATH that finds it.
pub fn plan_bin_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_plan"))
        .parent()
        .expect("the binary is in a folder")
        .to_path_buf()
}

/// PATH with the `plan` binary under test first, for git hooks that run `plan`.
pub fn path_with_plan() -> String {
    let mut dirs = vec![plan_bin_dir()];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dirs)
        .expect("a PATH")
        .into_string()
        .expect("PATH is UTF-8")
}

impl Repo {
    /// A repository with git history but no plan repository in it yet: `git init` only.
    pub fn empty_git() -> Repo {
        let repo = Repo::empty("plan-it-");
        repo.git(&["init", "--quiet"]);
        repo
    }

    /// `git clone ARGS… file://<this repository> <new temporary folder>`, e.g. with
    /// `--depth 1` for a shallow clone as CI makes it.
    pub fn clone_with(&self, args: &[&str]) -> Repo {
        let clone = Repo::empty("plan-it-clone-");
        let url = format!("file://{}", self.path().display());
        let target = clone.path().to_str().expect("UTF-8 path");
        let mut all = vec!["clone", "--quiet"];
        all.extend_from_slice(args);
        all.extend_from_slice(&[url.as_str(), target]);
        let done = git_in(self.path(), &all, &[]);
        assert_eq!(done.code, 0, "git clone failed: {done:?}");
        clone
    }

    /// `git ARGS…` with extra environment; asserts success and returns stdout, trimmed.
    pub fn git_env(&self, args: &[&str], env: &[(&str, &str)]) -> String {
        let done = git_in(self.path(), args, env);
        assert_eq!(done.code, 0, "git {args:?} failed: {done:?}");
        done.stdout.trim().to_string()
    }

    /// The full commit id of a revision.
    pub fn rev_parse(&self, rev: &str) -> String {
        self.git_env(&["rev-parse", "--verify", rev], &[])
    }

    /// `plan --repo DIR --today TODAY --color never ARGS…` with environment variables
    /// set (`Some`) or removed (`None`).
    pub fn plan_env(&self, args: &[&str], env: &[(&str, Option<&str>)]) -> Run {
        let mut cmd = plan_command_in(self.path());
        cmd.args(args);
        for (key, value) in env {
            match value {
                Some(value) => cmd.env(key, value),
                None => cmd.env_remove(key),
            };
        }
        run(&mut cmd)
    }

    /// `plan check --format json ARGS…` with environment variables, parsed.
    pub fn check_env(&self, args: &[&str], env: &[(&str, Option<&str>)]) -> Checked {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        let run = self.plan_env(&all, env);
        parse_check(run)
    }
}

/// The JSON report of a `plan check --format json` run that could check (exit 0 or 1).
pub fn parse_check(run: Run) -> Checked {
    assert!(
        run.code == 0 || run.code == 1,
        "plan check could not check: {run:?}"
    );
    let report: Report = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("stdout is not the JSON report ({e}):\n{}", run.stdout));
    assert_eq!(report.version, 1);
    Checked {
        code: run.code,
        findings: report.findings,
        summary: report.summary,
    }
}

impl Checked {
    /// (rule, file) of every finding, in report order.
    pub fn rules_and_files(&self) -> Vec<(&str, &str)> {
        self.findings
            .iter()
            .map(|f| (f.rule.as_str(), f.file.as_str()))
            .collect()
    }
}

/// Where the plans of the other objects of the git tests live.
pub const LUCAT: &str = "objects/lucat/2027.toml";
pub const CANVAS: &str = "objects/canvas/2027.toml";

/// A plan whose system depends on `targets`.
pub fn depending_on(text: &str, targets: &[&str]) -> String {
    let list: Vec<String> = targets.iter().map(|t| format!("\"{t}\"")).collect();
    replace_once(
        text,
        "test_environment = true\n",
        &format!(
            "test_environment = true\ndepends_on = [{}]\n",
            list.join(", ")
        ),
    )
}

/// main: Ladok and Lucat clean, and Canvas with an `activity/owner` error that is
/// not the merge request's business. Branch `mr` makes Lucat depend on Ladok and on
/// an object nobody plans; main moves on after the branch point (a note in Ladok).
/// HEAD is `mr`.
pub fn merge_request() -> Repo {
    let repo = Repo::with_plan(baseline());
    repo.write(LUCAT, baseline_for("lucat"));
    repo.write(CANVAS, with_owner_error(&baseline_for("canvas")));
    repo.commit_all("Plans for 2027");
    repo.git(&["checkout", "--quiet", "-b", "mr"]);
    repo.write(
        LUCAT,
        depending_on(&baseline_for("lucat"), &["ladok", "saknas"]),
    );
    repo.commit_all("Lucat depends on Ladok and Saknas");
    repo.git(&["checkout", "--quiet", "main"]);
    repo.write(PLAN, format!("{}# Reviderad i januari.\n", baseline()));
    repo.commit_all("Ladok: a note");
    repo.git(&["checkout", "--quiet", "mr"]);
    repo
}

/// The baseline plan, attested, as the plan of another object (same system and people).
pub fn baseline_for(object: &str) -> String {
    replace_once(
        baseline(),
        "object = \"ladok\"",
        &format!("object = \"{object}\""),
    )
}

/// The role blocks of the baseline's people, for tests that add, drop or swap roles.
pub const SYSTEM_OWNER: &str =
    "[roles.systemagare]\nname = \"Karin Ek\"\nemail = \"karin.ek@example.se\"\n\n";
pub const IT_OWNER: &str =
    "[roles.it_systemagare]\nname = \"Eva Holm\"\nemail = \"eva.holm@example.se\"\n\n";
pub const IT_MANAGER: &str =
    "[roles.it_systemforvaltare]\nname = \"Olof Berg\"\nemail = \"olof.berg@example.se\"\n\n";

/// The baseline with a complete deviation for `mfa`, due on `due`, reported to
/// `reported_to` (role ids, quoted and comma-separated).
pub fn deviation(due: &str, reported_to: &str) -> String {
    replace_once(
        baseline(),
        "mfa = \"yes\"",
        &format!(
            "mfa = {{ answer = \"partial\", deviation = \"MFA saknas för administratörer\", action = \"Inför MFA\", owner = \"systemforvaltare\", due = {due}, reported_to = [{reported_to}] }}"
        ),
    )
}

/// A plan whose activity is owned by a role nobody holds in it: one `activity/owner`
/// error, and nothing else (the activity is not part of the attested answers).
pub fn with_owner_error(text: &str) -> String {
    replace_once(text, "owner = \"systemforvaltare\"", "owner = \"rektor\"")
}

// Robustness helpers (robustness.rs, bad_inputs.rs, writes.rs).

/// Every file and folder under `dir` with its contents (as text; folders end in `/`
/// and links in ` ->`, with their target), git's own files left out but its hooks
/// kept (without git's samples): compare two snapshots to show that a command
/// changed nothing.
pub fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, String> {
    fn walk(root: &Path, dir: &Path, out: &mut std::collections::BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).expect("a readable folder") {
            let path = entry.expect("an entry").path();
            let rel = path
                .strip_prefix(root)
                .expect("under the root")
                .to_string_lossy()
                .replace('\\', "/");
            if (rel.starts_with(".git/") && !rel.starts_with(".git/hooks"))
                || (rel.starts_with(".git/hooks/") && rel.ends_with(".sample"))
            {
                continue;
            }
            let meta = std::fs::symlink_metadata(&path).expect("metadata");
            if meta.is_dir() {
                out.insert(format!("{rel}/"), String::new());
                walk(root, &path, out);
            } else if meta.file_type().is_symlink() {
                let target = std::fs::read_link(&path).expect("a link");
                out.insert(format!("{rel} ->"), target.to_string_lossy().into_owned());
            } else {
                let bytes = std::fs::read(&path).expect("a readable file");
                out.insert(rel, String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Runs `command`, which must fail with exit 2 (not a panic) and change nothing
/// under `dir`: the same files with the same contents, and no temporary file of a
/// write left behind. Returns the run, for what it said.
pub fn refused(dir: &Path, command: impl FnOnce() -> Run) -> Run {
    let before = snapshot(dir);
    let run = command();
    assert_eq!(run.code, 2, "{run:?}");
    assert!(!run.stderr.contains("panicked"), "{run:?}");
    assert_eq!(
        snapshot(dir),
        before,
        "the failed command changed {}: {run:?}",
        dir.display()
    );
    assert_no_temporary_files(dir);
    run
}

/// What a run printed, with `dir` (the repository's own temporary path) written as
/// `REPO`, so the text can be compared exactly.
pub fn as_repo(dir: &Path, printed: &str) -> String {
    printed.replace(dir.to_str().expect("a UTF-8 path"), "REPO")
}

/// The first line of a run's stderr (the error), with `dir` written as `REPO`.
pub fn error_line(dir: &Path, run: &Run) -> String {
    as_repo(dir, run.stderr.lines().next().unwrap_or_default())
}

/// Asserts that no temporary file of an atomic write (`NAME.lock`, or
/// `.NAME.plan-PID.tmp` from earlier versions) is left anywhere under `dir`.
pub fn assert_no_temporary_files(dir: &Path) {
    let left: Vec<String> = snapshot(dir)
        .into_keys()
        .filter(|p| {
            let name = p
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or_default();
            (name.starts_with('.') && name.contains(".plan-") && name.ends_with(".tmp"))
                || name.ends_with(".lock")
        })
        .collect();
    assert_eq!(left, Vec::<String>::new(), "temporary files left behind");
}

/// `plan --repo DIR --today TODAY --color never ARGS…` run inside DIR where no file
/// can grow (`ulimit -f 0`), as on a full disk. With `killed`, the first write kills
/// the process (SIGXFSZ) half-way; otherwise it fails (EFBIG) and plan carries on
/// to clean up. Returns the run, or None when the process was killed.
#[cfg(unix)]
pub fn plan_without_space(dir: &Path, args: &[&str], killed: bool) -> Option<Run> {
    let script = if killed {
        "ulimit -f 0; exec \"$0\" \"$@\""
    } else {
        "ulimit -f 0; trap '' XFSZ; exec \"$0\" \"$@\""
    };
    let mut cmd = Command::new("sh");
    cmd.env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    without_git_environment(&mut cmd);
    let out = cmd
        .current_dir(dir)
        .args(["-c", script, env!("CARGO_BIN_EXE_plan")])
        .args(repo_args(dir, TODAY))
        .args(args)
        .output()
        .expect("sh runs");
    Some(Run {
        code: out.status.code()?,
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    })
}

/// Every sheet of an XLSX workbook, by name, with its rows as calamine reads them
/// (each sheet's header is its first row).
pub fn workbook(path: &Path) -> Vec<(String, Vec<Vec<calamine::Data>>)> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).expect("an XLSX workbook");
    book.worksheets()
        .into_iter()
        .map(|(name, range)| {
            assert_eq!(range.start(), Some((0, 0)), "the header is row 1 of {name}");
            (name, range.rows().map(<[calamine::Data]>::to_vec).collect())
        })
        .collect()
}
