//! The house drawn from its imports: a plan file flows one way (read → parse →
//! resolve → check → render, STYLE.md), so no module of `src/` may reach back into
//! one that reaches it. The only circle allowed is the usual one between `cli`
//! (the clap types) and `commands` (one file per subcommand, each with its Args).
//!
//! A module is a top-level module of the library (`src/<name>.rs` or
//! `src/<name>/`); it imports another when its code names `crate::<other>` (in a
//! `use` or in a path). Test modules (`#[cfg(test)] mod …`) are left out: a test
//! may look anywhere.
//!
//! The layers, lowest first ([`LAYERS`]; a module imports only modules of its own
//! layer or lower ones, which also keeps circles out):
//!
//! ```text
//! hash, i18n, plandiff, fsio     no module of the crate (fsio: every write)
//! layout                          the repository's layout: file names, size limit, ids
//! diag (+ diag::rules)            spans, findings, outcome, severities, the rule registry
//! schema                          role models and checklists
//! model                           plan files and plan.toml: parse(bytes), typed data, shapes
//! index, repo (+ repo::history)   what cross-object rules need; where files come from,
//!                                 and what git history says (plain data for the rules)
//! cache                           index entries kept between runs
//! settings                        plan.toml resolved (role model, checklist, severities)
//! checks                          the rules, on typed plans and plain data; never git
//! engine, output                  a whole repository checked; one renderer per format
//! report, site, rollover, scaffold, import
//! cli <-> commands                the only circle
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The one circle allowed.
const ALLOWED: [&str; 2] = ["cli", "commands"];

#[test]
fn no_import_circles_but_cli_and_commands() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = imports(&src);
    assert!(
        graph.len() > 10 && graph.values().any(|to| !to.is_empty()),
        "no modules found in {}",
        src.display()
    );
    let circles: Vec<Vec<&str>> = circles(&graph)
        .into_iter()
        .filter(|c| c[..] != ALLOWED[..])
        .collect();
    let shown: Vec<String> = circles
        .iter()
        .map(|circle| {
            let mut text = circle.join(" <-> ");
            for from in circle {
                for (to, at) in &graph[*from] {
                    if circle.contains(&to.as_str()) {
                        text.push_str(&format!("\n    {from} -> {to}: {}", at.join(", ")));
                    }
                }
            }
            text
        })
        .collect();
    assert!(
        circles.is_empty(),
        "import circles in src/ (a module reaching back into one that reaches it):\n  {}",
        shown.join("\n  ")
    );
}

/// The layers of [the module doc](self), lowest first.
const LAYERS: [&[&str]; 12] = [
    &["hash", "i18n", "plandiff", "fsio"],
    &["layout"],
    &["diag"],
    &["schema"],
    &["model"],
    &["index", "repo"],
    &["cache"],
    &["settings"],
    &["checks"],
    &["engine", "output"],
    &["report", "site", "rollover", "scaffold", "import"],
    &["cli", "commands"],
];

/// Every module is in a layer and imports nothing above its own: data flows one way
/// (read → parse → resolve → check → render).
#[test]
fn no_module_imports_a_higher_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = imports(&src);
    let layer = |m: &str| LAYERS.iter().position(|l| l.contains(&m));
    let unplaced: Vec<&String> = graph.keys().filter(|m| layer(m).is_none()).collect();
    assert!(
        unplaced.is_empty(),
        "modules in no layer of tests/it/architecture.rs: {unplaced:?}"
    );
    let mut upward = Vec::new();
    for (from, to) in &graph {
        for (to, at) in to {
            if layer(to) > layer(from) {
                upward.push(format!("{from} -> {to}: {}", at.join(", ")));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports of a higher layer (a module reaching back into one that comes after it):\n  {}",
        upward.join("\n  ")
    );
}

/// The rules judge typed plans and plain data: what git history says is read by
/// `repo::history` before, never by a rule itself.
#[test]
fn the_rules_never_open_git() {
    let checks = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/checks");
    for file in rust_files(&checks) {
        let text = std::fs::read_to_string(&file).expect("a readable source file");
        for word in ["git2", "GitRepo", "History"] {
            assert!(
                !text.contains(word),
                "{} names `{word}`: a rule gets history as plain data (repo::history)",
                file.display()
            );
        }
    }
}

/// Module → (module it imports → where: `file:line`s).
type Graph = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// The imports between the top-level modules of `src/`.
fn imports(src: &Path) -> Graph {
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("src/lib.rs");
    let modules: BTreeSet<String> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').to_string())
        .collect();
    let mut graph: Graph = modules
        .iter()
        .map(|m| (m.clone(), BTreeMap::new()))
        .collect();
    for file in rust_files(src) {
        let rel = file.strip_prefix(src).expect("under src");
        let top = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .expect("a UTF-8 path")
            .trim_end_matches(".rs")
            .to_string();
        if !modules.contains(&top) {
            continue; // main.rs, lib.rs
        }
        let text = std::fs::read_to_string(&file).expect("a readable source file");
        let lines: Vec<&str> = text.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            let code = line.trim_start();
            if code == "#[cfg(test)]"
                && lines
                    .get(n + 1)
                    .is_some_and(|next| next.trim_start().starts_with("mod "))
            {
                break;
            }
            if code.starts_with("//") {
                continue;
            }
            for to in named_modules(code) {
                if to != top && modules.contains(&to) {
                    graph
                        .get_mut(&top)
                        .expect("a module")
                        .entry(to)
                        .or_default()
                        .push(format!("src/{}:{}", rel.display(), n + 1));
                }
            }
        }
    }
    graph
}

/// The first segments of the `crate::` paths on a line, `crate::{a, b::c}` included.
fn named_modules(line: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for (at, _) in line.match_indices("crate::") {
        let before = line[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `other_crate::`, not this crate (`$crate::` is this crate)
        }
        let rest = &line[at + "crate::".len()..];
        match rest.strip_prefix('{') {
            Some(group) => {
                let group = group.split('}').next().unwrap_or_default();
                out.extend(group.split(',').map(ident));
            }
            None => out.push(ident(rest)),
        }
    }
    out.retain(|m| !m.is_empty());
    out
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a readable folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The circles of the graph: its strongly connected components of more than one
/// module (petgraph's Tarjan), each sorted.
fn circles(graph: &Graph) -> Vec<Vec<&str>> {
    let mut g = petgraph::graph::DiGraph::<&str, ()>::new();
    let nodes: BTreeMap<&str, _> = graph
        .keys()
        .map(|m| (m.as_str(), g.add_node(m.as_str())))
        .collect();
    for (from, to) in graph {
        for to in to.keys() {
            g.add_edge(nodes[from.as_str()], nodes[to.as_str()], ());
        }
    }
    petgraph::algo::tarjan_scc(&g)
        .into_iter()
        .filter(|component| component.len() > 1)
        .map(|component| {
            let mut names: Vec<&str> = component.into_iter().map(|n| g[n]).collect();
            names.sort();
            names
        })
        .collect()
}
