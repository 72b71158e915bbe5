# Fynden från `plan check`: varje regels meddelande och hjälptext (`.help`, eller
# ett eget meddelande där hjälpen beror på fallet). Svenska.
# Värden inom bakåtfnuttar är id:n, nycklar och värden som de skrivs i planfilerna.

# En text som är densamma på alla språk: ett annat programs ord, eller en text ur
# förvaltningens egen konfiguration.
verbatim = { $text }

## layout

layout-link-loop = en länk som går i cirkel: mappen har redan besökts
layout-name-not-utf8 = filnamnet är inte giltig UTF-8
layout-dangling-link = en länk som inte pekar på något
layout-objects-not-folder = `objects` måste vara en mapp
layout-symlink-in-git = en symbolisk länk; länkar följs inte
layout-submodule = en git-submodul, inte en planfil
layout-link-to-root = en länk tillbaka upp till planarkivets rot: planer söks inte ovanför objects/
layout-link-up = en länk tillbaka upp till { $folder }: planer söks inte ovanför objects/
layout-link-into-git = en länk in i .git: planer söks aldrig i gits egen mapp
layout-fifo = en FIFO (namngiven pipe), inte en fil: planer är vanliga filer
layout-socket = en socket, inte en fil: planer är vanliga filer
layout-device = en enhet, inte en fil: planer är vanliga filer
layout-not-regular = inte en vanlig fil: planer är vanliga filer
layout-temporary-file = en tillfällig fil efter en avbruten skrivning av `plan`: planen bredvid är oskadd; ta bort den här filen
layout-object-folder-id = mappen `{ $folder }` är inget giltigt id för ett förvaltningsobjekt (gemena a–z, siffror och `-`); byt namn, t.ex. till `{ $suggestion }`
layout-file-name = `{ $file }` är inget namn på en planfil: namnet ska vara `<år>.toml`, t.ex. `2027.toml`
layout-directly-under-objects = filer direkt under objects/ är inga planer: planen ska ligga i objects/<objekt>/<år>.toml
layout-too-deep = för djupt: planfiler ligger i objects/<objekt>/<år>.toml
layout-not-under-objects = ligger inte under objects/
layout-object-mismatch = `object = "{ $written }"` men filen ligger i objects/{ $folder }/
    .help = skriv object = "{ $folder }", eller flytta filen
layout-year-mismatch = `year = { $written }` men filen heter { $year }.toml
    .help = skriv year = { $year }, eller byt namn på filen
layout-system-twice = system-id:t `{ $system }` används två gånger i förvaltningsobjektet
    .help = ge varje [[systems]] ett eget id

## activities/*

activities-owner = aktiviteten { $activity }: ansvarig `{ $owner }` är en roll som ingen har i planen
    .help = roller i planen: { $roles }
activities-dates-order = aktiviteten { $activity } slutar { $end } men börjar först { $start }
activities-dates-year = aktiviteten { $activity }: { $date } ligger utanför planåret { $year }
activities-overdue = aktiviteten { $activity } skulle ha varit klar { $end } men { $status ->
        [ongoing] pågår fortfarande
        [postponed] är fortfarande uppskjuten
       *[planned] är fortfarande bara planerad
    }

## budget/exceeded

budget-exceeded = aktiviteterna omfattar { $planned } { $unit ->
        [hours] timmar
       *[sek] kronor
    }, men budgeten är { $budget } { $unit ->
        [hours] timmar
       *[sek] kronor
    }

## contract/*

contract-expiring-notice = avtalet för `{ $system }` löper ut { $ends } med { $months } månaders uppsägningstid: det måste sägas upp senast { $by }
    .help = planera en aktivitet för beslut om förlängning eller upphandling före det datumet
contract-expiring = avtalet för `{ $system }` löper ut { $ends }
    .help = planera en aktivitet för förlängning eller upphandling
contract-expiring-late = avtalet skulle ha sagts upp senast { $by }; planera en aktivitet för förlängning eller upphandling
contract-dpa = `{ $system }` driftas { $hosting ->
        [internal] internt
        [hybrid] delvis externt
       *[external] externt
    } och behandlar personuppgifter, men avtalet anger inget undertecknat personuppgiftsbiträdesavtal
    .help = teckna ett personuppgiftsbiträdesavtal med leverantören (GDPR art. 28) och lägg till dpa = true i avtalet
contract-dpa-no-contract = lägg till contract = {"{"} id = "…", ends = …, dpa = true {"}"} när personuppgiftsbiträdesavtalet är undertecknat (GDPR art. 28)

## integrations/contract

integrations-contract = integrationen `{ $system }` ← `{ $source }` saknar informationskontrakt
    .help = lägg till contract = "<informationskontraktets id>"
