//! Role models and appendix-3 checklists: the built-in ones from the project's
//! `schema/` folder, or a plan repository's own files of the same format.

mod checklist;
mod roles;

pub use checklist::{Checklist, Question};
pub use roles::{Presence, Role, RoleModel};

use crate::diag::{LineIndex, Span};
use std::fmt;

/// A role model or checklist file that could not be loaded, with where and why.
#[derive(Debug)]
pub struct LoadError {
    pub file: String,
    pub span: Span,
    pub line: usize,
    pub column: usize,
    /// Why, in words for people (the parser's own, or ours).
    pub message: crate::i18n::Msg,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file,
            self.line,
            self.column,
            self.message.render(crate::i18n::Lang::En)
        )
    }
}

impl std::error::Error for LoadError {}

/// Parses a schema file with serde, turning its error into a located [`LoadError`].
fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, LoadError> {
    toml::from_str(text).map_err(|e| {
        let span = Span::new(e.span().unwrap_or(0..0));
        let (line, column) = LineIndex::new(text).line_col(span.start as usize);
        LoadError {
            file: file.to_string(),
            span,
            line,
            column,
            message: crate::i18n::Msg::verbatim(e.message().trim_end()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_ins_load_and_agree_with_the_spec() {
        for name in RoleModel::BUILT_IN {
            let model = RoleModel::built_in(name).unwrap();
            assert_eq!(&model.name, name);
            for pair in &model.separate {
                for id in &pair.roles {
                    assert!(
                        model.role(id).is_some(),
                        "{name}: separate names unknown role {id}"
                    );
                }
            }
        }
        let pm3 = RoleModel::built_in("pm3-lu").unwrap();
        let all = |_: &str| true;
        let no_it_side = |r: &str| !r.starts_with("it_");
        assert_eq!(pm3.attester(Some(5), &all), "it_systemagare");
        assert_eq!(pm3.attester(Some(3), &no_it_side), "systemagare");
        let presence = |role, om| pm3.presence(pm3.role(role).unwrap(), Some(om));
        for om in 1..=5 {
            let (it_sa, it_sf) = match om {
                1 => (Presence::Required, Presence::Recommended),
                2 | 3 => (Presence::Required, Presence::Required),
                _ => (Presence::Recommended, Presence::Recommended),
            };
            assert_eq!(presence("it_systemagare", om), it_sa, "model {om}");
            assert_eq!(presence("it_systemforvaltare", om), it_sf, "model {om}");
        }
        assert_eq!(
            pm3.report_to(Some(4), &all),
            ["systemforvaltare", "it_systemagare"]
        );
        assert_eq!(
            pm3.report_to(Some(4), &no_it_side),
            ["systemforvaltare", "systemagare"]
        );
        let municipal = RoleModel::built_in("municipal").unwrap();
        assert_eq!(municipal.attester(Some(5), &all), "objektagare_it");
        assert_eq!(
            municipal.report_to(None, &all),
            ["objektagare", "objektagare_it"]
        );

        let checklist = Checklist::built_in("infosak-kd").unwrap();
        let ids: Vec<&str> = checklist.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "security_updates",
                "network_segment",
                "firewall_rules_documented",
                "backup",
                "restore_tested",
                "access_lifecycle",
                "access_review",
                "admin_accounts",
                "mfa",
                "logging_documented",
                "log_review",
                "config_documented",
                "upgrade_process",
                "test_environment",
                "separate_identities",
                "change_log",
                "information_contracts",
                "incident_reporting",
                "support_path",
                "documentation",
            ]
        );
    }
}
