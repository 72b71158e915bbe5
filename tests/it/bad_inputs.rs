//! Bad inputs and exactly what `plan` says about them: one row per input, with the
//! exit code and the exact message in English and in Swedish (each row runs in both,
//! `PLAN_LANG`), so any change to a message, in either catalogue, is a visible change
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
    /// What it says in English.
    en: &'static [&'static str],
    /// What it says in Swedish.
    sv: &'static [&'static str],
}

const CHECK: &[&str] = &["check", "--format", "json"];

/// `plan check --format json` on a repository `setup` made: exit `code` (0 or 1)
/// and these findings, in English and in Swedish.
const fn check(
    name: &'static str,
    setup: fn(&Repo),
    code: i32,
    en: &'static [&'static str],
    sv: &'static [&'static str],
) -> Case {
    Case {
        name,
        setup,
        args: CHECK,
        code,
        en,
        sv,
    }
}

/// A command that fails (exit 2) on a repository `setup` made, and what it says in
/// English and in Swedish.
const fn fails(
    name: &'static str,
    setup: fn(&Repo),
    args: &'static [&'static str],
    en: &'static [&'static str],
    sv: &'static [&'static str],
) -> Case {
    Case {
        name,
        setup,
        args,
        code: 2,
        en,
        sv,
    }
}

/// What a plan with nothing in it lacks (an empty file, or only a comment): every
/// required key and role, each found at the start of the file.
const NOTHING_IN_IT: &[&str] = &[
    "objects/ladok/2027.toml:1:1: roles/missing: required role systemägare (`systemagare`) is missing",
    "objects/ladok/2027.toml:1:1: roles/missing: required role systemförvaltare (`systemforvaltare`) is missing",
    "objects/ladok/2027.toml:1:1: roles/missing: required role IT-systemägare (`it_systemagare`) is missing",
    "objects/ladok/2027.toml:1:1: roles/recommended: recommended role IT-systemförvaltare (`it_systemforvaltare`) is missing",
    "objects/ladok/2027.toml:1:1: schema: missing required key `object`",
    "objects/ladok/2027.toml:1:1: schema: missing required key `name`",
    "objects/ladok/2027.toml:1:1: schema: missing required key `year`",
    "objects/ladok/2027.toml:1:1: schema: missing required key `status`",
    "objects/ladok/2027.toml:1:1: schema: missing required key `systems`",
    "objects/ladok/2027.toml:1:1: schema: missing required key `organisation_model`: role model pm3-lu depends on it",
];

/// [`NOTHING_IN_IT`] in Swedish.
const NOTHING_IN_IT_SV: &[&str] = &[
    "objects/ladok/2027.toml:1:1: roles/missing: rollen systemägare (`systemagare`) krävs men saknas",
    "objects/ladok/2027.toml:1:1: roles/missing: rollen systemförvaltare (`systemforvaltare`) krävs men saknas",
    "objects/ladok/2027.toml:1:1: roles/missing: rollen IT-systemägare (`it_systemagare`) krävs men saknas",
    "objects/ladok/2027.toml:1:1: roles/recommended: rollen IT-systemförvaltare (`it_systemforvaltare`) rekommenderas men saknas",
    "objects/ladok/2027.toml:1:1: schema: nyckeln `object` krävs men saknas",
    "objects/ladok/2027.toml:1:1: schema: nyckeln `name` krävs men saknas",
    "objects/ladok/2027.toml:1:1: schema: nyckeln `year` krävs men saknas",
    "objects/ladok/2027.toml:1:1: schema: nyckeln `status` krävs men saknas",
    "objects/ladok/2027.toml:1:1: schema: nyckeln `systems` krävs men saknas",
    "objects/ladok/2027.toml:1:1: schema: nyckeln `organisation_model` saknas: rollmodellen pm3-lu bygger på den",
];

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

/// The baseline plan, as it is.
fn the_baseline(repo: &Repo) {
    plan(repo, baseline().to_string());
}

/// Removes the repository's `.git`.
fn no_git(repo: &Repo) {
    std::fs::remove_dir_all(repo.file(".git")).expect("removing .git");
}

