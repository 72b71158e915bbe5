//! Role models: which governance roles a plan names, and the rules about them.

use super::LoadError;
use serde::Deserialize;

/// Whether a plan must name a role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Presence {
    Required,
    Recommended,
    Optional,
}

/// A role model such as `pm3-lu` (the university handbook) or `municipal`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleModel {
    pub name: String,
    pub title: String,
    pub source: String,
    /// Whether `organisation_model` (handbook 10.1.1–10.1.5) changes anything.
    pub uses_organisation_model: bool,
    pub attester: Attester,
    pub report_to: ReportTo,
    pub roles: Vec<Role>,
    #[serde(default)]
    pub separate: Vec<Separate>,
    /// Roles whose holders must approve changes to an object's plans (CODEOWNERS);
    /// empty: the attesting role.
    #[serde(default)]
    pub owners: Vec<String>,
    /// The roles that fastställer (establish) the plan, all of them together; a plan's
    /// `established_by` names them. Empty: the model says nothing about it.
    #[serde(default)]
    pub establishes: Vec<String>,
}

/// A role, written as one id (`"systemagare"`) or as an ordered list of ids of which
/// the first one held in the plan applies (`["it_systemagare", "systemagare"]`: the
/// IT-systemägare, or the systemägare where the plan holds no IT-systemägare).
#[derive(Debug)]
pub struct FirstHeld(Vec<String>);

impl FirstHeld {
    /// The first of the roles that `held` says someone holds; when none is held, the
    /// first of the list (the role the model asks for in the first place).
    pub fn resolve(&self, held: &dyn Fn(&str) -> bool) -> &str {
        self.0
            .iter()
            .find(|r| held(r))
            .unwrap_or(&self.0[0])
            .as_str()
    }

    /// Every role id of the list, in order.
    pub fn ids(&self) -> &[String] {
        &self.0
    }
}

impl<'de> Deserialize<'de> for FirstHeld {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = FirstHeld;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a role id, or a non-empty list of role ids (the first one held in the plan applies)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<FirstHeld, E> {
                Ok(FirstHeld(vec![v.to_string()]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<FirstHeld, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<String>()? {
                    ids.push(id);
                }
                if ids.is_empty() {
                    return Err(serde::de::Error::invalid_length(0, &self));
                }
                Ok(FirstHeld(ids))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// The role that attests appendix 3, with exceptions per organisation model.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attester {
    pub role: FirstHeld,
    #[serde(default)]
    pub when: Vec<AttesterWhen>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttesterWhen {
    pub organisation_model: Vec<i64>,
    pub role: FirstHeld,
}

/// The roles every deviation must be reported to: each entry one role, or a list of
/// which the first role held in the plan applies.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportTo {
    pub roles: Vec<FirstHeld>,
    #[serde(default)]
    pub when: Vec<ReportToWhen>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportToWhen {
    pub organisation_model: Vec<i64>,
    pub roles: Vec<FirstHeld>,
}

/// One role of the model.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub label: String,
    pub short: String,
    pub presence: Presence,
    /// Whether several people may hold it (`[[roles.x]]`).
    pub many: bool,
    pub description: String,
    #[serde(default)]
    pub when: Vec<PresenceWhen>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresenceWhen {
    pub organisation_model: Vec<i64>,
    pub presence: Presence,
}

/// Two roles one person should not hold together.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Separate {
    pub roles: [String; 2],
    pub reason: String,
}

impl RoleModel {
    pub const BUILT_IN: &'static [&'static str] = &["pm3-lu", "municipal"];

    /// A model shipped with the tool, by name.
    pub fn built_in(name: &str) -> Option<RoleModel> {
        let text = match name {
            "pm3-lu" => include_str!("../../schema/roles/pm3-lu.toml"),
            "municipal" => include_str!("../../schema/roles/municipal.toml"),
            _ => return None,
        };
        Some(
            Self::parse(&format!("schema/roles/{name}.toml"), text)
                .expect("built-in role models are valid"),
        )
    }

    /// Parses a role model file; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<RoleModel, LoadError> {
        let model: RoleModel = super::parse(file, text)?;
        let known = |id: &str| model.roles.iter().any(|r| r.id == id);
        let unknown = model
            .attester
            .role
            .ids()
            .iter()
            .chain(model.attester.when.iter().flat_map(|w| w.role.ids()))
            .chain(model.report_to.roles.iter().flat_map(FirstHeld::ids))
            .chain(
                model
                    .report_to
                    .when
                    .iter()
                    .flat_map(|w| &w.roles)
                    .flat_map(FirstHeld::ids),
            )
            .chain(model.separate.iter().flat_map(|s| &s.roles))
            .chain(model.owners.iter())
            .chain(model.establishes.iter())
            .find(|id| !known(id));
        if let Some(id) = unknown {
            return Err(LoadError {
                file: file.to_string(),
                span: crate::diag::Span::START,
                line: 1,
                column: 1,
                message: crate::msg!("error-role-undefined", role = id.as_str()),
            });
        }
        Ok(model)
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    fn applies(&self, models: &[i64], om: Option<i64>) -> bool {
        self.uses_organisation_model && om.is_some_and(|om| models.contains(&om))
    }

    /// How strongly a plan with this organisation model needs the role.
    pub fn presence(&self, role: &Role, om: Option<i64>) -> Presence {
        role.when
            .iter()
            .find(|w| self.applies(&w.organisation_model, om))
            .map_or(role.presence, |w| w.presence)
    }

    /// The role that attests appendix 3 in a plan with this organisation model whose
    /// held roles `held` tells: the first held role of the model's attester list.
    pub fn attester(&self, om: Option<i64>, held: &dyn Fn(&str) -> bool) -> &str {
        self.attester
            .when
            .iter()
            .find(|w| self.applies(&w.organisation_model, om))
            .map_or(&self.attester.role, |w| &w.role)
            .resolve(held)
    }

    /// The roles a deviation must be reported to in a plan with this organisation
    /// model whose held roles `held` tells: of each report-to entry, the first held.
    pub fn report_to(&self, om: Option<i64>, held: &dyn Fn(&str) -> bool) -> Vec<&str> {
        self.report_to
            .when
            .iter()
            .find(|w| self.applies(&w.organisation_model, om))
            .map_or(&self.report_to.roles, |w| &w.roles)
            .iter()
            .map(|entry| entry.resolve(held))
            .collect()
    }

    /// The roles whose holders own an object's plans (CODEOWNERS).
    pub fn owner_roles(&self, om: Option<i64>, held: &dyn Fn(&str) -> bool) -> Vec<&str> {
        if self.owners.is_empty() {
            vec![self.attester(om, held)]
        } else {
            self.owners.iter().map(String::as_str).collect()
        }
    }

    /// A role's label with its id, for messages, in running text as the handbook
    /// writes role names: `systemägare (systemagare)`, `IT-systemägare
    /// (it_systemagare)`, `objektägare IT (objektagare_it)`.
    pub fn describe(&self, id: &str) -> String {
        match self.role(id) {
            Some(role) => format!("{} (`{}`)", crate::i18n::in_sentence(&role.label), id),
            None => format!("`{id}`"),
        }
    }
}
