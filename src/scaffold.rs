//! A new draft plan as text: every role the model requires or recommends and every
//! checklist question, with empty placeholders where nothing is known yet. `plan new`
//! scaffolds one object; `plan import` one per object of a register export, with
//! what the register says filled in.

use crate::fsio;
use crate::i18n::Lang;
use crate::layout::SCHEMA_FILE;
use crate::model::plan::Register;
use crate::model::shape::quoted;
use crate::schema::Presence;
use crate::settings::Settings;
use crate::tr;
use anyhow::Result;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// What is known of a new plan.
pub struct Draft {
    pub object: String,
    /// The object's display name.
    pub name: String,
    /// Handbook 10.1.1–10.1.5, for role models that use it.
    pub organisation_model: i64,
    /// Holders by role id, in the order they were named.
    pub roles: Vec<(String, Vec<Holder>)>,
    /// At least one.
    pub systems: Vec<DraftSystem>,
}

/// A person holding a role; empty text where it is not known.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Holder {
    pub name: String,
    pub email: String,
}

/// A system of the new plan; `None` where nothing is known (a placeholder is written).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DraftSystem {
    pub id: String,
    pub name: String,
    pub lifecycle: Option<String>,
    pub contract_ends: Option<NaiveDate>,
    /// Supplier, hosting, version, personal data, classification, contract id.
    pub register: Register,
}

impl DraftSystem {
    /// A system known only by id and name.
    pub fn named(id: &str, name: &str) -> DraftSystem {
        DraftSystem {
            id: id.to_string(),
            name: name.to_string(),
            ..DraftSystem::default()
        }
    }
}

fn quote(s: &str) -> String {
    toml_edit::Value::from(s).to_string().trim().to_string()
}

impl Draft {
    fn holders(&self, role: &str) -> &[Holder] {
        self.roles
            .iter()
            .find(|(id, _)| id == role)
            .map_or(&[], |(_, h)| h.as_slice())
    }
}

/// Each line of `text` as a TOML comment.
fn comment(t: &mut String, text: &str) {
    for line in text.lines() {
        let _ = writeln!(t, "# {line}");
    }
}

/// The text of `objects/<object>/<year>.toml` for `draft`, its explanations in
/// `lang`.
pub fn plan_text(settings: &Settings, draft: &Draft, year: i32, lang: Lang) -> String {
    let model = &settings.roles;
    let om = model
        .uses_organisation_model
        .then_some(draft.organisation_model);
    let mut t = format!("#:schema ../../{SCHEMA_FILE}\n");
    comment(
        &mut t,
        &tr!(lang, "scaffold-title", year = year, name = &draft.name),
    );
    comment(&mut t, &lang.text("scaffold-fill-in"));
    let _ = writeln!(t, "object = {}", quote(&draft.object));
    let _ = writeln!(t, "name = {}", quote(&draft.name));
    let _ = writeln!(t, "year = {year}");
    // Explanations stand on lines of their own: `taplo fmt` moves trailing comments
    // (it aligns them across the table), so a file with them is not taplo-clean.
    let _ = writeln!(t, "# draft | established | revised");
    let _ = writeln!(t, "status = \"draft\"");
    comment(
        &mut t,
        &tr!(
            lang,
            "scaffold-established-on",
            date = format!("{}-12-01", year - 1)
        ),
    );
    if !model.establishes.is_empty() {
        let _ = writeln!(
            t,
            "# established_by = [{}]   # {}",
            quoted(&model.establishes),
            lang.text("scaffold-established-by")
        );
    }
    let _ = writeln!(
        t,
        "# diarienummer = \"\"           # {}",
        lang.text("scaffold-diarienummer")
    );
    if let Some(om) = om {
        comment(&mut t, &lang.text("scaffold-organisation-model"));
        let _ = writeln!(t, "organisation_model = {om}");
    }
    comment(&mut t, &lang.text("scaffold-description"));
    let _ = writeln!(t, "description = \"\"\n");
    comment(&mut t, &lang.text("scaffold-goals"));
    let _ = writeln!(t, "# [[goals]]\n# text = \"\"\n# measure = \"\"\n");
    comment(
        &mut t,
        &tr!(
            lang,
            "scaffold-roles",
            model = model.name.as_str(),
            title = model.title.as_str()
        ),
    );
    comment(&mut t, &lang.text("scaffold-username"));
    let written = |r: &&crate::schema::Role| {
        model.presence(r, om) != Presence::Optional || !draft.holders(&r.id).is_empty()
    };
    let optional: Vec<&str> = model
        .roles
        .iter()
        .filter(|r| !written(r))
        .map(|r| r.id.as_str())
        .collect();
    // The plan holds (placeholders for) every role that is not optional.
    let held = |id: &str| !optional.contains(&id);
    let placeholder = [Holder::default()];
    for role in model.roles.iter().filter(written) {
        let header = if role.many {
            format!("[[roles.{}]]", role.id)
        } else {
            format!("[roles.{}]", role.id)
        };
        let holders = match draft.holders(&role.id) {
            [] => &placeholder[..],
            held => held,
        };
        for holder in holders {
            let _ = writeln!(t, "\n{header} # {} ({})", role.label, role.short);
            let _ = writeln!(
                t,
                "name = {}\nemail = {}\nunit = \"\"\nusername = \"\"",
                quote(&holder.name),
                quote(&holder.email)
            );
        }
    }
    if !optional.is_empty() {
        t.push('\n');
        comment(
            &mut t,
            &tr!(lang, "scaffold-optional-roles", roles = optional.join(", ")),
        );
    }
    let _ = writeln!(
        t,
        "\n[budget] # {}\nhours = 0\nsek = 0",
        lang.text("scaffold-budget")
    );
    for system in &draft.systems {
        system_text(&mut t, settings, system, year, om, &held, lang);
    }
    let first = draft
        .systems
        .first()
        .map_or(draft.object.as_str(), |s| &s.id);
    let _ = writeln!(t, "\n# [[upgrades]]\n# system = {}\n# to_version = \"\"\n# date = {year}-03-06\n# kind = \"minor\" # major | minor | patch | security\n# cab = {{ status = \"requested\" }}\n# announced_on = {year}-02-20\n# status = \"planned\"", quote(first));
    let _ = writeln!(t, "\n# [[activities]]\n# id = \"A1\"\n# title = \"\"\n# kind = \"maintain\" # maintain | develop\n# owner = {}\n# start = {year}-02-01\n# end = {year}-05-31\n# hours = 0\n# status = \"planned\"", quote(activity_owner(model, om)));
    t
}

