//! Governance rules as the sources say them (issue 12): who must be named under
//! which organisation model, who attests bilaga 3 and whom deviations reach (the
//! first role held of an ordered list), the municipal model and its checklist, the
//! deviation roles, the upgrade rules by hosting and kind, and the deviations report.

use crate::support::*;

/// Asserts what a finding says: its message and its help.
fn assert_says(f: &Finding, message: &str, help: &str) {
    assert_eq!(
        (f.message.as_str(), f.help.as_deref()),
        (message, Some(help)),
        "{f:#?}"
    );
}

/// The baseline under another organisation model.
fn with_model(text: &str, om: u8) -> String {
    replace_once(
        text,
        "organisation_model = 1",
        &format!("organisation_model = {om}"),
    )
}

/// The baseline without the IT side (no IT-systemägare, no IT-systemförvaltare).
fn without_it_side(text: &str) -> String {
    replace_once(&replace_once(text, IT_OWNER, ""), IT_MANAGER, "")
}

/// The baseline with `mfa` a complete deviation reported to `reported_to`.
fn mfa_deviation(text: &str, owner: &str, reported_to: &str) -> String {
    replace_once(
        text,
        "mfa = \"yes\"",
        &format!(
            "mfa = {{ answer = \"partial\", deviation = \"MFA saknas för administratörer\", action = \"Inför MFA\", owner = \"{owner}\", due = 2027-06-30, reported_to = [{reported_to}] }}"
        ),
    )
}

// --- pm3-lu: presence by organisation model ------------------------------------

#[test]
fn model_5_with_an_it_system_owner_who_attests_is_clean() {
    // Handbook 000, 10: "En LU-intern IT-systemägare behövs även för hostade system,
    // oavsett om det är en egen eller externt driftad tjänst." Chapter 9:
    // "IT-systemägaren är den som undertecknar och intygar att uppgifterna i bilaga 3
    // till planen är korrekta". Before: appendix3/wrong-attester, an error.
    check_plan(&with_model(baseline(), 5)).assert_clean();
}

#[test]
fn models_4_and_5_without_the_it_side_are_warned_and_the_system_owner_attests() {
    // Handbook 000, 10.1: "Det rekommenderas starkt att alltid besätta alla fyra
    // rollerna." 10.1.4: "då både IT-systemägare och IT-systemförvaltare saknas".
    for om in [4, 5] {
        let text = without_it_side(&with_model(unattested(), om));
        let checked = check_attested(&text);
        assert_eq!(
            checked.rules(),
            ["roles/recommended", "roles/recommended"],
            "model {om}: {:#?}",
            checked.findings
        );
        assert!(checked.findings[0].message.contains("`it_systemagare`"));
        assert!(checked.findings[1]
            .message
            .contains("`it_systemforvaltare`"));
        assert_eq!(checked.code, 0);
        // Chapter 9 and SPEC §4: "where the plan holds no it_systemagare, by the
        // systemagare".
        let repo = Repo::with_plan(&text);
        let run = repo.plan(&["attest", "ladok", "--system", "ladok", "--year", "2027"]);
        assert!(
            run.stdout.contains("attested_by = \"systemagare\""),
            "{run:?}"
        );
    }
}

#[test]
fn models_2_and_3_require_the_it_system_manager() {
    // Handbook 000, 10.1.2: "För att denna modell ska fungera behöver det finnas
    // IT-systemägare och IT-systemförvaltare"; 10.1.3: "I denna modell behöver det
    // alltså finnas IT-systemägare och IT-systemförvaltare inom LDC."
    for om in [2, 3] {
        let text = replace_once(&with_model(baseline(), om), IT_MANAGER, "");
        let checked = check_plan(&text);
        assert_eq!(checked.rules(), ["roles/missing"], "model {om}");
        let f = checked.only("roles/missing");
        assert_finding(f, "roles/missing", "error", PLAN);
        assert_contains(&f.message, "`it_systemforvaltare`");
    }
    // Model 1 (10.1.1): "några har utsett en person och andra inte" — recommended.
    let checked = check_plan(&replace_once(baseline(), IT_MANAGER, ""));
    assert_eq!(checked.rules(), ["roles/recommended"]);
}

