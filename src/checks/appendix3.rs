//! `appendix3/*`: bilaga 3, the information-security checklist the IT-systemägare
//! signs for each system.

use super::{FileCtx, Sink};
use crate::diag::rules::appendix3::{
    DEVIATION_INCOMPLETE, DEVIATION_ROLE, MISSING, NA_UNJUSTIFIED, NOT_ATTESTED, NOT_REPORTED,
    OVERDUE, STALE, UNANSWERED, UNKNOWN_QUESTION, WRONG_ATTESTER,
};
use crate::diag::{did_you_mean, Severity};
use crate::model::plan::{Answer, System};
use crate::model::{is_blank, span_or};
use crate::msg;

pub fn check(ctx: &FileCtx<'_>, sink: &mut Sink) {
    let established = ctx.plan.status_is_established();
    let by_status = if established {
        Severity::Error
    } else {
        Severity::Warning
    };
    for system in &ctx.plan.systems {
        let Some(id) = &system.id else { continue };
        if system.is_retired() {
            continue;
        }
        if system.appendix3.is_none() {
            sink.push_as(
                &MISSING,
                by_status,
                id.span,
                msg!("appendix3-missing", system = &id.val),
            )
            .help(msg!("appendix3-missing.help"));
            continue;
        };
        check_system_answers(ctx, system, by_status, sink);
        check_attestation(ctx, system, by_status, sink);
    }
}

/// The checklist answers of one system: complete, known, and every deviation handled.
pub fn check_system_answers(
    ctx: &FileCtx<'_>,
    system: &System,
    by_status: Severity,
    sink: &mut Sink,
) {
    let Some(a3) = &system.appendix3 else { return };
    let (answers, at): (&[Answer], _) = (&a3.answers, a3.answers_span);
    let checklist = &ctx.settings.checklist;
    let sys = system.id.as_ref().map_or("", |i| i.val.as_str());
    let unanswered: Vec<&str> = checklist
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .filter(|q| !answers.iter().any(|a| a.question.val == *q))
        .collect();
    if !unanswered.is_empty() {
        sink.push_as(
            &UNANSWERED,
            by_status,
            at,
            msg!(
                "appendix3-unanswered",
                system = sys,
                count = unanswered.len(),
                total = checklist.questions.len(),
                questions = unanswered.join(", ")
            ),
        )
        .help(msg!("appendix3-unanswered.help"));
    }
    let report_to = ctx.plan.report_to(&ctx.settings.roles);
    for a in answers {
        if checklist.question(&a.question).is_none() {
            let f = sink.push(
                &UNKNOWN_QUESTION,
                a.question.span,
                msg!(
                    "appendix3-unknown-question",
                    checklist = &checklist.name,
                    question = &a.question.val
                ),
            );
            if let Some(s) = did_you_mean(
                &a.question,
                checklist.questions.iter().map(|q| q.id.as_str()),
            ) {
                f.help(msg!("did-you-mean-id", name = s));
            }
            continue;
        }
        let Some(answer) = &a.answer else { continue };
        let q = &a.question.val;
        if a.is_deviation() {
            let missing: Vec<&str> = [
                ("deviation", a.deviation.is_none()),
                ("action", a.action.is_none()),
                ("owner", a.owner.is_none()),
                ("due", a.due.is_none()),
            ]
            .into_iter()
            .filter(|(_, m)| *m)
            .map(|(k, _)| k)
            .collect();
            if !missing.is_empty() {
                sink.push(
                    &DEVIATION_INCOMPLETE,
                    a.span,
                    msg!(
                        "appendix3-deviation-incomplete",
                        question = q,
                        answer = &answer.val,
                        missing =
                            crate::i18n::and_list(missing.iter().map(|k| k.to_string()).collect())
                    ),
                )
                .help(msg!(
                    "appendix3-deviation-incomplete.help",
                    question = q,
                    answer = &answer.val,
                    roles = crate::model::shape::quoted(&report_to)
                ));
            }
            check_deviation_roles(ctx, q, a, sink);
            let reported: Vec<&str> = a
                .reported_to
                .iter()
                .flatten()
                .map(|r| r.val.as_str())
                .collect();
            let lacking: Vec<&str> = report_to
                .iter()
                .copied()
                .filter(|r| !reported.contains(r))
                .collect();
            if !lacking.is_empty() {
                sink.push(
                    &NOT_REPORTED,
                    a.span,
                    msg!(
                        "appendix3-not-reported",
                        question = q,
                        roles = crate::i18n::and_list(
                            lacking
                                .iter()
                                .map(|r| ctx.settings.roles.describe(r))
                                .collect()
                        )
                    ),
                )
                .help(msg!(
                    "appendix3-not-reported.help",
                    roles = crate::model::shape::quoted(&report_to)
                ));
            }
            if let Some(due) = &a.due {
                if due.val < ctx.today {
                    sink.push(
                        &OVERDUE,
                        due.span,
                        msg!("appendix3-overdue", question = q, due = due.val.to_string()),
                    );
                }
            }
        }
        if answer.val == "na" && is_blank(&a.justification) {
            sink.push(
                &NA_UNJUSTIFIED,
                a.span,
                msg!("appendix3-na-unjustified", question = q),
            )
            .help(msg!("appendix3-na-unjustified.help", question = q));
        }
    }
}

