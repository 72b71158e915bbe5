//! The `writes` target: see [`plan_fuzz::writes`].
//!
//! Under `cargo fuzz` (which sets `--cfg fuzzing`) a libFuzzer target; built
//! otherwise, a binary that replays the files or corpus folders it is given, e.g.
//! `cargo run --bin writes -- corpus/writes`.

#![cfg_attr(fuzzing, no_main)]

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| plan_fuzz::writes(data));

#[cfg(not(fuzzing))]
fn main() {
    plan_fuzz::replay(plan_fuzz::writes);
}
