//! `--verify-attestations`: the attestation is the one signature this tool records,
//! so git history must show that the person holding the attesting role set it — a
//! holder someone else appointed (SPEC §6, `appendix3/attester-mismatch`, v2).

use crate::diag::rules::appendix3::{ATTESTER_MISMATCH, STALE};
use crate::diag::{Finding, LineIndex, Span};
use crate::repo::history::{
    appointment, author_email, changed_answers, describe, emails, History, Version,
};
use crate::repo::GitRepo;
use crate::settings::Settings;
use anyhow::Result;
use rayon::prelude::*;
use std::path::Path;

/// Checks the attestation of every system in `files` (repository-relative paths of
/// plan files with the text that was checked) against the git history that leads to
/// `rev` (HEAD when None: the work tree and the index are compared with HEAD).
pub fn attestations(
    root: &Path,
    settings: &Settings,
    files: &[(String, String)],
    rev: Option<&str>,
) -> Result<Vec<Finding>> {
    let git = GitRepo::open(root)?;
    if git.repo.is_shallow() {
        crate::fail!("error-verify-shallow");
    }
    drop(git);
    // One history per thread, not per piece of work rayon splits off: the paths
    // each commit changed are computed once per history and shared by its files.
    let threads = rayon::current_num_threads().max(1);
    let chunk = files.len().div_ceil(threads).max(1);
    let found: Vec<Result<Vec<Finding>>> = files
        .par_chunks(chunk)
        .map(|chunk| {
            let history = History::new(GitRepo::open(root)?);
            let mut out = Vec::new();
            for (path, text) in chunk {
                out.extend(verify_file(&history, settings, rev, path, text)?);
            }
            Ok(out)
        })
        .collect();
    let mut out = Vec::new();
    for f in found {
        out.extend(f?);
    }
    Ok(out)
}

/// The attestation keys of one system in one version of a plan.
fn attestation(version: &Version, system: &str) -> Option<[Option<String>; 4]> {
    let a3 = version.as_ref()?.system(system)?.appendix3.as_ref()?;
    let s = |v: &Option<crate::model::Sp<String>>| v.as_ref().map(|v| v.val.clone());
    Some([
        s(&a3.attested_by),
        a3.attested_on.as_ref().map(|d| d.val.to_string()),
        s(&a3.digest),
        s(&a3.signed_by),
    ])
}

