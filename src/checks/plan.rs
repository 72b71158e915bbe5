//! `plan/*`: the plan as a document.

use super::{FileCtx, Rule, Sink};
use crate::diag::Severity;

pub const ESTABLISHED_INCOMPLETE: Rule = Rule {
    id: "plan/established-incomplete",
    severity: Severity::Error,
    summary: "established/revised without established_on",
    doc: "A fastställd (established) or reviderad (revised) plan records the day it was \
          decided, in `established_on`: the handbook has the plan revised and \
          established every November–December, and the date shows which decision is in \
          force. Add the date, or set status = \"draft\" while the plan is a proposal.",
};

pub fn check(ctx: &FileCtx<'_>, sink: &mut Sink) {
    let plan = ctx.plan;
    if let Some(status) = &plan.status {
        if plan.status_is_established() && !plan.established_on_given {
            sink.push(
                &ESTABLISHED_INCOMPLETE,
                status.span,
                format!("status is \"{}\" but established_on is missing", status.val),
            )
            .help("add established_on = YYYY-MM-DD, the day the plan was decided");
        }
    }
}
