//! `plan report systems`: the system register — one row per system of the year with
//! what RegIT (001 §6.3: "Registrera avtal, systembeskrivning och
//! systemförvaltningsorganisation i RegIT") and LuSyFer (000 §6.5: "listor över alla
//! IT-system och systemförvaltare") list.

use super::{text, yes_no, Cell, ColumnKind, Rows, Sheet, Words};
use crate::model::plan::Contract;
use crate::report::load::Year;
use crate::schema::RoleModel;
use chrono::NaiveDate;
use serde::ser::{Serialize, SerializeMap, Serializer};

#[derive(serde::Serialize)]
pub struct SystemRow {
    pub object: String,
    pub system: String,
    /// The system's name.
    pub name: Option<String>,
    pub supplier: Option<String>,
    pub hosting: Option<String>,
    pub lifecycle: Option<String>,
    pub version: Option<String>,
    pub personal_data: Option<bool>,
    pub confidentiality: Option<i64>,
    pub integrity: Option<i64>,
    pub availability: Option<i64>,
    pub contract: Option<String>,
    pub contract_ends: Option<NaiveDate>,
    pub notice_date: Option<NaiveDate>,
    pub contract_owner: Option<String>,
    pub dpa: Option<bool>,
    pub plan_status: Option<String>,
    pub roles: Holders,
}

/// Every role of the model with its holders' names, in the model's order: a JSON
/// object from role id to a list (a list even for one holder, empty for none).
pub struct Holders(pub Vec<(String, Vec<String>)>);

impl Serialize for Holders {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (role, names) in &self.0 {
            map.serialize_entry(role, names)?;
        }
        map.end()
    }
}

fn number(n: Option<i64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

fn flag(b: Option<bool>) -> String {
    b.map(yes_no).unwrap_or_default()
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// The columns before the roles; the sheet adds one column per role of the model.
impl Rows for SystemRow {
    const COLUMNS: &'static [&'static str] = &[
        "object",
        "system",
        "name",
        "supplier",
        "hosting",
        "lifecycle",
        "version",
        "personal_data",
        "confidentiality",
        "integrity",
        "availability",
        "contract",
        "contract_ends",
        "notice_date",
        "contract_owner",
        "dpa",
        "plan_status",
    ];
    const PROSE: &'static [&'static str] = &["name", "supplier", "contract_owner"];
    const WORDS: &'static [(&'static str, Words)] = &[
        ("hosting", Words::Value("hosting")),
        ("lifecycle", Words::Value("lifecycle")),
        ("personal_data", Words::YesNo),
        ("dpa", Words::YesNo),
        ("plan_status", Words::Value("status")),
    ];
    fn cells(&self) -> Vec<String> {
        vec![
            self.object.clone(),
            self.system.clone(),
            text(&self.name),
            text(&self.supplier),
            text(&self.hosting),
            text(&self.lifecycle),
            text(&self.version),
            flag(self.personal_data),
            number(self.confidentiality),
            number(self.integrity),
            number(self.availability),
            text(&self.contract),
            date(self.contract_ends),
            date(self.notice_date),
            text(&self.contract_owner),
            flag(self.dpa),
            text(&self.plan_status),
        ]
    }
}

/// One row per system of the year's plans, by object and then in the plan's order.
pub fn rows(year: &Year, model: &RoleModel) -> Vec<SystemRow> {
    let mut rows = Vec::new();
    for loaded in &year.plans {
        let plan = &loaded.plan;
        let roles = || {
            Holders(
                model
                    .roles
                    .iter()
                    .map(|role| {
                        let names = plan
                            .holders(&role.id)
                            .map(|h| {
                                h.people
                                    .iter()
                                    .filter_map(|p| p.name.as_ref())
                                    .map(|n| n.val.clone())
                                    .filter(|n| !n.is_empty())
                                    .collect()
                            })
                            .unwrap_or_default();
                        (role.id.clone(), names)
                    })
                    .collect(),
            )
        };
        for system in &plan.systems {
            let register = &system.register;
            let contract = system.contract.as_ref();
            rows.push(SystemRow {
                object: loaded.object.clone(),
                system: system
                    .id
                    .as_ref()
                    .map(|i| i.val.clone())
                    .unwrap_or_default(),
                name: system.name.as_ref().map(|n| n.val.clone()),
                supplier: register.supplier.clone(),
                hosting: register.hosting.clone(),
                lifecycle: system.lifecycle.as_ref().map(|l| l.val.clone()),
                version: register.version.clone(),
                personal_data: register.personal_data,
                confidentiality: register.confidentiality,
                integrity: register.integrity,
                availability: register.availability,
                contract: register.contract.clone(),
                contract_ends: contract.and_then(|c| c.ends.as_ref()).map(|d| d.val),
                notice_date: contract.and_then(Contract::notice_date),
                contract_owner: register.contract_owner.clone(),
                dpa: contract.and_then(|c| c.dpa.as_ref()).map(|d| d.val),
                plan_status: plan.status.as_ref().map(|s| s.val.clone()),
                roles: roles(),
            });
        }
    }
    rows
}

/// The register as a sheet: the columns of [`SystemRow`], then one per role of the
/// model headed by its label (data of the model, the same in every language), the
/// holders' names separated by `; `.
pub fn sheet(rows: &[SystemRow], model: &RoleModel) -> Sheet {
    let mut sheet = Sheet::of(rows);
    // The holders' names are free text, wrapped like the system's name.
    for (i, role) in model.roles.iter().enumerate() {
        let cells = rows
            .iter()
            .map(|row| {
                Cell::text(
                    row.roles
                        .0
                        .get(i)
                        .map_or(String::new(), |(_, n)| n.join("; ")),
                )
            })
            .collect();
        sheet.push_column(role.label.clone(), ColumnKind::Prose, cells);
    }
    sheet
}