#[test]
fn an_attestation_by_a_role_nobody_holds_says_so() {
    // SPEC §4: the attester is "the first one held in the plan"; attested by the
    // IT-systemägare of a plan that holds none, the systemägare attests instead.
    let text = without_it_side(&with_model(baseline(), 5));
    let checked = check_plan(&text);
    let f = checked.only("appendix3/wrong-attester");
    assert_at(f, &text, "\"it_systemagare\"");
    assert_says(f, "bilaga 3 is attested by IT-systemägare (`it_systemagare`), a role nobody holds in this plan; systemägare (`systemagare`) attests here", "systemägare (`systemagare`) attests with `plan attest ladok --system ladok --year 2027`");
}

// --- report-to: the first held role of each entry ---------------------------------

#[test]
fn without_an_it_system_owner_deviations_go_to_the_system_owner() {
    // Handbook 000, chapter 8: "så måste du informera både din systemförvaltare och
    // din IT-systemägare om detta" — where none is held, the systemägare (SPEC §4),
    // never the systemförvaltare to themselves.
    let plan = without_it_side(&with_model(unattested(), 5));
    let alone = mfa_deviation(&plan, "systemforvaltare", "\"systemforvaltare\"");
    let checked = check_attested(&alone);
    let f = checked.only("appendix3/not-reported");
    assert_says(
        f,
        "deviation `mfa` is not reported to systemägare (`systemagare`)",
        "report it, then list the roles: reported_to = [\"systemforvaltare\", \"systemagare\"]",
    );
    let both = mfa_deviation(
        &plan,
        "systemforvaltare",
        "\"systemforvaltare\", \"systemagare\"",
    );
    let checked = check_attested(&both);
    assert!(
        !checked.rules().contains(&"appendix3/not-reported"),
        "{:#?}",
        checked.findings
    );
    // With an IT-systemägare held (even in model 5), it is the IT-systemägare.
    let held = mfa_deviation(
        &with_model(unattested(), 5),
        "systemforvaltare",
        "\"systemforvaltare\", \"systemagare\"",
    );
    let f = check_attested(&held).only("appendix3/not-reported").clone();
    assert_contains(&f.message, "`it_systemagare`");
}

// --- custom role models: the old format keeps working ---------------------------

const OLD_FORMAT_MODEL: &str = r#"name = "egen"
title = "Egen modell"
source = "Riktlinje, avsnitt 3"
uses_organisation_model = true

[attester]
role = "it_systemagare"
[[attester.when]]
organisation_model = [4, 5]
role = "systemagare"

[report_to]
roles = ["systemforvaltare", "it_systemagare"]
[[report_to.when]]
organisation_model = [4, 5]
roles = ["systemforvaltare"]

[[roles]]
id = "systemagare"
label = "Systemägare"
short = "SÄ"
presence = "required"
many = false
description = "Äger systemet."

[[roles]]
id = "systemforvaltare"
label = "Systemförvaltare"
short = "SF"
presence = "required"
many = false
description = "Förvaltar systemet."

[[roles]]
id = "it_systemagare"
label = "IT-systemägare"
short = "IT-SÄ"
presence = "required"
many = false
description = "Äger IT-sidan."
[[roles.when]]
organisation_model = [4, 5]
presence = "optional"

[[roles]]
id = "it_systemforvaltare"
label = "IT-systemförvaltare"
short = "IT-SF"
presence = "optional"
many = false
description = "Förvaltar IT-sidan."
"#;

/// A repository whose plan.toml points at its own role model.
fn repo_with_model(model: &str, plan: &str) -> Repo {
    let repo = Repo::with_config(
        "organisation = \"Testuniversitetet\"\nrole_model = \"schema/roles/egen.toml\"\n",
    );
    repo.write("schema/roles/egen.toml", model);
    repo.write(PLAN, plan);
    repo
}

