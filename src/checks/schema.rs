//! `parse` and `schema`: the file must be TOML, and every key must be one the
//! format knows, with a value of the right type.

use super::{Rule, Sink};
use crate::diag::Severity;
use crate::model::parse::Unparsable;
use crate::model::shape::{self, ShapeError};
use crate::model::Tbl;

pub const PARSE: Rule = Rule {
    id: "parse",
    severity: Severity::Error,
};

pub const SCHEMA: Rule = Rule {
    id: "schema",
    severity: Severity::Error,
};

/// Reports why a file could not be parsed, at its place.
pub fn unparsable(problem: Unparsable<'_>, sink: &mut Sink) {
    sink.push(&PARSE, problem.span, problem.message).help = problem.help;
}

/// Checks the whole file against the plan-file shape.
pub fn check(root: Tbl<'_, '_>, sink: &mut Sink) {
    let mut errors = Vec::new();
    shape::validate(root, shape::PLAN, "", &mut errors);
    for ShapeError {
        span,
        message,
        help,
    } in errors
    {
        let f = sink.push(&SCHEMA, span, message);
        f.help = help;
    }
}
