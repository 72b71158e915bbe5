//! `plan new-year`: the annual rollover on copies of the shipped university example,
//! run with the real binary in November, when förvaltningar start next year's plans.

use crate::support::*;
use std::collections::BTreeMap;
use std::path::Path;

/// The day every rollover here runs: late November, when next year's plans start.
const NOVEMBER: &str = "2026-11-26";

/// The ten objects of examples/universitet, all planned for 2027.
const OBJECTS: [&str; 10] = [
    "backup",
    "canvas",
    "eduroam",
    "kaltura",
    "ladok",
    "lucat",
    "primula",
    "raindance",
    "timeedit",
    "varbi",
];

fn university() -> Repo {
    Repo::copy_of("examples/universitet")
}

fn new_year(repo: &Repo, args: &[&str]) -> Run {
    let mut all = vec!["new-year"];
    all.extend_from_slice(args);
    plan_at(repo.path(), NOVEMBER, &all)
}

/// The table row of an object (its first cell).
fn row(stdout: &str, object: &str) -> String {
    stdout
        .lines()
        .find(|l| l.starts_with(&format!("│ {object} ")))
        .unwrap_or_else(|| panic!("no row for {object}:\n{stdout}"))
        .to_string()
}

fn parse(text: &str) -> toml::Table {
    toml::from_str(text).unwrap_or_else(|e| panic!("not TOML ({e}):\n{text}"))
}

/// SPEC section 8 applied to a parsed 2027 plan, independently of the implementation:
/// the decision resets (established_on, established_by, diarienummer); description,
/// goals and contracts carry over.
fn expected_2028(mut plan: toml::Table) -> toml::Table {
    plan.insert("year".into(), 2028.into());
    plan.insert("status".into(), "draft".into());
    for key in ["established_on", "established_by", "diarienummer"] {
        plan.remove(key);
    }
    plan.remove("upgrades");
    if let Some(toml::Value::Array(systems)) = plan.get_mut("systems") {
        systems.retain(|s| s.get("lifecycle").and_then(|l| l.as_str()) != Some("retired"));
        for system in systems.iter_mut() {
            if let Some(a3) = system.get_mut("appendix3").and_then(|a| a.as_table_mut()) {
                for key in ["attested_by", "attested_on", "digest", "signed_by"] {
                    a3.remove(key);
                }
            }
        }
    }
    if let Some(toml::Value::Array(activities)) = plan.get_mut("activities") {
        activities.retain(|a| {
            !matches!(
                a.get("status").and_then(|s| s.as_str()),
                Some("done" | "cancelled")
            )
        });
        for activity in activities.iter_mut() {
            let table = activity.as_table_mut().expect("an activity is a table");
            table.insert("carried_from".into(), 2027.into());
        }
    }
    plan
}

/// The rollover of one of the example files as lines: the year and status reset,
/// the decision (established_on, established_by, diarienummer) and the attestation
/// lines gone, every upgrade gone with the
/// comment lines directly above it, and `carried_from = 2027` after the last line of
/// each activity. Section comments and everything else stay as they are.
fn expected_text(from: &str) -> String {
    let lines: Vec<&str> = from.lines().collect();
    let mut out: Vec<String> = Vec::new();
    let mut in_upgrade = false;
    let mut in_activity = false;
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("[[upgrades]]") {
            // Its own comments are the comment lines directly above it.
            while out.last().is_some_and(|l| l.starts_with('#')) {
                out.pop();
            }
            in_upgrade = true;
            continue;
        }
        if line.starts_with('[') {
            in_activity = line.starts_with("[[activities]]");
        }
        if in_upgrade {
            if line.trim().is_empty() {
                in_upgrade = false; // the blank line after it goes with it
            }
            continue;
        }
        match *line {
            "year = 2027" => out.push("year = 2028".into()),
            l if l.starts_with("status = \"established\"")
                || l.starts_with("status = \"draft\"") =>
            {
                if !in_activity {
                    out.push("status = \"draft\"".into())
                }
            }
            l if [
                "established_on",
                "established_by",
                "diarienummer",
                "attested_by",
                "attested_on",
                "digest",
                "signed_by",
            ]
            .iter()
            .any(|k| l.starts_with(&format!("{k} ="))) => {}
            l => out.push(l.to_string()),
        }
        let next_is_end = lines.get(i + 1).is_none_or(|n| n.trim().is_empty());
        if in_activity && !line.trim().is_empty() && next_is_end {
            out.push("carried_from = 2027".into());
        }
    }
    out.join("\n") + "\n"
}

