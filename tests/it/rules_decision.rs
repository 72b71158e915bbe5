//! What a förvaltningsplan decides (SPEC v2, issue 13): `plan/established-by`,
//! `plan/established-date`, `plan/draft-in-year`, `plan/description-missing`,
//! `contract/expiring` with its notice date, `contract/dpa`, an integration's
//! `purpose`, and weekly and last-weekday service windows. Each rule fires on one
//! mutation of the baseline, stays quiet on its near miss, and points at its line.

use crate::support::*;

fn clean_at(today: &str, text: &str) {
    check_plan_at(today, text).assert_clean();
}

/// The baseline as a draft: no decision recorded yet.
fn draft() -> String {
    let text = replace_once(baseline(), "status = \"established\"", "status = \"draft\"");
    let text = drop_line(&text, "established_on = ");
    let text = drop_line(&text, "established_by = ");
    drop_line(&text, "diarienummer = ")
}

// --- plan/established-by -----------------------------------------------------------

#[test]
fn established_plan_that_does_not_say_who_established_it() {
    // 000 ch. 9: "Det är systemägaren som fastställer planen".
    let text = drop_line(baseline(), "established_by = ");
    let f = only_finding(&text, "plan/established-by", "warning", "\"established\"");
    assert_contains(&f.message, "systemägare (`systemagare`)");
    assert_eq!(
        f.help.as_deref(),
        Some("write established_by = [\"systemagare\"]")
    );
}

#[test]
fn established_by_a_role_written_in_swedish() {
    let text = replace_once(
        baseline(),
        "established_by = [\"systemagare\"]",
        "established_by = [\"systemägare\"]",
    );
    let f = only_finding(&text, "plan/established-by", "warning", "[\"systemägare\"]");
    assert_eq!(
        f.help.as_deref(),
        Some("did you mean `systemagare` for `systemägare`? write established_by = [\"systemagare\"]")
    );
}

#[test]
fn revised_plan_established_by_the_systemagare_and_another_role_is_quiet() {
    let text = replace_once(
        baseline(),
        "status = \"established\"",
        "status = \"revised\"",
    );
    let text = replace_once(
        &text,
        "established_by = [\"systemagare\"]",
        "established_by = [\"systemagare\", \"it_systemagare\"]",
    );
    check_plan(&text).assert_clean();
}

#[test]
fn municipal_plan_needs_both_objektagare() {
    // 001 6.2/6.4: objektägaren fastställer planen "tillsammans med objektägare IT".
    let repo = Repo::copy_of("examples/kommun");
    let rel = "objects/ekonomisystem/2027.toml";
    let text = repo.read(rel);
    let both = "established_by = [\"objektagare\", \"objektagare_it\"]";
    assert_eq!(
        parse_check(plan_at(
            repo.path(),
            "2026-12-20",
            &["check", "--format", "json", rel]
        ))
        .findings
        .iter()
        .filter(|f| f.rule == "plan/established-by")
        .count(),
        0
    );
    let one = replace_once(&text, both, "established_by = [\"objektagare\"]");
    repo.write(rel, &one);
    let checked = parse_check(plan_at(
        repo.path(),
        "2026-12-20",
        &["check", "--format", "json", rel],
    ));
    let f = checked.only("plan/established-by");
    assert_finding(f, "plan/established-by", "warning", rel);
    assert_at(f, &one, "[\"objektagare\"]");
    assert_contains(&f.message, "objektägare IT (`objektagare_it`)");
}

// --- plan/established-date ---------------------------------------------------------

#[test]
fn established_on_typed_two_centuries_late() {
    let text = replace_once(
        baseline(),
        "established_on = 2026-12-01",
        "established_on = 2207-12-15",
    );
    let f = only_finding(&text, "plan/established-date", "error", "2207-12-15");
    assert_contains(&f.message, "2026-01-01–2027-12-31");
}

#[test]
fn established_on_two_years_early() {
    let text = replace_once(
        baseline(),
        "established_on = 2026-12-01",
        "established_on = 2025-12-31",
    );
    only_finding(&text, "plan/established-date", "error", "2025-12-31");
}

#[test]
fn established_on_at_the_edges_of_its_time_is_quiet() {
    for on in ["2026-01-01", "2027-12-31"] {
        let text = replace_once(
            baseline(),
            "established_on = 2026-12-01",
            &format!("established_on = {on}"),
        );
        check_plan(&text).assert_clean();
    }
}

// --- plan/draft-in-year ------------------------------------------------------------

#[test]
fn draft_once_its_year_has_begun() {
    let text = draft();
    in_each_language(|lang| {
        let f = only_finding_at(
            "2027-01-01",
            &text,
            "plan/draft-in-year",
            "warning",
            "\"draft\"",
        );
        assert_eq!(
            f.message,
            lang.says(
                "the plan for 2027 is still a draft on 2027-01-01",
                "den 2027-01-01 är planen för 2027 fortfarande ett förslag"
            )
        );
    });
}

#[test]
fn draft_before_its_year_is_quiet() {
    clean_at("2026-12-31", &draft());
}

// --- plan/description-missing ------------------------------------------------------

