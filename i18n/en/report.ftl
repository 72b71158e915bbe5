# plan report: column headers of the formats people read (table, Markdown, XLSX;
# JSON and CSV keep the field names), the deviations' descriptions, the upgrade
# calendar and the command's errors. English.

## Column headers: `report-col-<field>`, the field as in JSON and CSV
report-col-object = Object
report-col-system = System
report-col-date = Date
report-col-kind = Kind
report-col-to_version = To version
report-col-service_window = Service window
report-col-cab = CAB
report-col-announced_on = Announced
report-col-status = Status
report-col-dependents = Objects affected
report-col-target = Depends on
report-col-via = Kind
report-col-source = Source
report-col-id = Id
report-col-description = Description
report-col-owner = Owner
report-col-due = Due
report-col-overdue = Overdue
report-col-role = Role
report-col-name = Name
report-col-email = E-mail
report-col-supplier = Supplier
report-col-hosting = Hosting
report-col-lifecycle = Lifecycle
report-col-version = Version
report-col-personal_data = Personal data
report-col-confidentiality = Confidentiality
report-col-integrity = Integrity
report-col-availability = Availability
report-col-contract = Contract
report-col-contract_ends = Contract ends
report-col-notice_date = Notice by
report-col-contract_owner = Contract owner
report-col-dpa = DPA
report-col-plan_status = Plan status

## Deviations (the answer's deviation text is the plan's own)
deviation-answer = { $answer }: { $deviation }
deviation-upgrade-late = the upgrade is still planned after its date
deviation-upgrade-late-to = the upgrade to { $version } is still planned after its date

## The upgrade calendar (--format ics)
ics-calendar = Upgrades { $year } – { $organisation }
ics-upgrade = Upgrade { $upgrade } ({ $kind })
ics-upgrade-to = Upgrade { $upgrade } to { $version } ({ $kind })
ics-kind-none = upgrade
ics-object = Object: { $object }
ics-system = System: { $system }
ics-kind = Kind: { $kind }
ics-status = Status: { $status }
ics-cab = CAB: { $cab }
ics-dependents = Objects affected: { $objects }
ics-dependents-none = none
ics-service-window = Service window

## Errors and notes
note-no-plans = no plans for { $year } (objects/<object>/{ $year }.toml)
error-report-format = --format { $format } is not available for `report { $report }`
error-report-ics = --format ics is available for `report upgrades` only
error-report-reverse = --reverse goes with `report deps`
error-report-xlsx-output = --format xlsx writes a workbook, not text: name the file with --output FILE, e.g. --output report.xlsx
error-report-deviations-flags = --overdue, --owner and --object go with `report deviations`
error-no-role = role model { $model } has no role `{ $role }`
error-no-role-suggest = role model { $model } has no role `{ $role }`; did you mean `{ $name }`?
error-no-plan-of = no object `{ $object }` has a plan for { $year }
error-no-plan-of-suggest = no object `{ $object }` has a plan for { $year }; did you mean `{ $name }`?