#[test]
fn rolls_the_university_example_over_field_by_field() {
    let repo = university();
    let before = snapshot(repo.path());
    let run = new_year(&repo, &[]);
    assert_eq!(run.code, 0, "{run:?}");
    // The example speaks Swedish.
    assert_contains(&run.stdout, "skrev 10 planer för 2028");

    let after = snapshot(repo.path());
    let new: Vec<&String> = after.keys().filter(|k| !before.contains_key(*k)).collect();
    let wanted: Vec<String> = OBJECTS
        .iter()
        .map(|o| format!("objects/{o}/2028.toml"))
        .collect();
    assert_eq!(new, wanted.iter().collect::<Vec<_>>());
    for (path, bytes) in &before {
        assert_eq!(&after[path], bytes, "{path} changed");
    }
    for object in OBJECTS {
        let from = repo.read(&format!("objects/{object}/2027.toml"));
        let to = repo.read(&format!("objects/{object}/2028.toml"));
        let (want, got) = (expected_2028(parse(&from)), parse(&to));
        for key in want.keys().chain(got.keys()) {
            assert_eq!(want.get(key), got.get(key), "{object}: field `{key}`");
        }
    }
}

#[test]
fn comments_blank_lines_and_order_survive_byte_for_byte() {
    let repo = university();
    assert_eq!(new_year(&repo, &[]).code, 0);
    for object in OBJECTS {
        let from = repo.read(&format!("objects/{object}/2027.toml"));
        let to = repo.read(&format!("objects/{object}/2028.toml"));
        assert_eq!(to, expected_text(&from), "objects/{object}/2028.toml");
    }
    // Spot checks of what the line model above encodes.
    let ladok = repo.read("objects/ladok/2028.toml");
    assert_starts_with(&ladok, "# Förvaltningsplan 2027 – Ladok\n");
    assert!(ladok.contains("sek = 2200000 # inkl. medlemsavgift till Ladokkonsortiet\n"));
    assert!(ladok.contains(
        "# --- Versionsuppgraderingar (konsortiets releaser) ------------------------\n# Konsortiet driftar Ladok (hosting = \"external\") och bestämmer när dess releaser\n# installeras: varken CAB eller servicefönster här (\"kan dock se väldigt olika ut\n# … om systemet körs på LU-interna servrar eller hos leverantören\", 10.1).\n\n# --- Aktivitetslista"
    ));
    // The decision resets; the description, the goals and the contract carry over.
    for kept in [
        "\ndescription = \"Studiedokumentation för alla studenter",
        "\n[[goals]]\ntext = \"Alla examensbevis utfärdas digitalt\"",
        "notice_months = 3, owner = \"Ladokkonsortiet\", dpa = true }",
    ] {
        assert!(ladok.contains(kept), "{kept} in {ladok}");
    }
    for reset in ["established_on", "established_by", "diarienummer"] {
        assert!(!ladok.contains(reset), "{reset} in {ladok}");
    }
    let timeedit = repo.read("objects/timeedit/2028.toml");
    assert_lacks(&timeedit, "# Avvikelse: leverantören kan bara");
}

#[test]
fn the_drafts_pass_check_with_only_the_expected_warnings() {
    let repo = university();
    assert_eq!(new_year(&repo, &[]).code, 0);
    let checked = parse_check(plan_at(
        repo.path(),
        NOVEMBER,
        &["check", "--format", "json", "--year", "2028"],
    ));
    assert_eq!(checked.code, 0, "{:#?}", checked.findings);
    assert_eq!(checked.summary.errors, 0, "{:#?}", checked.findings);
    assert_eq!(checked.summary.files, 10);
    assert_eq!(
        checked.rule_set(),
        vec![
            "appendix3/not-attested",
            "appendix3/not-reported",
            "contract/expiring",
            "roles/conflict",
            "roles/recommended",
        ]
    );
    // Every kept system must be attested again.
    let not_attested = checked
        .findings
        .iter()
        .filter(|f| f.rule == "appendix3/not-attested")
        .count();
    assert_eq!(not_attested, 15);
    assert!(checked.findings.iter().all(|f| f.severity == "warning"));
}

#[test]
fn open_deviations_stay_and_the_table_says_so() {
    let repo = university();
    let run = new_year(&repo, &[]);
    assert_eq!(run.code, 0, "{run:?}");
    let raindance = repo.read("objects/raindance/2028.toml");
    let deviation = repo
        .read("objects/raindance/2027.toml")
        .lines()
        .find(|l| l.starts_with("restore_tested = "))
        .expect("the deviation of the example")
        .to_string();
    assert_contains(&raindance, &deviation);
    let row = row(&run.stdout, "raindance");
    assert_contains(&row, "1 öppen avvikelse");
    assert_contains(&row, "raindance/restore_tested");
}

