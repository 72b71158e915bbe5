# Styrgruppens webbplats (`plan site`): sidtitlar, navigering, rubriker,
# tabellhuvuden och statusord. Svenska, med handbokens ord.

## Ram och navigering
site-skip = Hoppa till innehållet
site-plans = Förvaltningsplaner
site-nav-label = Webbplatsens sidor
site-nav-index = Översikt
site-nav-dependencies = Beroenden
site-nav-upgrades = Uppgraderingar
site-nav-deviations = Avvikelser
site-nav-people = Personer och roller
site-footer = { $organisation } · förvaltningsplaner { $year } · skapad med plan ur planarkivet
site-none = Inga.
site-missing = saknas

## Översikt
site-index-title = Förvaltningsplaner { $year }
site-index-intro = Alla förvaltningsobjekt med plan för året: status, de roller som rollmodellen kräver, bilaga 3 per system, fynd och nästa uppgradering.
site-index-caption = Förvaltningsobjekt
site-col-object = Förvaltningsobjekt
site-col-status = Status
site-col-roles = Roller
site-col-attestation = Bilaga 3
site-col-findings = Fynd
site-col-next-upgrade = Nästa uppgradering
site-findings-count = { $errors ->
    [one] 1 fel
   *[other] { $errors } fel
}, { $warnings ->
    [one] 1 varning
   *[other] { $warnings } varningar
}
site-summary-label = Året i korthet
site-summary-objects = { $count ->
    [one] förvaltningsobjekt
   *[other] förvaltningsobjekt
}
site-summary-attested = av { $systems } system har intygad bilaga 3
site-summary-deviations = { $count ->
    [one] avvikelse att följa upp
   *[other] avvikelser att följa upp
}
# The deviations figure's breakdown, one item per source of the deviations page.
site-summary-deviation-source = { $source ->
    [appendix3] { $count } i bilaga 3
    [activity] { $count ->
        [one] { $count } försenad aktivitet
       *[other] { $count } försenade aktiviteter
    }
    [upgrade] { $count ->
        [one] { $count } uppgradering som inte blivit av
       *[other] { $count } uppgraderingar som inte blivit av
    }
    [budget] { $count ->
        [one] { $count } budgetpost som överskrids
       *[other] { $count } budgetposter som överskrids
    }
    [roles] { $count ->
        [one] { $count } roll som saknas
       *[other] { $count } roller som saknas
    }
   *[attestation] { $count } system utan giltigt intygande
}
site-summary-upgrades = { $count ->
    [one] planerad uppgradering kvar av året
   *[other] planerade uppgraderingar kvar av året
}
# A badge of the overview with its count before it ("3 Försenade"): $badge is the
# id of the badge's own message, $word its text as the tables show it.
site-summary-badge = { $badge ->
    [value-status-established] { $count ->
        [one] Fastställd
       *[other] Fastställda
    }
    [value-status-revised] { $count ->
        [one] Reviderad
       *[other] Reviderade
    }
    [site-attested] { $count ->
        [one] Intygad
       *[other] Intygade
    }
    [site-attestation-stale] { $count ->
        [one] Inaktuell
       *[other] Inaktuella
    } – svaren har ändrats efter intygandet
    [site-not-attested] { $count ->
        [one] Ej intygad
       *[other] Ej intygade
    }
    [site-overdue] { $count ->
        [one] Försenad
       *[other] Försenade
    }
    [site-severity-warning] { $count ->
        [one] Varning
       *[other] Varningar
    }
   *[other] { $word }
}
site-summary-next = Nästa: { $date }, { $system } ({ $object })
site-summary-errors = { $count ->
    [one] fel i planerna
   *[other] fel i planerna
}
site-attested = Intygad
site-attestation-stale = Inaktuell – svaren har ändrats efter intygandet
site-not-attested = Ej intygad

## Gemensamma kolumner
site-col-system = System
site-col-source = Källa
site-col-what = Avvikelse
site-col-owner = Ansvarig
site-col-due = Klart senast
site-col-name = Namn
site-col-email = E-post
site-col-role = Roll
site-col-unit = Enhet
site-col-depends-on = Beror på
site-col-via = Typ
site-col-date = Datum
site-col-kind = Typ
site-col-window = Servicefönster
site-col-flags = Att observera
site-col-activity = Aktivitet
site-col-period = Period
site-col-personal-data = Personuppgifter
site-col-legal-basis = Rättslig grund
site-col-purpose = Ändamål
site-col-contract = Avtal

