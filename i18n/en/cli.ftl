# The human format of `plan check` and the command line's own words. English.

label-error = error
label-warning = warning
label-help = help
label-note = note

# The summary line after the findings.
check-summary-clean = checked { $files ->
        [one] { $files } plan file
       *[other] { $files } plan files
    }{ $others ->
        [0] {""}
        [one] {" "}and { $others } other file
       *[other] {" "}and { $others } other files
    }: no problems found
check-summary = checked { $files ->
        [one] { $files } plan file
       *[other] { $files } plan files
    }{ $others ->
        [0] {""}
        [one] {" "}and { $others } other file
       *[other] {" "}and { $others } other files
    }: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }

# plan rule
rule-list-rule = rule
rule-list-default = default
rule-list-when = when
rule-list-footer = `plan rule ID` explains one; plan.toml [rules] changes a severity ("error", "warning", "off").
rule-heading = { $rule } (default severity: { $severity })
rule-fires-when = Fires when: { $summary }.

# Errors that stop a command (exit 2). `label-error` comes first.
error-exists = { $file } already exists; not overwriting it
error-repo-is-file = --repo { $dir }: is a file, not a folder; give the folder that holds plan.toml
error-repo-missing = --repo { $dir }: no such folder
error-not-a-repository = { $dir } is not a plan repository: it has no plan.toml (create one with `plan init`)
error-no-plan-toml = no plan.toml in { $dir } or any folder above it: run inside a plan repository, pass --repo DIR, or create one with `plan init`
error-object-id = `{ $object }` is not a valid object id (lowercase a–z, digits and `-`); try `{ $suggestion }`
error-init-on-file = { $dir } is a file, not a folder; `plan init DIR` makes a plan repository in a folder
error-init-exists = { $file } already exists: this is a plan repository already
error-no-rule = no rule `{ $rule }` (`plan rule` lists them)
error-no-rule-suggest = no rule `{ $rule }`; did you mean `{ $name }`? (`plan rule` lists them)

# What a command wrote
wrote = wrote { $file }
wrote-site = wrote { $written } of { $files } files of the { $year } site to { $dir }
new-created = created { $file }
new-next = fill in the empty values, then run `plan check { $file }`

# Notes on standard error (`label-note` first)
note-next-year = using { $next }: there are no plans for { $year } yet, but there are for { $next } (pass --year to choose)
note-this-year = creating the plan for { $year }, the year of today; for next year's plan pass --year { $next }

