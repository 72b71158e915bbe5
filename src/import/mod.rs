//! `plan import`: a system register export (RegIT, LuSyFer, a spreadsheet) as one
//! draft plan per management object. Reading ([`read`]) and matching the header
//! ([`columns`]) come first; then each row becomes a system of its object, every
//! value it cannot use a [`Finding`] with its row and column.

pub mod columns;
pub mod read;

use crate::checks::roles::is_email;
use crate::i18n::Msg;
use crate::layout::id_from_name;
use crate::msg;
use crate::scaffold::{Draft, DraftSystem, Holder};
use crate::schema::RoleModel;
use chrono::NaiveDate;
use columns::{Columns, Field};
use read::{Grid, Line};
use std::collections::HashMap;

/// A row or column the import cannot use.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The row as a spreadsheet numbers it (the header is row 1).
    pub row: usize,
    /// The column's letter, when the finding is about one cell.
    pub column: Option<String>,
    /// The column's header.
    pub header: Option<String>,
    pub message: Msg,
    pub help: Option<Msg>,
}

/// One object's draft and the rows it was made from.
pub struct Object {
    pub draft: Draft,
    pub rows: Vec<usize>,
}

/// What the export makes: the objects (sorted by id), or findings.
pub struct Import {
    pub objects: Vec<Object>,
    pub findings: Vec<Finding>,
}

/// Turns the export's rows into drafts under `model`.
pub fn drafts(grid: &Grid, model: &RoleModel) -> Import {
    let mut findings = Vec::new();
    let columns = columns::match_header(grid, model, &mut findings);
    let mut objects: Vec<Acc> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for line in grid.rows.iter().skip(1) {
        let mut row = RowReader {
            grid,
            columns: &columns,
            line,
            findings: &mut findings,
        };
        let Some((object_id, object_text, system)) = row.system() else {
            continue;
        };
        let object_name = row.text(Field::ObjectName);
        let holders = row.holders(model);
        let index = *by_id.entry(object_id.clone()).or_insert_with(|| {
            objects.push(Acc {
                id: object_id.clone(),
                text: object_text.clone(),
                first_row: line.number,
                name: None,
                roles: vec![Vec::new(); model.roles.len()],
                systems: Vec::new(),
            });
            objects.len() - 1
        });
        let acc = &mut objects[index];
        if same_text(&acc.text) != same_text(&object_text) {
            let column = row.object_column();
            row.finding(
                column,
                msg!(
                    "import-same-object",
                    text = &object_text.0,
                    other = &acc.text.0,
                    row = acc.first_row,
                    object = &object_id
                ),
                Some(msg!("import-same-object.help")),
            );
            continue;
        }
        if let Some((_, first)) = acc.systems.iter().find(|(s, _)| s.id == system.id) {
            let column = columns.find(Field::System).or(columns.find(Field::Name));
            row.finding(
                column,
                msg!(
                    "import-same-system",
                    system = &system.id,
                    object = &object_id,
                    row = *first
                ),
                Some(msg!("import-same-system.help")),
            );
            continue;
        }
        if acc.name.is_none() {
            acc.name = object_name.or_else(|| object_text.1.clone());
        }
        for (role_index, named) in holders {
            let role = &model.roles[role_index];
            let held = &mut acc.roles[role_index];
            for holder in named {
                // The same person named again, perhaps with the e-mail address only
                // this row gives.
                if let Some((known, _)) = held.iter_mut().find(|(h, _)| same_person(h, &holder)) {
                    if known.email.is_empty() {
                        known.email = holder.email;
                    }
                    continue;
                }
                match held.first() {
                    Some((other, at)) if !role.many => {
                        let column = columns.find(Field::Role(role_index));
                        row.finding(
                            column,
                            msg!(
                                "import-one-holder",
                                role = &role.label,
                                object = &object_id,
                                first = display(other),
                                row = *at,
                                other = display(&holder)
                            ),
                            Some(msg!("import-one-holder.help")),
                        );
                    }
                    _ => held.push((holder, line.number)),
                }
            }
        }
        acc.systems.push((system, line.number));
    }
    if grid.rows.len() < 2 && findings.is_empty() {
        findings.push(Finding {
            row: grid.rows.first().map_or(1, |r| r.number),
            column: None,
            header: None,
            message: msg!("import-no-rows"),
            help: None,
        });
    }
    findings.sort_by(|a, b| {
        (a.row, a.column.as_ref().map(|c| (c.len(), c.clone())))
            .cmp(&(b.row, b.column.as_ref().map(|c| (c.len(), c.clone()))))
    });
    let mut objects: Vec<Object> = objects
        .into_iter()
        .map(|acc| Object {
            rows: acc.systems.iter().map(|(_, r)| *r).collect(),
            draft: Draft {
                name: acc.name.unwrap_or_else(|| acc.systems[0].0.name.clone()),
                object: acc.id,
                organisation_model: 1,
                roles: model
                    .roles
                    .iter()
                    .zip(acc.roles)
                    .filter(|(_, held)| !held.is_empty())
                    .map(|(role, held)| {
                        (role.id.clone(), held.into_iter().map(|(h, _)| h).collect())
                    })
                    .collect(),
                systems: acc.systems.into_iter().map(|(s, _)| s).collect(),
            },
        })
        .collect();
    objects.sort_by(|a, b| a.draft.object.cmp(&b.draft.object));
    Import { objects, findings }
}

