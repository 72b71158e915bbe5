//! `budget/exceeded`: the activities fit the budget (bilaga 1).

use super::{FileCtx, Rule, Sink};
use crate::diag::Severity;

pub const EXCEEDED: Rule = Rule {
    id: "budget/exceeded",
    severity: Severity::Warning,
    summary: "activity hours or sek sum above the budget",
    doc: "The planned hours and costs of the year's activities (all but cancelled ones) \
          add up to more than `[budget]` allows. Either the budget needs to grow, which \
          the systemägare decides, or activities must be cut or postponed.",
};

pub fn check(ctx: &FileCtx<'_>, sink: &mut Sink) {
    let plan = ctx.plan;
    let Some(budget) = &plan.budget else { return };
    let active = || plan.activities.iter().filter(|a| !a.is_cancelled());
    let hours: f64 = active()
        .filter_map(|a| a.hours.as_ref())
        .map(|h| h.val)
        .sum();
    let sek: f64 = active().filter_map(|a| a.sek.as_ref()).map(|s| s.val).sum();
    for (what, planned, limit) in [("hours", hours, &budget.hours), ("sek", sek, &budget.sek)] {
        let Some(limit) = limit else { continue };
        if planned > limit.val {
            sink.push(
                &EXCEEDED,
                limit.span,
                format!(
                    "activities plan {} {what}; the budget is {}",
                    fmt_amount(planned),
                    fmt_amount(limit.val)
                ),
            );
        }
    }
}

/// 850000 → "850 000", as amounts are written in Swedish.
pub fn fmt_amount(v: f64) -> String {
    let whole = v.round() as i64;
    let digits = whole.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    if whole < 0 {
        out.insert(0, '-');
    }
    out
}
