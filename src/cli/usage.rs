//! Mistakes in the command line itself (an unknown flag, a missing or bad value, an
//! unknown command), told in the language of the repository: clap finds them and
//! says what it found ([`clap::Error::kind`] and its context); the words come from
//! the catalogues (`usage-*` in `cli.ftl`). `--help` and `--version` stay clap's
//! own, in English (README, Languages).

use crate::i18n::{Fail, Lang, Msg};
use crate::output::ColorChoice;
use crate::{msg, tr};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::ffi::OsString;

/// Shows a command-line mistake on stderr and ends the program with exit 2 (help and
/// version are clap's, on stdout with exit 0).
pub fn exit(err: clap::Error) -> ! {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let written = Written::scan(&args);
    let Some(lines) = message(&err, written.language()) else {
        err.exit()
    };
    let color = crate::output::colored(written.color, &std::io::stderr());
    let mut lines = lines.into_iter();
    let first = lines.next().unwrap_or_default();
    eprintln!(
        "{}",
        crate::output::error_line(written.language(), color, &first)
    );
    for line in lines {
        eprintln!("{}", crate::output::visible(&line));
    }
    std::process::exit(2)
}

/// The global flags as written, read before clap has parsed (or failed to parse)
/// them, and the command: what language and colour the mistake is told in.
struct Written {
    lang: Option<Lang>,
    repo: Option<std::path::PathBuf>,
    color: ColorChoice,
    /// The first argument that is neither a flag nor a global flag's value.
    command: Option<String>,
}

impl Written {
    fn scan(args: &[OsString]) -> Written {
        let mut written = Written {
            lang: None,
            repo: None,
            color: ColorChoice::Auto,
            command: None,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let Some(arg) = arg.to_str() else { continue };
            if arg == "--" {
                break;
            }
            let (flag, inline) = match arg.split_once('=') {
                Some((flag, value)) => (flag, Some(OsString::from(value))),
                None => (arg, None),
            };
            if !flag.starts_with('-') {
                if written.command.is_none() {
                    written.command = Some(arg.to_string());
                }
                continue;
            }
            if !matches!(flag, "--lang" | "--repo" | "--color" | "--today") {
                continue;
            }
            let Some(value) = inline.or_else(|| args.next().cloned()) else {
                break;
            };
            let text = value.to_str().unwrap_or_default();
            match flag {
                "--lang" => written.lang = Lang::from_code(text).or(written.lang),
                "--repo" => written.repo = Some(value.into()),
                "--today" => {}
                _ => {
                    written.color =
                        <ColorChoice as clap::ValueEnum>::from_str(text, false).unwrap_or_default()
                }
            }
        }
        written
    }

    /// `--lang` as written, else `PLAN_LANG`, else the repository's `language` (at
    /// `--repo` or above the current folder), else English: the order of
    /// [`crate::cli::Globals::repo_language`], for flags that did not parse; for
    /// `plan init`, Swedish instead of the repository's, as init itself speaks.
    fn language(&self) -> Lang {
        let env = std::env::var("PLAN_LANG").ok();
        let flag = self.lang.or(env.as_deref().and_then(Lang::from_code));
        match self.command.as_deref() {
            Some("init") => super::init_language(flag),
            _ => super::language_at(flag, self.repo.as_deref()),
        }
    }
}

