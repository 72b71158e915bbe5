//! Bad inputs and exactly what `plan` says about them: one row per input, with the
//! exit code and the exact message, so any change to a message is a visible change
//! to this table.
//!
//! `plan check --format json` rows list every finding as
//! `file:line:column: rule: message`; rows of commands that fail (exit 2) give the
//! first line of stderr and, for problems in plan.toml or the files it names, where
//! they are (` --> file:line:column`), with the repository's own path as `REPO`.
//! A command that fails must not have written anything.

use crate::support::*;

/// One bad input.
struct Case {
    /// What is wrong.
    name: &'static str,
    /// Makes the repository bad; it starts as [`Repo::new`] (plan.toml, objects/, git).
    setup: fn(&Repo),
    /// The command after `plan --repo DIR --today 2027-03-01 --color never`.
    args: &'static [&'static str],
    code: i32,
    says: &'static [&'static str],
}

const CHECK: &[&str] = &["check", "--format", "json"];

fn plan(repo: &Repo, text: String) {
    repo.write(PLAN, text);
}

/// The baseline with one replacement.
fn with(from: &str, to: &str) -> String {
    replace_once(baseline(), from, to)
}

/// A second object `other` with one system `other` (the baseline's people), and the
/// baseline's system depending on it.
fn two_objects(repo: &Repo, ladok_extra: &str, other_extra: &str) {
    plan(
        repo,
        with(
            "test_environment = true\n",
            &format!("test_environment = true\n{ladok_extra}"),
        ),
    );
    let other = replace_once(&baseline_for("other"), "id = \"ladok\"", "id = \"other\"");
    let other = drop_between(&other, "[[upgrades]]", "[[activities]]");
    let other = replace_once(
        &other,
        "test_environment = true\n",
        &format!("test_environment = true\n{other_extra}"),
    );
    repo.write("objects/other/2027.toml", other);
}

/// Removes the repository's `.git`.
fn no_git(repo: &Repo) {
    std::fs::remove_dir_all(repo.file(".git")).expect("removing .git");
}

