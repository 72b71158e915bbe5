# The rules' documentation (`plan rule`, SARIF): for each rule `.summary` (when it
# fires, one line) and `.doc` (what it means, why it matters and how to fix it).
# The id is the rule's id with `/` replaced by `-`. A new rule needs both here and in
# i18n/sv/rules.ftl (a test makes sure).

rule-parse =
    .summary = not valid TOML (also: not UTF-8, or too large)
    .doc = The file could not be read as TOML, so nothing else in it was checked. The finding points at the first place the parser could not understand. Common causes: a missing quote or bracket, a key defined twice, a table header repeated, a file saved in another encoding than UTF-8. Fix the syntax and run `plan check` again; the other rules then run on the file.

rule-schema =
    .summary = unknown key, wrong type, bad enum value or date
    .doc = Every key of a plan file is defined by the format (SPEC section 3). A key the format does not know is usually a typo and would otherwise be silently ignored, so it is reported with the closest known key. Values must have the documented type: dates are written without quotes (2027-03-06), statuses and kinds are one of their listed words, classifications are 0–3. Fix the key or value the finding points at; `plan schema` prints the full format.

rule-layout =
    .summary = path not objects/<object>/<year>.toml, object/year disagree with it, or duplicate system ids
    .doc = Each plan is one file, `objects/<object>/<year>.toml`: the folder is the management object's id (lowercase a–z, digits and `-`, at most 63 characters) and the file name its four-digit year. Anything else under `objects/` is reported rather than skipped, so a misnamed file is never silently left unchecked. Inside the file, `object` and `year` must repeat the path, and system ids must be unique within the object. Rename or move the file, or fix the value the finding points at.

rule-roles-missing =
    .summary = a role required by the role model (for this organisation model) is absent
    .doc = The role model names the roles every förvaltning must have. In pm3-lu (handbook 000, chapter 10): the systemägare and systemförvaltare always ("ska det dock alltid finnas en systemägare och en systemförvaltare"), the IT-systemägare in organisation models 1–3, and the IT-systemförvaltare in models 2 and 3 ("behöver det finnas IT-systemägare och IT-systemförvaltare", 10.1.2, 10.1.3). In the municipal model (001 §6.2): "Obligatoriska roller som alltid ska finnas för ett förvaltningsobjekt är juridisk systemägare, operativ systemägare (rollen objektägare), objektägare IT, förvaltningsledare och förvaltningsledare IT". A plan without them has nobody accountable for the decisions the plan records. Add a `[roles.<id>]` table with the person's name and e-mail.

rule-roles-recommended =
    .summary = a recommended role is absent
    .doc = Some roles are not strictly required but the source recommends them. In pm3-lu the handbook (000, 10.1) says "Det rekommenderas starkt att alltid besätta alla fyra rollerna" and "En LU-intern IT-systemägare behövs även för hostade system": the IT-systemägare is recommended in organisation models 4 and 5, where the IT side is missing (10.1.4 warns that the systemförvaltare then risks ending up "i händerna på" the supplier), and the IT-systemförvaltare in models 1, 4 and 5. Name someone, or set the rule to "off" in plan.toml `[rules]` if your organisation deliberately works without it.

rule-roles-unknown =
    .summary = a role id the role model does not define
    .doc = Role ids come from the repository's role model (`role_model` in plan.toml). An id the model does not know is usually a typo (`systemägare` for `systemagare`) or a role from another model. Use one of the model's ids; `plan new` writes them all.

rule-roles-person =
    .summary = a person without name, or a malformed email
    .doc = Every role holder needs a name (a board or nämnd may be named instead of a person), and an e-mail address, when given, must look like one: it is used to reach the person and to verify who attested bilaga 3. Fill in the name or correct the address.

