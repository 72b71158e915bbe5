//! The rule registry: every rule's id and default severity, in one list ([`ALL`]).
//! A finding holds its [`Rule`], never a bare id. The checks that fire each rule are
//! in `crate::checks`, one module per family, named like the groups here; the
//! rules' documentation is in the catalogues (`i18n/<language>/rules.ftl`).
//!
//! The list sits below everything that reads rule ids — plan.toml's `[rules]`,
//! `plan rule`, the renderers — so none of them depends on the checks.

use super::Severity;
use crate::i18n::Lang;

/// A rule: its id and default severity. Its documentation (when it fires; what it
/// means, why it matters and how to fix it) is in the catalogues,
/// `i18n/<language>/rules.ftl`, under the id with `/` as `-`: [`Rule::summary_in`],
/// [`Rule::doc_in`].
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
}

impl Rule {
    const fn error(id: &'static str) -> Rule {
        Rule {
            id,
            severity: Severity::Error,
        }
    }

    const fn warning(id: &'static str) -> Rule {
        Rule {
            id,
            severity: Severity::Warning,
        }
    }

    /// The catalogue id of the rule's documentation: `rule-appendix3-stale`.
    pub fn catalogue_id(&self) -> String {
        format!("rule-{}", self.id.replace('/', "-"))
    }

    /// When the rule fires, in a language.
    pub fn summary_in(&self, lang: Lang) -> String {
        lang.text(&format!("{}.summary", self.catalogue_id()))
    }

    /// What the rule means and how to fix its findings, in a language.
    pub fn doc_in(&self, lang: Lang) -> String {
        lang.text(&format!("{}.doc", self.catalogue_id()))
    }
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.id == id)
}

/// Every rule, in the order of SPEC section 6.
pub const ALL: &[&Rule] = &[
    &schema::PARSE,
    &schema::SCHEMA,
    &layout::LAYOUT,
    &roles::MISSING,
    &roles::RECOMMENDED,
    &roles::UNKNOWN,
    &roles::PERSON,
    &roles::CONFLICT,
    &appendix3::MISSING,
    &appendix3::UNANSWERED,
    &appendix3::UNKNOWN_QUESTION,
    &appendix3::DEVIATION_INCOMPLETE,
    &appendix3::NOT_REPORTED,
    &appendix3::DEVIATION_ROLE,
    &appendix3::NA_UNJUSTIFIED,
    &appendix3::NOT_ATTESTED,
    &appendix3::WRONG_ATTESTER,
    &appendix3::STALE,
    &appendix3::OVERDUE,
    &appendix3::ATTESTER_MISMATCH,
    &deps::UNKNOWN,
    &deps::CYCLE,
    &deps::RETIRED,
    &integrations::CONTRACT,
    &upgrades::UNKNOWN_SYSTEM,
    &upgrades::OUTSIDE_YEAR,
    &upgrades::SERVICE_WINDOW,
    &upgrades::CAB,
    &upgrades::ANNOUNCE,
    &upgrades::UNTESTED,
    &deps::CLASH,
    &activities::OWNER,
    &activities::DATES,
    &activities::OVERDUE,
    &budget::EXCEEDED,
    &plan::ESTABLISHED_INCOMPLETE,
    &plan::ESTABLISHED_BY,
    &plan::ESTABLISHED_DATE,
    &plan::DRAFT_IN_YEAR,
    &plan::DESCRIPTION_MISSING,
    &contract::EXPIRING,
    &contract::DPA,
];

/// The rules `crate::checks::schema` fires.
pub mod schema {
    use super::Rule;
    pub const PARSE: Rule = Rule::error("parse");
    pub const SCHEMA: Rule = Rule::error("schema");
}

/// The rules `crate::checks::layout` fires.
pub mod layout {
    use super::Rule;
    pub const LAYOUT: Rule = Rule::error("layout");
}

/// The rules `crate::checks::roles` fires.
pub mod roles {
    use super::Rule;
    pub const MISSING: Rule = Rule::error("roles/missing");
    pub const RECOMMENDED: Rule = Rule::warning("roles/recommended");
    pub const UNKNOWN: Rule = Rule::error("roles/unknown");
    pub const PERSON: Rule = Rule::error("roles/person");
    pub const CONFLICT: Rule = Rule::warning("roles/conflict");
}

/// The rules `crate::checks::appendix3` fires.
pub mod appendix3 {
    use super::Rule;
    pub const MISSING: Rule = Rule::error("appendix3/missing");
    pub const UNANSWERED: Rule = Rule::error("appendix3/unanswered");
    pub const UNKNOWN_QUESTION: Rule = Rule::error("appendix3/unknown-question");
    pub const DEVIATION_INCOMPLETE: Rule = Rule::error("appendix3/deviation-incomplete");
    pub const NOT_REPORTED: Rule = Rule::warning("appendix3/not-reported");
    pub const DEVIATION_ROLE: Rule = Rule::error("appendix3/deviation-role");
    pub const NA_UNJUSTIFIED: Rule = Rule::error("appendix3/na-unjustified");
    pub const NOT_ATTESTED: Rule = Rule::error("appendix3/not-attested");
    pub const WRONG_ATTESTER: Rule = Rule::error("appendix3/wrong-attester");
    pub const STALE: Rule = Rule::error("appendix3/stale");
    /// Checked by `plan check --verify-attestations` from git history
    /// (crate::checks::attestation, on what crate::repo::history read).
    pub const ATTESTER_MISMATCH: Rule = Rule::error("appendix3/attester-mismatch");
    pub const OVERDUE: Rule = Rule::warning("appendix3/overdue");
}

