# plan report: kolumnrubriker i de format som människor läser (tabell, Markdown,
# XLSX; JSON och CSV behåller fältnamnen), avvikelsernas beskrivningar,
# uppgraderingskalendern och kommandots fel. Svenska.

## Kolumnrubriker: `report-col-<fält>`, fältet som i JSON och CSV
report-col-object = Objekt
report-col-system = System
report-col-date = Datum
report-col-kind = Typ
report-col-to_version = Till version
report-col-service_window = Servicefönster
report-col-cab = CAB
report-col-announced_on = Annonserad
report-col-status = Status
report-col-dependents = Berörda objekt
report-col-target = Beror på
report-col-via = Typ
report-col-source = Källa
report-col-id = Id
report-col-description = Beskrivning
report-col-owner = Ansvarig
report-col-due = Klart senast
report-col-overdue = Försenad
report-col-role = Roll
report-col-name = Namn
report-col-email = E-post
report-col-supplier = Leverantör
report-col-hosting = Drift
report-col-lifecycle = Livscykel
report-col-version = Version
report-col-personal_data = Personuppgifter
report-col-confidentiality = Konfidentialitet
report-col-integrity = Riktighet
report-col-availability = Tillgänglighet
report-col-contract = Avtal
report-col-contract_ends = Avtalet löper ut
report-col-notice_date = Sista uppsägningsdag
report-col-contract_owner = Avtalsägare
report-col-dpa = PUB-avtal
report-col-plan_status = Planens status

## Avvikelser (avvikelsetexten i ett svar är planens egen)
deviation-answer = { $answer }: { $deviation }
deviation-upgrade-late = uppgraderingen står fortfarande som planerad, men datumet har passerat
deviation-upgrade-late-to = uppgraderingen till { $version } står fortfarande som planerad, men datumet har passerat

## Uppgraderingskalendern (--format ics)
ics-calendar = Uppgraderingar { $year } – { $organisation }
ics-upgrade = Uppgradering { $upgrade } ({ $kind })
ics-upgrade-to = Uppgradering { $upgrade } till { $version } ({ $kind })
ics-kind-none = uppgradering
ics-object = Objekt: { $object }
ics-system = System: { $system }
ics-kind = Typ: { $kind }
ics-status = Status: { $status }
ics-cab = CAB: { $cab }
ics-dependents = Berörda objekt: { $objects }
ics-dependents-none = inga
ics-service-window = Servicefönster

## Fel och upplysningar
note-no-plans = inga planer för { $year } (objects/<objekt>/{ $year }.toml)
error-report-format = --format { $format } finns inte för `report { $report }`
error-report-ics = --format ics finns bara för `report upgrades`
error-report-reverse = --reverse hör till `report deps`
error-report-xlsx-output = --format xlsx skriver en arbetsbok, inte text: ange filen med --output FIL, till exempel --output rapport.xlsx
error-report-deviations-flags = --overdue, --owner och --object hör till `report deviations`
error-no-role = rollmodellen { $model } har ingen roll `{ $role }`
error-no-role-suggest = rollmodellen { $model } har ingen roll `{ $role }`; menade du `{ $name }`?
error-no-plan-of = inget förvaltningsobjekt `{ $object }` har en plan för { $year }
error-no-plan-of-suggest = inget förvaltningsobjekt `{ $object }` har en plan för { $year }; menade du `{ $name }`?