rule-roles-conflict =
    .summary = one person in two roles the model keeps apart
    .doc = The role model lists role pairs one person should not hold together, for example systemägare and IT-systemägare. The roles are not there to check each other — the handbook (2.2) tells the IT-systemförvaltare and systemförvaltare "Ni är inte varandras motparter. Det är heller ingen kund- och leverantörsrelation" — but to bring two sides into one team: the business (verksamheten) and IT, with "olika bakgrunder och specialiteter" (chapter 9). When one person holds both, one side is missing: where the IT-systemägare has to carry the systemägare's role too, "är risken stor att systemet inte kommer att uppfylla verksamhetens behov" (10.1.2), and a systemförvaltare who is also the IT-systemförvaltare is "lite udda i förhållande till systemförvaltningsmodellen" (10.1.3). The municipal model (001 §6.4, §6.5) likewise pairs objektägare with objektägare IT and förvaltningsledare with förvaltningsledare IT. The same person is recognised by e-mail, else by name. Appoint someone else to one of the roles, or turn the rule off if the arrangement is a deliberate, documented decision.

rule-appendix3-missing =
    .summary = a system without a bilaga 3 section (error if established/revised, else warning)
    .doc = Every system in a förvaltningsplan has a bilaga 3 (appendix 3; Infosäk KD at Lund): the checklist of information-security measures for continuity and operation that the attesting role signs (handbook chapters 5, 8 and 9). An established plan without it is incomplete; in a draft it is a reminder. Add `[systems.appendix3.answers]` under the system; `plan new` writes every question.

rule-appendix3-unanswered =
    .summary = a checklist question without an answer (error if established/revised, else warning)
    .doc = Each checklist question needs an answer: yes, no, partial or na. An unanswered question is neither a confirmed measure nor a reported deviation, which is exactly the gap the checklist exists to close. Answer it; `plan rule` and the checklist in schema/ give each question's text and reference.

rule-appendix3-unknown-question =
    .summary = an answer to a question the checklist lacks
    .doc = Answers are keyed by the checklist's question ids. An id the checklist does not have is usually a typo, and the real question then stays unanswered. Use the id the suggestion names, or remove the answer.

rule-appendix3-deviation-incomplete =
    .summary = a no/partial answer without deviation, action, owner or due
    .doc = A `no` or `partial` answer is a deviation (avvikelse), and the handbook asks for it to be described and handled: what is missing (deviation), what will be done (action), who is responsible (owner, a role id) and by when (due). Write the answer as a table: `mfa = {"{"} answer = "no", deviation = "…", action = "…", owner = "systemforvaltare", due = 2027-06-30, reported_to = [...] {"}"}`.

rule-appendix3-not-reported =
    .summary = a deviation whose reported_to lacks a role the model requires
    .doc = Deviations in bilaga 3 must be reported to the roles the role model names; where the model gives a list, the first role of it held in the plan. pm3-lu (handbook 000, chapter 8): "så måste du informera både din systemförvaltare och din IT-systemägare om detta" — where the plan holds no IT-systemägare, the systemägare instead. Municipal (001 §6.3, §6.5): "Rapportera avvikelser från förvaltningsplan till styrgruppen", that is the objektägare and the objektägare IT (§6.4). `reported_to` records that this happened. Report the deviation and add the missing role ids to `reported_to`.

rule-appendix3-deviation-role =
    .summary = a deviation's owner is not a role held in this plan, or a reported_to entry is not a role of the model
    .doc = A deviation names who handles it (`owner`) and whom it was reported to (`reported_to`), both as role ids. The handbook (000, chapter 8) asks that deviations reach named roles — "så måste du informera både din systemförvaltare och din IT-systemägare om detta" — and the municipal model (001 §6.3) that they are reported "till styrgruppen". An owner nobody holds in this plan, or a `reported_to` id the role model does not have (a typo such as `objektagare-it` for `objektagare_it`, or a title like `brandvaggsansvarig`), means the deviation has no one to answer for it or was reported to nobody the model knows. Use a role id held in the plan's [roles] for `owner`, and role ids of the model in `reported_to`.

rule-appendix3-na-unjustified =
    .summary = `na` without justification
    .doc = `na` (not applicable) claims that a measure is irrelevant to this system, which a reader cannot tell from the answer alone. Say why: `test_environment = {"{"} answer = "na", justification = "SaaS, leverantören testar" {"}"}`.

