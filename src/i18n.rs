//! Texts for people, in the repository's language.
//!
//! The texts live in Project Fluent catalogues under `i18n/<language>/<area>.ftl`,
//! one file per language and area, embedded in the binary: a translator edits them
//! without reading Rust. A message is looked up by its id (`site-nav-index`, or
//! `message.attribute` for an attribute) with named arguments (`{ $object }`).
//! Both languages have the same ids with the same variables (a test makes sure), so
//! no English shows in Swedish and no id is missing at run time.
//!
//! This module is low in the data flow: render steps call it, checks never do.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::fmt;
use std::sync::OnceLock;

/// Every catalogue: its area, the English text and the Swedish text. A new area is
/// one line here and one file per language.
const CATALOGUES: &[(&str, &str, &str)] = &[
    (
        "site",
        include_str!("../i18n/en/site.ftl"),
        include_str!("../i18n/sv/site.ftl"),
    ),
    (
        "findings",
        include_str!("../i18n/en/findings.ftl"),
        include_str!("../i18n/sv/findings.ftl"),
    ),
    (
        "report",
        include_str!("../i18n/en/report.ftl"),
        include_str!("../i18n/sv/report.ftl"),
    ),
    (
        "values",
        include_str!("../i18n/en/values.ftl"),
        include_str!("../i18n/sv/values.ftl"),
    ),
    (
        "cli",
        include_str!("../i18n/en/cli.ftl"),
        include_str!("../i18n/sv/cli.ftl"),
    ),
    // The commands' own output and refusals (new-year, attest, import, hook, init…).
    (
        "commands",
        include_str!("../i18n/en/commands.ftl"),
        include_str!("../i18n/sv/commands.ftl"),
    ),
    // Errors of exit 2 from reading and writing files and from git.
    (
        "errors",
        include_str!("../i18n/en/errors.ftl"),
        include_str!("../i18n/sv/errors.ftl"),
    ),
    // The JSON Schema's title and each key's description (`plan schema`).
    (
        "schema",
        include_str!("../i18n/en/schema.ftl"),
        include_str!("../i18n/sv/schema.ftl"),
    ),
    // The rules' documentation (`rule-<id>.summary`, `.doc`), read by `plan rule`
    // and SARIF.
    (
        "rules",
        include_str!("../i18n/en/rules.ftl"),
        include_str!("../i18n/sv/rules.ftl"),
    ),
];

/// A language the tool speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Sv,
}

/// The values `language`, `--lang` and `PLAN_LANG` take.
pub const CODES: &[&str] = &["sv", "en"];

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Sv];

    /// The language's code, as in `plan.toml` and HTML's `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Sv => "sv",
        }
    }

    /// `"sv"` or `"en"`; anything else is None.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language in force: the flag (or `PLAN_LANG`, which clap reads into the
    /// flag), then the repository's `language`, then English.
    pub fn resolve(flag: Option<Lang>, repository: Option<Lang>) -> Lang {
        flag.or(repository).unwrap_or_default()
    }

    /// Whether the catalogue has a message (or `message.attribute`) of this id.
    pub fn has(self, id: &str) -> bool {
        let bundle = &bundles()[self as usize];
        match id.split_once('.') {
            Some((name, attribute)) => bundle
                .get_message(name)
                .is_some_and(|m| m.get_attribute(attribute).is_some()),
            None => bundle.get_message(id).is_some_and(|m| m.value().is_some()),
        }
    }

    /// An enumerated value in words (`value-<kind>-<value>`, `_` in the value read
    /// as `-`: `depends_on` is `value-via-depends-on`), else as written: a value
    /// the format does not have is shown as the plan file has it.
    pub fn value(self, kind: &str, value: &str) -> String {
        let id = format!("value-{kind}-{}", value.replace('_', "-"));
        if self.has(&id) {
            self.text(&id)
        } else {
            value.to_string()
        }
    }

    /// Yes or no in words.
    pub fn yes_no(self, b: bool) -> String {
        self.text(if b { "value-yes" } else { "value-no" })
    }

    /// A message without arguments.
    pub fn text(self, id: &str) -> String {
        self.format(id, &[])
    }

    /// A message with named arguments. An id the catalogue lacks (a defect the
    /// catalogue test catches) comes out as the id itself, never a panic.
    pub fn format(self, id: &str, args: &[(&str, Arg)]) -> String {
        let bundle = &bundles()[self as usize];
        let (name, attribute) = match id.split_once('.') {
            Some((name, attribute)) => (name, Some(attribute)),
            None => (id, None),
        };
        let Some(message) = bundle.get_message(name) else {
            return id.to_string();
        };
        let pattern = match attribute {
            Some(a) => message.get_attribute(a).map(|a| a.value()),
            None => message.value(),
        };
        let Some(pattern) = pattern else {
            return id.to_string();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.to_fluent(self));
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A named argument's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
    /// A text for people within a text (e.g. "a date" in "must be a date"), in the
    /// same language.
    Msg(Box<Msg>),
}

