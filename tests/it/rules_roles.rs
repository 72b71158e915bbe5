//! `roles/*`: one mutation of the baseline per rule.

use crate::support::*;

#[test]
fn missing_required_role_points_at_the_roles() {
    let text = replace_once(baseline(), IT_OWNER, "");
    in_each_language(|lang| {
        let checked = check_plan(&text);
        // Without an IT-systemägare, the systemägare attests (SPEC §4): the attestation
        // recorded for the IT-systemägare no longer counts.
        assert_eq!(
            checked.rules(),
            ["roles/missing", "appendix3/wrong-attester"]
        );
        let f = checked.only("roles/missing");
        assert_finding(f, "roles/missing", "error", PLAN);
        // The first `roles` key: `[roles.systemagare]` on line 16, column 2.
        assert_eq!((f.line, f.column), (16, 2));
        assert_at(f, &text, "roles.systemagare]");
        assert_contains(&f.message, "`it_systemagare`");
        assert_eq!(
            f.help.as_deref(),
            Some(lang.says(
                "add [roles.it_systemagare] with name and email",
                "lägg till [roles.it_systemagare] med namn (name) och e-post (email)"
            ))
        );
        assert_eq!(checked.code, 1);
    });
}

#[test]
fn no_roles_at_all_points_at_the_file_start() {
    let text = replace_once(baseline(), IT_OWNER, "");
    let text = replace_once(&text, IT_MANAGER, "");
    let text = replace_once(
        &text,
        "[roles.systemagare]\nname = \"Karin Ek\"\nemail = \"karin.ek@example.se\"\n\n",
        "",
    );
    let text = replace_once(
        &text,
        "[roles.systemforvaltare]\nname = \"Per Lind\"\nemail = \"per.lind@example.se\"\n\n",
        "",
    );
    let checked = check_plan(&text);
    let missing: Vec<_> = checked
        .findings
        .iter()
        .filter(|f| f.rule == "roles/missing")
        .collect();
    assert_eq!(missing.len(), 3, "{:#?}", checked.findings);
    for f in missing {
        assert_finding(f, "roles/missing", "error", PLAN);
        assert_eq!((f.line, f.column), (1, 1));
    }
    let recommended = checked.only("roles/recommended");
    assert_eq!((recommended.line, recommended.column), (1, 1));
}

#[test]
fn recommended_role_missing_is_a_warning() {
    let text = replace_once(baseline(), IT_MANAGER, "");
    let checked = check_plan(&text);
    let f = checked.sole("roles/recommended", "warning", PLAN);
    assert_at(f, &text, "roles.systemagare]");
    assert_contains(&f.message, "`it_systemforvaltare`");
}

#[test]
fn unknown_role_points_at_its_id_with_a_suggestion() {
    let text = replace_once(
        baseline(),
        "[roles.it_systemforvaltare]",
        "[roles.it_systemforvaltre]",
    );
    in_each_language(|lang| {
        let checked = check_plan(&text);
        assert_eq!(checked.rules(), ["roles/recommended", "roles/unknown"]);
        let f = checked.only("roles/unknown");
        assert_finding(f, "roles/unknown", "error", PLAN);
        assert_at(f, &text, "it_systemforvaltre]");
        assert_eq!((f.line, f.column), (28, 8));
        assert_eq!(
            f.help.as_deref(),
            Some(lang.says(
                "did you mean `it_systemforvaltare`?",
                "menade du `it_systemforvaltare`?"
            ))
        );
        assert_eq!(checked.code, 1);
    });
}

#[test]
fn malformed_email_points_at_the_value() {
    let text = replace_once(
        baseline(),
        "\"eva.holm@example.se\"",
        "\"eva.holm@example\"",
    );
    let checked = check_plan(&text);
    let f = checked.sole("roles/person", "error", PLAN);
    assert_at(f, &text, "\"eva.holm@example\"");
    assert_eq!((f.line, f.column), (26, 9));
    assert_contains(&f.message, "eva.holm@example");
}

#[test]
fn person_without_name_points_at_the_role() {
    let text = replace_once(baseline(), "name = \"Olof Berg\"\n", "");
    in_each_language(|lang| {
        let checked = check_plan(&text);
        let f = checked.sole("roles/person", "error", PLAN);
        assert_at(f, &text, "it_systemforvaltare]");
        let unnamed = lang.says("person without a name", "en person utan namn");
        assert_contains(&f.message, unnamed);
    });
}

#[test]
fn empty_name_is_a_person_finding() {
    let text = replace_once(baseline(), "name = \"Olof Berg\"", "name = \"  \"");
    let checked = check_plan(&text);
    assert_eq!(checked.rules(), ["roles/person"]);
    assert_at(checked.only("roles/person"), &text, "\"  \"");
}

#[test]
fn one_person_as_system_owner_and_it_system_owner_is_a_conflict() {
    let text = replace_once(
        baseline(),
        "email = \"eva.holm@example.se\"",
        "email = \"Karin.Ek@example.se\"",
    );
    let checked = check_plan(&text);
    let f = checked.sole("roles/conflict", "warning", PLAN);
    assert_at(f, &text, "it_systemagare]");
    assert_contains(&f.message, "`systemagare`");
    assert_contains(&f.message, "`it_systemagare`");
}

#[test]
fn same_name_without_emails_is_a_conflict_but_different_emails_are_not() {
    // Same name, different addresses: two people.
    let text = replace_once(baseline(), "name = \"Eva Holm\"", "name = \"Karin Ek\"");
    check_plan(&text).assert_clean();

    // Same name and no addresses: recognised by name.
    let text = replace_once(&text, "email = \"eva.holm@example.se\"\n", "");
    let text = replace_once(&text, "email = \"karin.ek@example.se\"\n", "");
    let checked = check_plan(&text);
    assert_eq!(checked.rules(), ["roles/conflict"]);
}

#[test]
fn unfilled_placeholders_are_not_one_person_in_two_roles() {
    // What `plan new` writes: empty names and addresses in every role.
    let text = replace_once(
        baseline(),
        "name = \"Karin Ek\"\nemail = \"karin.ek@example.se\"",
        "name = \"\"\nemail = \"\"",
    );
    let text = replace_once(
        &text,
        "name = \"Eva Holm\"\nemail = \"eva.holm@example.se\"",
        "name = \"\"\nemail = \"\"",
    );
    let checked = check_plan(&text);
    assert_eq!(
        checked.rules(),
        ["roles/person"; 4],
        "{:#?}",
        checked.findings
    );
}
