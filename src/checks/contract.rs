//! `contract/expiring`: supplier contracts that end during the plan year.

use super::{FileCtx, Rule, Sink};
use crate::diag::Severity;
use chrono::Datelike;

pub const EXPIRING: Rule = Rule {
    id: "contract/expiring",
    severity: Severity::Warning,
    summary: "a system's contract ends within the plan year",
    doc: "A supplier contract that ends during the plan year needs a decision in time: \
          extend, procure anew, or phase the system out. Public procurement takes \
          months, so the plan should hold an activity for it. Record the decision and \
          the new end date once it is made.",
};

pub fn check(ctx: &FileCtx<'_>, sink: &mut Sink) {
    for system in &ctx.plan.systems {
        if system.is_retired() {
            continue;
        }
        let (Some(id), Some(ends)) = (&system.id, &system.contract_ends) else {
            continue;
        };
        if ends.val.year() == ctx.year {
            sink.push(
                &EXPIRING,
                ends.span,
                format!("the contract for `{}` ends {}", id.val, ends.val),
            )
            .help("plan an activity for extension or procurement");
        }
    }
}
