//! `plan import`: draft plans from a system register export (SPEC §11).
//!
//! 001 §6.3: förvaltningsledaren ska "Registrera avtal, systembeskrivning och
//! systemförvaltningsorganisation i RegIT" — the register exists before the plans
//! do, and an organisation starts from it instead of typing hundreds of plans.

use crate::support::*;
use std::collections::BTreeMap;

/// The cells of a CSV line with `sep` (quoted fields hold no quotes in the examples).
fn split(line: &str, sep: char) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c == sep && !quoted => cells.push(String::new()),
            c => cells.last_mut().expect("a cell").push(c),
        }
    }
    cells.iter().map(|c| c.trim().to_string()).collect()
}

/// The rows of a CSV text as header → cell maps.
fn records(text: &str, sep: char) -> Vec<BTreeMap<String, String>> {
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    let header = split(lines.next().expect("a header"), sep);
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| header.iter().cloned().zip(split(l, sep)).collect())
        .collect()
}

/// The names in a role cell, without e-mail addresses.
fn names(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(|p| p.split('<').next().expect("a name").trim().to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

fn run_import(repo: &Repo, file: &str, extra: &[&str]) -> Run {
    let path = repo.file(file);
    let mut args = vec!["import", path.to_str().expect("UTF-8"), "--year", "2027"];
    args.extend_from_slice(extra);
    repo.plan(&args)
}

/// `plan report systems --format csv` as maps, keyed by system name.
fn report(repo: &Repo) -> BTreeMap<String, BTreeMap<String, String>> {
    let run = repo.plan(&["report", "systems", "--year", "2027", "--format", "csv"]);
    assert_eq!(run.code, 0, "{run:?}");
    records(&run.stdout, ',')
        .into_iter()
        .map(|r| (r["name"].clone(), r))
        .collect()
}

#[test]
fn the_kommun_register_imports_and_report_systems_gives_back_what_went_in() {
    let repo = Repo::copy_of("examples/kommun");
    let before = snapshot(&repo.path().join("objects"));
    let run = run_import(&repo, "register.csv", &[]);
    assert_eq!(run.code, 0, "{run:?}");
    // Plans that exist are never overwritten: their rows are skipped and listed (in
    // Swedish, the example's language).
    assert_contains(
        &run.stdout,
        "hoppade över objects/ekonomisystem/2027.toml: den finns redan (rad 30, 31)\n",
    );
    assert!(run
        .stdout
        .contains("hoppade över objects/skolplattform/2027.toml: den finns redan (rad 29)\n"));
    assert_contains(&run.stdout, "importerade 21 förvaltningsobjekt (27 system) som förslag till planer för 2027; hoppade över 2 förvaltningsobjekt som redan har en plan för 2027\n");
    let after = snapshot(&repo.path().join("objects"));
    for (file, text) in &before {
        assert_eq!(after.get(file), Some(text), "{file} changed");
    }
    // Messy rows: trailing spaces and mixed case name one object; ids from names.
    assert!(run.stdout.contains(
        "skapade objects/lon-och-personal/2027.toml: personec-p, time-care (rad 5, 6)\n"
    ));
    assert!(run.stdout.contains(
        "skapade objects/socialtjanst/2027.toml: lifecare, lifecare-mobil, treserva (rad 2, 3, 4)\n"
    ));
    assert!(run
        .stdout
        .contains("skapade objects/overformyndare/2027.toml: warna (rad 20)\n"));

    let register = records(&repo.read("register.csv"), ';');
    assert_eq!(register.len(), 30);
    let reported = report(&repo);
    let word = |s: &str| {
        match s.to_lowercase().as_str() {
            "intern" => "internal",
            "extern" => "external",
            "hybrid" => "hybrid",
            "i drift" | "aktiv" => "active",
            "avvecklas" => "phasing-out",
            "avvecklad" => "retired",
            "planerad" => "planned",
            "ja" => "yes",
            "nej" => "no",
            other => panic!("no expected value for `{other}`"),
        }
        .to_string()
    };
    for row in &register {
        let name = &row["Namn"];
        let got = reported
            .get(name)
            .unwrap_or_else(|| panic!("no system `{name}` in the report"));
        let expect = [
            ("supplier", row["Leverantör"].clone()),
            ("hosting", word(&row["Drift"])),
            ("lifecycle", word(&row["Livscykel"])),
            ("version", row["Version"].clone()),
            ("personal_data", word(&row["Personuppgifter"])),
            ("confidentiality", row["Konfidentialitet"].clone()),
            ("integrity", row["Riktighet"].clone()),
            ("availability", row["Tillgänglighet"].clone()),
            ("contract", row["Avtal"].clone()),
            ("contract_ends", row["Avtalet löper ut"].clone()),
        ];
        for (column, value) in expect {
            assert_eq!(got[column], value, "{name}: {column}");
        }
        for role in [
            "Juridisk systemägare",
            "Objektägare",
            "Objektägare IT",
            "Förvaltningsledare",
            "Förvaltningsledare IT",
            "Systemförvaltare/systemadministratör (objektspecialist)",
        ] {
            let held = names(&got[role]);
            for name_in in names(&row[role]) {
                assert!(held.contains(&name_in), "{name}: {role}: {held:?}");
            }
        }
    }
    // An empty role cell: a required role gets a placeholder to fill in, an
    // optional one (systemförvaltare in the municipal model) is listed as such.
    assert_eq!(
        reported["Bokning av lokaler och anläggningar"]
            ["Systemförvaltare/systemadministratör (objektspecialist)"],
        ""
    );
    let plan = repo.read("objects/kultur-och-fritid/2027.toml");
    assert_contains(
        &plan,
        "# Valfria roller: systemforvaltare, it_specialist, systemdriftansvarig\n",
    );
    let plan = repo.read("objects/e-arkiv/2027.toml");
    assert_contains(&plan, "[roles.forvaltningsledare_it] # Förvaltningsledare IT (FL IT)\nname = \"Patrik Sjögren\"\nemail = \"\"");
    // The e-mail address in angle brackets is kept with the name.
    let social = repo.read("objects/socialtjanst/2027.toml");
    assert_contains(&social, "[roles.objektagare] # Objektägare (OÄ)\nname = \"Karin Ek\"\nemail = \"karin.ek@example.se\"");
    assert_contains(&social, "name = \"Socialtjänst\"\n");
    assert_contains(&social, "status = \"draft\"");
    assert_no_temporary_files(repo.path());

    // The drafts are plans like `plan new` writes: valid TOML of the right layout,
    // every required role present, only the placeholders left to fill in.
    let checked = repo.check(&["--year", "2027"]);
    let rules = checked.rule_set();
    for rule in ["parse", "layout", "roles/missing", "roles/unknown"] {
        assert!(!rules.contains(&rule), "{rule}: {rules:?}");
    }
}

#[test]
fn a_dry_run_lists_what_it_would_write_and_writes_nothing() {
    for lang in Lang::ALL {
        let repo = Repo::copy_of("examples/kommun").speaking(lang);
        let before = snapshot(repo.path());
        let run = run_import(&repo, "register.csv", &["--dry-run"]);
        assert_eq!(run.code, 0, "{run:?}");
        assert!(run.stdout.contains(lang.says(
            "would create objects/kontaktcenter/2027.toml: artvise, vaxel (rows 22, 23)\n",
            "skulle skapa objects/kontaktcenter/2027.toml: artvise, vaxel (rad 22, 23)\n"
        )));
        assert_ends_with(&run.stdout, lang.says(
                "would import 21 objects (27 systems) as draft plans of 2027; skipped 2 objects that already have a plan of 2027\nnothing written (--dry-run)\n",
                "skulle importera 21 förvaltningsobjekt (27 system) som förslag till planer för 2027; hoppar över 2 förvaltningsobjekt som redan har en plan för 2027\ninget skrevs (--dry-run)\n"
            ));
        assert_eq!(snapshot(repo.path()), before);
    }
}

/// The universitet register (English headers, commas, no byte order mark) as an
/// XLSX workbook: dates as dates, numbers as numbers, booleans as booleans, the
/// table starting at B3 as a hand-made sheet might.
fn as_workbook(csv: &str) -> Vec<u8> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (r, line) in (2u32..).zip(csv.lines()) {
        for (c, cell) in (1u16..).zip(split(line, ',')) {
            if cell.is_empty() {
                continue;
            }
            let written = if let Ok(d) = chrono::NaiveDate::parse_from_str(&cell, "%Y-%m-%d") {
                sheet.write_datetime_with_format(r, c, d, &date).map(drop)
            } else if cell == "yes" || cell == "no" {
                sheet.write_boolean(r, c, cell == "yes").map(drop)
            } else if let (Ok(n), 1) = (cell.parse::<i64>(), cell.len()) {
                sheet.write_number(r, c, n as f64).map(drop)
            } else {
                sheet.write_string(r, c, &cell).map(drop)
            };
            written.expect("a cell");
        }
    }
    book.save_to_buffer().expect("a workbook")
}

#[test]
fn an_xlsx_export_imports_to_the_same_plans_as_the_csv() {
    let from_csv = Repo::copy_of("examples/universitet");
    let run = run_import(&from_csv, "register.csv", &[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_contains(&run.stdout, "importerade 7 förvaltningsobjekt (9 system) som förslag till planer för 2027; hoppade över 2 förvaltningsobjekt som redan har en plan för 2027\n");

    let from_xlsx = Repo::copy_of("examples/universitet");
    from_xlsx.write(
        "register.xlsx",
        as_workbook(&from_xlsx.read("register.csv")),
    );
    let run_x = run_import(&from_xlsx, "register.xlsx", &[]);
    assert_eq!(run_x.code, 0, "{run_x:?}");
    assert_eq!(
        snapshot(&from_xlsx.path().join("objects")),
        snapshot(&from_csv.path().join("objects"))
    );
    // Role columns by label (Systemägare) and by id (systemforvaltare).
    let alma = &report(&from_xlsx)["Alma (bibliotekssystem)"];
    assert_eq!(alma["Systemägare"], "Åsa Holm");
    assert_eq!(alma["Systemförvaltare"], "Lina Sjö");
    assert_eq!(alma["contract_ends"], "2029-12-31");
    assert_eq!(alma["personal_data"], "yes");
    let primo = &report(&from_xlsx)["Primo (söktjänst)"];
    assert_eq!(primo["confidentiality"], "0");
    assert_eq!(primo["personal_data"], "no");
}

#[test]
fn rows_it_cannot_use_are_findings_with_row_and_column_and_nothing_is_written() {
    for lang in Lang::ALL {
        rows_it_cannot_use_in(lang);
    }
}

fn rows_it_cannot_use_in(lang: Lang) {
    let repo = Repo::new().speaking(lang);
    // Semicolons without a byte order mark; headers in mixed case and language.
    repo.write(
        "export.csv",
        "Objekt;SYSTEM;Namn;Leverantr;Drift;Konfidentialitet;Avtalet löper ut;Systemägare;Personal data\n\
         Ladok;Ladok;Ladok;Ladokkonsortiet;molnet;2;2028-06-30;Karin Ek <karin.ek@example.se>;ja\n\
         Lön;Primula;Primula;CGI;intern;5;30/6 2028;Karin Ek <karin.ek@example;nej\n\
         Lon;Primula;Primula;CGI;intern;1;;;nej\n\
         Ladok;ladok;Ladok igen;;extern;;;;\n\
         ;;;;intern;;;;\n\
         ???;x;x;;;;;;\n",
    );
    let before = snapshot(repo.path());
    let run = run_import(&repo, "export.csv", &[]);
    assert_eq!(run.code, 1, "{run:?}");
    let file = repo.file("export.csv").display().to_string();
    let expected = lang.says([
        "row 1, column D (Leverantr): unknown column `Leverantr`\n  help: did you mean `leverantör`?",
        "row 2, column E (Drift): `molnet` is not a hosting: write internal, external or hybrid (intern, extern)",
        "row 3, column F (Konfidentialitet): `5` is not a classification level 0–3",
        "row 3, column G (Avtalet löper ut): `30/6 2028` is not a date like 2028-06-30",
        "row 3, column H (Systemägare): `Karin Ek <karin.ek@example` is not a name, an e-mail address, or \"Name <e-mail>\"\n  help: write it as Karin Ek <karin.ek@example.se>",
        "row 4, column A (Objekt): `Lon` and `Lön` (row 3) both make the object id `lon`",
        "row 5, column B (SYSTEM): the system id `ladok` of object `ladok` is made by row 2 already",
        "row 6: the row names no system: its object, system and name are empty",
        "row 7, column A (Objekt): `???` makes no id: it has no letter or digit",
    ], [
        "rad 1, kolumn D (Leverantr): okänd kolumn `Leverantr`\n  hjälp: menade du `leverantör`?",
        "rad 2, kolumn E (Drift): `molnet` är inte en driftform: skriv internal, external eller hybrid (intern, extern)",
        "rad 3, kolumn F (Konfidentialitet): `5` är inte en klassningsnivå 0–3",
        "rad 3, kolumn G (Avtalet löper ut): `30/6 2028` är inte ett datum som 2028-06-30",
        "rad 3, kolumn H (Systemägare): `Karin Ek <karin.ek@example` är inte ett namn, en e-postadress eller \"Namn <e-post>\"\n  hjälp: skriv det som Karin Ek <karin.ek@example.se>",
        "rad 4, kolumn A (Objekt): `Lon` och `Lön` (rad 3) ger båda förvaltningsobjektets id `lon`",
        "rad 5, kolumn B (SYSTEM): systemets id `ladok` i förvaltningsobjektet `ladok` ges redan av rad 2",
        "rad 6: raden anger inget system: förvaltningsobjekt, system och namn är tomma",
        "rad 7, kolumn A (Objekt): `???` ger inget id: det har ingen bokstav eller siffra",
    ]);
    for finding in expected {
        assert!(
            run.stdout.contains(&format!("{file}: {finding}")),
            "missing `{finding}` in:\n{}",
            run.stdout
        );
    }
    assert_eq!(
        run.stdout
            .matches(&format!("{file}: {}", lang.says("row", "rad")))
            .count(),
        expected.len(),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stderr,
        lang.says(
            format!("{file}: 9 rows or columns cannot be used; nothing written\n"),
            format!("{file}: 9 rader eller kolumner går inte att använda; inget skrevs\n"),
        )
    );
    // `Personal data` is `personal_data`: spacing and case do not matter.
    assert_lacks(&run.stdout, "Personal data");
    assert_eq!(snapshot(repo.path()), before, "something was written");
}

#[test]
fn without_an_object_column_each_system_is_its_own_object() {
    for lang in Lang::ALL {
        without_an_object_column_in(lang);
    }
}

fn without_an_object_column_in(lang: Lang) {
    let repo = Repo::new().speaking(lang);
    repo.write(
        "systems.csv",
        "\u{feff}System,Supplier,IT-systemägare\r\nTime Edit,TimeEdit AB,Jonas Ahl <jonas.ahl@example.se>\r\nKaltura,Kaltura Inc,\r\n",
    );
    let run = run_import(&repo, "systems.csv", &[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        lang.says(
            "created objects/kaltura/2027.toml: kaltura (rows 3)\n\
             created objects/time-edit/2027.toml: time-edit (rows 2)\n\
             imported 2 objects (2 systems) as draft plans of 2027\n\
             fill in the empty values, then run `plan check`\n",
            "skapade objects/kaltura/2027.toml: kaltura (rad 3)\n\
             skapade objects/time-edit/2027.toml: time-edit (rad 2)\n\
             importerade 2 förvaltningsobjekt (2 system) som förslag till planer för 2027\n\
             fyll i de tomma värdena och kör sedan `plan check`\n"
        )
    );
    let plan = repo.read("objects/time-edit/2027.toml");
    assert_contains(&plan, "object = \"time-edit\"\nname = \"Time Edit\"\n");
    assert_contains(&plan, "[roles.it_systemagare] # IT-systemägare (IT-SÄ)\nname = \"Jonas Ahl\"\nemail = \"jonas.ahl@example.se\"");
    // Run again: every plan exists now, so everything is skipped (exit 0).
    let again = run_import(&repo, "systems.csv", &[]);
    assert_eq!(again.code, 0, "{again:?}");
    assert_contains(&again.stdout, lang.says(
            "imported 0 objects (0 systems) as draft plans of 2027; skipped 2 objects that already have a plan of 2027\n",
            "importerade 0 förvaltningsobjekt (0 system) som förslag till planer för 2027; hoppade över 2 förvaltningsobjekt som redan har en plan för 2027\n"
        ));
}

#[cfg(unix)]
#[test]
fn an_import_without_room_to_write_writes_no_plan_and_no_folder() {
    let repo = Repo::copy_of("examples/kommun");
    let before = snapshot(repo.path());
    let register = repo.file("register.csv");
    let args = [
        "import",
        register.to_str().expect("UTF-8"),
        "--year",
        "2027",
    ];
    let run = plan_without_space(repo.path(), &args, false).expect("not killed");
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("File too large"), "{run:?}");
    // All plans or none: not one of the 21, and none of their new folders.
    assert_eq!(snapshot(repo.path()), before);
    assert_no_temporary_files(repo.path());
}
