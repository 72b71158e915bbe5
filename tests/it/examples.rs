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
fn universitet_has_no_errors_and_ten_warnings() {
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
            ("roles/recommended", "warning", "objects/eduroam/2027.toml"),
            ("contract/expiring", "warning", "objects/kaltura/2027.toml"),
            ("upgrade/untested", "warning", "objects/lucat/2027.toml"),
            ("contract/expiring", "warning", "objects/primula/2027.toml"),
            (
                "appendix3/overdue",
                "warning",
                "objects/raindance/2027.toml"
            ),
            (
                "upgrade/service-window",
                "warning",
                "objects/timeedit/2027.toml"
            ),
            ("plan/draft-in-year", "warning", "objects/varbi/2027.toml"),
        ]
    );
    assert_eq!(
        checked.summary,
        Summary {
            files: 13,
            errors: 0,
            warnings: 10
        }
    );
    // The notice date, not only the end date, is what the plan year must act on.
    let primula = checked
        .findings
        .iter()
        .find(|f| f.file == "objects/primula/2027.toml")
        .expect("a primula finding");
    assert_eq!(
        primula.message,
        "the contract for `primula` ends 2028-12-31 with 12 months' notice: notice must be given by 2027-12-31"
    );
    assert_eq!(checked.code, 0);

    let human = repo.plan(&["check"]);
    assert_eq!(human.code, 0);
    assert_eq!(
        human.stdout.lines().last(),
        Some("checked 13 plan files: 0 errors, 10 warnings")
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
            (
                "appendix3/not-reported",
                "warning",
                "objects/skolplattform/2027.toml"
            ),
        ]
    );
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
