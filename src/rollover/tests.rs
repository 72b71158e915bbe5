use super::*;
use crate::index::Via;

fn keep_all(_: &str) -> bool {
    false
}

fn rolled(text: &str) -> String {
    roll(text, 2027, 2028, &keep_all).expect("parses").text
}

/// `text` with each `(from, to)` made, in order; each `from` must occur once.
fn edited(text: &str, edits: &[(&str, &str)]) -> String {
    edits.iter().fold(text.to_string(), |text, (from, to)| {
        assert_eq!(text.matches(from).count(), 1, "`{from}` once in:\n{text}");
        text.replacen(from, to, 1)
    })
}

const PLAN: &str = r#"# Förvaltningsplan 2027 – Ladok
object = "ladok"
year = 2027
status = "established"   # fastställd
# Styrgruppens beslut:
established_on = 2026-11-25  # protokoll 12
organisation_model = 5

[roles.systemagare]
name = "Karin Ek"

[[systems]]
id = "ladok"
lifecycle = "active"
depends_on = ["lucat"]

# Bilaga 3
[systems.appendix3]
attested_by = "systemagare"
attested_on = 2026-11-19
digest = "sha256:00"

[systems.appendix3.answers]
backup = "yes"   # nattlig
restore_tested = { answer = "no", deviation = "ej testad", action = "testa", owner = "systemforvaltare", due = 2027-03-31 }

# --- Uppgraderingar ---

# Konsortiets vårrelease
[[upgrades]]
system = "ladok"
status = "done"

[[upgrades]]
system = "ladok"
status = "planned"

# --- Aktiviteter ---

[[activities]]
id = "A1"
status = "done"
# A1 avslutades i oktober

# Pågår sedan i våras
[[activities]]
id = "A2"
start = 2027-02-01
status = "ongoing"   # halvvägs

[[activities]]
id = "A3"
status = "cancelled"

[[activities]]
id = "A4"
status = "postponed"
"#;

#[test]
fn resets_the_year_keeps_every_kept_line_and_drops_the_rest() {
    let Rolled { text, summary, .. } = roll(PLAN, 2027, 2028, &keep_all).expect("parses");
    // The plan as it was, with exactly these changes: every other line is kept.
    let expected = edited(
        PLAN,
        &[
            ("year = 2027\n", "year = 2028\n"),
            ("status = \"established\"", "status = \"draft\""),
            ("# Styrgruppens beslut:\nestablished_on = 2026-11-25  # protokoll 12\n", ""),
            ("attested_by = \"systemagare\"\nattested_on = 2026-11-19\ndigest = \"sha256:00\"\n", ""),
            ("# Konsortiets vårrelease\n[[upgrades]]\nsystem = \"ladok\"\nstatus = \"done\"\n\n[[upgrades]]\nsystem = \"ladok\"\nstatus = \"planned\"\n\n", ""),
            ("[[activities]]\nid = \"A1\"\nstatus = \"done\"\n# A1 avslutades i oktober\n\n", ""),
            ("# halvvägs\n", "# halvvägs\ncarried_from = 2027\n"),
            ("[[activities]]\nid = \"A3\"\nstatus = \"cancelled\"\n\n", ""),
            ("status = \"postponed\"\n", "status = \"postponed\"\ncarried_from = 2027\n"),
        ],
    );
    assert_eq!(text, expected);
    assert_eq!(
        summary,
        Summary {
            systems_kept: vec!["ladok".into()],
            activities_carried: vec!["A2".into(), "A4".into()],
            activities_done: vec!["A1".into()],
            activities_cancelled: vec!["A3".into()],
            upgrades_dropped: 2,
            upgrades_unfinished: 1,
            open_deviations: vec!["ladok/restore_tested".into()],
            ..Summary::default()
        }
    );
}

#[test]
fn a_removed_table_takes_its_own_comments_and_leaves_the_next_ones() {
    let text = "a = 1\n\n[[activities]]\nid = \"A1\"\nstatus = \"planned\"\n\n# A2: klar\n[[activities]]\nid = \"A2\"\nstatus = \"done\"\n\n# A3: öppen\n[[activities]]\nid = \"A3\"\n";
    let out = rolled(text);
    assert_eq!(
        out,
        "a = 1\nyear = 2028\nstatus = \"draft\"\n\n[[activities]]\nid = \"A1\"\nstatus = \"planned\"\ncarried_from = 2027\n\n# A3: öppen\n[[activities]]\nid = \"A3\"\ncarried_from = 2027\n"
    );
}

