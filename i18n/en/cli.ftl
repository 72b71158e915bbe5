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
