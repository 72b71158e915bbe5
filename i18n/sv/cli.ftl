# Det mänskliga formatet för `plan check` och kommandoradens egna ord. Svenska.

label-error = fel
label-warning = varning
label-help = hjälp
label-note = obs

# Sammanfattningen efter fynden.
check-summary-clean = { $files ->
        [one] { $files } planfil
       *[other] { $files } planfiler
    }{ $others ->
        [0] { $files ->
            [one] {" "}granskad
           *[other] {" "}granskade
        }
        [one] {" "}och { $others } annan fil granskade
       *[other] {" "}och { $others } andra filer granskade
    }: inga problem
check-summary = { $files ->
        [one] { $files } planfil
       *[other] { $files } planfiler
    }{ $others ->
        [0] { $files ->
            [one] {" "}granskad
           *[other] {" "}granskade
        }
        [one] {" "}och { $others } annan fil granskade
       *[other] {" "}och { $others } andra filer granskade
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
error-exists = { $file } finns redan och skrivs inte över
error-repo-is-file = --repo { $dir }: är en fil, inte en mapp; ange mappen där plan.toml ligger
error-repo-missing = --repo { $dir }: mappen finns inte
error-not-a-repository = { $dir } är inget planarkiv: plan.toml saknas (skapa ett med `plan init`)
error-no-plan-toml = ingen plan.toml i { $dir } eller någon mapp ovanför: kör i ett planarkiv, ange --repo MAPP, eller skapa ett med `plan init`
error-object-id = `{ $object }` är inget giltigt id för ett förvaltningsobjekt (gemena a–z, siffror och `-`); prova `{ $suggestion }`
error-init-on-file = { $dir } är en fil, inte en mapp; `plan init MAPP` skapar ett planarkiv i en mapp
error-init-exists = { $file } finns redan: det här är redan ett planarkiv
error-no-rule = ingen regel `{ $rule }` (`plan rule` visar alla)
error-no-rule-suggest = ingen regel `{ $rule }`; menade du `{ $name }`? (`plan rule` visar alla)

# Vad ett kommando skrev
wrote = skrev { $file }
wrote-site = skrev { $written } av { $files } filer i webbplatsen för { $year } till { $dir }
new-created = skapade { $file }
new-next = fyll i de tomma värdena och kör sedan `plan check { $file }`

# Upplysningar på standard error (`label-note` först)
note-next-year = använder { $next }: det finns inga planer för { $year } än, men det finns för { $next } (ange --year för att välja)
note-this-year = skapar planen för { $year }, innevarande år; ange --year { $next } för nästa års plan

# plan new och plan import: förklaringarna i en ny plan (varje rad blir en
# TOML-kommentar)
scaffold-title = Förvaltningsplan { $year } för { $name }.
scaffold-fill-in =
    Fyll i de tomma värdena ("") och kör `plan check`: den visar vilka som krävs
    (namn och e-post för rollerna, svaren i bilaga 3); leverantör och version är frivilliga.
scaffold-established-on = Dagen planen fastställs: established_on = { $date }
scaffold-established-by = rollerna som fastställer planen
scaffold-diarienummer = beslutets diarienummer, när planen fastställs
scaffold-organisation-model = Organisationsmodell enligt handboken 10.1.1–10.1.5
scaffold-description = Systemets uppgift: vilken verksamhet det stöder, för vilka och i vilken omgivning.
scaffold-goals = Årets mål och hur de följs upp (frivilligt).
scaffold-roles = Roller enligt rollmodellen { $model } ({ $title }).
scaffold-username = username: användarnamnet i GitLab/GitHub, för `plan codeowners` (valfritt).
scaffold-optional-roles = Valfria roller: { $roles }
scaffold-budget = bilaga 1
scaffold-classification = Klassning 0–3
scaffold-contract = Leverantörsavtal: uppsägningstid i månader, avtalsägare, personuppgiftsbiträdesavtal (dpa) undertecknat.
scaffold-depends-on = "<objekt>" eller "<objekt>/<system>"
scaffold-integrations =
    Data som systemet hämtar från ett annat system. Med personuppgifter krävs
    legal_basis (rättslig grund) och purpose (ändamål: varför uppgifterna hämtas).
scaffold-object-placeholder = <objekt>
scaffold-information-contract = informationskontrakt
scaffold-appendix3 = Bilaga 3 ({ $title })
scaffold-answers = { $heading }. Svara "yes", "no", "partial" eller "na".
scaffold-deviation = Avvikelse: {"{"} answer = "no", deviation = "…", action = "…", owner = "<roll>", due = { $due }, reported_to = [{ $roles }] {"}"}
scaffold-na = Ej tillämplig: {"{"} answer = "na", justification = "…" {"}"}

# plan log och plan diff
log-none = inga incheckningar ändrar objects/{ $object }/
log-col-date = datum (UTC)
log-col-author = författare
log-col-commit = incheckning
log-col-summary = sammanfattning
log-col-files = filer
diff-heading = objects/{ $object }: { $from } → { $to }, { $changes ->
        [one] 1 ändring
       *[other] { $changes } ändringar
    }
error-diff-nothing-before = förvaltningsobjektet `{ $object }` har ingen plan före { $year } att jämföra med
error-diff-missing = { $file } finns inte
error-diff-not-utf8 = { $file } är inte UTF-8; kör `plan check { $file }`
error-diff-not-toml = { $file } är inte giltig TOML ({ $why }); kör `plan check { $file }`
error-unknown-object-suggest = inget förvaltningsobjekt `{ $object }`: det finns ingen objects/{ $object }/<år>.toml; menade du `{ $name }`?
error-unknown-object-no-plans = inget förvaltningsobjekt `{ $object }`: det finns ingen objects/{ $object }/<år>.toml; planarkivet har inga planer än
error-unknown-object = inget förvaltningsobjekt `{ $object }`: det finns ingen objects/{ $object }/<år>.toml (objekt: { $objects }{ $more ->
        [0] {""}
       *[other] {" "}och { $more } till
    })

# plan codeowners: kommentarerna i CODEOWNERS. Markeringen inleder filen: en fil som
# börjar med den (på något språk) är skriven av plan och får ersättas.
codeowners-marker = Skapad av `plan codeowners`
codeowners-header = Skapad av `plan codeowners` utifrån rollmodellen `{ $model }`; skapa om filen i stället för att redigera den.
codeowners-person = { $name } ({ $role })
codeowners-unnamed = någon utan namn ({ $role })
codeowners-no-username = { $object }: inget användarnamn för { $people }
codeowners-no-owner = { $folder } har ingen ägare med användarnamn
error-codeowners-no-git = --write behöver ett git-arkiv (CODEOWNERS ligger i dess rot)
error-codeowners-not-ours = { $file } finns redan och är inte skriven av plan, så den ersätts inte (skriv ut med `plan codeowners` och för samman för hand)

# --format junit: meddelandet i en fils enda failure-element
junit-problems = { $count } problem; det första: { $first }

# Fel i själva kommandoraden, som clap hittar (`--help` är fortfarande på engelska).
# Flaggor och värden citeras som clap citerar dem: '--format <FORMAT>'.
usage-unknown-argument = okänt argument '{ $arg }'
usage-unknown-command = okänt kommando '{ $command }'
usage-value-missing = '{ $arg }' behöver ett värde, men inget angavs
usage-invalid-value = ogiltigt värde '{ $value }' för '{ $arg }'
usage-bad-value = ogiltigt värde '{ $value }' för '{ $arg }': { $why }
usage-no-equals = värdet till '{ $arg }' skrivs efter ett likhetstecken
usage-too-many-values = oväntat värde '{ $value }' för '{ $arg }'; inga fler värden väntades
usage-too-few-values = '{ $arg }' behöver { $expected } värden men fick bara { $given }
usage-wrong-number-of-values = '{ $arg }' behöver { $expected } värden men fick { $given }
usage-given-twice = '{ $arg }' får bara anges en gång
usage-conflict = '{ $arg }' kan inte användas tillsammans med { $other }
usage-missing = följande argument måste anges: { $args }
usage-missing-command = '{ $command }' behöver ett underkommando
usage-possible-values = möjliga värden: { $values }
usage-commands = underkommandon: { $values }
usage-tip = tips
usage-similar = { $count ->
        [one] menade du { $similar }?
       *[other] menade du något av { $similar }?
    }
usage-tip-as-value = för att ge '{ $arg }' som ett värde, skriv '{ $fix }'
usage-tip-exists = '{ $command }' finns
usage-tip-remove-dashes = underkommandot '{ $command }' finns; ta bort '--' framför det
usage-usage = Användning: { $usage }
usage-more = Mer information (på engelska) med '--help'.
# Värdena till de globala flaggorna och till --year.
usage-not-a-language = `{ $value }` är inget språk som plan talar: sv eller en
usage-not-a-date = `{ $value }` är inget datum som 2027-04-01
usage-not-a-year = `{ $value }` är inget årtal som 2027
usage-not-in-range = `{ $value }` är inget heltal från { $low } till { $high }
