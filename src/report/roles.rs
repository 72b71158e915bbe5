//! `plan report roles`: who holds which role, per object.

use super::{text, Rows, Words};
use crate::model::Plan;
use crate::report::load::Year;
use serde::Serialize;

#[derive(Serialize)]
pub struct RoleRow {
    pub object: String,
    pub role: String,
    pub name: Option<String>,
    pub email: Option<String>,
}

impl Rows for RoleRow {
    const COLUMNS: &'static [&'static str] = &["object", "role", "name", "email"];
    const PROSE: &'static [&'static str] = &["name"];
    const WORDS: &'static [(&'static str, Words)] = &[("role", Words::Role)];
    fn cells(&self) -> Vec<String> {
        vec![
            self.object.clone(),
            self.role.clone(),
            text(&self.name),
            text(&self.email),
        ]
    }
}

pub fn rows(year: &Year) -> Vec<RoleRow> {
    year.plans
        .iter()
        .flat_map(|p| rows_of(&p.object, &p.plan))
        .collect()
}

/// The role holders of one object's plan.
pub fn rows_of(object: &str, plan: &Plan) -> Vec<RoleRow> {
    plan.roles
        .iter()
        .flat_map(|holders| {
            holders.people.iter().map(move |person| RoleRow {
                object: object.to_string(),
                role: holders.id.val.clone(),
                name: person.name.as_ref().map(|n| n.val.clone()),
                email: person.email.as_ref().map(|e| e.val.clone()),
            })
        })
        .collect()
}