rule-appendix3-not-attested =
    .summary = no attestation (error if established/revised, else warning)
    .doc = Bilaga 3 is signed by the attesting role (pm3-lu: the IT-systemägare, who "undertecknar och intygar att uppgifterna i bilaga 3 till planen är korrekta", handbook 000 chapter 9; the systemägare where the plan holds no IT-systemägare), who thereby vouches that the answers are correct. An established plan needs that signature. Once the answers are final, the attesting person runs `plan attest OBJECT --system S --year Y`, which records attested_by, attested_on, the digest and signed_by (the git e-mail of whoever ran it).

rule-appendix3-wrong-attester =
    .summary = attested_by is not the model's attesting role
    .doc = Only the role the role model names may attest bilaga 3: of the model's attester list, the first role held in the plan. In pm3-lu that is the IT-systemägare (handbook 000, chapter 9: "IT-systemägaren är den som undertecknar och intygar att uppgifterna i bilaga 3 till planen är korrekta"), and the systemägare where the plan holds no IT-systemägare (organisation models 4 and 5 often have none, 10.1.4–10.1.5). In the municipal model it is the objektägare IT, by convention (001 has no bilaga 3; the role answers for "Att IT-stöden följer gällande lagar och förordningar", §6.4). An attestation by another role does not count. Have the right role attest with `plan attest`.

rule-appendix3-stale =
    .summary = digest does not match the answers
    .doc = `plan attest` records a digest of the answers as they were when attested. When an answer changes afterwards, the signature no longer covers what the file says. Formatting and comments do not affect the digest; only the answers do. Where git history holds the version that was attested, the message names the answers that changed since. Review the changed answers and attest again with `plan attest`.

rule-appendix3-overdue =
    .summary = a deviation's due date is before today
    .doc = The action for a deviation was due before today (or `--today`). Either the measure is now in place (answer `yes` and attest again), or the deviation needs a new due date and a word to the roles it is reported to.

