# Reglernas dokumentation (`plan rule`, SARIF): för varje regel `.summary` (när den
# slår till, en rad) och `.doc` (vad den betyder, varför och hur man åtgärdar).
# Id:t är regelns id med `/` utbytt mot `-`. En ny regel behöver båda texterna här
# och i i18n/en/rules.ftl (ett test kontrollerar det).

rule-parse =
    .summary = inte giltig TOML (eller inte UTF-8, eller för stor)
    .doc = Filen kunde inte läsas som TOML, så inget annat i den har granskats. Fyndet pekar på det första ställe som inte gick att tolka. Vanliga orsaker: ett citattecken eller en hakparentes som fattas, en nyckel eller en tabellrubrik som står två gånger, en fil sparad i en annan teckenkodning än UTF-8, eller konfliktmarkeringar kvar efter en sammanslagning. Rätta syntaxen och kör `plan check` igen; då granskas filen av de andra reglerna.

rule-schema =
    .summary = okänd nyckel, fel typ, okänt värde eller datum
    .doc = Varje nyckel i en planfil definieras av formatet (SPEC avsnitt 3). En nyckel som formatet inte känner till är oftast en felstavning som annars skulle ignoreras tyst, så den rapporteras med den närmaste kända nyckeln. Värden ska ha den dokumenterade typen: datum skrivs utan citattecken (2027-03-06), statusar och slag är ett av sina angivna ord, klassningar är 0–3. Svar i bilaga 3 skrivs "yes", "no", "partial" eller "na", inte "ja", "nej", "delvis" eller "ej tillämplig"; ett tomt svar är obesvarat. Rätta nyckeln eller värdet som fyndet pekar på; `plan schema` visar hela formatet.

rule-layout =
    .summary = sökvägen är inte objects/<objekt>/<år>.toml, object/year stämmer inte med den, eller samma system-id två gånger
    .doc = Varje plan är en fil, `objects/<objekt>/<år>.toml`: mappen är förvaltningsobjektets id (gemena a–z, siffror och `-`, högst 63 tecken) och filnamnet dess år med fyra siffror. Allt annat under `objects/` rapporteras i stället för att hoppas över, så att en felnamngiven fil aldrig blir ogranskad i tysthet. I filen ska `object` och `year` upprepa sökvägen, och system-id:n ska vara unika inom förvaltningsobjektet. Byt namn på eller flytta filen, eller rätta värdet som fyndet pekar på.

rule-roles-missing =
    .summary = en roll som rollmodellen kräver (för organisationsmodellen) saknas
    .doc = Rollmodellen anger de roller som varje förvaltning måste ha. I pm3-lu (handboken 000, kapitel 10): systemägare och systemförvaltare alltid ("ska det dock alltid finnas en systemägare och en systemförvaltare"), IT-systemägare i organisationsmodell 1–3 och IT-systemförvaltare i modell 2 och 3 ("behöver det finnas IT-systemägare och IT-systemförvaltare", 10.1.2, 10.1.3). I den kommunala modellen (001 §6.2): "Obligatoriska roller som alltid ska finnas för ett förvaltningsobjekt är juridisk systemägare, operativ systemägare (rollen objektägare), objektägare IT, förvaltningsledare och förvaltningsledare IT". En plan utan dem saknar någon som ansvarar för de beslut planen dokumenterar. Lägg till en tabell `[roles.<id>]` med personens namn och e-postadress.

rule-roles-recommended =
    .summary = en rekommenderad roll saknas
    .doc = Vissa roller krävs inte strikt, men källan rekommenderar dem. I pm3-lu säger handboken (000, 10.1) "Det rekommenderas starkt att alltid besätta alla fyra rollerna" och "En LU-intern IT-systemägare behövs även för hostade system": IT-systemägaren rekommenderas i organisationsmodell 4 och 5, där IT-sidan saknas (10.1.4 varnar för att systemförvaltaren då riskerar att hamna "i händerna på" leverantören), och IT-systemförvaltaren i modell 1, 4 och 5. Utse någon, eller stäng av regeln med "off" under `[rules]` i plan.toml om organisationen medvetet arbetar utan rollen.