const CASES: &[Case] = &[
    // --- plan files: reading them ---------------------------------------------------
    Case {
        name: "unterminated string",
        setup: |r| plan(r, with("name = \"Ladok\"\nyear", "name = \"Ladok\nyear")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:3:14: parse: invalid TOML: invalid basic string, expected `\"`",
        ],
    },
    Case {
        name: "not UTF-8 (Latin-1 ö)",
        setup: |r| {
            let text = with("name = \"Ladok\"\nyear", "name = \"Ladök\"\nyear");
            let at = text.find("ök\"").expect("ö");
            let mut bytes = text.into_bytes();
            bytes.splice(at..at + 2, [0xF6]);
            r.write(PLAN, bytes);
        },
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:3:12: parse: file is not valid UTF-8: byte 0xF6, which is `ö` in Latin-1",
        ],
    },
    Case {
        name: "NUL byte",
        setup: |r| plan(r, with("name = \"Ladok\"\nyear", "name = \"Ladok\"\0\nyear")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:3:15: parse: invalid TOML: unexpected key or value, expected newline, `#` (found the invisible character U+0000 here)",
        ],
    },
    Case {
        name: "a quoted date is one finding, not also a missing date",
        setup: |r| plan(r, with("established_on = 2026-12-01", "established_on = \"2026-12-01\"")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:6:18: schema: `established_on` must be a date, found \"2026-12-01\"",
        ],
    },
    Case {
        name: "30 February",
        setup: |r| plan(r, with("established_on = 2026-12-01", "established_on = 2027-02-30")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:6:18: parse: invalid TOML: invalid date, expected day between 01 and 28",
        ],
    },
    Case {
        name: "a file over 4 MiB",
        setup: |r| plan(r, format!("{}{}", baseline(), "#\n".repeat(2 << 20))),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:1:1: parse: file is larger than 4 MiB, the limit for plan files",
        ],
    },
    Case {
        name: "arrays nested too deep",
        setup: |r| plan(r, format!("deep = {}{}\n{}", "[".repeat(500), "]".repeat(500), baseline())),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:1:88: parse: invalid TOML: tables or arrays nested too deeply",
        ],
    },
    Case {
        name: "a carriage return without a line feed",
        setup: |r| plan(r, with("name = \"Ladok\"\nyear", "name = \"Ladok\"\ryear")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:3:16: parse: invalid TOML: carriage return must be followed by newline, expected newline",
        ],
    },
    Case {
        name: "a byte order mark inside the file",
        setup: |r| plan(r, with("year = 2027\n", "year = 2027\n\u{feff}")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:5:1: parse: invalid TOML: invalid unquoted key, expected letters, numbers, `-`, `_` (found the invisible character U+FEFF here)",
        ],
    },
    Case {
        name: "a non-breaking space before a key",
        setup: |r| plan(r, with("year = 2027\n", "year = 2027\n\u{a0}")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:5:1: parse: invalid TOML: invalid unquoted key, expected letters, numbers, `-`, `_` (found the invisible character U+00A0 here)",
        ],
    },
    Case {
        name: "a table defined twice",
        setup: |r| plan(r, format!("{}\n[budget]\nhours = 1\n", baseline())),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:98:2: parse: invalid TOML: duplicate key `budget`, first defined on line 32",
        ],
    },
    Case {
        name: "key defined twice",
        setup: |r| plan(r, with("year = 2027\n", "year = 2027\nyear = 2028\n")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:5:1: parse: invalid TOML: duplicate key `year`, first defined on line 4",
        ],
    },
    Case {
        name: "empty file",
        setup: |r| r.write(PLAN, ""),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:1:1: roles/missing: required role Systemägare (`systemagare`) is missing",
            "objects/ladok/2027.toml:1:1: roles/missing: required role Systemförvaltare (`systemforvaltare`) is missing",
            "objects/ladok/2027.toml:1:1: roles/missing: required role IT-systemägare (`it_systemagare`) is missing",
            "objects/ladok/2027.toml:1:1: roles/recommended: recommended role IT-systemförvaltare (`it_systemforvaltare`) is missing",
            "objects/ladok/2027.toml:1:1: schema: missing required key `object`",
            "objects/ladok/2027.toml:1:1: schema: missing required key `name`",
            "objects/ladok/2027.toml:1:1: schema: missing required key `year`",
            "objects/ladok/2027.toml:1:1: schema: missing required key `status`",
            "objects/ladok/2027.toml:1:1: schema: missing required key `systems`",
            "objects/ladok/2027.toml:1:1: schema: missing required key `organisation_model`: role model pm3-lu depends on it",
        ],
    },
    Case {
        name: "only a comment",
        setup: |r| r.write(PLAN, "# Förvaltningsplan 2027 för Ladok\n"),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:1:1: roles/missing: required role Systemägare (`systemagare`) is missing",
            "objects/ladok/2027.toml:1:1: roles/missing: required role Systemförvaltare (`systemforvaltare`) is missing",
            "objects/ladok/2027.toml:1:1: roles/missing: required role IT-systemägare (`it_systemagare`) is missing",
            "objects/ladok/2027.toml:1:1: roles/recommended: recommended role IT-systemförvaltare (`it_systemforvaltare`) is missing",
            "objects/ladok/2027.toml:1:1: schema: missing required key `object`",
            "objects/ladok/2027.toml:1:1: schema: missing required key `name`",
            "objects/ladok/2027.toml:1:1: schema: missing required key `year`",
            "objects/ladok/2027.toml:1:1: schema: missing required key `status`",
            "objects/ladok/2027.toml:1:1: schema: missing required key `systems`",
            "objects/ladok/2027.toml:1:1: schema: missing required key `organisation_model`: role model pm3-lu depends on it",
        ],
    },
    // --- plan files: the schema -------------------------------------------------------
    Case {
        name: "unknown key",
        setup: |r| plan(r, with("supplier = ", "supplierr = ")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:39:1: schema: unknown key `systems[0].supplierr`",
        ],
    },
    Case {
        name: "string where an integer belongs",
        setup: |r| plan(r, with("year = 2027", "year = \"2027\"")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:4:8: schema: `year` must be an integer from 1900 to 9999, found \"2027\"",
        ],
    },
    Case {
        name: "unknown status",
        setup: |r| plan(r, with("status = \"established\"", "status = \"klar\"")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:5:10: schema: `status` has unknown value \"klar\"",
        ],
    },
    Case {
        name: "quoted date",
        setup: |r| plan(r, with("date = 2027-04-03", "date = \"2027-04-03\"")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:80:8: schema: `upgrades[0].date` must be a date, found \"2027-04-03\"",
        ],
    },
    // --- plan files: where they are -------------------------------------------------
    Case {
        name: "object differs from its folder",
        setup: |r| plan(r, with("object = \"ladok\"", "object = \"ladok2\"")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:2:10: layout: `object = \"ladok2\"` but the file is in objects/ladok/",
        ],
    },
    Case {
        name: "a folder named like ../x",
        setup: |r| r.write("objects/..x/2027.toml", baseline()),
        args: CHECK,
        code: 1,
        says: &[
            "objects/..x/2027.toml:1:1: layout: object folder `..x` is not a valid id (lowercase a–z, digits and `-`); rename it, e.g. to `x`",
        ],
    },
    Case {
        name: "a symbolic link loop under objects/",
        setup: |r| {
            plan(r, baseline().to_string());
            symlink_dir("..", &r.file("objects/ladok/loop"));
        },
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/loop:1:1: layout: a link back up to objects/: plans are not looked for above objects/",
        ],
    },
    // --- plan files: one row per rule -----------------------------------------------
    Case {
        name: "roles/missing",
        setup: |r| plan(r, with(IT_OWNER, "")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:16:2: roles/missing: required role IT-systemägare (`it_systemagare`) is missing",
            "objects/ladok/2027.toml:45:15: appendix3/wrong-attester: appendix 3 is attested by IT-systemägare (`it_systemagare`), a role nobody holds in this plan; Systemägare (`systemagare`) attests here",
        ],
    },
    Case {
        name: "roles/recommended",
        setup: |r| plan(r, with(IT_MANAGER, "")),
        args: CHECK,
        code: 0,
        says: &[
            "objects/ladok/2027.toml:16:2: roles/recommended: recommended role IT-systemförvaltare (`it_systemforvaltare`) is missing",
        ],
    },
    Case {
        name: "roles/unknown",
        setup: |r| plan(r, with("[roles.it_systemforvaltare]", "[roles.it_systemforvaltar]")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:16:2: roles/recommended: recommended role IT-systemförvaltare (`it_systemforvaltare`) is missing",
            "objects/ladok/2027.toml:28:8: roles/unknown: role model pm3-lu has no role `it_systemforvaltar`",
        ],
    },
    Case {
        name: "roles/person",
        setup: |r| plan(r, with("\"eva.holm@example.se\"", "\"eva.holm@example\"")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:26:9: roles/person: `it_systemagare`: \"eva.holm@example\" is not an e-mail address",
        ],
    },
    Case {
        name: "roles/conflict",
        setup: |r| {
            let text = with("name = \"Eva Holm\"", "name = \"Karin Ek\"");
            plan(r, replace_once(&text, "\"eva.holm@example.se\"", "\"karin.ek@example.se\""));
        },
        args: CHECK,
        code: 0,
        says: &[
            "objects/ladok/2027.toml:24:8: roles/conflict: Karin Ek holds both Systemägare (`systemagare`) and IT-systemägare (`it_systemagare`)",
        ],
    },
    Case {
        name: "appendix3/missing",
        setup: |r| plan(r, drop_between(baseline(), "[systems.appendix3]", "[[upgrades]]")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:37:6: appendix3/missing: system `ladok` has no appendix 3",
        ],
    },
    Case {
        name: "appendix3/unanswered",
        setup: |r| plan(r, drop_line(baseline(), "mfa = ")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:51:10: appendix3/stale: the answers of `ladok` changed after they were attested",
            "objects/ladok/2027.toml:55:20: appendix3/unanswered: system `ladok`: 1 of 20 questions unanswered: mfa",
        ],
    },
    Case {
        name: "appendix3/unknown-question",
        setup: |r| plan(r, with("mfa = \"yes\"", "mfaa = \"yes\"")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:51:10: appendix3/stale: the answers of `ladok` changed after they were attested",
            "objects/ladok/2027.toml:55:20: appendix3/unanswered: system `ladok`: 1 of 20 questions unanswered: mfa",
            "objects/ladok/2027.toml:64:1: appendix3/unknown-question: checklist infosak-kd has no question `mfaa`",
        ],
    },
    Case {
        name: "appendix3/deviation-incomplete",
        setup: |r| plan(r, with("mfa = \"yes\"", "mfa = { answer = \"no\", deviation = \"MFA saknas\" }")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:51:10: appendix3/stale: the answers of `ladok` changed after they were attested",
            "objects/ladok/2027.toml:64:7: appendix3/deviation-incomplete: `mfa` is answered \"no\" but the deviation lacks action, owner and due",
            "objects/ladok/2027.toml:64:7: appendix3/not-reported: deviation `mfa` is not reported to Systemförvaltare (`systemforvaltare`) and IT-systemägare (`it_systemagare`)",
        ],
    },
    Case {
        name: "appendix3/not-reported",
        setup: |r| {
            plan(r, deviation("2027-09-30", "\"systemforvaltare\""));
            attest(r);
        },
        args: CHECK,
        code: 0,
        says: &[
            "objects/ladok/2027.toml:64:7: appendix3/not-reported: deviation `mfa` is not reported to IT-systemägare (`it_systemagare`)",
        ],
    },
    Case {
        name: "appendix3/deviation-role",
        setup: |r| plan(r, deviation("2027-09-30", "\"systemforvaltare\", \"it-systemagare\"")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:51:10: appendix3/stale: the answers of `ladok` changed after they were attested",
            "objects/ladok/2027.toml:64:7: appendix3/not-reported: deviation `mfa` is not reported to IT-systemägare (`it_systemagare`)",
            "objects/ladok/2027.toml:64:178: appendix3/deviation-role: deviation `mfa`: reported_to names `it-systemagare`, which is not a role of role model pm3-lu",
        ],
    },
    Case {
        name: "appendix3/na-unjustified",
        setup: |r| plan(r, with("mfa = \"yes\"", "mfa = \"na\"")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:51:10: appendix3/stale: the answers of `ladok` changed after they were attested",
            "objects/ladok/2027.toml:64:7: appendix3/na-unjustified: `mfa` is answered \"na\" without a justification",
        ],
    },
    Case {
        name: "appendix3/not-attested",
        setup: |r| plan(r, unattested().to_string()),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:49:10: appendix3/not-attested: appendix 3 of `ladok` is not attested",
        ],
    },
    Case {
        name: "appendix3/wrong-attester",
        setup: |r| plan(r, with("attested_by = \"it_systemagare\"", "attested_by = \"systemagare\"")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:49:15: appendix3/wrong-attester: appendix 3 is attested by Systemägare (`systemagare`), but IT-systemägare (`it_systemagare`) attests under this role model",
        ],
    },
    Case {
        name: "appendix3/stale",
        setup: |r| {
            let justified = "backup = { answer = \"na\", justification = \"Inga lokala data\" }";
            plan(r, with("backup = \"yes\"", justified));
        },
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:51:10: appendix3/stale: the answers of `ladok` changed after they were attested",
        ],
    },
    Case {
        name: "appendix3/overdue",
        setup: |r| {
            plan(r, deviation("2027-01-31", "\"systemforvaltare\", \"it_systemagare\""));
            attest(r);
        },
        args: CHECK,
        code: 0,
        says: &[
            "objects/ladok/2027.toml:64:131: appendix3/overdue: deviation `mfa` was due 2027-01-31",
        ],
    },
    Case {
        name: "deps/unknown",
        setup: |r| plan(r, with("test_environment = true\n", "test_environment = true\ndepends_on = [\"lucat\"]\n")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:47:15: deps/unknown: `ladok` depends on `lucat`, but no object `lucat` has a plan for 2027",
        ],
    },
    Case {
        name: "deps/cycle",
        setup: |r| two_objects(r, "depends_on = [\"other\"]\n", "depends_on = [\"ladok\"]\n"),
        args: CHECK,
        code: 0,
        says: &[
            "objects/ladok/2027.toml:47:15: deps/cycle: dependency cycle: ladok → other → ladok",
        ],
    },
    Case {
        name: "deps/retired",
        setup: |r| {
            two_objects(r, "depends_on = [\"other\"]\n", "");
            let other = r.read("objects/other/2027.toml");
            let retired = replace_once(&other, "lifecycle = \"active\"", "lifecycle = \"retired\"");
            r.write("objects/other/2027.toml", retired);
        },
        args: CHECK,
        code: 0,
        says: &[
            "objects/ladok/2027.toml:47:15: deps/retired: `ladok` depends on `other`, whose systems are all retired",
        ],
    },
    Case {
        name: "integration/contract",
        setup: |r| {
            two_objects(
                r,
                "\n[[systems.integrations]]\nsource = \"other\"\ndata = \"namn\"\npersonal_data = true\n",
                "",
            )
        },
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:48:1: integration/contract: integration `ladok` ← `other` has no information contract",
            "objects/ladok/2027.toml:48:1: integration/contract: integration `ladok` ← `other` carries personal data without a legal basis",
            "objects/ladok/2027.toml:48:1: integration/contract: integration `ladok` ← `other` carries personal data without a purpose",
        ],
    },
    Case {
        name: "upgrade/unknown-system",
        setup: |r| plan(r, with("system = \"ladok\"", "system = \"ladokk\"")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:78:10: upgrade/unknown-system: this plan has no system `ladokk`",
        ],
    },
    Case {
        name: "upgrade/outside-year",
        setup: |r| plan(r, with("date = 2027-04-03", "date = 2028-04-01")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:80:8: upgrade/outside-year: upgrade of `ladok` on 2028-04-01 is outside the plan year 2027",
        ],
    },
    Case {
        name: "upgrade/service-window",
        setup: |r| plan(r, with("date = 2027-04-03", "date = 2027-04-07")),
        args: CHECK,
        code: 0,
        says: &[
            "objects/ladok/2027.toml:80:8: upgrade/service-window: major upgrade of `ladok` on 2027-04-07 (Wednesday) is not in a service window",
        ],
    },
    Case {
        name: "upgrade/cab",
        setup: |r| plan(r, with("cab = { status = \"approved\", ref = \"CHG0040212\" }", "cab = { status = \"not-required\" }")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:82:18: upgrade/cab: major upgrade of `ladok` has no CAB request or approval",
        ],
    },
    Case {
        name: "upgrade/announce",
        setup: |r| plan(r, with("announced_on = 2027-03-20", "announced_on = 2027-03-30")),
        args: CHECK,
        code: 0,
        says: &[
            "objects/ladok/2027.toml:83:16: upgrade/announce: upgrade of `ladok` is announced 4 days ahead; at least 7 are required",
        ],
    },
    Case {
        name: "upgrade/untested",
        setup: |r| plan(r, with("tested = true", "tested = false")),
        args: CHECK,
        code: 0,
        says: &[
            "objects/ladok/2027.toml:84:10: upgrade/untested: major upgrade of `ladok` is not tested in the test environment",
        ],
    },
    Case {
        name: "upgrade/clash",
        setup: |r| {
            let upgrade = "\n[[upgrades]]\nsystem = \"other\"\nto_version = \"3\"\ndate = 2027-04-03\nkind = \"patch\"\nannounced_on = 2027-03-01\n";
            two_objects(r, "depends_on = [\"other\"]\n", "");
            let other = r.read("objects/other/2027.toml");
            r.write("objects/other/2027.toml", other + upgrade);
        },
        args: CHECK,
        code: 0,
        says: &[
            "objects/ladok/2027.toml:81:8: upgrade/clash: `ladok` is upgraded on 2027-04-03 together with `other/other`, which it depends on",
        ],
    },
    Case {
        name: "activity/owner",
        setup: |r| plan(r, with_owner_error(baseline())),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:91:9: activity/owner: activity A1: owner `rektor` is not a role held in this plan",
        ],
    },
    Case {
        name: "activity/dates",
        setup: |r| plan(r, with("start = 2027-02-01", "start = 2027-06-01")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:93:7: activity/dates: activity A1 ends 2027-05-31 before it starts 2027-06-01",
        ],
    },
    Case {
        name: "activity/overdue",
        setup: |r| plan(r, with("end = 2027-05-31", "end = 2027-02-15")),
        args: CHECK,
        code: 0,
        says: &[
            "objects/ladok/2027.toml:93:7: activity/overdue: activity A1 was to end 2027-02-15 and is still ongoing",
        ],
    },
    Case {
        name: "budget/exceeded",
        setup: |r| plan(r, with("hours = 80", "hours = 150")),
        args: CHECK,
        code: 0,
        says: &[
            "objects/ladok/2027.toml:33:9: budget/exceeded: activities plan 150 hours; the budget is 100",
        ],
    },
    Case {
        name: "plan/established-incomplete",
        setup: |r| plan(r, drop_line(baseline(), "established_on = ")),
        args: CHECK,
        code: 1,
        says: &[
            "objects/ladok/2027.toml:5:10: plan/established-incomplete: status is \"established\" but established_on is missing",
        ],
    },
    Case {
        name: "contract/expiring",
        setup: |r| plan(r, with("ends = 2029-06-30, notice_months = 3", "ends = 2027-09-30")),
        args: CHECK,
        code: 0,
        says: &[
            "objects/ladok/2027.toml:45:40: contract/expiring: the contract for `ladok` ends 2027-09-30",
        ],
    },
    // --- plan.toml --------------------------------------------------------------------
    Case {
        name: "plan.toml: unknown key",
        setup: |r| r.write("plan.toml", format!("{PLAN_TOML}organization = \"typo\"\n")),
        args: CHECK,
        code: 2,
        says: &[
            "error[schema]: unknown key `organization`",
            "--> plan.toml:4:1",
        ],
    },
    Case {
        name: "plan.toml: unknown role model",
        setup: |r| r.write("plan.toml", PLAN_TOML.replace("\"pm3-lu\"", "\"pm3\"")),
        args: CHECK,
        code: 2,
        says: &[
            "error[schema]: unknown role model \"pm3\"",
            "--> plan.toml:2:14",
        ],
    },
    Case {
        name: "plan.toml: unknown rule in [rules]",
        setup: |r| r.write("plan.toml", format!("{PLAN_TOML}[rules]\n\"roles/missin\" = \"off\"\n")),
        args: CHECK,
        code: 2,
        says: &[
            "error[schema]: unknown rule `roles/missin` in [rules]",
            "--> plan.toml:5:1",
        ],
    },
    Case {
        name: "plan.toml: bad severity",
        setup: |r| r.write("plan.toml", format!("{PLAN_TOML}[rules]\n\"roles/missing\" = \"fatal\"\n")),
        args: CHECK,
        code: 2,
        says: &[
            "error[schema]: `rules.roles/missing` has unknown value \"fatal\"",
            "--> plan.toml:5:19",
        ],
    },
    Case {
        name: "plan.toml: no organisation",
        setup: |r| r.write("plan.toml", drop_line(PLAN_TOML, "organisation = ")),
        args: CHECK,
        code: 2,
        says: &[
            "error[schema]: missing required key `organisation`",
            "--> plan.toml:1:1",
        ],
    },
    Case {
        name: "plan.toml: no role_model",
        setup: |r| r.write("plan.toml", drop_line(PLAN_TOML, "role_model = ")),
        args: CHECK,
        code: 2,
        says: &[
            "error[schema]: missing required key `role_model`",
            "--> plan.toml:1:1",
        ],
    },
    Case {
        name: "plan.toml: invalid TOML",
        setup: |r| r.write("plan.toml", PLAN_TOML.replace("\"pm3-lu\"", "pm3-lu")),
        args: CHECK,
        code: 2,
        says: &[
            "error[parse]: invalid TOML: string values must be quoted, expected literal string",
            "--> plan.toml:2:14",
        ],
    },
    Case {
        name: "plan.toml: a non-breaking space",
        setup: |r| r.write("plan.toml", PLAN_TOML.replace("\nrole_model", "\n\u{a0}role_model")),
        args: CHECK,
        code: 2,
        says: &[
            "error[parse]: invalid TOML: invalid unquoted key, expected letters, numbers, `-`, `_` (found the invisible character U+00A0 here)",
            "--> plan.toml:2:1",
        ],
    },
    Case {
        name: "plan.toml: role model file missing",
        setup: |r| r.write("plan.toml", PLAN_TOML.replace("\"pm3-lu\"", "\"schema/roles/egen.toml\"")),
        args: CHECK,
        code: 2,
        says: &[
            "error[schema]: role model file `schema/roles/egen.toml` not found in the repository",
            "--> plan.toml:2:14",
        ],
    },
    Case {
        name: "plan.toml: role model file broken",
        setup: |r| {
            r.write("plan.toml", PLAN_TOML.replace("\"pm3-lu\"", "\"schema/roles/egen.toml\""));
            r.write("schema/roles/egen.toml", "id = \"egen\"\n\n[[roles]]\nid = \"agare\nname = \"Ägare\"\n");
        },
        args: CHECK,
        code: 2,
        says: &[
            "error[schema]: invalid role model: invalid basic string, expected `\"`",
            "--> schema/roles/egen.toml:4:12",
        ],
    },
    Case {
        name: "no plan.toml",
        setup: |r| std::fs::remove_file(r.file("plan.toml")).expect("plan.toml"),
        args: CHECK,
        code: 2,
        says: &[
            "error: REPO is not a plan repository: it has no plan.toml (create one with `plan init`)",
        ],
    },
    // --- the command line -------------------------------------------------------------
    Case {
        name: "--today not a date",
        setup: |_| {},
        args: &["check", "--today", "2027-02-30"],
        code: 2,
        says: &[
            "error: invalid value '2027-02-30' for '--today <YYYY-MM-DD>': `2027-02-30` is not a date like 2027-04-01",
        ],
    },
    Case {
        name: "--year not a year",
        setup: |_| {},
        args: &["check", "--year", "27"],
        code: 2,
        says: &[
            "error: invalid value '27' for '--year <YEAR>': `27` is not a year like 2027",
        ],
    },
    Case {
        name: "unknown format",
        setup: |_| {},
        args: &["check", "--format", "xml"],
        code: 2,
        says: &[
            "error: invalid value 'xml' for '--format <FORMAT>'",
        ],
    },
    Case {
        name: "--rev outside git",
        setup: no_git,
        args: &["check", "--rev", "HEAD"],
        code: 2,
        says: &[
            "error: REPO is not in a git repository (could not find repository at 'REPO')",
        ],
    },
    Case {
        name: "--rev that does not exist",
        setup: |r| {
            plan(r, baseline().to_string());
            r.commit_all("plan");
        },
        args: &["check", "--rev", "nosuch"],
        code: 2,
        says: &[
            "error: unknown revision `nosuch`: revspec 'nosuch' not found",
        ],
    },
    Case {
        name: "check of a path that does not exist",
        setup: |_| {},
        args: &["check", "objects/ladokk"],
        code: 2,
        says: &[
            "error: objects/ladokk: no such file or folder",
        ],
    },
    Case {
        name: "check of a path outside the repository",
        setup: |_| {},
        args: &["check", ".."],
        code: 2,
        says: &[
            "error: .. is outside the plan repository REPO",
        ],
    },
    Case {
        name: "attest a missing file",
        setup: |_| {},
        args: &["attest", "ladok", "--year", "2027"],
        code: 2,
        says: &[
            "error: no object `ladok`: there is no objects/ladok/<year>.toml; the repository has no plans yet",
        ],
    },
    Case {
        name: "attest a year the object has no plan of",
        setup: |r| plan(r, baseline().to_string()),
        args: &["attest", "ladok", "--year", "2026"],
        code: 2,
        says: &[
            "error: objects/ladok/2026.toml does not exist",
        ],
    },
    Case {
        name: "attest a missing system",
        setup: |r| plan(r, baseline().to_string()),
        args: &["attest", "ladok", "--system", "canvas", "--year", "2027"],
        code: 2,
        says: &[
            "error: objects/ladok/2027.toml has no system `canvas` (systems: ladok)",
        ],
    },
    Case {
        name: "attest a plan without systems",
        setup: |r| r.write(PLAN, "object = \"ladok\"\nyear = 2027\n"),
        args: &["attest", "ladok", "--year", "2027"],
        code: 2,
        says: &[
            "error: objects/ladok/2027.toml has no [[systems]]: there is no appendix 3 to attest",
        ],
    },
    Case {
        name: "attest a file that is not TOML",
        setup: |r| plan(r, with("name = \"Ladok\"\nyear", "name = \"Ladok\nyear")),
        args: &["attest", "ladok", "--year", "2027"],
        code: 2,
        says: &[
            "error: objects/ladok/2027.toml is not valid TOML; run `plan check objects/ladok/2027.toml`",
        ],
    },
    Case {
        name: "new with an invalid object id",
        setup: |_| {},
        args: &["new", "Ladok 2", "--year", "2027", "--name", "Ladok"],
        code: 2,
        says: &[
            "error: `Ladok 2` is not a valid object id (lowercase a–z, digits and `-`); try `ladok-2`",
        ],
    },
    Case {
        name: "new over an existing plan",
        setup: |r| plan(r, baseline().to_string()),
        args: &["new", "ladok", "--year", "2027", "--name", "Ladok"],
        code: 2,
        says: &[
            "error: REPO/objects/ladok/2027.toml already exists; not overwriting it",
        ],
    },
    Case {
        name: "init in an existing plan repository",
        setup: |_| {},
        args: &["init", "."],
        code: 2,
        says: &[
            "error: ./plan.toml already exists: this is a plan repository already",
        ],
    },
    Case {
        name: "rule that does not exist",
        setup: |_| {},
        args: &["rule", "nope"],
        code: 2,
        says: &[
            "error: no rule `nope` (`plan rule` lists them)",
        ],
    },
    Case {
        name: "report of an unknown kind",
        setup: |_| {},
        args: &["report", "budget"],
        code: 2,
        says: &[
            "error: invalid value 'budget' for '<KIND>'",
        ],
    },
];