/// `appendix3/deviation-role`: the owner is held in the plan, and every `reported_to`
/// entry is a role of the model.
fn check_deviation_roles(ctx: &FileCtx<'_>, q: &str, a: &Answer, sink: &mut Sink) {
    let model = &ctx.settings.roles;
    let plan = ctx.plan;
    if let Some(owner) = a.owner.as_ref().filter(|o| !plan.holds(&o.val)) {
        let held: Vec<&str> = plan
            .roles
            .iter()
            .filter(|r| plan.holds(&r.id.val))
            .map(|r| r.id.val.as_str())
            .collect();
        let id = if model.role(&owner.val).is_some() {
            "appendix3-owner-unheld"
        } else {
            "appendix3-owner-unknown"
        };
        let f = sink.push(
            &DEVIATION_ROLE,
            owner.span,
            msg!(id, question = q, owner = &owner.val),
        );
        super::help_with_id(f, &owner.val, &held, msg!("roles-held-here"));
    }
    for r in a.reported_to.iter().flatten() {
        if model.role(&r.val).is_some() {
            continue;
        }
        let f = sink.push(
            &DEVIATION_ROLE,
            r.span,
            msg!(
                "appendix3-reported-to-unknown",
                question = q,
                role = &r.val,
                model = &model.name
            ),
        );
        let ids: Vec<&str> = model.roles.iter().map(|r| r.id.as_str()).collect();
        super::help_with_id(
            f,
            &r.val,
            &ids,
            msg!("roles-unknown.help", model = &model.name),
        );
    }
}

fn check_attestation(ctx: &FileCtx<'_>, system: &System, by_status: Severity, sink: &mut Sink) {
    let Some(a3) = &system.appendix3 else { return };
    let sys = system.id.as_ref().map_or("", |i| i.val.as_str());
    let attester = ctx.plan.attester(&ctx.settings.roles);
    let attest_cmd = format!(
        "plan attest {} --system {sys} --year {}",
        ctx.object, ctx.year
    );
    let (Some(by), Some(_on)) = (&a3.attested_by, &a3.attested_on) else {
        let span = span_or(&a3.attested_by, a3.span);
        sink.push_as(
            &NOT_ATTESTED,
            by_status,
            span,
            msg!("appendix3-not-attested", system = sys),
        )
        .help(msg!(
            "appendix3-not-attested.help",
            role = ctx.settings.roles.describe(attester),
            command = attest_cmd.as_str()
        ));
        return;
    };
    if by.val != attester {
        let message = if ctx.plan.holds(&by.val) {
            msg!(
                "appendix3-wrong-attester",
                by = ctx.settings.roles.describe(&by.val),
                attester = ctx.settings.roles.describe(attester)
            )
        } else {
            msg!(
                "appendix3-wrong-attester-unheld",
                by = ctx.settings.roles.describe(&by.val),
                attester = ctx.settings.roles.describe(attester)
            )
        };
        sink.push(&WRONG_ATTESTER, by.span, message).help(msg!(
            "appendix3-not-attested.help",
            role = ctx.settings.roles.describe(attester),
            command = attest_cmd.as_str()
        ));
    }
    let current = a3.current_digest();
    match &a3.digest {
        Some(d) if d.val == current => {}
        Some(d) => {
            sink.push(&STALE, d.span, msg!("appendix3-stale", system = sys))
                .help(msg!("appendix3-stale.help", command = attest_cmd.as_str()));
        }
        None => {
            sink.push(&STALE, by.span, msg!("appendix3-no-digest", system = sys))
                .help(msg!(
                    "appendix3-no-digest.help",
                    command = attest_cmd.as_str()
                ));
        }
    }
}