rule-roles-unknown =
    .summary = ett roll-id som rollmodellen inte definierar
    .doc = Roll-id:n kommer från förvaltningens rollmodell (`role_model` i plan.toml). Ett id som modellen inte känner till är oftast en felstavning (`systemägare` för `systemagare`) eller en roll från en annan modell. Använd ett av modellens id:n; `plan new` skriver ut dem alla.

rule-roles-person =
    .summary = en person utan namn, eller en felaktig e-postadress
    .doc = Varje rollinnehavare behöver ett namn (en styrelse eller nämnd kan anges i stället för en person), och en e-postadress, när den anges, måste se ut som en: den används för att nå personen och för att kontrollera vem som intygade bilaga 3. Fyll i namnet eller rätta adressen.

rule-roles-conflict =
    .summary = en person i två roller som modellen håller isär
    .doc = Rollmodellen anger rollpar som en person inte bör ha samtidigt, till exempel systemägare och IT-systemägare. Rollerna finns inte för att kontrollera varandra – handboken (2.2) säger till IT-systemförvaltaren och systemförvaltaren "Ni är inte varandras motparter. Det är heller ingen kund- och leverantörsrelation" – utan för att föra samman två sidor i ett team: verksamheten och IT, med "olika bakgrunder och specialiteter" (kapitel 9). När en person har båda rollerna saknas en sida: får IT-systemägaren bära systemägarens roll också "är risken stor att systemet inte kommer att uppfylla verksamhetens behov" (10.1.2), och en systemförvaltare som också är IT-systemförvaltare är "lite udda i förhållande till systemförvaltningsmodellen" (10.1.3). Den kommunala modellen (001 §6.4, §6.5) parar på samma sätt objektägare med objektägare IT och förvaltningsledare med förvaltningsledare IT. Samma person känns igen på e-postadressen, annars på namnet. Utse någon annan till en av rollerna, eller stäng av regeln om ordningen är ett medvetet, dokumenterat beslut.

rule-appendix3-missing =
    .summary = ett system utan bilaga 3 (fel om planen är fastställd eller reviderad, annars varning)
    .doc = Varje system i en förvaltningsplan har en bilaga 3 (Infosäk KD): checklistan med informationssäkerhetsåtgärder för kontinuitet och drift som den intygande rollen skriver under (handboken kapitel 5, 8 och 9). En fastställd plan utan den är ofullständig; i ett förslag till plan är fyndet en påminnelse. Lägg till `[systems.appendix3.answers]` under systemet; `plan new` skriver ut varje fråga.

rule-appendix3-unanswered =
    .summary = en fråga i checklistan utan svar (fel om planen är fastställd eller reviderad, annars varning)
    .doc = Varje fråga i checklistan behöver ett svar: yes (ja), no (nej), partial (delvis) eller na (ej tillämplig). En obesvarad fråga är varken en bekräftad åtgärd eller en rapporterad avvikelse – just den lucka som checklistan finns för att täppa till. Besvara frågan; checklistan i schema/ anger varje frågas text och referens.

rule-appendix3-unknown-question =
    .summary = ett svar på en fråga som checklistan inte har
    .doc = Svaren anges med checklistans fråge-id:n. Ett id som checklistan inte har är oftast en felstavning, och den riktiga frågan förblir då obesvarad. Använd det id som förslaget anger, eller ta bort svaret.

rule-appendix3-deviation-incomplete =
    .summary = ett no/partial-svar utan deviation, action, owner eller due
    .doc = Svaret `no` eller `partial` är en avvikelse, och handboken vill att den beskrivs och hanteras: vad som saknas (deviation), vad som ska göras (action), vem som ansvarar (owner, ett roll-id) och när det ska vara klart (due). Skriv svaret som en tabell: `mfa = {"{"} answer = "no", deviation = "…", action = "…", owner = "systemforvaltare", due = 2027-06-30, reported_to = [...] {"}"}`.