fn attest(repo: &Repo) {
    let run = repo.plan(&["attest", "ladok", "--system", "ladok", "--year", "2027"]);
    assert_eq!(run.code, 0, "attest failed: {run:?}");
}

#[cfg(unix)]
fn symlink_dir(target: &str, link: &std::path::Path) {
    std::os::unix::fs::symlink(target, link).expect("a symbolic link");
}

#[cfg(not(unix))]
fn symlink_dir(_target: &str, _link: &std::path::Path) {}

/// What a run says: every finding of a JSON check; else the first line of stderr and
/// where it points (the ` --> file:line:column` lines), the repository's own path
/// written as `REPO`.
fn says(repo: &Repo, args: &[&str], run: Run) -> Vec<String> {
    if args.starts_with(CHECK) && (run.code == 0 || run.code == 1) {
        return parse_check(run)
            .findings
            .iter()
            .map(|f| {
                format!(
                    "{}:{}:{}: {}: {}",
                    f.file, f.line, f.column, f.rule, f.message
                )
            })
            .collect();
    }
    let root = repo.path().to_str().expect("a UTF-8 path");
    let stderr = run.stderr.replace(root, "REPO");
    let mut lines = stderr.lines();
    let first = lines.next().unwrap_or_default().to_string();
    std::iter::once(first)
        .chain(
            lines
                .filter(|l| l.trim_start().starts_with("--> "))
                .map(|l| l.trim_start().to_string()),
        )
        .collect()
}

#[test]
fn every_bad_input_gives_its_exact_message_and_exit_code() {
    assert!(CASES.len() >= 40, "the table has {} rows", CASES.len());
    let mut wrong = Vec::new();
    for case in CASES {
        if cfg!(not(unix)) && case.name.contains("symbolic link") {
            continue;
        }
        let repo = Repo::new();
        (case.setup)(&repo);
        let before = snapshot(repo.path());
        let run = repo.plan(case.args);
        assert!(
            !run.stderr.contains("panicked"),
            "{}: {}",
            case.name,
            run.stderr
        );
        let code = run.code;
        let got = says(&repo, case.args, run);
        if code != case.code || got != case.says {
            wrong.push(format!(
                "{}: exit {code} (table: {}), says:\n        says: &{got:#?},",
                case.name, case.code
            ));
        }
        if code == 2 {
            assert_eq!(
                snapshot(repo.path()),
                before,
                "{}: a failed command wrote",
                case.name
            );
        }
    }
    assert!(
        wrong.is_empty(),
        "{} rows differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
