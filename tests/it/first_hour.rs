//! What trips a new user in the first hour (issue 17): defaults in the planning
//! season, editor leftovers, the hook, and messages that mislead.

use crate::support::*;

/// The handbook: "Förvaltningsplanen … fastställs inför varje nytt år" — in
/// November–December people work on next year's plan, and the repository has only
/// it (no plan of the current year yet).
mod planning_season {
    use super::*;

    const DECEMBER: &str = "2026-12-05";

    fn next_year_only() -> Repo {
        Repo::with_plan(unattested())
    }

    #[test]
    fn attest_without_year_takes_the_newest_plan_and_says_so() {
        let repo = next_year_only();
        let run = plan_at(repo.path(), DECEMBER, &["attest", "ladok"]);
        assert_eq!(run.code, 0, "{run:?}");
        assert!(
            run.stderr.contains("attesting the 2027 plan"),
            "{}",
            run.stderr
        );
        assert!(repo.read(PLAN).contains("attested_on = 2026-12-05"));
    }

    #[test]
    fn report_without_year_uses_next_year_and_says_so() {
        let repo = next_year_only();
        let run = plan_at(repo.path(), DECEMBER, &["report", "roles"]);
        assert_eq!(run.code, 0, "{run:?}");
        assert!(
            run.stderr
                .contains("using 2027: there are no plans for 2026 yet"),
            "{}",
            run.stderr
        );
        assert!(run.stdout.contains("ladok"), "{}", run.stdout);
    }

    #[test]
    fn new_without_year_joins_next_year() {
        let repo = next_year_only();
        let run = plan_at(
            repo.path(),
            DECEMBER,
            &["new", "primula", "--name", "Primula"],
        );
        assert_eq!(run.code, 0, "{run:?}");
        assert!(
            run.stdout.contains("created objects/primula/2027.toml"),
            "{run:?}"
        );
        assert!(run.stderr.contains("using 2027"), "{}", run.stderr);
    }

    #[test]
    fn new_in_an_empty_repository_in_december_names_the_year() {
        let repo = Repo::new();
        let run = plan_at(
            repo.path(),
            DECEMBER,
            &["new", "primula", "--name", "Primula"],
        );
        assert_eq!(run.code, 0, "{run:?}");
        assert!(
            run.stdout.contains("created objects/primula/2026.toml"),
            "{run:?}"
        );
        assert!(
            run.stderr.contains("for next year's plan pass --year 2027"),
            "{}",
            run.stderr
        );
    }

    #[test]
    fn the_current_year_wins_while_it_has_plans() {
        let repo = next_year_only();
        repo.write(
            "objects/ladok/2026.toml",
            replace_once(unattested(), "year = 2027", "year = 2026"),
        );
        let run = plan_at(repo.path(), DECEMBER, &["report", "roles"]);
        assert_eq!(run.code, 0, "{run:?}");
        assert!(!run.stderr.contains("using 2027"), "{}", run.stderr);
    }
}
