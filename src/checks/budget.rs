//! `budget/exceeded`: the activities fit the budget (bilaga 1).

use super::{FileCtx, Rule, Sink};
use crate::diag::{amount, Severity};
use crate::msg;

pub const EXCEEDED: Rule = Rule {
    id: "budget/exceeded",
    severity: Severity::Warning,
};

pub fn check(ctx: &FileCtx<'_>, sink: &mut Sink) {
    let plan = ctx.plan;
    let Some(budget) = &plan.budget else { return };
    let (hours, sek) = plan.planned_totals();
    for (what, planned, limit) in [("hours", hours, &budget.hours), ("sek", sek, &budget.sek)] {
        let Some(limit) = limit else { continue };
        // A negative budget is no amount at all: the `schema` finding on it says so,
        // and one problem gets one finding, not a second claiming it is exceeded.
        if limit.val < 0.0 {
            continue;
        }
        if planned > limit.val {
            sink.push(
                &EXCEEDED,
                limit.span,
                msg!(
                    "budget-exceeded",
                    unit = what,
                    planned = amount(planned),
                    budget = amount(limit.val)
                ),
            );
        }
    }
}
