//! `appendix3/*`: bilaga 3, one mutation of the baseline per rule.

use crate::support::*;

/// The baseline as a draft (förslag).
fn draft(text: &str) -> String {
    replace_once(text, "status = \"established\"", "status = \"draft\"")
}

/// Checks a draft in the planning season, before its year: a draft once its year
/// has begun is `plan/draft-in-year` as well.
fn check_draft(text: &str) -> Checked {
    check_plan_at("2026-12-01", text)
}

/// The baseline without any appendix 3.
fn without_appendix3() -> String {
    drop_between(baseline(), "[systems.appendix3]", "[[upgrades]]")
}

/// The baseline without its attestation.
fn without_attestation() -> String {
    let text = drop_line(baseline(), "attested_by = ");
    let text = drop_line(&text, "attested_on = ");
    drop_line(&text, "digest = ")
}

#[test]
fn missing_appendix3_is_an_error_in_an_established_plan() {
    let text = without_appendix3();
    let checked = check_plan(&text);
    let f = checked.sole("appendix3/missing", "error", PLAN);
    // The system's id: `id = "ladok"` under [[systems]].
    assert_at(f, &text, "\"ladok\"\nname = \"Ladok\"\nsupplier");
}

#[test]
fn missing_appendix3_is_a_warning_in_a_draft() {
    let checked = check_draft(&draft(&without_appendix3()));
    checked.sole("appendix3/missing", "warning", PLAN);
}

#[test]
fn retired_system_needs_no_appendix3() {
    let text = replace_once(
        &without_appendix3(),
        "lifecycle = \"active\"",
        "lifecycle = \"retired\"",
    );
    // The planned upgrade of a retired system is still checked, but nothing asks
    // for its bilaga 3.
    let checked = check_plan(&text);
    assert!(
        !checked.rules().contains(&"appendix3/missing"),
        "{:#?}",
        checked.findings
    );
}

#[test]
fn unanswered_question_is_an_error_in_an_established_plan() {
    let text = drop_line(baseline(), "mfa = ");
    let checked = check_plan(&text);
    // Removing an answer also changes what was attested.
    assert_eq!(
        checked.rule_set(),
        ["appendix3/stale", "appendix3/unanswered"]
    );
    let f = checked.only("appendix3/unanswered");
    assert_finding(f, "appendix3/unanswered", "error", PLAN);
    assert_at(f, &text, "answers]");
    in_each_language(|lang| {
        let f = check_plan(&text).only("appendix3/unanswered").clone();
        assert_contains(&f.message, "mfa");
        let count = lang.says("1 of 20", "1 av 20");
        assert_contains(&f.message, count);
    });
}

#[test]
fn unanswered_question_is_a_warning_in_a_draft() {
    let checked = check_draft(&draft(&drop_line(baseline(), "mfa = ")));
    let f = checked.only("appendix3/unanswered");
    assert_finding(f, "appendix3/unanswered", "warning", PLAN);
}

#[test]
fn answer_to_an_unknown_question_suggests_the_real_one() {
    let text = replace_once(
        baseline(),
        "mfa = \"yes\"\n",
        "mfa = \"yes\"\nmfaa = \"yes\"\n",
    );
    let checked = check_plan(&text);
    assert_eq!(
        checked.rule_set(),
        ["appendix3/stale", "appendix3/unknown-question"]
    );
    let f = checked.only("appendix3/unknown-question");
    assert_finding(f, "appendix3/unknown-question", "error", PLAN);
    assert_at(f, &text, "mfaa");
    in_each_language(|lang| {
        let f = check_plan(&text).only("appendix3/unknown-question").clone();
        let help = lang.says("did you mean `mfa`?", "menade du `mfa`?");
        assert_eq!(f.help.as_deref(), Some(help));
    });
}

