//! `layout`: plan files live at `objects/<object>/<year>.toml` and say so inside.

use super::{FileCtx, Rule, Sink};
use crate::diag::Severity;
use crate::msg;
use std::collections::HashSet;

pub const LAYOUT: Rule = Rule {
    id: "layout",
    severity: Severity::Error,
    summary: "path not objects/<object>/<year>.toml, object/year disagree with it, or duplicate system ids",
    doc: "Each plan is one file, `objects/<object>/<year>.toml`: the folder is the \
          management object's id (lowercase a–z, digits and `-`, at most 63 \
          characters) and the file name its four-digit year. Anything else under \
          `objects/` is reported rather than skipped, so a misnamed file is never \
          silently left unchecked. Inside the file, `object` and `year` must repeat \
          the path, and system ids must be unique within the object. Rename or move \
          the file, or fix the value the finding points at.",
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
