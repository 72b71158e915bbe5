//! `upgrade/*`: planned upgrades follow the change process (handbook chapter 7).

use super::{FileCtx, Rule, Sink};
use crate::diag::{did_you_mean, Severity};
use crate::msg;
use chrono::Datelike;

pub const UNKNOWN_SYSTEM: Rule = Rule {
    id: "upgrade/unknown-system",
    severity: Severity::Error,
    summary: "upgrade of a system id the object lacks",
    doc: "An upgrade names the system it changes by its id in this plan's [[systems]]. \
          An id that is not there is a typo or a system that moved to another object, \
          and the upgrade would be missing from every schedule and dependency report. \
          Use the system's id.",
};

pub const OUTSIDE_YEAR: Rule = Rule {
    id: "upgrade/outside-year",
    severity: Severity::Error,
    summary: "upgrade date outside the plan year",
    doc: "A plan covers one year; an upgrade dated in another year belongs in that \
          year's plan. Move it, or correct the date.",
};

pub const SERVICE_WINDOW: Rule = Rule {
    id: "upgrade/service-window",
    severity: Severity::Warning,
    summary:
        "a major or minor upgrade of a system hosted internal/hybrid not on a service-window date",
    doc: "Major and minor upgrades are done in the organisation's service windows \
          (plan.toml `service_windows`, e.g. the first Saturday of the month, and \
          `service_window_dates`), when users expect disruption: \"Uppgraderingar och \
          större systemunderhåll bör alltid göras på ett servicefönster\" (handbook 000, \
          5.9). Only for systems run in-house (`hosting = \"internal\"` or \
          \"hybrid\", or no `hosting`): a supplier-run service's releases are the \
          supplier's to time — the process \"kan dock se väldigt olika ut, t ex \
          beroende på om systemet körs på LU-interna servrar eller hos leverantören\" \
          (10.1). Move the upgrade to a window, or add the date to \
          `service_window_dates` if it was agreed as an extra window. Not evaluated \
          when plan.toml defines no windows.",
};

pub const CAB: Rule = Rule {
    id: "upgrade/cab",
    severity: Severity::Error,
    summary: "a major or minor upgrade of a system hosted internal/hybrid without cab status approved/requested",
    doc: "Major and minor upgrades go through the change advisory board: upgrade \
          requests \"kommer att hamna hos LU:s Change Advisory Board (CAB) för \
          godkännande\" (handbook 000, 5.9). Only for systems run in-house (`hosting = \
          \"internal\"` or \"hybrid\", or no `hosting`): where the supplier runs the \
          system, its releases are the supplier's to time and go through no CAB of \
          ours (10.1: the process \"kan dock se väldigt olika ut, t ex beroende på om \
          systemet körs på LU-interna servrar eller hos leverantören\"). Record the \
          request or the decision: `cab = { status = \"requested\" }`, then \
          `cab = { status = \"approved\", ref = \"CHG…\" }`.",
};

pub const ANNOUNCE: Rule = Rule {
    id: "upgrade/announce",
    severity: Severity::Warning,
    summary: "announced_on missing or fewer than announce_days before the date (not for security upgrades)",
    doc: "Users and the owners of dependent systems must be told of an upgrade in good \
          time: \"uppgraderingar måste planeras och kommuniceras i förväg till alla \
          berörda parter\" (handbook 000, 5.9), at least `announce_days` (plan.toml, \
          default 7) before it. Announce it and record the day in `announced_on`. Not \
          for `kind = \"security\"`: security updates are installed \"utan onödigt \
          dröjsmål\" (5.3), not held back to be announced a week ahead.",
};

pub const UNTESTED: Rule = Rule {
    id: "upgrade/untested",
    severity: Severity::Warning,
    summary: "a major upgrade, test environment present, tested not true",
    doc: "A system with a test environment rehearses major upgrades there first. Run \
          the upgrade in the test environment and set `tested = true`.",
};