#[test]
fn a_second_run_is_a_no_op_that_says_so() {
    let repo = university();
    assert_eq!(new_year(&repo, &[]).code, 0);
    for lang in Lang::ALL {
        repo.set_language(lang);
        let after_first = snapshot(repo.path());
        for args in [
            &[][..],
            &["--from", "2027"],
            &["--from", "2027", "--to", "2028"],
        ] {
            let again = new_year(&repo, args);
            assert_eq!(again.code, 0, "{again:?}");
            assert_eq!(
                again.stdout,
                lang.says(
                    "nothing to do: every object with a 2027 plan already has a 2028 plan\n",
                    "inget att göra: varje förvaltningsobjekt med en plan för 2027 har redan en plan för 2028\n"
                )
            );
            assert_eq!(again.stderr, "");
            assert_eq!(snapshot(repo.path()), after_first);
        }
    }
}

#[test]
fn an_existing_plan_for_the_new_year_is_left_byte_identical() {
    let repo = university();
    let mine = "# Påbörjad för hand.\nobject = \"ladok\"\nyear = 2028\n";
    repo.write("objects/ladok/2028.toml", mine);
    // A link to nothing is something too: never replaced.
    std::os::unix::fs::symlink("nowhere.toml", repo.file("objects/varbi/2028.toml"))
        .expect("a link");
    let run = new_year(&repo, &[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(repo.read_bytes("objects/ladok/2028.toml"), mine.as_bytes());
    assert_eq!(
        std::fs::read_link(repo.file("objects/varbi/2028.toml")).expect("still a link"),
        Path::new("nowhere.toml")
    );
    assert_contains(&run.stdout, "skrev 8 planer för 2028");
    let row = |object: &str| row(&run.stdout, object);
    assert!(row("ladok").contains("hoppas över"), "{}", row("ladok"));
    assert!(row("ladok").contains("objects/ladok/2028.toml finns redan"));
    assert!(row("varbi").contains("hoppas över"), "{}", row("varbi"));
    assert!(
        row("canvas").contains("skriv 2028.toml"),
        "{}",
        row("canvas")
    );
}

#[test]
fn dry_run_prints_the_table_and_writes_nothing() {
    for lang in Lang::ALL {
        let repo = university().speaking(lang);
        let before = snapshot(repo.path());
        let run = new_year(&repo, &["--dry-run"]);
        assert_eq!(run.code, 0, "{run:?}");
        assert_eq!(snapshot(repo.path()), before);
        let headers = lang.says(
            ["object", "action", "carried", "dropped", "notes"],
            ["objekt", "åtgärd", "följer med", "tas bort", "anmärkningar"],
        );
        for header in headers {
            assert_contains(&run.stdout, header);
        }
        for object in OBJECTS {
            assert_contains(&run.stdout, object);
        }
        let ladok = row(&run.stdout, "ladok");
        let cells = lang.says(
            [
                "write 2028.toml",
                "1 system, 4 open activities",
                "2 upgrades",
            ],
            [
                "skriv 2028.toml",
                "1 system, 4 öppna aktiviteter",
                "2 uppgraderingar",
            ],
        );
        for cell in cells {
            assert_contains(&ladok, cell);
        }
        assert_ends_with(
            &run.stdout,
            lang.says(
                "dry run: would write 10 plans for 2028; nothing written\n",
                "provkörning: skulle skriva 10 planer för 2028; inget skrevs\n",
            ),
        );
    }
}

/// Kaltura's only system is retired in 2027.
fn retire_kaltura(repo: &Repo) {
    let kaltura = repo.read("objects/kaltura/2027.toml");
    repo.write(
        "objects/kaltura/2027.toml",
        replace_once(
            &kaltura,
            "lifecycle = \"active\"",
            "lifecycle = \"retired\"",
        ),
    );
}

#[test]
fn retired_systems_are_dropped_and_a_fully_retired_object_is_skipped() {
    let repo = university();
    retire_kaltura(&repo);
    let backup = repo.read("objects/backup/2027.toml");
    repo.write(
        "objects/backup/2027.toml",
        replace_once(
            &backup,
            "lifecycle = \"phasing-out\"",
            "lifecycle = \"retired\"",
        ),
    );
    let run = new_year(&repo, &[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!repo.file("objects/kaltura/2028.toml").exists());
    let row = |object: &str| row(&run.stdout, object);
    assert!(row("kaltura").contains("hoppas över"), "{}", row("kaltura"));
    assert!(row("kaltura").contains("alla system är avvecklade (kaltura): ingen plan för 2028"));
    assert!(row("backup").contains("systemet bandbibliotek (avvecklat)"));
    assert!(
        row("canvas").contains("tog bort `canvas → kaltura`: avvecklat 2027"),
        "{}",
        row("canvas")
    );

    let backup = parse(&repo.read("objects/backup/2028.toml"));
    let ids: Vec<&str> = backup["systems"]
        .as_array()
        .expect("systems")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert_eq!(ids, vec!["storage-protect"]);
    let canvas_text = repo.read("objects/canvas/2028.toml");
    assert_contains(&canvas_text, "depends_on = [\"lucat\"]\n");
    assert_lacks(&canvas_text, "source = \"kaltura\"");
    assert_lacks(&canvas_text, "IK-2024-011");

    let checked = parse_check(plan_at(
        repo.path(),
        NOVEMBER,
        &["check", "--format", "json", "--year", "2028"],
    ));
    assert_eq!(checked.summary.errors, 0, "{:#?}", checked.findings);
    assert_eq!(checked.summary.files, 9);
}

#[test]
fn the_notes_name_ended_contracts_and_references_to_nothing() {
    for lang in Lang::ALL {
        let repo = university().speaking(lang);
        let canvas = repo.read("objects/canvas/2027.toml");
        repo.write(
            "objects/canvas/2027.toml",
            replace_once(
                &canvas,
                "depends_on = [\"ladok\", \"backup\"]",
                "depends_on = [\"ladok\", \"arkiv\"]",
            ),
        );
        let run = new_year(&repo, &["--dry-run"]);
        assert_eq!(run.code, 0, "{run:?}");
        let row = |object: &str| row(&run.stdout, object);
        assert!(
            row("kaltura").contains(lang.says(
                "the contract for `kaltura` ended 2027-06-30",
                "avtalet för `kaltura` löpte ut 2027-06-30"
            )),
            "{}",
            row("kaltura")
        );
        let nothing = lang.says(
            "`canvas-ladok → arkiv` names nothing planned for 2028 (deps/unknown)",
            "`canvas-ladok → arkiv` pekar inte på något som planeras för 2028 (deps/unknown)",
        );
        assert!(row("canvas").contains(nothing), "{}", row("canvas"));
        assert!(!row("ladok").contains("arkiv"), "{}", row("ladok"));
    }
}

#[test]
fn a_reference_to_a_system_retired_this_year_but_planned_next_year_stays() {
    let repo = university();
    retire_kaltura(&repo);
    // Someone has already planned kaltura for 2028, with the system alive again.
    repo.write(
        "objects/kaltura/2028.toml",
        "object = \"kaltura\"\nyear = 2028\n\n[[systems]]\nid = \"kaltura\"\nlifecycle = \"active\"\n",
    );
    let run = new_year(&repo, &[]);
    assert_eq!(run.code, 0, "{run:?}");
    let canvas = row(&run.stdout, "canvas");
    // The example speaks Swedish: `tog bort …` (removed) and `pekar inte på något`
    // (names nothing) are what it would say.
    for said in [
        "tog bort",
        "pekar inte på något",
        "removed",
        "names nothing",
    ] {
        assert_lacks(&canvas, said);
    }
    let canvas_text = repo.read("objects/canvas/2028.toml");
    assert_contains(&canvas_text, "depends_on = [\"lucat\", \"kaltura\"]");
    assert_contains(&canvas_text, "source = \"kaltura\"");
}

#[test]
fn a_plan_with_windows_line_ends_gets_a_draft_with_them_too() {
    let repo = university();
    let ladok = repo.read("objects/ladok/2027.toml");
    let windows = [
        b"\xEF\xBB\xBF".as_slice(),
        ladok.replace('\n', "\r\n").as_bytes(),
    ]
    .concat();
    repo.write("objects/ladok/2027.toml", &windows);
    let run = new_year(&repo, &[]);
    assert_eq!(run.code, 0, "{run:?}");
    let draft = repo.read_bytes("objects/ladok/2028.toml");
    assert!(
        draft.starts_with(b"\xEF\xBB\xBF"),
        "the byte order mark is gone"
    );
    let text = String::from_utf8(draft).expect("UTF-8");
    assert!(text.contains("year = 2028\r\n"), "{text:?}");
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    // The other drafts keep their plain line ends.
    assert!(!repo.read("objects/canvas/2028.toml").contains('\r'));
}

/// Asserts a failed run: exit 2, a message (in the repository's language, Swedish
/// in the example), and the repository exactly as before.
fn assert_nothing_written(repo: &Repo, before: &BTreeMap<String, String>, run: &Run) {
    assert_eq!(run.code, 2, "{run:?}");
    let lang = if repo.read("plan.toml").contains("language = \"en\"") {
        Lang::En
    } else {
        Lang::Sv
    };
    let nothing = lang.says("nothing was written", "inget skrevs");
    assert_contains(&run.stderr, nothing);
    assert_eq!(&snapshot(repo.path()), before, "files were left behind");
}

#[test]
fn a_folder_that_cannot_be_written_half_way_leaves_no_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let repo = university();
    // varbi comes last: nine drafts are written before its folder refuses.
    let folder = repo.file("objects/varbi");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let probe = folder.join("probe");
    if std::fs::write(&probe, "").is_ok() {
        // Root ignores permissions; the next test fails a write another way.
        let _ = std::fs::remove_file(&probe);
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        eprintln!("skipped: this user can write into a read-only folder");
        return;
    }
    let before = snapshot(repo.path());
    let run = new_year(&repo, &[]);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_nothing_written(&repo, &before, &run);
    assert_contains(&run.stderr, "objects/varbi/2028.toml");
}

#[test]
fn a_write_failing_half_way_leaves_no_new_file_even_for_root() {
    let repo = university();
    // A plan far larger than the others, rolled over last, and a file size limit
    // between the two: the nine small drafts are written, then varbi's write fails
    // (EFBIG, as on a full disk or quota). The limit holds for root too.
    let varbi = repo.read("objects/varbi/2027.toml");
    let padding = "# Historik som följer med planen år från år.\n".repeat(5000);
    repo.write("objects/varbi/2027.toml", format!("{varbi}\n{padding}"));
    assert!(repo.read("objects/varbi/2027.toml").len() > 200_000);
    let before = snapshot(repo.path());
    let mut cmd = std::process::Command::new("sh");
    cmd.args([
        "-c",
        "trap '' XFSZ; ulimit -f 128 && exec \"$0\" \"$@\"",
        env!("CARGO_BIN_EXE_plan"),
    ])
    .args(repo_args(repo.path(), NOVEMBER))
    .arg("new-year")
    .current_dir(repo.path())
    .env_remove("NO_COLOR");
    let run = run(&mut cmd);
    assert_nothing_written(&repo, &before, &run);
    assert_contains(&run.stderr, "objects/varbi/2028.toml");
}

#[test]
fn an_unreadable_plan_stops_the_run_before_anything_is_written() {
    let repo = university();
    repo.write(
        "objects/primula/2027.toml",
        "object = \"primula\"\nyear = [\n",
    );
    let before = snapshot(repo.path());
    let run = new_year(&repo, &[]);
    assert_nothing_written(&repo, &before, &run);
    assert_contains(&run.stderr, "objects/primula/2027.toml är inte giltig TOML");
}

#[test]
fn years_that_make_no_rollover_are_refused() {
    for lang in Lang::ALL {
        let repo = university().speaking(lang);
        let before = snapshot(repo.path());
        let backwards = new_year(&repo, &["--from", "2027", "--to", "2026"]);
        assert_error(
            &backwards,
            lang.says(
                "error: --to 2026 must be after --from 2027\n",
                "fel: --to 2026 måste vara senare än --from 2027\n",
            ),
        );
        let nothing = new_year(&repo, &["--from", "2019"]);
        assert_error(
            &nothing,
            lang.says(
                "error: no plans for 2019 (objects/<object>/2019.toml)\n",
                "fel: inga planer för 2019 (objects/<objekt>/2019.toml)\n",
            ),
        );
        assert_eq!(snapshot(repo.path()), before);
    }
}

#[test]
fn the_default_year_to_start_from_is_the_newest_established_one() {
    let repo = university();
    // 2026 → 2027 exists for every object that had a 2026 plan: nothing to do.
    let older = new_year(&repo, &["--from", "2026"]);
    assert_eq!(older.code, 0, "{older:?}");
    assert_starts_with(&older.stdout, "inget att göra");
    // 2028 only holds drafts after the rollover, so it is not the default start.
    assert_eq!(new_year(&repo, &[]).code, 0);
    let again = new_year(&repo, &[]);
    assert!(
        again
            .stdout
            .contains("en plan för 2027 har redan en plan för 2028"),
        "{}",
        again.stdout
    );
    // It can still be rolled over on purpose.
    let on_purpose = new_year(&repo, &["--from", "2028", "--dry-run"]);
    assert_eq!(on_purpose.code, 0, "{on_purpose:?}");
    assert!(on_purpose
        .stdout
        .contains("skulle skriva 10 planer för 2029"));
}

// --commit, on real git repositories.

/// The example under git, with a configured identity, committed once unless `empty`.
fn university_in_git(empty: bool) -> Repo {
    let repo = university();
    repo.git(&["init", "--quiet"]);
    repo.git(&["config", "user.name", "Karin Ek"]);
    repo.git(&["config", "user.email", "karin.ek@example.se"]);
    repo.git(&["config", "commit.gpgsign", "false"]);
    if !empty {
        repo.commit_all("Förvaltningsplaner 2027");
    }
    repo
}

/// `plan new-year --commit ARGS…` without git identity variables from the caller.
fn new_year_commit(repo: &Repo, args: &[&str]) -> Run {
    new_year_commit_with(repo, args, &[])
}

/// [`new_year_commit`] with these environment variables set.
fn new_year_commit_with(repo: &Repo, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = plan_command_at(repo.path(), NOVEMBER);
    cmd.args(["new-year", "--commit"])
        .args(args)
        .envs(env.iter().copied());
    for var in [
        "GIT_AUTHOR_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL",
    ] {
        cmd.env_remove(var);
    }
    run(&mut cmd)
}

fn git_out(repo: &Repo, args: &[&str]) -> String {
    let done = git_in(repo.path(), args, &[]);
    assert_eq!(done.code, 0, "git {args:?}: {done:?}");
    done.stdout
}

#[test]
fn commit_mode_makes_one_commit_of_exactly_the_new_plans() {
    let repo = university_in_git(false);
    let run = new_year_commit(&repo, &[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_contains(&run.stdout, "och checkade in dem som ");
    assert_eq!(git_out(&repo, &["rev-list", "--count", "HEAD"]).trim(), "2");
    let mut message = String::from("Förvaltningsplaner 2028: förslag utifrån 2027\n\n");
    for object in OBJECTS {
        message.push_str(&format!("- {object} (objects/{object}/2028.toml)\n"));
    }
    assert_eq!(
        git_out(&repo, &["log", "-1", "--format=%B"]),
        message + "\n"
    );
    assert_eq!(
        git_out(&repo, &["log", "-1", "--format=%an <%ae>|%cn <%ce>"]).trim(),
        "Karin Ek <karin.ek@example.se>|Karin Ek <karin.ek@example.se>"
    );
    let files = git_out(&repo, &["show", "--name-only", "--format=", "HEAD"]);
    let wanted: Vec<String> = OBJECTS
        .iter()
        .map(|o| format!("objects/{o}/2028.toml"))
        .collect();
    assert_eq!(files.lines().collect::<Vec<_>>(), wanted);
    // The work tree, the index and HEAD agree: nothing left staged or untracked.
    assert_eq!(git_out(&repo, &["status", "--porcelain"]), "");
}

#[test]
fn commit_mode_refuses_while_other_changes_are_staged() {
    for lang in Lang::ALL {
        commit_mode_refuses_while_other_changes_are_staged_in(lang);
    }
}

fn commit_mode_refuses_while_other_changes_are_staged_in(lang: Lang) {
    let repo = university_in_git(false).speaking(lang);
    repo.git(&["add", "plan.toml"]);
    let before = snapshot(repo.path());
    let head = repo.rev_parse("HEAD");
    let run = new_year_commit(&repo, &[]);
    assert_nothing_written(&repo, &before, &run);
    assert_eq!(
        run.stderr,
        lang.says(
            "error: --commit refused; nothing was written: the index already holds staged changes (plan.toml); commit or unstage them first (git restore --staged …), so the commit holds only the new plans\n",
            "fel: --commit vägrades; inget skrevs: indexet har redan köade ändringar (plan.toml); checka in dem eller ta bort dem ur indexet först (git restore --staged …), så att incheckningen bara innehåller de nya planerna\n"
        )
    );
    assert_eq!(repo.rev_parse("HEAD"), head);
    assert_eq!(
        git_out(&repo, &["diff", "--cached", "--name-only"]),
        "plan.toml\n"
    );
    // A dry run says the same.
    let dry = new_year_commit(&repo, &["--dry-run"]);
    assert_eq!(dry.code, 2, "{dry:?}");
}

#[test]
fn commit_mode_makes_the_first_commit_of_a_new_repository() {
    // The commit message is in the repository's language (Swedish above).
    let repo = university_in_git(true).speaking(Lang::En);
    let run = new_year_commit(&repo, &[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_contains(
        &run.stdout,
        "wrote 10 plans for 2028 and committed them as ",
    );
    assert_eq!(git_out(&repo, &["rev-list", "--count", "HEAD"]).trim(), "1");
    assert!(git_out(&repo, &["log", "-1", "--format=%B"]).starts_with(
        "Management plans 2028: drafts from 2027\n\n- backup (objects/backup/2028.toml)\n"
    ));
    let files = git_out(&repo, &["ls-tree", "-r", "--name-only", "HEAD"]);
    assert_eq!(files.lines().count(), 10, "{files}");
    assert!(files.lines().all(|f| f.ends_with("/2028.toml")), "{files}");

    // With something staged before the first commit, it refuses.
    let repo = university_in_git(true);
    repo.git(&["add", "plan.toml"]);
    let before = snapshot(repo.path());
    assert_nothing_written(&repo, &before, &new_year_commit(&repo, &[]));
}

#[test]
fn commit_mode_without_a_git_identity_refuses_before_writing() {
    let repo = university();
    repo.git(&["init", "--quiet"]);
    repo.commit_all("Förvaltningsplaner 2027");
    let home = tempfile::tempdir().expect("a temporary home");
    let isolated = [
        ("HOME", home.path().to_str().expect("UTF-8")),
        ("XDG_CONFIG_HOME", home.path().to_str().expect("UTF-8")),
        ("GIT_CONFIG_NOSYSTEM", "1"),
    ];
    // Where git itself still finds an identity (a system-wide one), there is nothing to test.
    let mut probe = std::process::Command::new("git");
    probe
        .current_dir(repo.path())
        .args(["config", "user.email"])
        .envs(isolated);
    if probe.output().is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: git finds an identity outside HOME");
        return;
    }
    let before = snapshot(repo.path());
    let run = new_year_commit_with(&repo, &[], &isolated);
    assert_nothing_written(&repo, &before, &run);
    assert_contains(&run.stderr, "git config user.name");
}

#[test]
fn the_year_after_9999_is_refused_before_anything_is_written() {
    for lang in Lang::ALL {
        let repo = Repo::new().speaking(lang);
        repo.write("objects/ladok/9999.toml", baseline());
        let before = snapshot(repo.path());
        let run = new_year(&repo, &["--from", "9999"]);
        assert_error(&run, lang.says(
                "error: --from 9999: the year after it has five digits, and plan files are named by four (objects/<object>/<year>.toml)\n",
                "fel: --from 9999: året efter har fem siffror, och planfilerna namnges med fyra (objects/<objekt>/<år>.toml)\n"
            ));
        assert_eq!(snapshot(repo.path()), before);
    }
}

// --- interrupted runs (SPEC §8, v2) ---------------------------------------------------

/// The number of 2028 plans under objects/.
fn count_2028(repo: &Repo) -> usize {
    snapshot(repo.path())
        .keys()
        .filter(|p| p.ends_with("/2028.toml"))
        .count()
}

/// Kills `plan new-year --commit` on a few hundred objects at random moments, and
/// after each kill checks what SPEC §8 promises: no temporary file where `plan
/// check` or the user sees it, the 2028 plans all there, none there, or the run on
/// record under .git/ — and the next run leaves all of them in place and committed
/// in one commit, with nothing else left over.
#[cfg(unix)]
#[test]
fn new_year_killed_at_random_moments_is_finished_or_undone_by_the_next_run() {
    const OBJECTS: usize = 200;
    const KILLS: usize = 20;
    let repo = Repo::new();
    repo.git(&["config", "user.name", "Karin Ek"]);
    repo.git(&["config", "user.email", "karin.ek@example.se"]);
    repo.git(&["config", "commit.gpgsign", "false"]);
    for i in 0..OBJECTS {
        repo.write(
            &format!("objects/o{i:03}/2027.toml"),
            baseline_for(&format!("o{i:03}")),
        );
    }
    repo.commit_all("Förvaltningsplaner 2027");
    let start = git_out(&repo, &["rev-parse", "HEAD"]);
    let start = start.trim();
    let args = ["--from", "2027", "--to", "2028"];
    let reset = || {
        repo.git(&["reset", "--quiet", "--hard", start]);
        repo.git(&["clean", "--quiet", "-fd", "objects"]);
    };

    // One whole run, to know how long one takes: the kills fall within it.
    let began = std::time::Instant::now();
    let whole = new_year_commit(&repo, &args);
    let span = began.elapsed().as_micros() as u64;
    assert_eq!(whole.code, 0, "{whole:?}");
    assert_eq!(count_2028(&repo), OBJECTS);
    reset();

    // The moments of the kills: a new seed every run, printed to repeat one.
    let mut random = fastrand::Rng::new();
    let seed = random.get_seed();
    let mut seen = BTreeMap::<&str, usize>::new();
    for kill in 0..KILLS {
        // Every other kill falls late in the run, where the plans are put in place
        // and committed.
        let at = std::time::Duration::from_micros(if kill % 2 == 0 {
            random.u64(..span.max(1))
        } else {
            span / 2 + random.u64(..(span / 2 + span / 10).max(1))
        });
        let mut child = plan_command_at(repo.path(), NOVEMBER)
            .args(["new-year", "--commit"])
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("plan starts");
        std::thread::sleep(at);
        let _ = child.kill();
        let _ = child.wait();
        let context = format!("kill {kill} after {at:?} (seed {seed})");

        assert_no_temporary_files(repo.path());
        let placed = count_2028(&repo);
        let started = repo.file(".git/plan-new-year").exists();
        let on_record = repo.file(".git/plan-new-year/run.json").exists();
        assert!(
            placed == 0 || placed == OBJECTS || on_record,
            "{context}: {placed} of {OBJECTS} plans and no record of the run"
        );
        *seen
            .entry(match (placed, started, on_record) {
                (0, false, _) => "not started or done",
                (0, true, false) => "drafting (undone next)",
                (0, true, true) => "on record, none placed (finished next)",
                (n, _, true) if n < OBJECTS => "on record, some placed (finished next)",
                (_, _, true) => "on record, all placed (committed next)",
                _ => "all placed and done",
            })
            .or_default() += 1;

        // A kill inside git's own commit can leave git's lock files, as it would
        // for `git commit`; git's advice is to remove them, which is done here.
        for lock in [
            ".git/index.lock",
            ".git/HEAD.lock",
            ".git/refs/heads/main.lock",
            ".git/refs/heads/master.lock",
        ] {
            let _ = std::fs::remove_file(repo.file(lock));
        }
        let next = new_year_commit(&repo, &args);
        assert_eq!(next.code, 0, "{context}: {next:?}");
        assert_eq!(count_2028(&repo), OBJECTS, "{context}: {next:?}");
        assert!(!repo.file(".git/plan-new-year").exists(), "{context}");
        assert_no_temporary_files(repo.path());
        assert_eq!(
            git_out(&repo, &["status", "--porcelain"]),
            "",
            "{context}: all committed"
        );
        let in_head = git_out(&repo, &["ls-tree", "-r", "--name-only", "HEAD", "objects"]);
        assert_eq!(
            in_head
                .lines()
                .filter(|p| p.ends_with("/2028.toml"))
                .count(),
            OBJECTS,
            "{context}"
        );
        // One commit on top of the start holds them all.
        let commits = git_out(&repo, &["rev-list", "--count", &format!("{start}..HEAD")]);
        assert_eq!(commits.trim(), "1", "{context}");
        reset();
    }
    eprintln!("{KILLS} kills (seed {seed}): {seen:?}");
}

#[test]
fn check_points_at_an_interrupted_run_and_new_year_undoes_one_that_placed_nothing() {
    for lang in Lang::ALL {
        let repo = Repo::with_plan(baseline()).speaking(lang);
        // What a run killed while writing its drafts leaves: its folder under .git/,
        // with no record of the run yet.
        repo.write(".git/plan-new-year/0.toml", "half a draft");
        let run = repo.plan(&["check"]);
        assert_eq!(run.code, 0, "{run:?}");
        let drafts = repo.file(".git/plan-new-year");
        assert_eq!(
            run.stderr,
            lang.says(
                format!("note: a `plan new-year` was interrupted (its drafts are in {}); run `plan new-year` to finish or undo it\n", drafts.display()),
                format!("obs: en `plan new-year` avbröts (dess förslag ligger i {}); kör `plan new-year` för att slutföra eller ångra den\n", drafts.display()),
            )
        );
        let dry = new_year(&repo, &["--from", "2027", "--dry-run"]);
        assert!(
            dry.stderr.starts_with(lang.says(
                "note: an earlier `plan new-year` was interrupted; run `plan new-year` without --dry-run to finish or undo it\n",
                "obs: en tidigare `plan new-year` avbröts; kör `plan new-year` utan --dry-run för att slutföra eller ångra den\n"
            )),
            "{dry:?}"
        );
        let run = new_year(&repo, &["--from", "2027"]);
        assert_eq!(run.code, 0, "{run:?}");
        assert!(
            run.stderr.starts_with(lang.says(
                "note: an earlier `plan new-year` was interrupted before it put any plan in place; its drafts are removed\n",
                "obs: en tidigare `plan new-year` avbröts innan den hade lagt någon plan på plats; dess förslag är borttagna\n"
            )),
            "{run:?}"
        );
        assert!(!repo.file(".git/plan-new-year").exists());
        assert!(repo.file("objects/ladok/2028.toml").is_file());
    }
}
