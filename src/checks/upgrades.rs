//! `upgrade/*`: planned upgrades follow the change process (handbook chapter 7).

use super::{FileCtx, Sink};
use crate::diag::did_you_mean;
use crate::diag::rules::upgrades::{
    ANNOUNCE, CAB, OUTSIDE_YEAR, SERVICE_WINDOW, UNKNOWN_SYSTEM, UNTESTED,
};
use crate::model::span_or;
use crate::msg;
use chrono::Datelike;

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
                let span = span_or(&up.cab_status, up.span);
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
            let span = span_or(&up.tested, up.span);
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
