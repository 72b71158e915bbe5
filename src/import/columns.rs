//! Matching a register export's header row to what a plan holds: each column by its
//! English or Swedish name (SPEC §11), or by a role's id or label, case- and
//! accent-insensitively.

use super::read::Grid;
use super::Finding;
use crate::diag::did_you_mean;
use crate::i18n::Msg;
use crate::layout::id_from_name;
use crate::msg;
use crate::schema::RoleModel;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Object,
    System,
    Name,
    ObjectName,
    Supplier,
    Hosting,
    Lifecycle,
    Version,
    PersonalData,
    Confidentiality,
    Integrity,
    Availability,
    Contract,
    ContractEnds,
    /// A role of the model, by its index there.
    Role(usize),
}

/// Each field's names, English first; compared as [`key`]s.
const NAMES: &[(Field, &[&str])] = &[
    (Field::Object, &["object", "objekt", "förvaltningsobjekt"]),
    (Field::System, &["system"]),
    (Field::Name, &["name", "namn"]),
    (Field::ObjectName, &["object_name", "objektnamn"]),
    (Field::Supplier, &["supplier", "leverantör"]),
    (Field::Hosting, &["hosting", "drift"]),
    (Field::Lifecycle, &["lifecycle", "livscykel"]),
    (Field::Version, &["version"]),
    (Field::PersonalData, &["personal_data", "personuppgifter"]),
    (
        Field::Confidentiality,
        &["confidentiality", "konfidentialitet"],
    ),
    (Field::Integrity, &["integrity", "riktighet"]),
    (Field::Availability, &["availability", "tillgänglighet"]),
    (Field::Contract, &["contract", "avtal"]),
    (Field::ContractEnds, &["contract_ends", "avtalet_löper_ut"]),
];

/// A header as compared: lowercase, accents dropped, every run of other characters
/// one `_` ("Avtalet löper ut" → `avtalet_loper_ut`, "IT-systemägare" →
/// `it_systemagare`).
pub fn key(header: &str) -> String {
    id_from_name(header)
        .map(|k| k.replace('-', "_"))
        .unwrap_or_default()
}

/// The field of each column (None: a column without header and without values).
pub struct Columns {
    pub fields: Vec<Option<Field>>,
}

impl Columns {
    /// The index of the column holding `field`.
    pub fn find(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }
}

/// Matches the header row; an unknown, repeated or missing header is a finding.
pub fn match_header(grid: &Grid, model: &RoleModel, findings: &mut Vec<Finding>) -> Columns {
    let Some(header) = grid.rows.first() else {
        return Columns { fields: Vec::new() };
    };
    let mut known: Vec<(String, Field, String)> = NAMES
        .iter()
        .flat_map(|(field, names)| names.iter().map(|n| (key(n), *field, n.to_string())))
        .collect();
    for (i, role) in model.roles.iter().enumerate() {
        for name in [&role.id, &role.label] {
            known.push((key(name), Field::Role(i), name.clone()));
        }
    }
    let width = grid.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let mut fields: Vec<Option<Field>> = Vec::with_capacity(width);
    for index in 0..width {
        let title = header.cells.get(index).map_or("", |c| c.trim());
        let at = |message: Msg, help: Option<Msg>| Finding {
            row: header.number,
            column: Some(grid.column_name(index)),
            header: (!title.is_empty()).then(|| title.to_string()),
            message,
            help,
        };
        if title.is_empty() {
            let used = grid.rows[1..]
                .iter()
                .find(|r| r.cells.get(index).is_some_and(|c| !c.trim().is_empty()));
            if let Some(row) = used {
                findings.push(at(
                    msg!(
                        "import-no-header",
                        column = grid.column_name(index),
                        row = row.number
                    ),
                    Some(msg!("import-no-header.help")),
                ));
            }
            fields.push(None);
            continue;
        }
        let k = key(title);
        let field = known.iter().find(|(n, _, _)| *n == k).map(|(_, f, _)| *f);
        match field {
            Some(field) => {
                if let Some(first) = fields.iter().position(|f| *f == Some(field)) {
                    findings.push(at(
                        msg!(
                            "import-repeated-column",
                            title = title,
                            column = grid.column_name(first),
                            first = header.cells[first].trim()
                        ),
                        Some(msg!("import-repeated-column.help")),
                    ));
                }
                fields.push(Some(field));
            }
            None => {
                let near = did_you_mean(&k, known.iter().map(|(n, _, _)| n.as_str()))
                    .and_then(|n| known.iter().find(|(key, _, _)| key == n))
                    .map(|(_, _, name)| msg!("import-did-you-mean", name = name));
                let help = near.unwrap_or_else(|| {
                    msg!(
                        "import-columns",
                        columns = NAMES
                            .iter()
                            .map(|(_, n)| n[0])
                            .collect::<Vec<_>>()
                            .join(", "),
                        model = &model.name
                    )
                });
                findings.push(at(msg!("import-unknown-column", title = title), Some(help)));
                fields.push(None);
            }
        }
    }
    let columns = Columns { fields };
    if [Field::Object, Field::System, Field::Name]
        .iter()
        .all(|f| columns.find(*f).is_none())
    {
        findings.push(Finding {
            row: header.number,
            column: None,
            header: None,
            message: msg!("import-no-system-column"),
            help: Some(msg!("import-no-system-column.help")),
        });
    }
    columns
}