integrations-legal-basis = integrationen `{ $system }` ← `{ $source }` för över personuppgifter utan rättslig grund
    .help = lägg till legal_basis = "…" (t.ex. "allmänt intresse", "rättslig förpliktelse", "avtal")
integrations-purpose = integrationen `{ $system }` ← `{ $source }` för över personuppgifter utan ändamål
    .help = lägg till purpose = "…": varför uppgifterna hämtas (ändamål), t.ex. "Inloggning och kontaktuppgifter"

## appendix3/attester-mismatch (plan check --verify-attestations)

list-join = { $first }{ $sep }{ $rest }
verify-uncommitted = intygandet av `{ $system }` är inte incheckat än, så vem som skrev under kan inte kontrolleras
    .help = den som intygar kör `{ $command }` och checkar in det med sin egen e-postadress
verify-created = intygandet av `{ $system }` gjordes i incheckningen { $commit } av { $author }, som också skapade { $path }, så ingen hade utsetts till den intygande rollen före det
    .help = checka först in planen med dess roller; sedan kör den som har den intygande rollen `{ $command }` och checkar in det med sin egen e-postadress
verify-problem-no-email = { $role } hade ingen e-postadress i planen före den incheckningen
verify-problem-author = incheckningens författare { $author } är inte rollinnehavaren
verify-problem-unsigned = signed_by saknas
verify-problem-signer = det är signerat av { $signer }, inte av rollinnehavaren
verify-problem-changed = samma incheckning ändrade { $role } till { $holders }
verify-problem-changed-to-nobody = samma incheckning ändrade { $role } till ingen
verify-problem-self-appointed = { $by } utsåg sig själv: incheckningen { $commit } av { $by } satte e-postadressen för { $role }
verify-nobody-with-email = ingen med e-postadress
verify-mismatch = intygandet av `{ $system }` (attested_by = "{ $attested_by }") ändrades senast i incheckningen { $commit } av { $author }, när { $role } var { $holder }: { $problems }
    .help = den som har rollen { $role } kör `{ $command }` och checkar in det med sin egen e-postadress; är rollinnehavaren i planen fel rättar någon annan [roles.{ $id }] i en egen incheckning först
appendix3-stale-since = svaren för `{ $system }` har ändrats efter att de intygades: { $questions } skiljer sig från svaren som intygades i incheckningen { $commit }

## schema (plan.toml)

schema-nth-zero = `service_windows.nth` måste vara 1–5 eller -1, inte 0
    .help = 1 för månadens första veckodag, -1 för den sista; utelämna nth för varje vecka

## Gemensamt

list-and = { $head } och { $last }
did-you-mean-id = menade du `{ $name }`?
did-you-mean-value = menade du "{ $name }"?

## appendix3/*

roles-held-here = roller i planen: { $ids }
appendix3-owner-unheld = avvikelsen `{ $question }`: ansvarig `{ $owner }` är en roll som ingen har i planen
appendix3-owner-unknown = avvikelsen `{ $question }`: ansvarig `{ $owner }` är ingen roll i planen
appendix3-reported-to-unknown = avvikelsen `{ $question }`: reported_to anger `{ $role }`, som inte är en roll i rollmodellen { $model }
appendix3-wrong-attester-unheld = bilaga 3 är intygad av { $by }, en roll som ingen har i planen; här är det { $attester } som intygar

appendix3-missing = systemet `{ $system }` saknar bilaga 3
    .help = lägg till [systems.appendix3.answers] med ett svar på varje fråga i checklistan
appendix3-unanswered = systemet `{ $system }`: { $count } av { $total } frågor är { $count ->
        [one] obesvarad
       *[other] obesvarade
    }: { $questions }
    .help = svara på var och en med "yes" (ja), "no" (nej), "partial" (delvis) eller "na" (ej tillämplig)
appendix3-unknown-question = checklistan { $checklist } har ingen fråga `{ $question }`
appendix3-deviation-incomplete = `{ $question }` är besvarad med "{ $answer }" men avvikelsen saknar { $missing }
    .help = { $question } = {"{"} answer = "{ $answer }", deviation = "…", action = "…", owner = "…", due = ÅÅÅÅ-MM-DD, reported_to = [{ $roles }] {"}"}
appendix3-not-reported = avvikelsen `{ $question }` är inte rapporterad till { $roles }
    .help = rapportera den och skriv sedan in rollerna: reported_to = [{ $roles }]
appendix3-overdue = åtgärden för avvikelsen `{ $question }` skulle ha varit klar { $due }
appendix3-na-unjustified = `{ $question }` är besvarad med "na" (ej tillämplig) utan motivering
    .help = { $question } = {"{"} answer = "na", justification = "…varför den inte är tillämplig…" {"}"}
appendix3-not-attested = bilaga 3 för `{ $system }` är inte intygad
    .help = { $role } intygar med `{ $command }`
