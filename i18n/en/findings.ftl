# The findings of `plan check`: each rule's message and its help (`.help`, or a
# message of its own where the help depends on the case). English.
# Values in backquotes are ids, keys and values as written in the plan files.

# A text the same in every language: another program's words, or a text from the
# repository's own configuration.
verbatim = { $text }

## layout

layout-link-loop = a link loop: this folder was already visited
layout-name-not-utf8 = file name is not valid UTF-8
layout-dangling-link = a link to nothing
layout-objects-not-folder = `objects` must be a folder
layout-symlink-in-git = a symbolic link; links are not followed
layout-submodule = a git submodule, not a plan file
layout-link-to-root = a link back up to the repository's root: plans are not looked for above objects/
layout-link-up = a link back up to { $folder }: plans are not looked for above objects/
layout-link-into-git = a link into .git: plans are never looked for in git's own folder
layout-fifo = a FIFO (named pipe), not a file: plans are regular files
layout-socket = a socket, not a file: plans are regular files
layout-device = a device, not a file: plans are regular files
layout-not-regular = not a regular file: plans are regular files
layout-temporary-file = a temporary file left by an interrupted `plan` write: the plan beside it is intact; delete this file
layout-object-folder-id = object folder `{ $folder }` is not a valid id (lowercase a–z, digits and `-`); rename it, e.g. to `{ $suggestion }`
layout-file-name = `{ $file }` is not a plan file name: expected `<year>.toml`, e.g. `2027.toml`
layout-directly-under-objects = files directly under objects/ are not plans: expected objects/<object>/<year>.toml
layout-too-deep = too deep: plan files are objects/<object>/<year>.toml
layout-not-under-objects = not under objects/
layout-object-mismatch = `object = "{ $written }"` but the file is in objects/{ $folder }/
    .help = write object = "{ $folder }", or move the file
layout-year-mismatch = `year = { $written }` but the file is { $year }.toml
    .help = write year = { $year }, or rename the file
layout-system-twice = system id `{ $system }` is used twice in this object
    .help = give each [[systems]] entry its own id

## activities/*

activities-owner = activity { $activity }: owner `{ $owner }` is not a role held in this plan
    .help = roles held here: { $roles }
activities-dates-order = activity { $activity } ends { $end } before it starts { $start }
activities-dates-year = activity { $activity }: { $date } is outside the plan year { $year }
activities-overdue = activity { $activity } was to end { $end } and is still { $status }

## budget/exceeded

budget-exceeded = activities plan { $planned } { $unit }; the budget is { $budget }

## contract/*

contract-expiring-notice = the contract for `{ $system }` ends { $ends } with { $months } months' notice: notice must be given by { $by }
    .help = plan an activity to decide on extension or procurement before that date
contract-expiring = the contract for `{ $system }` ends { $ends }
    .help = plan an activity for extension or procurement
contract-expiring-late = notice was due by { $by }; plan an activity for extension or procurement
contract-dpa = `{ $system }` is hosted { $hosting } and processes personal data, but its contract records no signed personuppgiftsbiträdesavtal
    .help = sign a personuppgiftsbiträdesavtal with the supplier (GDPR art. 28) and add dpa = true to the contract
contract-dpa-no-contract = add contract = {"{"} id = "…", ends = …, dpa = true {"}"} once the personuppgiftsbiträdesavtal is signed (GDPR art. 28)

## integrations/contract

integrations-contract = integration `{ $system }` ← `{ $source }` has no information contract
    .help = add contract = "<informationskontrakt id>"
integrations-legal-basis = integration `{ $system }` ← `{ $source }` carries personal data without a legal basis
    .help = add legal_basis = "…" (e.g. "allmänt intresse", "rättslig förpliktelse", "avtal")
integrations-purpose = integration `{ $system }` ← `{ $source }` carries personal data without a purpose
    .help = add purpose = "…": why the data is fetched (ändamål), e.g. "Inloggning och kontaktuppgifter"

