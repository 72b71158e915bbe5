//! `layout`: plan files live at `objects/<object>/<year>.toml` and say so inside.

use super::{FileCtx, Rule, Sink};
use crate::diag::Severity;
use crate::msg;
use std::collections::HashSet;

pub const LAYOUT: Rule = Rule {
    id: "layout",
    severity: Severity::Error,
};

pub fn check(ctx: &FileCtx<'_>, sink: &mut Sink) {
    let plan = ctx.plan;
    if let Some(object) = &plan.object {
        if object.val != ctx.object {
            sink.push(
                &LAYOUT,
                object.span,
                msg!(
                    "layout-object-mismatch",
                    written = &object.val,
                    folder = ctx.object
                ),
            )
            .help(msg!("layout-object-mismatch.help", folder = ctx.object));
        }
    }
    if let Some(year) = &plan.year {
        if year.val != i64::from(ctx.year) {
            sink.push(
                &LAYOUT,
                year.span,
                msg!("layout-year-mismatch", written = year.val, year = ctx.year),
            )
            .help(msg!("layout-year-mismatch.help", year = ctx.year));
        }
    }
    let mut seen = HashSet::new();
    for id in plan.systems.iter().filter_map(|s| s.id.as_ref()) {
        if !seen.insert(id.val.as_str()) {
            sink.push(
                &LAYOUT,
                id.span,
                msg!("layout-system-twice", system = &id.val),
            )
            .help(msg!("layout-system-twice.help"));
        }
    }
}