/// An object as the rows so far name it.
struct Acc {
    id: String,
    /// The text its id was made from: (as written, trimmed; the object column's text).
    text: (String, Option<String>),
    first_row: usize,
    name: Option<String>,
    /// Per role of the model: the holders and the row that named each.
    roles: Vec<Vec<(Holder, usize)>>,
    systems: Vec<(DraftSystem, usize)>,
}

/// Two spellings of one name: the same but for case and spacing.
fn same_text(text: &(String, Option<String>)) -> String {
    text.0
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn same_person(a: &Holder, b: &Holder) -> bool {
    if !a.email.is_empty() && !b.email.is_empty() {
        a.email.eq_ignore_ascii_case(&b.email)
    } else {
        a.name.to_lowercase() == b.name.to_lowercase()
    }
}

fn display(h: &Holder) -> String {
    match (h.name.is_empty(), h.email.is_empty()) {
        (false, false) => format!("{} <{}>", h.name, h.email),
        (false, true) => h.name.clone(),
        _ => h.email.clone(),
    }
}

/// Reads one row's cells, pushing a finding for each it cannot use.
struct RowReader<'a> {
    grid: &'a Grid,
    columns: &'a Columns,
    line: &'a Line,
    findings: &'a mut Vec<Finding>,
}

impl RowReader<'_> {
    fn cell(&self, index: usize) -> &str {
        self.line.cells.get(index).map_or("", |c| c.trim())
    }

    /// The trimmed text of `field`'s cell, None when empty or absent.
    fn text(&self, field: Field) -> Option<String> {
        let index = self.columns.find(field)?;
        let text = self
            .cell(index)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        (!text.is_empty()).then_some(text)
    }

    fn finding(&mut self, column: Option<usize>, message: Msg, help: Option<Msg>) {
        let header = column
            .and_then(|c| self.grid.rows[0].cells.get(c))
            .map(|h| h.trim().to_string());
        self.findings.push(Finding {
            row: self.line.number,
            column: column.map(|c| self.grid.column_name(c)),
            header,
            message,
            help,
        });
    }

    /// The column the object's id is made from.
    fn object_column(&self) -> Option<usize> {
        [Field::Object, Field::System, Field::Name]
            .iter()
            .find_map(|f| self.columns.find(*f).filter(|&c| !self.cell(c).is_empty()))
    }

    /// A value of `field` read by `parse`; a finding (and None) when it fails.
    fn value<T>(
        &mut self,
        field: Field,
        parse: impl Fn(&str) -> Option<T>,
        expected: Msg,
    ) -> Option<T> {
        let text = self.text(field)?;
        let parsed = parse(&text);
        if parsed.is_none() {
            let column = self.columns.find(field);
            let message = msg!("import-not-value", text = &text, expected = expected);
            self.finding(column, message, None);
        }
        parsed
    }

    /// The row's object id, the text it was made from, and its system; None (with a
    /// finding) when the row names none or no id can be made.
    fn system(&mut self) -> Option<(String, (String, Option<String>), DraftSystem)> {
        let object = self.text(Field::Object);
        let system = self.text(Field::System);
        let name = self.text(Field::Name);
        let Some(object_text) = object.clone().or(system.clone()).or(name.clone()) else {
            let column = self.object_column();
            self.finding(
                column,
                msg!("import-no-system"),
                Some(msg!("import-no-system.help")),
            );
            return None;
        };
        let mut id = |text: &str, field: Field| {
            let made = id_from_name(text);
            if made.is_none() {
                let column = self.columns.find(field);
                self.finding(column, msg!("import-no-id", text = text), None);
            }
            made
        };
        let object_field = if object.is_some() {
            Field::Object
        } else if system.is_some() {
            Field::System
        } else {
            Field::Name
        };
        let object_id = id(&object_text, object_field);
        let system_text = system
            .clone()
            .or(name.clone())
            .unwrap_or(object_text.clone());
        let system_field = if system.is_some() {
            Field::System
        } else if name.is_some() {
            Field::Name
        } else {
            object_field
        };
        let system_id = id(&system_text, system_field);
        let mut draft = DraftSystem::named(
            system_id.as_deref().unwrap_or(""),
            &name.clone().or(system).unwrap_or(object_text.clone()),
        );
        draft.register.supplier = self.text(Field::Supplier);
        draft.register.version = self.text(Field::Version);
        draft.register.contract = self.text(Field::Contract);
        draft.register.hosting =
            self.value(Field::Hosting, hosting, msg!("import-expected-hosting"));
        draft.lifecycle = self.value(
            Field::Lifecycle,
            lifecycle,
            msg!("import-expected-lifecycle"),
        );
        draft.register.personal_data =
            self.value(Field::PersonalData, yes_no, msg!("import-expected-yes-no"));
        let level = || msg!("import-expected-level");
        draft.register.confidentiality = self.value(Field::Confidentiality, class, level());
        draft.register.integrity = self.value(Field::Integrity, class, level());
        draft.register.availability = self.value(Field::Availability, class, level());
        draft.contract_ends = self.value(
            Field::ContractEnds,
            |t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok(),
            msg!("import-expected-date"),
        );
        Some((
            object_id?,
            (object_text, object),
            DraftSystem {
                id: system_id?,
                ..draft
            },
        ))
    }

    /// The holders each role column names: "Name <email>", a name or an e-mail
    /// address, several separated by `;` or line breaks where the role allows it.
    fn holders(&mut self, model: &RoleModel) -> Vec<(usize, Vec<Holder>)> {
        let mut all = Vec::new();
        for (index, role) in model.roles.iter().enumerate() {
            let Some(column) = self.columns.find(Field::Role(index)) else {
                continue;
            };
            let text = self.cell(column).to_string();
            let mut holders = Vec::new();
            for part in text
                .split([';', '\n'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                match holder(part) {
                    Some(h) => holders.push(h),
                    None => self.finding(
                        Some(column),
                        msg!("import-not-holder", text = part),
                        Some(msg!("import-not-holder.help")),
                    ),
                }
            }
            if holders.len() > 1 && !role.many {
                self.finding(
                    Some(column),
                    msg!(
                        "import-many-holders",
                        role = &role.label,
                        count = holders.len()
                    ),
                    Some(msg!("import-many-holders.help")),
                );
                continue;
            }
            if !holders.is_empty() {
                all.push((index, holders));
            }
        }
        all
    }
}