/// The role the sample activity names: a required role that does not own the plan
/// (the owners fastställer and attest; the work is led below them), the last such in
/// the model's order — in pm3-lu the systemförvaltare (the IT-systemförvaltare in
/// models 2 and 3), in the municipal model the förvaltningsledare IT.
fn activity_owner(model: &crate::schema::RoleModel, om: Option<i64>) -> &str {
    let required = || {
        model
            .roles
            .iter()
            .filter(move |r| model.presence(r, om) == Presence::Required)
    };
    required()
        .rfind(|r| !model.owners.contains(&r.id))
        .or_else(|| required().next())
        .map_or("", |r| r.id.as_str())
}

fn system_text(
    t: &mut String,
    settings: &Settings,
    system: &DraftSystem,
    year: i32,
    om: Option<i64>,
    held: &dyn Fn(&str) -> bool,
    lang: Lang,
) {
    let s = &system.register;
    let text = |v: &Option<String>| quote(v.as_deref().unwrap_or(""));
    let level = |v: Option<i64>| v.unwrap_or(1);
    let _ = writeln!(
        t,
        "\n[[systems]]\nid = {}\nname = {}",
        quote(&system.id),
        quote(&system.name)
    );
    let _ = writeln!(t, "supplier = {}", text(&s.supplier));
    let _ = writeln!(
        t,
        "# internal | external | hybrid\nhosting = {}",
        quote(s.hosting.as_deref().unwrap_or("internal"))
    );
    let _ = writeln!(
        t,
        "# planned | active | phasing-out | retired\nlifecycle = {}",
        quote(system.lifecycle.as_deref().unwrap_or("active"))
    );
    let _ = writeln!(
        t,
        "version = {}\npersonal_data = {}\ntest_environment = false",
        text(&s.version),
        s.personal_data.unwrap_or(false)
    );
    comment(t, &lang.text("scaffold-classification"));
    let _ = writeln!(
        t,
        "classification = {{ confidentiality = {}, integrity = {}, availability = {} }}",
        level(s.confidentiality),
        level(s.integrity),
        level(s.availability)
    );
    comment(t, &lang.text("scaffold-contract"));
    let contract: Vec<String> = s
        .contract
        .iter()
        .map(|id| format!("id = {}", quote(id)))
        .chain(system.contract_ends.map(|d| format!("ends = {d}")))
        .collect();
    if contract.is_empty() {
        let _ = writeln!(
            t,
            "# contract = {{ id = \"\", ends = {}-12-31, notice_months = 6, owner = \"\", dpa = true }}",
            year + 1
        );
    } else {
        let _ = writeln!(t, "contract = {{ {} }}", contract.join(", "));
    }
    comment(t, &lang.text("scaffold-depends-on"));
    let _ = writeln!(t, "depends_on = []\n");
    comment(t, &lang.text("scaffold-integrations"));
    let _ = writeln!(
        t,
        "# [[systems.integrations]]\n# source = {}\n# data = \"\"\n# personal_data = true\n# purpose = \"\"\n# legal_basis = \"\"\n# contract = \"\"              # {}",
        quote(&lang.text("scaffold-object-placeholder")),
        lang.text("scaffold-information-contract")
    );
    // The checklist's title usually names bilaga 3 itself ("Bilaga 3: …").
    let title = &settings.checklist.title;
    let heading = if title.to_lowercase().starts_with("bilaga 3") {
        title.clone()
    } else {
        tr!(lang, "scaffold-appendix3", title = title.as_str())
    };
    t.push('\n');
    comment(t, &tr!(lang, "scaffold-answers", heading = heading));
    comment(
        t,
        &tr!(
            lang,
            "scaffold-deviation",
            due = format!("{year}-06-30"),
            roles = quoted(&settings.roles.report_to(om, held))
        ),
    );
    comment(t, &lang.text("scaffold-na"));
    let _ = writeln!(t, "[systems.appendix3.answers]");
    for q in &settings.checklist.questions {
        let _ = writeln!(t, "# {} ({})\n{} = \"\"", q.text, q.reference, q.id);
    }
}