rule-appendix3-not-reported =
    .summary = en avvikelse vars reported_to saknar en roll som modellen kräver
    .doc = Avvikelser i bilaga 3 ska rapporteras till de roller som rollmodellen anger; där modellen ger en lista, den första av dem som finns i planen. pm3-lu (handboken 000, kapitel 8): "så måste du informera både din systemförvaltare och din IT-systemägare om detta" – saknar planen IT-systemägare, systemägaren i stället. Kommunal (001 §6.3, §6.5): "Rapportera avvikelser från förvaltningsplan till styrgruppen", det vill säga objektägaren och objektägare IT (§6.4). `reported_to` dokumenterar att det har skett. Rapportera avvikelsen och lägg till de roll-id:n som saknas i `reported_to`.

rule-appendix3-deviation-role =
    .summary = en avvikelses ansvarige (owner) är ingen roll i planen, eller reported_to anger något som inte är en roll i modellen
    .doc = En avvikelse anger vem som hanterar den (`owner`) och till vem den rapporterats (`reported_to`), båda som roll-id:n. Handboken (000, kapitel 8) vill att avvikelser når namngivna roller – "så måste du informera både din systemförvaltare och din IT-systemägare om detta" – och den kommunala modellen (001 §6.3) att de rapporteras "till styrgruppen". En ansvarig som ingen har i planen, eller ett id i `reported_to` som rollmodellen inte har (en felstavning som `objektagare-it` för `objektagare_it`, eller en titel som `brandvaggsansvarig`), betyder att ingen svarar för avvikelsen eller att den rapporterats till ingen som modellen känner. Ange ett roll-id från planens [roles] i `owner`, och modellens roll-id:n i `reported_to`.

rule-appendix3-na-unjustified =
    .summary = `na` (ej tillämplig) utan motivering
    .doc = `na` (ej tillämplig) påstår att en åtgärd saknar betydelse för systemet, vilket en läsare inte kan avgöra av svaret ensamt. Säg varför: `test_environment = {"{"} answer = "na", justification = "SaaS, leverantören testar" {"}"}`.

rule-appendix3-not-attested =
    .summary = inte intygad (fel om planen är fastställd eller reviderad, annars varning)
    .doc = Bilaga 3 skrivs under av den intygande rollen (pm3-lu: IT-systemägaren, som "undertecknar och intygar att uppgifterna i bilaga 3 till planen är korrekta", handboken 000 kapitel 9; systemägaren där planen saknar IT-systemägare), som därmed går i god för att svaren stämmer. En fastställd plan behöver den underskriften. När svaren är klara kör den som intygar `plan attest OBJEKT --system S --year ÅR`, som skriver attested_by, attested_on och kontrollsumman.

rule-appendix3-wrong-attester =
    .summary = attested_by är inte modellens intygande roll
    .doc = Bara den roll som rollmodellen anger får intyga bilaga 3: av modellens lista, den första roll som finns i planen. I pm3-lu är det IT-systemägaren (handboken 000, kapitel 9: "IT-systemägaren är den som undertecknar och intygar att uppgifterna i bilaga 3 till planen är korrekta"), och systemägaren där planen saknar IT-systemägare (organisationsmodell 4 och 5 har ofta ingen, 10.1.4–10.1.5). I den kommunala modellen är det objektägare IT, enligt praxis (001 har ingen bilaga 3; rollen svarar för "Att IT-stöden följer gällande lagar och förordningar", §6.4). Ett intygande av en annan roll gäller inte. Låt rätt roll intyga med `plan attest`.

rule-appendix3-stale =
    .summary = kontrollsumman stämmer inte med svaren
    .doc = `plan attest` skriver en kontrollsumma av svaren som de var när de intygades. Ändras ett svar efteråt täcker underskriften inte längre det som står i filen. Formatering och kommentarer påverkar inte kontrollsumman; bara svaren gör det. Gå igenom de ändrade svaren och intyga igen med `plan attest`.

rule-appendix3-overdue =
    .summary = en avvikelses åtgärd skulle ha varit klar före i dag
    .doc = Åtgärden för en avvikelse skulle ha varit klar före i dag (eller `--today`). Antingen är åtgärden nu på plats (svara `yes` och intyga igen), eller så behöver avvikelsen ett nytt datum och ett besked till de roller den rapporterats till.

