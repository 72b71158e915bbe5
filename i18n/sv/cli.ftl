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

# Fel som stoppar ett kommando (slutstatus 2). `label-error` står först.
error-exists = { $file } finns redan; skriver inte över den
error-repo-is-file = --repo { $dir }: är en fil, inte en mapp; ange mappen där plan.toml ligger
error-repo-missing = --repo { $dir }: mappen finns inte
error-not-a-repository = { $dir } är inget planarkiv: plan.toml saknas (skapa ett med `plan init`)
error-no-plan-toml = ingen plan.toml i { $dir } eller någon mapp ovanför: kör i ett planarkiv, ange --repo MAPP, eller skapa ett med `plan init`
error-object-id = `{ $object }` är inget giltigt id för ett förvaltningsobjekt (gemena a–z, siffror och `-`); prova `{ $suggestion }`
error-init-on-file = { $dir } är en fil, inte en mapp; `plan init MAPP` skapar ett planarkiv i en mapp
error-init-exists = { $file } finns redan: det här är redan ett planarkiv
error-no-rule = ingen regel `{ $rule }` (`plan rule` visar alla)
error-no-rule-suggest = ingen regel `{ $rule }`; menade du `{ $name }`? (`plan rule` visar alla)