#[test]
fn deviation_without_action_owner_due_is_incomplete() {
    let text = replace_once(
        baseline(),
        "mfa = \"yes\"",
        "mfa = { answer = \"no\", deviation = \"MFA saknas för administratörer\", reported_to = [\"systemforvaltare\", \"it_systemagare\"] }",
    );
    let checked = check_plan(&text);
    assert_eq!(
        checked.rule_set(),
        ["appendix3/deviation-incomplete", "appendix3/stale"]
    );
    let f = checked.only("appendix3/deviation-incomplete");
    assert_finding(f, "appendix3/deviation-incomplete", "error", PLAN);
    assert_eq!(f.line, position(&text, "mfa = {").0);
    in_each_language(|lang| {
        let f = check_plan(&text)
            .only("appendix3/deviation-incomplete")
            .clone();
        let missing = lang.says("action, owner and due", "action, owner och due");
        assert_contains(&f.message, missing);
    });
}

#[test]
fn complete_deviation_reported_to_both_roles_attests_clean() {
    let text = deviation("2027-06-30", "\"systemforvaltare\", \"it_systemagare\"");
    check_attested(&text).assert_clean();
}

#[test]
fn deviation_not_reported_to_the_it_system_owner() {
    let text = deviation("2027-06-30", "\"systemforvaltare\"");
    let checked = check_attested(&text);
    let f = checked.sole("appendix3/not-reported", "warning", PLAN);
    assert_eq!(f.line, position(&text, "mfa = {").0);
    assert_contains(&f.message, "`it_systemagare`");
}

#[test]
fn deviation_due_before_today_is_overdue() {
    let text = deviation("2027-02-01", "\"systemforvaltare\", \"it_systemagare\"");
    let checked = check_attested(&text);
    let f = checked.sole("appendix3/overdue", "warning", PLAN);
    assert_at(f, &text, "2027-02-01, reported_to");
}

#[test]
fn na_without_justification() {
    let text = replace_once(baseline(), "mfa = \"yes\"", "mfa = \"na\"");
    let checked = check_plan(&text);
    assert_eq!(
        checked.rule_set(),
        ["appendix3/na-unjustified", "appendix3/stale"]
    );
    let f = checked.only("appendix3/na-unjustified");
    assert_finding(f, "appendix3/na-unjustified", "error", PLAN);
    assert_eq!(f.line, position(&text, "mfa = \"na\"").0);
}

#[test]
fn not_attested_is_an_error_in_an_established_plan() {
    let text = without_attestation();
    let checked = check_plan(&text);
    let f = checked.sole("appendix3/not-attested", "error", PLAN);
    assert_at(f, &text, "appendix3]");
    assert!(
        f.help
            .as_deref()
            .is_some_and(|h| h.contains("plan attest ladok --system ladok --year 2027")),
        "{f:#?}"
    );
}

#[test]
fn not_attested_is_a_warning_in_a_draft() {
    let checked = check_draft(&draft(&without_attestation()));
    checked.sole("appendix3/not-attested", "warning", PLAN);
}

#[test]
fn attested_by_another_role() {
    let text = replace_once(
        baseline(),
        "attested_by = \"it_systemagare\"",
        "attested_by = \"systemforvaltare\"",
    );
    let checked = check_plan(&text);
    let f = checked.sole("appendix3/wrong-attester", "error", PLAN);
    assert_at(f, &text, "\"systemforvaltare\"\nattested_on");
}

#[test]
fn changed_answer_after_attestation_is_stale() {
    let text = replace_once(
        baseline(),
        "restore_tested = \"yes\"",
        "restore_tested = { answer = \"na\", justification = \"Ingen lokal data\" }",
    );
    let checked = check_plan(&text);
    let f = checked.sole("appendix3/stale", "error", PLAN);
    assert_at(f, &text, "\"sha256:");
}

#[test]
fn attestation_without_digest_is_stale() {
    let text = drop_line(baseline(), "digest = ");
    let checked = check_plan(&text);
    assert_eq!(checked.rules(), ["appendix3/stale"]);
    assert_at(
        checked.only("appendix3/stale"),
        &text,
        "\"it_systemagare\"\nattested_on",
    );
}

#[test]
fn comments_and_answer_spelling_do_not_make_an_attestation_stale() {
    let text = replace_once(
        baseline(),
        "mfa = \"yes\"",
        "mfa = { answer = \"yes\" } # kollat",
    );
    let text = format!("# En ny kommentar överst.\n{text}");
    check_plan(&text).assert_clean();
}
