//! `plan schema`: the JSON Schema (draft-07) editors validate plan files with. The
//! shipped examples validate against it; plans with mistakes do not; `plan new`
//! points new plans at it with a `#:schema` line.

use crate::support::*;
use serde_json::Value;
use std::path::Path;

/// A TOML document as the JSON an editor validates: dates become "YYYY-MM-DD"
/// strings, as taplo turns them.
fn to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(to_json).collect()),
        toml::Value::Table(table) => {
            Value::Object(table.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
    }
}

fn toml_to_json(text: &str) -> Value {
    to_json(toml::Value::Table(
        toml::from_str(text).unwrap_or_else(|e| panic!("not TOML ({e}):\n{text}")),
    ))
}

/// A compiled schema (draft-07, formats such as "date" asserted, not just noted).
struct Validator {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Validator {
    /// The schema `plan schema` prints in `dir`.
    fn of(dir: &Path) -> Validator {
        let run = plan_in(dir, &["schema"]);
        assert_eq!(run.code, 0, "{run:?}");
        Validator::from_text(&run.stdout)
    }

    fn from_text(text: &str) -> Validator {
        let schema: Value = serde_json::from_str(text).expect("the schema is JSON");
        assert_eq!(
            schema["$schema"], "http://json-schema.org/draft-07/schema#",
            "draft-07, what taplo understands"
        );
        let mut compiler = boon::Compiler::new();
        compiler.set_default_draft(boon::Draft::V7);
        compiler.enable_format_assertions();
        compiler
            .add_resource("urn:plan-file", schema)
            .expect("the schema is added");
        let mut schemas = boon::Schemas::new();
        let index = compiler
            .compile("urn:plan-file", &mut schemas)
            .unwrap_or_else(|e| panic!("not a valid draft-07 schema: {e:#}"));
        Validator { schemas, index }
    }

    /// The validation errors of a plan file's text, empty when it is valid.
    fn errors(&self, text: &str) -> String {
        match self.schemas.validate(&toml_to_json(text), self.index) {
            Ok(()) => String::new(),
            Err(e) => format!("{e}"),
        }
    }
}

/// Every plan file under `dir/objects`, as (repository-relative path, text).
fn plan_files(dir: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for object in std::fs::read_dir(dir.join("objects")).expect("objects/") {
        let object = object.expect("an entry").path();
        for plan in std::fs::read_dir(&object).expect("an object folder") {
            let plan = plan.expect("an entry").path();
            let rel = plan.strip_prefix(dir).expect("inside").to_string_lossy();
            let text = std::fs::read_to_string(&plan).expect("a plan file");
            files.push((rel.replace('\\', "/"), text));
        }
    }
    files.sort();
    files
}

#[test]
fn the_shipped_examples_validate_against_the_schema() {
    for (example, count) in [("examples/universitet", 13), ("examples/kommun", 4)] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(example);
        let validator = Validator::of(&dir);
        let files = plan_files(&dir);
        assert_eq!(files.len(), count, "{example}");
        for (path, text) in files {
            assert_eq!(validator.errors(&text), "", "{example}/{path}");
        }
    }
}

#[test]
fn the_schema_rejects_what_plan_check_rejects() {
    let repo = Repo::new();
    let validator = Validator::of(repo.path());
    assert_eq!(validator.errors(baseline()), "");

    // Each mistake with the finding `plan check` gives for it: the rule, and the
    // text it points at (its line).
    for (what, from, to, rule, at) in [
        (
            "an unknown key",
            "supplier = ",
            "suplier = ",
            "schema",
            "suplier",
        ),
        (
            "a wrong enum value",
            "hosting = \"internal\"",
            "hosting = \"molnet\"",
            "schema",
            "\"molnet\"",
        ),
        (
            "a wrong type",
            "hours = 100",
            "hours = \"100\"",
            "schema",
            "\"100\"",
        ),
        (
            "a number out of range",
            "organisation_model = 1",
            "organisation_model = 6",
            "schema",
            "organisation_model = 6",
        ),
        (
            "an object id with capitals",
            "id = \"ladok\"",
            "id = \"Ladok\"",
            "schema",
            "id = \"Ladok\"",
        ),
        (
            "a role the role model lacks",
            "[roles.it_systemforvaltare]",
            "[roles.rektor]",
            "roles/unknown",
            "rektor",
        ),
        (
            "a question the checklist lacks",
            "documentation = \"yes\"",
            "dokumentation = \"yes\"",
            "appendix3/unknown-question",
            "dokumentation = ",
        ),
        (
            "an answer that is no answer",
            "backup = \"yes\"",
            "backup = \"ja\"",
            "schema",
            "backup = \"ja\"",
        ),
        (
            "a date that is no date",
            "established_on = 2026-12-01",
            "established_on = \"1 december\"",
            "schema",
            "\"1 december\"",
        ),
        (
            "established_by as one string",
            "established_by = [\"systemagare\"]",
            "established_by = \"systemagare\"",
            "schema",
            "established_by = \"",
        ),
        (
            "a goal without its text",
            "text = \"Alla examensbevis",
            "txt = \"Alla examensbevis",
            "schema",
            "[[goals]]",
        ),
        (
            "a notice period that is no number",
            "notice_months = 3",
            "notice_months = \"3\"",
            "schema",
            "notice_months = \"3\"",
        ),
        (
            "a DPA that is no boolean",
            "dpa = true",
            "dpa = \"ja\"",
            "schema",
            "dpa = \"ja\"",
        ),
    ] {
        let text = replace_once(baseline(), from, to);
        assert_ne!(validator.errors(&text), "", "{what} must fail validation");
        // The checker rejects it too, with the rule meant, on the line of the
        // mistake: the schema says no more than the checker.
        let line = position(&text, at).0;
        let checked = check_plan(&text);
        assert!(
            checked
                .findings
                .iter()
                .any(|f| f.rule == rule && f.line == line),
            "{what}: no `{rule}` finding on line {line}: {:#?}",
            checked.findings
        );
    }
}