## Avvikelser
site-deviations-intro = Det som styrgruppen behöver följa upp: avvikelser i bilaga 3, försenade aktiviteter, uppgraderingar som inte blivit av, budget som överskrids, roller som saknas och system vars bilaga 3 inte är intygad. Det som är försenat står först.
site-deviations-caption = Avvikelser
site-overdue = Försenad

## Personer
site-people-intro = Vem som har vilken roll i vilket förvaltningsobjekt.
site-people-caption = Personer och roller

## Beroenden
site-deps-intro = Vilka förvaltningsobjekt som är beroende av varandra. En pil går från det objekt som är beroende till det som det beror på; varje ruta leder till objektets plan.
site-deps-legend = Heldragen pil: beror på (depends_on). Streckad pil: hämtar information genom integration.
site-deps-graph-title = Beroenden mellan förvaltningsobjekten
site-deps-table = Alla beroenden
site-deps-caption = Beroenden
site-deps-too-many = Året har { $objects } förvaltningsobjekt, fler än { $limit } som ryms i en läsbar bild. Tabellen nedan visar alla beroenden, och varje objekts sida visar dess närmaste grannar som bild.
site-neighbourhood-title = Beroenden till och från { $object }

## Uppgraderingar
site-upgrades-title = Uppgraderingar { $year }
site-upgrades-intro = Årets uppgraderingar månad för månad, med servicefönstren. Uppgraderingar utanför servicefönster, krockar och uppgraderingar som inte annonserats i tid är markerade.
site-upgrades-ics = Prenumerera på kalendern (upgrades.ics)
site-upgrades-none = Inga uppgraderingar denna månad.
site-windows = Servicefönster: { $dates }
site-windows-none = Inget servicefönster denna månad.
site-window-yes = I servicefönster
site-window-no = Utanför servicefönster
site-upgrade-dependents = Berörda objekt: { $objects }
site-flag-clash = Krock med beroende system samma dag
site-flag-announce = Ej annonserad i tid
site-flag-service-window = Utanför servicefönster
site-flag-cab = Saknar CAB-beslut
site-flag-untested = Ej testad
site-flag-outside-year = Utanför planåret
site-flag-unknown-system = Okänt system

## Objektets sida: förvaltningsplanen
site-object-title = Förvaltningsplan { $year } för { $name }
site-toc = Innehåll
site-established-on = Fastställd
site-established-by = Fastställd av
site-diarienummer = Diarienummer
site-organisation-model = Organisationsmodell
site-organisation-model-value = Modell { $model } (handboken 10.1.{ $model })
site-description = Systemets uppgift och verksamhet
site-goals = Mål
site-goal-measure = Följs upp genom
site-roles = Förvaltningsorganisation
site-reference-group = Referensgrupp
site-budget = Förvaltningsbudget (bilaga 1)
site-budget-hours = Timmar
site-budget-sek = Kronor
site-planned-hours = Planerade timmar i aktiviteterna
site-planned-sek = Planerade kronor i aktiviteterna
site-systems = System i förvaltningsobjektet
site-system-supplier = Leverantör
site-system-version = Version
site-system-hosting = Drift
site-system-lifecycle = Livscykel
site-system-personal-data = Personuppgifter
site-system-classification = Informationsklassning
site-classification = konfidentialitet { $c }, riktighet { $i }, tillgänglighet { $a }
site-system-test-environment = Testmiljö
site-contract-id = Avtal
site-contract-ends = Avtalet löper ut
site-contract-notice = Sista uppsägningsdag
site-contract-owner = Avtalsägare
site-contract-dpa = Personuppgiftsbiträdesavtal
site-dependencies = Beroenden
site-depends-on = Objektet beror på
site-depended-on-by = Objekt som beror på detta
site-integrations = Integrationer
site-appendix3 = Bilaga 3: informationssäkerhet
site-checklist = Checklista: { $title }.
site-appendix3-system = Bilaga 3 för { $system }
site-attested-by = Intygad av { $role } { $date }.
site-question-unknown = (frågan finns inte i checklistan)
site-unanswered = Obesvarad
site-deviation = Avvikelse
site-deviation-action = Åtgärd
site-deviation-owner = Ansvarig
site-deviation-due = Klart senast
site-deviation-reported-to = Rapporterad till
site-upgrades = Uppgraderingar
site-activities = Aktiviteter
site-findings = Fynd från plan check
site-findings-none = Inga fynd: planen följer alla regler.
site-finding-at = { $file } rad { $line }
site-severity-error = Fel
site-severity-warning = Varning
site-establishment = Fastställande
site-establish = Förvaltningsplan { $year } för { $name } fastställs.
site-sign-attest = Bilaga 3 för { $system } intygas av { $role }.
site-sign-signature = Namnteckning
site-sign-name = Namnförtydligande
site-sign-date = Ort och datum

