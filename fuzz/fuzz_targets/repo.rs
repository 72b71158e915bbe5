//! A small whole repository: the input is split at NUL bytes into up to five files
//! of one year, checked by the real engine, so the cross-object rules (deps/unknown,
//! deps/cycle, deps/retired, upgrade/clash…) see fuzzed dependency graphs.
//!
//! The first byte picks the role model (its lowest bit). Each file's path is
//! `objects/<object>/2027.toml`, where `<object>` is the file's own `object = "…"`
//! value when it has one (so dependencies between files resolve), else `o<n>`. A file
//! that starts with a line `#> PATH` is stored at PATH instead (plan.toml, a custom
//! role model, a misplaced file…).

#![no_main]

use libfuzzer_sys::fuzz_target;
use plan::engine::{check, Selection};
use plan::settings::Settings;
use plan_fuzz::{render_all, settings, today, MemSource, CONFIGS};

const MAX_FILES: usize = 5;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, data)) = data.split_first() else {
        return;
    };
    let mut source = MemSource::default();
    for (n, chunk) in data.split(|&b| b == 0).take(MAX_FILES).enumerate() {
        let (path, bytes) = match explicit_path(chunk) {
            Some((path, rest)) => (path, rest),
            None => (format!("objects/{}/2027.toml", object_of(chunk, n)), chunk),
        };
        source.files.entry(path).or_insert_with(|| bytes.to_vec());
    }
    let own;
    let settings: &Settings = if source.files.contains_key("plan.toml") {
        // A fuzzed plan.toml: loading it may fail, but never panic.
        match Settings::load(&source) {
            Ok(loaded) => {
                own = loaded;
                &own
            }
            Err(e) => {
                std::hint::black_box(format!("{e:#}"));
                return;
            }
        }
    } else {
        let model = usize::from(pick & 1);
        source
            .files
            .insert("plan.toml".into(), CONFIGS[model].as_bytes().to_vec());
        &settings()[model]
    };
    let selections = [
        Selection::default(),
        Selection {
            year: Some(2027),
            paths: vec!["objects/o1".into()],
            objects: None,
        },
    ];
    for selection in &selections {
        if let Ok(outcome) = check(&source, settings, today(), selection) {
            for f in &outcome.findings {
                assert!(
                    f.line >= 1 && f.column >= 1,
                    "a finding without a position: {f:?}"
                );
            }
            render_all(&outcome);
        }
    }
});

/// `#> PATH\n…`: the path the chunk asks for, and the rest.
fn explicit_path(chunk: &[u8]) -> Option<(String, &[u8])> {
    let rest = chunk.strip_prefix(b"#> ")?;
    let end = rest.iter().position(|&b| b == b'\n')?;
    let path = std::str::from_utf8(&rest[..end]).ok()?;
    Some((path.trim().to_string(), &rest[end + 1..]))
}

/// The value of the first `object = "…"` line, when it is a plausible folder name.
fn object_of(chunk: &[u8], n: usize) -> String {
    let text = String::from_utf8_lossy(chunk);
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("object"))
        .filter_map(|l| l.trim_start().strip_prefix('='))
        .map(|v| v.trim().trim_matches('"'))
        .find(|v| !v.is_empty() && v.len() <= 63 && !v.contains(['/', '\\', '.']))
        .map_or_else(|| format!("o{n}"), str::to_string)
}
