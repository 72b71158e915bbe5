//! The data of a plan repository: `plan.toml` and the plan files, with spans.

pub mod config;
pub mod digest;
pub mod format;
pub mod json_schema;
pub mod parse;
pub mod plan;
pub mod shape;
pub mod tree;

pub use config::Config;
pub use plan::Plan;
pub use tree::{is_blank, span_or, Sp, Tbl};
