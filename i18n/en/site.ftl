# The steering group's site (`plan site`): page titles, navigation, headings,
# table headers and the words of status. English.

## Frame and navigation
site-skip = Skip to the content
site-plans = Management plans
site-nav-label = The site's pages
site-nav-index = Overview
site-nav-dependencies = Dependencies
site-nav-upgrades = Upgrades
site-nav-deviations = Deviations
site-nav-people = People and roles
site-footer = { $organisation } · management plans { $year } · made with plan from the plan repository
site-none = None.
site-missing = missing

## Overview
site-index-title = Management plans { $year }
site-index-intro = Every management object with a plan for the year: status, the roles the role model requires, bilaga 3 per system, findings and the next upgrade.
site-index-caption = Management objects
site-col-object = Management object
site-col-status = Status
site-col-roles = Roles
site-col-attestation = Bilaga 3
site-col-findings = Findings
site-col-next-upgrade = Next upgrade
site-findings-count = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
site-summary-label = The year at a glance
site-summary-objects = { $count ->
    [one] management object
   *[other] management objects
}
site-summary-attested = of { $systems } systems have an attested bilaga 3
site-summary-deviations = { $count ->
    [one] deviation to know about
   *[other] deviations to know about
}
# The deviations figure's breakdown, one item per source of the deviations page.
site-summary-deviation-source = { $source ->
    [appendix3] { $count } in bilaga 3
    [activity] { $count ->
        [one] { $count } overdue activity
       *[other] { $count } overdue activities
    }
    [upgrade] { $count ->
        [one] { $count } upgrade that did not happen
       *[other] { $count } upgrades that did not happen
    }
    [budget] { $count ->
        [one] { $count } budget overrun
       *[other] { $count } budget overruns
    }
    [roles] { $count ->
        [one] { $count } missing role
       *[other] { $count } missing roles
    }
   *[attestation] { $count ->
        [one] { $count } system without a valid attestation
       *[other] { $count } systems without a valid attestation
    }
}
site-summary-upgrades = { $count ->
    [one] planned upgrade left this year
   *[other] planned upgrades left this year
}
# A badge of the overview with its count before it ("3 Overdue", "2 Drafts"):
# $badge is the id of the badge's own message, $word its text as the tables show it.
site-summary-badge = { $badge ->
    [value-status-draft] { $count ->
        [one] Draft
       *[other] Drafts
    }
    [site-severity-warning] { $count ->
        [one] Warning
       *[other] Warnings
    }
   *[other] { $word }
}
site-summary-next = Next: { $date }, { $system } ({ $object })
site-summary-errors = { $count ->
    [one] error in the plans
   *[other] errors in the plans
}
site-attested = Attested
site-attestation-stale = Stale – answers changed after the attestation
site-not-attested = Not attested

## Common columns
site-col-system = System
site-col-source = Source
site-col-what = What
site-col-owner = Owner
site-col-due = Due
site-col-name = Name
site-col-email = Email
site-col-role = Role
site-col-unit = Unit
site-col-depends-on = Depends on
site-col-via = Kind
site-col-date = Date
site-col-kind = Kind
site-col-window = Service window
site-col-flags = Notes
site-col-activity = Activity
site-col-period = Period
site-col-personal-data = Personal data
site-col-legal-basis = Legal basis
site-col-purpose = Purpose
site-col-contract = Contract

## Deviations
site-deviations-intro = Everything the steering group must hear about: bilaga 3 deviations, overdue activities, upgrades that did not happen, budget overruns, missing roles and systems not attested. Overdue first.
site-deviations-caption = Deviations
site-overdue = Overdue

## People
site-people-intro = Who holds which role in which management object.
site-people-caption = People and roles

## Dependencies
site-deps-intro = Which management objects depend on each other. An arrow goes from the object that depends to the one it depends on; each box leads to the object's plan.
site-deps-legend = Solid arrow: depends on (depends_on). Dashed arrow: fetches information through an integration.
site-deps-graph-title = Dependencies between the management objects
site-deps-table = All dependencies
site-deps-caption = Dependencies
site-deps-too-many = The year has { $objects } management objects, more than the { $limit } a readable picture holds. The table below lists every dependency, and each object's page draws its nearest neighbours.
site-neighbourhood-title = Dependencies to and from { $object }

## Upgrades
site-upgrades-title = Upgrades { $year }
site-upgrades-intro = The year's upgrades month by month, with the service windows. Upgrades outside a service window, clashes and upgrades not announced in time are marked.
site-upgrades-ics = Subscribe to the calendar (upgrades.ics)
site-upgrades-none = No upgrades this month.
site-windows = Service windows: { $dates }
site-windows-none = No service window this month.
site-window-yes = In a service window
site-window-no = Outside service windows
site-upgrade-dependents = Objects affected: { $objects }
site-flag-clash = Clashes with a dependent system the same day
site-flag-announce = Not announced in time
site-flag-service-window = Outside service windows
site-flag-cab = No CAB decision
site-flag-untested = Not tested
site-flag-outside-year = Outside the plan year
site-flag-unknown-system = Unknown system

## The object's page: the management plan
site-object-title = Management plan { $year } for { $name }
site-toc = Contents
site-established-on = Established (fastställd)
site-established-by = Established by
site-diarienummer = Registration number
site-organisation-model = Organisation model
site-organisation-model-value = Model { $model } (handbook 10.1.{ $model })
site-description = The system's task and the activity it supports
site-goals = Goals
site-goal-measure = Followed up by
site-roles = Management organisation
site-reference-group = Reference group
site-budget = Management budget (bilaga 1)
site-budget-hours = Hours
site-budget-sek = SEK
site-planned-hours = Hours planned in the activities
site-planned-sek = SEK planned in the activities
site-systems = Systems of the management object
site-system-supplier = Supplier
site-system-version = Version
site-system-hosting = Hosting
site-system-lifecycle = Lifecycle
site-system-personal-data = Personal data
site-system-classification = Information classification
site-classification = confidentiality { $c }, integrity { $i }, availability { $a }
site-system-test-environment = Test environment
site-contract-id = Contract
site-contract-ends = Contract ends
site-contract-notice = Last day to give notice
site-contract-owner = Contract owner
site-contract-dpa = Data processing agreement
site-dependencies = Dependencies
site-depends-on = The object depends on
site-depended-on-by = Objects that depend on it
site-integrations = Integrations
site-appendix3 = Bilaga 3: information security
site-checklist = Checklist: { $title }.
site-appendix3-system = Bilaga 3 for { $system }
site-attested-by = Attested by { $role } on { $date }.
site-question-unknown = (not a question of the checklist)
site-unanswered = Unanswered
site-deviation = Deviation
site-deviation-action = Action
site-deviation-owner = Owner
site-deviation-due = Due
site-deviation-reported-to = Reported to
site-upgrades = Upgrades
site-activities = Activities
site-findings = Findings of plan check
site-findings-none = No findings: the plan follows every rule.
site-finding-at = { $file } line { $line }
site-severity-error = Error
site-severity-warning = Warning
site-establishment = Establishment
site-establish = The management plan { $year } for { $name } is established.
site-sign-attest = Bilaga 3 for { $system } is attested by { $role }.
site-sign-signature = Signature
site-sign-name = Name in block letters
site-sign-date = Place and date