impl Arg {
    fn to_fluent(&self, lang: Lang) -> FluentValue<'_> {
        match self {
            Arg::Text(s) => FluentValue::from(s.as_str()),
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Msg(m) => FluentValue::from(m.render(lang)),
        }
    }
}

/// A text for people not yet in a language: a message id and its named arguments.
/// Checks make these; renderers turn the ones they show into text
/// ([`Msg::render`]), so no finding that is not shown costs a lookup.
#[derive(Clone, Debug, PartialEq)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    /// A message without arguments.
    pub fn new(id: &'static str) -> Msg {
        Msg {
            id,
            args: Vec::new(),
        }
    }

    /// Adds a named argument.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    /// A text that is the same in every language (another program's words, a text
    /// from the repository's own configuration).
    pub fn verbatim(text: impl Into<String>) -> Msg {
        Msg::new("verbatim").with("text", text.into())
    }

    /// The text in a language.
    pub fn render(&self, lang: Lang) -> String {
        lang.format(self.id, &self.args)
    }
}

/// A text begun with a capital letter, as a sentence standing alone (a table
/// cell) begins; a finding's message begins in lower case.
pub fn sentence(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => text,
    }
}

/// A name as it stands inside a sentence: its first letter in lower case unless
/// the next is a capital too (`Systemägare` → `systemägare`, `IT-systemägare` as
/// it is).
pub fn in_sentence(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(first), second)
            if first.is_uppercase() && !second.is_some_and(char::is_uppercase) =>
        {
            first.to_lowercase().chain(name.chars().skip(1)).collect()
        }
        _ => name.to_string(),
    }
}

/// `a and b`, `a, b and c` (`och` in Swedish); one item is itself.
pub fn and_list(mut items: Vec<String>) -> Msg {
    match items.pop() {
        None => Msg::verbatim(""),
        Some(last) if items.is_empty() => Msg::verbatim(last),
        Some(last) => Msg::new("list-and")
            .with("head", items.join(", "))
            .with("last", last),
    }
}

/// Messages one after another with `sep` between them.
pub fn joined(items: Vec<Msg>, sep: &str) -> Msg {
    let mut items = items.into_iter().rev();
    let last = items.next().unwrap_or_else(|| Msg::verbatim(""));
    items.fold(last, |rest, first| {
        Msg::new("list-join")
            .with("first", first)
            .with("sep", sep)
            .with("rest", rest)
    })
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Msg(Box::new(m))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

/// A path as people read it (`Path::display`).
impl From<&std::path::Path> for Arg {
    fn from(p: &std::path::Path) -> Arg {
        Arg::Text(p.display().to_string())
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Arg {
        Arg::from(p.as_path())
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Number(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Number(n.into())
    }
}

impl From<i32> for Arg {
    fn from(n: i32) -> Arg {
        Arg::Number(n.into())
    }
}

/// `tr!(lang, "id", name = value, …)`: a message with named arguments.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $lang.format($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),*])
    };
}

/// An error of exit 2 written for people: `main` shows it in the language of the
/// flag or the repository (its Display is English, for contexts and logs).
#[derive(Debug)]
pub struct Fail(pub Msg);

impl fmt::Display for Fail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.render(Lang::En))
    }
}

impl std::error::Error for Fail {}

/// What `plan` was doing, in words for people, when another error (the operating
/// system's, git's) stopped it: `reading objects/: Permission denied`. The cause
/// keeps its own words and follows in the chain.
#[derive(Debug)]
struct Doing {
    what: Msg,
    cause: anyhow::Error,
}

impl fmt::Display for Doing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.what.render(Lang::En))
    }
}

impl std::error::Error for Doing {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.cause)
    }
}

/// anyhow's `with_context` with words from the catalogues: `.with_msg(|| msg!(…))`.
/// The message is built only when there is an error.
pub trait Context<T> {
    /// The error (or a missing value) with what was being done before it.
    fn with_msg(self, what: impl FnOnce() -> Msg) -> anyhow::Result<T>;
}

impl<T, E: Into<anyhow::Error>> Context<T> for Result<T, E> {
    fn with_msg(self, what: impl FnOnce() -> Msg) -> anyhow::Result<T> {
        self.map_err(|e| doing(what(), e))
    }
}

/// The error `cause` with what was being done before it (see [`Context`]).
pub fn doing(what: Msg, cause: impl Into<anyhow::Error>) -> anyhow::Error {
    anyhow::Error::new(Doing {
        what,
        cause: cause.into(),
    })
}