/// Issue 17: pm3-lu needs `organisation_model`; a plan without it passed the
/// schema and failed the check. The schema also says what it cannot see.
#[test]
fn the_schema_requires_organisation_model_where_the_role_model_uses_it() {
    let repo = Repo::new();
    let run = plan_in(repo.path(), &["schema"]);
    let schema: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let description = schema["description"].as_str().expect("a description");
    assert!(
        description.contains("cannot tell them apart") && description.contains("YYYY-MM-DD"),
        "{description}"
    );
    let validator = Validator::from_text(&run.stdout);
    let without = drop_line(baseline(), "organisation_model = ");
    assert_ne!(validator.errors(&without), "");
    let checked = check_plan(&without);
    let missing = checked.only("schema");
    assert_eq!(missing.line, 1, "{missing:#?}");
    assert!(
        missing.message.contains("`organisation_model`"),
        "{missing:#?}"
    );

    // The municipal model has no organisation models: not required there.
    let kommun = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/kommun");
    let schema: Value = serde_json::from_str(&plan_in(&kommun, &["schema"]).stdout).expect("JSON");
    let required: Vec<&str> = schema["required"]
        .as_array()
        .expect("required")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(!required.contains(&"organisation_model"), "{required:?}");
}

#[test]
fn the_schema_outside_a_plan_repository_is_the_generic_one() {
    let dir = tempfile::tempdir().expect("a folder");
    let run = plan_in(dir.path(), &["schema"]);
    assert_eq!(run.code, 0, "{run:?}");
    let validator = Validator::from_text(&run.stdout);
    assert_eq!(validator.errors(baseline()), "");
    // Without a role model it cannot know the role ids, so any role is allowed.
    let other_role = replace_once(baseline(), "[roles.it_systemforvaltare]", "[roles.rektor]");
    assert_eq!(validator.errors(&other_role), "");
}

#[test]
fn plan_new_points_new_plans_at_the_schema() {
    let repo = Repo::new();
    let run = repo.plan(&["new", "ladok", "--year", "2027", "--name", "Ladok"]);
    assert_eq!(run.code, 0, "{run:?}");
    let text = repo.read(PLAN);
    let first = text.lines().next().expect("a first line");
    assert_eq!(first, "#:schema ../../schema/plan-file.schema.json");

    // The line is relative to the plan file, as editors resolve it.
    let target = repo
        .file("objects/ladok")
        .join(first.strip_prefix("#:schema ").expect("the directive"));
    let written = std::fs::read_to_string(&target).expect("the schema file exists");
    assert_eq!(written, repo.plan(&["schema"]).stdout);
    let validator = Validator::from_text(&written);

    // A second plan keeps the schema file; `plan schema --write` renews it.
    std::fs::write(&target, "{}\n").expect("an edited schema");
    let run = repo.plan(&["new", "lucat", "--year", "2027", "--name", "LUCAT"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(repo.read("schema/plan-file.schema.json"), "{}\n");
    let run = repo.plan(&["schema", "--write"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(repo.read("schema/plan-file.schema.json"), written);

    // The attested baseline, filled in where the new plan has blanks, validates.
    assert_eq!(validator.errors(baseline()), "");
}

/// The schema file a Swedish repository keeps (schema/plan-file.schema.json, what
/// editors show as each key's description) is in Swedish, an English one's in
/// English, both from the one description of the format; the file follows the
/// repository's `language`, not the `--lang` of whoever wrote it, while `plan
/// schema` on stdout follows `--lang` like every other text.
#[test]
fn the_schema_describes_the_keys_in_the_repository_language() {
    let described = |schema: &str| {
        let schema: Value = serde_json::from_str(schema).expect("JSON");
        let notice = &schema["properties"]["systems"]["items"]["properties"]["contract"]
            ["properties"]["notice_months"]["description"];
        (
            schema["title"].as_str().unwrap_or_default().to_string(),
            notice.as_str().unwrap_or_default().to_string(),
        )
    };
    let swedish = (
        "Förvaltningsplan (planfilen objects/<objekt>/<år>.toml)".to_string(),
        "Uppsägningstid i månader: avtalet måste sägas upp så här lång tid innan det löper ut."
            .to_string(),
    );
    let english = (
        "Förvaltningsplan (plan file objects/<object>/<year>.toml)".to_string(),
        "Uppsägningstid in months: the contract must be given notice this long before it ends."
            .to_string(),
    );
    for (lang, expected) in [(Lang::Sv, &swedish), (Lang::En, &english)] {
        let repo = Repo::new().speaking(lang);
        let other = lang.says("sv", "en");
        let run = repo.plan(&["--lang", other, "schema", "--write"]);
        assert_eq!(run.code, 0, "{run:?}");
        assert_eq!(
            &described(&repo.read("schema/plan-file.schema.json")),
            expected
        );
        assert_eq!(&described(&repo.plan(&["schema"]).stdout), expected);
        let flagged = described(&repo.plan(&["--lang", other, "schema"]).stdout);
        assert_eq!(&flagged, lang.says(&swedish, &english));
    }
}
