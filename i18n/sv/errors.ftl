# Fel som stoppar ett kommando (slutstatus 2) när filer läses eller skrivs eller git
# läses. Operativsystemets eller gits egna ord kommer efter ": " eller i `$why`, som
# de är; här står orden runt dem. `label-error` står först.

# Vad plan inte kunde göra när operativsystemet sa nej (skälet följer efter ": ").
error-reading = kunde inte läsa { $file }
error-writing = kunde inte skriva { $file }
error-creating = kunde inte skapa { $file }
error-opening = kunde inte öppna { $file }
error-replacing = kunde inte ersätta { $file }
error-removing = kunde inte ta bort { $file }

# Skrivningar stannar i planarkivet och skriver bara vanliga filer.
error-outside = { $file } ligger inte i { $bound } och skrivs inte
error-link-outside = { $file } är en länk till { $to }, utanför planarkivet; plan skriver ingenting genom den
error-link-dangling = { $file } är en länk till { $to }, som inte finns; plan skriver ingenting genom den
error-link-leads-outside = `{ $file }` är en länk som leder ut ur planarkivet; den följs inte
error-not-a-folder = { $dir } är inte en mapp, så inget skrivs i den
error-not-a-file = { $file } är { $kind ->
        [fifo] en FIFO (namngiven pipe)
        [socket] en socket
        [device] en enhet
        [folder] en mapp
       *[other] inte en vanlig fil
    }, inte en fil som plan kan läsa eller ersätta
error-not-a-plain-file = `{ $file }` är inte en fil
error-not-relative = `{ $file }` är ingen sökväg i planarkivet
error-locked = { $file } är låst: { $lock } finns, så en annan `plan` skriver den just nu eller avbröts; om ingen `plan` körs, ta bort { $lock }
error-read-only = { $file } är skrivskyddad och ersätts inte
error-gone = { $file } finns inte längre och skrivs inte
error-disappeared = { $file } försvann under granskningen
error-output-folder = --output { $file }: är en mapp
error-stdout = det gick inte att skriva till standard ut: { $why }
error-xlsx = kunde inte skapa XLSX-arbetsboken

# plan.toml, planarkivets inställningar.
error-config-missing = plan.toml finns inte i { $place }
error-config-not-a-file = { $file } är { $kind ->
        [folder] en mapp
       *[other] inte en vanlig fil (en FIFO, socket eller enhet)
    }; plan.toml måste vara en fil (planarkivets inställningar)
error-config-dangling = { $file } är en länk till { $to }, som inte finns
error-config-unreadable = kunde inte läsa { $file }: { $why }
error-role-undefined = rollen `{ $role }` nämns men definieras inte under [[roles]]

# SÖKVÄG-argumenten till `plan check`.
error-no-such-path = { $file }: filen eller mappen finns inte
error-unreadable-path = { $file }: kan inte läsas
error-outside-repository = { $file } ligger utanför planarkivet { $dir }
error-path-not-utf8 = { $file }: sökvägen är inte giltig UTF-8

# Webbplatsen (`plan site --out`).
error-site-not-a-file = { $file } är inte en vanlig fil och ersätts inte
error-site-not-ours = { $file } är inte skriven av `plan site` och ersätts inte (flytta undan den, eller välj en annan --out)

# En avbruten `plan new-year` (dess filer väntar i en egen mapp).
error-batch-exists = { $dir } finns: en annan `plan new-year` körs; om ingen gör det, kör `plan new-year` igen för att slutföra eller ångra den som avbröts
error-batch-in-use = en annan `plan new-year` körs ({ $dir } används); vänta tills den är klar
error-batch-taken = { $file } skrevs av någon annan efter att en `plan new-year` avbröts; filerna som den körningen skrev ligger i { $dir }: flytta undan { $file } och kör `plan new-year` igen
error-batch-placing = kunde inte lägga { $file } på plats när den avbrutna `plan new-year` slutfördes

