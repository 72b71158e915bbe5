//! The fuzz targets (fuzz/src/lib.rs, outside the workspace) compiled into the test
//! binary and fed their whole corpus (fuzz/corpus/<target>/): a change to the
//! library the targets no longer build against fails here, and so does an input
//! that once passed and now panics. CI builds the fuzz crate itself as well
//! (`.ci/run`).

#[path = "../../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod plan_fuzz;

use std::path::Path;

/// Every input of a target's corpus through the target; a panic fails the test.
fn replay(target: &str, run: fn(&[u8])) {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let inputs = plan_fuzz::inputs(&corpus);
    assert!(inputs.len() > 1, "the {target} corpus is empty");
    for input in inputs {
        let bytes = std::fs::read(&input).expect("a corpus file");
        run(&bytes);
    }
}

#[test]
fn the_check_file_corpus_replays() {
    replay("check_file", plan_fuzz::check_file);
}

#[test]
fn the_repo_corpus_replays() {
    replay("repo", plan_fuzz::repo);
}

#[test]
fn the_writes_corpus_replays() {
    replay("writes", plan_fuzz::writes);
}
