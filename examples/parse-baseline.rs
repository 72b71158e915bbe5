//! The reference the benchmark compares `plan check` with: every file under
//! `objects/` of a plan repository read and parsed, single-threaded, as an untyped
//! table with `toml::from_str::<toml::Table>` — syntax only, no schema, no rules.
//!
//! ```sh
//! cargo run --release --example parse-baseline -- /tmp/plans-10k
//! ```

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            files(&entry.path(), out)?;
        } else {
            out.push(entry.path());
        }
    }
    Ok(())
}

fn main() {
    let Some(repo) = std::env::args_os().nth(1) else {
        eprintln!("usage: parse-baseline REPO");
        std::process::exit(2);
    };
    let start = std::time::Instant::now();
    let mut paths = Vec::new();
    if let Err(e) = files(&Path::new(&repo).join("objects"), &mut paths) {
        eprintln!("parse-baseline: {e}");
        std::process::exit(2);
    }
    paths.sort();
    let (mut bytes, mut keys, mut errors) = (0usize, 0usize, 0usize);
    for path in &paths {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(_) => {
                errors += 1;
                continue;
            }
        };
        bytes += text.len();
        match toml::from_str::<toml::Table>(&text) {
            Ok(table) => keys += table.len(),
            Err(_) => errors += 1,
        }
    }
    eprintln!(
        "parse-baseline: {} files, {:.1} MB, {keys} top-level keys, {errors} unreadable, {:.3} s",
        paths.len(),
        bytes as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
}
