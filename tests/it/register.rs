//! `plan report systems` (the system register) and `--format xlsx` for every report.
//!
//! 001 §6.3, förvaltningsledarens uppgifter: "Registrera avtal, systembeskrivning och
//! systemförvaltningsorganisation i RegIT (kommunens register över alla IT-system …)".
//! 000 §6.5: LuSyFer "skapar även listor över alla IT-system och systemförvaltare".

use crate::support::*;
use calamine::Data;
use std::io::Read;

fn kommun() -> Repo {
    Repo::copy_of("examples/kommun")
}

/// `plan report KIND --year 2027 --format FORMAT --output OUT`.
fn report_to(repo: &Repo, kind: &str, format: &str, out: &std::path::Path) -> Run {
    repo.plan(&[
        "report",
        kind,
        "--year",
        "2027",
        "--format",
        format,
        "--output",
        out.to_str().expect("UTF-8 path"),
    ])
}

const KOMMUN_HEADER: &str = "object,system,name,supplier,hosting,lifecycle,version,personal_data,\
confidentiality,integrity,availability,contract,contract_ends,notice_date,contract_owner,dpa,\
plan_status,Juridisk systemägare,Objektägare,Objektägare IT,Förvaltningsledare,\
Förvaltningsledare IT,Systemförvaltare/systemadministratör (objektspecialist),IT-specialist,Systemdriftansvarig";

#[test]
fn systems_csv_has_one_row_per_system_and_one_column_per_role_headed_by_its_label() {
    let run = kommun().plan(&["report", "systems", "--year", "2027", "--format", "csv"]);
    assert_eq!(run.code, 0, "{run:?}");
    let lines: Vec<&str> = run.stdout.split("\r\n").collect();
    assert_eq!(lines[0], KOMMUN_HEADER);
    // Six systems in four objects, then the empty string after the last CRLF.
    assert_eq!(lines.len(), 8, "{}", run.stdout);
    assert_eq!(
        lines[1],
        "arendehantering,diarium,Ärende- och dokumenthanteringssystem (diarium),\
Tietoevry Sverige AB,internal,active,24.2,yes,2,3,2,KS-2021-0188,2029-03-31,2028-03-31,Kommunstyrelsen,,established,\
Kommunstyrelsen,Katarina Sundqvist,Mattias Hedberg,Anneli Nordin,Patrik Sjögren,\
Helén Bäckström; Mohammed Ali,Jessica Norberg,Stefan Forsman"
    );
    // A comma inside a value is quoted (RFC 4180).
    assert_starts_with(
        lines[6],
        "skolplattform,skolplattform,\"Skolplattform (lärplattform, frånvaro, vårdnadshavarapp)\",",
    );
}

