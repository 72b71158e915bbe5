//! The layout of a plan repository: where its files are and how its ids are
//! written. Facts every step needs (reading, parsing, checking, writing), so they
//! sit below them all.

use crate::i18n::Msg;
use crate::msg;

/// The repository's configuration, at its root.
pub const CONFIG_FILE: &str = "plan.toml";

/// Where `plan new` and `plan schema --write` keep the schema in a plan repository;
/// plan files point at it with a `#:schema` line.
pub const SCHEMA_FILE: &str = "schema/plan-file.schema.json";

/// Largest plan file read; anything bigger is almost certainly not a plan.
pub const MAX_FILE_BYTES: usize = 4 << 20;

/// The object and year a repository path names, or why it is not a plan file path.
pub fn classify(path: &str) -> Result<(String, i32), Msg> {
    let parts: Vec<&str> = path.split('/').collect();
    // `NAME.lock`: the lock of a write in progress, or what one left when it was
    // killed before renaming it over NAME (crate::fsio). `.NAME.plan-PID.tmp`:
    // the same from earlier versions.
    let name = parts.last().copied().unwrap_or_default();
    if let Some(locked) = name.strip_suffix(".lock").filter(|n| !n.is_empty()) {
        return Err(msg!("layout-lock-file", file = locked));
    }
    if name.starts_with('.') && name.ends_with(".tmp") && name.contains(".plan-") {
        return Err(msg!("layout-temporary-file"));
    }
    match parts.as_slice() {
        ["objects", object, file] => {
            if !is_id(object) {
                return Err(msg!(
                    "layout-object-folder-id",
                    folder = *object,
                    suggestion = suggest_id(object)
                ));
            }
            let year = file
                .strip_suffix(".toml")
                .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
            match year {
                Some(y) => Ok((object.to_string(), y.parse().expect("four digits"))),
                None => Err(msg!("layout-file-name", file = *file)),
            }
        }
        ["objects", _] => Err(msg!("layout-directly-under-objects")),
        ["objects", _, _, ..] => Err(msg!("layout-too-deep")),
        _ => Err(msg!("layout-not-under-objects")),
    }
}

/// `^[a-z0-9][a-z0-9-]{0,62}$`: the syntax of object folders and system ids.
pub fn is_id(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 63
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// A valid id close to an invalid one, for hints.
pub fn suggest_id(s: &str) -> String {
    id_from_name(s).unwrap_or_else(|| "system".into())
}

/// The id a name makes: lowercase, å and ä → a, ö → o, other accents dropped (é → e),
/// every run of other characters (spaces, `_`, `/`, …) → one `-`, at most 63
/// characters. None when no letter or digit is left.
pub fn id_from_name(s: &str) -> Option<String> {
    let mut id = String::with_capacity(s.len());
    for c in s.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' | 'à' | 'á' | 'â' | 'ã' => 'a',
            'ö' | 'ø' | 'ò' | 'ó' | 'ô' | 'õ' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ù' | 'ú' | 'û' => 'u',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ç' => 'c',
            'ñ' => 'n',
            'æ' => 'a',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if c != '-' || !(id.is_empty() || id.ends_with('-')) {
            id.push(c);
        }
    }
    id.truncate(63);
    let id = id.trim_matches('-');
    (!id.is_empty()).then(|| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::classify;

    #[test]
    fn paths() {
        assert_eq!(
            classify("objects/ladok/2027.toml"),
            Ok(("ladok".into(), 2027))
        );
        assert!(classify("objects/Ladok/2027.toml").is_err());
        assert!(classify("objects/ladok/27.toml").is_err());
        assert!(classify("objects/ladok/2027.yaml").is_err());
        assert!(classify("objects/x.toml").is_err());
        assert!(classify("objects/a/b/2027.toml").is_err());
    }
}
