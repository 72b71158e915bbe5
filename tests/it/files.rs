//! `parse`, `schema` and `layout`: what is under objects/ and whether it reads as a plan.

use crate::support::*;

#[test]
fn unterminated_string_is_a_parse_error_at_its_line() {
    let text = replace_once(baseline(), "name = \"Ladok\"\nyear", "name = \"Ladok\nyear");
    in_each_language(|lang| {
        let checked = check_plan(&text);
        let f = checked.sole("parse", "error", PLAN);
        // Line 3 is `name = "Ladok`; the parser stops at its end.
        assert_eq!((f.line, f.column), (3, 14));
        assert_starts_with(&f.message, lang.says("invalid TOML", "ogiltig TOML"));
    });
}

#[test]
fn key_defined_twice_is_a_parse_error() {
    let text = replace_once(
        baseline(),
        "year = 2027\n",
        "year = 2027\nname = \"Ladok igen\"\n",
    );
    let checked = check_plan(&text);
    assert_eq!(checked.rules(), ["parse"]);
    assert_eq!(
        checked.only("parse").line,
        position(&text, "name = \"Ladok igen\"").0
    );
}

#[test]
fn truncated_file_is_a_parse_error_on_its_last_line() {
    let cut = baseline().find("name = \"Per").expect("systemforvaltare") + "name = \"Per".len();
    let text = &baseline()[..cut];
    let checked = check_plan(text);
    let f = checked.sole("parse", "error", PLAN);
    assert_eq!(f.line, position(text, "name = \"Per").0);
    assert_eq!(f.line, 21);
}

#[test]
fn non_utf8_bytes_are_a_parse_error_where_they_are() {
    let mut bytes = baseline().as_bytes().to_vec();
    let at = baseline().find("name = \"Ladok\"").expect("name") + "name = \"Lad".len();
    bytes.insert(at, 0xff);
    let repo = Repo::with_plan("");
    repo.write(PLAN, &bytes);
    let checked = repo.check(&[]);
    let f = checked.sole("parse", "error", PLAN);
    assert_eq!((f.line, f.column), (3, 12));
    assert_contains(&f.message, "UTF-8");
}

#[test]
fn utf8_bom_and_crlf_line_endings_still_parse() {
    let crlf = baseline().replace('\n', "\r\n");
    let repo = Repo::with_plan("");
    repo.write(PLAN, [b"\xEF\xBB\xBF".as_slice(), crlf.as_bytes()].concat());
    repo.check(&[]).assert_clean();

    // And findings in such a file keep their line and column.
    let bad = crlf.replace("\"eva.holm@example.se\"", "\"eva.holm@example\"");
    repo.write(PLAN, [b"\xEF\xBB\xBF".as_slice(), bad.as_bytes()].concat());
    let checked = repo.check(&[]);
    assert_eq!(checked.rules(), ["roles/person"]);
    let f = checked.only("roles/person");
    assert_eq!((f.line, f.column), (26, 9));
}

#[test]
fn unknown_key_is_a_schema_error_with_a_suggestion() {
    let text = replace_once(baseline(), "supplier = ", "supplierr = ");
    in_each_language(|lang| {
        let checked = check_plan(&text);
        let f = checked.sole("schema", "error", PLAN);
        assert_at(f, &text, "supplierr");
        assert_eq!((f.line, f.column), (39, 1));
        assert_contains(&f.message, "supplierr");
        assert_eq!(
            f.help.as_deref(),
            Some(lang.says("did you mean `supplier`?", "menade du `supplier`?"))
        );
    });
}

#[test]
fn unknown_top_level_table_is_a_schema_error() {
    let text = format!("{}\n[extra]\nnote = \"x\"\n", baseline());
    let checked = check_plan(&text);
    assert_eq!(checked.rules(), ["schema"]);
    assert_at(checked.only("schema"), &text, "extra]");
}

#[test]
fn bad_enum_value_is_a_schema_error_listing_the_values() {
    let text = replace_once(baseline(), "hosting = \"internal\"", "hosting = \"cloud\"");
    let checked = check_plan(&text);
    assert_eq!(checked.rules(), ["schema"]);
    let f = checked.only("schema");
    assert_at(f, &text, "\"cloud\"");
    assert!(
        f.help
            .as_deref()
            .is_some_and(|h| h.contains("\"internal\"")),
        "{f:#?}"
    );
}

#[test]
fn wrong_type_is_a_schema_error() {
    let text = replace_once(baseline(), "hours = 100", "hours = \"many\"");
    let checked = check_plan(&text);
    assert_eq!(checked.rules(), ["schema"]);
    assert_at(checked.only("schema"), &text, "\"many\"");
}

#[test]
fn quoted_date_is_a_schema_error() {
    let text = replace_once(baseline(), "end = 2027-05-31", "end = \"2027-05-31\"");
    in_each_language(|lang| {
        let checked = check_plan(&text);
        assert_eq!(checked.rules(), ["schema"]);
        let f = checked.only("schema");
        assert_at(f, &text, "\"2027-05-31\"");
        assert_eq!(
            f.help.as_deref(),
            Some(lang.says(
                "write dates as YYYY-MM-DD, unquoted: 2027-05-31",
                "skriv datum som ÅÅÅÅ-MM-DD, utan citattecken: 2027-05-31"
            ))
        );
    });
}

