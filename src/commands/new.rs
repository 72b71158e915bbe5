//! `plan new`: scaffold a plan file with every required role and question.

use crate::cli::{parse_year, Globals};
use crate::fsio;
use crate::model::shape::{is_id, quoted, suggest_id};
use crate::repo::{self, WorkTree};
use crate::schema::Presence;
use crate::settings::Settings;
use anyhow::Result;
use chrono::Datelike;
use std::fmt::Write;
use std::process::ExitCode;

/// Create objects/OBJECT/YEAR.toml with every required role and checklist question.
///
/// The new plan is a draft with empty placeholders: `plan check` reports the
/// required ones (names, e-mail addresses, checklist answers) until they are filled
/// in, and passes once they are.
///
/// Examples:
///   plan new ladok --year 2027 --name Ladok --organisation-model 5
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Object id: lowercase a–z, digits and `-` (the folder name)
    pub object: String,

    /// Plan year (default: the year of --today)
    #[arg(long, value_name = "YEAR", value_parser = parse_year)]
    pub year: Option<i32>,

    /// Display name of the object, e.g. "Ladok"
    #[arg(long, value_name = "NAME")]
    pub name: String,

    /// Organisation model 1–5 (handbook 10.1.1–10.1.5), for role models that use it
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(i64).range(1..=5))]
    pub organisation_model: i64,
}