## appendix3/attester-mismatch (plan check --verify-attestations)

list-join = { $first }{ $sep }{ $rest }
verify-uncommitted = the attestation of `{ $system }` is not committed yet, so who signed it cannot be verified
    .help = the attesting person runs `{ $command }` and commits it under their own e-mail
verify-created = the attestation of `{ $system }` was set in commit { $commit } by { $author }, which also created { $path }, so no holder of the attesting role had been appointed before it
    .help = commit the plan with its roles first; then the attesting role's holder runs `{ $command }` and commits that under their own e-mail
verify-problem-no-email = { $role } had no e-mail in the plan before that commit
verify-problem-author = the commit's author { $author } is not the holder
verify-problem-unsigned = it has no signed_by
verify-problem-signer = it is signed by { $signer }, not by the holder
verify-problem-changed = the same commit changed { $role } to { $holders }
verify-problem-changed-to-nobody = the same commit changed { $role } to nobody
verify-problem-self-appointed = { $by } appointed themselves: commit { $commit } by { $by } set the e-mail of { $role }
verify-nobody-with-email = nobody with an e-mail
verify-mismatch = the attestation of `{ $system }` (attested_by = "{ $attested_by }") was last changed in commit { $commit } by { $author }, when { $role } was { $holder }: { $problems }
    .help = the holder of { $role } runs `{ $command }` and commits it under their own e-mail; if the holder in the plan is wrong, someone else corrects [roles.{ $id }] in a commit of their own first
appendix3-stale-since = the answers of `{ $system }` changed after they were attested: { $questions } differ from the answers attested in commit { $commit }

## schema (plan.toml)

schema-nth-zero = `service_windows.nth` must be 1–5 or -1, found 0
    .help = 1 for the first weekday of the month, -1 for the last; leave nth out for every week

## Shared

list-and = { $head } and { $last }
did-you-mean-id = did you mean `{ $name }`?
did-you-mean-value = did you mean "{ $name }"?

## appendix3/*

roles-held-here = roles held here: { $ids }
appendix3-owner-unheld = deviation `{ $question }`: owner `{ $owner }` is a role nobody holds in this plan
appendix3-owner-unknown = deviation `{ $question }`: owner `{ $owner }` is not a role held in this plan
appendix3-reported-to-unknown = deviation `{ $question }`: reported_to names `{ $role }`, which is not a role of role model { $model }
appendix3-wrong-attester-unheld = bilaga 3 is attested by { $by }, a role nobody holds in this plan; { $attester } attests here

appendix3-missing = system `{ $system }` has no bilaga 3
    .help = add [systems.appendix3.answers] with an answer to every checklist question
appendix3-unanswered = system `{ $system }`: { $count } of { $total } questions unanswered: { $questions }
    .help = answer each with "yes", "no", "partial" or "na"
appendix3-unknown-question = checklist { $checklist } has no question `{ $question }`
appendix3-deviation-incomplete = `{ $question }` is answered "{ $answer }" but the deviation lacks { $missing }
    .help = { $question } = {"{"} answer = "{ $answer }", deviation = "…", action = "…", owner = "…", due = YYYY-MM-DD, reported_to = [{ $roles }] {"}"}
appendix3-not-reported = deviation `{ $question }` is not reported to { $roles }
    .help = report it, then list the roles: reported_to = [{ $roles }]
appendix3-overdue = deviation `{ $question }` was due { $due }
appendix3-na-unjustified = `{ $question }` is answered "na" without a justification
    .help = { $question } = {"{"} answer = "na", justification = "…why it does not apply…" {"}"}
appendix3-not-attested = bilaga 3 of `{ $system }` is not attested
    .help = { $role } attests with `{ $command }`
appendix3-wrong-attester = bilaga 3 is attested by { $by }, but { $attester } attests under this role model
appendix3-stale = the answers of `{ $system }` changed after they were attested
    .help = review the answers, then attest again: `{ $command }`
