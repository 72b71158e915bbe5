//! `plan check --verify-attestations` on real git histories (SPEC §6,
//! `appendix3/attester-mismatch`, v2): each way around it that we could think of, and
//! the honest flows that must stay clean.
//!
//! Handbook 000, ch. 9: "Det är systemägaren som fastställer planen, men
//! IT-systemägaren är den som undertecknar och intygar att uppgifterna i bilaga 3
//! till planen är korrekta". In the baseline plan (organisation model 3) the
//! IT-systemägare is Eva Holm; Per Lind is the systemförvaltare, who keeps the plan;
//! Mallory holds no role and tries to attest anyway.

use crate::support::*;

const EVA: &str = "eva.holm@example.se";
const PER: &str = "per.lind@example.se";
const OLOF: &str = "olof.berg@example.se";
const MALLORY: &str = "mallory@example.se";
const ATTEST: &[&str] = &["attest", "ladok", "--system", "ladok", "--year", "2027"];
const MISMATCH: &str = "appendix3/attester-mismatch";

fn name_of(email: &str) -> &str {
    email.split('@').next().expect("an e-mail")
}

/// Git's author and committer for one person.
fn identity(email: &str) -> [(&'static str, &str); 4] {
    [
        ("GIT_AUTHOR_NAME", name_of(email)),
        ("GIT_AUTHOR_EMAIL", email),
        ("GIT_COMMITTER_NAME", name_of(email)),
        ("GIT_COMMITTER_EMAIL", email),
    ]
}

impl Repo {
    /// Commits everything in the work tree as `email`.
    fn commit_as(&self, email: &str, message: &str) {
        self.git(&["add", "--all"]);
        self.git_env(&["commit", "--quiet", "-m", message], &identity(email));
    }

    /// `plan attest ladok --system ladok --year 2027` run by `email`; it must write.
    fn attest_as(&self, email: &str) -> Run {
        let env: Vec<(&str, Option<&str>)> = identity(email)
            .iter()
            .map(|(k, v)| (*k, Some(*v)))
            .collect();
        let run = self.plan_env(ATTEST, &env);
        assert_eq!(run.code, 0, "plan attest: {run:?}");
        run
    }

    fn verify(&self, args: &[&str]) -> Checked {
        let mut all = vec!["--verify-attestations"];
        all.extend_from_slice(args);
        self.check(&all)
    }
}

/// Per commits the plan with its roles; nobody has attested yet.
fn planned() -> Repo {
    let repo = Repo::with_plan(unattested());
    repo.commit_as(PER, "Ladok 2027: förslag");
    repo
}

/// The honest flow: Per commits the plan, Eva attests and commits it herself.
fn attested_by_eva() -> Repo {
    let repo = planned();
    let run = repo.attest_as(EVA);
    assert_eq!(run.stderr, "", "the holder is not told to ask anyone");
    repo.commit_as(EVA, "Ladok 2027: bilaga 3 intygad");
    repo
}

#[test]
fn the_holder_attesting_in_a_commit_of_their_own_is_clean() {
    let repo = attested_by_eva();
    assert!(
        repo.read(PLAN)
            .contains(&format!("signed_by = \"{EVA}\"\n")),
        "{}",
        repo.read(PLAN)
    );
    repo.verify(&[]).assert_clean();
    repo.verify(&["--rev", "HEAD"]).assert_clean();
}

#[test]
fn someone_else_attesting_is_told_who_should_and_the_holder_can_correct_it() {
    // Still written (exit 0), with who should attest and exactly what to run.
    for lang in Lang::ALL {
        let run = planned().speaking(lang).attest_as(MALLORY);
        assert_eq!(
            run.stderr,
            lang.says(
                format!("note: you ({MALLORY}) do not hold the attesting role IT-systemägare (`it_systemagare`) in objects/ladok/2027.toml, so this attestation is recorded as signed by you and `plan check --verify-attestations` will report it\n  = help: IT-systemägare (`it_systemagare`) is Eva Holm <{EVA}>; they run `plan attest ladok --system ladok --year 2027` and commit it under that e-mail (git config user.email), which replaces signed_by\n"),
                format!("obs: du ({MALLORY}) har inte den intygande rollen IT-systemägare (`it_systemagare`) i objects/ladok/2027.toml, så intygandet registreras som underskrivet av dig och `plan check --verify-attestations` kommer att rapportera det\n  = hjälp: IT-systemägare (`it_systemagare`) är Eva Holm <{EVA}>; rollinnehavaren kör `plan attest ladok --system ladok --year 2027` och checkar in det med den e-postadressen (git config user.email), vilket ersätter signed_by\n"),
            )
        );
    }
    let repo = planned();
    repo.attest_as(MALLORY);
    repo.commit_as(MALLORY, "Ladok 2027: bilaga 3");
    in_each_language(|lang| {
        let checked = repo.verify(&[]);
        let f = checked.only(MISMATCH);
        assert_finding(f, MISMATCH, "error", PLAN);
        let says = lang.says(
            format!("by {MALLORY}, when IT-systemägare (`it_systemagare`) was {EVA}: the commit's author {MALLORY} is not the holder; it is signed by {MALLORY}, not by the holder"),
            format!("av {MALLORY}, när IT-systemägare (`it_systemagare`) var {EVA}: incheckningens författare {MALLORY} är inte rollinnehavaren; det är signerat av {MALLORY}, inte av rollinnehavaren"),
        );
        assert_contains(&f.message, &says);
        assert_eq!(checked.code, 1);
    });

    // Eva's own run changes signed_by, so she has something to commit.
    let before = repo.read(PLAN);
    repo.attest_as(EVA);
    assert_ne!(
        repo.read(PLAN),
        before,
        "the holder's run must change the file"
    );
    repo.commit_as(EVA, "Ladok 2027: bilaga 3 intygad av IT-systemägaren");
    repo.verify(&[]).assert_clean();
}

#[test]
fn an_attestation_not_committed_yet_cannot_be_verified() {
    let repo = planned();
    repo.attest_as(EVA);
    let not_yet = |lang: Lang| lang.says("is not committed yet", "är inte incheckat än");
    in_each_language(|lang| {
        let f = repo.verify(&[]).only(MISMATCH).message.clone();
        assert_contains(&f, not_yet(lang));
    });
    repo.git(&["add", "--all"]);
    in_each_language(|lang| {
        let f = repo.verify(&["--staged"]).only(MISMATCH).message.clone();
        assert_contains(&f, not_yet(lang));
    });
}

#[test]
fn changing_the_holder_and_attesting_in_one_commit_fails() {
    let repo = planned();
    repo.write(
        PLAN,
        replace_once(&repo.read(PLAN), EVA, MALLORY).replace("Eva Holm", "Mallory"),
    );
    repo.attest_as(MALLORY);
    repo.commit_as(MALLORY, "Ladok 2027: bilaga 3");
    // Today's plan names Mallory as holder; the plan before the commit named Eva.
    in_each_language(|lang| {
        let checked = repo.verify(&[]);
        let f = checked.only(MISMATCH);
        let (was, changed) = lang.says(
            (
                format!("when IT-systemägare (`it_systemagare`) was {EVA}"),
                format!("the same commit changed IT-systemägare (`it_systemagare`) to {MALLORY}"),
            ),
            (
                format!("när IT-systemägare (`it_systemagare`) var {EVA}"),
                format!(
                    "samma incheckning ändrade IT-systemägare (`it_systemagare`) till {MALLORY}"
                ),
            ),
        );
        assert_contains(&f.message, &was);
        assert_contains(&f.message, &changed);
        assert_eq!(checked.code, 1);
    });
}

#[test]
fn a_holder_who_appointed_themselves_earlier_fails_and_one_appointed_by_another_does_not() {
    // Mallory makes herself IT-systemägare, and attests in a later commit.
    let repo = planned();
    repo.write(PLAN, replace_once(&repo.read(PLAN), EVA, MALLORY));
    repo.commit_as(MALLORY, "Ladok: ny IT-systemägare");
    let appointed = repo.rev_parse("HEAD");
    repo.attest_as(MALLORY);
    repo.commit_as(MALLORY, "Ladok 2027: bilaga 3");
    in_each_language(|lang| {
        let f = repo.verify(&[]).only(MISMATCH).message.clone();
        let commit = &appointed[..7];
        let (appointed, set) = lang.says(
            (
                format!("{MALLORY} appointed themselves: commit {commit} "),
                "\"Ladok: ny IT-systemägare\") by mallory@example.se set the e-mail of IT-systemägare",
            ),
            (
                format!("{MALLORY} utsåg sig själv: incheckningen {commit} "),
                "\"Ladok: ny IT-systemägare\") av mallory@example.se satte e-postadressen för IT-systemägare",
            ),
        );
        assert_contains(&f, &appointed);
        assert_contains(&f, set);
    });

    // The honest change of holder: Per (the förvaltare) appoints Olof, who attests
    // later in a commit of his own.
    let repo = planned();
    repo.write(PLAN, replace_once(&repo.read(PLAN), EVA, OLOF));
    repo.commit_as(PER, "Ladok: Olof är ny IT-systemägare");
    repo.attest_as(OLOF);
    repo.commit_as(OLOF, "Ladok 2027: bilaga 3");
    repo.verify(&[]).assert_clean();
}

#[test]
fn an_attestation_copied_from_another_system_fails() {
    let repo = attested_by_eva();
    // Mallory adds a second system and copies Ladok's attested bilaga 3 to it: the
    // answers are the same, so the digest even matches.
    let text = repo.read(PLAN);
    let system = &text[text.find("[[systems]]").expect("a system")..];
    let system = system.split("\n[[upgrades]]").next().expect("the system");
    let copy = system
        .replace("id = \"ladok\"", "id = \"ladok-api\"")
        .replace("name = \"Ladok\"", "name = \"Ladok API\"");
    repo.write(
        PLAN,
        text.replacen("\n[[upgrades]]", &format!("\n{copy}\n[[upgrades]]"), 1),
    );
    repo.commit_as(MALLORY, "Ladok: API:t");
    in_each_language(|lang| {
        let checked = repo.verify(&[]);
        checked.assert_rules(&[MISMATCH]);
        let f = checked.only(MISMATCH);
        assert_starts_with(
            &f.message,
            lang.says(
                "the attestation of `ladok-api`",
                "intygandet av `ladok-api`",
            ),
        );
        assert_contains(&f.message, &not_holder(lang));
    });
}

#[test]
fn an_attestation_copied_from_another_years_plan_fails() {
    let repo = attested_by_eva();
    // Mallory writes the 2028 plan as a copy of 2027, attestation and all.
    let next = replace_once(&repo.read(PLAN), "year = 2027", "year = 2028");
    let next_plan = "objects/ladok/2028.toml";
    repo.write(next_plan, &next);
    repo.commit_as(MALLORY, "Ladok 2028");
    in_each_language(|lang| {
        let checked = repo.verify(&[]);
        let f = checked.only(MISMATCH);
        assert_eq!(f.file, next_plan);
        let says = lang.says(
            format!("by {MALLORY}, which also created {next_plan}"),
            format!("av {MALLORY}, som också skapade {next_plan}"),
        );
        assert_contains(&f.message, &says);
    });

    // Pasting the attestation into a 2028 plan that Per committed first fails too.
    let repo = attested_by_eva();
    let unattested_next = replace_once(unattested(), "year = 2027", "year = 2028");
    repo.write(next_plan, &unattested_next);
    repo.commit_as(PER, "Ladok 2028: förslag");
    repo.write(next_plan, &next);
    repo.commit_as(MALLORY, "Ladok 2028: bilaga 3");
    in_each_language(|lang| {
        let f = repo.verify(&[]).only(MISMATCH).message.clone();
        assert_contains(&f, &not_holder(lang));
    });
}

#[test]
fn signed_by_edited_by_hand_fails() {
    // Mallory attests, then types Eva's e-mail into signed_by.
    let repo = planned();
    repo.attest_as(MALLORY);
    forge_signed_by(&repo, MALLORY, EVA);
    repo.commit_as(MALLORY, "Ladok 2027: bilaga 3");
    in_each_language(|lang| {
        let f = repo.verify(&[]).only(MISMATCH).message.clone();
        assert_contains(&f, &not_holder(lang));
        let signed = lang.says("it is signed by", "det är signerat av");
        assert_lacks(&f, signed);
    });

    // Eva commits what Mallory's run wrote: signed_by still says Mallory.
    let repo = planned();
    repo.attest_as(MALLORY);
    repo.commit_as(EVA, "Ladok 2027: bilaga 3");
    in_each_language(|lang| {
        let f = repo.verify(&[]).only(MISMATCH).message.clone();
        let says = lang.says(
            format!("it is signed by {MALLORY}, not by the holder"),
            format!("det är signerat av {MALLORY}, inte av rollinnehavaren"),
        );
        assert_contains(&f, &says);
        let author = lang.says("the commit's author", "incheckningens författare");
        assert_lacks(&f, author);
    });

    // signed_by removed by hand.
    let repo = planned();
    repo.attest_as(EVA);
    repo.write(PLAN, drop_line(&repo.read(PLAN), "signed_by = "));
    repo.commit_as(EVA, "Ladok 2027: bilaga 3");
    in_each_language(|lang| {
        let f = repo.verify(&[]).only(MISMATCH).message.clone();
        assert_contains(&f, lang.says("it has no signed_by", "signed_by saknas"));
    });
}

/// What the mismatch says when the commit's author is Mallory, not the holder.
fn not_holder(lang: Lang) -> String {
    lang.says(
        format!("the commit's author {MALLORY} is not the holder"),
        format!("incheckningens författare {MALLORY} är inte rollinnehavaren"),
    )
}

/// What the mismatch says of the commit with this subject that Mallory made.
fn made_by(lang: Lang, subject: &str) -> String {
    format!("\"{subject}\") {} {MALLORY}", lang.says("by", "av"))
}

/// Types `to` over the `signed_by` that `plan attest` wrote for `from`.
fn forge_signed_by(repo: &Repo, from: &str, to: &str) {
    repo.write(
        PLAN,
        replace_once(
            &repo.read(PLAN),
            &format!("signed_by = \"{from}\""),
            &format!("signed_by = \"{to}\""),
        ),
    );
}

/// `email` attests on the branch `bilaga3` (signing as `signed_by`), and Per moves
/// main on meanwhile; main is checked out.
fn attested_on_a_branch(email: &str, signed_by: &str) -> Repo {
    let repo = planned();
    repo.git(&["checkout", "--quiet", "-b", "bilaga3"]);
    repo.attest_as(email);
    if signed_by != email {
        forge_signed_by(&repo, email, signed_by);
    }
    repo.commit_as(email, "Ladok 2027: bilaga 3");
    repo.git(&["checkout", "--quiet", "main"]);
    repo.write("README.md", "Förvaltningsplaner\n");
    repo.commit_as(PER, "README");
    repo
}

/// Merges the branch `bilaga3` into main as `email`.
fn merge_as(repo: &Repo, email: &str) {
    let args = [
        "merge",
        "--quiet",
        "--no-ff",
        "-m",
        "Merge bilaga3",
        "bilaga3",
    ];
    repo.git_env(&args, &identity(email));
}

#[test]
fn a_merge_brings_in_the_attestation_of_the_commit_that_made_it() {
    // Mallory attests on a branch with a forged signed_by; Eva merges the branch, so
    // the merge commit is hers. The attestation is still Mallory's.
    let repo = attested_on_a_branch(MALLORY, EVA);
    merge_as(&repo, EVA);
    in_each_language(|lang| {
        let f = repo.verify(&[]).only(MISMATCH).message.clone();
        assert_contains(&f, &made_by(lang, "Ladok 2027: bilaga 3"));
    });

    // Honest: Eva attests on a branch, Per merges it.
    let repo = attested_on_a_branch(EVA, EVA);
    merge_as(&repo, PER);
    repo.verify(&[]).assert_clean();

    // A merge that makes the attestation up while resolving: it is the merge's own.
    let repo = planned();
    repo.git(&["checkout", "--quiet", "-b", "side"]);
    repo.write("NOTES.md", "Anteckningar\n");
    repo.commit_as(PER, "Notes");
    repo.git(&["checkout", "--quiet", "main"]);
    repo.write("README.md", "Förvaltningsplaner\n");
    repo.commit_as(PER, "README");
    repo.git_env(
        &["merge", "--quiet", "--no-ff", "--no-commit", "side"],
        &identity(MALLORY),
    );
    repo.attest_as(MALLORY);
    repo.commit_as(MALLORY, "Merge side");
    in_each_language(|lang| {
        let f = repo.verify(&[]).only(MISMATCH).message.clone();
        assert_contains(&f, &made_by(lang, "Merge side"));
    });
}

#[test]
fn a_rebase_that_changes_authorship_fails_and_one_that_keeps_it_does_not() {
    // Eva attests on a branch; main moves on; the branch is rebased.
    let setup = || {
        let repo = attested_on_a_branch(EVA, EVA);
        repo.git(&["checkout", "--quiet", "bilaga3"]);
        repo
    };
    // A plain rebase keeps Eva as the author.
    let repo = setup();
    repo.git_env(&["rebase", "--quiet", "main"], &identity(MALLORY));
    repo.verify(&[]).assert_clean();

    // Mallory rebases with --reset-author: the attestation's commit is now hers.
    let repo = setup();
    repo.git_env(
        &["rebase", "--quiet", "--reset-author-date", "main"],
        &identity(MALLORY),
    );
    repo.git_env(
        &[
            "commit",
            "--quiet",
            "--amend",
            "--no-edit",
            "--reset-author",
        ],
        &identity(MALLORY),
    );
    in_each_language(|lang| {
        let f = repo.verify(&[]).only(MISMATCH).message.clone();
        assert_contains(&f, &not_holder(lang));
    });
}

#[test]
fn re_attesting_after_a_change_of_answers_is_clean_and_stale_names_the_answers() {
    let repo = attested_by_eva();
    // Per changes two answers and commits: the attestation is stale, and still Eva's.
    let text = replace_once(
        &repo.read(PLAN),
        "backup = \"yes\"",
        "backup = { answer = \"na\", justification = \"Ingen lagrad data\" }",
    );
    repo.write(
        PLAN,
        replace_once(
            &text,
            "mfa = \"yes\"",
            "mfa = { answer = \"na\", justification = \"Ingen inloggning\" }",
        ),
    );
    repo.commit_as(PER, "Ladok: backup och mfa gäller inte");
    let attested = repo.rev_parse("HEAD~1");
    let commit = &attested[..7];
    in_each_language(|lang| {
        let checked = repo.verify(&[]);
        checked.assert_rules(&["appendix3/stale"]);
        let message = &checked.only("appendix3/stale").message;
        let says = lang.says(
            format!("the answers of `ladok` changed after they were attested: `backup`, `mfa` differ from the answers attested in commit {commit}"),
            format!("svaren för `ladok` har ändrats efter att de intygades: `backup`, `mfa` skiljer sig från svaren som intygades i incheckningen {commit}"),
        );
        assert_starts_with(message, &says);
    });
    // Without git history the message says what it always said.
    std::fs::remove_dir_all(repo.file(".git")).expect("remove .git");
    in_each_language(|lang| {
        assert_eq!(
            repo.check(&[]).only("appendix3/stale").message,
            lang.says(
                "the answers of `ladok` changed after they were attested",
                "svaren för `ladok` har ändrats efter att de intygades"
            )
        );
    });

    let repo = attested_by_eva();
    repo.write(
        PLAN,
        replace_once(
            &repo.read(PLAN),
            "backup = \"yes\"",
            "backup = { answer = \"na\", justification = \"Ingen lagrad data\" }",
        ),
    );
    repo.commit_as(PER, "Ladok: backup gäller inte");
    repo.attest_as(EVA);
    repo.commit_as(EVA, "Ladok 2027: bilaga 3 intygad igen");
    repo.verify(&[]).assert_clean();
}

#[test]
fn a_rolled_over_plan_keeps_the_holder_appointed_by_someone_else() {
    // Per appointed Eva in 2027; the 2028 plan, created by Eva herself, names the same
    // holder, so she did not appoint herself.
    let repo = attested_by_eva();
    let next = "objects/ladok/2028.toml";
    repo.write(
        next,
        replace_once(unattested(), "year = 2027", "year = 2028"),
    );
    repo.commit_as(EVA, "Ladok 2028: förslag");
    let run = repo.plan_env(
        &["attest", "ladok", "--system", "ladok", "--year", "2028"],
        &identity(EVA).map(|(k, v)| (k, Some(v))),
    );
    assert_eq!(run.code, 0, "{run:?}");
    repo.commit_as(EVA, "Ladok 2028: bilaga 3");
    // (The copied upgrade and activity lie in 2027: other rules, not this one.)
    let checked = repo.verify(&[]);
    assert!(
        !checked.rules().contains(&MISMATCH),
        "{:#?}",
        checked.findings
    );
}

#[test]
fn a_shallow_clone_exits_2_with_a_hint() {
    let repo = attested_by_eva();
    repo.write("README.md", "Förvaltningsplaner\n");
    repo.commit_as(PER, "README");
    let clone = repo.clone_with(&["--depth", "1"]);
    in_each_language(|lang| {
        let run = clone.plan(&["check", "--verify-attestations"]);
        assert_eq!(run.code, 2, "{run:?}");
        assert_contains(&run.stderr, lang.says("shallow clone", "grund klon"));
        assert_contains(&run.stderr, "GIT_DEPTH: 0");
        assert_contains(&run.stderr, "git fetch --unshallow");
    });
    clone.git(&["fetch", "--quiet", "--unshallow", "origin"]);
    clone.verify(&[]).assert_clean();
}
