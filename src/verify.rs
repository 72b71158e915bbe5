//! `--verify-attestations`: the attestation is the one signature this tool records,
//! so git history must show that the person holding the attesting role set it.

use crate::checks::Rule;
use crate::diag::{Finding, LineIndex, Severity, Span};
use crate::model::{Plan, Tbl};
use crate::repo::GitRepo;
use crate::settings::Settings;
use anyhow::Result;
use std::path::Path;

pub const ATTESTER_MISMATCH: Rule = Rule {
    id: "appendix3/attester-mismatch",
    severity: Severity::Error,
    summary: "with --verify-attestations: the commit that last set the attestation was not authored by the attesting role holder's email",
    doc: "`plan attest` writes who attested (a role), when, and a digest; anyone could \
          type those lines. With `--verify-attestations`, git history (blame of the \
          digest line, else attested_on) shows which commit last set the attestation, \
          and its author e-mail must be that of a person holding the attesting role in \
          the plan (for signed commits, sign with that identity). A mismatch means \
          someone attested on the role holder's behalf. Have the role holder run \
          `plan attest` and commit it themselves; protect the plans with CODEOWNERS \
          (`plan codeowners`) so such a change needs their approval.",
};

/// Checks the attestation of every system in `files` (repository-relative paths of
/// plan files whose current text is given) against the git history of HEAD.
pub fn attestations(
    root: &Path,
    settings: &Settings,
    files: &[(String, String)],
) -> Result<Vec<Finding>> {
    let git = GitRepo::open(root)?;
    let mut out = Vec::new();
    for (path, text) in files {
        let Ok(tree) = toml::de::DeTable::parse(text) else {
            continue;
        };
        let plan = Plan::from_tree(Tbl::new(tree.get_ref(), Span::START));
        let attester = plan.attester(&settings.roles);
        let emails: Vec<String> = plan
            .holders(attester)
            .map(|h| {
                h.people
                    .iter()
                    .filter_map(|p| p.email.as_ref())
                    .map(|e| e.val.to_lowercase())
                    .collect()
            })
            .unwrap_or_default();
        let index = LineIndex::new(text);
        let mut blame = None;
        for system in &plan.systems {
            let (Some(id), Some(a3)) = (&system.id, &system.appendix3) else {
                continue;
            };
            let Some(line_span) = a3
                .digest
                .as_ref()
                .map(|d| d.span)
                .or(a3.attested_on.as_ref().map(|d| d.span))
            else {
                continue;
            };
            if a3.attested_by.is_none() {
                continue;
            }
            let (line, _) = index.line_col(line_span.start as usize);
            if blame.is_none() {
                blame = Some(blame_of(&git, path, text));
            }
            let author = match blame.as_ref().expect("set above") {
                Ok(lines) => lines.get(line - 1).cloned().flatten(),
                Err(e) => {
                    out.push(finding(
                        path,
                        line_span,
                        crate::msg!(
                            "verify-no-history",
                            path = path.as_str(),
                            error = format!("{e:#}")
                        ),
                    ));
                    break;
                }
            };
            let message = match author {
                None => Some(crate::msg!("verify-uncommitted", system = &id.val)),
                Some(email) if emails.contains(&email.to_lowercase()) => None,
                Some(email) if emails.is_empty() => Some(crate::msg!(
                    "verify-no-email",
                    system = &id.val,
                    email = email,
                    role = settings.roles.describe(attester)
                )),
                Some(email) => Some(crate::msg!(
                    "verify-other-author",
                    system = &id.val,
                    email = email,
                    role = settings.roles.describe(attester),
                    emails = emails.join(", ")
                )),
            };
            if let Some(message) = message {
                let mut f = finding(path, line_span, message);
                f.help = Some(crate::msg!("verify-other-author.help"));
                out.push(f);
            }
        }
        for f in out.iter_mut().filter(|f| &f.file == path) {
            f.locate(&index);
            f.object = path.split('/').nth(1).map(str::to_string);
            f.year = path
                .rsplit('/')
                .next()
                .and_then(|n| n.strip_suffix(".toml"))
                .and_then(|y| y.parse().ok());
        }
    }
    Ok(out)
}

fn finding(path: &str, span: Span, message: crate::i18n::Msg) -> Finding {
    Finding::new(
        ATTESTER_MISMATCH.id,
        ATTESTER_MISMATCH.severity,
        path,
        span,
        message,
    )
}

/// The author e-mail of the commit that last changed each line of the file's current
/// text (None: the line is not committed).
fn blame_of(git: &GitRepo, path: &str, text: &str) -> Result<Vec<Option<String>>> {
    let repo = &git.repo;
    let full = format!("{}{path}", git.prefix);
    let lines = text.lines().count();
    let Ok(committed) = repo.blame_file(Path::new(&full), None) else {
        return Ok(vec![None; lines]);
    };
    let blame = committed.blame_buffer(text.as_bytes())?;
    let mut out = Vec::with_capacity(lines);
    for line in 1..=lines {
        let email = blame.get_line(line).and_then(|hunk| {
            let id = hunk.final_commit_id();
            if id.is_zero() {
                return None;
            }
            let commit = repo.find_commit(id).ok()?;
            let email = commit.author().email().map(str::to_string);
            email
        });
        out.push(email);
    }
    Ok(out)
}
