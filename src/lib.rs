//! `plan`: förvaltningsplaner as code. The library behind the `plan` binary.

pub mod cache;
pub mod checks;
pub mod cli;
pub mod commands;
pub mod diag;
pub mod engine;
pub mod fsio;
pub mod hash;
pub mod i18n;
pub mod import;
pub mod index;
pub mod layout;
pub mod model;
pub mod output;
pub mod plandiff;
pub mod repo;
pub mod report;
pub mod rollover;
pub mod scaffold;
pub mod schema;
pub mod settings;
pub mod site;
