# The human format of `plan check` and the command line's own words. English.

label-error = error
label-warning = warning
label-help = help

# The summary line after the findings.
check-summary-clean = checked { $files ->
        [one] { $files } plan file
       *[other] { $files } plan files
    }: no problems found
check-summary = checked { $files ->
        [one] { $files } plan file
       *[other] { $files } plan files
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
