//! `contract/*`: supplier contracts that need a decision during the plan year, and
//! suppliers processing personal data without a personuppgiftsbiträdesavtal.

use super::{FileCtx, Sink};
use crate::diag::rules::contract::{DPA, EXPIRING};
use crate::model::span_or;
use crate::msg;
use chrono::Datelike;

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
            let span = span_or(&contract.notice_months, ends.span);
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
