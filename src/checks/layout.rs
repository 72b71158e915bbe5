//! `layout`: plan files live at `objects/<object>/<year>.toml` and say so inside.

use super::{FileCtx, Rule, Sink};
use crate::diag::Severity;
use crate::model::shape::{is_id, suggest_id};
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

/// The object and year a repository path names, or why it is not a plan file path.
pub fn classify(path: &str) -> Result<(String, i32), String> {
    let parts: Vec<&str> = path.split('/').collect();
    // `NAME.lock`: the lock of a write in progress, or what one left when it was
    // killed before renaming it over NAME (crate::fsio). `.NAME.plan-PID.tmp`:
    // the same from earlier versions.
    let name = parts.last().copied().unwrap_or_default();
    if let Some(locked) = name.strip_suffix(".lock").filter(|n| !n.is_empty()) {
        return Err(format!(
            "the lock of `{locked}`, left by a `plan` write that was interrupted or is still running; `{locked}` is as it was before that write; if no `plan` is running, delete this file"
        ));
    }
    if name.starts_with('.') && name.ends_with(".tmp") && name.contains(".plan-") {
        return Err(
            "a temporary file left by an interrupted `plan` write, which did not happen; delete this file"
                .into(),
        );
    }
    match parts.as_slice() {
        ["objects", object, file] => {
            if !is_id(object) {
                return Err(format!(
                    "object folder `{object}` is not a valid id (lowercase a–z, digits and `-`); rename it, e.g. to `{}`",
                    suggest_id(object)
                ));
            }
            let year = file
                .strip_suffix(".toml")
                .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
            match year {
                Some(y) => Ok((object.to_string(), y.parse().expect("four digits"))),
                None => Err(format!(
                    "`{file}` is not a plan file name: expected `<year>.toml`, e.g. `2027.toml`"
                )),
            }
        }
        ["objects", _] => Err(
            "files directly under objects/ are not plans: expected objects/<object>/<year>.toml"
                .into(),
        ),
        ["objects", _, _, ..] => {
            Err("too deep: plan files are objects/<object>/<year>.toml".into())
        }
        _ => Err("not under objects/".into()),
    }
}

pub fn check(ctx: &FileCtx<'_>, sink: &mut Sink) {
    let plan = ctx.plan;
    if let Some(object) = &plan.object {
        if object.val != ctx.object {
            sink.push(
                &LAYOUT,
                object.span,
                format!(
                    "`object = \"{}\"` but the file is in objects/{}/",
                    object.val, ctx.object
                ),
            )
            .help(format!(
                "write object = \"{}\", or move the file",
                ctx.object
            ));
        }
    }
    if let Some(year) = &plan.year {
        if year.val != i64::from(ctx.year) {
            sink.push(
                &LAYOUT,
                year.span,
                format!("`year = {}` but the file is {}.toml", year.val, ctx.year),
            )
            .help(format!("write year = {}, or rename the file", ctx.year));
        }
    }
    let mut seen = HashSet::new();
    for id in plan.systems.iter().filter_map(|s| s.id.as_ref()) {
        if !seen.insert(id.val.as_str()) {
            sink.push(
                &LAYOUT,
                id.span,
                format!("system id `{}` is used twice in this object", id.val),
            )
            .help("give each [[systems]] entry its own id");
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
