//! Appendix-3 checklists (bilaga 3, Infosäk KD).

use super::LoadError;
use serde::Deserialize;

/// A versioned list of information-security questions.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    pub name: String,
    pub title: String,
    pub source: String,
    pub questions: Vec<Question>,
}

/// One question of the checklist.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub area: String,
    pub text: String,
    pub reference: String,
}

impl Checklist {
    pub const BUILT_IN: &'static [&'static str] = &["infosak-kd", "infosak-bas"];

    /// A checklist shipped with the tool, by name.
    pub fn built_in(name: &str) -> Option<Checklist> {
        let text = match name {
            "infosak-kd" => include_str!("../../schema/checklists/infosak-kd.toml"),
            "infosak-bas" => include_str!("../../schema/checklists/infosak-bas.toml"),
            _ => return None,
        };
        Some(
            Self::parse(&format!("schema/checklists/{name}.toml"), text)
                .expect("built-in checklists are valid"),
        )
    }

    pub fn parse(file: &str, text: &str) -> Result<Checklist, LoadError> {
        super::parse(file, text)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}
