//! Robustness: a bounded, deterministic mutation test. Valid plan files (the baseline
//! and the shipped examples) are broken in every way a hand edit, a bad merge or a
//! wrong editor can break them; the real binary runs on a repository of them and must
//! never panic, must exit 0, 1 or 2, and must point at every broken file with a
//! finding that has a line.
//!
//! Many mutated files share one repository (one object each), so a few hundred cases
//! cost a handful of processes.

use crate::support::*;
use std::collections::BTreeMap;
use std::path::Path;

// The mutations' random numbers: fastrand's generator, seeded, so the same cases
// come on every run and machine.
use fastrand::Rng;

/// One of `items` (not empty), at random.
fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

/// What a mutated file must produce, besides no panic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// Possibly still a valid plan: nothing in particular.
    Anything,
    /// Not readable as TOML (too large, not UTF-8, bad syntax): a `parse` finding.
    Parse,
    /// Valid TOML but a wrong type or an unknown key: a `parse` or `schema` finding.
    Schema,
}

/// One mutated plan file.
struct Case {
    /// What was done to it, for failure messages.
    what: String,
    /// The object it is stored as (its `object = "…"` says so before the mutation).
    object: String,
    bytes: Vec<u8>,
    /// The plan year (the file's name).
    year: i32,
    expect: Expect,
}

/// A valid plan file to start from.
struct Original {
    text: String,
    year: i32,
}

/// The baseline plan and every shipped example plan.
fn originals() -> Vec<Original> {
    let mut out = vec![Original {
        text: baseline().to_string(),
        year: 2027,
    }];
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut paths = Vec::new();
    for example in std::fs::read_dir(&examples).expect("examples/") {
        let objects = example.expect("entry").path().join("objects");
        let Ok(objects) = std::fs::read_dir(objects) else {
            continue;
        };
        for object in objects {
            for file in std::fs::read_dir(object.expect("entry").path()).expect("object") {
                paths.push(file.expect("entry").path());
            }
        }
    }
    paths.sort();
    for path in paths {
        let year = path
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(|s| s.parse().ok())
            .expect("examples are <year>.toml");
        let text = std::fs::read_to_string(&path)
            .expect("examples are UTF-8")
            .replace("\r\n", "\n");
        out.push(Original { text, year });
    }
    assert!(out.len() > 10, "the examples were not found");
    out
}

/// The original with its `object = "…"` set to the object it is stored as, so the
/// only problems in it are the mutation's.
fn as_object(text: &str, object: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| {
            if line.starts_with("object = ") {
                format!("object = \"{object}\"\n")
            } else {
                line.to_string()
            }
        })
        .collect()
}

/// Lines of the form `key = value` whose value is complete on the line.
fn simple_assignments(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            let Some((key, value)) = l.split_once(" = ") else {
                return false;
            };
            let value = value.split(" #").next().unwrap_or(value).trim();
            !key.starts_with([' ', '#', '"', '['])
                && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                && !value.is_empty()
                && !value.starts_with("\"\"\"")
                && !value.starts_with("'''")
                && value.matches('[').count() == value.matches(']').count()
                && value.matches('{').count() == value.matches('}').count()
        })
        .map(|(i, _)| i)
        .collect()
}

/// A value of another type than `value`.
fn other_type(rng: &mut Rng, value: &str) -> &'static str {
    let kind = |v: &str| match v.as_bytes().first() {
        Some(b'"') | Some(b'\'') => "string",
        Some(b'[') => "array",
        Some(b'{') => "table",
        Some(b't') | Some(b'f') => "bool",
        _ if v.len() == 10 && v.as_bytes()[4] == b'-' => "date",
        _ if v.contains('.') => "float",
        _ => "int",
    };
    let candidates = [
        "\"text\"",
        "[1, \"two\"]",
        "{ unknown = 1 }",
        "true",
        "2027-05-01",
        "1.5",
        "42",
    ];
    loop {
        let candidate = *pick(rng, &candidates);
        let same = kind(candidate) == kind(value)
            // An integer where a float is expected is a number all the same, and
            // amounts (budget and activity `sek`, `hours`) take either.
            || (kind(candidate) == "int" && kind(value) == "float")
            || (kind(candidate) == "float" && kind(value) == "int");
        if !same {
            return candidate;
        }
    }
}

fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// The index of a random byte that starts a character (or the end).
fn char_boundary(rng: &mut Rng, text: &str) -> usize {
    let mut at = rng.usize(..text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `depth` levels of nesting in one of four TOML spellings.
fn deeply_nested(rng: &mut Rng, depth: usize) -> String {
    match rng.usize(..4) {
        0 => format!("deep = {}1{}\n", "[".repeat(depth), "]".repeat(depth)),
        1 => format!("deep = {}1{}\n", "{ a = ".repeat(depth), " }".repeat(depth)),
        2 => format!("deep{} = 1\n", ".a".repeat(depth)),
        _ => format!("[deep{}]\n", ".a".repeat(depth)),
    }
}

/// One mutation of `text` (a valid plan), chosen by `kind`.
fn mutate(rng: &mut Rng, text: &str, kind: usize) -> (String, Vec<u8>, Expect) {
    let ls = lines(text);
    let assignments = simple_assignments(text);
    if text.is_empty() || (assignments.is_empty() && matches!(kind, 1 | 9)) {
        return ("nothing to mutate".into(), text.into(), Expect::Anything);
    }
    match kind {
        0 => {
            let n = 1 + rng.usize(..3);
            let mut kept = ls.clone();
            for _ in 0..n.min(kept.len()) {
                kept.remove(rng.usize(..kept.len()));
            }
            (
                format!("{n} lines deleted"),
                kept.concat().into(),
                Expect::Anything,
            )
        }
        1 => {
            let at = *pick(rng, &assignments);
            let (key, value) = ls[at].split_once(" = ").expect("an assignment");
            let value = value.split(" #").next().unwrap_or(value).trim();
            let new = other_type(rng, value);
            let mut out = ls.clone();
            let line = format!("{key} = {new}\n");
            out[at] = &line;
            (
                format!("line {}: `{key} = {value}` → `{new}`", at + 1),
                out.concat().into(),
                Expect::Schema,
            )
        }
        2 => {
            let at = rng.usize(..text.len());
            (
                format!("truncated at byte {at}"),
                text.as_bytes()[..at].to_vec(),
                Expect::Anything,
            )
        }
        3 => {
            let mut bytes = text.as_bytes().to_vec();
            let n = 1 + rng.usize(..8);
            for _ in 0..n {
                let at = rng.usize(..bytes.len());
                let byte = rng.u8(..);
                if rng.bool() {
                    bytes[at] = byte;
                } else {
                    bytes.insert(at, byte);
                }
            }
            (format!("{n} random bytes"), bytes, Expect::Anything)
        }
        4 => {
            let huge = *pick(
                rng,
                &[
                    "99999999999999999999999",
                    "9223372036854775807",
                    "-9223372036854775808",
                    "1e400",
                    "-1e308",
                    "0x7fffffffffffffff",
                    "1.7976931348623157e308",
                    "-0",
                ],
            );
            let numbers: Vec<usize> = text
                .match_indices(|c: char| c.is_ascii_digit())
                .map(|(i, _)| i)
                .filter(|&i| i == 0 || !text.as_bytes()[i - 1].is_ascii_digit())
                .collect();
            if numbers.is_empty() {
                return ("no number to change".into(), text.into(), Expect::Anything);
            }
            let at = *pick(rng, &numbers);
            let end = at
                + text[at..]
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(text.len() - at);
            let out = format!("{}{huge}{}", &text[..at], &text[end..]);
            (
                format!("number `{}` at byte {at} → {huge}", &text[at..end]),
                out.into(),
                Expect::Anything,
            )
        }
        5 => {
            let depth = *pick(rng, &[40, 200, 1000, 20_000]);
            let nested = deeply_nested(rng, depth);
            // Before the first table, so it is a key of the plan itself.
            let first_table = text.find("\n[").map_or(text.len(), |i| i + 1);
            let out = format!("{}{nested}{}", &text[..first_table], &text[first_table..]);
            (
                format!("nested {depth} deep: {}…", &nested[..20]),
                out.into(),
                Expect::Schema,
            )
        }
        6 => (
            "BOM".into(),
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
            Expect::Anything,
        ),
        7 => {
            if rng.bool() {
                (
                    "CRLF".into(),
                    text.replace('\n', "\r\n").into(),
                    Expect::Anything,
                )
            } else {
                let at = char_boundary(rng, text);
                let out = format!("{}\r{}", &text[..at], &text[at..]);
                (
                    format!("lone CR at byte {at}"),
                    out.into(),
                    Expect::Anything,
                )
            }
        }
        8 => {
            let mut bytes = text.as_bytes().to_vec();
            let at = char_boundary(rng, text);
            bytes.insert(at, 0);
            (format!("NUL at byte {at}"), bytes, Expect::Parse)
        }
        _ => {
            let at = *pick(rng, &assignments);
            let mut out = ls.clone();
            out.insert(at, ls[at]);
            (
                format!("line {} duplicated: {}", at + 1, ls[at].trim_end()),
                out.concat().into(),
                Expect::Parse,
            )
        }
    }
}

/// What the checker must report at least, judged independently of it: an oversized,
/// non-UTF-8 or non-TOML file is a `parse` finding whatever the mutation meant.
fn judge(bytes: &[u8], meant: Expect) -> Expect {
    if bytes.len() > 4 << 20 {
        return Expect::Parse;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Err(_) => Expect::Parse,
        Ok(text) if toml::de::DeTable::parse(text).is_err() => Expect::Parse,
        Ok(_) if meant == Expect::Parse => {
            panic!("a mutation meant to break the syntax left valid TOML")
        }
        Ok(_) => meant,
    }
}

/// `count` mutated files, the same ones for the same seed: each mutation kind in turn,
/// on a random original, now and then two on top of each other.
fn cases(seed: u64, count: usize) -> Vec<Case> {
    let originals = originals();
    let mut rng = Rng::with_seed(seed);
    let mut out = Vec::new();
    for n in 0..count {
        let original = pick(&mut rng, &originals);
        let object = format!("m{n:03}");
        // Mostly one mutation; now and then two on top of each other.
        let mut text = as_object(&original.text, &object);
        let mut what = Vec::new();
        let mut bytes = Vec::new();
        let mut expect = Expect::Anything;
        let rounds = if n % 7 == 6 { 2 } else { 1 };
        for round in 0..rounds {
            let (w, b, e) = mutate(&mut rng, &text, (n + round * 3) % 10);
            what.push(w);
            bytes = b;
            // A later mutation may undo an earlier one: the last one decides.
            expect = e;
            match String::from_utf8(bytes.clone()) {
                Ok(t) if !t.trim().is_empty() => text = t,
                _ => break,
            }
        }
        out.push(Case {
            expect: judge(&bytes, expect),
            what: what.join(", then "),
            object,
            bytes,
            year: original.year,
        });
    }
    out
}

/// Files no random mutation produces reliably, each made from the baseline.
fn named_cases() -> Vec<Case> {
    type Make = fn(&str) -> (Vec<u8>, Expect);
    let makers: [(&str, Make); 9] = [
        ("five-mib", |base| {
            let mut text = base.to_string();
            let padding = "# padding padding padding padding padding padding padding\n";
            while text.len() <= 5 << 20 {
                text.push_str(padding);
            }
            (text.into_bytes(), Expect::Parse)
        }),
        ("latin-1", |base| {
            // ISO 8859-1: every character below U+0100 as its own byte.
            let bytes = base
                .replace("Ladok", "Ladök")
                .chars()
                .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
                .collect();
            (bytes, Expect::Parse)
        }),
        ("empty", |_| (Vec::new(), Expect::Schema)),
        ("only-a-comment", |_| {
            (b"# tom plan\n".to_vec(), Expect::Schema)
        }),
        ("february-30", |base| {
            let text = replace_once(base, "established_on = ", "established_on = 2027-02-30\n#");
            (text.into_bytes(), Expect::Parse)
        }),
        ("bom-in-the-middle", |base| {
            let text = replace_once(base, "year = 2027\n", "year = 2027\n\u{feff}");
            (text.into_bytes(), Expect::Parse)
        }),
        ("long-comment-line", |base| {
            let text = format!("{base}\n# {}\n", "x".repeat(200_000));
            (text.into_bytes(), Expect::Anything)
        }),
        ("long-invalid-line", |base| {
            let text = format!("{base}\nnote = {}\n", "x".repeat(200_000));
            (text.into_bytes(), Expect::Parse)
        }),
        ("table-repeated", |base| {
            let text = format!("{base}\n[budget]\nhours = 1\n");
            (text.into_bytes(), Expect::Parse)
        }),
    ];
    makers
        .iter()
        .map(|(object, make)| {
            let (bytes, expect) = make(&as_object(baseline(), object));
            Case {
                what: object.to_string(),
                object: object.to_string(),
                expect: judge(&bytes, expect),
                bytes,
                year: 2027,
            }
        })
        .collect()
}

/// Runs the binary on one repository of mutated files and checks the invariants.
fn check_batch(cases: &[Case]) {
    let repo = Repo::new();
    let mut files = BTreeMap::new();
    for case in cases {
        let path = format!("objects/{}/{}.toml", case.object, case.year);
        repo.write(&path, &case.bytes);
        assert!(files.insert(path, case).is_none(), "two cases in one file");
    }

    let run = repo.plan(&["check", "--format", "json"]);
    assert_no_panic(&run, "check --format json");
    let checked = parse_check(run);
    assert_eq!(checked.summary.files, files.len(), "every file is checked");
    for f in &checked.findings {
        let case = files
            .get(&f.file)
            .unwrap_or_else(|| panic!("a finding on a file that is not there: {f:#?}"));
        let lines = case.bytes.split(|&b| b == b'\n').count();
        assert!(
            f.line >= 1 && f.line <= lines && f.column >= 1,
            "{}: a finding outside the file ({lines} lines): {f:#?}",
            case.what
        );
    }
    for (path, case) in &files {
        let mine: Vec<&Finding> = checked
            .findings
            .iter()
            .filter(|f| &f.file == path)
            .collect();
        let wanted: &[&str] = match case.expect {
            Expect::Anything => continue,
            Expect::Parse => &["parse"],
            Expect::Schema => &["parse", "schema"],
        };
        assert!(
            mine.iter().any(|f| wanted.contains(&f.rule.as_str())),
            "{path} ({}): expected a {wanted:?} finding, got {mine:#?}",
            case.what
        );
    }

    // The other readers of plan files see the same files: no panic either.
    let objects: Vec<&str> = cases
        .iter()
        .step_by(15)
        .map(|c| c.object.as_str())
        .collect();
    let mut commands: Vec<Vec<&str>> = vec![
        vec!["check"],
        vec!["check", "--format", "sarif"],
        vec!["check", "--format", "gitlab"],
        vec!["check", "--format", "junit"],
        vec!["check", "--format", "github"],
        vec!["report", "upgrades", "--year", "2027"],
        vec!["report", "deps", "--year", "2027"],
        vec!["report", "deviations", "--year", "2027"],
        vec!["report", "roles", "--year", "2027"],
        vec!["codeowners"],
    ];
    for object in &objects {
        commands.push(vec!["attest", object, "--year", "2027"]);
    }
    for args in &commands {
        let run = repo.plan(args);
        assert_no_panic(&run, &args.join(" "));
    }
    let run = repo.plan(&["new-year", "--from", "2027", "--to", "2028"]);
    assert_no_panic(&run, "new-year");
    assert_no_temporary_files(repo.path());
}

fn assert_no_panic(run: &Run, what: &str) {
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("RUST_BACKTRACE"),
        "`plan {what}` panicked:\n{}",
        run.stderr
    );
    assert!(
        [0, 1, 2].contains(&run.code),
        "`plan {what}` exited {}:\n{}",
        run.code,
        run.stderr
    );
}

#[test]
fn mutated_plan_files_never_panic_and_broken_ones_are_found() {
    let all = cases(0x5EED_2027, 300);
    // Every kind of mutation happened, and many broke the file.
    let broken = all.iter().filter(|c| c.expect != Expect::Anything).count();
    assert!(
        broken > 100,
        "only {broken} of {} cases broke the file",
        all.len()
    );
    for batch in all.chunks(75) {
        check_batch(batch);
    }
}

#[test]
fn limits_encodings_and_odd_files_never_panic_and_are_found() {
    check_batch(&named_cases());
}

// Regressions: each crash the mutation test or the fuzzers found, as the input that
// caused it.

/// An amount below -9.2e18 (beyond i64) made `budget/exceeded` panic while formatting
/// it (`i64::MIN.abs()` in `diag::amount`).
#[test]
fn amounts_beyond_any_budget_are_findings_not_a_panic() {
    let text = replace_once(baseline(), "hours = 100", "hours = -1e300");
    let text = replace_once(&text, "sek = 20000", "sek = 1e300");
    let checked = check_plan(&text);
    let said: Vec<(&str, usize, &str)> = checked
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.line, f.message.as_str()))
        .collect();
    // One problem, one finding: the negative budget is a `schema` finding, and no
    // `budget/exceeded` claims that 80 hours exceed it.
    assert_eq!(
        said,
        [
            (
                "schema",
                33,
                "`budget.hours` must be a non-negative number, found -1e300"
            ),
            (
                "budget/exceeded",
                34,
                "activities plan 1e300 sek; the budget is 50 000"
            ),
        ]
    );
    assert_eq!(checked.code, 1);
}

/// The fuzzers' corpus of single plan files (fuzz/corpus/check_file: small inputs
/// that reach every part of the checker), replayed through the real binary: one
/// repository, one object per input.
#[test]
fn the_fuzz_corpus_never_panics() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/check_file");
    let mut inputs: Vec<_> = std::fs::read_dir(&corpus)
        .expect("fuzz/corpus/check_file")
        .map(|e| e.expect("entry").path())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "the corpus is empty");
    let cases: Vec<Case> = inputs
        .iter()
        .enumerate()
        .map(|(n, path)| {
            let bytes = std::fs::read(path).expect("a corpus file");
            Case {
                what: path.display().to_string(),
                object: format!("f{n:03}"),
                expect: judge(&bytes, Expect::Anything),
                bytes,
                year: 2027,
            }
        })
        .collect();
    check_batch(&cases);
}