#[test]
fn established_plan_without_a_description() {
    let text = drop_line(baseline(), "description = ");
    only_finding(
        &text,
        "plan/description-missing",
        "warning",
        "\"established\"",
    );
}

#[test]
fn established_plan_with_an_empty_description() {
    let text = replace_once(
        baseline(),
        "description = \"Studiedokumentation för alla studenter: kurser, resultat, examina.\"",
        "description = \"  \"",
    );
    only_finding(&text, "plan/description-missing", "warning", "\"  \"");
}

#[test]
fn draft_without_a_description_is_quiet() {
    clean_at("2026-12-01", &drop_line(&draft(), "description = "));
}

// --- contract/expiring -------------------------------------------------------------

const CONTRACT: &str = "ends = 2029-06-30, notice_months = 3";

#[test]
fn contract_whose_notice_date_falls_in_the_plan_year() {
    // The case: ends March 2028, six months' notice: act by September 2027.
    let text = replace_once(baseline(), CONTRACT, "ends = 2028-03-31, notice_months = 6");
    in_each_language(|lang| {
        let f = only_finding(&text, "contract/expiring", "warning", "6, owner");
        assert_eq!(
            f.message,
            lang.says(
                "the contract for `ladok` ends 2028-03-31 with 6 months' notice: notice must be given by 2027-09-30",
                "avtalet för `ladok` löper ut 2028-03-31 med 6 månaders uppsägningstid: det måste sägas upp senast 2027-09-30"
            )
        );
    });
}

#[test]
fn contract_whose_notice_date_is_after_the_plan_year_is_quiet() {
    let text = replace_once(baseline(), CONTRACT, "ends = 2028-03-31, notice_months = 2");
    check_plan(&text).assert_clean();
}

#[test]
fn contract_ending_early_in_the_year_after_its_notice_date() {
    let text = replace_once(baseline(), CONTRACT, "ends = 2027-02-28, notice_months = 3");
    in_each_language(|lang| {
        let f = only_finding(&text, "contract/expiring", "warning", "2027-02-28");
        assert_eq!(
            f.message,
            lang.says(
                "the contract for `ladok` ends 2027-02-28",
                "avtalet för `ladok` löper ut 2027-02-28"
            )
        );
        assert_eq!(
            f.help.as_deref(),
            Some(lang.says(
                "notice was due by 2026-11-28; plan an activity for extension or procurement",
                "avtalet skulle ha sagts upp senast 2026-11-28; planera en aktivitet för förlängning eller upphandling"
            ))
        );
    });
}

#[test]
fn contract_ending_in_the_year_without_notice_months() {
    let text = replace_once(baseline(), CONTRACT, "ends = 2027-09-30");
    only_finding(&text, "contract/expiring", "warning", "2027-09-30");
}

// --- contract/dpa ------------------------------------------------------------------

/// The baseline (hosted internally, organisation model 1) run by its supplier.
fn hosted_externally() -> String {
    replace_once(
        baseline(),
        "hosting = \"internal\"",
        "hosting = \"external\"",
    )
}

#[test]
fn external_supplier_with_personal_data_and_no_dpa() {
    let text = replace_once(&hosted_externally(), "dpa = true", "dpa = false");
    let f = only_finding(&text, "contract/dpa", "warning", "false }");
    assert_contains(&f.message, "personuppgiftsbiträdesavtal");
}

#[test]
fn external_supplier_with_personal_data_and_no_contract() {
    let text = drop_line(&hosted_externally(), "contract = ");
    only_finding(&text, "contract/dpa", "warning", "true\nclassification");
}

#[test]
fn internal_hosting_needs_no_dpa() {
    let text = replace_once(baseline(), "dpa = true", "dpa = false");
    check_plan(&text).assert_clean();
}

#[test]
fn hybrid_hosting_without_personal_data_needs_no_dpa() {
    let text = replace_once(baseline(), "dpa = true", "dpa = false");
    let text = replace_once(&text, "hosting = \"internal\"", "hosting = \"hybrid\"");
    let text = replace_once(&text, "personal_data = true", "personal_data = false");
    check_plan(&text).assert_clean();
}

// --- integration/contract: purpose -------------------------------------------------

/// ladok fetching personal data from `other`, a copy of the baseline.
fn with_integration(extra: &str) -> Repo {
    let text = replace_once(
        baseline(),
        "test_environment = true\n",
        &format!(
            "test_environment = true\n\n[[systems.integrations]]\nsource = \"other\"\ndata = \"namn, e-post\"\npersonal_data = true\nlegal_basis = \"allmänt intresse\"\ncontract = \"IK-2023-004\"\n{extra}"
        ),
    );
    let repo = Repo::with_plan(&text);
    let other = replace_once(&baseline_for("other"), "id = \"ladok\"", "id = \"other\"");
    let other = drop_between(&other, "[[upgrades]]", "[[activities]]");
    repo.write("objects/other/2027.toml", other);
    repo
}