# plan new and plan import: the explanations in a new plan (each line becomes a
# TOML comment)
scaffold-title = Management plan { $year } for { $name }.
scaffold-fill-in =
    Fill in the empty values ("") and run `plan check`: it shows which are required
    (the roles' names and e-mail, the answers of bilaga 3); supplier and version are optional.
scaffold-established-on = The day the plan is established: established_on = { $date }
scaffold-established-by = the roles that establish the plan
scaffold-diarienummer = the decision's registration number, when the plan is established
scaffold-organisation-model = Organisation model as in the handbook 10.1.1–10.1.5
scaffold-description = The system's task: what business it supports, for whom and in what environment.
scaffold-goals = This year's goals and how they are followed up (optional).
scaffold-roles = Roles of the role model { $model } ({ $title }).
scaffold-username = username: the user name on GitLab/GitHub, for `plan codeowners` (optional).
scaffold-optional-roles = Optional roles: { $roles }
scaffold-budget = bilaga 1
scaffold-classification = Classification 0–3
scaffold-contract = Supplier contract: notice period in months, contract owner, data processing agreement (dpa) signed.
scaffold-depends-on = "<object>" or "<object>/<system>"
scaffold-integrations =
    Data the system fetches from another system. With personal data, legal_basis
    (the legal basis) and purpose (why the data is fetched) are required.
scaffold-object-placeholder = <object>
scaffold-information-contract = information contract
scaffold-appendix3 = Bilaga 3 ({ $title })
scaffold-answers = { $heading }. Answer "yes", "no", "partial" or "na".
scaffold-deviation = Deviation: {"{"} answer = "no", deviation = "…", action = "…", owner = "<role>", due = { $due }, reported_to = [{ $roles }] {"}"}
scaffold-na = Not applicable: {"{"} answer = "na", justification = "…" {"}"}

# plan log and plan diff
log-none = no commits change objects/{ $object }/
log-col-date = date (UTC)
log-col-author = author
log-col-commit = commit
log-col-summary = summary
log-col-files = files
diff-heading = objects/{ $object }: { $from } → { $to }, { $changes ->
        [one] 1 change
       *[other] { $changes } changes
    }
error-diff-nothing-before = object `{ $object }` has no plan before { $year } to compare with
error-diff-missing = { $file } does not exist
error-diff-not-utf8 = { $file } is not UTF-8; run `plan check { $file }`
error-diff-not-toml = { $file } is not valid TOML ({ $why }); run `plan check { $file }`
error-unknown-object-suggest = no object `{ $object }`: there is no objects/{ $object }/<year>.toml; did you mean `{ $name }`?
error-unknown-object-no-plans = no object `{ $object }`: there is no objects/{ $object }/<year>.toml; the repository has no plans yet
error-unknown-object = no object `{ $object }`: there is no objects/{ $object }/<year>.toml (objects: { $objects }{ $more ->
        [0] {""}
       *[other] , and { $more } more
    })

# plan codeowners: the comments in CODEOWNERS. The marker begins the file: a file
# beginning with it (in any language) was written by plan and may be replaced.
codeowners-marker = Generated by `plan codeowners`
codeowners-header = Generated by `plan codeowners` from the { $model } role model; regenerate rather than edit.
codeowners-person = { $name } ({ $role })
codeowners-unnamed = someone unnamed ({ $role })
codeowners-no-username = { $object }: no username for { $people }
codeowners-no-owner = { $folder } has no owner with a username
error-codeowners-no-git = --write needs a git repository (CODEOWNERS lives at its root)
error-codeowners-not-ours = { $file } exists and was not written by plan; not replacing it (print with `plan codeowners` and merge by hand)

# --format junit: the message of a file's one failure element
junit-problems = { $count } problems; the first: { $first }

# Mistakes in the command line itself, found by clap (`--help` stays English).
# Flags and values are quoted as clap quotes them: '--format <FORMAT>'.
usage-unknown-argument = unexpected argument '{ $arg }' found
usage-unknown-command = unrecognized subcommand '{ $command }'
usage-value-missing = a value is required for '{ $arg }' but none was supplied
usage-invalid-value = invalid value '{ $value }' for '{ $arg }'
usage-bad-value = invalid value '{ $value }' for '{ $arg }': { $why }
usage-no-equals = equal sign is needed when assigning values to '{ $arg }'
usage-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
usage-too-few-values = { $expected } values required by '{ $arg }'; only { $given } { $given ->
        [one] was
       *[other] were
    } provided
usage-wrong-number-of-values = { $expected } values required for '{ $arg }' but { $given } { $given ->
        [one] was
       *[other] were
    } provided
usage-given-twice = the argument '{ $arg }' cannot be used multiple times
usage-conflict = the argument '{ $arg }' cannot be used with { $other }
usage-missing = the following required arguments were not provided: { $args }
usage-missing-command = '{ $command }' requires a subcommand but one was not provided
usage-possible-values = possible values: { $values }
usage-commands = subcommands: { $values }
usage-tip = tip
usage-similar = { $count ->
        [one] a similar one exists: { $similar }
       *[other] some similar ones exist: { $similar }
    }
usage-tip-as-value = to pass '{ $arg }' as a value, use '{ $fix }'
usage-tip-exists = '{ $command }' exists
usage-tip-remove-dashes = subcommand '{ $command }' exists; to use it, remove the '--' before it
usage-usage = Usage: { $usage }
usage-more = For more information, try '--help'.
# The values of the global flags and of --year.
usage-not-a-language = `{ $value }` is not a language of plan: sv or en
usage-not-a-date = `{ $value }` is not a date like 2027-04-01
usage-not-a-year = `{ $value }` is not a year like 2027
usage-not-in-range = `{ $value }` is not a whole number from { $low } to { $high }
