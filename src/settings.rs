//! Everything `plan.toml` decides, resolved: the settings, the role model, the
//! checklist and the severity of every rule.

use crate::diag::rules::{self, schema::PARSE, schema::SCHEMA};
use crate::diag::{did_you_mean, Finding, LineIndex, Rule, Severities, Severity, Span};
use crate::i18n::{Lang, Msg};
use crate::layout::CONFIG_FILE;
use crate::model::parse::Why;
use crate::model::shape::{self, ShapeError};
use crate::model::{Config, Sp};
use crate::msg;
use crate::repo::Source;
use crate::schema::{Checklist, LoadError, RoleModel};
use std::fmt;

/// A repository's resolved settings.
pub struct Settings {
    pub config: Config,
    pub roles: RoleModel,
    pub checklist: Checklist,
    /// The severity of each rule's findings, with `[rules]` applied.
    pub severities: Severities,
}

/// The repository's configuration could not be used: the findings say where and why,
/// the language plan.toml asks for (None when that could not be read), and the text
/// of each file they point into (path, text), for their snippets.
#[derive(Debug)]
pub struct Invalid(
    pub Vec<Finding>,
    pub Option<Lang>,
    pub Vec<(String, String)>,
);

impl Invalid {
    /// The text of a file the findings point into, as the human format reads it.
    pub fn text(&self, file: &str) -> Option<String> {
        self.2
            .iter()
            .find(|(path, _)| path == file)
            .map(|(_, text)| text.clone())
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for finding in &self.0 {
            writeln!(
                f,
                "{}:{}:{}: {}",
                finding.file,
                finding.line,
                finding.column,
                finding.message_in(self.1.unwrap_or_default())
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for Invalid {}

/// The `language` of the repository a command runs in, read without resolving the
/// rest (for errors that stop a command before its settings are loaded).
pub fn peek_language(repo: Option<&std::path::Path>) -> Option<Lang> {
    let root = crate::repo::find_root(repo).ok()?;
    let text = std::fs::read_to_string(root.join(CONFIG_FILE)).ok()?;
    let table: toml::Table = text.parse().ok()?;
    Lang::from_code(table.get("language")?.as_str()?)
}

impl Settings {
    /// Reads and resolves `plan.toml` (and any role model or checklist it points to).
    pub fn load(source: &dyn Source) -> anyhow::Result<Settings> {
        let bytes = source.read(CONFIG_FILE)?.ok_or_else(|| {
            crate::i18n::Fail(msg!("error-config-missing", place = source.describe()))
        })?;
        let mut invalid = Problems::new(CONFIG_FILE);
        let parsed = match crate::model::parse::parse(&bytes) {
            Ok(parsed) => parsed,
            Err(problem) => {
                let help = match problem.why {
                    Why::NotUtf8 => Some(msg!("parse-not-utf8-config-help")),
                    _ => problem.help,
                };
                invalid.push(&PARSE, problem.span, problem.message, help);
                return Err(invalid.into_error(problem.text).into());
            }
        };
        let (text, tree) = (parsed.text, parsed.tree());
        let mut errors = Vec::new();
        shape::validate(tree, crate::model::config::CONFIG, "", &mut errors);
        crate::model::config::window_problems(tree, &mut errors);
        for ShapeError {
            span,
            message,
            help,
        } in errors
        {
            invalid.push(&SCHEMA, span, message, help);
        }
        let config = Config::from_tree(tree);
        invalid.language = config.language;
        let mut severities = Severities::default();
        for (id, setting) in &config.rules {
            match rules::rule(&id.val) {
                Some(rule) => {
                    let severity = match setting.as_str() {
                        "error" => Some(Severity::Error),
                        "warning" => Some(Severity::Warning),
                        _ => None,
                    };
                    severities.set(rule, severity);
                }
                None => {
                    let help = did_you_mean(&id.val, rules::ALL.iter().map(|r| r.id))
                        .map_or(msg!("config-unknown-rule.help"), |s| {
                            msg!("did-you-mean-id", name = s)
                        });
                    invalid.push(
                        &SCHEMA,
                        id.span,
                        msg!("config-unknown-rule", rule = &id.val),
                        Some(help),
                    );
                }
            }
        }
        let roles = resolve(
            source,
            &config.role_model,
            &mut invalid,
            RoleModel::built_in,
            RoleModel::parse,
            RoleModel::BUILT_IN,
            "role-model",
        );
        let default_checklist = Sp::new("infosak-kd".to_string(), Span::START);
        let checklist_name = config.checklist.as_ref().unwrap_or(&default_checklist);
        let checklist = resolve(
            source,
            checklist_name,
            &mut invalid,
            Checklist::built_in,
            Checklist::parse,
            Checklist::BUILT_IN,
            "checklist",
        );
        match (roles, checklist) {
            (Some(roles), Some(checklist)) if invalid.is_empty() => Ok(Settings {
                config,
                roles,
                checklist,
                severities,
            }),
            _ => Err(invalid.into_error(text).into()),
        }
    }
}

/// A built-in name, or a path in the repository, turned into a role model or checklist.
#[allow(clippy::too_many_arguments)]
fn resolve<T>(
    source: &dyn Source,
    name: &Sp<String>,
    invalid: &mut Problems,
    built_in: fn(&str) -> Option<T>,
    parse: fn(&str, &str) -> Result<T, LoadError>,
    built_ins: &[&str],
    what: &str,
) -> Option<T> {
    if name.val.is_empty() {
        return None;
    }
    if let Some(found) = built_in(&name.val) {
        return Some(found);
    }
    if !name.val.ends_with(".toml") {
        invalid.push(
            &SCHEMA,
            name.span,
            msg!("config-unknown-model", what = what, name = &name.val),
            Some(msg!(
                "config-unknown-model.help",
                what = what,
                built_in = shape::quoted(built_ins)
            )),
        );
        return None;
    }
    let text = match source.read(&name.val) {
        Ok(Some(bytes)) => String::from_utf8_lossy(&bytes).into_owned(),
        Ok(None) => {
            invalid.push(
                &SCHEMA,
                name.span,
                msg!("config-model-not-found", what = what, name = &name.val),
                None,
            );
            return None;
        }
        Err(e) => {
            invalid.push(
                &SCHEMA,
                name.span,
                msg!(
                    "config-model-unreadable",
                    what = what,
                    name = &name.val,
                    error = crate::i18n::error_msg(&e)
                ),
                None,
            );
            return None;
        }
    };
    match parse(&name.val, &text) {
        Ok(found) => Some(found),
        Err(e) => {
            let mut f = Finding::new(
                &SCHEMA,
                SCHEMA.severity,
                e.file.as_str(),
                e.span,
                msg!("config-model-invalid", what = what, error = e.message),
            );
            f.locate(&LineIndex::new(&text));
            invalid.texts.push((f.file.to_string(), text));
            invalid.extra.push(f);
            None
        }
    }
}

/// Problems found in plan.toml (and the files it names).
struct Problems {
    file: &'static str,
    found: Vec<Finding>,
    extra: Vec<Finding>,
    /// The texts the findings in `extra` point into.
    texts: Vec<(String, String)>,
    language: Option<Lang>,
}

impl Problems {
    fn new(file: &'static str) -> Problems {
        Problems {
            file,
            found: Vec::new(),
            extra: Vec::new(),
            texts: Vec::new(),
            language: None,
        }
    }

    fn push(&mut self, rule: &'static Rule, span: Span, message: Msg, help: Option<Msg>) {
        let mut f = Finding::new(rule, rule.severity, self.file, span, message);
        f.help = help;
        self.found.push(f);
    }

    fn is_empty(&self) -> bool {
        self.found.is_empty() && self.extra.is_empty()
    }

    fn into_error(mut self, text: &str) -> Invalid {
        let index = LineIndex::new(text);
        for f in &mut self.found {
            f.locate(&index);
        }
        self.found.append(&mut self.extra);
        self.texts.push((self.file.to_string(), text.to_string()));
        Invalid(self.found, self.language, self.texts)
    }
}