/// The rules `crate::checks::deps` fires.
pub mod deps {
    use super::Rule;
    pub const UNKNOWN: Rule = Rule::error("deps/unknown");
    pub const CYCLE: Rule = Rule::warning("deps/cycle");
    pub const RETIRED: Rule = Rule::warning("deps/retired");
    pub const CLASH: Rule = Rule::warning("upgrade/clash");
}

/// The rules `crate::checks::integrations` fires.
pub mod integrations {
    use super::Rule;
    pub const CONTRACT: Rule = Rule::error("integration/contract");
}

/// The rules `crate::checks::upgrades` fires.
pub mod upgrades {
    use super::Rule;
    pub const UNKNOWN_SYSTEM: Rule = Rule::error("upgrade/unknown-system");
    pub const OUTSIDE_YEAR: Rule = Rule::error("upgrade/outside-year");
    pub const SERVICE_WINDOW: Rule = Rule::warning("upgrade/service-window");
    pub const CAB: Rule = Rule::error("upgrade/cab");
    pub const ANNOUNCE: Rule = Rule::warning("upgrade/announce");
    pub const UNTESTED: Rule = Rule::warning("upgrade/untested");
}

/// The rules `crate::checks::activities` fires.
pub mod activities {
    use super::Rule;
    pub const OWNER: Rule = Rule::error("activity/owner");
    pub const DATES: Rule = Rule::error("activity/dates");
    pub const OVERDUE: Rule = Rule::warning("activity/overdue");
}

/// The rules `crate::checks::budget` fires.
pub mod budget {
    use super::Rule;
    pub const EXCEEDED: Rule = Rule::warning("budget/exceeded");
}

/// The rules `crate::checks::plan` fires.
pub mod plan {
    use super::Rule;
    pub const ESTABLISHED_INCOMPLETE: Rule = Rule::error("plan/established-incomplete");
    pub const ESTABLISHED_BY: Rule = Rule::warning("plan/established-by");
    pub const ESTABLISHED_DATE: Rule = Rule::error("plan/established-date");
    pub const DRAFT_IN_YEAR: Rule = Rule::warning("plan/draft-in-year");
    pub const DESCRIPTION_MISSING: Rule = Rule::warning("plan/description-missing");
}

/// The rules `crate::checks::contract` fires.
pub mod contract {
    use super::Rule;
    pub const EXPIRING: Rule = Rule::warning("contract/expiring");
    pub const DPA: Rule = Rule::warning("contract/dpa");
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// `plan rule` in both languages: every rule has its summary and documentation
    /// in each catalogue (an id missing there would show as the id itself), and the
    /// Swedish is not the English.
    #[test]
    fn every_rule_is_documented_in_both_languages() {
        for rule in ALL {
            let id = rule.catalogue_id();
            for lang in Lang::ALL {
                let summary = rule.summary_in(lang);
                let doc = rule.doc_in(lang);
                assert!(
                    lang.has(&format!("{id}.summary")) && !summary.is_empty(),
                    "{} has no summary in i18n/{lang}/rules.ftl",
                    rule.id
                );
                assert!(
                    lang.has(&format!("{id}.doc")) && doc.len() > 40,
                    "{} has no doc in i18n/{lang}/rules.ftl",
                    rule.id
                );
            }
            assert_ne!(rule.summary_in(Lang::Sv), rule.summary_in(Lang::En));
            assert_ne!(rule.doc_in(Lang::Sv), rule.doc_in(Lang::En));
        }
    }

    /// No documentation is left behind by a rule renamed or removed.
    #[test]
    fn every_rule_doc_belongs_to_a_rule() {
        let ids: HashSet<String> = ALL.iter().map(|r| r.catalogue_id()).collect();
        for text in [
            include_str!("../../i18n/en/rules.ftl"),
            include_str!("../../i18n/sv/rules.ftl"),
        ] {
            for line in text.lines().filter(|l| l.starts_with("rule-")) {
                let id = line.trim_end_matches('=').trim();
                assert!(ids.contains(id), "{id} documents no rule");
            }
        }
    }

    /// The registry as `plan rule` shows it: id, default severity, and when the rule
    /// fires in English and Swedish. A rule dropped from [`ALL`], added, renamed or
    /// given another default severity changes this snapshot
    /// (`src/diag/snapshots/`); review and accept an intended change with
    /// `INSTA_UPDATE=always cargo test --lib registry`.
    #[test]
    fn registry() {
        let text: String = ALL
            .iter()
            .map(|r| {
                format!(
                    "{} ({})\n  en: {}\n  sv: {}\n",
                    r.id,
                    r.severity.as_str(),
                    r.summary_in(Lang::En),
                    r.summary_in(Lang::Sv)
                )
            })
            .collect();
        insta::assert_snapshot!("registry", text);
    }

    #[test]
    fn rule_ids_are_unique() {
        let mut seen = HashSet::new();
        for rule in ALL {
            assert!(seen.insert(rule.id), "duplicate rule id {}", rule.id);
        }
    }
}
