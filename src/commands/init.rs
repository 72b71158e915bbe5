//! `plan init`: start a new plan repository.

use crate::fsio;
use crate::schema::RoleModel;
use anyhow::{bail, Context, Result};
use std::path::PathBuf;
use std::process::ExitCode;

/// Create a new plan repository: plan.toml, objects/ and a CI example.
///
/// Runs `git init` when the folder is not inside a git repository yet. Never
/// overwrites an existing file.
///
/// Examples:
///   plan init                                   here
///   plan init planer --organisation "Exempelkommunen" --role-model municipal
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Folder to create the repository in (default: the current folder)
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// The organisation's name, written to plan.toml
    #[arg(long, value_name = "NAME", default_value = "Min organisation")]
    pub organisation: String,

    /// Built-in role model: pm3-lu (university handbook) or municipal
    #[arg(long, value_name = "MODEL", default_value = "pm3-lu", value_parser = clap::builder::PossibleValuesParser::new(RoleModel::BUILT_IN))]
    pub role_model: String,
}

pub fn run(args: Args, _globals: &crate::cli::Globals) -> Result<ExitCode> {
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let config = dir.join(crate::settings::CONFIG_FILE);
    if config.exists() {
        bail!(
            "{} already exists: this is a plan repository already",
            config.display()
        );
    }
    let organisation = args.organisation.replace('\\', "\\\\").replace('"', "\\\"");
    let plan_toml = format!(
        r#"# Inställningar för planrepositoriet. Se README för alla nycklar.
organisation = "{organisation}"
role_model = "{model}"        # inbyggd: "pm3-lu" eller "municipal", eller en sökväg "schema/roles/x.toml"
checklist = "infosak-kd"      # bilaga 3
announce_days = 7             # uppgraderingar aviseras minst så många dagar i förväg
service_windows = {{ weekday = "saturday", nth = 1 }}   # servicefönster: första lördagen varje månad
# service_window_dates = [2027-06-19]                  # extra servicefönster

# [rules]                     # ändra en regels allvarlighetsgrad: "error" | "warning" | "off"
# "upgrade/service-window" = "error"
"#,
        model = args.role_model
    );
    fsio::create_new(&config, plan_toml.as_bytes())?;
    std::fs::create_dir_all(dir.join("objects")).context("creating objects/")?;
    let mut created = vec!["plan.toml", "objects/"];
    let ci = dir.join(".gitlab-ci.yml");
    if ci.exists() {
        eprintln!("note: .gitlab-ci.yml exists; left as it is (see README for the plan check job)");
    } else {
        fsio::create_new(&ci, CI_EXAMPLE.as_bytes())?;
        created.push(".gitlab-ci.yml");
    }
    if git2::Repository::discover(&dir).is_err() {
        git2::Repository::init(&dir).with_context(|| format!("git init {}", dir.display()))?;
        created.push(".git (git init)");
    }
    crate::outln!("created in {}: {}", dir.display(), created.join(", "));
    crate::outln!("next: plan new <object> --year <year> --name \"<name>\"");
    Ok(ExitCode::SUCCESS)
}

const CI_EXAMPLE: &str = r#"# Kontrollerar förvaltningsplanerna i varje merge request och på huvudgrenen.
# Resultatet visas i merge requesten (Code Quality och testrapport).
# Förutsätter att `plan` finns i jobbets image (t.ex. installerad med cargo install).
plan-check:
  stage: test
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  script:
    - status=0
    - plan check --color always --format gitlab --output gl-code-quality.json || status=$?
    - plan check --format junit --output plan-check.xml > /dev/null || true
    - exit $status
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality.json
      junit: plan-check.xml
"#;
