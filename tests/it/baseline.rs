//! The baseline plan every rule test starts from: complete, attested by `plan attest`,
//! and clean.

use crate::support::*;

#[test]
fn attested_baseline_checks_clean() {
    let repo = Repo::with_plan(baseline());
    repo.check(&[]).assert_clean();

    in_each_language(|lang| {
        let human = repo.plan(&["check"]);
        assert_eq!(human.code, 0);
        assert_eq!(human.stdout, lang.says(CLEAN_EN, CLEAN_SV));
        assert_eq!(human.stderr, "");
    });
}

#[test]
fn baseline_is_attested_by_the_it_system_owner_today() {
    let text = baseline();
    assert_contains(text, "attested_by = \"it_systemagare\"\n");
    assert_contains(text, &format!("attested_on = {TODAY}\n"));
    let digest = text
        .lines()
        .find_map(|l| l.strip_prefix("digest = \"sha256:"))
        .and_then(|rest| rest.strip_suffix('"'))
        .unwrap_or_else(|| panic!("no digest line in:\n{text}"));
    assert_eq!(digest.len(), 64, "{digest}");
    assert!(digest.bytes().all(|b| b.is_ascii_hexdigit()), "{digest}");
}

#[test]
fn before_attest_the_only_finding_is_the_missing_attestation() {
    let text = unattested();
    let checked = check_plan(text);
    let f = checked.sole("appendix3/not-attested", "error", PLAN);
    assert_at(f, text, "appendix3.answers]");
}