appendix3-no-digest = bilaga 3 of `{ $system }` is attested without a digest of the answers
    .help = attest with `{ $command }`, which records the digest

## roles/*

roles-organisation-model = missing required key `organisation_model`: role model { $model } depends on it
    .help = organisation model 1–5 as in handbook 10.1.1–10.1.5
roles-missing = required role { $role } is missing
    .help = add [roles.{ $id }] with name and email
roles-recommended = recommended role { $role } is missing
roles-unknown = role model { $model } has no role `{ $role }`
    .help = roles of { $model }: { $ids }
roles-same-person = the same person
roles-conflict = { $who } holds both { $first } and { $second }
roles-person-empty-name = `{ $role }`: name is empty
roles-person-no-name = `{ $role }`: person without a name
    .help = add name = "…"
roles-person-email = `{ $role }`: "{ $email }" is not an e-mail address

## plan/*

plan-established-incomplete = status is "{ $status }" but established_on is missing
    .help = add established_on = YYYY-MM-DD, the day the plan was decided
plan-description-missing = the plan is "{ $status }" but has no description of the system's task
    .help = add description = "…": what the system does and which activity it supports
plan-draft-in-year = the plan for { $year } is still a draft on { $today }
    .help = have it fastställd and set status = "established", or tell the steering group why not
plan-established-date = established_on { $date } is outside { $earliest }–{ $latest }, the time a plan for { $year } is fastställd or revised
    .help = a plan for { $year } is usually fastställd in November–December { $before }
plan-established-by-none = the plan is "{ $status }" but established_by does not say who fastställde it: { $roles }
plan-established-by = established_by lacks { $roles }, who fastställer the plan
    .help = write established_by = [{ $roles }]
plan-established-by-typo = did you mean `{ $name }` for `{ $written }`? write established_by = [{ $roles }]

## upgrade/*

upgrade-of = upgrade of `{ $system }`
upgrade-any = upgrade
kind-upgrade-of = { $kind } upgrade of `{ $system }`
kind-upgrade = { $kind } upgrade
upgrades-unknown-system = this plan has no system `{ $system }`
upgrades-outside-year = { $upgrade } on { $date } is outside the plan year { $year }
upgrades-service-window = { $upgrade } on { $date } ({ $weekday ->
        [mon] Monday
        [tue] Tuesday
        [wed] Wednesday
        [thu] Thursday
        [fri] Friday
        [sat] Saturday
       *[sun] Sunday
    }) is not in a service window
    .help = move it to a service window
upgrades-next-window = the next service window is { $date } ({ $weekday ->
        [mon] Monday
        [tue] Tuesday
        [wed] Wednesday
        [thu] Thursday
        [fri] Friday
        [sat] Saturday
       *[sun] Sunday
    })
upgrades-cab = { $upgrade } has no CAB request or approval
    .help = cab = {"{"} status = "requested" {"}"}, or "approved" with its ref
upgrades-announce-missing = { $upgrade } on { $date } has no announced_on
    .help = announce it at least { $days } days ahead and record announced_on
upgrades-announce-late = { $upgrade } is announced { $ahead } days ahead; at least { $days } are required
upgrades-untested = { $upgrade } is not tested in the test environment
    .help = rehearse it in the test environment and set tested = true

## deps/*

deps-no-object = `{ $system }` { $via ->
        [fetches] fetches data from
       *[depends] depends on
    } `{ $target }`, but no object `{ $object }` has a plan for { $year }
deps-no-system = `{ $system }` { $via ->
        [fetches] fetches data from
       *[depends] depends on
    } `{ $target }`, but object `{ $object }` has no system `{ $missing }`
    .help = systems of `{ $object }`: { $systems }
deps-retired-system = `{ $system }` { $via ->
        [fetches] fetches data from
       *[depends] depends on
    } `{ $target }`, which is retired
deps-retired-object = `{ $system }` { $via ->
        [fetches] fetches data from
       *[depends] depends on
    } `{ $target }`, whose systems are all retired
