//! End-to-end tests: the real `plan` binary run on real temporary plan repositories.
//! One test binary for all of them, so the build stays fast.

mod attestations;
mod bad_inputs;
mod baseline;
mod browser;
mod cache;
mod changed_since;
mod ci_formats;
mod commands;
mod examples;
mod exit_codes;
mod files;
mod first_hour;
mod fuzz;
mod git;
mod governance;
mod history;
mod hook;
mod import;
mod language;
mod new_year;
mod output;
mod readme;
mod register;
mod robustness;
mod rules_appendix3;
mod rules_decision;
mod rules_plan;
mod rules_roles;
mod safety;
mod schema;
mod site;
mod snapshots;
mod support;
mod writes;