impl<T> Context<T> for Option<T> {
    fn with_msg(self, what: impl FnOnce() -> Msg) -> anyhow::Result<T> {
        self.ok_or_else(|| Fail(what()).into())
    }
}

/// An error as a text for people, the way `{err:#}` writes it (each cause after
/// `: `): our own words in the language, the causes from elsewhere (the operating
/// system, git, a parser) as they are.
pub fn error_msg(err: &anyhow::Error) -> Msg {
    joined(
        err.chain()
            .map(|cause| {
                if let Some(fail) = cause.downcast_ref::<Fail>() {
                    fail.0.clone()
                } else if let Some(doing) = cause.downcast_ref::<Doing>() {
                    doing.what.clone()
                } else {
                    Msg::verbatim(cause.to_string())
                }
            })
            .collect(),
        ": ",
    )
}

/// `fail!("id", name = value, …)`: return a [`Fail`] from a function returning
/// `anyhow::Result`.
#[macro_export]
macro_rules! fail {
    ($($t:tt)*) => {
        return Err($crate::i18n::Fail($crate::msg!($($t)*)).into())
    };
}

/// `msg!("id", name = value, …)`: a [`Msg`] to render later.
#[macro_export]
macro_rules! msg {
    ($id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Msg {
            id: $id,
            args: vec![$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        }
    };
}

/// The ids of the messages of one area (`site`), read from its English catalogue
/// (both languages have the same ids): for a caller that renders each text of an
/// area once instead of once per use.
pub fn message_ids(area: &str) -> Vec<&'static str> {
    CATALOGUES
        .iter()
        .filter(|(a, _, _)| *a == area)
        .flat_map(|(_, en, _)| en.lines())
        .filter_map(|line| {
            let (id, _) = line.split_once(" =")?;
            let valid = id.starts_with(|c: char| c.is_ascii_lowercase())
                && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            valid.then_some(id)
        })
        .collect()
}