rule-appendix3-attester-mismatch =
    .summary = med --verify-attestations: incheckningen som senast ändrade intygandet är inte gjord av den intygande rollinnehavarens e-postadress
    .doc = `plan attest` skriver vem som intygade (en roll), när, och en kontrollsumma; de raderna kan vem som helst skriva. Med `--verify-attestations` visar git-historiken (blame för kontrollsummans rad, annars attested_on) vilken incheckning som senast satte intygandet, och dess författares e-postadress ska tillhöra en person som har den intygande rollen i planen (signera incheckningar med den identiteten). En avvikelse betyder att någon intygade i rollinnehavarens ställe. Låt rollinnehavaren själv köra `plan attest` och checka in; skydda planerna med CODEOWNERS (`plan codeowners`) så att en sådan ändring kräver deras godkännande.

rule-deps-unknown =
    .summary = depends_on eller en integrations källa anger inget förvaltningsobjekt eller system som är planerat det året
    .doc = Ett beroende eller en integrations källa anger ett förvaltningsobjekt (`"lucat"`) eller ett av dess system (`"eduroam/radius"`) som inte har någon plan för samma år. Antingen är namnet fel, eller så saknas det andra objektets plan för året – och då varnar ingen den här förvaltningen för det systemets uppgraderingar. Rätta hänvisningen, eller lägg till det andra objektets plan.

rule-deps-cycle =
    .summary = förvaltningsobjekt som är beroende av varandra i en cirkel
    .doc = Förvaltningsobjekt som är beroende av varandra i en cirkel kan inte uppgraderas eller startas om ett i taget utan att påverka varandra, och ett fel i ett av dem kan sprida sig runt cirkeln. Ett fynd görs per grupp av objekt som når varandra, i planen för det objekt som kommer först i bokstavsordning, och anger en cirkel genom gruppen. Bryt cirkeln om beroendet inte är verkligt, eller se till att objektens kontinuitetsplaner täcker gruppen tillsammans.

rule-deps-retired =
    .summary = beroende av ett avvecklat system
    .doc = Ett system är beroende av (eller hämtar data från) ett system vars livscykel är `retired` (avvecklat). Beroendet ska flyttas till det system som ersatte det, eller tas bort.

rule-integration-contract =
    .summary = en integration utan informationskontrakt, eller med personuppgifter men utan legal_basis eller purpose
    .doc = Varje integration, data som ett system hämtar från ett annat, styrs av ett informationskontrakt som anger vad som delas, varför och på vilka villkor (handboken: integrationer kräver överenskommelser mellan förvaltningarna). När uppgifterna innehåller personuppgifter behöver behandlingen också en rättslig grund enligt GDPR (allmänt intresse, rättslig förpliktelse, avtal …) och ett ändamål: kontraktet "anger vilken data som hämtas och varför. Varför-delen är extra viktig då den hämtade datamängden innehåller personuppgifter" (handboken 000, 5.6). Lägg till `contract = "…"` med kontraktets referens, och `legal_basis` och `purpose` när `personal_data = true`.

rule-upgrade-unknown-system =
    .summary = uppgradering av ett system-id som förvaltningsobjektet inte har
    .doc = En uppgradering anger systemet den ändrar med dess id i planens [[systems]]. Ett id som inte finns där är en felstavning eller ett system som flyttats till ett annat förvaltningsobjekt, och uppgraderingen skulle saknas i varje schema och beroenderapport. Använd systemets id.

rule-upgrade-outside-year =
    .summary = uppgraderingens datum ligger utanför planåret
    .doc = En plan gäller ett år; en uppgradering daterad ett annat år hör hemma i det årets plan. Flytta den, eller rätta datumet.

rule-upgrade-service-window =
    .summary = en större eller mindre uppgradering av ett internt eller delvis externt driftat system på ett datum utan servicefönster
    .doc = Större och mindre uppgraderingar görs i organisationens servicefönster (plan.toml `service_windows`, t.ex. första lördagen i månaden, och `service_window_dates`), när användarna räknar med störningar: "Uppgraderingar och större systemunderhåll bör alltid göras på ett servicefönster" (handboken 000, 5.9). Gäller bara system som driftas internt (`hosting = "internal"` eller "hybrid", eller utan `hosting`): när leverantören driftar tjänsten bestämmer leverantören när dess versioner kommer – processen "kan dock se väldigt olika ut, t ex beroende på om systemet körs på LU-interna servrar eller hos leverantören" (10.1). Flytta uppgraderingen till ett servicefönster, eller lägg till datumet i `service_window_dates` om det är överenskommet som ett extra fönster. Granskas inte när plan.toml saknar servicefönster.