fn verify_file(
    history: &History,
    settings: &Settings,
    rev: Option<&str>,
    path: &str,
    text: &str,
) -> Result<Vec<Finding>> {
    let now = history.remember(text);
    let Some(plan) = &now else {
        return Ok(Vec::new());
    };
    let object = path.split('/').nth(1).unwrap_or_default();
    let year = path
        .rsplit('/')
        .next()
        .and_then(|n| n.strip_suffix(".toml"))
        .unwrap_or_default();
    let start = history.start(rev)?;
    let mut out = Vec::new();
    for system in &plan.systems {
        let (Some(id), Some(a3)) = (&system.id, &system.appendix3) else {
            continue;
        };
        let Some(by) = &a3.attested_by else { continue };
        let span = a3
            .digest
            .as_ref()
            .map(|d| d.span)
            .or(a3.attested_on.as_ref().map(|d| d.span))
            .unwrap_or(by.span);
        let sys = id.val.as_str();
        let attest = format!("plan attest {object} --system {sys} --year {year}");
        let key = |v: &Version| attestation(v, sys);
        let committed = match &start {
            Some(head) => key(&history.at(head, path)?) == key(&now),
            None => false,
        };
        let (true, Some(head)) = (committed, start.clone()) else {
            let mut f = finding(path, span, crate::msg!("verify-uncommitted", system = sys));
            f.help(crate::msg!(
                "verify-uncommitted.help",
                command = attest.as_str()
            ));
            out.push(f);
            continue;
        };
        let change = history.last_change(head, path, key)?;
        let commit = &change.commit;
        let author = author_email(commit);
        let made = describe(commit);
        let Some(before) = &change.before else {
            let mut f = finding(
                path,
                span,
                crate::msg!(
                    "verify-created",
                    system = sys,
                    commit = made.as_str(),
                    author = author.as_str(),
                    path = path
                ),
            );
            f.help(crate::msg!(
                "verify-created.help",
                command = attest.as_str()
            ));
            out.push(f);
            continue;
        };
        let (role, holders) = before.attesting(&settings.roles);
        let role_label = settings.roles.describe(role);
        let mut problems = Vec::new();
        if holders.is_empty() {
            problems.push(crate::msg!(
                "verify-problem-no-email",
                role = role_label.as_str()
            ));
        } else {
            if !holders.contains(&author) {
                problems.push(crate::msg!(
                    "verify-problem-author",
                    author = author.as_str()
                ));
            }
            match a3.signed_by.as_ref().map(|s| s.val.to_lowercase()) {
                None => problems.push(crate::msg!("verify-problem-unsigned")),
                Some(s) if !holders.contains(&s) => {
                    problems.push(crate::msg!("verify-problem-signer", signer = s))
                }
                Some(_) => {}
            }
            let after = emails(&history.at(commit, path)?, role);
            let mut sorted = holders.clone();
            sorted.sort();
            if after != sorted {
                problems.push(if after.is_empty() {
                    crate::msg!(
                        "verify-problem-changed-to-nobody",
                        role = role_label.as_str()
                    )
                } else {
                    crate::msg!(
                        "verify-problem-changed",
                        role = role_label.as_str(),
                        holders = after.join(", ")
                    )
                });
            }
            if let Some(parent) = commit.parents().next() {
                let appointed = appointment(history, parent, path, role)?;
                let by = author_email(&appointed);
                if holders.contains(&by) {
                    problems.push(crate::msg!(
                        "verify-problem-self-appointed",
                        by = by.as_str(),
                        commit = describe(&appointed),
                        role = role_label.as_str()
                    ));
                }
            }
        }
        if problems.is_empty() {
            continue;
        }
        let holder = if holders.is_empty() {
            crate::msg!("verify-nobody-with-email")
        } else {
            crate::i18n::Msg::verbatim(holders.join(", "))
        };
        let mut f = finding(
            path,
            span,
            crate::msg!(
                "verify-mismatch",
                system = sys,
                attested_by = &by.val,
                commit = made.as_str(),
                author = author.as_str(),
                role = role_label.as_str(),
                holder = holder,
                problems = crate::i18n::joined(problems, "; ")
            ),
        );
        f.help(crate::msg!(
            "verify-mismatch.help",
            role = role_label.as_str(),
            command = attest.as_str(),
            id = role
        ));
        out.push(f);
    }
    let index = LineIndex::new(text);
    let object: std::sync::Arc<str> = object.into();
    for f in &mut out {
        f.locate(&index);
        f.object = Some(object.clone());
        f.year = year.parse().ok();
    }
    Ok(out)
}

fn finding(path: &str, span: Span, message: crate::i18n::Msg) -> Finding {
    Finding::new(
        &ATTESTER_MISMATCH,
        ATTESTER_MISMATCH.severity,
        path,
        span,
        message,
    )
}

/// Adds to each `appendix3/stale` finding about changed answers which questions
/// changed since the version the digest covers, where git history has that version.
/// Without git, or when history does not reach it, the findings stay as they are.
pub fn explain_stale(
    root: &Path,
    source: &dyn crate::repo::Source,
    rev: Option<&str>,
    findings: &mut [Finding],
) {
    let stale: Vec<usize> = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| *f.rule == STALE)
        .map(|(i, _)| i)
        .collect();
    if stale.is_empty() {
        return;
    }
    let Ok(git) = GitRepo::open(root) else {
        return;
    };
    let history = History::new(git);
    for i in stale {
        let f = &mut findings[i];
        let Ok(Some(bytes)) = source.read(&f.file) else {
            continue;
        };
        let Some(now) = std::str::from_utf8(&bytes)
            .ok()
            .and_then(|text| history.remember(text))
        else {
            continue;
        };
        // The finding points at the digest of the system it is about.
        let Some(system) = now.systems.iter().find(|s| {
            s.appendix3
                .as_ref()
                .and_then(|a| a.digest.as_ref())
                .is_some_and(|d| d.span == f.span)
        }) else {
            continue;
        };
        let Some(id) = &system.id else { continue };
        if let Ok(Some((changed, commit))) = changed_answers(&history, rev, &f.file, &now, &id.val)
        {
            if !changed.is_empty() {
                f.message = crate::msg!(
                    "appendix3-stale-since",
                    system = &id.val,
                    questions = changed
                        .iter()
                        .map(|q| format!("`{q}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    commit = commit.to_string()
                );
            }
        }
    }
}
