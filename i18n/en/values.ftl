# Enumerated values in words, for the formats people read (the site; plan report's
# table, Markdown and XLSX): `value-<kind>-<value>`, where the value is written as
# in the plan files. JSON and CSV keep the values as written.

value-yes = Yes
value-no = No

value-status-draft = Draft
value-status-established = Established
value-status-revised = Revised
value-hosting-internal = Run in-house
value-hosting-external = Run by the supplier
value-hosting-hybrid = Run jointly
value-lifecycle-planned = Planned
value-lifecycle-active = Active
value-lifecycle-phasing-out = Phasing out
value-lifecycle-retired = Retired
value-answer-yes = Yes
value-answer-no = No
value-answer-partial = Partly
value-answer-na = Not applicable
value-kind-major = Major upgrade
value-kind-minor = Minor upgrade
value-kind-patch = Patch
value-kind-security = Security update
value-upgrade-status-planned = Planned
value-upgrade-status-done = Done
value-upgrade-status-postponed = Postponed
value-upgrade-status-cancelled = Cancelled
value-activity-status-planned = Planned
value-activity-status-ongoing = Ongoing
value-activity-status-done = Done
value-activity-status-postponed = Postponed
value-activity-status-cancelled = Cancelled
value-source-appendix3 = Bilaga 3
value-source-activity = Activity
value-source-upgrade = Upgrade
value-source-budget = Budget
value-source-roles = Roles
value-source-attestation = Attestation
value-cab-approved = Approved
value-cab-requested = Requested
value-cab-not-required = Not required

value-via-depends-on = dependency
value-via-integration = integration

value-month-1 = January
value-month-2 = February
value-month-3 = March
value-month-4 = April
value-month-5 = May
value-month-6 = June
value-month-7 = July
value-month-8 = August
value-month-9 = September
value-month-10 = October
value-month-11 = November
value-month-12 = December
