//! One module per subcommand: its arguments (whose doc comments are the help text)
//! and a `run` function returning the exit code.

pub mod attest;
pub mod check;
pub mod codeowners;
pub mod completions;
pub mod diff;
pub mod hook;
pub mod import;
pub mod init;
pub mod log;
pub mod new;
pub mod new_year;
pub mod report;
pub mod rule;
pub mod schema;
pub mod site;
