//! `layout`: plan files live at `objects/<object>/<year>.toml` and say so inside.

use super::{FileCtx, Rule, Sink};
use crate::diag::Severity;
use crate::i18n::Msg;
use crate::model::shape::{is_id, suggest_id};
use crate::msg;
use std::collections::HashSet;

pub const LAYOUT: Rule = Rule {
    id: "layout",
    severity: Severity::Error,
};

/// The object and year a repository path names, or why it is not a plan file path.
pub fn classify(path: &str) -> Result<(String, i32), Msg> {
    let parts: Vec<&str> = path.split('/').collect();
    // `NAME.lock`: the lock of a write in progress, or what one left when it was
    // killed before renaming it over NAME (crate::fsio). `.NAME.plan-PID.tmp`:
    // the same from earlier versions.
    let name = parts.last().copied().unwrap_or_default();
    if let Some(locked) = name.strip_suffix(".lock").filter(|n| !n.is_empty()) {
        return Err(msg!("layout-lock-file", file = locked));
    }
    if name.starts_with('.') && name.ends_with(".tmp") && name.contains(".plan-") {
        return Err(msg!("layout-temporary-file"));
    }
    match parts.as_slice() {
        ["objects", object, file] => {
            if !is_id(object) {
                return Err(msg!(
                    "layout-object-folder-id",
                    folder = *object,
                    suggestion = suggest_id(object)
                ));
            }
            let year = file
                .strip_suffix(".toml")
                .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
            match year {
                Some(y) => Ok((object.to_string(), y.parse().expect("four digits"))),
                None => Err(msg!("layout-file-name", file = *file)),
            }
        }
        ["objects", _] => Err(msg!("layout-directly-under-objects")),
        ["objects", _, _, ..] => Err(msg!("layout-too-deep")),
        _ => Err(msg!("layout-not-under-objects")),
    }
}

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

#[cfg(test)]
mod tests {
    use super::classify;

    #[test]
    fn paths() {
        assert_eq!(
            classify("objects/ladok/2027.toml"),
            Ok(("ladok".into(), 2027))
        );
        assert!(classify("objects/Ladok/2027.toml").is_err());
        assert!(classify("objects/ladok/27.toml").is_err());
        assert!(classify("objects/ladok/2027.yaml").is_err());
        assert!(classify("objects/x.toml").is_err());
        assert!(classify("objects/a/b/2027.toml").is_err());
    }
}
