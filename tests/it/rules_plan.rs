//! `upgrade/*`, `activity/*`, `budget/exceeded`, `plan/established-incomplete` and
//! `contract/expiring`: one mutation of the baseline per rule.

use crate::support::*;

#[test]
fn upgrade_of_an_unknown_system() {
    let text = replace_once(baseline(), "system = \"ladok\"", "system = \"ladokk\"");
    in_each_language(|lang| {
        let f = only_finding(&text, "upgrade/unknown-system", "error", "\"ladokk\"");
        let help = lang.says("did you mean `ladok`?", "menade du `ladok`?");
        assert_eq!(f.help.as_deref(), Some(help));
    });
}

#[test]
fn upgrade_outside_the_plan_year() {
    // 2028-04-01 is the first Saturday of April 2028: a service window, wrong year.
    let text = replace_once(baseline(), "date = 2027-04-03", "date = 2028-04-01");
    only_finding(&text, "upgrade/outside-year", "error", "2028-04-01");
}

#[test]
fn major_upgrade_outside_a_service_window() {
    let text = replace_once(baseline(), "date = 2027-04-03", "date = 2027-04-07");
    in_each_language(|lang| {
        let f = only_finding(&text, "upgrade/service-window", "warning", "2027-04-07");
        assert_eq!(
            f.help.as_deref(),
            Some(lang.says(
                "the next service window is 2027-05-01 (Saturday)",
                "nästa servicefönster är 2027-05-01 (lördag)"
            ))
        );
    });
}

#[test]
fn service_window_is_not_evaluated_without_windows() {
    let text = replace_once(baseline(), "date = 2027-04-03", "date = 2027-04-07");
    let repo = Repo::with_config("organisation = \"Testuniversitetet\"\nrole_model = \"pm3-lu\"\n");
    repo.write(PLAN, &text);
    repo.check(&[]).assert_clean();
}

#[test]
fn extra_service_window_date_is_a_window() {
    let text = replace_once(baseline(), "date = 2027-04-03", "date = 2027-04-07");
    let repo = Repo::with_config(&format!("{PLAN_TOML}service_window_dates = [2027-04-07]\n"));
    repo.write(PLAN, &text);
    repo.check(&[]).assert_clean();
}

#[test]
fn major_upgrade_without_cab_approval() {
    let text = replace_once(
        baseline(),
        "cab = { status = \"approved\", ref = \"CHG0040212\" }",
        "cab = { status = \"not-required\" }",
    );
    only_finding(&text, "upgrade/cab", "error", "\"not-required\"");
}

#[test]
fn upgrade_announced_too_late() {
    let text = replace_once(
        baseline(),
        "announced_on = 2027-03-20",
        "announced_on = 2027-03-30",
    );
    in_each_language(|lang| {
        let f = only_finding(&text, "upgrade/announce", "warning", "2027-03-30");
        let ahead = lang.says("announced 4 days ahead", "annonseras 4 dagar i förväg");
        assert_contains(&f.message, ahead);
    });
}

#[test]
fn upgrade_never_announced() {
    let text = drop_line(baseline(), "announced_on = ");
    in_each_language(|lang| {
        let checked = check_plan(&text);
        let f = checked.sole("upgrade/announce", "warning", PLAN);
        let missing = lang.says("has no announced_on", "saknar announced_on");
        assert_contains(&f.message, missing);
    });
}

#[test]
fn major_upgrade_not_rehearsed_in_the_test_environment() {
    let text = replace_once(baseline(), "tested = true", "tested = false");
    only_finding(&text, "upgrade/untested", "warning", "false");
}

#[test]
fn minor_upgrade_needs_no_rehearsal() {
    let text = replace_once(baseline(), "tested = true", "tested = false");
    let text = replace_once(&text, "kind = \"major\"", "kind = \"minor\"");
    check_plan(&text).assert_clean();
}

#[test]
fn activity_owned_by_a_role_nobody_holds() {
    let text = replace_once(
        baseline(),
        "owner = \"systemforvaltare\"",
        "owner = \"it_specialist\"",
    );
    only_finding(&text, "activity/owner", "error", "\"it_specialist\"");
}

#[test]
fn activity_ending_before_it_starts() {
    let text = replace_once(baseline(), "start = 2027-02-01", "start = 2027-06-01");
    only_finding(&text, "activity/dates", "error", "2027-05-31");
}

#[test]
fn activity_ending_after_the_plan_year() {
    let text = replace_once(baseline(), "end = 2027-05-31", "end = 2028-01-31");
    only_finding(&text, "activity/dates", "error", "2028-01-31");
}

#[test]
fn open_activity_past_its_end() {
    let text = replace_once(baseline(), "end = 2027-05-31", "end = 2027-02-15");
    only_finding(&text, "activity/overdue", "warning", "2027-02-15");
}

#[test]
fn finished_activity_past_its_end_is_not_overdue() {
    let text = replace_once(baseline(), "end = 2027-05-31", "end = 2027-02-15");
    let text = replace_once(&text, "status = \"ongoing\"", "status = \"done\"");
    check_plan(&text).assert_clean();
}

#[test]
fn activities_above_the_budget() {
    let text = replace_once(baseline(), "hours = 80", "hours = 150");
    in_each_language(|lang| {
        let f = only_finding(&text, "budget/exceeded", "warning", "100\nsek");
        let planned = lang.says("150 hours", "150 timmar");
        assert_contains(&f.message, planned);
    });
}

/// A negative budget is one problem: the value is no amount (`schema`). It is not
/// also "exceeded" by the 80 hours the activities plan.
#[test]
fn a_negative_budget_is_reported_once() {
    let text = replace_once(baseline(), "hours = 100", "hours = -100");
    in_each_language(|lang| {
        let f = only_finding(&text, "schema", "error", "-100");
        let amount = lang.says("a non-negative number", "ett tal som inte är negativt");
        assert_contains(&f.message, amount);
    });
}

/// `established_by` written as one string, or as a list with something that is no
/// role id in it, is one problem: the value has the wrong shape (`schema`). It is not
/// also a list that lacks the role that establishes the plan (`plan/established-by`).
#[test]
fn established_by_of_the_wrong_shape_is_reported_once() {
    let from = "established_by = [\"systemagare\"]";
    let text = replace_once(baseline(), from, "established_by = \"systemagare\"");
    let f = only_finding(&text, "schema", "error", "\"systemagare\"");
    assert_eq!(
        f.message,
        "`established_by` must be an array, found \"systemagare\""
    );
    let text = replace_once(baseline(), from, "established_by = [\"systemagare\", 77]");
    let checked = check_plan(&text);
    checked.assert_rules(&["schema"]);
}

#[test]
fn established_plan_without_established_on() {
    let text = drop_line(baseline(), "established_on = ");
    only_finding(
        &text,
        "plan/established-incomplete",
        "error",
        "\"established\"",
    );
}

#[test]
fn contract_ending_within_the_plan_year() {
    let text = replace_once(
        baseline(),
        "ends = 2029-06-30, notice_months = 3",
        "ends = 2027-09-30",
    );
    only_finding(&text, "contract/expiring", "warning", "2027-09-30");
}

#[test]
fn contract_ending_after_the_plan_year_is_quiet() {
    let text = replace_once(
        baseline(),
        "ends = 2029-06-30, notice_months = 3",
        "ends = 2028-06-30",
    );
    check_plan(&text).assert_clean();
}
