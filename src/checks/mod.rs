//! The checks. Each family module holds the small functions that fire the rules of
//! its family (their ids and default severities are listed in [`crate::diag::rules`],
//! their documentation in the catalogues). Checks never print; they push findings
//! into a [`Sink`].

mod activities;
mod appendix3;
pub mod attestation;
mod budget;
mod contract;
pub mod deps;
mod integrations;
mod layout;
mod plan;
pub mod roles;
mod schema;
mod upgrades;

use crate::diag::rules::appendix3::{NOT_REPORTED, OVERDUE};
use crate::diag::{Finding, LineIndex, Rule, Severity, Span};
use crate::i18n::Msg;
use crate::model::Plan;
use crate::settings::Settings;
use chrono::NaiveDate;

/// Helps with an id that is not one of `ids`: "did you mean `x`?" when one is close,
/// else the ids there are (`what`: a message like "roles held here: { $ids }", which
/// gets them as `ids`).
fn help_with_id(finding: &mut Finding, name: &str, ids: &[&str], what: Msg) {
    match crate::diag::did_you_mean(name, ids.iter().copied()) {
        Some(s) => finding.help(crate::msg!("did-you-mean-id", name = s)),
        None => finding.help(what.with("ids", ids.join(", "))),
    };
}

/// What every check of one plan file may look at.
pub struct FileCtx<'a> {
    pub settings: &'a Settings,
    pub today: NaiveDate,
    pub plan: &'a Plan,
    /// The object and year the file's path names.
    pub object: &'a str,
    pub year: i32,
}

/// Collects the findings of one file.
pub struct Sink {
    /// Shared by every finding of the file.
    file: std::sync::Arc<str>,
    findings: Vec<Finding>,
}

impl Sink {
    pub fn new(file: &str) -> Sink {
        Sink {
            file: file.into(),
            findings: Vec::new(),
        }
    }

    /// Reports a finding with the rule's default severity.
    pub fn push(&mut self, rule: &'static Rule, span: Span, message: Msg) -> &mut Finding {
        self.push_as(rule, rule.severity, span, message)
    }

    /// Reports a finding whose severity depends on the plan (e.g. error when established).
    pub fn push_as(
        &mut self,
        rule: &'static Rule,
        severity: Severity,
        span: Span,
        message: Msg,
    ) -> &mut Finding {
        self.findings.push(Finding::new(
            rule,
            severity,
            self.file.clone(),
            span,
            message,
        ));
        self.findings.last_mut().expect("just pushed")
    }

    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }
}

/// One plan file to check: its path, the object and year the path names, and what it
/// holds.
#[derive(Clone, Copy)]
pub struct PlanFile<'a> {
    pub path: &'a str,
    pub object: &'a str,
    pub year: i32,
    pub bytes: &'a [u8],
}

/// Everything learnt from one plan file, and what the caller kept of its plan.
pub struct FileReport<T = ()> {
    pub findings: Vec<Finding>,
    /// What the cross-object rules need of it (None when it did not parse).
    pub entry: Option<crate::index::ObjectEntry>,
    /// What `keep` made of the typed plan (None when it did not parse, or when
    /// the file was not checked).
    pub kept: Option<T>,
}

/// Runs every single-file rule on one plan file, then hands the typed plan (when
/// the file parses) to `keep`: what a caller needs of the plan besides its findings
/// (`plan site`), without parsing it again. [`nothing`] keeps nothing.
pub fn check_file<T>(
    settings: &Settings,
    today: NaiveDate,
    file: PlanFile<'_>,
    keep: impl FnOnce(&Plan) -> T,
) -> FileReport<T> {
    let mut entry = None;
    let mut kept = None;
    let findings = with_plan(settings, today, file, |ctx, sink| {
        entry = Some(crate::index::ObjectEntry::from_plan(
            file.path,
            file.object,
            file.year,
            ctx.plan,
        ));
        layout::check(ctx, sink);
        integrations::check(ctx, sink);
        roles::check(ctx, sink);
        appendix3::check(ctx, sink);
        upgrades::check(ctx, sink);
        activities::check(ctx, sink);
        budget::check(ctx, sink);
        plan::check(ctx, sink);
        contract::check(ctx, sink);
        kept = Some(keep(ctx.plan));
    });
    FileReport {
        findings,
        entry,
        kept,
    }
}

/// The `keep` of [`check_file`] for a caller that needs only the findings.
pub fn nothing(_: &Plan) {}

/// What keeps one system's appendix 3 from being attested: syntax and schema errors
/// in the file, and the system's unanswered, unknown, incomplete or unjustified answers.
pub fn attest_blockers(
    settings: &Settings,
    today: NaiveDate,
    file: PlanFile<'_>,
    system: &str,
) -> Vec<Finding> {
    with_plan(settings, today, file, |ctx, sink| {
        if let Some(system) = ctx.plan.system(system) {
            appendix3::check_system_answers(ctx, system, Severity::Error, sink);
        }
    })
    .into_iter()
    .filter(|f| f.severity == Severity::Error && ![&OVERDUE, &NOT_REPORTED].contains(&f.rule))
    .collect()
}

/// Decodes, parses and schema-checks a file, then hands the typed plan to `rules`;
/// the findings located.
fn with_plan(
    settings: &Settings,
    today: NaiveDate,
    PlanFile {
        path,
        object,
        year,
        bytes,
    }: PlanFile<'_>,
    rules: impl FnOnce(&FileCtx<'_>, &mut Sink),
) -> Vec<Finding> {
    let mut sink = Sink::new(path);
    let parsed = match crate::model::parse::parse(bytes) {
        Ok(parsed) => parsed,
        Err(problem) => {
            let text = problem.text;
            schema::unparsable(problem, &mut sink);
            return located(sink, text, object, year);
        }
    };
    let tree = parsed.tree();
    schema::check(tree, &mut sink);
    let ctx = FileCtx {
        settings,
        today,
        plan: &parsed.plan(),
        object,
        year,
    };
    rules(&ctx, &mut sink);
    located(sink, parsed.text, object, year)
}

/// The findings of a sink with their lines and columns in `text`, and the object and
/// year of the file.
fn located(sink: Sink, text: &str, object: &str, year: i32) -> Vec<Finding> {
    let mut findings = sink.into_findings();
    // Most files have no findings: their lines are never indexed.
    if findings.is_empty() {
        return findings;
    }
    let index = LineIndex::new(text);
    let object: std::sync::Arc<str> = object.into();
    for f in &mut findings {
        f.locate(&index);
        f.object = Some(object.clone());
        f.year = Some(year);
    }
    findings
}
