# Det kommandona själva säger: utskrifter, upplysningar och vägranden. Svenska.
# (Fynden finns i findings.ftl, fel från git och filsystemet i errors.ftl.)

## Gemensamt för flera kommandon

error-plan-not-toml = { $file } är inte giltig TOML; kör `plan check { $file }`
error-updating = kunde inte uppdatera { $file }
plans = { $count ->
        [one] { $count } plan
       *[other] { $count } planer
    }

## plan new-year: tabellen

new-year-col-object = objekt
new-year-col-action = åtgärd
new-year-col-carried = följer med
new-year-col-dropped = tas bort
new-year-col-notes = anmärkningar
new-year-skip = hoppas över
new-year-write = skriv { $file }
new-year-systems = { $count } system
new-year-open-activities = { $count ->
        [one] { $count } öppen aktivitet
       *[other] { $count } öppna aktiviteter
    }
new-year-open-deviations = { $count ->
        [one] { $count } öppen avvikelse
       *[other] { $count } öppna avvikelser
    }
new-year-upgrades = { $count ->
        [one] { $count } uppgradering
       *[other] { $count } uppgraderingar
    }
new-year-activities-done = { $count ->
        [one] { $count } klar aktivitet
       *[other] { $count } klara aktiviteter
    }
new-year-activities-cancelled = { $count ->
        [one] { $count } inställd aktivitet
       *[other] { $count } inställda aktiviteter
    }
new-year-system-retired = systemet { $system } (avvecklat)

## plan new-year: anmärkningarna för ett förvaltningsobjekt

new-year-exists = { $file } finns redan och lämnas som den är
new-year-all-retired = alla system är avvecklade ({ $systems }): ingen plan för { $year }
new-year-contract-ended = avtalet för `{ $system }` löpte ut { $date }
new-year-names-nothing = `{ $system } → { $target }` pekar inte på något som planeras för { $year } (deps/unknown)
new-year-upgrades-unfinished = { $count ->
        [one] { $count } uppgradering
       *[other] { $count } uppgraderingar
    } blev inte av { $year }: planera in igen om den fortfarande behövs
new-year-removed = tog bort `{ $reference }`: avvecklat { $year }
new-year-deviations = öppna avvikelser: { $deviations }

## plan new-year: vad kommandot gjorde

new-year-nothing = inget att göra: varje förvaltningsobjekt med en plan för { $from } har redan en plan för { $to }
new-year-nothing-retired = inget att göra: varje förvaltningsobjekt med en plan för { $from } har redan en plan för { $to } eller har bara avvecklade system
new-year-dry-run = provkörning: skulle skriva { $plans } för { $to }; inget skrevs
new-year-dry-run-commit = provkörning: skulle skriva { $plans } för { $to } och checka in dem; inget skrevs
new-year-wrote = skrev { $plans } för { $to }
new-year-wrote-committed = skrev { $plans } för { $to } och checkade in dem som { $commit }
new-year-next = nästa steg: gå igenom förslagen, kör `plan check --year { $year }` och intyga bilaga 3 på nytt med `plan attest`
new-year-finished = slutförde en avbruten `plan new-year`: { $plans } på plats
new-year-finished-committed = slutförde en avbruten `plan new-year`: { $plans } på plats och incheckade som { $commit }
# Rubriken på incheckningen som `plan new-year --commit` gör; en rad per objekt följer.
new-year-commit-title = Förvaltningsplaner { $to }: förslag utifrån { $from }
note-new-year-interrupted = en tidigare `plan new-year` avbröts; kör `plan new-year` utan --dry-run för att slutföra eller ångra den
note-new-year-undone = en tidigare `plan new-year` avbröts innan den hade lagt någon plan på plats; dess förslag är borttagna
warning-new-year-index = incheckat som { $commit }, men git-indexet kunde inte uppdateras ({ $why }); kör `git reset` för att läsa in det på nytt

## plan new-year: vägranden (slutstatus 2)

