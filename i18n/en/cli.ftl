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
