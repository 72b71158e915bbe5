//! `plan report deviations`: everything the steering group must hear about, most
//! urgent first.

use super::{text, yes_no, Rows, Words};
use crate::diag::amount;
use crate::i18n::{sentence, Lang};
use crate::model::Plan;
use crate::report::load::Year;
use crate::schema::{Presence, RoleModel};
use crate::tr;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Appendix3,
    Activity,
    Upgrade,
    Budget,
    Roles,
    Attestation,
}

impl Source {
    /// The value as in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Appendix3 => "appendix3",
            Source::Activity => "activity",
            Source::Upgrade => "upgrade",
            Source::Budget => "budget",
            Source::Roles => "roles",
            Source::Attestation => "attestation",
        }
    }
}

#[derive(Serialize)]
pub struct DeviationRow {
    pub object: String,
    pub system: Option<String>,
    pub source: Source,
    pub id: String,
    pub description: String,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub overdue: bool,
}

impl Rows for DeviationRow {
    const COLUMNS: &'static [&'static str] = &[
        "object",
        "system",
        "source",
        "id",
        "description",
        "owner",
        "due",
        "overdue",
    ];
    const PROSE: &'static [&'static str] = &["description"];
    const WORDS: &'static [(&'static str, Words)] = &[
        ("source", Words::Value("source")),
        ("owner", Words::Role),
        ("overdue", Words::YesNo),
    ];
    fn cells(&self) -> Vec<String> {
        vec![
            self.object.clone(),
            text(&self.system),
            self.source.as_str().to_string(),
            self.id.clone(),
            self.description.clone(),
            text(&self.owner),
            self.due.map(|d| d.to_string()).unwrap_or_default(),
            yes_no(self.overdue),
        ]
    }
}

/// Which rows to keep: `--overdue`, `--owner ROLE`, `--object OBJECT`.
#[derive(Default)]
pub struct Filter<'a> {
    pub overdue: bool,
    pub owner: Option<&'a str>,
    pub object: Option<&'a str>,
}

impl Filter<'_> {
    fn keeps(&self, row: &DeviationRow) -> bool {
        (!self.overdue || row.overdue)
            && self.owner.is_none_or(|o| row.owner.as_deref() == Some(o))
            && self.object.is_none_or(|o| row.object == o)
    }
}

pub fn rows(
    year: &Year,
    model: &RoleModel,
    today: NaiveDate,
    filter: &Filter<'_>,
    lang: Lang,
) -> Vec<DeviationRow> {
    let mut rows: Vec<DeviationRow> = year
        .plans
        .iter()
        .flat_map(|p| rows_of(&p.object, &p.plan, model, today, lang))
        .filter(|r| filter.keeps(r))
        .collect();
    sort(&mut rows);
    rows
}

/// The deviations of one object's plan, in the plan's order.
pub fn rows_of(
    object: &str,
    plan: &Plan,
    model: &RoleModel,
    today: NaiveDate,
    lang: Lang,
) -> Vec<DeviationRow> {
    let mut rows = Vec::new();
    {
        let row = |system: Option<String>,
                   source,
                   id: String,
                   description: String,
                   owner: Option<String>,
                   due: Option<NaiveDate>,
                   overdue| DeviationRow {
            object: object.to_string(),
            system,
            source,
            id,
            description,
            owner,
            due,
            overdue,
        };
        for system in &plan.systems {
            let Some(sys) = &system.id else { continue };
            // Only `no` and `partial` are deviations; a justified `na` is not.
            for a in system.appendix3.iter().flat_map(|a| &a.answers) {
                let Some(answer) = a.answer.as_ref().filter(|_| a.is_deviation()) else {
                    continue;
                };
                let said = lang.value("answer", &answer.val);
                let description = match &a.deviation {
                    Some(d) => tr!(lang, "deviation-answer", answer = said, deviation = &d.val),
                    None => said,
                };
                let due = a.due.as_ref().map(|d| d.val);
                rows.push(row(
                    Some(sys.val.clone()),
                    Source::Appendix3,
                    a.question.val.clone(),
                    description,
                    a.owner.as_ref().map(|o| o.val.clone()),
                    due,
                    due.is_some_and(|d| d < today),
                ));
            }
            // An established plan whose bilaga 3 nobody vouches for (any more).
            if plan.status_is_established() && !system.is_retired() {
                let (id, description) = match &system.appendix3 {
                    Some(a3) if a3.is_attested() && a3.digest_matches() => continue,
                    Some(a3) if a3.is_attested() => ("stale", "appendix3-stale"),
                    _ => ("not-attested", "appendix3-not-attested"),
                };
                rows.push(row(
                    Some(sys.val.clone()),
                    Source::Attestation,
                    id.into(),
                    sentence(tr!(lang, description, system = &sys.val)),
                    Some(plan.attester(model).to_string()),
                    None,
                    false,
                ));
            }
        }
        for act in plan.activities.iter().filter(|a| a.is_open()) {
            let Some(end) = &act.end else { continue };
            if end.val < today {
                let title = act.title.as_ref().map_or(String::new(), |t| t.val.clone());
                rows.push(row(
                    None,
                    Source::Activity,
                    act.label(),
                    title,
                    act.owner.as_ref().map(|o| o.val.clone()),
                    Some(end.val),
                    true,
                ));
            }
        }
        for up in &plan.upgrades {
            let (Some(system), Some(date)) = (&up.system, &up.date) else {
                continue;
            };
            let planned = up.status.as_ref().is_none_or(|s| s.val == "planned");
            if planned && date.val < today {
                let description = sentence(match &up.to_version {
                    Some(v) => tr!(lang, "deviation-upgrade-late-to", version = &v.val),
                    None => lang.text("deviation-upgrade-late"),
                });
                rows.push(row(
                    Some(system.val.clone()),
                    Source::Upgrade,
                    format!("{}@{}", system.val, date.val),
                    description,
                    None,
                    Some(date.val),
                    true,
                ));
            }
        }
        if let Some(budget) = &plan.budget {
            let (hours, sek) = plan.planned_totals();
            for (what, planned, limit) in
                [("hours", hours, &budget.hours), ("sek", sek, &budget.sek)]
            {
                if let Some(limit) = limit.as_ref().filter(|l| planned > l.val) {
                    rows.push(row(
                        None,
                        Source::Budget,
                        what.into(),
                        sentence(tr!(
                            lang,
                            "budget-exceeded",
                            unit = what,
                            planned = amount(planned),
                            budget = amount(limit.val)
                        )),
                        None,
                        None,
                        false,
                    ));
                }
            }
        }
        for (role, presence) in plan.absent_roles(model) {
            if presence == Presence::Required {
                rows.push(row(
                    None,
                    Source::Roles,
                    role.id.clone(),
                    sentence(tr!(lang, "roles-missing", role = &role.label)),
                    None,
                    None,
                    false,
                ));
            }
        }
    }
    rows
}

/// Most urgent first: overdue (oldest due first), then by due date, then undated;
/// stable by object.
pub fn sort(rows: &mut [DeviationRow]) {
    // Overdue first (oldest due first), then by due date, then undated; stable by object.
    rows.sort_by(|a, b| {
        (
            !a.overdue,
            a.due.is_none(),
            a.due,
            &a.object,
            a.source,
            &a.id,
        )
            .cmp(&(
                !b.overdue,
                b.due.is_none(),
                b.due,
                &b.object,
                b.source,
                &b.id,
            ))
    });
}