/// The mistake in words, one line after another (the first follows `error: `);
/// None for what clap shows itself (help, version) or words differently.
fn message(err: &clap::Error, lang: Lang) -> Option<Vec<String>> {
    let text = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let number = |kind| match err.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n as i64),
        _ => None,
    };
    let strings = |kind| match err.get(kind) {
        Some(ContextValue::Strings(s)) => s.clone(),
        _ => Vec::new(),
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let mut lines = Vec::new();
    let first = match err.kind() {
        ErrorKind::UnknownArgument => msg!("usage-unknown-argument", arg = arg?),
        ErrorKind::InvalidSubcommand => {
            msg!(
                "usage-unknown-command",
                command = text(ContextKind::InvalidSubcommand)?
            )
        }
        ErrorKind::InvalidValue if value.as_deref() == Some("") => {
            msg!("usage-value-missing", arg = arg?)
        }
        ErrorKind::InvalidValue => msg!("usage-invalid-value", value = value?, arg = arg?),
        ErrorKind::ValueValidation => {
            let why = match std::error::Error::source(err) {
                Some(source) => match source.downcast_ref::<Fail>() {
                    Some(fail) => fail.0.clone(),
                    None => Msg::verbatim(source.to_string()),
                },
                None => Msg::verbatim(""),
            };
            msg!("usage-bad-value", value = value?, arg = arg?, why = why)
        }
        ErrorKind::NoEquals => msg!("usage-no-equals", arg = arg?),
        ErrorKind::TooManyValues => msg!("usage-too-many-values", value = value?, arg = arg?),
        ErrorKind::TooFewValues => msg!(
            "usage-too-few-values",
            arg = arg?,
            expected = number(ContextKind::MinValues)?,
            given = number(ContextKind::ActualNumValues)?
        ),
        ErrorKind::WrongNumberOfValues => msg!(
            "usage-wrong-number-of-values",
            arg = arg?,
            expected = number(ContextKind::ExpectedNumValues)?,
            given = number(ContextKind::ActualNumValues)?
        ),
        ErrorKind::ArgumentConflict => {
            let arg = arg?;
            match err.get(ContextKind::PriorArg) {
                Some(ContextValue::String(prior)) if *prior == arg => {
                    msg!("usage-given-twice", arg = arg)
                }
                Some(ContextValue::String(prior)) => {
                    msg!(
                        "usage-conflict",
                        arg = arg,
                        other = quoted_list(std::slice::from_ref(prior))
                    )
                }
                Some(ContextValue::Strings(prior)) => {
                    msg!("usage-conflict", arg = arg, other = quoted_list(prior))
                }
                _ => return None,
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(ContextKind::InvalidArg);
            if missing.is_empty() {
                return None;
            }
            msg!("usage-missing", args = quoted_list(&missing))
        }
        ErrorKind::MissingSubcommand => msg!(
            "usage-missing-command",
            command = text(ContextKind::InvalidSubcommand)?
        ),
        _ => return None,
    };
    lines.push(first.render(lang));
    for (kind, id) in [
        (ContextKind::ValidValue, "usage-possible-values"),
        (ContextKind::ValidSubcommand, "usage-commands"),
    ] {
        let values = strings(kind);
        if !values.is_empty() {
            lines.push(format!("  [{}]", tr!(lang, id, values = values.join(", "))));
        }
    }
    let mut tips = Vec::new();
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        let similar = match err.get(kind) {
            Some(ContextValue::String(s)) => vec![s.clone()],
            Some(ContextValue::Strings(s)) => s.clone(),
            _ => Vec::new(),
        };
        if !similar.is_empty() {
            let quoted: Vec<String> = similar.iter().map(|s| format!("'{s}'")).collect();
            tips.push(msg!(
                "usage-similar",
                similar = quoted.join(", "),
                count = quoted.len()
            ));
        }
    }
    if let Some(ContextValue::StyledStrs(suggested)) = err.get(ContextKind::Suggested) {
        tips.extend(suggested.iter().filter_map(|s| tip(&s.to_string())));
    }
    if !tips.is_empty() {
        lines.push(String::new());
    }
    for t in tips {
        lines.push(format!("  {}: {}", lang.text("usage-tip"), t.render(lang)));
    }
    if let Some(ContextValue::StyledStr(usage)) = err.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        lines.push(String::new());
        lines.push(tr!(lang, "usage-usage", usage = usage));
    }
    lines.push(String::new());
    lines.push(lang.text("usage-more"));
    Some(lines)
}

/// `'a'`, `'a' and 'b'`, each quoted as clap quotes flags.
fn quoted_list(items: &[String]) -> Msg {
    crate::i18n::and_list(items.iter().map(|i| format!("'{i}'")).collect())
}

/// clap's own advice (`to pass '--x' as a value, use '-- --x'`) in words of the
/// language: the few shapes clap words it in, the quoted parts kept. Advice of
/// another shape is left out rather than shown in English.
fn tip(english: &str) -> Option<Msg> {
    let quoted: Vec<&str> = english.split('\'').skip(1).step_by(2).collect();
    if english.starts_with("to pass '") && english.contains("as a value") {
        let [arg, fix] = quoted[..] else { return None };
        Some(msg!("usage-tip-as-value", arg = arg, fix = fix))
    } else if english.starts_with("subcommand '") && english.contains("remove the") {
        Some(msg!("usage-tip-remove-dashes", command = *quoted.first()?))
    } else if english.ends_with("' exists") {
        Some(msg!("usage-tip-exists", command = *quoted.first()?))
    } else {
        None
    }
}