error-new-year-five-digits = --from { $from }: året efter har fem siffror, och planfilerna namnges med fyra (objects/<objekt>/<år>.toml)
error-new-year-backwards = --to { $to } måste vara senare än --from { $from }
error-new-year-no-plans = inga planer för { $year } (objects/<objekt>/{ $year }.toml)
error-new-year-nothing = inga planer under objects/ än: inget att föra över till nästa år
error-new-year-unreadable = kan inte föra över planerna för { $year } till nästa år; inget skrevs:
error-new-year-writing = kunde inte skriva de nya planerna; inget skrevs
error-new-year-disappeared = { $file } försvann medan den lästes
error-new-year-wrong = internt fel: den nya { $file } har fel { $what }
error-new-year-commit-refused = --commit vägrades; inget skrevs
error-new-year-committing = kunde inte checka in de nya planerna; inget skrevs
error-new-year-unfinished = en avbruten `plan new-year` lade sina { $plans } på plats men kunde inte checka in dem (kör `plan new-year --commit` igen när det här är löst)
error-commit-in-progress = { $state ->
        [merge] en sammanslagning (merge)
        [revert] en revert
        [cherry-pick] en cherry-pick
        [bisect] en bisect
        [am] en `git am`
       *[rebase] en rebase
    } pågår; slutför den först (se `git status`)
error-commit-conflicts = indexet har olösta konflikter; lös dem först
error-commit-staged = indexet har redan köade ändringar ({ $files }); checka in dem eller ta bort dem ur indexet först (git restore --staged …), så att incheckningen bara innehåller de nya planerna
error-commit-no-identity = ingen git-identitet att checka in som; ange en med `git config user.name "Ditt Namn"` och `git config user.email du@example.se`

## plan attest

note-attest-newest = intygar planen för { $year }, den senaste för `{ $object }` (ange --year för att välja)
attest-done = intygade bilaga 3 för `{ $system }` i { $file }: attested_by = "{ $attester }", attested_on = { $date }, { $digest }
attest-done-signed = intygade bilaga 3 för `{ $system }` i { $file }: attested_by = "{ $attester }", attested_on = { $date }, { $digest }, signed_by = "{ $signer }"
warning-attest-no-identity = git har ingen identitet (user.email) här, så signed_by skrivs inte och `plan check --verify-attestations` kommer att rapportera intygandet; ange den med `git config user.email du@example.se` och kör `{ $command }` igen
note-attest-not-holder = du ({ $me }) har inte den intygande rollen { $role } i { $file }, så intygandet registreras som underskrivet av dig och `plan check --verify-attestations` kommer att rapportera det
help-attest-no-email = { $role } har ingen e-postadress i { $file }; lägg till rollinnehavarens e-postadress under [roles.{ $attester }], checka in det, och låt rollinnehavaren köra `{ $command }` och checka in det med den e-postadressen
help-attest-holder = { $role } är { $holders }; rollinnehavaren kör `{ $command }` och checkar in det med den e-postadressen (git config user.email), vilket ersätter signed_by
error-attest-too-large = { $file } är större än { $mib } MiB, mer än en planfil får vara; kör `plan check { $file }`
error-attest-no-systems = { $file } har inga [[systems]]: det finns ingen bilaga 3 att intyga
error-attest-which-system = { $file } har { $count } system ({ $systems }); välj ett med --system
error-attest-no-system = { $file } har inget system `{ $system }` (system: { $systems })
error-attest-no-answers = systemet `{ $system }` har ingen [systems.appendix3.answers] att intyga
error-attest-incomplete = intygar inte `{ $system }` i { $file }: checklistan är inte komplett (se ovan)
error-attest-inline = `appendix3` för `{ $system }` måste vara en tabell [systems.appendix3] för att kunna ändras

## plan check: upplysningar på standard error (`label-note` först)

note-check-interrupted = en `plan new-year` avbröts (dess förslag ligger i { $dir }); kör `plan new-year` för att slutföra eller ångra den
note-check-all-changed = { $file } har ändrats, så alla förvaltningsobjekt granskas

## plan import: vad kommandot skriver

import-skipped = hoppade över { $file }: den finns redan (rad { $rows })
import-created = skapade { $file }: { $systems } (rad { $rows })
import-would-create = skulle skapa { $file }: { $systems } (rad { $rows })
import-summary = importerade { $objects } förvaltningsobjekt ({ $systems } system) som förslag till planer för { $year }{ $skipped ->
        [0] {""}
       *[other] ; hoppade över { $skipped } förvaltningsobjekt som redan har en plan för { $year }
    }
import-summary-dry-run = skulle importera { $objects } förvaltningsobjekt ({ $systems } system) som förslag till planer för { $year }{ $skipped ->
        [0] {""}
       *[other] ; hoppar över { $skipped } förvaltningsobjekt som redan har en plan för { $year }
    }
import-dry-run = inget skrevs (--dry-run)
import-next = fyll i de tomma värdena och kör sedan `plan check`
import-unusable = { $file }: { $count ->
        [one] { $count } rad eller kolumn går inte att använda
       *[other] { $count } rader eller kolumner går inte att använda
    }; inget skrevs
