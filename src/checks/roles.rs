//! `roles/*`: who holds which governance role, as the role model requires.

use super::{FileCtx, Rule, Sink};
use crate::diag::Severity;
use crate::model::plan::Person;
use crate::msg;
use crate::schema::Presence;

pub const MISSING: Rule = Rule {
    id: "roles/missing",
    severity: Severity::Error,
};

pub const RECOMMENDED: Rule = Rule {
    id: "roles/recommended",
    severity: Severity::Warning,
};

pub const UNKNOWN: Rule = Rule {
    id: "roles/unknown",
    severity: Severity::Error,
};

pub const PERSON: Rule = Rule {
    id: "roles/person",
    severity: Severity::Error,
};

pub const CONFLICT: Rule = Rule {
    id: "roles/conflict",
    severity: Severity::Warning,
};

pub fn check(ctx: &FileCtx<'_>, sink: &mut Sink) {
    let model = &ctx.settings.roles;
    let plan = ctx.plan;
    if model.uses_organisation_model && plan.organisation_model.is_none() {
        sink.push(
            &super::schema::SCHEMA,
            crate::diag::Span::START,
            msg!("roles-organisation-model", model = &model.name),
        )
        .help(msg!("roles-organisation-model.help"));
    }
    for (role, presence) in plan.absent_roles(model) {
        let label = model.describe(&role.id);
        let (rule, id) = match presence {
            Presence::Required => (&MISSING, "roles-missing"),
            Presence::Recommended => (&RECOMMENDED, "roles-recommended"),
            Presence::Optional => continue,
        };
        sink.push(rule, plan.roles_span, msg!(id, role = label))
            .help(msg!("roles-missing.help", id = &role.id));
    }
    for holders in &plan.roles {
        if model.role(&holders.id).is_none() {
            let f = sink.push(
                &UNKNOWN,
                holders.id.span,
                msg!("roles-unknown", model = &model.name, role = &holders.id.val),
            );
            let ids: Vec<&str> = model.roles.iter().map(|r| r.id.as_str()).collect();
            super::help_with_id(
                f,
                &holders.id,
                &ids,
                msg!("roles-unknown.help", model = &model.name),
            );
        }
        for person in &holders.people {
            check_person(person, &holders.id, sink);
        }
    }
    for person in &plan.reference_group {
        check_person(person, "reference_group", sink);
    }
    for pair in &model.separate {
        let [a, b] = &pair.roles;
        let (Some(ha), Some(hb)) = (plan.holders(a), plan.holders(b)) else {
            continue;
        };
        for pa in &ha.people {
            if let Some(pb) = hb.people.iter().find(|pb| same_person(pa, pb)) {
                let who = pb.name.as_ref().map_or(msg!("roles-same-person"), |n| {
                    crate::i18n::Msg::verbatim(n.val.as_str())
                });
                sink.push(
                    &CONFLICT,
                    pb.span,
                    msg!(
                        "roles-conflict",
                        who = who,
                        first = model.describe(a),
                        second = model.describe(b)
                    ),
                )
                // The role model's own words (its `reason`), as the repository wrote them.
                .help(crate::i18n::Msg::verbatim(pair.reason.as_str()));
            }
        }
    }
}

fn check_person(person: &Person, role: &str, sink: &mut Sink) {
    match &person.name {
        Some(name) if !name.val.trim().is_empty() => {}
        Some(name) => {
            sink.push(
                &PERSON,
                name.span,
                msg!("roles-person-empty-name", role = role),
            );
        }
        None => {
            sink.push(
                &PERSON,
                person.span,
                msg!("roles-person-no-name", role = role),
            )
            .help(msg!("roles-person-no-name.help"));
        }
    }
    if let Some(email) = &person.email {
        if !is_email(&email.val) {
            sink.push(
                &PERSON,
                email.span,
                msg!("roles-person-email", role = role, email = &email.val),
            );
        }
    }
}

/// A plausible address: one `@`, a local part, a dotted domain, no spaces.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c == ',' || c == ';')
}

fn same_person(a: &Person, b: &Person) -> bool {
    // An empty address (a placeholder `plan new` writes) identifies nobody.
    fn email(p: &Person) -> Option<&str> {
        p.email
            .as_ref()
            .map(|e| e.val.trim())
            .filter(|e| !e.is_empty())
    }
    match (email(a), email(b)) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => match (&a.name, &b.name) {
            (Some(x), Some(y)) => !x.val.trim().is_empty() && x.val.trim() == y.val.trim(),
            _ => false,
        },
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn emails() {
        assert!(super::is_email("karin.ek@example.se"));
        assert!(!super::is_email("karin.ek@example"));
        assert!(!super::is_email("karin ek@example.se"));
        assert!(!super::is_email("@example.se"));
    }
}