deps-clash = `{ $system }` is upgraded on { $date } together with `{ $other }`, which it { $via ->
        [fetches] fetches data from
       *[depends] depends on
    }
    .help = move one of the upgrades to another service window, or plan them as one change
deps-cycle = dependency cycle: { $path }
deps-cycle-more = dependency cycle: { $path } ({ $more } more objects in the same cycle group)

## parse

parse-too-large = file is larger than 4 MiB, the limit for plan files
parse-not-utf8 = file is not valid UTF-8: byte { $byte }
    .help = save the file as UTF-8 (plan files are TOML, which is always UTF-8)
parse-not-utf8-latin1 = file is not valid UTF-8: byte { $byte }, which is `{ $letter }` in Latin-1
parse-not-utf8-config = file is not valid UTF-8
parse-toml = invalid TOML: { $said }
parse-toml-duplicate = invalid TOML: { $said } `{ $key }`
parse-toml-not-a-date = invalid TOML: `{ $value }` is not a TOML date
parse-toml-duplicate-first = invalid TOML: { $said } `{ $key }`, first defined on line { $line }
parse-toml-nested = invalid TOML: tables or arrays nested too deeply
parse-invisible = { $message } (found the invisible character U+{ $code } here)

parse-conflict-markers = an unresolved merge conflict: git's conflict markers (<<<<<<<, =======, >>>>>>>) are still in the file; keep the lines that are right and remove the markers
parse-not-utf8-config-help = save the file as UTF-8 (TOML is always UTF-8)
expect-representable = a number TOML can represent (an integer up to 9223372036854775807, or a finite float)
layout-lock-file = the lock of `{ $file }`, left by a `plan` write that was interrupted or is still running; `{ $file }` is as it was before that write; if no `plan` is running, delete this file

## schema

schema-unknown-key = unknown key `{ $key }`
schema-expected-one-of = expected one of: { $values }
schema-missing-key = missing required key `{ $key }`
schema-wrong-type = `{ $key }` must be { $expected }, found { $found }
schema-date-quoted = write dates as YYYY-MM-DD, unquoted: { $date }
    .help = write dates as YYYY-MM-DD, unquoted, e.g. 2027-03-06
schema-for-example = for example "{ $value }"
schema-unknown-value = `{ $key }` has unknown value "{ $value }"
schema-swedish-value = "{ $written }" is written "{ $value }" in plan files
schema-empty-answer = `{ $key }` is empty: the question is unanswered
    .help = answer it with "yes", "no", "partial" or "na" (with a justification)
expect-integer = an integer from { $low } to { $high }
expect-amount = a non-negative number
expect-date-only = a date like 2027-03-06 (no time of day)
expect-a-date = a date
expect-id-syntax = an id of lowercase a–z, digits and `-`
expect-ref = "<object>" or "<object>/<system>"
expect-or = { $first } or { $rest }
expect-string = a string
expect-bool = true or false
expect-date = a date like 2027-03-06
expect-id = an id string
expect-enum = one of { $values }
expect-table = a table
expect-array = an array
expect-one-or-many = { $one } or an array of them

## plan.toml

config-unknown-rule = unknown rule `{ $rule }` in [rules]
    .help = `plan rule` lists every rule
config-unknown-model = unknown { $what ->
        [checklist] checklist
       *[role-model] role model
    } "{ $name }"
    .help = built-in: { $built_in }; or a path in the repository such as "schema/{ $what ->
        [checklist] checklists
       *[role-model] roles
    }/x.toml"
config-model-not-found = { $what ->
        [checklist] checklist
       *[role-model] role model
    } file `{ $name }` not found in the repository
config-model-unreadable = { $what ->
        [checklist] checklist
       *[role-model] role model
    } file `{ $name }` cannot be read: { $error }
config-model-invalid = invalid { $what ->
        [checklist] checklist
       *[role-model] role model
    }: { $error }
