//! One module per subcommand: its arguments (whose doc comments are the help text)
//! and a `run` function returning the exit code.

pub mod attest;
pub mod check;
pub mod completions;
pub mod init;
pub mod new;
pub mod report;
pub mod rule;
