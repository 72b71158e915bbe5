//! `plan attest`: record the appendix-3 attestation of one system.

use crate::checks;
use crate::cli::{parse_year, Globals};
use crate::fsio;
use crate::i18n::Fail;
use crate::model::Plan;
use crate::repo::{GitRepo, Source};
use crate::settings::Settings;
use crate::{fail, msg};
use anyhow::Result;
use std::process::ExitCode;
use toml_edit::{DocumentMut, Item, Table, Value};

/// Attest appendix 3 (bilaga 3) of a system: record who attests (the role model's
/// attesting role), today's date, a digest of the answers as they are now, and
/// signed_by: the e-mail git records as the author (GIT_AUTHOR_EMAIL, else
/// user.email). When that is not the attesting role holder's e-mail, it still
/// writes and says who should attest; their own run replaces signed_by, so they
/// can commit the correction.
///
/// When an answer changes later, `plan check` reports the attestation as stale.
/// Refuses while the checklist is incomplete (unanswered questions, deviations
/// without action/owner/due, `na` without justification). Comments and layout of
/// the file are kept.
///
/// Examples:
///   plan attest ladok --system ladok --year 2027
///   plan attest ladok                      (the only system, the newest plan)
#[derive(Debug, clap::Args)]
// The usage line of an error lists what was given as if it were required
// (`--year <YEAR>`): a fixed one keeps the optional flags optional.
#[command(
    verbatim_doc_comment,
    override_usage = "plan attest [OPTIONS] <OBJECT>"
)]
pub struct Args {
    /// The object id (folder under objects/)
    pub object: String,

    /// The system id (may be left out when the object has one system)
    #[arg(long, value_name = "SYSTEM")]
    pub system: Option<String>,

    /// Plan year (default: the object's newest plan)
    #[arg(long, value_name = "YEAR", value_parser = parse_year)]
    pub year: Option<i32>,
}