#[test]
fn systems_json_has_the_spec_fields_and_roles_as_lists_of_names() {
    let run = kommun().plan(&["report", "systems", "--year", "2027", "--format", "json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let rows: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let rows = rows.as_array().expect("an array");
    assert_eq!(rows.len(), 6);
    let erp = rows
        .iter()
        .find(|r| r["system"] == "erp")
        .expect("the erp row");
    let keys = json_keys(erp);
    assert_eq!(
        keys,
        [
            "availability",
            "confidentiality",
            "contract",
            "contract_ends",
            "contract_owner",
            "dpa",
            "hosting",
            "integrity",
            "lifecycle",
            "name",
            "notice_date",
            "object",
            "personal_data",
            "plan_status",
            "roles",
            "supplier",
            "system",
            "version",
        ]
    );
    assert_eq!(erp["object"], "ekonomisystem");
    assert_eq!(erp["personal_data"], true);
    assert_eq!(erp["integrity"], 3);
    assert_eq!(erp["contract_ends"], "2029-12-31");
    // Notice must be given notice_months (12) before the end: uppsägningstid.
    assert_eq!(erp["notice_date"], "2028-12-31");
    assert_eq!(erp["contract_owner"], "Kommunstyrelsen");
    assert_eq!(erp["dpa"], serde_json::Value::Null);
    let betalning = rows
        .iter()
        .find(|r| r["system"] == "betalning")
        .expect("the betalning row");
    assert_eq!(betalning["dpa"], true);
    assert_eq!(erp["plan_status"], "established");
    // A list even for one holder; an empty list for a role nobody holds.
    assert_eq!(
        erp["roles"]["objektagare"],
        serde_json::json!(["Roger Engman"])
    );
    assert_eq!(
        erp["roles"]["systemforvaltare"],
        serde_json::json!(["Åsa Lindblom", "Niklas Berglund"])
    );
    assert_eq!(erp["roles"]["it_specialist"], serde_json::json!([]));
}

#[test]
fn systems_table_and_markdown_head_the_role_columns_with_the_models_labels() {
    let repo = Repo::copy_of("examples/universitet");
    let md = repo.plan(&[
        "report", "systems", "--year", "2027", "--format", "markdown",
    ]);
    assert_eq!(md.code, 0, "{md:?}");
    let header = md.stdout.lines().next().expect("a header");
    // The example speaks Swedish: the headers are Swedish words, and values are
    // shown in words ("Fastställd", "Ja"), the role columns headed by the model's
    // labels.
    assert!(
        header.starts_with("| Objekt | System | Namn | Leverantör | Drift | Livscykel |")
            && header.ends_with("| Planens status | Systemägare | Systemförvaltare | IT-systemägare | IT-systemförvaltare | Verksamhetsspecialist | IT-specialist |"),
        "{header}"
    );
    let ladok = md
        .stdout
        .lines()
        .find(|l| l.starts_with("| ladok | ladok |"))
        .expect("a ladok row");
    assert!(
        ladok.contains("| Ladokkonsortiet |") && ladok.contains("| Fastställd |"),
        "{ladok}"
    );
    let english = repo.plan(&[
        "--lang", "en", "report", "systems", "--year", "2027", "--format", "markdown",
    ]);
    let header = english.stdout.lines().next().expect("a header");
    assert!(
        header.starts_with("| Object | System | Name | Supplier | Hosting | Lifecycle |")
            && header.contains("| Plan status | Systemägare |"),
        "{header}"
    );
    assert_contains(&english.stdout, "| Established |");
    let table = repo.plan(&["report", "systems", "--year", "2027"]);
    assert_eq!(table.code, 0, "{table:?}");
    assert_contains(&table.stdout, "Systemförvaltare");
}

/// The first sheet's rows as calamine reads them.
fn sheet(path: &std::path::Path) -> Vec<Vec<Data>> {
    workbook(path).swap_remove(0).1
}

/// The XML of the first sheet, as a spreadsheet program reads it.
fn sheet_xml(path: &std::path::Path) -> String {
    let file = std::fs::File::open(path).expect("the workbook");
    let mut zip = zip::ZipArchive::new(file).expect("a zip file");
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .expect("the first sheet")
        .read_to_string(&mut xml)
        .expect("XML");
    xml
}

#[test]
fn systems_xlsx_is_a_workbook_with_dates_as_dates_and_a_frozen_filtered_header() {
    let repo = kommun();
    let out = repo.file("register.xlsx");
    let run = report_to(&repo, "systems", "xlsx", &out);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "");
    let rows = sheet(&out);
    assert_eq!(rows.len(), 7);
    let header: Vec<String> = rows[0].iter().map(ToString::to_string).collect();
    // For people: headers and values in the example's Swedish (CSV keeps the
    // field names and values as written).
    assert_eq!(
        header.join(","),
        KOMMUN_HEADER.replace(
            "object,system,name,supplier,hosting,lifecycle,version,personal_data,\
confidentiality,integrity,availability,contract,contract_ends,notice_date,contract_owner,dpa,\
plan_status",
            "Objekt,System,Namn,Leverantör,Drift,Livscykel,Version,Personuppgifter,\
Konfidentialitet,Riktighet,Tillgänglighet,Avtal,Avtalet löper ut,Sista uppsägningsdag,\
Avtalsägare,PUB-avtal,Planens status"
        )
    );
    let diarium = &rows[1];
    assert_eq!(diarium[1], Data::String("diarium".into()));
    assert_eq!(diarium[4], Data::String("Egen drift".into()));
    // Readable booleans, numbers as numbers, dates as dates.
    assert_eq!(diarium[7], Data::String("Ja".into()));
    assert_eq!(diarium[8], Data::Float(2.0));
    match &diarium[12] {
        Data::DateTime(d) => assert_eq!(
            d.as_datetime().map(|t| t.date().to_string()),
            Some("2029-03-31".to_string())
        ),
        other => panic!("contract_ends is not a date: {other:?}"),
    }
    match &diarium[13] {
        Data::DateTime(d) => assert_eq!(
            d.as_datetime().map(|t| t.date().to_string()),
            Some("2028-03-31".to_string())
        ),
        other => panic!("notice_date is not a date: {other:?}"),
    }
    assert_eq!(diarium[15], Data::Empty, "no dpa on an internal system");
    assert_eq!(rows[2][15], Data::String("Ja".into()), "dpa of eplattform");
    assert_eq!(
        diarium[22],
        Data::String("Helén Bäckström; Mohammed Ali".into())
    );
    let xml = sheet_xml(&out);
    assert!(
        xml.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "header row not frozen: {xml}"
    );
    assert!(
        xml.contains(r#"<autoFilter ref="A1:Y7"/>"#),
        "no filter: {xml}"
    );
    // Columns as wide as their contents: the long system name is wider than `dpa`.
    assert!(xml.contains("<cols>"), "no column widths: {xml}");
}

#[test]
fn every_report_writes_xlsx_and_none_writes_it_to_a_terminal() {
    let repo = Repo::copy_of("examples/universitet");
    for kind in ["upgrades", "deps", "deviations", "roles", "systems"] {
        let out = repo.file(&format!("{kind}.xlsx"));
        let run = report_to(&repo, kind, "xlsx", &out);
        assert_eq!(run.code, 0, "{kind}: {run:?}");
        let rows = sheet(&out);
        assert!(rows.len() > 1, "{kind}: {rows:?}");
        assert_eq!(rows[0][0], Data::String("Objekt".into()), "{kind}");

        let refused = repo.plan(&["report", kind, "--year", "2027", "--format", "xlsx"]);
        assert_eq!(refused.code, 2, "{kind}: {refused:?}");
        assert_eq!(refused.stdout, "", "{kind}");
        // The example speaks Swedish.
        assert!(
            refused
                .stderr
                .starts_with("fel: --format xlsx skriver en arbetsbok")
                && refused.stderr.contains("--output FIL"),
            "{}",
            refused.stderr
        );
    }
    // Upgrades: the date column holds dates.
    let rows = sheet(&repo.file("upgrades.xlsx"));
    assert!(matches!(rows[1][2], Data::DateTime(_)), "{:?}", rows[1]);
}

#[test]
fn output_writes_a_text_report_to_a_file_byte_for_byte() {
    let repo = kommun();
    let stdout = repo.plan(&["report", "systems", "--year", "2027", "--format", "csv"]);
    let out = repo.file("systems.csv");
    let run = report_to(&repo, "systems", "csv", &out);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(repo.read("systems.csv"), stdout.stdout);
}
