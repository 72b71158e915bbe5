//! The shipped example repositories check without errors, with exactly the
//! warnings they are meant to show.

use crate::support::*;

fn rules_and_files(checked: &Checked) -> Vec<(&str, &str, &str)> {
    checked
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.severity.as_str(), f.file.as_str()))
        .collect()
}

#[test]
fn universitet_has_no_errors_and_sixteen_warnings() {
    let repo = Repo::copy_of("examples/universitet");
    let checked = repo.check(&[]);
    assert_eq!(
        rules_and_files(&checked),
        [
            ("roles/conflict", "warning", "objects/backup/2027.toml"),
            (
                "appendix3/not-reported",
                "warning",
                "objects/canvas/2027.toml"
            ),
            ("plan/draft-in-year", "warning", "objects/eduroam/2027.toml"),
            // Model 5 with an IT-systemägare but no IT-systemförvaltare (10.1).
            ("roles/recommended", "warning", "objects/kaltura/2027.toml"),
            ("contract/expiring", "warning", "objects/kaltura/2027.toml"),
            // 2026 had no IT side; the 2027 plan has both IT roles and is clean.
            ("roles/recommended", "warning", "objects/ladok/2026.toml"),
            ("roles/recommended", "warning", "objects/ladok/2026.toml"),
            ("upgrade/untested", "warning", "objects/lucat/2027.toml"),
            // Handbook 10.1: "Det rekommenderas starkt att alltid besätta alla fyra
            // rollerna" — models 5 and 4 without the IT side.
            ("roles/recommended", "warning", "objects/primula/2027.toml"),
            ("roles/recommended", "warning", "objects/primula/2027.toml"),
            ("contract/expiring", "warning", "objects/primula/2027.toml"),
            (
                "appendix3/overdue",
                "warning",
                "objects/raindance/2027.toml"
            ),
            // The in-house tool, not the supplier-run TimeEdit (hosting external).
            (
                "upgrade/service-window",
                "warning",
                "objects/timeedit/2027.toml"
            ),
            ("plan/draft-in-year", "warning", "objects/varbi/2027.toml"),
            ("roles/recommended", "warning", "objects/varbi/2027.toml"),
            ("roles/recommended", "warning", "objects/varbi/2027.toml"),
        ]
    );
    assert_eq!(
        checked.summary,
        Summary {
            files: 13,
            errors: 0,
            warnings: 16
        }
    );
    // The notice date, not only the end date, is what the plan year must act on.
    let primula = checked
        .findings
        .iter()
        .find(|f| f.file == "objects/primula/2027.toml" && f.rule == "contract/expiring")
        .expect("a primula finding");
    // The example speaks Swedish (its plan.toml's `language`); --lang en, English.
    assert_eq!(
        primula.message,
        "avtalet för `primula` löper ut 2028-12-31 med 12 månaders uppsägningstid: det måste sägas upp senast 2027-12-31"
    );
    let english = repo.check(&["--lang", "en"]);
    assert_eq!(
        english
            .findings
            .iter()
            .find(|f| f.file == "objects/primula/2027.toml" && f.rule == "contract/expiring")
            .expect("a primula finding")
            .message,
        "the contract for `primula` ends 2028-12-31 with 12 months' notice: notice must be given by 2027-12-31"
    );
    assert_eq!(checked.code, 0);

    let human = repo.plan(&["check"]);
    assert_eq!(human.code, 0);
    assert_eq!(
        human.stdout.lines().last(),
        Some("13 planfiler granskade: 0 fel, 16 varningar")
    );
    let human = repo.plan(&["--lang", "en", "check"]);
    assert_eq!(
        human.stdout.lines().last(),
        Some("checked 13 plan files: 0 errors, 16 warnings")
    );
}

#[test]
fn the_universitet_deviations_are_the_no_and_partial_answers_and_the_late_work() {
    // SPEC §7 (v2): "appendix-3 rows are the `no` and `partial` answers only (a
    // justified `na` is not a deviation)". Every system is attested: no attestation rows.
    let repo = Repo::copy_of("examples/universitet");
    let run = repo.plan(&["report", "deviations", "--year", "2027", "--format", "csv"]);
    assert_eq!(run.code, 0, "{run:?}");
    let rows: Vec<(&str, &str, &str)> = run
        .stdout
        .lines()
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            (cells[0], cells[2], cells[3])
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("raindance", "appendix3", "restore_tested"),
            ("kaltura", "upgrade", "kaltura@2027-02-06"),
            ("backup", "upgrade", "storage-protect@2027-02-24"),
            ("timeedit", "appendix3", "information_contracts"),
            ("canvas", "appendix3", "access_review"),
            ("varbi", "appendix3", "log_review"),
        ]
    );
}

#[test]
fn kommun_has_no_errors_and_three_warnings() {
    let repo = Repo::copy_of("examples/kommun");
    let checked = repo.check(&[]);
    assert_eq!(
        rules_and_files(&checked),
        [
            (
                "upgrade/announce",
                "warning",
                "objects/e-tjanster/2027.toml"
            ),
            (
                "contract/expiring",
                "warning",
                "objects/skolplattform/2027.toml"
            ),
            // 001 §6.3: "Rapportera avvikelser från förvaltningsplan till
            // styrgruppen": reported to objektägare IT, not to the objektägare.
            (
                "appendix3/not-reported",
                "warning",
                "objects/skolplattform/2027.toml"
            ),
        ]
    );
    assert!(repo
        .read("plan.toml")
        .contains("checklist = \"infosak-bas\""));
    assert_eq!(
        checked.summary,
        Summary {
            files: 4,
            errors: 0,
            warnings: 3
        }
    );
    assert_eq!(checked.code, 0);
}

#[test]
fn examples_fail_only_with_deny_warnings() {
    for example in ["examples/universitet", "examples/kommun"] {
        let repo = Repo::copy_of(example);
        assert_eq!(repo.plan(&["check"]).code, 0, "{example}");
        assert_eq!(
            repo.plan(&["check", "--deny-warnings"]).code,
            1,
            "{example}"
        );
    }
}
