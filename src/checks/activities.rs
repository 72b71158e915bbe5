//! `activity/*`: the aktivitetslista of the year.

use super::{FileCtx, Rule, Sink};
use crate::diag::Severity;
use crate::msg;
use chrono::Datelike;

pub const OWNER: Rule = Rule {
    id: "activity/owner",
    severity: Severity::Error,
};

pub const DATES: Rule = Rule {
    id: "activity/dates",
    severity: Severity::Error,
};

pub const OVERDUE: Rule = Rule {
    id: "activity/overdue",
    severity: Severity::Warning,
};

pub fn check(ctx: &FileCtx<'_>, sink: &mut Sink) {
    let plan = ctx.plan;
    for act in &plan.activities {
        let label = act.label();
        if let Some(owner) = &act.owner {
            if !plan.holds(&owner.val) {
                sink.push(
                    &OWNER,
                    owner.span,
                    msg!(
                        "activities-owner",
                        activity = label.as_str(),
                        owner = &owner.val
                    ),
                )
                .help(msg!(
                    "activities-owner.help",
                    roles = plan
                        .roles
                        .iter()
                        .map(|r| r.id.val.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        if let (Some(start), Some(end)) = (&act.start, &act.end) {
            if end.val < start.val {
                sink.push(
                    &DATES,
                    end.span,
                    msg!(
                        "activities-dates-order",
                        activity = label.as_str(),
                        end = end.val.to_string(),
                        start = start.val.to_string()
                    ),
                );
            }
        }
        let carried = act.carried_from.is_some();
        for date in [&act.start, &act.end].into_iter().flatten() {
            let year = date.val.year();
            if year > ctx.year || (year < ctx.year && !carried) {
                sink.push(
                    &DATES,
                    date.span,
                    msg!(
                        "activities-dates-year",
                        activity = label.as_str(),
                        date = date.val.to_string(),
                        year = ctx.year
                    ),
                );
            }
        }
        if let Some(end) = &act.end {
            if end.val < ctx.today && act.is_open() {
                sink.push(
                    &OVERDUE,
                    end.span,
                    msg!(
                        "activities-overdue",
                        activity = label.as_str(),
                        end = end.val.to_string(),
                        status = act.status.as_ref().map_or("planned", |s| s.val.as_str())
                    ),
                );
            }
        }
    }
}
