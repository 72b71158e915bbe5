//! The `check_file` target: see [`plan_fuzz::check_file`].
//!
//! Under `cargo fuzz` (which sets `--cfg fuzzing`) a libFuzzer target; built
//! otherwise, a binary that replays the files or corpus folders it is given, e.g.
//! `cargo run --bin check_file -- corpus/check_file`.

#![cfg_attr(fuzzing, no_main)]

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| plan_fuzz::check_file(data));

#[cfg(not(fuzzing))]
fn main() {
    plan_fuzz::replay(plan_fuzz::check_file);
}
