//! `integration/contract`: data fetched from another system is covered by an
//! informationskontrakt, and personal data by a legal basis.

use super::{FileCtx, Rule, Sink};
use crate::diag::Severity;
use crate::msg;

pub const CONTRACT: Rule = Rule {
    id: "integration/contract",
    severity: Severity::Error,
    summary: "an integration without contract, or with personal data but no legal_basis \
              or no purpose",
    doc: "Every integration, data one system fetches from another, is governed by an \
          informationskontrakt that says what is shared, why and under which \
          conditions (handbook: integrations need agreements between the förvaltningar). \
          When the data includes personal data, the processing also needs a legal \
          basis under the GDPR (allmänt intresse, rättslig förpliktelse, avtal…) and a \
          purpose (ändamål): the contract \"anger vilken data som hämtas och varför. \
          Varför-delen är extra viktig då den hämtade datamängden innehåller \
          personuppgifter\" (handbook 000, 5.6). Add `contract = \"…\"` with the \
          contract's reference, and `legal_basis` and `purpose` when \
          `personal_data = true`.",
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
