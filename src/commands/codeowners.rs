//! `plan codeowners`: a CODEOWNERS file, so that a merge request touching a plan
//! needs the approval of the object's owners.

use crate::cli::Globals;
use crate::i18n::{Context, Lang};
use crate::repo::{GitRepo, Source};
use crate::tr;
use anyhow::Result;
use std::collections::BTreeMap;
use std::process::ExitCode;

/// Print (or write) a CODEOWNERS file mapping each object's folder to the forge
/// usernames of its owner roles.
///
/// Owner roles come from the role model (`owners`; pm3-lu: systemägare and
/// IT-systemägare, municipal: objektägare and objektägare IT), as held in each
/// object's newest plan, by their `username`. People without a username are
/// listed in a comment so the gap is visible. With branch protection ("require
/// code owner approval" on GitLab/GitHub), nobody can change a plan, or attest on
/// someone's behalf, without the owners' approval.
///
/// Examples:
///   plan codeowners                 print it
///   plan codeowners --write         write CODEOWNERS at the root of the git repository
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Write CODEOWNERS at the git repository's root (only over a file plan wrote)
    #[arg(long)]
    pub write: bool,
}

/// How the file begins (`codeowners-marker`), in some language: a file beginning so
/// was written by plan and may be replaced, whichever language wrote it.
fn ours(text: &[u8]) -> bool {
    Lang::ALL
        .iter()
        .any(|l| text.starts_with(format!("# {}", l.text("codeowners-marker")).as_bytes()))
}

pub fn run(args: Args, globals: &Globals) -> Result<ExitCode> {
    let opened = super::Opened::new(globals)?;
    let (source, settings, lang) = (&opened.source, &opened.settings, opened.lang);
    let git = GitRepo::open(&opened.root).ok();
    let prefix = git.as_ref().map_or(String::new(), |g| g.prefix.clone());
    // The newest plan of each object decides.
    let mut newest: BTreeMap<String, i32> = BTreeMap::new();
    for file in source.list_objects()?.files {
        if let Ok((object, year)) = crate::layout::classify(&file) {
            let y = newest.entry(object).or_insert(year);
            *y = (*y).max(year);
        }
    }
    // Each year is read once, whatever the number of objects.
    let mut years = BTreeMap::new();
    for year in newest.values() {
        if !years.contains_key(year) {
            years.insert(*year, crate::report::load::year(source, *year, lang)?);
        }
    }
    let mut text = format!(
        "# {}\n",
        tr!(
            lang,
            "codeowners-header",
            model = settings.roles.name.as_str()
        )
    );
    for (object, year) in &newest {
        let Some(loaded) = years[year].plans.iter().find(|p| &p.object == object) else {
            continue;
        };
        let plan = &loaded.plan;
        let mut users = Vec::new();
        let mut missing = Vec::new();
        for role in settings.roles.owner_roles(plan.om(), &|r| plan.holds(r)) {
            for person in plan
                .holders(role)
                .map(|h| h.people.as_slice())
                .unwrap_or_default()
            {
                match &person.username {
                    Some(u) if !u.val.trim().is_empty() => {
                        let u = format!("@{}", u.val.trim().trim_start_matches('@'));
                        if !users.contains(&u) {
                            users.push(u);
                        }
                    }
                    _ => {
                        let label = settings.roles.role(role).map_or(role, |r| r.label.as_str());
                        missing.push(match person.name.as_ref().map(|n| n.val.as_str()) {
                            Some(name) if !name.trim().is_empty() => {
                                tr!(lang, "codeowners-person", name = name, role = label)
                            }
                            _ => tr!(lang, "codeowners-unnamed", role = label),
                        })
                    }
                }
            }
        }
        if !missing.is_empty() {
            let people = crate::i18n::and_list(missing).render(lang);
            text.push_str(&format!(
                "# {}\n",
                tr!(
                    lang,
                    "codeowners-no-username",
                    object = object.as_str(),
                    people = people
                )
            ));
        }
        if users.is_empty() {
            text.push_str(&format!(
                "# {}\n",
                tr!(
                    lang,
                    "codeowners-no-owner",
                    folder = format!("/{prefix}objects/{object}/")
                )
            ));
        } else {
            text.push_str(&format!("/{prefix}objects/{object}/ {}\n", users.join(" ")));
        }
    }
    if !args.write {
        crate::output::emit(&text);
        return Ok(ExitCode::SUCCESS);
    }
    let Some(git) = git else {
        crate::fail!("error-codeowners-no-git")
    };
    let workdir = git
        .repo
        .workdir()
        .with_msg(|| crate::msg!("error-git-bare", dir = git.repo.path()))?;
    let target = workdir.join("CODEOWNERS");
    let not_ours = || -> anyhow::Error {
        crate::i18n::Fail(crate::msg!(
            "error-codeowners-not-ours",
            file = target.display().to_string()
        ))
        .into()
    };
    match crate::fsio::read_existing(workdir, &target)? {
        Some(existing) if ours(&existing) => crate::fsio::update(workdir, &target, |now| {
            if ours(now) {
                Ok(text.as_bytes().to_vec())
            } else {
                Err(not_ours())
            }
        })?,
        Some(_) => return Err(not_ours()),
        None => crate::fsio::create_new(workdir, &target, text.as_bytes())?,
    }
    crate::outln!(
        "{}",
        tr!(lang, "wrote", file = target.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}
