//! The `repo` target: see [`plan_fuzz::repo`].
//!
//! Under `cargo fuzz` (which sets `--cfg fuzzing`) a libFuzzer target; built
//! otherwise, a binary that replays the files or corpus folders it is given, e.g.
//! `cargo run --bin repo -- corpus/repo`.

#![cfg_attr(fuzzing, no_main)]

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| plan_fuzz::repo(data));

#[cfg(not(fuzzing))]
fn main() {
    plan_fuzz::replay(plan_fuzz::repo);
}
