//! `roles/*`: who holds which governance role, as the role model requires.

use super::{FileCtx, Rule, Sink};
use crate::diag::Severity;
use crate::model::plan::Person;
use crate::msg;
use crate::schema::Presence;

pub const MISSING: Rule = Rule {
    id: "roles/missing",
    severity: Severity::Error,
    summary: "a role required by the role model (for this organisation model) is absent",
    doc: "The role model names the roles every förvaltning must have. In pm3-lu \
          (handbook 000, chapter 10): the systemägare and systemförvaltare always (\"ska \
          det dock alltid finnas en systemägare och en systemförvaltare\"), the \
          IT-systemägare in organisation models 1–3, and the IT-systemförvaltare in \
          models 2 and 3 (\"behöver det finnas IT-systemägare och IT-systemförvaltare\", \
          10.1.2, 10.1.3). In the municipal model (001 §6.2): \"Obligatoriska roller som \
          alltid ska finnas för ett förvaltningsobjekt är juridisk systemägare, \
          operativ systemägare (rollen objektägare), objektägare IT, förvaltningsledare \
          och förvaltningsledare IT\". A plan without them has nobody accountable for \
          the decisions the plan records. Add a `[roles.<id>]` table with the person's \
          name and e-mail.",
};

pub const RECOMMENDED: Rule = Rule {
    id: "roles/recommended",
    severity: Severity::Warning,
    summary: "a recommended role is absent",
    doc: "Some roles are not strictly required but the source recommends them. In \
          pm3-lu the handbook (000, 10.1) says \"Det rekommenderas starkt att alltid \
          besätta alla fyra rollerna\" and \"En LU-intern IT-systemägare behövs även för \
          hostade system\": the IT-systemägare is recommended in organisation models 4 \
          and 5, where the IT side is missing (10.1.4 warns that the systemförvaltare \
          then risks ending up \"i händerna på\" the supplier), and the \
          IT-systemförvaltare in models 1, 4 and 5. Name someone, or set the rule to \
          \"off\" in plan.toml `[rules]` if your organisation deliberately works \
          without it.",
};

pub const UNKNOWN: Rule = Rule {
    id: "roles/unknown",
    severity: Severity::Error,
    summary: "a role id the role model does not define",
    doc: "Role ids come from the repository's role model (`role_model` in plan.toml). \
          An id the model does not know is usually a typo (`systemägare` for \
          `systemagare`) or a role from another model. Use one of the model's ids; \
          `plan new` writes them all.",
};

pub const PERSON: Rule = Rule {
    id: "roles/person",
    severity: Severity::Error,
    summary: "a person without name, or a malformed email",
    doc: "Every role holder needs a name (a board or nämnd may be named instead of a \
          person), and an e-mail address, when given, must look like one: it is used to \
          reach the person and to verify who attested appendix 3. Fill in the name or \
          correct the address.",
};

pub const CONFLICT: Rule = Rule {
    id: "roles/conflict",
    severity: Severity::Warning,
    summary: "one person in two roles the model keeps apart",
    doc: "The role model lists role pairs one person should not hold together, for \
          example systemägare and IT-systemägare. The roles are not there to check each \
          other — the handbook (2.2) tells the IT-systemförvaltare and systemförvaltare \
          \"Ni är inte varandras motparter. Det är heller ingen kund- och \
          leverantörsrelation\" — but to bring two sides into one team: the business \
          (verksamheten) and IT, with \"olika bakgrunder och specialiteter\" (chapter \
          9). When one person holds both, one side is missing: where the IT-systemägare \
          has to carry the systemägare's role too, \"är risken stor att systemet inte \
          kommer att uppfylla verksamhetens behov\" (10.1.2), and a systemförvaltare \
          who is also the IT-systemförvaltare is \"lite udda i förhållande till \
          systemförvaltningsmodellen\" (10.1.3). The municipal model (001 §6.4, §6.5) \
          likewise pairs objektägare with objektägare IT and förvaltningsledare with \
          förvaltningsledare IT. The same person is recognised by e-mail, else by name. \
          Appoint someone else to one of the roles, or turn the rule off if the \
          arrangement is a deliberate, documented decision.",
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
