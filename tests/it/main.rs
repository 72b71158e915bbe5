//! End-to-end tests: the real `plan` binary run on real temporary plan repositories.
//! One test binary for all of them, so the build stays fast.

mod baseline;
mod commands;
mod examples;
mod exit_codes;
mod files;
mod output;
mod rules_appendix3;
mod rules_plan;
mod rules_roles;
mod support;