pub fn run(args: Args, globals: &Globals) -> Result<ExitCode> {
    let opened = super::Opened::new(globals)?;
    let lang = opened.lang;
    let years = super::object_years(&opened.source, &args.object)?;
    let year = match (args.year, years.last()) {
        (Some(year), _) => year,
        (None, Some(&newest)) => {
            crate::output::note(
                lang,
                msg!("note-attest-newest", year = newest, object = &args.object),
            );
            newest
        }
        (None, None) => return Err(super::unknown_object(&opened.source, &args.object)),
    };
    let rel = format!("objects/{}/{year}.toml", args.object);
    crate::repo::safe_relative(&rel)?;
    let Some(bytes) = opened.source.read(&rel)? else {
        if years.is_empty() {
            return Err(super::unknown_object(&opened.source, &args.object));
        }
        fail!("error-diff-missing", file = &rel);
    };
    if bytes.len() > crate::layout::MAX_FILE_BYTES {
        fail!(
            "error-attest-too-large",
            file = &rel,
            mib = crate::layout::MAX_FILE_BYTES >> 20
        );
    }
    // The plan is read again under its lock: another `plan attest` of the same file
    // (another system of the plan) may have written it meanwhile, and its update
    // must not be lost.
    // Who runs this: the e-mail git will record as the commit's author. Outside git
    // there is none, and signed_by is left out (SPEC §3).
    let git = GitRepo::open(&opened.root).ok();
    let signer = git.as_ref().and_then(|g| g.identity("AUTHOR").1);
    let mut done = None;
    fsio::update(&opened.root, &opened.root.join(&rel), |current| {
        let text = String::from_utf8(current.to_vec())
            .map_err(|_| Fail(msg!("error-diff-not-utf8", file = &rel)))?;
        let attested = attest(
            &text,
            &opened.settings,
            globals,
            &args,
            &rel,
            year,
            signer.as_deref(),
        )?;
        let bytes = attested.updated.clone().into_bytes();
        done = Some(attested);
        Ok(bytes)
    })?;
    let Attested {
        system_id,
        attester,
        digest,
        holders,
        holder_names: who,
        ..
    } = done.expect("attested when written");
    let done = msg!(
        "attest-done",
        system = &system_id,
        file = &rel,
        attester = &attester,
        date = globals.today.to_string(),
        digest = &digest
    );
    let done = match &signer {
        Some(signer) => crate::i18n::Msg {
            id: "attest-done-signed",
            ..done
        }
        .with("signer", signer),
        None => done,
    };
    crate::outln!("{}", done.render(lang));
    let command = format!(
        "plan attest {} --system {system_id} --year {year}",
        args.object
    );
    let role = opened.settings.roles.describe(&attester);
    match (&git, &signer) {
        (None, _) => {}
        (Some(_), None) => {
            crate::output::warn(lang, msg!("warning-attest-no-identity", command = &command))
        }
        (Some(_), Some(me)) if holders.contains(&me.to_lowercase()) => {}
        (Some(_), Some(me)) => {
            crate::output::note(
                lang,
                msg!("note-attest-not-holder", me = me, role = &role, file = &rel),
            );
            let help = if who.is_empty() {
                msg!(
                    "help-attest-no-email",
                    role = &role,
                    file = &rel,
                    attester = &attester,
                    command = &command
                )
            } else {
                msg!(
                    "help-attest-holder",
                    role = &role,
                    holders = crate::i18n::and_list(who),
                    command = &command
                )
            };
            crate::output::help(lang, help);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What one attestation wrote.
struct Attested {
    updated: String,
    system_id: String,
    attester: String,
    digest: String,
    /// The e-mails (lower-cased) of the attesting role's holders.
    holders: Vec<String>,
    /// The holders as "Name <email>", for messages.
    holder_names: Vec<String>,
}

/// The plan `text` with the attestation of the system `args` names, or why not.
fn attest(
    text: &str,
    settings: &Settings,
    globals: &Globals,
    args: &Args,
    rel: &str,
    year: i32,
    signer: Option<&str>,
) -> Result<Attested> {
    let lang = globals.language(settings);
    let plan = crate::model::parse::parse(text.as_bytes())
        .map_err(|_| Fail(msg!("error-plan-not-toml", file = rel)))?
        .plan();
    let system_ids: Vec<&str> = plan
        .systems
        .iter()
        .filter_map(|s| s.id.as_ref())
        .map(|i| i.val.as_str())
        .collect();
    if system_ids.is_empty() {
        fail!("error-attest-no-systems", file = rel);
    }
    let system_id = match (&args.system, system_ids.as_slice()) {
        (Some(s), _) => s.clone(),
        (None, [only]) => only.to_string(),
        (None, ids) => fail!(
            "error-attest-which-system",
            file = rel,
            count = ids.len(),
            systems = ids.join(", ")
        ),
    };
    let system = plan.system(&system_id).ok_or_else(|| {
        Fail(msg!(
            "error-attest-no-system",
            file = rel,
            system = &system_id,
            systems = system_ids.join(", ")
        ))
    })?;
    let Some(a3) = &system.appendix3 else {
        fail!("error-attest-no-answers", system = &system_id);
    };

    // Refuse to sign an incomplete checklist: show what is missing instead.
    let file = checks::PlanFile {
        path: rel,
        object: &args.object,
        year,
        bytes: text.as_bytes(),
    };
    let blocking = checks::attest_blockers(settings, globals.today, file, &system_id);
    if !blocking.is_empty() {
        let color = crate::output::colored(globals.color, &std::io::stderr());
        eprint!(
            "{}",
            crate::output::human::render_findings(
                &blocking,
                &|_| Some(crate::diag::text_of(text.as_bytes()).to_string()),
                color,
                lang
            )
        );
        fail!("error-attest-incomplete", system = &system_id, file = rel);
    }

    let (attester, holders) = plan.attesting(&settings.roles);
    let digest = a3.current_digest().to_string();
    let updating = |e| crate::i18n::doing(msg!("error-updating", file = rel), e);
    let updated = write_attestation(text, &system_id, attester, globals.today, &digest, signer)
        .map_err(updating)?;
    verify(&updated, &system_id, &digest).map_err(updating)?;
    Ok(Attested {
        updated,
        system_id,
        attester: attester.to_string(),
        digest,
        holders,
        holder_names: holder_names(&plan, attester),
    })
}

/// "Name <email>" of each holder of `role` with an e-mail, for messages.
fn holder_names(plan: &Plan, role: &str) -> Vec<String> {
    plan.holders(role)
        .map(|h| {
            h.people
                .iter()
                .filter_map(|p| {
                    let email = &p.email.as_ref()?.val;
                    Some(match &p.name {
                        Some(name) => format!("{} <{email}>", name.val),
                        None => format!("<{email}>"),
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The file with attested_by, attested_on, digest and signed_by (removed when there
/// is no signer) set on one system's appendix 3, everything else as it was.
fn write_attestation(
    text: &str,
    system: &str,
    attester: &str,
    today: chrono::NaiveDate,
    digest: &str,
    signed_by: Option<&str>,
) -> Result<String> {
    let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        Fail(msg!("internal-edit-unparsable", why = e.message()))
    })?;
    let systems = doc
        .get_mut("systems")
        .and_then(Item::as_array_of_tables_mut)
        .ok_or_else(|| Fail(msg!("internal-no-systems")))?;
    let table = systems
        .iter_mut()
        .find(|t| t.get("id").and_then(Item::as_str) == Some(system))
        .ok_or_else(|| Fail(msg!("internal-system-missing", system = system)))?;
    let a3 = table
        .get_mut("appendix3")
        .and_then(Item::as_table_mut)
        .ok_or_else(|| Fail(msg!("error-attest-inline", system = system)))?;
    if a3.is_implicit() {
        // Only [systems.appendix3.answers] was written: give appendix3 its own header
        // just before the answers, so the new keys land next to them.
        let position = a3
            .get("answers")
            .and_then(Item::as_table)
            .and_then(Table::position);
        a3.set_implicit(false);
        if let Some(p) = position {
            a3.set_position(Some(p));
        }
    }
    let date: toml_edit::Datetime = today
        .to_string()
        .parse()
        .expect("a date formats as a TOML date");
    set(a3, "attested_by", attester.into());
    set(a3, "attested_on", date.into());
    set(a3, "digest", digest.into());
    match signed_by {
        Some(email) => set(a3, "signed_by", email.into()),
        None => {
            a3.remove("signed_by");
        }
    }
    Ok(fsio::like_source(text, doc.to_string()))
}

/// Sets a key, keeping the comments around an existing value.
fn set(table: &mut Table, key: &str, mut value: Value) {
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) => {
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        None => {
            // Keys before sub-tables: insert keeps the table's own order of values.
            table.insert(key, Item::Value(value));
        }
    }
}

/// Reads the edited text back and confirms the digest covers what it now says.
fn verify(updated: &str, system: &str, digest: &str) -> Result<()> {
    let plan = crate::model::parse::parse(updated.as_bytes())
        .map_err(|e| Fail(msg!("internal-edit-does-not-parse", why = e.message)))?
        .plan();
    let a3 = plan
        .system(system)
        .and_then(|s| s.appendix3.as_ref())
        .ok_or_else(|| Fail(msg!("internal-system-lost", system = system)))?;
    if a3.current_digest() != digest || a3.digest.as_ref().map(|d| d.val.as_str()) != Some(digest) {
        fail!("internal-answers-changed");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{error_msg, Lang};

    /// The checks that guard an attestation's edit cannot fail on a file `plan
    /// check` read, so they are reached here directly: even a defect in `plan`
    /// itself is told in the repository's language, never as English internals.
    #[test]
    fn a_defect_in_the_edit_is_told_in_the_language() {
        let digest = "sha256:0";
        let lost = verify("year = 2027\n", "ladok", digest).unwrap_err();
        assert_eq!(
            error_msg(&lost).render(Lang::Sv),
            "systemet `ladok` försvann vid redigeringen; det är ett fel i själva plan, \
             inte i dina filer: ingenting skrevs; rapportera det gärna"
        );
        assert_eq!(
            error_msg(&lost).render(Lang::En),
            "the system `ladok` was lost in the edit; a defect in plan itself, not in \
             your files: nothing was written; please report it"
        );
        let today = chrono::NaiveDate::from_ymd_opt(2027, 3, 1).expect("a date");
        let none =
            write_attestation("year = 2027\n", "ladok", "x", today, digest, None).unwrap_err();
        assert_eq!(
            error_msg(&none).render(Lang::Sv),
            "filen har inga [[systems]] att redigera; det är ett fel i själva plan, inte i \
             dina filer: ingenting skrevs; rapportera det gärna"
        );
    }
}