pub fn run(args: Args, globals: &Globals) -> Result<ExitCode> {
    if !is_id(&args.object) {
        crate::fail!(
            "error-object-id",
            object = &args.object,
            suggestion = suggest_id(&args.object)
        );
    }
    let root = repo::find_root(globals.repo.as_deref())?;
    let source = WorkTree::new(&root)?;
    let settings = Settings::load(&source)?;
    let year = args.year.unwrap_or_else(|| globals.today.year());
    let rel = format!("objects/{}/{year}.toml", args.object);
    let text = scaffold(&settings, &args, year);
    let mut files = vec![(root.join(&rel), text.into_bytes())];
    // The file's `#:schema` line points here; keep a copy the user has not replaced.
    files.extend(super::schema::missing_copy(&root, &settings));
    // Both files or neither, and no folder left behind by a failed write.
    let mut made = Vec::new();
    let written = (|| -> Result<()> {
        for (path, _) in &files {
            let dir = path.parent().expect("a file in a folder");
            made.extend(fsio::create_dirs(&root, dir)?);
        }
        fsio::create_all_new(&root, &files).map(drop)
    })();
    if written.is_err() {
        for dir in made.iter().rev() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
    written?;
    crate::outln!("created {rel}");
    crate::outln!("fill in the empty values, then run `plan check {rel}`");
    Ok(ExitCode::SUCCESS)
}

fn quote(s: &str) -> String {
    toml_edit::Value::from(s).to_string().trim().to_string()
}

fn scaffold(settings: &Settings, args: &Args, year: i32) -> String {
    let model = &settings.roles;
    let om = model
        .uses_organisation_model
        .then_some(args.organisation_model);
    let mut t = format!("#:schema ../../{}\n", super::schema::SCHEMA_FILE);
    let _ = writeln!(t, "# Förvaltningsplan {year} för {}.", args.name);
    let _ = writeln!(t, "# Fyll i de tomma värdena (\"\") och kör `plan check`: den visar vilka som krävs\n# (namn och e-post för rollerna, svaren i bilaga 3); leverantör och version är frivilliga.");
    let _ = writeln!(t, "object = {}", quote(&args.object));
    let _ = writeln!(t, "name = {}", quote(&args.name));
    let _ = writeln!(t, "year = {year}");
    let _ = writeln!(
        t,
        "status = \"draft\"               # draft | established | revised"
    );
    let _ = writeln!(
        t,
        "# established_on = {}-12-01     # dagen planen fastställs",
        year - 1
    );
    if !model.establishes.is_empty() {
        let _ = writeln!(
            t,
            "# established_by = [{}]   # rollerna som fastställer planen",
            quoted(&model.establishes)
        );
    }
    let _ = writeln!(
        t,
        "# diarienummer = \"\"           # beslutets diarienummer, när planen fastställs"
    );
    if let Some(om) = om {
        let _ = writeln!(
            t,
            "organisation_model = {om}          # handboken 10.1.1–10.1.5"
        );
    }
    let _ = writeln!(t, "# Systemets uppgift: vilken verksamhet det stöder, för vilka och i vilken omgivning.\ndescription = \"\"");
    let _ = writeln!(t, "\n# Årets mål och hur de följs upp (frivilligt).\n# [[goals]]\n# text = \"\"\n# measure = \"\"");
    let _ = writeln!(
        t,
        "\n# Roller enligt rollmodellen {} ({}).",
        model.name, model.title
    );
    let optional: Vec<&str> = model
        .roles
        .iter()
        .filter(|r| model.presence(r, om) == Presence::Optional)
        .map(|r| r.id.as_str())
        .collect();
    // The plan holds (placeholders for) every role that is not optional.
    let held = |id: &str| !optional.contains(&id);
    for role in model
        .roles
        .iter()
        .filter(|r| model.presence(r, om) != Presence::Optional)
    {
        let header = if role.many {
            format!("[[roles.{}]]", role.id)
        } else {
            format!("[roles.{}]", role.id)
        };
        let _ = writeln!(t, "\n{header}  # {} ({})", role.label, role.short);
        let _ = writeln!(t, "name = \"\"\nemail = \"\"\nunit = \"\"");
    }
    if !optional.is_empty() {
        let _ = writeln!(t, "\n# Valfria roller: {}", optional.join(", "));
    }
    let _ = writeln!(
        t,
        "\n[budget]                          # bilaga 1\nhours = 0\nsek = 0"
    );
    let _ = writeln!(
        t,
        "\n[[systems]]\nid = {}\nname = {}",
        quote(&args.object),
        quote(&args.name)
    );
    let _ = writeln!(
        t,
        "supplier = \"\"\nhosting = \"internal\"               # internal | external | hybrid"
    );
    let _ = writeln!(
        t,
        "lifecycle = \"active\"               # planned | active | phasing-out | retired"
    );
    let _ = writeln!(
        t,
        "version = \"\"\npersonal_data = false\ntest_environment = false"
    );
    let _ = writeln!(
        t,
        "classification = {{ confidentiality = 1, integrity = 1, availability = 1 }}   # 0–3"
    );
    let _ = writeln!(
        t,
        "# Leverantörsavtal: uppsägningstid i månader, avtalsägare, personuppgiftsbiträdesavtal (dpa) undertecknat.\n# contract = {{ id = \"\", ends = {}-12-31, notice_months = 6, owner = \"\", dpa = true }}",
        year + 1
    );
    let _ = writeln!(
        t,
        "depends_on = []                     # \"<objekt>\" eller \"<objekt>/<system>\""
    );
    let _ = writeln!(t, "\n# Data som systemet hämtar från ett annat system. Med personuppgifter krävs\n# legal_basis (rättslig grund) och purpose (ändamål: varför datan hämtas).\n# [[systems.integrations]]\n# source = \"<objekt>\"\n# data = \"\"\n# personal_data = true\n# purpose = \"\"\n# legal_basis = \"\"\n# contract = \"\"              # informationskontrakt");
    // The checklist's title usually names bilaga 3 itself ("Bilaga 3: …").
    let title = &settings.checklist.title;
    let heading = if title.to_lowercase().starts_with("bilaga 3") {
        title.clone()
    } else {
        format!("Bilaga 3 ({title})")
    };
    let _ = writeln!(
        t,
        "\n# {heading}. Svara \"yes\", \"no\", \"partial\" eller \"na\"."
    );
    let _ = writeln!(t, "# Avvikelse: {{ answer = \"no\", deviation = \"…\", action = \"…\", owner = \"<roll>\", due = {year}-06-30, reported_to = [{}] }}",
        quoted(&model.report_to(om, &held)));
    let _ = writeln!(
        t,
        "# Ej tillämplig: {{ answer = \"na\", justification = \"…\" }}"
    );
    let _ = writeln!(t, "[systems.appendix3.answers]");
    for q in &settings.checklist.questions {
        let _ = writeln!(t, "# {} ({})\n{} = \"\"", q.text, q.reference, q.id);
    }
    let _ = writeln!(t, "\n# [[upgrades]]\n# system = {}\n# to_version = \"\"\n# date = {year}-03-06\n# kind = \"minor\"                 # major | minor | patch | security\n# cab = {{ status = \"requested\" }}\n# announced_on = {year}-02-20\n# status = \"planned\"", quote(&args.object));
    let _ = writeln!(t, "\n# [[activities]]\n# id = \"A1\"\n# title = \"\"\n# kind = \"maintain\"              # maintain | develop\n# owner = {}\n# start = {year}-02-01\n# end = {year}-05-31\n# hours = 0\n# status = \"planned\"", quote(activity_owner(model, om)));
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