#[test]
fn the_last_table_removed_leaves_no_trailing_blank_lines() {
    let text = "year = 2027\nstatus = \"draft\"\n\n[budget]\nhours = 1\n\n# klar\n[[activities]]\nid = \"A1\"\nstatus = \"done\"\n# efter A1\n";
    assert_eq!(
        rolled(text),
        "year = 2028\nstatus = \"draft\"\n\n[budget]\nhours = 1\n"
    );
}

#[test]
fn a_section_heading_at_the_end_stays_without_blank_lines_after_it() {
    let text = "year = 2027\nstatus = \"draft\"\n\n[budget]\nhours = 1\n\n# --- Aktiviteter ---\n\n[[activities]]\nid = \"A1\"\nstatus = \"done\"\n";
    assert_eq!(
        rolled(text),
        "year = 2028\nstatus = \"draft\"\n\n[budget]\nhours = 1\n\n# --- Aktiviteter ---\n"
    );
}

#[test]
fn a_comment_below_a_kept_table_stays_with_it() {
    let text = "year = 2027\nstatus = \"draft\"\n\n[budget]\nhours = 1\n# gäller hela året\n\n[[upgrades]]\nsystem = \"x\"\n\n[[activities]]\nid = \"A1\"\n";
    assert_eq!(
        rolled(text),
        "year = 2028\nstatus = \"draft\"\n\n[budget]\nhours = 1\n# gäller hela året\n\n[[activities]]\nid = \"A1\"\ncarried_from = 2027\n"
    );
}

#[test]
fn retired_systems_go_with_their_subtables_and_comments() {
    let text = r#"year = 2027
status = "draft"

[[systems]]
id = "old"
lifecycle = "retired"   # avvecklat i juni

[[systems.integrations]]
source = "lucat"

# Bilaga 3 för old
[systems.appendix3.answers]
backup = "yes"

# Det nya systemet
[[systems]]
id = "new"
lifecycle = "active"
depends_on = ["lucat", "x/old", "kaltura"]

[[systems.integrations]]
source = "x/old"   # gamla flödet

[[systems.integrations]]
source = "lucat"
"#;
    let drop = |t: &str| t == "x/old";
    let Rolled {
        text: out, summary, ..
    } = roll(text, 2027, 2028, &drop).expect("parses");
    assert_eq!(
        out,
        r#"year = 2028
status = "draft"

# Det nya systemet
[[systems]]
id = "new"
lifecycle = "active"
depends_on = ["lucat", "kaltura"]

[[systems.integrations]]
source = "lucat"
"#
    );
    assert_eq!(summary.systems_dropped, vec!["old"]);
    assert_eq!(summary.systems_kept, vec!["new"]);
    assert_eq!(
        summary.refs_dropped,
        vec!["new → x/old", "new → x/old (integration)"]
    );
}

#[test]
fn removing_array_elements_keeps_the_other_elements_comments() {
    let mut doc: DocumentMut =
        "a = [\n    \"x\",   # om x\n    \"gone\",   # om gone\n    \"y\",\n]\nb = [\"gone\", \"y\"]\nc = [\"y\", \"gone\"]\nd = [\n  \"y\",\n  \"gone\"   # sist\n]\n"
            .parse()
            .expect("parses");
    for key in ["a", "b", "c", "d"] {
        let array = doc[key].as_array_mut().expect("an array");
        remove_elements(array, |v| v.as_str() == Some("gone"));
    }
    assert_eq!(
        doc.to_string(),
        "a = [\n    \"x\",   # om x\n    \"y\",\n]\nb = [\"y\"]\nc = [\"y\"]\nd = [\n  \"y\"\n]\n"
    );
}

#[test]
fn a_carried_activity_is_marked_with_the_year_it_came_from() {
    let text = "year = 2027\nstatus = \"draft\"\n\n[[activities]]\nid = \"A1\"\ncarried_from = 2025   # sedan länge\nstatus = \"postponed\"\n";
    assert_eq!(
        rolled(text),
        "year = 2028\nstatus = \"draft\"\n\n[[activities]]\nid = \"A1\"\ncarried_from = 2027   # sedan länge\nstatus = \"postponed\"\n"
    );
}