/// Creates new plan files (paths under `root`) with their folders, and the schema
/// file their `#:schema` line points to when the repository has none: every file or
/// none, and no folder left behind by a failed write.
pub fn write_new(root: &Path, settings: &Settings, plans: Vec<(PathBuf, Vec<u8>)>) -> Result<()> {
    let mut files = plans;
    files.extend(missing_schema_copy(root, settings));
    // Each file's folder, made in parallel (an import makes thousands): the folders
    // made are removed again on failure.
    let folders: Vec<Result<Option<PathBuf>>> = files
        .par_iter()
        .map(|(path, _)| fsio::create_dirs(root, path.parent().expect("a file in a folder")))
        .collect();
    let mut made = Vec::new();
    let mut written = Ok(());
    for folder in folders {
        match folder {
            Ok(top) => made.extend(top),
            Err(e) => written = written.and(Err(e)),
        }
    }
    let written = written.and_then(|()| fsio::create_all_new(root, &files).map(drop));
    if written.is_err() {
        made.sort();
        made.dedup();
        for dir in made.iter().rev() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
    written
}

/// The JSON Schema of a plan file, as written in a repository (with its role ids
/// and questions when there are settings), its descriptions in `lang`.
pub fn schema_text(settings: Option<&Settings>, lang: Lang) -> String {
    let schema = crate::model::json_schema::plan_file(
        settings.map(|s| &s.roles),
        settings.map(|s| &s.checklist),
        lang,
    );
    serde_json::to_string_pretty(&schema).expect("schema serialises")
}

/// The repository's schema file and its contents, when there is nothing at its path
/// yet (not even a link): what `plan new` adds beside a new plan.
fn missing_schema_copy(
    root: &std::path::Path,
    settings: &Settings,
) -> Option<(std::path::PathBuf, Vec<u8>)> {
    let path = root.join(SCHEMA_FILE);
    path.symlink_metadata()
        .is_err()
        .then(|| (path, (repository_schema(settings)).into_bytes()))
}

/// The repository's schema file: in the repository's `language`, whoever writes
/// it (a file everyone shares does not change with one user's `--lang`).
fn repository_schema(settings: &Settings) -> String {
    let lang = Lang::resolve(None, settings.config.language);
    schema_text(Some(settings), lang) + "\n"
}

/// Writes the repository's schema file: always when `replace`, else only if missing.
pub fn write_schema(root: &std::path::Path, settings: &Settings, replace: bool) -> Result<()> {
    let path = root.join(SCHEMA_FILE);
    let bytes = repository_schema(settings);
    if crate::fsio::resolve(root, &path)?
        .symlink_metadata()
        .is_ok()
    {
        if replace {
            crate::fsio::replace(root, &path, bytes.as_bytes())?;
        }
        return Ok(());
    }
    crate::fsio::create_dirs(root, path.parent().expect("a file in a folder"))?;
    crate::fsio::create_new(root, &path, bytes.as_bytes())
}