const CASES: &[Case] = &[
    // --- plan files: reading them ---------------------------------------------------
    check(
        "unterminated string",
        |r| plan(r, with("name = \"Ladok\"\nyear", "name = \"Ladok\nyear")),
        1,
        &[
            "objects/ladok/2027.toml:3:14: parse: invalid TOML: invalid basic string, expected `\"`",
        ],
        &[
            "objects/ladok/2027.toml:3:14: parse: ogiltig TOML: invalid basic string, expected `\"`",
        ],
    ),
    check(
        "not UTF-8 (Latin-1 ö)",
        |r| {
            let text = with("name = \"Ladok\"\nyear", "name = \"Ladök\"\nyear");
            let at = text.find("ök\"").expect("ö");
            let mut bytes = text.into_bytes();
            bytes.splice(at..at + 2, [0xF6]);
            r.write(PLAN, bytes);
        },
        1,
        &[
            "objects/ladok/2027.toml:3:12: parse: file is not valid UTF-8: byte 0xF6, which is `ö` in Latin-1",
        ],
        &[
            "objects/ladok/2027.toml:3:12: parse: filen är inte giltig UTF-8: byte 0xF6, som är `ö` i Latin-1",
        ],
    ),
    check(
        "NUL byte",
        |r| plan(r, with("name = \"Ladok\"\nyear", "name = \"Ladok\"\0\nyear")),
        1,
        &[
            "objects/ladok/2027.toml:3:15: parse: invalid TOML: unexpected key or value, expected newline, `#` (found the invisible character U+0000 here)",
        ],
        &[
            "objects/ladok/2027.toml:3:15: parse: ogiltig TOML: unexpected key or value, expected newline, `#` (här står det osynliga tecknet U+0000)",
        ],
    ),
    check(
        "a quoted date is one finding, not also a missing date",
        |r| plan(r, with("established_on = 2026-12-01", "established_on = \"2026-12-01\"")),
        1,
        &[
            "objects/ladok/2027.toml:6:18: schema: `established_on` must be a date, found \"2026-12-01\"",
        ],
        &[
            "objects/ladok/2027.toml:6:18: schema: `established_on` ska vara ett datum, men är \"2026-12-01\"",
        ],
    ),
    check(
        "30 February",
        |r| plan(r, with("established_on = 2026-12-01", "established_on = 2027-02-30")),
        1,
        &[
            "objects/ladok/2027.toml:6:18: parse: invalid TOML: invalid date, expected day between 01 and 28",
        ],
        &[
            "objects/ladok/2027.toml:6:18: parse: ogiltig TOML: invalid date, expected day between 01 and 28",
        ],
    ),
    check(
        "a file over 4 MiB",
        |r| plan(r, format!("{}{}", baseline(), "#\n".repeat(2 << 20))),
        1,
        &[
            "objects/ladok/2027.toml:1:1: parse: file is larger than 4 MiB, the limit for plan files",
        ],
        &[
            "objects/ladok/2027.toml:1:1: parse: filen är större än 4 MiB, som är gränsen för planfiler",
        ],
    ),
    check(
        "arrays nested too deep",
        |r| plan(r, format!("deep = {}{}\n{}", "[".repeat(500), "]".repeat(500), baseline())),
        1,
        &[
            "objects/ladok/2027.toml:1:88: parse: invalid TOML: tables or arrays nested too deeply",
        ],
        &[
            "objects/ladok/2027.toml:1:88: parse: ogiltig TOML: tabeller eller listor i för många nivåer",
        ],
    ),
    check(
        "a carriage return without a line feed",
        |r| plan(r, with("name = \"Ladok\"\nyear", "name = \"Ladok\"\ryear")),
        1,
        &[
            "objects/ladok/2027.toml:3:16: parse: invalid TOML: carriage return must be followed by newline, expected newline",
        ],
        &[
            "objects/ladok/2027.toml:3:16: parse: ogiltig TOML: carriage return must be followed by newline, expected newline",
        ],
    ),
    check(
        "a byte order mark inside the file",
        |r| plan(r, with("year = 2027\n", "year = 2027\n\u{feff}")),
        1,
        &[
            "objects/ladok/2027.toml:5:1: parse: invalid TOML: invalid unquoted key, expected letters, numbers, `-`, `_` (found the invisible character U+FEFF here)",
        ],
        &[
            "objects/ladok/2027.toml:5:1: parse: ogiltig TOML: invalid unquoted key, expected letters, numbers, `-`, `_` (här står det osynliga tecknet U+FEFF)",
        ],
    ),
    check(
        "a non-breaking space before a key",
        |r| plan(r, with("year = 2027\n", "year = 2027\n\u{a0}")),
        1,
        &[
            "objects/ladok/2027.toml:5:1: parse: invalid TOML: invalid unquoted key, expected letters, numbers, `-`, `_` (found the invisible character U+00A0 here)",
        ],
        &[
            "objects/ladok/2027.toml:5:1: parse: ogiltig TOML: invalid unquoted key, expected letters, numbers, `-`, `_` (här står det osynliga tecknet U+00A0)",
        ],
    ),
    check(
        "a table defined twice",
        |r| plan(r, format!("{}\n[budget]\nhours = 1\n", baseline())),
        1,
        &[
            "objects/ladok/2027.toml:98:2: parse: invalid TOML: duplicate key `budget`, first defined on line 32",
        ],
        &[
            "objects/ladok/2027.toml:98:2: parse: ogiltig TOML: duplicate key `budget`, först definierad på rad 32",
        ],
    ),
    check(
        "key defined twice",
        |r| plan(r, with("year = 2027\n", "year = 2027\nyear = 2028\n")),
        1,
        &[
            "objects/ladok/2027.toml:5:1: parse: invalid TOML: duplicate key `year`, first defined on line 4",
        ],
        &[
            "objects/ladok/2027.toml:5:1: parse: ogiltig TOML: duplicate key `year`, först definierad på rad 4",
        ],
    ),
    check(
        "empty file",
        |r| r.write(PLAN, ""),
        1,
        NOTHING_IN_IT,
        NOTHING_IN_IT_SV,
    ),
    check(
        "only a comment",
        |r| r.write(PLAN, "# Förvaltningsplan 2027 för Ladok\n"),
        1,
        NOTHING_IN_IT,
        NOTHING_IN_IT_SV,
    ),
    // --- plan files: the schema -------------------------------------------------------
    check(
        "unknown key",
        |r| plan(r, with("supplier = ", "supplierr = ")),
        1,
        &[
            "objects/ladok/2027.toml:39:1: schema: unknown key `systems[0].supplierr`",
        ],
        &[
            "objects/ladok/2027.toml:39:1: schema: okänd nyckel `systems[0].supplierr`",
        ],
    ),
    check(
        "string where an integer belongs",
        |r| plan(r, with("year = 2027", "year = \"2027\"")),
        1,
        &[
            "objects/ladok/2027.toml:4:8: schema: `year` must be an integer from 1900 to 9999, found \"2027\"",
        ],
        &[
            "objects/ladok/2027.toml:4:8: schema: `year` ska vara ett heltal från 1900 till 9999, men är \"2027\"",
        ],
    ),
    check(
        "unknown status",
        |r| plan(r, with("status = \"established\"", "status = \"klar\"")),
        1,
        &[
            "objects/ladok/2027.toml:5:10: schema: `status` has unknown value \"klar\"",
        ],
        &[
            "objects/ladok/2027.toml:5:10: schema: `status` har det okända värdet \"klar\"",
        ],
    ),
    check(
        "quoted date",
        |r| plan(r, with("date = 2027-04-03", "date = \"2027-04-03\"")),
        1,
        &[
            "objects/ladok/2027.toml:80:8: schema: `upgrades[0].date` must be a date, found \"2027-04-03\"",
        ],
        &[
            "objects/ladok/2027.toml:80:8: schema: `upgrades[0].date` ska vara ett datum, men är \"2027-04-03\"",
        ],
    ),
    // --- plan files: where they are -------------------------------------------------
    check(
        "object differs from its folder",
        |r| plan(r, with("object = \"ladok\"", "object = \"ladok2\"")),
        1,
        &[
            "objects/ladok/2027.toml:2:10: layout: `object = \"ladok2\"` but the file is in objects/ladok/",
        ],
        &[
            "objects/ladok/2027.toml:2:10: layout: `object = \"ladok2\"` men filen ligger i objects/ladok/",
        ],
    ),
    check(
        "a folder named like ../x",
        |r| r.write("objects/..x/2027.toml", baseline()),
        1,
        &[
            "objects/..x/2027.toml:1:1: layout: object folder `..x` is not a valid id (lowercase a–z, digits and `-`); rename it, e.g. to `x`",
        ],
        &[
            "objects/..x/2027.toml:1:1: layout: mappen `..x` är inget giltigt id för ett förvaltningsobjekt (gemena a–z, siffror och `-`); byt namn, t.ex. till `x`",
        ],
    ),
    check(
        "a symbolic link loop under objects/",
        |r| {
            the_baseline(r);
            symlink_dir("..", &r.file("objects/ladok/loop"));
        },
        1,
        &[
            "objects/ladok/loop:1:1: layout: a link back up to objects/: plans are not looked for above objects/",
        ],
        &[
            "objects/ladok/loop:1:1: layout: en länk tillbaka upp till objects/: planer söks inte ovanför objects/",
        ],
    ),
    // --- plan files: one row per rule -----------------------------------------------
    check(
        "roles/missing",
        |r| plan(r, with(IT_OWNER, "")),
        1,
        &[
            "objects/ladok/2027.toml:16:2: roles/missing: required role IT-systemägare (`it_systemagare`) is missing",
            "objects/ladok/2027.toml:45:15: appendix3/wrong-attester: bilaga 3 is attested by IT-systemägare (`it_systemagare`), a role nobody holds in this plan; systemägare (`systemagare`) attests here",
        ],
        &[
            "objects/ladok/2027.toml:16:2: roles/missing: rollen IT-systemägare (`it_systemagare`) krävs men saknas",
            "objects/ladok/2027.toml:45:15: appendix3/wrong-attester: bilaga 3 är intygad av IT-systemägare (`it_systemagare`), en roll som ingen har i planen; här är det systemägare (`systemagare`) som intygar",
        ],
    ),
    check(
        "roles/recommended",
        |r| plan(r, with(IT_MANAGER, "")),
        0,
        &[
            "objects/ladok/2027.toml:16:2: roles/recommended: recommended role IT-systemförvaltare (`it_systemforvaltare`) is missing",
        ],
        &[
            "objects/ladok/2027.toml:16:2: roles/recommended: rollen IT-systemförvaltare (`it_systemforvaltare`) rekommenderas men saknas",
        ],
    ),
    check(
        "roles/unknown",
        |r| plan(r, with("[roles.it_systemforvaltare]", "[roles.it_systemforvaltar]")),
        1,
        &[
            "objects/ladok/2027.toml:16:2: roles/recommended: recommended role IT-systemförvaltare (`it_systemforvaltare`) is missing",
            "objects/ladok/2027.toml:28:8: roles/unknown: role model pm3-lu has no role `it_systemforvaltar`",
        ],
        &[
            "objects/ladok/2027.toml:16:2: roles/recommended: rollen IT-systemförvaltare (`it_systemforvaltare`) rekommenderas men saknas",
            "objects/ladok/2027.toml:28:8: roles/unknown: rollmodellen pm3-lu har ingen roll `it_systemforvaltar`",
        ],
    ),
    check(
        "roles/person",
        |r| plan(r, with("\"eva.holm@example.se\"", "\"eva.holm@example\"")),
        1,
        &[
            "objects/ladok/2027.toml:26:9: roles/person: `it_systemagare`: \"eva.holm@example\" is not an e-mail address",
        ],
        &[
            "objects/ladok/2027.toml:26:9: roles/person: `it_systemagare`: \"eva.holm@example\" är ingen e-postadress",
        ],
    ),
    check(
        "roles/conflict",
        |r| {
            let text = with("name = \"Eva Holm\"", "name = \"Karin Ek\"");
            plan(r, replace_once(&text, "\"eva.holm@example.se\"", "\"karin.ek@example.se\""));
        },
        0,
        &[
            "objects/ladok/2027.toml:24:8: roles/conflict: Karin Ek holds both systemägare (`systemagare`) and IT-systemägare (`it_systemagare`)",
        ],
        &[
            "objects/ladok/2027.toml:24:8: roles/conflict: Karin Ek har både rollen systemägare (`systemagare`) och rollen IT-systemägare (`it_systemagare`)",
        ],
    ),
    check(
        "appendix3/missing",
        |r| plan(r, drop_between(baseline(), "[systems.appendix3]", "[[upgrades]]")),
        1,
        &[
            "objects/ladok/2027.toml:37:6: appendix3/missing: system `ladok` has no bilaga 3",
        ],
        &[
            "objects/ladok/2027.toml:37:6: appendix3/missing: systemet `ladok` saknar bilaga 3",
        ],
    ),
    check(
        "appendix3/unanswered",
        |r| plan(r, drop_line(baseline(), "mfa = ")),
        1,
        &[
            "objects/ladok/2027.toml:51:10: appendix3/stale: the answers of `ladok` changed after they were attested",
            "objects/ladok/2027.toml:55:20: appendix3/unanswered: system `ladok`: 1 of 20 questions unanswered: mfa",
        ],
        &[
            "objects/ladok/2027.toml:51:10: appendix3/stale: svaren för `ladok` har ändrats efter att de intygades",
            "objects/ladok/2027.toml:55:20: appendix3/unanswered: systemet `ladok`: 1 av 20 frågor är obesvarad: mfa",
        ],
    ),
    check(
        "appendix3/unknown-question",
        |r| plan(r, with("mfa = \"yes\"", "mfaa = \"yes\"")),
        1,
        &[
            "objects/ladok/2027.toml:51:10: appendix3/stale: the answers of `ladok` changed after they were attested",
            "objects/ladok/2027.toml:55:20: appendix3/unanswered: system `ladok`: 1 of 20 questions unanswered: mfa",
            "objects/ladok/2027.toml:64:1: appendix3/unknown-question: checklist infosak-kd has no question `mfaa`",
        ],
        &[
            "objects/ladok/2027.toml:51:10: appendix3/stale: svaren för `ladok` har ändrats efter att de intygades",
            "objects/ladok/2027.toml:55:20: appendix3/unanswered: systemet `ladok`: 1 av 20 frågor är obesvarad: mfa",
            "objects/ladok/2027.toml:64:1: appendix3/unknown-question: checklistan infosak-kd har ingen fråga `mfaa`",
        ],
    ),
    check(
        "appendix3/deviation-incomplete",
        |r| plan(r, with("mfa = \"yes\"", "mfa = { answer = \"no\", deviation = \"MFA saknas\" }")),
        1,
        &[
            "objects/ladok/2027.toml:51:10: appendix3/stale: the answers of `ladok` changed after they were attested",
            "objects/ladok/2027.toml:64:7: appendix3/deviation-incomplete: `mfa` is answered \"no\" but the deviation lacks action, owner and due",
            "objects/ladok/2027.toml:64:7: appendix3/not-reported: deviation `mfa` is not reported to systemförvaltare (`systemforvaltare`) and IT-systemägare (`it_systemagare`)",
        ],
        &[
            "objects/ladok/2027.toml:51:10: appendix3/stale: svaren för `ladok` har ändrats efter att de intygades",
            "objects/ladok/2027.toml:64:7: appendix3/deviation-incomplete: `mfa` är besvarad med \"no\" men avvikelsen saknar action, owner och due",
            "objects/ladok/2027.toml:64:7: appendix3/not-reported: avvikelsen `mfa` är inte rapporterad till systemförvaltare (`systemforvaltare`) och IT-systemägare (`it_systemagare`)",
        ],
    ),
    check(
        "appendix3/not-reported",
        |r| {
            plan(r, deviation("2027-09-30", "\"systemforvaltare\""));
            attest(r);
        },
        0,
        &[
            "objects/ladok/2027.toml:64:7: appendix3/not-reported: deviation `mfa` is not reported to IT-systemägare (`it_systemagare`)",
        ],
        &[
            "objects/ladok/2027.toml:64:7: appendix3/not-reported: avvikelsen `mfa` är inte rapporterad till IT-systemägare (`it_systemagare`)",
        ],
    ),
    check(
        "appendix3/deviation-role",
        |r| plan(r, deviation("2027-09-30", "\"systemforvaltare\", \"it-systemagare\"")),
        1,
        &[
            "objects/ladok/2027.toml:51:10: appendix3/stale: the answers of `ladok` changed after they were attested",
            "objects/ladok/2027.toml:64:7: appendix3/not-reported: deviation `mfa` is not reported to IT-systemägare (`it_systemagare`)",
            "objects/ladok/2027.toml:64:178: appendix3/deviation-role: deviation `mfa`: reported_to names `it-systemagare`, which is not a role of role model pm3-lu",
        ],
        &[
            "objects/ladok/2027.toml:51:10: appendix3/stale: svaren för `ladok` har ändrats efter att de intygades",
            "objects/ladok/2027.toml:64:7: appendix3/not-reported: avvikelsen `mfa` är inte rapporterad till IT-systemägare (`it_systemagare`)",
            "objects/ladok/2027.toml:64:178: appendix3/deviation-role: avvikelsen `mfa`: reported_to anger `it-systemagare`, som inte är en roll i rollmodellen pm3-lu",
        ],
    ),
    check(
        "appendix3/na-unjustified",
        |r| plan(r, with("mfa = \"yes\"", "mfa = \"na\"")),
        1,
        &[
            "objects/ladok/2027.toml:51:10: appendix3/stale: the answers of `ladok` changed after they were attested",
            "objects/ladok/2027.toml:64:7: appendix3/na-unjustified: `mfa` is answered \"na\" without a justification",
        ],
        &[
            "objects/ladok/2027.toml:51:10: appendix3/stale: svaren för `ladok` har ändrats efter att de intygades",
            "objects/ladok/2027.toml:64:7: appendix3/na-unjustified: `mfa` är besvarad med \"na\" (ej tillämplig) utan motivering",
        ],
    ),
    check(
        "appendix3/not-attested",
        |r| plan(r, unattested().to_string()),
        1,
        &[
            "objects/ladok/2027.toml:49:10: appendix3/not-attested: bilaga 3 of `ladok` is not attested",
        ],
        &[
            "objects/ladok/2027.toml:49:10: appendix3/not-attested: bilaga 3 för `ladok` är inte intygad",
        ],
    ),
    check(
        "appendix3/wrong-attester",
        |r| plan(r, with("attested_by = \"it_systemagare\"", "attested_by = \"systemagare\"")),
        1,
        &[
            "objects/ladok/2027.toml:49:15: appendix3/wrong-attester: bilaga 3 is attested by systemägare (`systemagare`), but IT-systemägare (`it_systemagare`) attests under this role model",
        ],
        &[
            "objects/ladok/2027.toml:49:15: appendix3/wrong-attester: bilaga 3 är intygad av systemägare (`systemagare`), men enligt rollmodellen är det IT-systemägare (`it_systemagare`) som intygar",
        ],
    ),
    check(
        "appendix3/stale",
        |r| {
            let justified = "backup = { answer = \"na\", justification = \"Inga lokala data\" }";
            plan(r, with("backup = \"yes\"", justified));
        },
        1,
        &[
            "objects/ladok/2027.toml:51:10: appendix3/stale: the answers of `ladok` changed after they were attested",
        ],
        &[
            "objects/ladok/2027.toml:51:10: appendix3/stale: svaren för `ladok` har ändrats efter att de intygades",
        ],
    ),
    check(
        "appendix3/overdue",
        |r| {
            plan(r, deviation("2027-01-31", "\"systemforvaltare\", \"it_systemagare\""));
            attest(r);
        },
        0,
        &[
            "objects/ladok/2027.toml:64:131: appendix3/overdue: deviation `mfa` was due 2027-01-31",
        ],
        &[
            "objects/ladok/2027.toml:64:131: appendix3/overdue: åtgärden för avvikelsen `mfa` skulle ha varit klar 2027-01-31",
        ],
    ),
    check(
        "deps/unknown",
        |r| plan(r, with("test_environment = true\n", "test_environment = true\ndepends_on = [\"lucat\"]\n")),
        1,
        &[
            "objects/ladok/2027.toml:47:15: deps/unknown: `ladok` depends on `lucat`, but no object `lucat` has a plan for 2027",
        ],
        &[
            "objects/ladok/2027.toml:47:15: deps/unknown: `ladok` är beroende av `lucat`, men inget förvaltningsobjekt `lucat` har en plan för 2027",
        ],
    ),
    check(
        "deps/cycle",
        |r| two_objects(r, "depends_on = [\"other\"]\n", "depends_on = [\"ladok\"]\n"),
        0,
        &[
            "objects/ladok/2027.toml:47:15: deps/cycle: dependency cycle: ladok → other → ladok",
        ],
        &[
            "objects/ladok/2027.toml:47:15: deps/cycle: cirkulärt beroende: ladok → other → ladok",
        ],
    ),
    check(
        "deps/retired",
        |r| {
            two_objects(r, "depends_on = [\"other\"]\n", "");
            let other = r.read("objects/other/2027.toml");
            let retired = replace_once(&other, "lifecycle = \"active\"", "lifecycle = \"retired\"");
            r.write("objects/other/2027.toml", retired);
        },
        0,
        &[
            "objects/ladok/2027.toml:47:15: deps/retired: `ladok` depends on `other`, whose systems are all retired",
        ],
        &[
            "objects/ladok/2027.toml:47:15: deps/retired: `ladok` är beroende av `other`, vars system alla är avvecklade",
        ],
    ),
    check(
        "integration/contract",
        |r| {
            two_objects(
                r,
                "\n[[systems.integrations]]\nsource = \"other\"\ndata = \"namn\"\npersonal_data = true\n",
                "",
            )
        },
        1,
        &[
            "objects/ladok/2027.toml:48:1: integration/contract: integration `ladok` ← `other` has no information contract",
            "objects/ladok/2027.toml:48:1: integration/contract: integration `ladok` ← `other` carries personal data without a legal basis",
            "objects/ladok/2027.toml:48:1: integration/contract: integration `ladok` ← `other` carries personal data without a purpose",
        ],
        &[
            "objects/ladok/2027.toml:48:1: integration/contract: integrationen `ladok` ← `other` saknar informationskontrakt",
            "objects/ladok/2027.toml:48:1: integration/contract: integrationen `ladok` ← `other` för över personuppgifter utan rättslig grund",
            "objects/ladok/2027.toml:48:1: integration/contract: integrationen `ladok` ← `other` för över personuppgifter utan ändamål",
        ],
    ),
    check(
        "upgrade/unknown-system",
        |r| plan(r, with("system = \"ladok\"", "system = \"ladokk\"")),
        1,
        &[
            "objects/ladok/2027.toml:78:10: upgrade/unknown-system: this plan has no system `ladokk`",
        ],
        &[
            "objects/ladok/2027.toml:78:10: upgrade/unknown-system: planen har inget system `ladokk`",
        ],
    ),
    check(
        "upgrade/outside-year",
        |r| plan(r, with("date = 2027-04-03", "date = 2028-04-01")),
        1,
        &[
            "objects/ladok/2027.toml:80:8: upgrade/outside-year: upgrade of `ladok` on 2028-04-01 is outside the plan year 2027",
        ],
        &[
            "objects/ladok/2027.toml:80:8: upgrade/outside-year: uppgraderingen av `ladok` den 2028-04-01 ligger utanför planåret 2027",
        ],
    ),
    check(
        "upgrade/service-window",
        |r| plan(r, with("date = 2027-04-03", "date = 2027-04-07")),
        0,
        &[
            "objects/ladok/2027.toml:80:8: upgrade/service-window: major upgrade of `ladok` on 2027-04-07 (Wednesday) is not in a service window",
        ],
        &[
            "objects/ladok/2027.toml:80:8: upgrade/service-window: den större uppgraderingen av `ladok` den 2027-04-07 (onsdag) ligger utanför servicefönstren",
        ],
    ),
    check(
        "upgrade/cab",
        |r| plan(r, with("cab = { status = \"approved\", ref = \"CHG0040212\" }", "cab = { status = \"not-required\" }")),
        1,
        &[
            "objects/ladok/2027.toml:82:18: upgrade/cab: major upgrade of `ladok` has no CAB request or approval",
        ],
        &[
            "objects/ladok/2027.toml:82:18: upgrade/cab: den större uppgraderingen av `ladok` saknar begäran om eller godkännande från CAB",
        ],
    ),
    check(
        "upgrade/announce",
        |r| plan(r, with("announced_on = 2027-03-20", "announced_on = 2027-03-30")),
        0,
        &[
            "objects/ladok/2027.toml:83:16: upgrade/announce: upgrade of `ladok` is announced 4 days ahead; at least 7 are required",
        ],
        &[
            "objects/ladok/2027.toml:83:16: upgrade/announce: uppgraderingen av `ladok` annonseras 4 dagar i förväg; minst 7 dagar krävs",
        ],
    ),
    check(
        "upgrade/untested",
        |r| plan(r, with("tested = true", "tested = false")),
        0,
        &[
            "objects/ladok/2027.toml:84:10: upgrade/untested: major upgrade of `ladok` is not tested in the test environment",
        ],
        &[
            "objects/ladok/2027.toml:84:10: upgrade/untested: den större uppgraderingen av `ladok` är inte testad i testmiljön",
        ],
    ),
    check(
        "upgrade/clash",
        |r| {
            let upgrade = "\n[[upgrades]]\nsystem = \"other\"\nto_version = \"3\"\ndate = 2027-04-03\nkind = \"patch\"\nannounced_on = 2027-03-01\n";
            two_objects(r, "depends_on = [\"other\"]\n", "");
            let other = r.read("objects/other/2027.toml");
            r.write("objects/other/2027.toml", other + upgrade);
        },
        0,
        &[
            "objects/ladok/2027.toml:81:8: upgrade/clash: `ladok` is upgraded on 2027-04-03 together with `other/other`, which it depends on",
        ],
        &[
            "objects/ladok/2027.toml:81:8: upgrade/clash: `ladok` uppgraderas 2027-04-03 samtidigt som `other/other`, som det är beroende av",
        ],
    ),
    check(
        "activity/owner",
        |r| plan(r, with_owner_error(baseline())),
        1,
        &[
            "objects/ladok/2027.toml:91:9: activity/owner: activity A1: owner `rektor` is not a role held in this plan",
        ],
        &[
            "objects/ladok/2027.toml:91:9: activity/owner: aktiviteten A1: ansvarig `rektor` är en roll som ingen har i planen",
        ],
    ),
    check(
        "activity/dates",
        |r| plan(r, with("start = 2027-02-01", "start = 2027-06-01")),
        1,
        &[
            "objects/ladok/2027.toml:93:7: activity/dates: activity A1 ends 2027-05-31 before it starts 2027-06-01",
        ],
        &[
            "objects/ladok/2027.toml:93:7: activity/dates: aktiviteten A1 slutar 2027-05-31 men börjar först 2027-06-01",
        ],
    ),
    check(
        "activity/overdue",
        |r| plan(r, with("end = 2027-05-31", "end = 2027-02-15")),
        0,
        &[
            "objects/ladok/2027.toml:93:7: activity/overdue: activity A1 was to end 2027-02-15 and is still ongoing",
        ],
        &[
            "objects/ladok/2027.toml:93:7: activity/overdue: aktiviteten A1 skulle ha varit klar 2027-02-15 men pågår fortfarande",
        ],
    ),
    check(
        "budget/exceeded",
        |r| plan(r, with("hours = 80", "hours = 150")),
        0,
        &[
            "objects/ladok/2027.toml:33:9: budget/exceeded: activities plan 150 hours; the budget is 100",
        ],
        &[
            "objects/ladok/2027.toml:33:9: budget/exceeded: aktiviteterna omfattar 150 timmar, men budgeten är 100 timmar",
        ],
    ),
    check(
        "plan/established-incomplete",
        |r| plan(r, drop_line(baseline(), "established_on = ")),
        1,
        &[
            "objects/ladok/2027.toml:5:10: plan/established-incomplete: status is \"established\" but established_on is missing",
        ],
        &[
            "objects/ladok/2027.toml:5:10: plan/established-incomplete: status är \"established\" men established_on (fastställd den) saknas",
        ],
    ),
    check(
        "contract/expiring",
        |r| plan(r, with("ends = 2029-06-30, notice_months = 3", "ends = 2027-09-30")),
        0,
        &[
            "objects/ladok/2027.toml:45:40: contract/expiring: the contract for `ladok` ends 2027-09-30",
        ],
        &[
            "objects/ladok/2027.toml:45:40: contract/expiring: avtalet för `ladok` löper ut 2027-09-30",
        ],
    ),
    // --- plan.toml --------------------------------------------------------------------
    fails(
        "plan.toml: unknown key",
        |r| r.write("plan.toml", format!("{PLAN_TOML}organization = \"typo\"\n")),
        CHECK,
        &[
            "error[schema]: unknown key `organization`",
            "--> plan.toml:4:1",
        ],
        &[
            "fel[schema]: okänd nyckel `organization`",
            "--> plan.toml:4:1",
        ],
    ),
    fails(
        "plan.toml: unknown role model",
        |r| r.write("plan.toml", PLAN_TOML.replace("\"pm3-lu\"", "\"pm3\"")),
        CHECK,
        &[
            "error[schema]: unknown role model \"pm3\"",
            "--> plan.toml:2:14",
        ],
        &[
            "fel[schema]: okänd rollmodell \"pm3\"",
            "--> plan.toml:2:14",
        ],
    ),
    fails(
        "plan.toml: unknown rule in [rules]",
        |r| r.write("plan.toml", format!("{PLAN_TOML}[rules]\n\"roles/missin\" = \"off\"\n")),
        CHECK,
        &[
            "error[schema]: unknown rule `roles/missin` in [rules]",
            "--> plan.toml:5:1",
        ],
        &[
            "fel[schema]: okänd regel `roles/missin` i [rules]",
            "--> plan.toml:5:1",
        ],
    ),
    fails(
        "plan.toml: bad severity",
        |r| r.write("plan.toml", format!("{PLAN_TOML}[rules]\n\"roles/missing\" = \"fatal\"\n")),
        CHECK,
        &[
            "error[schema]: `rules.roles/missing` has unknown value \"fatal\"",
            "--> plan.toml:5:19",
        ],
        &[
            "fel[schema]: `rules.roles/missing` har det okända värdet \"fatal\"",
            "--> plan.toml:5:19",
        ],
    ),
    fails(
        "plan.toml: no organisation",
        |r| r.write("plan.toml", drop_line(PLAN_TOML, "organisation = ")),
        CHECK,
        &[
            "error[schema]: missing required key `organisation`",
            "--> plan.toml:1:1",
        ],
        &[
            "fel[schema]: nyckeln `organisation` krävs men saknas",
            "--> plan.toml:1:1",
        ],
    ),
    fails(
        "plan.toml: no role_model",
        |r| r.write("plan.toml", drop_line(PLAN_TOML, "role_model = ")),
        CHECK,
        &[
            "error[schema]: missing required key `role_model`",
            "--> plan.toml:1:1",
        ],
        &[
            "fel[schema]: nyckeln `role_model` krävs men saknas",
            "--> plan.toml:1:1",
        ],
    ),
    fails(
        "plan.toml: invalid TOML",
        |r| r.write("plan.toml", PLAN_TOML.replace("\"pm3-lu\"", "pm3-lu")),
        CHECK,
        &[
            "error[parse]: invalid TOML: string values must be quoted, expected literal string",
            "--> plan.toml:2:14",
        ],
        &[
            "fel[parse]: ogiltig TOML: string values must be quoted, expected literal string",
            "--> plan.toml:2:14",
        ],
    ),
    fails(
        "plan.toml: a non-breaking space",
        |r| r.write("plan.toml", PLAN_TOML.replace("\nrole_model", "\n\u{a0}role_model")),
        CHECK,
        &[
            "error[parse]: invalid TOML: invalid unquoted key, expected letters, numbers, `-`, `_` (found the invisible character U+00A0 here)",
            "--> plan.toml:2:1",
        ],
        &[
            "fel[parse]: ogiltig TOML: invalid unquoted key, expected letters, numbers, `-`, `_` (här står det osynliga tecknet U+00A0)",
            "--> plan.toml:2:1",
        ],
    ),
    fails(
        "plan.toml: role model file missing",
        |r| r.write("plan.toml", PLAN_TOML.replace("\"pm3-lu\"", "\"schema/roles/egen.toml\"")),
        CHECK,
        &[
            "error[schema]: role model file `schema/roles/egen.toml` not found in the repository",
            "--> plan.toml:2:14",
        ],
        &[
            "fel[schema]: rollmodellen `schema/roles/egen.toml` finns inte i planarkivet",
            "--> plan.toml:2:14",
        ],
    ),
    fails(
        "plan.toml: role model file broken",
        |r| {
            r.write("plan.toml", PLAN_TOML.replace("\"pm3-lu\"", "\"schema/roles/egen.toml\""));
            r.write("schema/roles/egen.toml", "id = \"egen\"\n\n[[roles]]\nid = \"agare\nname = \"Ägare\"\n");
        },
        CHECK,
        &[
            "error[schema]: invalid role model: invalid basic string, expected `\"`",
            "--> schema/roles/egen.toml:4:12",
        ],
        &[
            "fel[schema]: ogiltig rollmodell: invalid basic string, expected `\"`",
            "--> schema/roles/egen.toml:4:12",
        ],
    ),
    fails(
        "no plan.toml",
        |r| std::fs::remove_file(r.file("plan.toml")).expect("plan.toml"),
        CHECK,
        &[
            "error: REPO is not a plan repository: it has no plan.toml (create one with `plan init`)",
        ],
        &[
            "fel: REPO är inget planarkiv: plan.toml saknas (skapa ett med `plan init`)",
        ],
    ),
    // --- the command line -------------------------------------------------------------
    fails(
        "--today not a date",
        |_| {},
        &["check", "--today", "2027-02-30"],
        &[
            "error: invalid value '2027-02-30' for '--today <YYYY-MM-DD>': `2027-02-30` is not a date like 2027-04-01",
        ],
        &[
            "fel: ogiltigt värde '2027-02-30' för '--today <YYYY-MM-DD>': `2027-02-30` är inget datum som 2027-04-01",
        ],
    ),
    fails(
        "--year not a year",
        |_| {},
        &["check", "--year", "27"],
        &[
            "error: invalid value '27' for '--year <YEAR>': `27` is not a year like 2027",
        ],
        &[
            "fel: ogiltigt värde '27' för '--year <YEAR>': `27` är inget årtal som 2027",
        ],
    ),
    fails(
        "unknown format",
        |_| {},
        &["check", "--format", "xml"],
        &[
            "error: invalid value 'xml' for '--format <FORMAT>'",
        ],
        &[
            "fel: ogiltigt värde 'xml' för '--format <FORMAT>'",
        ],
    ),
    fails(
        "--rev outside git",
        no_git,
        &["check", "--rev", "HEAD"],
        &[
            "error: REPO is not in a git repository (could not find repository at 'REPO')",
        ],
        &[
            "fel: REPO ligger inte i ett git-arkiv (could not find repository at 'REPO')",
        ],
    ),
    fails(
        "--rev that does not exist",
        |r| {
            the_baseline(r);
            r.commit_all("plan");
        },
        &["check", "--rev", "nosuch"],
        &[
            "error: unknown revision `nosuch`: revspec 'nosuch' not found",
        ],
        &[
            "fel: okänd version `nosuch`: revspec 'nosuch' not found",
        ],
    ),
    fails(
        "check of a path that does not exist",
        |_| {},
        &["check", "objects/ladokk"],
        &[
            "error: objects/ladokk: no such file or folder",
        ],
        &[
            "fel: objects/ladokk: filen eller mappen finns inte",
        ],
    ),
    fails(
        "check of a path outside the repository",
        |_| {},
        &["check", ".."],
        &[
            "error: .. is outside the plan repository REPO",
        ],
        &[
            "fel: .. ligger utanför planarkivet REPO",
        ],
    ),
    fails(
        "attest a missing file",
        |_| {},
        &["attest", "ladok", "--year", "2027"],
        &[
            "error: no object `ladok`: there is no objects/ladok/<year>.toml; the repository has no plans yet",
        ],
        &[
            "fel: inget förvaltningsobjekt `ladok`: det finns ingen objects/ladok/<år>.toml; planarkivet har inga planer än",
        ],
    ),
    fails(
        "attest a year the object has no plan of",
        the_baseline,
        &["attest", "ladok", "--year", "2026"],
        &[
            "error: objects/ladok/2026.toml does not exist",
        ],
        &[
            "fel: objects/ladok/2026.toml finns inte",
        ],
    ),
    fails(
        "attest a missing system",
        the_baseline,
        &["attest", "ladok", "--system", "canvas", "--year", "2027"],
        &[
            "error: objects/ladok/2027.toml has no system `canvas` (systems: ladok)",
        ],
        &[
            "fel: objects/ladok/2027.toml har inget system `canvas` (system: ladok)",
        ],
    ),
    fails(
        "attest a plan without systems",
        |r| r.write(PLAN, "object = \"ladok\"\nyear = 2027\n"),
        &["attest", "ladok", "--year", "2027"],
        &[
            "error: objects/ladok/2027.toml has no [[systems]]: there is no bilaga 3 to attest",
        ],
        &[
            "fel: objects/ladok/2027.toml har inga [[systems]]: det finns ingen bilaga 3 att intyga",
        ],
    ),
    fails(
        "attest a file that is not TOML",
        |r| plan(r, with("name = \"Ladok\"\nyear", "name = \"Ladok\nyear")),
        &["attest", "ladok", "--year", "2027"],
        &[
            "error: objects/ladok/2027.toml is not valid TOML; run `plan check objects/ladok/2027.toml`",
        ],
        &[
            "fel: objects/ladok/2027.toml är inte giltig TOML; kör `plan check objects/ladok/2027.toml`",
        ],
    ),
    fails(
        "new with an invalid object id",
        |_| {},
        &["new", "Ladok 2", "--year", "2027", "--name", "Ladok"],
        &[
            "error: `Ladok 2` is not a valid object id (lowercase a–z, digits and `-`); try `ladok-2`",
        ],
        &[
            "fel: `Ladok 2` är inget giltigt id för ett förvaltningsobjekt (gemena a–z, siffror och `-`); prova `ladok-2`",
        ],
    ),
    fails(
        "new over an existing plan",
        the_baseline,
        &["new", "ladok", "--year", "2027", "--name", "Ladok"],
        &[
            "error: REPO/objects/ladok/2027.toml already exists; not overwriting it",
        ],
        &[
            "fel: REPO/objects/ladok/2027.toml finns redan och skrivs inte över",
        ],
    ),
    fails(
        "init in an existing plan repository",
        |_| {},
        &["init", "."],
        &[
            "error: ./plan.toml already exists: this is a plan repository already",
        ],
        &[
            "fel: ./plan.toml finns redan: det här är redan ett planarkiv",
        ],
    ),
    fails(
        "rule that does not exist",
        |_| {},
        &["rule", "nope"],
        &[
            "error: no rule `nope` (`plan rule` lists them)",
        ],
        &[
            "fel: ingen regel `nope` (`plan rule` visar alla)",
        ],
    ),
    fails(
        "report of an unknown kind",
        |_| {},
        &["report", "budget"],
        &[
            "error: invalid value 'budget' for '<KIND>'",
        ],
        &[
            "fel: ogiltigt värde 'budget' för '<KIND>'",
        ],
    ),
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
    let stderr = as_repo(repo.path(), &run.stderr);
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
    let wrong = std::cell::RefCell::new(Vec::new());
    in_each_language(|lang| {
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
                "{} ({lang:?}): {}",
                case.name,
                run.stderr
            );
            let code = run.code;
            let got = says(&repo, case.args, run);
            if code != case.code || got != lang.says(case.en, case.sv) {
                wrong.borrow_mut().push(format!(
                    "{} ({lang:?}): exit {code} (table: {}), says:\n        &{got:#?},",
                    case.name, case.code
                ));
            }
            if code == 2 {
                assert_eq!(
                    snapshot(repo.path()),
                    before,
                    "{} ({lang:?}): a failed command wrote",
                    case.name
                );
            }
        }
    });
    let wrong = wrong.into_inner();
    assert!(
        wrong.is_empty(),
        "{} rows differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
