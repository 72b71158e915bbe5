# Uppräknade värden i ord, för de format som människor läser (webbplatsen; plan
# report som tabell, Markdown och XLSX): `value-<slag>-<värde>`, där värdet skrivs
# som i planfilerna. JSON och CSV behåller värdena som de skrivs.

value-yes = Ja
value-no = Nej

value-status-draft = Förslag
value-status-established = Fastställd
value-status-revised = Reviderad
value-hosting-internal = Egen drift
value-hosting-external = Extern drift
value-hosting-hybrid = Delad drift
value-lifecycle-planned = Planerad
value-lifecycle-active = I drift
value-lifecycle-phasing-out = Under avveckling
value-lifecycle-retired = Avvecklad
value-answer-yes = Ja
value-answer-no = Nej
value-answer-partial = Delvis
value-answer-na = Ej tillämplig
value-kind-major = Större uppgradering
value-kind-minor = Mindre uppgradering
value-kind-patch = Patch
value-kind-security = Säkerhetsuppdatering
value-upgrade-status-planned = Planerad
value-upgrade-status-done = Genomförd
value-upgrade-status-postponed = Uppskjuten
value-upgrade-status-cancelled = Inställd
value-activity-status-planned = Planerad
value-activity-status-ongoing = Pågår
value-activity-status-done = Klar
value-activity-status-postponed = Uppskjuten
value-activity-status-cancelled = Inställd
value-source-appendix3 = Bilaga 3
value-source-activity = Aktivitet
value-source-upgrade = Uppgradering
value-source-budget = Budget
value-source-roles = Roller
value-source-attestation = Intygande
value-cab-approved = Godkänd
value-cab-requested = Begärd
value-cab-not-required = Behövs inte

value-via-depends-on = beroende
value-via-integration = integration

value-month-1 = Januari
value-month-2 = Februari
value-month-3 = Mars
value-month-4 = April
value-month-5 = Maj
value-month-6 = Juni
value-month-7 = Juli
value-month-8 = Augusti
value-month-9 = September
value-month-10 = Oktober
value-month-11 = November
value-month-12 = December