rule-appendix3-attester-mismatch =
    .summary = with --verify-attestations: the attestation was not signed and committed by a holder of the attesting role that someone else appointed
    .doc = `plan attest` writes who attested (a role), when, a digest of the answers and `signed_by`, the git e-mail of the person who ran it; anyone could type those lines. With `--verify-attestations`, git history shows the commit that last changed any of them, and the plan as it was just before that commit names the holder of the attesting role. The attestation counts when `signed_by` and the commit's author are both that holder's e-mail, and the holder did not appoint themselves (the commit that last set the role's e-mail was authored by someone else). So changing the holder and attesting in one commit fails, as does an attestation copied from another system or year, or committed by someone else. The handbook (000, ch. 9): "IT-systemägaren är den som undertecknar och intygar att uppgifterna i bilaga 3 till planen är korrekta"; the signature is theirs to give. Fix: the holder runs `plan attest` and commits it under their own e-mail (a re-run replaces `signed_by`, so there is always something to commit); a wrong holder is corrected by someone else (the förvaltare) in a commit of their own first. Git author e-mails are claims: protect the branch, require code owner approval (`plan codeowners`) and signed commits on the forge so they can be trusted.

rule-deps-unknown =
    .summary = depends_on or integration source names no object/system planned that year
    .doc = A dependency or integration source names an object (`"lucat"`) or one of its systems (`"eduroam/radius"`) that has no plan for the same year. Either the name is wrong, or the other object's plan for the year is missing, and then nobody will warn this förvaltning about that system's upgrades. Correct the reference, or add the other object's plan.

rule-deps-cycle =
    .summary = objects depending on each other in a circle
    .doc = Objects that depend on each other in a circle cannot be upgraded or restarted one at a time without affecting each other, and a failure in one can spread around the circle. One finding is made per group of objects that reach each other, on the alphabetically first object's plan, naming one circle through the group. Break the circle if the dependency is not real, or make sure the continuity plans of the objects cover the group together.

rule-deps-retired =
    .summary = depends on a retired system
    .doc = A system depends on (or fetches data from) a system whose lifecycle is `retired`. The dependency must move to the system that replaced it, or be removed.

rule-integration-contract =
    .summary = an integration without contract, or with personal data but no legal_basis or no purpose
    .doc = Every integration, data one system fetches from another, is governed by an informationskontrakt that says what is shared, why and under which conditions (handbook: integrations need agreements between the förvaltningar). When the data includes personal data, the processing also needs a legal basis under the GDPR (allmänt intresse, rättslig förpliktelse, avtal…) and a purpose (ändamål): the contract "anger vilken data som hämtas och varför. Varför-delen är extra viktig då den hämtade datamängden innehåller personuppgifter" (handbook 000, 5.6). Add `contract = "…"` with the contract's reference, and `legal_basis` and `purpose` when `personal_data = true`.

rule-upgrade-unknown-system =
    .summary = upgrade of a system id the object lacks
    .doc = An upgrade names the system it changes by its id in this plan's [[systems]]. An id that is not there is a typo or a system that moved to another object, and the upgrade would be missing from every schedule and dependency report. Use the system's id.

rule-upgrade-outside-year =
    .summary = upgrade date outside the plan year
    .doc = A plan covers one year; an upgrade dated in another year belongs in that year's plan. Move it, or correct the date.

rule-upgrade-service-window =
    .summary = a major or minor upgrade of a system hosted internal/hybrid not on a service-window date
    .doc = Major and minor upgrades are done in the organisation's service windows (plan.toml `service_windows`, e.g. the first Saturday of the month, and `service_window_dates`), when users expect disruption: "Uppgraderingar och större systemunderhåll bör alltid göras på ett servicefönster" (handbook 000, 5.9). Only for systems run in-house (`hosting = "internal"` or "hybrid", or no `hosting`): a supplier-run service's releases are the supplier's to time — the process "kan dock se väldigt olika ut, t ex beroende på om systemet körs på LU-interna servrar eller hos leverantören" (10.1). Move the upgrade to a window, or add the date to `service_window_dates` if it was agreed as an extra window. Not evaluated when plan.toml defines no windows.

rule-upgrade-cab =
    .summary = a major or minor upgrade of a system hosted internal/hybrid without cab status approved/requested
    .doc = Major and minor upgrades go through the change advisory board: upgrade requests "kommer att hamna hos LU:s Change Advisory Board (CAB) för godkännande" (handbook 000, 5.9). Only for systems run in-house (`hosting = "internal"` or "hybrid", or no `hosting`): where the supplier runs the system, its releases are the supplier's to time and go through no CAB of ours (10.1: the process "kan dock se väldigt olika ut, t ex beroende på om systemet körs på LU-interna servrar eller hos leverantören"). Record the request or the decision: `cab = {"{"} status = "requested" {"}"}`, then `cab = {"{"} status = "approved", ref = "CHG…" {"}"}`.

rule-upgrade-announce =
    .summary = announced_on missing or fewer than announce_days before the date (not for security upgrades)
    .doc = Users and the owners of dependent systems must be told of an upgrade in good time: "uppgraderingar måste planeras och kommuniceras i förväg till alla berörda parter" (handbook 000, 5.9), at least `announce_days` (plan.toml, default 7) before it. Announce it and record the day in `announced_on`. Not for `kind = "security"`: security updates are installed "utan onödigt dröjsmål" (5.3), not held back to be announced a week ahead.

rule-upgrade-untested =
    .summary = a major upgrade, test environment present, tested not true
    .doc = A system with a test environment rehearses major upgrades there first. Run the upgrade in the test environment and set `tested = true`.

rule-upgrade-clash =
    .summary = upgrades on the same date of two systems where one depends on the other
    .doc = Two systems are upgraded on the same day although one depends on the other. If either upgrade goes wrong, it is hard to tell which one broke the service, and the dependent system may be tested against a dependency that is about to change. Move one of the upgrades to another service window, or plan them as one coordinated change.

rule-activity-owner =
    .summary = owner is not a role held in this plan
    .doc = An activity's owner is a role id (e.g. `systemforvaltare`) that someone holds in this plan's [roles], so it is clear who answers for it. Use a role that is present, or appoint someone to the role.

rule-activity-dates =
    .summary = end before start, or outside the plan year
    .doc = An activity's dates must be in order and inside the plan year. An activity carried over from an earlier year (`carried_from`) may keep its earlier dates as history. Correct the dates, or move the activity to its year's plan.

rule-activity-overdue =
    .summary = end before today and status planned/ongoing
    .doc = The activity should have ended but is still planned or ongoing. Mark it done, postponed or cancelled, or give it a new end date.

rule-budget-exceeded =
    .summary = activity hours or sek sum above the budget
    .doc = The planned hours and costs of the year's activities (all but cancelled ones) add up to more than `[budget]` allows. Either the budget needs to grow, which the systemägare decides, or activities must be cut or postponed.

rule-plan-established-incomplete =
    .summary = established/revised without established_on
    .doc = A fastställd (established) or reviderad (revised) plan records the day it was decided, in `established_on`: the handbook has the plan revised and established every November–December, and the date shows which decision is in force. Add the date, or set status = "draft" while the plan is a proposal.

rule-plan-established-by =
    .summary = established/revised, and established_by is missing or lacks a role of the model's `establishes`
    .doc = A plan is fastställd by the roles the role model names in `establishes`: "Det är systemägaren som fastställer planen" (handbook 000, chapter 9); in a kommun the objektägare "fastställer förvaltningsplanen tillsammans med objektägare IT" (document 001, 6.2 and 6.4). `established_by` records who made the decision, so a reader can tell a fastställd plan from one that was only marked so. Write the roles, e.g. `established_by = ["systemagare"]`, and the decision's `diarienummer` if it was registered. Not evaluated when the role model names no `establishes`.

rule-plan-established-date =
    .summary = established_on before 1 January of the year before the plan year, or after the plan year's end
    .doc = A plan for a year is fastställd before that year starts, usually in November–December (handbook 000, chapter 9: "En årligen återkommande … arbetsuppgift är att medverka i färdigställandet av nästa års förvaltningsplan"), or revised during it. A date earlier than the year before the plan year, or after the plan year, is a typo (2207 for 2027) or a decision about another plan. Correct the date.

rule-plan-draft-in-year =
    .summary = still draft on or after 1 January of the plan year
    .doc = The förvaltningsplan is fastställd before its year starts (handbook 000, chapter 9; document 001, 6.2: the objektägare answers for "att aktuell förvaltningsplan finns framtagen"). A plan still a draft (förslag) once its year has begun means the year's work runs without a decision: the steering group should hear of it. Have the plan fastställd and set status = "established", established_on and established_by.

rule-plan-description-missing =
    .summary = established/revised without description
    .doc = The förvaltningsplan "definierar både systemets uppgift – i vilken omgivning det verkar och vilken verksamhet det förväntas stödja – och förvaltningsorganisationens uppgifter" (handbook 000, 6.5). A fastställd plan without `description` leaves out the first half of that agreement. Write a few plain sentences in the users' words: what the system does and for whom, e.g. `description = "Studiedokumentation för alla studenter: kurser, resultat, examina."`.

rule-contract-expiring =
    .summary = a system's contract ends, or must be given notice, within the plan year
    .doc = A supplier contract that ends during the plan year needs a decision in time: extend, procure anew, or phase the system out. With an uppsägningstid (`notice_months`) the decision is due earlier: a contract ending in March 2028 with six months' notice must be acted on by September 2027, so the 2027 plan is where it belongs. The systemägare "bör vara insatt i vad som står i ev. avtal med externa parter" (handbook 000, chapter 9); in a kommun the objektägare signs and follows up the supplier contracts (document 001, 6.2, 6.4). Public procurement takes months, so the plan should hold an activity for it. Record the decision and the new end date once it is made.

rule-contract-dpa =
    .summary = personal data processed by an external or hybrid supplier without a signed personuppgiftsbiträdesavtal
    .doc = A supplier that runs a system holding personal data (`hosting = "external"` or `"hybrid"`, `personal_data = true`) processes that data on the organisation's behalf: GDPR article 28 requires a personuppgiftsbiträdesavtal (data processing agreement). The handbook asks that "LU behöver veta exakt i vilka system som personuppgifter lagras" (000, 5.6), and the objektägare answers for the system being used within "tecknade avtal" (001, 6.2). Sign the agreement and record it: `contract = {"{"} …, dpa = true {"}"}`.
