//! `appendix3/attester-mismatch` (`plan check --verify-attestations`): the
//! attestation is the one signature this tool records, so git history must show
//! that the person holding the attesting role set it — a holder someone else
//! appointed (SPEC §6, v2). The handbook (000, ch. 9): "IT-systemägaren är den som
//! undertecknar och intygar att uppgifterna i bilaga 3 till planen är korrekta".
//!
//! And `appendix3/stale` told from history: which answers changed since the
//! version the digest covers.
//!
//! The rules judge plain data that [`crate::repo::history`] read from git: they
//! never open the repository themselves.

use super::Sink;
use crate::diag::rules::appendix3::{ATTESTER_MISMATCH, STALE};
use crate::diag::{Finding, Span};
use crate::i18n::{joined, Msg};
use crate::msg;
use crate::repo::history::{Attestation, CommitInfo, Set, SinceAttested};
use crate::settings::Settings;

/// The `appendix3/attester-mismatch` findings of one plan file (`text` as it was
/// checked) from what history says of its attestations.
pub fn check(settings: &Settings, path: &str, text: &str, found: &[Attestation]) -> Vec<Finding> {
    let Ok((object, year)) = crate::layout::classify(path) else {
        return Vec::new();
    };
    let mut sink = Sink::new(path);
    for attestation in found {
        let attest = format!(
            "plan attest {object} --system {} --year {year}",
            attestation.system
        );
        mismatch(settings, attestation, path, &attest, &mut sink);
    }
    super::located(sink, text, &object, year)
}

fn mismatch(settings: &Settings, a: &Attestation, path: &str, command: &str, sink: &mut Sink) {
    let sys = a.system.as_str();
    let push = |sink: &mut Sink, message: Msg, help: Msg| {
        sink.push(&ATTESTER_MISMATCH, a.span, message).help(help);
    };
    // The system, and the commit that set its attestation.
    let set_in = |id: &'static str, commit: &CommitInfo| {
        msg!(
            id,
            system = sys,
            commit = commit.described.as_str(),
            author = commit.author.as_str()
        )
    };
    let (commit, role, holders, after, appointed) = match &a.set {
        Set::Uncommitted => {
            return push(
                sink,
                msg!("verify-uncommitted", system = sys),
                msg!("verify-uncommitted.help", command = command),
            )
        }
        Set::WithTheFile(commit) => {
            return push(
                sink,
                set_in("verify-created", commit).with("path", path),
                msg!("verify-created.help", command = command),
            )
        }
        Set::InCommit {
            commit,
            role,
            holders,
            after,
            appointed,
        } => (commit, role.as_str(), holders, after, appointed),
    };
    let role_label = settings.roles.describe(role);
    let mut problems = Vec::new();
    if holders.is_empty() {
        problems.push(msg!("verify-problem-no-email", role = role_label.as_str()));
    } else {
        if !holders.contains(&commit.author) {
            problems.push(msg!(
                "verify-problem-author",
                author = commit.author.as_str()
            ));
        }
        match &a.signed_by {
            None => problems.push(msg!("verify-problem-unsigned")),
            Some(s) if !holders.contains(s) => {
                problems.push(msg!("verify-problem-signer", signer = s.as_str()))
            }
            Some(_) => {}
        }
        let mut sorted = holders.clone();
        sorted.sort();
        if *after != sorted {
            problems.push(if after.is_empty() {
                msg!(
                    "verify-problem-changed-to-nobody",
                    role = role_label.as_str()
                )
            } else {
                msg!(
                    "verify-problem-changed",
                    role = role_label.as_str(),
                    holders = after.join(", ")
                )
            });
        }
        if let Some(by) = appointed.as_ref().filter(|c| holders.contains(&c.author)) {
            problems.push(msg!(
                "verify-problem-self-appointed",
                by = by.author.as_str(),
                commit = by.described.as_str(),
                role = role_label.as_str()
            ));
        }
    }
    if problems.is_empty() {
        return;
    }
    let holder = if holders.is_empty() {
        msg!("verify-nobody-with-email")
    } else {
        Msg::verbatim(holders.join(", "))
    };
    push(
        sink,
        set_in("verify-mismatch", commit)
            .with("attested_by", a.attested_by.as_str())
            .with("role", role_label.as_str())
            .with("holder", holder)
            .with("problems", joined(problems, "; ")),
        msg!(
            "verify-mismatch.help",
            role = role_label.as_str(),
            command = command,
            id = role
        ),
    );
}

/// The digests `appendix3/stale` found stale: the file and the span of each, in the
/// order of `findings` (what [`crate::repo::history::since_attested`] is asked about).
pub fn stale_digests(findings: &[Finding]) -> Vec<(&str, Span)> {
    findings
        .iter()
        .filter(|f| *f.rule == STALE)
        .map(|f| (&*f.file, f.span))
        .collect()
}

/// Says in each `appendix3/stale` finding which questions changed since the version
/// the digest covers, where history knows it (`since`: one entry per finding, in
/// the order of [`stale_digests`]). The others stay as they are.
pub fn explain_stale(findings: &mut [Finding], since: Vec<Option<SinceAttested>>) {
    let stale = findings.iter_mut().filter(|f| *f.rule == STALE);
    for (f, since) in stale.zip(since) {
        let Some(since) = since.filter(|s| !s.questions.is_empty()) else {
            continue;
        };
        let questions: Vec<String> = since.questions.iter().map(|q| format!("`{q}`")).collect();
        f.message = msg!(
            "appendix3-stale-since",
            system = since.system,
            questions = questions.join(", "),
            commit = since.commit
        );
    }
}