/// "Karin Ek <karin.ek@example.se>", "karin.ek@example.se" or "Karin Ek".
fn holder(text: &str) -> Option<Holder> {
    if let Some((name, rest)) = text.split_once('<') {
        let email = rest.strip_suffix('>')?.trim();
        return is_email(email).then(|| Holder {
            name: name.trim().trim_matches('"').trim().to_string(),
            email: email.to_string(),
        });
    }
    if text.contains('@') {
        return is_email(text).then(|| Holder {
            name: String::new(),
            email: text.to_string(),
        });
    }
    (!text.contains('>')).then(|| Holder {
        name: text.to_string(),
        email: String::new(),
    })
}

fn word(text: &str) -> String {
    columns::key(text)
}

fn hosting(text: &str) -> Option<String> {
    Some(
        match word(text).as_str() {
            "internal" | "intern" | "internt" => "internal",
            "external" | "extern" | "externt" => "external",
            "hybrid" => "hybrid",
            _ => return None,
        }
        .to_string(),
    )
}

fn lifecycle(text: &str) -> Option<String> {
    Some(
        match word(text).as_str() {
            "planned" | "planerad" | "planerat" => "planned",
            "active" | "aktiv" | "aktivt" | "i_drift" => "active",
            "phasing_out" | "avvecklas" | "under_avveckling" => "phasing-out",
            "retired" | "avvecklad" | "avvecklat" => "retired",
            _ => return None,
        }
        .to_string(),
    )
}

fn yes_no(text: &str) -> Option<bool> {
    match word(text).as_str() {
        "yes" | "ja" | "true" | "sant" | "1" => Some(true),
        "no" | "nej" | "false" | "falskt" | "0" => Some(false),
        _ => None,
    }
}

fn class(text: &str) -> Option<i64> {
    text.parse::<i64>().ok().filter(|l| (0..=3).contains(l))
}
