//! `plan/*`: the plan as a document and as a decision.

use super::{FileCtx, Sink};
use crate::diag::did_you_mean;
use crate::diag::rules::plan::{
    DESCRIPTION_MISSING, DRAFT_IN_YEAR, ESTABLISHED_BY, ESTABLISHED_DATE, ESTABLISHED_INCOMPLETE,
};
use crate::model::{is_blank, span_or};
use crate::msg;
use chrono::NaiveDate;

pub fn check(ctx: &FileCtx<'_>, sink: &mut Sink) {
    let plan = ctx.plan;
    if let Some(status) = &plan.status {
        if plan.status_is_established() && !plan.established_on_given {
            sink.push(
                &ESTABLISHED_INCOMPLETE,
                status.span,
                msg!("plan-established-incomplete", status = &status.val),
            )
            .help(msg!("plan-established-incomplete.help"));
        }
        if plan.status_is_established() {
            established_by(ctx, &status.val, status.span, sink);
            if is_blank(&plan.description) {
                let span = span_or(&plan.description, status.span);
                sink.push(
                    &DESCRIPTION_MISSING,
                    span,
                    msg!("plan-description-missing", status = &status.val),
                )
                .help(msg!("plan-description-missing.help"));
            }
        }
        let year_start = NaiveDate::from_ymd_opt(ctx.year, 1, 1);
        if status.val == "draft" && year_start.is_some_and(|start| ctx.today >= start) {
            sink.push(
                &DRAFT_IN_YEAR,
                status.span,
                msg!(
                    "plan-draft-in-year",
                    year = ctx.year,
                    today = ctx.today.to_string()
                ),
            )
            .help(msg!("plan-draft-in-year.help"));
        }
    }
    if let Some(on) = &plan.established_on {
        let earliest = NaiveDate::from_ymd_opt(ctx.year - 1, 1, 1);
        let latest = NaiveDate::from_ymd_opt(ctx.year, 12, 31);
        if let (Some(earliest), Some(latest)) = (earliest, latest) {
            if on.val < earliest || on.val > latest {
                sink.push(
                    &ESTABLISHED_DATE,
                    on.span,
                    msg!(
                        "plan-established-date",
                        date = on.val.to_string(),
                        earliest = earliest.to_string(),
                        latest = latest.to_string(),
                        year = ctx.year
                    ),
                )
                .help(msg!(
                    "plan-established-date.help",
                    year = ctx.year,
                    before = ctx.year - 1
                ));
            }
        }
    }
}

/// `plan/established-by`: the roles of the model's `establishes` that
/// `established_by` lacks.
fn established_by(
    ctx: &FileCtx<'_>,
    status: &str,
    status_span: crate::diag::Span,
    sink: &mut Sink,
) {
    let model = &ctx.settings.roles;
    let named = ctx.plan.established_by.as_ref();
    // A value that is not a list of role ids is the `schema` finding's: one problem
    // gets one finding, not a second claiming the list lacks roles.
    if model.establishes.is_empty() || (named.is_none() && ctx.plan.established_by_given) {
        return;
    }
    let missing: Vec<&String> = model
        .establishes
        .iter()
        .filter(|r| named.is_none_or(|n| !n.val.iter().any(|x| &x.val == *r)))
        .collect();
    if missing.is_empty() {
        return;
    }
    let all = crate::model::shape::quoted(&model.establishes);
    let lacking = crate::i18n::and_list(missing.iter().map(|r| model.describe(r)).collect());
    let f = match named {
        None => sink.push(
            &ESTABLISHED_BY,
            status_span,
            msg!("plan-established-by-none", status = status, roles = lacking),
        ),
        Some(n) => sink.push(
            &ESTABLISHED_BY,
            n.span,
            msg!("plan-established-by", roles = lacking),
        ),
    };
    // A role written wrongly (`systemägare`) is the likely cause: name it.
    let typo = named.and_then(|n| {
        n.val.iter().find_map(|x| {
            (model.role(&x.val).is_none())
                .then(|| did_you_mean(&x.val, missing.iter().map(|r| r.as_str())))
                .flatten()
                .map(|s| (s, x.val.as_str()))
        })
    });
    f.help(match typo {
        Some((s, written)) => msg!(
            "plan-established-by-typo",
            name = s,
            written = written,
            roles = all
        ),
        None => msg!("plan-established-by.help", roles = all),
    });
}