error-import-xlsx = kunde inte läsa { $file } som en XLSX-arbetsbok
error-import-no-sheet = arbetsboken har inget blad

## plan import: en rad eller kolumn som inte går att använda (`fil: rad 4, kolumn C (Drift): …`)

import-at-cell = rad { $row }, kolumn { $column } ({ $header })
import-at-column = rad { $row }, kolumn { $column }
import-at-row = rad { $row }
import-same-object = `{ $text }` och `{ $other }` (rad { $row }) ger båda förvaltningsobjektets id `{ $object }`
    .help = stava förvaltningsobjektet likadant på varje rad, eller ge två förvaltningsobjekt namn som skiljer sig åt i mer än accenter och skiljetecken
import-same-system = systemets id `{ $system }` i förvaltningsobjektet `{ $object }` ges redan av rad { $row }
    .help = ge varje system i ett förvaltningsobjekt ett eget namn
import-one-holder = { $role } för `{ $object }` är { $first } på rad { $row } men { $other } här; rollen innehas av en person
    .help = ange samma person på varje rad för förvaltningsobjektet
import-no-rows = exporten har inga rader under rubrikraden
import-not-value = `{ $text }` är inte { $expected }
import-expected-hosting = en driftform: skriv internal, external eller hybrid (intern, extern)
import-expected-lifecycle = en livscykel: skriv planned, active, phasing-out eller retired (planerad, aktiv, avvecklas, avvecklad)
import-expected-yes-no = ja eller nej (yes, no)
import-expected-level = en klassningsnivå 0–3
import-expected-date = ett datum som 2028-06-30
import-no-system = raden anger inget system: förvaltningsobjekt, system och namn är tomma
    .help = fyll i systemets namn, eller ta bort raden
import-no-id = `{ $text }` ger inget id: det har ingen bokstav eller siffra
import-not-holder = `{ $text }` är inte ett namn, en e-postadress eller "Namn <e-post>"
    .help = skriv det som Karin Ek <karin.ek@example.se>
import-many-holders = { $role } innehas av en person; cellen anger { $count }
    .help = behåll ett namn
import-no-header = kolumn { $column } har värden (rad { $row }) men ingen rubrik
    .help = ge den en rubrik på rad 1, eller ta bort kolumnen
import-repeated-column = kolumnen `{ $title }` innehåller det som kolumn { $column } (`{ $first }`) redan innehåller
    .help = behåll en av dem
import-unknown-column = okänd kolumn `{ $title }`
import-did-you-mean = menade du `{ $name }`?
import-columns = kolumnerna som en export ur systemregistret kan ha: { $columns }, och en per roll i rollmodellen { $model } (dess id eller benämning)
import-no-system-column = ingen kolumn anger systemen
    .help = en export ur systemregistret behöver en kolumn `system` (eller `name`/`namn`, eller `object`/`objekt`)

## plan hook install

hook-installed = installerade { $hook }: `plan check --staged --changed-since HEAD` körs före varje incheckning
error-hook-exists = { $hook } finns redan och är inte skriven av plan, så den ersätts inte (använd --force för att ersätta den och spara den gamla som pre-commit.orig)
error-hook-keeping = kunde inte spara den gamla kroken som pre-commit.orig
# Krokens egen kommentar (varje rad blir en skalkommentar) och vad den säger när den
# inte hittar plan (varje rad skrivs på standard error).
hook-script-comment =
    Granskar vad incheckningen ändrar i förvaltningsplanerna; `git commit --no-verify`
    hoppar över granskningen en gång. Installera igen (`plan hook install`) om plan-programmet flyttas.
hook-script-missing =
    pre-commit: programmet plan finns varken i { $installed } eller i PATH, så planerna kan inte granskas.
    Installera det (cargo install --path <plan-projektet>) och kör sedan `plan hook install` igen;
    eller hoppa över granskningen en gång med `git commit --no-verify`.

## plan init

init-created = skapade i { $dir }: { $files }
init-next = nästa steg: plan new <objekt> --year <år> --name "<namn>"
note-init-ci-exists = .gitlab-ci.yml finns redan och lämnas som den är (README visar jobbet för plan check)
note-init-gitignore-exists = .gitignore finns redan och lämnas som den är (README listar vad redigerare lämnar efter sig som ska ignoreras)
error-init-git = git init { $dir }