/// 850000 → "850 000": digits in groups of three, as Swedish writes amounts.
pub fn grouped(whole: i64) -> String {
    let digits = whole.unsigned_abs().to_string();
    let mut out = String::new();
    if whole < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// The bundles, in the order of [`Lang`]'s variants, built once.
fn bundles() -> &'static [FluentBundle<FluentResource>; 2] {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| [bundle(Lang::En), bundle(Lang::Sv)])
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier =
        lang.code().parse().expect("language codes are valid");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: the texts go to terminals, CSV
    // and HTML, where the marks would be stray characters.
    bundle.set_use_isolating(false);
    // Whole numbers of five digits or more in groups of three ("10 000 filer"), as
    // Swedish writes them and as amounts are written (`diag::amount`); years and
    // other numbers of up to four digits as they are. Plurals still select on the
    // number itself.
    bundle.set_formatter(Some(|value, _| match value {
        FluentValue::Number(n)
            if n.value.fract() == 0.0 && (10_000.0..1e18).contains(&n.value.abs()) =>
        {
            Some(grouped(n.value as i64))
        }
        _ => None,
    }));
    for (_, en, sv) in CATALOGUES {
        let text = if lang == Lang::Sv { sv } else { en };
        // A syntax error keeps the rest of the file (the catalogue test reports it).
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        bundle.add_resource_overriding(resource);
    }
    bundle
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast;
    use std::collections::{BTreeMap, BTreeSet};

    /// Message id (and `id.attribute`) → the variables it uses.
    fn ids(area: &str, lang: &str, text: &str) -> BTreeMap<String, BTreeSet<String>> {
        let resource = fluent_syntax::parser::parse(text)
            .unwrap_or_else(|(_, errors)| panic!("i18n/{lang}/{area}.ftl: {errors:?}"));
        let mut out = BTreeMap::new();
        for entry in resource.body {
            let (id, value, attributes) = match entry {
                ast::Entry::Message(m) => (m.id.name.to_string(), m.value, m.attributes),
                ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
                _ => continue,
            };
            let previous = out.insert(id.clone(), value.as_ref().map(vars).unwrap_or_default());
            assert!(previous.is_none(), "i18n/{lang}/{area}.ftl: {id} twice");
            for a in attributes {
                out.insert(format!("{id}.{}", a.id.name), vars(&a.value));
            }
        }
        out
    }

    fn vars(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_vars(expression, &mut out);
            }
        }
        out
    }

    fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Inline(i) => inline_vars(i, out),
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, out);
                for v in variants {
                    out.extend(vars(&v.value));
                }
            }
        }
    }

    fn inline_vars(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline_vars(a, out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn both_languages_have_the_same_ids_and_variables() {
        for (area, en, sv) in CATALOGUES {
            let en = ids(area, "en", en);
            let sv = ids(area, "sv", sv);
            let only = |a: &BTreeMap<_, _>, b: &BTreeMap<String, _>| {
                a.keys()
                    .filter(|k| !b.contains_key(*k))
                    .cloned()
                    .collect::<Vec<String>>()
            };
            assert_eq!(only(&en, &sv), Vec::<String>::new(), "{area}: only in en");
            assert_eq!(only(&sv, &en), Vec::<String>::new(), "{area}: only in sv");
            for (id, variables) in &en {
                assert_eq!(Some(variables), sv.get(id), "{area}: variables of {id}");
            }
        }
    }

    /// Every id the code names literally (`msg!("id"…)`, `tr!(lang, "id"…)`,
    /// `lang.text("id")`, `Msg::new("id")`) is in the catalogues: no id shows as itself.
    #[test]
    fn every_id_the_code_names_is_in_the_catalogues() {
        let known: BTreeSet<String> = CATALOGUES
            .iter()
            .flat_map(|(area, en, _)| ids(area, "en", en).into_keys())
            .collect();
        let mut files = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        let mut missing = Vec::new();
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("i18n.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for opener in ["msg!(", "tr!(", "lang.text(", "Msg::new("] {
                for (at, _) in text.match_indices(opener) {
                    // Not the end of a longer name (`include_str!(`).
                    let before = text[..at].chars().next_back().unwrap_or(' ');
                    if before.is_alphanumeric() || before == '_' {
                        continue;
                    }
                    let rest = &text[at + opener.len()..];
                    // tr! takes the language first.
                    let rest = match opener {
                        "tr!(" => rest.split_once(',').map_or("", |(_, r)| r),
                        _ => rest,
                    };
                    let rest = rest.trim_start();
                    let Some(literal) = rest.strip_prefix('"') else {
                        continue;
                    };
                    let id = literal.split('"').next().unwrap_or_default();
                    if id.is_empty() || id.contains(' ') || id == "id" {
                        continue;
                    }
                    if !known.contains(id) {
                        missing.push(format!("{}: {id}", path.display()));
                    }
                }
            }
        }
        assert_eq!(missing, Vec::<String>::new());
    }

    /// The rules' catalogue holds rule documentation only, so `plan rule` can never
    /// show another message as a rule's text.
    #[test]
    fn the_rules_catalogue_holds_rule_docs_only() {
        for (area, en, sv) in CATALOGUES.iter().filter(|(area, ..)| *area == "rules") {
            for (lang, text) in [("en", en), ("sv", sv)] {
                let ids = ids(area, lang, text);
                assert!(ids.keys().all(|id| id.starts_with("rule-")), "{ids:?}");
            }
        }
    }

    /// The users' word for the checklist is "bilaga 3" (handbook 000, ch. 9), in
    /// English too: "appendix 3" only once, beside it, where the rule explains it.
    #[test]
    fn the_english_catalogue_calls_the_checklist_bilaga_3() {
        let said: Vec<&str> = CATALOGUES
            .iter()
            .flat_map(|(_, en, _)| en.lines())
            .filter(|line| !line.trim_start().starts_with('#'))
            .filter(|line| {
                let line = line.to_lowercase();
                line.contains("appendix 3") || line.contains("appendix-3")
            })
            .collect();
        assert_eq!(said.len(), 1, "{said:#?}");
        assert!(said[0].contains("a bilaga 3 (appendix 3;"), "{said:#?}");
    }

    #[test]
    fn lookup_with_arguments_and_attributes() {
        assert_eq!(Lang::Sv.text("site-nav-index"), "Översikt");
        assert_eq!(Lang::En.text("site-nav-index"), "Overview");
        assert_eq!(
            crate::tr!(Lang::Sv, "site-index-title", year = 2027),
            "Förvaltningsplaner 2027"
        );
        assert_eq!(Lang::En.text("no-such-message"), "no-such-message");
        // Large numbers in groups of three, years as they are.
        assert_eq!(
            crate::tr!(Lang::Sv, "site-index-title", year = 10_000),
            "Förvaltningsplaner 10 000"
        );
        assert_eq!(
            crate::tr!(Lang::Sv, "check-summary-clean", files = 12_345, others = 0),
            "12 345 planfiler granskade: inga problem"
        );
    }

    #[test]
    fn precedence_flag_then_repository_then_english() {
        assert_eq!(Lang::resolve(Some(Lang::En), Some(Lang::Sv)), Lang::En);
        assert_eq!(Lang::resolve(None, Some(Lang::Sv)), Lang::Sv);
        assert_eq!(Lang::resolve(None, None), Lang::En);
    }
}