#[test]
fn inline_arrays_of_tables_are_rolled_over_too() {
    let text = "year = 2027\nstatus = \"draft\"\nsystems = [{ id = \"a\", lifecycle = \"retired\" }, { id = \"b\", appendix3 = { attested_by = \"x\", answers = { backup = \"yes\" } } }]\nupgrades = [{ system = \"b\" }]\nactivities = [{ id = \"A1\", status = \"done\" }, { id = \"A2\" }]\n";
    assert_eq!(
        rolled(text),
        "year = 2028\nstatus = \"draft\"\nsystems = [{ id = \"b\", appendix3 = { answers = { backup = \"yes\" } } }]\nactivities = [{ id = \"A2\", carried_from = 2027 }]\n"
    );
}

#[test]
fn a_removed_key_leaves_the_section_comment_above_it() {
    let text = "year = 2027\nstatus = \"established\"\n\n# --- Beslut ---\n\n# fastställd\nestablished_on = 2026-12-01\n\n[budget]\nhours = 1\n";
    assert_eq!(
        rolled(text),
        "year = 2028\nstatus = \"draft\"\n\n# --- Beslut ---\n\n[budget]\nhours = 1\n"
    );
}

#[test]
fn missing_year_and_status_are_added() {
    assert_eq!(
        rolled("object = \"x\"\n"),
        "object = \"x\"\nyear = 2028\nstatus = \"draft\"\n"
    );
}

#[test]
fn text_that_is_not_toml_is_an_error() {
    assert!(roll("a = [", 2027, 2028, &keep_all).is_err());
}

#[test]
fn prefixes_split_into_tail_section_and_own_comments() {
    use comments::split;
    assert_eq!(split(""), ("", "", ""));
    assert_eq!(split("# own\n"), ("", "", "# own\n"));
    assert_eq!(split("\n"), ("", "\n", ""));
    assert_eq!(
        split("# tail\n\n# section\n\n# own\n"),
        ("# tail\n", "\n# section\n\n", "# own\n")
    );
    assert_eq!(split("\n  "), ("", "\n", "  "));
}

#[test]
fn the_draft_says_which_systems_it_keeps_and_what_they_name() {
    let text = r#"object = "canvas"
year = 2027

[[systems]]
id = "canvas"
depends_on = ["lucat", 7, "kaltura"]
contract = { ends = 2027-06-30 }
integrations = [{ source = "ladok/ladok" }, { name = "no source" }]

[[systems]]
id = "old"
lifecycle = "retired"
depends_on = ["lucat"]

[[systems]]
depends_on = ["backup"]
contract = { ends = "2027-06-30" }
"#;
    let drop = |t: &str| t == "kaltura";
    let rolled = roll(text, 2027, 2028, &drop).expect("parses");
    assert_eq!(
        rolled.systems,
        vec![
            DraftSystem {
                id: Some("canvas".into()),
                refs: vec![
                    ("lucat".into(), Via::DependsOn),
                    ("ladok/ladok".into(), Via::Integration),
                ],
                contract_ends: chrono::NaiveDate::from_ymd_opt(2027, 6, 30),
            },
            DraftSystem {
                id: None,
                refs: vec![("backup".into(), Via::DependsOn)],
                contract_ends: None,
            },
        ]
    );
}

#[test]
fn a_draft_that_breaks_the_promise_is_refused() {
    let doc: DocumentMut = rolled(PLAN).parse().expect("parses");
    assert_eq!(draft::wrong(&doc, 2027, 2028), None);
    assert_eq!(draft::wrong(&doc, 2027, 2029), Some("year"));
    let mut attested = doc.clone();
    attested["systems"][0]["appendix3"]["digest"] = toml_edit::value("sha256:00");
    assert_eq!(draft::wrong(&attested, 2027, 2028), Some("systems"));
    let mut carried = doc.clone();
    carried["activities"][0]["carried_from"] = toml_edit::value(2026);
    assert_eq!(draft::wrong(&carried, 2027, 2028), Some("activities"));
    let mut upgrades = doc;
    upgrades["upgrades"] = toml_edit::value(1);
    assert_eq!(draft::wrong(&upgrades, 2027, 2028), Some("upgrades"));
}