rule-upgrade-cab =
    .summary = en större eller mindre uppgradering av ett internt eller delvis externt driftat system utan CAB-status approved/requested
    .doc = Större och mindre uppgraderingar går via Change Advisory Board: begäran om uppgradering "kommer att hamna hos LU:s Change Advisory Board (CAB) för godkännande" (handboken 000, 5.9). Gäller bara system som driftas internt (`hosting = "internal"` eller "hybrid", eller utan `hosting`): där leverantören driftar systemet bestämmer leverantören när dess versioner kommer, och de går inte via vår CAB (10.1: processen "kan dock se väldigt olika ut, t ex beroende på om systemet körs på LU-interna servrar eller hos leverantören"). Dokumentera begäran eller beslutet: `cab = {"{"} status = "requested" {"}"}`, sedan `cab = {"{"} status = "approved", ref = "CHG…" {"}"}`.

rule-upgrade-announce =
    .summary = announced_on saknas eller ligger färre än announce_days dagar före datumet (inte för säkerhetsuppdateringar)
    .doc = Användare och ägare av beroende system ska få veta om en uppgradering i god tid: "uppgraderingar måste planeras och kommuniceras i förväg till alla berörda parter" (handboken 000, 5.9), minst `announce_days` dagar (plan.toml, förval 7) innan. Annonsera den och ange dagen i `announced_on`. Gäller inte `kind = "security"`: säkerhetsuppdateringar installeras "utan onödigt dröjsmål" (5.3), och hålls inte tillbaka för att annonseras en vecka i förväg.

rule-upgrade-untested =
    .summary = en större uppgradering, testmiljö finns, tested är inte true
    .doc = Ett system med testmiljö provar större uppgraderingar där först. Genomför uppgraderingen i testmiljön och sätt `tested = true`.

rule-upgrade-clash =
    .summary = två system uppgraderas samma dag fast det ena är beroende av det andra
    .doc = Två system uppgraderas samma dag trots att det ena är beroende av det andra. Går någon av uppgraderingarna fel är det svårt att avgöra vilken som bröt tjänsten, och det beroende systemet kan testas mot ett beroende som just ska ändras. Flytta en av uppgraderingarna till ett annat servicefönster, eller planera dem som en samordnad ändring.

rule-activity-owner =
    .summary = den ansvarige (owner) är en roll som ingen har i planen
    .doc = En aktivitets ansvarige är ett roll-id (t.ex. `systemforvaltare`) som någon har i planens [roles], så att det är tydligt vem som svarar för den. Använd en roll som finns, eller utse någon till rollen.

rule-activity-dates =
    .summary = slutdatum före startdatum, eller utanför planåret
    .doc = En aktivitets datum ska komma i rätt ordning och ligga inom planåret. En aktivitet som förts över från ett tidigare år (`carried_from`) får behålla sina tidigare datum som historik. Rätta datumen, eller flytta aktiviteten till sitt års plan.

rule-activity-overdue =
    .summary = slutdatum före i dag och status planerad eller pågående
    .doc = Aktiviteten skulle ha avslutats men är fortfarande planerad eller pågående. Markera den som klar (done), uppskjuten (postponed) eller inställd (cancelled), eller ge den ett nytt slutdatum.

rule-budget-exceeded =
    .summary = aktiviteternas timmar eller kronor överstiger budgeten
    .doc = De planerade timmarna och kostnaderna för årets aktiviteter (alla utom de inställda) är sammanlagt mer än vad `[budget]` tillåter. Antingen behöver budgeten öka, vilket systemägaren beslutar, eller så måste aktiviteter strykas eller skjutas upp.