#[test]
fn an_old_format_custom_model_keeps_working() {
    // schema/README.md: "Older model files keep working unchanged. A model written
    // before lists were allowed (a single `role = "x"`, plain `roles = ["a", "b"]`,
    // `when` overrides for organisation models 4 and 5) loads and checks exactly as
    // before".
    let repo = repo_with_model(OLD_FORMAT_MODEL, baseline());
    repo.check(&[]).assert_clean();
    // Its `when` still makes the systemägare the attester in model 5.
    let repo = repo_with_model(OLD_FORMAT_MODEL, &with_model(baseline(), 5));
    let checked = repo.check(&[]);
    assert_eq!(checked.rules(), ["appendix3/wrong-attester"]);
}

#[test]
fn a_custom_model_may_use_first_held_lists() {
    // SPEC §4 (v2): "the attester and each report-to entry may be an ordered list of
    // roles of which the first one held in the plan applies".
    let model = OLD_FORMAT_MODEL
        .replace(
            "role = \"it_systemagare\"\n[[attester.when]]\norganisation_model = [4, 5]\nrole = \"systemagare\"",
            "role = [\"it_systemagare\", \"systemagare\"]",
        )
        .replace(
            "roles = [\"systemforvaltare\", \"it_systemagare\"]\n[[report_to.when]]\norganisation_model = [4, 5]\nroles = [\"systemforvaltare\"]",
            "roles = [\"systemforvaltare\", [\"it_systemagare\", \"systemagare\"]]",
        );
    let plan = without_it_side(&with_model(unattested(), 4));
    let plan = mfa_deviation(&plan, "systemforvaltare", "\"systemforvaltare\"");
    let repo = repo_with_model(&model, &plan);
    let run = repo.plan(&["attest", "ladok", "--system", "ladok", "--year", "2027"]);
    assert!(
        run.stdout.contains("attested_by = \"systemagare\""),
        "{run:?}"
    );
    let checked = repo.check(&[]);
    assert_eq!(checked.rules(), ["appendix3/not-reported"]);
    assert!(checked.findings[0].message.contains("`systemagare`"));
}