# git
source-revision = versionen { $rev }
source-index = git-indexet (ändringarna som står på tur att checkas in)
error-no-git = { $dir } ligger inte i ett git-arkiv ({ $why })
error-git-bare = git-arkivet i { $dir } har ingen arbetskatalog
error-outside-work-tree = { $dir } ligger utanför gits arbetskatalog { $work_tree }
error-unknown-revision = okänd version `{ $rev }`: { $why }
error-not-a-tree = `{ $rev }` är varken en incheckning eller ett träd: { $why }
error-reading-head = kunde inte läsa HEAD: { $why }
error-no-commits = { $what }: git-arkivet har inga incheckningar än; checka in först, eller granska de köade filerna med --staged
error-index-file = --staged: GIT_INDEX_FILE pekar på { $file }, som inte är en fil; ta bort GIT_INDEX_FILE för att granska gits eget index
error-reading-index = kunde inte läsa git-indexet { $file }
error-conflicts = { $file } har olösta sammanslagningskonflikter i indexet; lös dem innan granskningen
error-git-link = `{ $file }` är en symbolisk länk; länkar följs inte

# --changed-since och --verify-attestations
-fetch-base = hämta basgrenen (`git fetch origin <gren>`), eller sätt `GIT_DEPTH: 0` (under variables:) i GitLab CI så att klonen har historiken
-fetch-history = hämta hela historiken: sätt `GIT_DEPTH: 0` (under variables:) i GitLab CI, kör annars `git fetch --unshallow`
error-base-auto = --changed-since auto tar basen från CI_MERGE_REQUEST_DIFF_BASE_SHA, som inte är satt (GitLab sätter den i pipelines för sammanslagningsförfrågningar); ange en version i stället, t.ex. origin/main
error-base-shallow = --changed-since { $base }: versionen finns inte i den här grunda klonen ({ $why }); { -fetch-base }
error-base-unknown = --changed-since { $base }: okänd version ({ $why }); hämta den först, t.ex. `git fetch origin { $base }`
error-rev-not-commit = --rev { $rev }: inte en incheckning ({ $why })
error-base-no-head = --changed-since behöver en incheckning i HEAD: { $why }
error-base-cut-off = --changed-since { $base }: ingen gemensam bas med { $tip } i den här grunda klonen, historiken är avskuren innan grenarna möts; { -fetch-base }
error-base-unrelated = --changed-since { $base }: { $tip } och { $base } har ingen gemensam historik ({ $why })
error-verify-shallow = --verify-attestations: det här är en grund klon, så planernas historik är avskuren och varje intygande skulle se ut att komma från den äldsta incheckningen där; { -fetch-history }

# En CI-rapport (--format gitlab, junit) från en granskning som inte kunde köras.
error-could-not-run-title = plan check kunde inte köras
error-could-not-run = plan check kunde inte köras: { $why }

# En planfil som en rapport eller webbplatsen utelämnar (en varning, inte ett fel).
warning-left-out = { $file } är utelämnad: den är inte en läsbar TOML-fil (`plan check { $file }` visar varför)

# Gits index, när `plan new-year --commit` köar sina filer.
error-adding-to-index = kunde inte lägga till { $file } i git-indexet

# Fel som betyder ett fel i själva plan, aldrig i filerna: de ska inte kunna hända.
# De säger ändå vad som gick fel, på språket.
-bug = det är ett fel i själva plan, inte i dina filer: ingenting skrevs; rapportera det gärna
internal-edit-unparsable = filen gick inte att läsa för redigering ({ $why }); { -bug }
internal-no-systems = filen har inga [[systems]] att redigera; { -bug }
internal-system-missing = filen har inget [[systems]] med id = "{ $system }" att redigera; { -bug }
internal-edit-does-not-parse = den redigerade filen gick inte att läsa tillbaka ({ $why }); { -bug }
internal-system-lost = systemet `{ $system }` försvann vid redigeringen; { -bug }
internal-answers-changed = redigeringen ändrade svaren; { -bug }

# Något som inte är en mapp där plan behöver en (`schema` är en fil, så
# schema/plan-file.schema.json kan inte skrivas): vad det är och vad man gör,
# i stället för operativsystemets "File exists" eller "Not a directory".
error-in-the-way = { $file } är { $kind ->
        [fifo] en FIFO (namngiven pipe)
        [socket] en socket
        [device] en enhet
       *[other] en fil
    }, men plan behöver en mapp där; flytta undan den (eller byt namn på den) och kör kommandot igen
error-in-the-way-of = { $file } är { $kind ->
        [fifo] en FIFO (namngiven pipe)
        [socket] en socket
        [device] en enhet
       *[other] en fil
    }, men plan behöver en mapp där för { $path }; flytta undan den (eller byt namn på den) och kör kommandot igen
