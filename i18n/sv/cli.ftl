# Det mänskliga formatet för `plan check` och kommandoradens egna ord. Svenska.

label-error = fel
label-warning = varning
label-help = hjälp

# Sammanfattningen efter fynden.
check-summary-clean = { $files ->
        [one] { $files } planfil granskad
       *[other] { $files } planfiler granskade
    }: inga problem
check-summary = { $files ->
        [one] { $files } planfil granskad
       *[other] { $files } planfiler granskade
    }: { $errors ->
        [one] { $errors } fel
       *[other] { $errors } fel
    }, { $warnings ->
        [one] { $warnings } varning
       *[other] { $warnings } varningar
    }

# plan rule
rule-list-rule = regel
rule-list-default = förval
rule-list-when = när
rule-list-footer = `plan rule ID` förklarar en regel; [rules] i plan.toml ändrar en regels allvarlighetsgrad ("error", "warning", "off").
rule-heading = { $rule } (allvarlighetsgrad som förval: { $severity ->
        [error] fel
       *[warning] varning
    })
rule-fires-when = Slår till när: { $summary }.
