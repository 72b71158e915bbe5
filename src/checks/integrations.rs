//! `integration/contract`: data fetched from another system is covered by an
//! informationskontrakt, and personal data by a legal basis.

use super::{FileCtx, Sink};
use crate::diag::rules::integrations::CONTRACT;
use crate::model::{is_blank, span_or};
use crate::msg;

pub fn check(ctx: &FileCtx<'_>, sink: &mut Sink) {
    for system in &ctx.plan.systems {
        let sys = system.id.as_ref().map_or("", |i| i.val.as_str());
        for integration in &system.integrations {
            let from = integration.source.as_ref().map_or("?", |s| s.val.as_str());
            let mut missing = |span, id, help| {
                sink.push(&CONTRACT, span, msg!(id, system = sys, source = from))
                    .help(msg!(help));
            };
            if is_blank(&integration.contract) {
                missing(
                    integration.span,
                    "integrations-contract",
                    "integrations-contract.help",
                );
            }
            if integration.personal_data && is_blank(&integration.legal_basis) {
                missing(
                    integration.span,
                    "integrations-legal-basis",
                    "integrations-legal-basis.help",
                );
            }
            if integration.personal_data && is_blank(&integration.purpose) {
                missing(
                    span_or(&integration.purpose, integration.span),
                    "integrations-purpose",
                    "integrations-purpose.help",
                );
            }
        }
    }
}
