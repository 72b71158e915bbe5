//! `integration/contract`: data fetched from another system is covered by an
//! informationskontrakt, and personal data by a legal basis.

use super::{FileCtx, Rule, Sink};
use crate::diag::Severity;
use crate::msg;

pub const CONTRACT: Rule = Rule {
    id: "integration/contract",
    severity: Severity::Error,
};

pub fn check(ctx: &FileCtx<'_>, sink: &mut Sink) {
    for system in &ctx.plan.systems {
        let sys = system.id.as_ref().map_or("", |i| i.val.as_str());
        for integration in &system.integrations {
            let from = integration.source.as_ref().map_or("?", |s| s.val.as_str());
            if integration
                .contract
                .as_ref()
                .is_none_or(|c| c.val.trim().is_empty())
            {
                sink.push(
                    &CONTRACT,
                    integration.span,
                    msg!("integrations-contract", system = sys, source = from),
                )
                .help(msg!("integrations-contract.help"));
            }
            if integration.personal_data
                && integration
                    .legal_basis
                    .as_ref()
                    .is_none_or(|l| l.val.trim().is_empty())
            {
                sink.push(
                    &CONTRACT,
                    integration.span,
                    msg!("integrations-legal-basis", system = sys, source = from),
                )
                .help(msg!("integrations-legal-basis.help"));
            }
            if integration.personal_data
                && integration
                    .purpose
                    .as_ref()
                    .is_none_or(|p| p.val.trim().is_empty())
            {
                let span = integration
                    .purpose
                    .as_ref()
                    .map_or(integration.span, |p| p.span);
                sink.push(
                    &CONTRACT,
                    span,
                    msg!("integrations-purpose", system = sys, source = from),
                )
                .help(msg!("integrations-purpose.help"));
            }
        }
    }
}
