//! `plan init`: start a new plan repository.

use crate::fsio;
use crate::i18n::Lang;
use crate::msg;
use crate::schema::RoleModel;
use anyhow::Result;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Create a new plan repository: plan.toml, objects/, a CI example and a .gitignore
/// for editor leftovers.
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

pub fn run(args: Args, globals: &crate::cli::Globals) -> Result<ExitCode> {
    let lang = globals.init_language();
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    // The folders this run makes (`plan init a/b/c` where only `a` is there: c and
    // b), innermost first, to take away again if init fails.
    let new_folders: Vec<PathBuf> = dir
        .ancestors()
        .take_while(|a| !a.as_os_str().is_empty() && a.symlink_metadata().is_err())
        .map(Path::to_path_buf)
        .collect();
    if dir.metadata().is_ok_and(|m| !m.is_dir()) {
        crate::fail!("error-init-on-file", dir = dir.display().to_string());
    }
    std::fs::create_dir_all(&dir).map_err(|e| {
        fsio::in_the_way(&dir, &dir, &dir).unwrap_or_else(|| {
            crate::i18n::doing(msg!("error-creating", file = dir.display().to_string()), e)
        })
    })?;
    let config = dir.join(crate::layout::CONFIG_FILE);
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
        r#"# Inställningar för planarkivet. Se README för alla nycklar.
organisation = "{organisation}"
# Inbyggd: "pm3-lu" eller "municipal", eller en sökväg "schema/roles/x.toml"
role_model = "{model}"
# Bilaga 3: inbyggd "infosak-kd" (Lunds universitet) eller "infosak-bas" (allmän)
checklist = "{checklist}"
# Språk för meddelanden och rapporter: "sv" eller "en"
language = "sv"
# Uppgraderingar aviseras minst så många dagar i förväg
announce_days = 7
# Servicefönster: första lördagen varje månad
service_windows = {{ weekday = "saturday", nth = 1 }}
# Extra servicefönster:
# service_window_dates = [2027-06-19]

# Ändra en regels allvarlighetsgrad: "error" | "warning" | "off"
# [rules]
# "upgrade/service-window" = "error"
"#,
        model = args.role_model,
    );
    // Everything or nothing: what this run made is taken away again if a later step
    // fails, so a failed init never leaves half a repository that blocks the next.
    let mut made = Vec::new();
    let created = create(&dir, &config, &plan_toml, &mut made, lang).inspect_err(|_| {
        for path in made.iter().rev() {
            let _ = std::fs::remove_dir_all(path).or_else(|_| std::fs::remove_file(path));
        }
        for folder in &new_folders {
            let _ = std::fs::remove_dir(folder);
        }
    })?;
    crate::outln!(
        "{}",
        crate::tr!(
            lang,
            "init-created",
            dir = dir.display().to_string(),
            files = created.join(", ")
        )
    );
    crate::outln!("{}", lang.text("init-next"));
    Ok(ExitCode::SUCCESS)
}

/// Writes plan.toml and the CI example, creates objects/ and runs `git init` when
/// needed; `made` collects what did not exist before.
fn create(
    dir: &Path,
    config: &Path,
    plan_toml: &str,
    made: &mut Vec<PathBuf>,
    lang: Lang,
) -> Result<Vec<&'static str>> {
    let mut created = vec!["plan.toml", "objects/"];
    let mut files = vec![(config.to_path_buf(), plan_toml.as_bytes().to_vec())];
    let ci = dir.join(".gitlab-ci.yml");
    // A link counts as there, even when it leads nowhere: nothing is written through it.
    if ci.symlink_metadata().is_ok() {
        crate::output::note(lang, msg!("note-init-ci-exists"));
    } else {
        files.push((ci.clone(), CI_EXAMPLE.as_bytes().to_vec()));
        created.push(".gitlab-ci.yml");
    }
    let ignore = dir.join(".gitignore");
    if ignore.symlink_metadata().is_ok() {
        crate::output::note(lang, msg!("note-init-gitignore-exists"));
    } else {
        files.push((ignore, GITIGNORE.as_bytes().to_vec()));
        created.push(".gitignore");
    }
    let staged = fsio::stage_new(dir, &files)?;
    made.extend(fsio::create_dirs(dir, &dir.join("objects"))?);
    if git2::Repository::discover(dir).is_err() {
        // A `.git` that is there but leads nowhere is the user's: kept.
        let git = dir.join(".git");
        if git.symlink_metadata().is_err() {
            made.push(git);
        }
        git2::Repository::init(dir).map_err(|e| {
            crate::i18n::doing(msg!("error-init-git", dir = dir.display().to_string()), e)
        })?;
        created.push(".git (git init)");
    }
    made.extend(staged.place()?);
    Ok(created)
}

/// What editors and file managers leave beside the plans: git ignores them, and so
/// does `plan check` (SPEC §1).
const GITIGNORE: &str =
    "# Lämningar från redigerare och filhanterare: varken planer eller något att checka in.
*~
*.swp
*.swo
.*.sw?
\\#*#
.#*
*.bak
*.orig
.DS_Store
Thumbs.db
desktop.ini
";

const CI_EXAMPLE: &str = r#"# Kontrollerar förvaltningsplanerna i varje merge request och på huvudgrenen.
# Resultatet visas i merge requesten (Code Quality och testrapport).
# Jobbet installerar `plan` med cargo: sätt CI/CD-variabeln PLAN_GIT_URL till
# git-adressen till plan-projektet (och gärna PLAN_REV till en commit). Den byggda
# `plan` sparas i jobbets cache, så bara första körningen bygger.
plan-check:
  stage: test
  image: rust:1-slim
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  cache:
    key: plan-$PLAN_REV
    paths:
      - .plan-bin/
  before_script:
    - export PATH="$CI_PROJECT_DIR/.plan-bin/bin:$PATH"
    - command -v plan || cargo install --locked --root "$CI_PROJECT_DIR/.plan-bin" --git "$PLAN_GIT_URL" ${PLAN_REV:+--rev "$PLAN_REV"} plan
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