appendix3-wrong-attester = bilaga 3 är intygad av { $by }, men enligt rollmodellen är det { $attester } som intygar
appendix3-stale = svaren för `{ $system }` har ändrats efter att de intygades
    .help = gå igenom svaren och intyga igen: `{ $command }`
appendix3-no-digest = bilaga 3 för `{ $system }` är intygad utan kontrollsumma för svaren
    .help = intyga med `{ $command }`, som skriver kontrollsumman

## roles/*

roles-organisation-model = nyckeln `organisation_model` saknas: rollmodellen { $model } bygger på den
    .help = organisationsmodell 1–5 enligt handboken 10.1.1–10.1.5
roles-missing = rollen { $role } krävs men saknas
    .help = lägg till [roles.{ $id }] med namn (name) och e-post (email)
roles-recommended = rollen { $role } rekommenderas men saknas
roles-unknown = rollmodellen { $model } har ingen roll `{ $role }`
    .help = roller i { $model }: { $ids }
roles-same-person = samma person
roles-conflict = { $who } har både rollen { $first } och rollen { $second }
roles-person-empty-name = `{ $role }`: namnet är tomt
roles-person-no-name = `{ $role }`: en person utan namn
    .help = lägg till name = "…"
roles-person-email = `{ $role }`: "{ $email }" är ingen e-postadress

## plan/*

plan-established-incomplete = status är "{ $status }" men established_on (fastställd den) saknas
    .help = lägg till established_on = ÅÅÅÅ-MM-DD, dagen då planen fastställdes
plan-description-missing = planen är "{ $status }" men beskriver inte systemets uppdrag
    .help = lägg till description = "…": vad systemet gör och vilken verksamhet det stöder
plan-draft-in-year = den { $today } är planen för { $year } fortfarande ett förslag
    .help = låt fastställa planen och sätt status = "established", eller förklara för styrgruppen varför den inte är fastställd
plan-established-date = established_on { $date } ligger utanför { $earliest }–{ $latest }, den tid då en plan för { $year } fastställs eller revideras
    .help = en plan för { $year } fastställs oftast i november–december { $before }
plan-established-by-none = planen är "{ $status }" men established_by anger inte vem som fastställde den: { $roles }
plan-established-by = established_by saknar { $roles }, som fastställer planen
    .help = skriv established_by = [{ $roles }]
plan-established-by-typo = menade du `{ $name }` i stället för `{ $written }`? skriv established_by = [{ $roles }]

## upgrade/*

upgrade-of = uppgraderingen av `{ $system }`
upgrade-any = uppgraderingen
kind-upgrade-of = { $kind ->
        [major] den större uppgraderingen
        [minor] den mindre uppgraderingen
        [patch] patchen
       *[other] säkerhetsuppdateringen
    } av `{ $system }`
kind-upgrade = { $kind ->
        [major] den större uppgraderingen
        [minor] den mindre uppgraderingen
        [patch] patchen
       *[other] säkerhetsuppdateringen
    }
upgrades-unknown-system = planen har inget system `{ $system }`
upgrades-outside-year = { $upgrade } den { $date } ligger utanför planåret { $year }
upgrades-service-window = { $upgrade } den { $date } ({ $weekday ->
        [mon] måndag
        [tue] tisdag
        [wed] onsdag
        [thu] torsdag
        [fri] fredag
        [sat] lördag
       *[sun] söndag
    }) ligger utanför servicefönstren
    .help = flytta den till ett servicefönster
upgrades-next-window = nästa servicefönster är { $date } ({ $weekday ->
        [mon] måndag
        [tue] tisdag
        [wed] onsdag
        [thu] torsdag
        [fri] fredag
        [sat] lördag
       *[sun] söndag
    })
upgrades-cab = { $upgrade } saknar begäran om eller godkännande från CAB
    .help = cab = {"{"} status = "requested" {"}"}, eller "approved" med ärendets ref
upgrades-announce-missing = { $upgrade } den { $date } saknar announced_on (annonserad den)
    .help = annonsera den minst { $days } dagar i förväg och ange announced_on
upgrades-announce-late = { $upgrade } annonseras { $ahead } dagar i förväg; minst { $days } dagar krävs
upgrades-untested = { $upgrade } är inte testad i testmiljön
    .help = prova den i testmiljön och sätt tested = true

## deps/*

deps-no-object = `{ $system }` { $via ->
        [fetches] hämtar data från
       *[depends] är beroende av
    } `{ $target }`, men inget förvaltningsobjekt `{ $object }` har en plan för { $year }
deps-no-system = `{ $system }` { $via ->
        [fetches] hämtar data från
       *[depends] är beroende av
    } `{ $target }`, men förvaltningsobjektet `{ $object }` har inget system `{ $missing }`
    .help = system i `{ $object }`: { $systems }
