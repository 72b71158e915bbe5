//! The language setting (SPEC §2 `language`, §5 `--lang` / `PLAN_LANG`): the values
//! it takes and what a wrong one says. What each language reads like is asserted
//! where the texts are shown (the site's tests).

use crate::support::{Repo, PLAN_TOML};

#[test]
fn a_language_plan_does_not_speak_is_a_schema_error_at_its_line() {
    let repo = Repo::with_config(&format!("{PLAN_TOML}language = \"se\"\n"));
    let run = repo.plan(&["check"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("`language` has unknown value \"se\"")
            && run.stderr.contains("plan.toml:4:12")
            && run.stderr.contains("did you mean \"sv\"?"),
        "{}",
        run.stderr
    );
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
    assert!(
        flag.stderr
            .contains("`de` is not a language of plan: sv or en"),
        "{}",
        flag.stderr
    );
    let env = repo.plan_env(&["check"], &[("PLAN_LANG", Some("fi"))]);
    assert_eq!(env.code, 2, "{env:?}");
    assert!(
        env.stderr.contains("`fi` is not a language of plan"),
        "{}",
        env.stderr
    );
}