rule-plan-established-incomplete =
    .summary = fastställd eller reviderad utan established_on
    .doc = En fastställd (established) eller reviderad (revised) plan anger dagen då den beslutades, i `established_on`: enligt handboken revideras och fastställs planen varje november–december, och datumet visar vilket beslut som gäller. Lägg till datumet, eller sätt status = "draft" så länge planen är ett förslag.

rule-plan-established-by =
    .summary = fastställd eller reviderad, och established_by saknas eller saknar en roll i modellens `establishes`
    .doc = En plan fastställs av de roller som rollmodellen anger i `establishes`: "Det är systemägaren som fastställer planen" (handboken 000, kapitel 9); i en kommun "fastställer förvaltningsplanen tillsammans med objektägare IT" objektägaren (dokument 001, 6.2 och 6.4). `established_by` anger vem som fattade beslutet, så att en läsare kan skilja en fastställd plan från en som bara markerats så. Skriv rollerna, t.ex. `established_by = ["systemagare"]`, och beslutets `diarienummer` om det diarieförts. Granskas inte när rollmodellen inte anger `establishes`.

rule-plan-established-date =
    .summary = established_on före 1 januari året före planåret, eller efter planårets slut
    .doc = En plan för ett år fastställs innan året börjar, oftast i november–december (handboken 000, kapitel 9: "En årligen återkommande … arbetsuppgift är att medverka i färdigställandet av nästa års förvaltningsplan"), eller revideras under året. Ett datum tidigare än året före planåret, eller efter planåret, är en felskrivning (2207 för 2027) eller ett beslut om en annan plan. Rätta datumet.

rule-plan-draft-in-year =
    .summary = fortfarande ett förslag den 1 januari planåret eller senare
    .doc = Förvaltningsplanen fastställs innan dess år börjar (handboken 000, kapitel 9; dokument 001, 6.2: objektägaren svarar för "att aktuell förvaltningsplan finns framtagen"). En plan som fortfarande är ett förslag när året har börjat betyder att årets arbete pågår utan beslut: styrgruppen bör få veta det. Låt fastställa planen och sätt status = "established", established_on och established_by.

rule-plan-description-missing =
    .summary = fastställd eller reviderad utan description
    .doc = Förvaltningsplanen "definierar både systemets uppgift – i vilken omgivning det verkar och vilken verksamhet det förväntas stödja – och förvaltningsorganisationens uppgifter" (handboken 000, 6.5). En fastställd plan utan `description` saknar den första halvan av den överenskommelsen. Skriv några enkla meningar med användarnas ord: vad systemet gör och för vem, t.ex. `description = "Studiedokumentation för alla studenter: kurser, resultat, examina."`.

rule-contract-expiring =
    .summary = ett systems avtal löper ut, eller måste sägas upp, under planåret
    .doc = Ett leverantörsavtal som löper ut under planåret kräver ett beslut i tid: förlänga, upphandla på nytt eller avveckla systemet. Med uppsägningstid (`notice_months`) måste beslutet fattas tidigare: ett avtal som löper ut i mars 2028 med sex månaders uppsägningstid måste hanteras senast i september 2027, så det hör hemma i 2027 års plan. Systemägaren "bör vara insatt i vad som står i ev. avtal med externa parter" (handboken 000, kapitel 9); i en kommun tecknar och följer objektägaren upp leverantörsavtalen (dokument 001, 6.2, 6.4). En offentlig upphandling tar månader, så planen bör ha en aktivitet för den. Dokumentera beslutet och det nya slutdatumet när det är fattat.

rule-contract-dpa =
    .summary = personuppgifter behandlas av en extern eller delvis extern leverantör utan undertecknat personuppgiftsbiträdesavtal
    .doc = En leverantör som driftar ett system med personuppgifter (`hosting = "external"` eller `"hybrid"`, `personal_data = true`) behandlar uppgifterna för organisationens räkning: GDPR artikel 28 kräver ett personuppgiftsbiträdesavtal. Handboken säger att "LU behöver veta exakt i vilka system som personuppgifter lagras" (000, 5.6), och objektägaren svarar för att systemet används inom "tecknade avtal" (001, 6.2). Teckna avtalet och dokumentera det: `contract = {"{"} …, dpa = true {"}"}`.