deps-retired-system = `{ $system }` { $via ->
        [fetches] hämtar data från
       *[depends] är beroende av
    } `{ $target }`, som är avvecklat
deps-retired-object = `{ $system }` { $via ->
        [fetches] hämtar data från
       *[depends] är beroende av
    } `{ $target }`, vars system alla är avvecklade
deps-clash = `{ $system }` uppgraderas { $date } samtidigt som `{ $other }`, som det { $via ->
        [fetches] hämtar data från
       *[depends] är beroende av
    }
    .help = flytta en av uppgraderingarna till ett annat servicefönster, eller planera dem som en ändring
deps-cycle = cirkulärt beroende: { $path }
deps-cycle-more = cirkulärt beroende: { $path } (ytterligare { $more } förvaltningsobjekt i samma cirkel)

## parse

parse-too-large = filen är större än 4 MiB, som är gränsen för planfiler
parse-not-utf8 = filen är inte giltig UTF-8: byte { $byte }
    .help = spara filen som UTF-8 (planfiler är TOML, som alltid är UTF-8)
parse-not-utf8-latin1 = filen är inte giltig UTF-8: byte { $byte }, som är `{ $letter }` i Latin-1
parse-not-utf8-config = filen är inte giltig UTF-8
parse-toml = ogiltig TOML: { $said }
parse-toml-duplicate = ogiltig TOML: { $said } `{ $key }`
parse-toml-not-a-date = ogiltig TOML: `{ $value }` är inget TOML-datum
parse-toml-duplicate-first = ogiltig TOML: { $said } `{ $key }`, först definierad på rad { $line }
parse-toml-nested = ogiltig TOML: tabeller eller listor i för många nivåer
parse-invisible = { $message } (här står det osynliga tecknet U+{ $code })

parse-conflict-markers = en olöst sammanslagningskonflikt: gits konfliktmarkeringar (<<<<<<<, =======, >>>>>>>) finns kvar i filen; behåll de rader som är rätt och ta bort markeringarna
parse-not-utf8-config-help = spara filen som UTF-8 (TOML är alltid UTF-8)
expect-representable = ett tal som TOML kan återge (ett heltal upp till 9223372036854775807, eller ett ändligt decimaltal)
layout-lock-file = låset för `{ $file }`, kvar efter en skrivning av `plan` som avbröts eller fortfarande pågår; `{ $file }` är som före skrivningen; om ingen `plan` körs, ta bort den här filen

## schema

schema-unknown-key = okänd nyckel `{ $key }`
schema-expected-one-of = möjliga värden: { $values }
schema-missing-key = nyckeln `{ $key }` krävs men saknas
schema-wrong-type = `{ $key }` ska vara { $expected }, men är { $found }
schema-date-quoted = skriv datum som ÅÅÅÅ-MM-DD, utan citattecken: { $date }
    .help = skriv datum som ÅÅÅÅ-MM-DD, utan citattecken, t.ex. 2027-03-06
schema-for-example = till exempel "{ $value }"
schema-unknown-value = `{ $key }` har det okända värdet "{ $value }"
schema-swedish-value = "{ $written }" skrivs "{ $value }" i planfilerna
schema-empty-answer = `{ $key }` är tom: frågan är obesvarad
    .help = svara med "yes" (ja), "no" (nej), "partial" (delvis) eller "na" (ej tillämplig, med motivering)
expect-integer = ett heltal från { $low } till { $high }
expect-amount = ett tal som inte är negativt
expect-date-only = ett datum som 2027-03-06 (utan klockslag)
expect-a-date = ett datum
expect-id-syntax = ett id av gemena a–z, siffror och `-`
expect-ref = "<objekt>" eller "<objekt>/<system>"
expect-or = { $first } eller { $rest }
expect-string = en sträng
expect-bool = true eller false
expect-date = ett datum som 2027-03-06
expect-id = ett id
expect-enum = ett av { $values }
expect-table = en tabell
expect-array = en lista
expect-one-or-many = { $one } eller en lista av sådana

## plan.toml

config-unknown-rule = okänd regel `{ $rule }` i [rules]
    .help = `plan rule` visar alla regler
config-unknown-model = { $what ->
        [checklist] okänd checklista
       *[role-model] okänd rollmodell
    } "{ $name }"
    .help = inbyggda: { $built_in }; eller en sökväg i planarkivet, t.ex. "schema/{ $what ->
        [checklist] checklists
       *[role-model] roles
    }/x.toml"
config-model-not-found = { $what ->
        [checklist] checklistan
       *[role-model] rollmodellen
    } `{ $name }` finns inte i planarkivet
config-model-unreadable = { $what ->
        [checklist] checklistan
       *[role-model] rollmodellen
    } `{ $name }` kan inte läsas: { $error }
config-model-invalid = { $what ->
        [checklist] ogiltig checklista
       *[role-model] ogiltig rollmodell
    }: { $error }