#[test]
fn classification_out_of_range_is_a_schema_error() {
    let text = replace_once(baseline(), "integrity = 3", "integrity = 4");
    let checked = check_plan(&text);
    assert_eq!(checked.rules(), ["schema"]);
    assert_at(checked.only("schema"), &text, "4, availability");
}

/// A repository with the clean baseline plus one more entry under objects/.
fn baseline_and(rel: &str, contents: &str) -> Checked {
    let repo = Repo::with_plan(baseline());
    repo.write(rel, contents);
    repo.check(&[])
}

#[test]
fn misnamed_object_folder_is_a_layout_error() {
    let checked = baseline_and("objects/Lucat/2027.toml", baseline());
    let f = checked.sole("layout", "error", "objects/Lucat/2027.toml");
    assert_eq!((f.line, f.column), (1, 1));
    assert_contains(&f.message, "`lucat`");
    // The misnamed file is counted, not silently skipped.
    assert_eq!(checked.summary.files, 2);
}

#[test]
fn non_toml_file_under_objects_is_a_layout_error() {
    let checked = baseline_and("objects/ladok/README.md", "# Ladok\n");
    let f = checked.sole("layout", "error", "objects/ladok/README.md");
    assert_contains(&f.message, "README.md");
}

#[test]
fn file_directly_in_objects_is_a_layout_error() {
    let checked = baseline_and("objects/ladok.toml", baseline());
    checked.sole("layout", "error", "objects/ladok.toml");
}

#[test]
fn plan_file_one_folder_too_deep_is_a_layout_error() {
    let checked = baseline_and("objects/ladok/old/2027.toml", baseline());
    checked.sole("layout", "error", "objects/ladok/old/2027.toml");
}

#[test]
fn year_file_name_not_four_digits_is_a_layout_error() {
    let checked = baseline_and("objects/ladok/27.toml", baseline());
    checked.sole("layout", "error", "objects/ladok/27.toml");
}

#[test]
fn object_inside_the_file_disagreeing_with_the_folder() {
    let repo = Repo::new();
    repo.write("objects/lucat/2027.toml", baseline());
    in_each_language(|lang| {
        let checked = repo.check(&[]);
        let f = checked.sole("layout", "error", "objects/lucat/2027.toml");
        assert_at(f, baseline(), "\"ladok\"\nname = \"Ladok\"\nyear");
        assert_eq!(f.object.as_deref(), Some("lucat"));
        assert_eq!(
            f.help.as_deref(),
            Some(lang.says(
                "write object = \"lucat\", or move the file",
                "skriv object = \"lucat\", eller flytta filen"
            ))
        );
    });
}

#[test]
fn year_inside_the_file_disagreeing_with_the_file_name() {
    let repo = Repo::new();
    repo.write("objects/ladok/2026.toml", baseline());
    let checked = repo.check(&[]);
    let layout = checked.only("layout");
    assert_finding(layout, "layout", "error", "objects/ladok/2026.toml");
    assert_at(layout, baseline(), "2027\nstatus");
    assert_eq!(layout.year, Some(2026));
}

#[test]
fn duplicate_system_id_is_a_layout_error() {
    let second = "\n[[systems]]\nid = \"ladok\"\nname = \"Ladok kopia\"\nlifecycle = \"retired\"\n";
    let text = format!("{}{second}", baseline());
    let checked = check_plan(&text);
    let f = checked.sole("layout", "error", PLAN);
    assert_at(f, &text, "\"ladok\"\nname = \"Ladok kopia\"");
}

#[cfg(unix)]
#[test]
fn symlink_out_of_the_repository_is_a_finding_and_not_followed() {
    let outside = tempfile::tempdir().expect("a folder outside the repository");
    // Were the links followed, this would be a parse error in a plan file.
    std::fs::write(outside.path().join("2027.toml"), "this is = = not toml").expect("write");
    let repo = Repo::with_plan(baseline());
    std::os::unix::fs::symlink(
        outside.path().join("2027.toml"),
        repo.file("objects/ladok/2028.toml"),
    )
    .expect("file link");
    std::os::unix::fs::symlink(outside.path(), repo.file("objects/elsewhere"))
        .expect("folder link");

    in_each_language(|lang| {
        let checked = repo.check(&[]);
        checked.assert_rules(&["layout", "layout"]);
        let files: Vec<&str> = checked.findings.iter().map(|f| f.file.as_str()).collect();
        assert_eq!(files, ["objects/elsewhere", "objects/ladok/2028.toml"]);
        for f in &checked.findings {
            assert_eq!(f.severity, "error");
            assert_contains(
                &f.message,
                lang.says("leads outside the repository", "leder ut ur planarkivet"),
            );
        }
        assert_eq!(checked.code, 1);
    });
}

#[cfg(unix)]
#[test]
fn symlink_within_the_repository_is_read() {
    let repo = Repo::with_plan(baseline());
    std::fs::create_dir_all(repo.file("objects/lucat")).expect("folder");
    std::os::unix::fs::symlink("../ladok/2027.toml", repo.file("objects/lucat/2027.toml"))
        .expect("link");
    let checked = repo.check(&[]);
    // The linked plan is checked as lucat's: its `object` disagrees.
    checked.sole("layout", "error", "objects/lucat/2027.toml");
}