#[test]
fn a_bad_attester_list_in_a_custom_model_is_a_located_error() {
    let model = OLD_FORMAT_MODEL.replacen("role = \"it_systemagare\"", "role = []", 1);
    let repo = repo_with_model(&model, baseline());
    let run = repo.plan(&["check"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_contains(&run.stderr, "schema/roles/egen.toml:7:8");
    assert_contains(
        &run.stderr,
        "a non-empty list of role ids (the first one held in the plan applies)",
    );
}

// --- appendix3/deviation-role ----------------------------------------------------

#[test]
fn a_deviation_owned_by_no_role_of_the_plan_is_an_error_and_blocks_attest() {
    // SPEC §6 (v2): "a deviation's `owner` is not a role held in this plan".
    // Handbook 000, chapter 8: deviations must reach named roles.
    let text = mfa_deviation(
        unattested(),
        "brandvaggsansvarig",
        "\"systemforvaltare\", \"it_systemagare\"",
    );
    let repo = Repo::with_plan(&text);
    let checked = repo.check(&[]);
    let f = checked.only("appendix3/deviation-role");
    assert_finding(f, "appendix3/deviation-role", "error", PLAN);
    assert_at(f, &text, "\"brandvaggsansvarig\"");
    assert_says(
        f,
        "deviation `mfa`: owner `brandvaggsansvarig` is not a role held in this plan",
        "roles held here: it_systemagare, it_systemforvaltare, systemagare, systemforvaltare",
    );
    assert_eq!(checked.code, 1);
    let attest = repo.plan(&["attest", "ladok", "--system", "ladok", "--year", "2027"]);
    assert_eq!(attest.code, 2, "{attest:?}");
    assert!(
        attest.stdout.contains("appendix3/deviation-role")
            || attest.stderr.contains("appendix3/deviation-role"),
        "{attest:?}"
    );
    // A role of the model that nobody holds here is no owner either.
    let unheld = mfa_deviation(
        &replace_once(baseline(), IT_MANAGER, ""),
        "it_systemforvaltare",
        "\"systemforvaltare\", \"it_systemagare\"",
    );
    in_each_language(|lang| {
        let checked = check_plan(&unheld);
        assert_eq!(
            checked.only("appendix3/deviation-role").message,
            lang.says(
                "deviation `mfa`: owner `it_systemforvaltare` is a role nobody holds in this plan",
                "avvikelsen `mfa`: ansvarig `it_systemforvaltare` är en roll som ingen har i planen"
            )
        );
    });
}

#[test]
fn a_deviation_reported_to_no_role_of_the_model_suggests_the_id() {
    let text = mfa_deviation(
        unattested(),
        "systemforvaltare",
        "\"systemforvaltare\", \"it-systemagare\"",
    );
    // The deviation keeps `plan attest` from attesting: checked as it is.
    let checked = check_plan(&text);
    let f = checked.only("appendix3/deviation-role");
    assert_at(f, &text, "\"it-systemagare\"");
    assert_says(
        f,
        "deviation `mfa`: reported_to names `it-systemagare`, which is not a role of role model pm3-lu",
        "did you mean `it_systemagare`?",
    );
}

// --- upgrades -------------------------------------------------------------------

/// The baseline's upgrade turned into `kind`, on a Wednesday, without CAB or
/// announcement, of a system hosted `hosting`.
fn bare_upgrade(kind: &str, hosting: &str) -> String {
    let text = replace_once(
        baseline(),
        "kind = \"major\"",
        &format!("kind = \"{kind}\""),
    );
    let text = replace_once(&text, "date = 2027-04-03", "date = 2027-04-07");
    let text = drop_line(&text, "cab = ");
    let text = drop_line(&text, "announced_on = ");
    replace_once(
        &text,
        "hosting = \"internal\"\n",
        &if hosting.is_empty() {
            String::new()
        } else {
            format!("hosting = \"{hosting}\"\n")
        },
    )
}

#[test]
fn a_security_upgrade_needs_no_announcement() {
    // Handbook 000, 5.3: "Särskilt viktigt är det att installera säkerhetsuppdateringar
    // utan onödigt dröjsmål".
    let checked = check_plan(&bare_upgrade("security", "internal"));
    checked.assert_clean();
    let checked = check_plan(&bare_upgrade("patch", "internal"));
    assert_eq!(checked.rules(), ["upgrade/announce"]);
}

#[test]
fn cab_and_service_window_apply_only_to_systems_run_in_house() {
    // Handbook 000, 10.1: "Arbetsprocessen och kommunikationsvägarna för detta kan
    // dock se väldigt olika ut, t ex beroende på om systemet körs på LU-interna
    // servrar eller hos leverantören."
    for hosting in ["internal", "hybrid", ""] {
        let checked = check_plan(&bare_upgrade("minor", hosting));
        assert_eq!(
            checked.rule_set(),
            ["upgrade/announce", "upgrade/cab", "upgrade/service-window"],
            "hosting {hosting:?}"
        );
    }
    let checked = check_plan(&bare_upgrade("minor", "external"));
    checked.assert_rules(&["upgrade/announce"]);
}

// --- rule docs --------------------------------------------------------------------

#[test]
fn the_conflict_rule_explains_itself_from_the_handbook() {
    // Handbook 000, 2.2: "Ni är inte varandras motparter. Det är heller ingen kund-
    // och leverantörsrelation."
    let doc = |id: &str| {
        let run = plan_in(Repo::new().path(), &["rule", id]);
        assert_eq!(run.code, 0, "{run:?}");
        // The doc is wrapped for the terminal: compare words.
        run.stdout.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let conflict = doc("roles/conflict");
    assert_contains(&conflict, "\"Ni är inte varandras motparter.");
    assert_contains(&conflict, "The roles are not there to check each other");
    assert_lacks(&conflict, "reviews their own work");
    let deviation_role = doc("appendix3/deviation-role");
    assert_contains(&deviation_role, "(000, chapter 8)");
}

// --- the municipal model and infosak-bas ---------------------------------------

/// A municipal repository made by `plan init --role-model municipal`, with one plan
/// made by `plan new` and filled in; the plan's path.
fn municipal_repo() -> (Repo, &'static str, String) {
    let repo = Repo::new();
    std::fs::remove_file(repo.file("plan.toml")).expect("plan.toml");
    let init = plan_in(
        repo.path(),
        &[
            "init",
            ".",
            "--role-model",
            "municipal",
            "--organisation",
            "Exempelkommunen",
        ],
    );
    assert_eq!(init.code, 0, "{init:?}");
    let new = repo.plan(&[
        "new",
        "e-tjanster",
        "--year",
        "2028",
        "--name",
        "E-tjänster",
    ]);
    assert_eq!(new.code, 0, "{new:?}");
    // Next year's plan, drafted in the planning season (a draft of the current year
    // would be `plan/draft-in-year`).
    const FILE: &str = "objects/e-tjanster/2028.toml";
    let scaffold = repo.read(FILE);
    let mut text = scaffold.clone();
    for (i, name) in ["Kommunstyrelsen", "Anna", "Bo", "Cilla", "Dan"]
        .iter()
        .enumerate()
    {
        text = text.replacen(
            "name = \"\"\nemail = \"\"",
            &format!("name = \"{name}\"\nemail = \"p{i}@exempel.se\""),
            1,
        );
    }
    text = text.replace("\nunit = \"\"", "\nunit = \"Kommunledningskontoret\"");
    text = text.replace("supplier = \"\"", "supplier = \"Leverantören AB\"");
    text = text.replace("\nversion = \"\"", "\nversion = \"4.2\"");
    text = text
        .lines()
        .map(|l| match l.strip_suffix(" = \"\"") {
            Some(key) if !l.starts_with('#') => format!("{key} = \"yes\"\n"),
            _ => format!("{l}\n"),
        })
        .collect();
    repo.write(FILE, &text);
    (repo, FILE, scaffold)
}

#[test]
fn municipal_init_and_new_write_the_generic_checklist_and_nothing_of_lund() {
    // SPEC §4 (v2): `plan init --role-model municipal` writes `checklist =
    // "infosak-bas"`, written for any organisation (no Lund-specific names, systems
    // or handbook sections), each question referencing ISO/IEC 27002:2022.
    let (repo, file, scaffold) = municipal_repo();
    assert!(
        repo.read("plan.toml")
            .contains("checklist = \"infosak-bas\""),
        "{}",
        repo.read("plan.toml")
    );
    for lund in ["LUCAT", "LU:s", "Handboken", "MSBFS", "LDC", "handboken"] {
        assert!(!scaffold.contains(lund), "`{lund}` in:\n{scaffold}");
    }
    assert_lacks(&scaffold, "Bilaga 3 (Bilaga 3");
    assert_contains(
        &scaffold,
        "\n# Bilaga 3: Informationssäkerhetsåtgärder för kontinuitet och drift. Svara",
    );
    assert_contains(&scaffold, "continuity_plan = \"\"");
    assert_contains(&scaffold, "(ISO/IEC 27002:2022 5.29–5.30)");
    assert_contains(&scaffold, "(ISO/IEC 27002:2022 8.8)\nsecurity_updates");
    // 001 §6.3: "Rapportera avvikelser från förvaltningsplan till styrgruppen".
    assert_contains(
        &scaffold,
        "reported_to = [\"objektagare\", \"objektagare_it\"]",
    );
    // The sample activity names a role the model requires, not the optional
    // systemförvaltare (001 §6.6: "ej obligatorisk").
    assert_contains(&scaffold, "# owner = \"forvaltningsledare_it\"");

    // Filled in, the draft only waits for its attestation by objektägare IT.
    let checked = repo.check(&[]);
    checked.assert_rules(&["appendix3/not-attested"]);
    let attest = repo.plan(&[
        "attest",
        "e-tjanster",
        "--system",
        "e-tjanster",
        "--year",
        "2028",
    ]);
    assert!(
        attest.stdout.contains("attested_by = \"objektagare_it\""),
        "{attest:?}"
    );
    repo.check(&[]).assert_clean();
    assert!(repo.read(file).contains("attested_by = \"objektagare_it\""));
}

#[test]
fn pm3_init_keeps_lunds_checklist() {
    let parent = tempfile::tempdir().expect("folder");
    let run = plan_in(parent.path(), &["init", "planer"]);
    assert_eq!(run.code, 0, "{run:?}");
    let config =
        std::fs::read_to_string(parent.path().join("planer/plan.toml")).expect("plan.toml");
    assert_contains(&config, "checklist = \"infosak-kd\"");
}

#[test]
fn municipal_deviations_go_to_the_steering_group() {
    // 001 §6.3 and §6.5: "Rapportera avvikelser från förvaltningsplan till
    // styrgruppen"; §6.4: "Rollen objektägare IT ingår tillsammans med objektägare i
    // styrgruppen".
    let (repo, file, _) = municipal_repo();
    let text = repo.read(file);
    let deviation = |reported_to: &str| {
        replace_once(
            &text,
            "mfa = \"yes\"",
            &format!("mfa = {{ answer = \"no\", deviation = \"MFA saknas\", action = \"Inför MFA\", owner = \"forvaltningsledare_it\", due = 2027-06-30, reported_to = [{reported_to}] }}"),
        )
    };
    repo.write(
        file,
        deviation("\"forvaltningsledare\", \"objektagare_it\""),
    );
    let checked = repo.check(&[]);
    let f = checked.only("appendix3/not-reported");
    assert_eq!(
        f.message,
        "avvikelsen `mfa` är inte rapporterad till objektägare (`objektagare`)"
    );
    assert_eq!(
        repo.check(&["--lang", "en"])
            .only("appendix3/not-reported")
            .message,
        "deviation `mfa` is not reported to objektägare (`objektagare`)"
    );
    // A typo of a role id: did you mean.
    repo.write(file, deviation("\"objektagare\", \"objektagare-it\""));
    let checked = repo.check(&["--lang", "en"]);
    assert_eq!(
        checked.only("appendix3/deviation-role").help.as_deref(),
        Some("did you mean `objektagare_it`?")
    );
    let checked = repo.check(&[]);
    assert_eq!(
        checked.only("appendix3/deviation-role").help.as_deref(),
        Some("menade du `objektagare_it`?")
    );
    repo.write(file, deviation("\"objektagare\", \"objektagare_it\""));
    let checked = repo.check(&[]);
    checked.assert_rules(&["appendix3/not-attested"]);
}

// --- report deviations -----------------------------------------------------------

/// One row of `plan report deviations --format json`.
#[derive(Debug, serde::Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Row {
    object: String,
    system: Option<String>,
    source: String,
    id: String,
    description: String,
    owner: Option<String>,
    due: Option<String>,
    overdue: bool,
}

fn deviations(repo: &Repo, args: &[&str]) -> Vec<Row> {
    let mut all = vec!["report", "deviations", "--year", "2027", "--format", "json"];
    all.extend_from_slice(args);
    let run = repo.plan(&all);
    assert_eq!(run.code, 0, "{run:?}");
    serde_json::from_str(&run.stdout).expect("JSON rows")
}

#[test]
fn the_deviations_report_lists_deviations_and_unattested_systems_only() {
    // SPEC §7 (v2): "appendix-3 rows are the `no` and `partial` answers only (a
    // justified `na` is not a deviation); `attestation` rows are the systems of
    // established/revised plans that are not attested or whose attestation is stale".
    let repo = Repo::new();
    let ladok = replace_once(
        &mfa_deviation(
            baseline(),
            "systemforvaltare",
            "\"systemforvaltare\", \"it_systemagare\"",
        ),
        "backup = \"yes\"",
        "backup = { answer = \"na\", justification = \"Leverantören tar backup\" }",
    );
    // Answers changed after the attestation: stale.
    repo.write(PLAN, &ladok);
    let lucat = replace_once(
        &replace_once(unattested(), "object = \"ladok\"", "object = \"lucat\""),
        "restore_tested = \"yes\"",
        "restore_tested = { answer = \"no\", deviation = \"Ej testad\", action = \"Testa\", owner = \"it_systemforvaltare\", due = 2027-01-31, reported_to = [\"systemforvaltare\", \"it_systemagare\"] }",
    );
    repo.write("objects/lucat/2027.toml", &lucat);

    let rows = deviations(&repo, &[]);
    let summary: Vec<(&str, &str, &str, Option<&str>, bool)> = rows
        .iter()
        .map(|r| {
            (
                r.object.as_str(),
                r.source.as_str(),
                r.id.as_str(),
                r.owner.as_deref(),
                r.overdue,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "lucat",
                "appendix3",
                "restore_tested",
                Some("it_systemforvaltare"),
                true
            ),
            ("ladok", "appendix3", "mfa", Some("systemforvaltare"), false),
            (
                "ladok",
                "attestation",
                "stale",
                Some("it_systemagare"),
                false
            ),
            (
                "lucat",
                "attestation",
                "not-attested",
                Some("it_systemagare"),
                false
            ),
        ]
    );
    assert_eq!(
        rows[2].description,
        "The answers of `ladok` changed after they were attested"
    );
    // The description is a text for people, in the language (the ids stay).
    let swedish = deviations(&repo, &["--lang", "sv"]);
    assert_eq!(
        (swedish[2].id.as_str(), swedish[2].description.as_str()),
        (
            "stale",
            "Svaren för `ladok` har ändrats efter att de intygades"
        )
    );
    // lucat's system is called ladok too.
    assert_eq!(
        swedish[3].description,
        "Bilaga 3 för `ladok` är inte intygad"
    );
    assert_eq!(rows[3].due, None);

    let overdue = deviations(&repo, &["--overdue"]);
    assert_eq!(overdue.len(), 1);
    assert_eq!(overdue[0].id, "restore_tested");
    let owned = deviations(&repo, &["--owner", "it_systemagare"]);
    assert_eq!(owned.len(), 2);
    assert!(owned.iter().all(|r| r.source == "attestation"));
    let ladok_only = deviations(&repo, &["--object", "ladok"]);
    assert_eq!(ladok_only.len(), 2);
    assert!(ladok_only.iter().all(|r| r.object == "ladok"));

    let bad = repo.plan(&[
        "report",
        "deviations",
        "--year",
        "2027",
        "--owner",
        "it-systemagare",
    ]);
    assert_eq!(bad.code, 2, "{bad:?}");
    assert_contains(
        &bad.stderr,
        "role model pm3-lu has no role `it-systemagare`; did you mean `it_systemagare`?",
    );
    in_each_language(|lang| {
        let bad = repo.plan(&[
            "report",
            "deviations",
            "--year",
            "2027",
            "--object",
            "ladokk",
        ]);
        assert_eq!(bad.code, 2, "{bad:?}");
        let says = lang.says(
            "no object `ladokk` has a plan for 2027; did you mean `ladok`?",
            "inget förvaltningsobjekt `ladokk` har en plan för 2027; menade du `ladok`?",
        );
        assert_contains(&bad.stderr, says);
    });
    let misplaced = repo.plan(&["report", "upgrades", "--overdue"]);
    assert_eq!(misplaced.code, 2, "{misplaced:?}");
}
