//! `contract/*`: supplier contracts that need a decision during the plan year, and
//! suppliers processing personal data without a personuppgiftsbiträdesavtal.

use super::{FileCtx, Rule, Sink};
use crate::diag::Severity;
use crate::msg;
use chrono::Datelike;

pub const EXPIRING: Rule = Rule {
    id: "contract/expiring",
    severity: Severity::Warning,
    summary: "a system's contract ends, or must be given notice, within the plan year",
    doc: "A supplier contract that ends during the plan year needs a decision in time: \
          extend, procure anew, or phase the system out. With an uppsägningstid \
          (`notice_months`) the decision is due earlier: a contract ending in March 2028 \
          with six months' notice must be acted on by September 2027, so the 2027 plan \
          is where it belongs. The systemägare \"bör vara insatt i vad som står i ev. \
          avtal med externa parter\" (handbook 000, chapter 9); in a kommun the \
          objektägare signs and follows up the supplier contracts (document 001, 6.2, \
          6.4). Public procurement takes months, so the plan should hold an activity for \
          it. Record the decision and the new end date once it is made.",
};

pub const DPA: Rule = Rule {
    id: "contract/dpa",
    severity: Severity::Warning,
    summary: "personal data processed by an external or hybrid supplier without a signed \
              personuppgiftsbiträdesavtal",
    doc: "A supplier that runs a system holding personal data (`hosting = \"external\"` \
          or `\"hybrid\"`, `personal_data = true`) processes that data on the \
          organisation's behalf: GDPR article 28 requires a personuppgiftsbiträdesavtal \
          (data processing agreement). The handbook asks that \"LU behöver veta exakt i \
          vilka system som personuppgifter lagras\" (000, 5.6), and the objektägare \
          answers for the system being used within \"tecknade avtal\" (001, 6.2). Sign \
          the agreement and record it: `contract = { …, dpa = true }`.",
};

pub fn check(ctx: &FileCtx<'_>, sink: &mut Sink) {
    for system in &ctx.plan.systems {
        if system.is_retired() {
            continue;
        }
        let Some(id) = &system.id else { continue };
        expiring(ctx, system, &id.val, sink);
        dpa(system, &id.val, sink);
    }
}

fn expiring(ctx: &FileCtx<'_>, system: &crate::model::plan::System, id: &str, sink: &mut Sink) {
    let Some(contract) = &system.contract else {
        return;
    };
    let Some(ends) = &contract.ends else { return };
    let notice = contract
        .notice_date()
        .filter(|_| contract.notice_months.as_ref().is_some_and(|m| m.val > 0));
    let months = contract.notice_months.as_ref().map_or(0, |m| m.val);
    match notice {
        Some(by) if by.year() == ctx.year => {
            let span = contract
                .notice_months
                .as_ref()
                .map_or(ends.span, |m| m.span);
            sink.push(
                &EXPIRING,
                span,
                msg!(
                    "contract-expiring-notice",
                    system = id,
                    ends = ends.val.to_string(),
                    months = months,
                    by = by.to_string()
                ),
            )
            .help(msg!("contract-expiring-notice.help"));
        }
        _ if ends.val.year() == ctx.year => {
            let f = sink.push(
                &EXPIRING,
                ends.span,
                msg!(
                    "contract-expiring",
                    system = id,
                    ends = ends.val.to_string()
                ),
            );
            match notice {
                Some(by) => f.help(msg!("contract-expiring-late", by = by.to_string())),
                None => f.help(msg!("contract-expiring.help")),
            };
        }
        _ => {}
    }
}

fn dpa(system: &crate::model::plan::System, id: &str, sink: &mut Sink) {
    let Some(personal) = system.personal_data.as_ref().filter(|p| p.val) else {
        return;
    };
    if !system.is_supplier_hosted() {
        return;
    }
    let contract = system.contract.as_ref();
    let dpa = contract.and_then(|c| c.dpa.as_ref());
    if dpa.is_some_and(|d| d.val) {
        return;
    }
    let hosting = system.hosting.as_ref().map_or("", |h| h.val.as_str());
    let span = dpa
        .map(|d| d.span)
        .or(contract.map(|c| c.span))
        .unwrap_or(personal.span);
    sink.push(
        &DPA,
        span,
        msg!("contract-dpa", system = id, hosting = hosting),
    )
    .help(match contract {
        Some(_) => msg!("contract-dpa.help"),
        None => msg!("contract-dpa-no-contract"),
    });
}