pub fn check(ctx: &FileCtx<'_>, sink: &mut Sink) {
    let plan = ctx.plan;
    let config = &ctx.settings.config;
    for up in plan.upgrades.iter().filter(|u| !u.is_cancelled()) {
        let system = up
            .system
            .as_ref()
            .and_then(|s| plan.system(&s.val).map(|sys| (s, sys)));
        if let Some(name) = &up.system {
            if system.is_none() {
                let ids = plan
                    .systems
                    .iter()
                    .filter_map(|s| s.id.as_ref())
                    .map(|i| i.val.as_str());
                let f = sink.push(
                    &UNKNOWN_SYSTEM,
                    name.span,
                    msg!("upgrades-unknown-system", system = &name.val),
                );
                if let Some(s) = did_you_mean(&name.val, ids) {
                    f.help(msg!("did-you-mean-id", name = s));
                }
            }
        }
        let system_id = up.system.as_ref().map(|s| s.val.as_str());
        let label = match system_id {
            Some(s) => msg!("upgrade-of", system = s),
            None => msg!("upgrade-any"),
        };
        let kind_label = |kind: &str| match system_id {
            Some(s) => msg!("kind-upgrade-of", kind = kind, system = s),
            None => msg!("kind-upgrade", kind = kind),
        };
        let Some(date) = &up.date else { continue };
        if date.val.year() != ctx.year {
            sink.push(
                &OUTSIDE_YEAR,
                date.span,
                msg!(
                    "upgrades-outside-year",
                    upgrade = label.clone(),
                    date = date.val.to_string(),
                    year = ctx.year
                ),
            );
        }
        // A supplier-run system's releases are the supplier's to time (handbook 10.1).
        let in_house = system.is_none_or(|(_, s)| !s.is_supplier_run());
        if up.is_significant() && in_house {
            let kind = up.kind.as_ref().map_or("", |k| k.val.as_str());
            if config.has_service_windows() && !config.is_service_window(date.val) {
                sink.push(
                    &SERVICE_WINDOW,
                    date.span,
                    msg!(
                        "upgrades-service-window",
                        upgrade = kind_label(kind),
                        date = date.val.to_string(),
                        weekday = weekday(date.val)
                    ),
                )
                .help(match next_window(config, date.val) {
                    Some(next) => msg!(
                        "upgrades-next-window",
                        date = next.to_string(),
                        weekday = weekday(next)
                    ),
                    None => msg!("upgrades-service-window.help"),
                });
            }
            let cab_ok = up
                .cab_status
                .as_ref()
                .is_some_and(|c| c.val == "approved" || c.val == "requested");
            if !cab_ok {
                let span = up.cab_status.as_ref().map_or(up.span, |c| c.span);
                sink.push(&CAB, span, msg!("upgrades-cab", upgrade = kind_label(kind)))
                    .help(msg!("upgrades-cab.help"));
            }
        }
        let days = config.announce_days;
        let security = up.kind.as_ref().is_some_and(|k| k.val == "security");
        match &up.announced_on {
            _ if security => {}
            None => {
                sink.push(
                    &ANNOUNCE,
                    up.span,
                    msg!(
                        "upgrades-announce-missing",
                        upgrade = label.clone(),
                        date = date.val.to_string()
                    ),
                )
                .help(msg!("upgrades-announce-missing.help", days = days));
            }
            Some(on) if (date.val - on.val).num_days() < days => {
                sink.push(
                    &ANNOUNCE,
                    on.span,
                    msg!(
                        "upgrades-announce-late",
                        upgrade = label.clone(),
                        ahead = (date.val - on.val).num_days(),
                        days = days
                    ),
                );
            }
            Some(_) => {}
        }
        let major = up.kind.as_ref().is_some_and(|k| k.val == "major");
        let has_test_env =
            system.is_some_and(|(_, s)| s.test_environment.as_ref().is_some_and(|t| t.val));
        if major && has_test_env && !up.tested.as_ref().is_some_and(|t| t.val) {
            let span = up.tested.as_ref().map_or(up.span, |t| t.span);
            sink.push(
                &UNTESTED,
                span,
                msg!("upgrades-untested", upgrade = kind_label("major")),
            )
            .help(msg!("upgrades-untested.help"));
        }
    }
}

/// The weekday of a date as the catalogues select on it (`mon` … `sun`).
fn weekday(date: chrono::NaiveDate) -> &'static str {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        [date.weekday().num_days_from_monday() as usize]
}

/// The first service-window date after `date`, within a year.
fn next_window(
    config: &crate::model::Config,
    date: chrono::NaiveDate,
) -> Option<chrono::NaiveDate> {
    date.iter_days()
        .skip(1)
        .take(366)
        .find(|d| config.is_service_window(*d))
}
