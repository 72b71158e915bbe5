//! `plan init`: start a new plan repository.

use crate::fsio;
use crate::schema::RoleModel;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
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
    let dir_existed = dir.symlink_metadata().is_ok();
    if dir.metadata().is_ok_and(|m| !m.is_dir()) {
        crate::fail!("error-init-on-file", dir = dir.display().to_string());
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let config = dir.join(crate::settings::CONFIG_FILE);
    if config.exists() {
        crate::fail!("error-init-exists", file = config.display().to_string());
    }
    let organisation = args.organisation.replace('\\', "\\\\").replace('"', "\\\"");
    // Lund's bilaga 3 names Lund's systems and articles; any other organisation (the
    // municipal model) starts from the generic checklist.
    let checklist = match args.role_model.as_str() {
        "pm3-lu" => "infosak-kd",
        _ => "infosak-bas",
    };
    let plan_toml = format!(
        r#"# Inställningar för planrepositoriet. Se README för alla nycklar.
organisation = "{organisation}"
role_model = "{model}"        # inbyggd: "pm3-lu" eller "municipal", eller en sökväg "schema/roles/x.toml"
checklist = "{checklist}"{pad}# bilaga 3: inbyggd "infosak-kd" (Lunds universitet) eller "infosak-bas" (allmän)
language = "sv"               # språk för meddelanden och rapporter: "sv" eller "en"
announce_days = 7             # uppgraderingar aviseras minst så många dagar i förväg
service_windows = {{ weekday = "saturday", nth = 1 }}   # servicefönster: första lördagen varje månad
# service_window_dates = [2027-06-19]                  # extra servicefönster

# [rules]                     # ändra en regels allvarlighetsgrad: "error" | "warning" | "off"
# "upgrade/service-window" = "error"
"#,
        model = args.role_model,
        pad = " ".repeat(13usize.saturating_sub(checklist.len())),
    );
    // Everything or nothing: what this run made is taken away again if a later step
    // fails, so a failed init never leaves half a repository that blocks the next.
    let mut made = Vec::new();
    let created = create(&dir, &config, &plan_toml, &mut made).inspect_err(|_| {
        for path in made.iter().rev() {
            let _ = std::fs::remove_dir_all(path).or_else(|_| std::fs::remove_file(path));
        }
        if !dir_existed {
            let _ = std::fs::remove_dir(&dir);
        }
    })?;
    crate::outln!("created in {}: {}", dir.display(), created.join(", "));
    crate::outln!("next: plan new <object> --year <year> --name \"<name>\"");
    Ok(ExitCode::SUCCESS)
}

/// Writes plan.toml and the CI example, creates objects/ and runs `git init` when
/// needed; `made` collects what did not exist before.
fn create(
    dir: &Path,
    config: &Path,
    plan_toml: &str,
    made: &mut Vec<PathBuf>,
) -> Result<Vec<&'static str>> {
    let mut created = vec!["plan.toml", "objects/"];
    let mut files = vec![(config.to_path_buf(), plan_toml.as_bytes().to_vec())];
    let ci = dir.join(".gitlab-ci.yml");
    // A link counts as there, even when it leads nowhere: nothing is written through it.
    if ci.symlink_metadata().is_ok() {
        eprintln!("note: .gitlab-ci.yml exists; left as it is (see README for the plan check job)");
    } else {
        files.push((ci.clone(), CI_EXAMPLE.as_bytes().to_vec()));
        created.push(".gitlab-ci.yml");
    }
    let staged = fsio::stage_new(dir, &files)?;
    made.extend(fsio::create_dirs(dir, &dir.join("objects"))?);
    if git2::Repository::discover(dir).is_err() {
        made.push(dir.join(".git"));
        git2::Repository::init(dir).with_context(|| format!("git init {}", dir.display()))?;
        created.push(".git (git init)");
    }
    made.extend(staged.place()?);
    Ok(created)
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

# Styrgruppens webbplats (plan site) publiceras med GitLab Pages efter varje
# merge till huvudgrenen: översikt, en sida per förvaltningsobjekt, beroenden,
# uppgraderingar med kalender, avvikelser och roller.
pages:
  stage: deploy
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  script:
    - plan site --out public
  artifacts:
    paths:
      - public
"#;