#[test]
fn integration_with_personal_data_and_no_purpose() {
    // 000 5.6: "vilken data som hämtas och varför. Varför-delen är extra viktig".
    let repo = with_integration("");
    let checked = repo.check(&[]);
    checked.assert_rules(&["integration/contract"]);
    let f = checked.only("integration/contract");
    assert_at(f, &repo.read(PLAN), "[[systems.integrations]]");
    assert_eq!(
        f.message,
        "integration `ladok` ← `other` carries personal data without a purpose"
    );
    assert_eq!(checked.code, 1);
}

#[test]
fn integration_with_a_purpose_is_quiet() {
    with_integration("purpose = \"Inloggning och kontaktuppgifter\"\n")
        .check(&[])
        .assert_clean();
}

// --- service windows ---------------------------------------------------------------

fn with_windows(windows: &str, date: &str) -> Repo {
    let repo = Repo::with_config(&format!(
        "organisation = \"Testkommunen\"\nrole_model = \"pm3-lu\"\nservice_windows = {windows}\n"
    ));
    repo.write(
        PLAN,
        replace_once(baseline(), "date = 2027-04-03", &format!("date = {date}")),
    );
    repo
}

#[test]
fn every_tuesday_evening_is_a_window() {
    // 2027-04-13 and 2027-04-27 are Tuesdays; no nth: every week.
    with_windows("{ weekday = \"tuesday\" }", "2027-04-13")
        .check(&[])
        .assert_clean();
    let repo = with_windows("{ weekday = \"tuesday\" }", "2027-04-14");
    let f = repo.check(&[]).only("upgrade/service-window").clone();
    assert_eq!(
        f.help.as_deref(),
        Some("the next service window is 2027-04-20 (Tuesday)")
    );
}

#[test]
fn the_last_saturday_and_a_list_of_windows() {
    // April 2027: Saturdays 3, 10, 17, 24; the last is the 24th.
    let windows = "[{ weekday = \"saturday\", nth = -1 }, { weekday = \"tuesday\", nth = 2 }]";
    with_windows(windows, "2027-04-24")
        .check(&[])
        .assert_clean();
    with_windows(windows, "2027-04-13")
        .check(&[])
        .assert_clean();
    let f = with_windows(windows, "2027-04-17")
        .check(&[])
        .only("upgrade/service-window")
        .clone();
    assert_eq!(
        f.help.as_deref(),
        Some("the next service window is 2027-04-24 (Saturday)")
    );
}

#[test]
fn upgrade_report_and_calendar_follow_the_weekly_windows() {
    let repo = with_windows("{ weekday = \"tuesday\" }", "2027-04-13");
    let run = repo.plan(&["report", "upgrades", "--year", "2027", "--format", "json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let rows: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(rows[0]["service_window"], serde_json::json!(true));
    let ics = repo.plan(&["report", "upgrades", "--year", "2027", "--format", "ics"]);
    assert_eq!(ics.code, 0, "{ics:?}");
    // Every Tuesday of 2027 is a window: 52 of them, named in the language.
    assert_eq!(ics.stdout.matches("SUMMARY:Service window").count(), 52);
    let swedish = repo.plan(&[
        "--lang", "sv", "report", "upgrades", "--year", "2027", "--format", "ics",
    ]);
    assert_eq!(swedish.stdout.matches("SUMMARY:Servicefönster").count(), 52);
    // The calendar's name and events are for people; the categories a calendar
    // program filters on are the same in both languages.
    assert!(ics
        .stdout
        .contains("X-WR-CALNAME:Upgrades 2027 – Testkommunen"));
    assert!(swedish
        .stdout
        .contains("X-WR-CALNAME:Uppgraderingar 2027 – Testkommunen"));
    for run in [&ics, &swedish] {
        assert_eq!(run.stdout.matches("CATEGORIES:SERVICEFÖNSTER").count(), 52);
        assert_eq!(run.stdout.matches("CATEGORIES:UPPGRADERING").count(), 1);
    }
    assert!(ics.stdout.contains("DTSTART;VALUE=DATE:20270105"));
    assert!(!ics.stdout.contains("DTSTART;VALUE=DATE:20270106"));
}

#[test]
fn nth_zero_is_refused_with_its_position() {
    let repo = Repo::with_config(
        "organisation = \"Testkommunen\"\nrole_model = \"pm3-lu\"\nservice_windows = { weekday = \"tuesday\", nth = 0 }\n",
    );
    repo.write(PLAN, baseline());
    in_each_language(|lang| {
        let run = repo.plan(&["check"]);
        assert_eq!(run.code, 2, "{run:?}");
        let lines = lang.says(
            [
                "error[schema]: `service_windows.nth` must be 1–5 or -1, found 0",
                " --> plan.toml:3:48",
                "  = help: 1 for the first weekday of the month, -1 for the last; leave nth out for every week",
            ],
            [
                "fel[schema]: `service_windows.nth` måste vara 1–5 eller -1, inte 0",
                " --> plan.toml:3:48",
                "  = hjälp: 1 för månadens första veckodag, -1 för den sista; utelämna nth för varje vecka",
            ],
        );
        for line in lines {
            assert!(
                run.stderr.lines().any(|l| l == line),
                "{line} in:\n{}",
                run.stderr
            );
        }
    });
}
