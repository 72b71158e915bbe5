# What the commands say themselves: their output, notes and refusals. English.
# (Findings are in findings.ftl, errors of git and the file system in errors.ftl.)

## Shared by several commands

error-plan-not-toml = { $file } is not valid TOML; run `plan check { $file }`
error-updating = updating { $file }
plans = { $count ->
        [one] { $count } plan
       *[other] { $count } plans
    }

## plan new-year: the table

new-year-col-object = object
new-year-col-action = action
new-year-col-carried = carried
new-year-col-dropped = dropped
new-year-col-notes = notes
new-year-skip = skip
new-year-write = write { $file }
new-year-systems = { $count ->
        [one] { $count } system
       *[other] { $count } systems
    }
new-year-open-activities = { $count ->
        [one] { $count } open activity
       *[other] { $count } open activities
    }
new-year-open-deviations = { $count ->
        [one] { $count } open deviation
       *[other] { $count } open deviations
    }
new-year-upgrades = { $count ->
        [one] { $count } upgrade
       *[other] { $count } upgrades
    }
new-year-activities-done = { $count ->
        [one] { $count } activity done
       *[other] { $count } activities done
    }
new-year-activities-cancelled = { $count ->
        [one] { $count } activity cancelled
       *[other] { $count } activities cancelled
    }
new-year-system-retired = system { $system } (retired)

## plan new-year: the notes of an object

new-year-exists = { $file } exists: left as it is
new-year-all-retired = all systems retired ({ $systems }): no { $year } plan
new-year-contract-ended = the contract for `{ $system }` ended { $date }
new-year-names-nothing = `{ $system } → { $target }` names nothing planned for { $year } (deps/unknown)
new-year-upgrades-unfinished = { $count ->
        [one] { $count } upgrade
       *[other] { $count } upgrades
    } not done in { $year }: plan again if still wanted
new-year-removed = removed `{ $reference }`: retired in { $year }
new-year-deviations = open deviations: { $deviations }

## plan new-year: what it did

new-year-nothing = nothing to do: every object with a { $from } plan already has a { $to } plan
new-year-nothing-retired = nothing to do: every object with a { $from } plan already has a { $to } plan or has only retired systems
new-year-dry-run = dry run: would write { $plans } for { $to }; nothing written
new-year-dry-run-commit = dry run: would write { $plans } for { $to } and commit them; nothing written
new-year-wrote = wrote { $plans } for { $to }
new-year-wrote-committed = wrote { $plans } for { $to } and committed them as { $commit }
new-year-next = next: review the drafts, run `plan check --year { $year }`, and attest bilaga 3 again with `plan attest`
new-year-finished = finished an interrupted `plan new-year`: { $plans } in place
new-year-finished-committed = finished an interrupted `plan new-year`: { $plans } in place and committed them as { $commit }
# The title of the commit of `plan new-year --commit`; a line per object follows.
new-year-commit-title = Management plans { $to }: drafts from { $from }
note-new-year-interrupted = an earlier `plan new-year` was interrupted; run `plan new-year` without --dry-run to finish or undo it
note-new-year-undone = an earlier `plan new-year` was interrupted before it put any plan in place; its drafts are removed
warning-new-year-index = committed { $commit }, but the git index could not be updated ({ $why }); run `git reset` to refresh it

## plan new-year: refusals (exit 2)

error-new-year-five-digits = --from { $from }: the year after it has five digits, and plan files are named by four (objects/<object>/<year>.toml)
error-new-year-backwards = --to { $to } must be after --from { $from }
error-new-year-no-plans = no plans for { $year } (objects/<object>/{ $year }.toml)
error-new-year-nothing = no plans under objects/ yet: nothing to roll over
error-new-year-unreadable = cannot roll over { $year }; nothing was written:
error-new-year-writing = writing the new plans; nothing was written
error-new-year-disappeared = { $file } disappeared while reading
error-new-year-wrong = internal error: the new { $file } has wrong { $what }
error-new-year-commit-refused = --commit refused; nothing was written
error-new-year-committing = committing the new plans; nothing was written
error-new-year-unfinished = an interrupted `plan new-year` put its { $plans } in place but could not commit them (run `plan new-year --commit` again once this is resolved)
error-commit-in-progress = { $state ->
        [merge] a merge
        [revert] a revert
        [cherry-pick] a cherry-pick
        [bisect] a bisect
        [am] a `git am`
       *[rebase] a rebase
    } is in progress; finish it first (see `git status`)
error-commit-conflicts = the index has unresolved conflicts; resolve them first
error-commit-staged = the index already holds staged changes ({ $files }); commit or unstage them first (git restore --staged …), so the commit holds only the new plans
error-commit-no-identity = no git identity to commit as; set one with `git config user.name "Your Name"` and `git config user.email you@example.se`

## plan attest

note-attest-newest = attesting the { $year } plan, the newest of `{ $object }` (pass --year to choose)
attest-done = attested bilaga 3 of `{ $system }` in { $file }: attested_by = "{ $attester }", attested_on = { $date }, { $digest }
attest-done-signed = attested bilaga 3 of `{ $system }` in { $file }: attested_by = "{ $attester }", attested_on = { $date }, { $digest }, signed_by = "{ $signer }"
warning-attest-no-identity = git has no identity (user.email) here, so signed_by is not recorded and `plan check --verify-attestations` will report this attestation; set it with `git config user.email you@example.se` and run `{ $command }` again
note-attest-not-holder = you ({ $me }) do not hold the attesting role { $role } in { $file }, so this attestation is recorded as signed by you and `plan check --verify-attestations` will report it
help-attest-no-email = { $role } has no e-mail in { $file }; add the holder's e-mail under [roles.{ $attester }], commit that, and have the holder run `{ $command }` and commit it under that e-mail
help-attest-holder = { $role } is { $holders }; they run `{ $command }` and commit it under that e-mail (git config user.email), which replaces signed_by
error-attest-too-large = { $file } is larger than { $mib } MiB, more than a plan file may be; run `plan check { $file }`
error-attest-no-systems = { $file } has no [[systems]]: there is no bilaga 3 to attest
error-attest-which-system = { $file } has { $count } systems ({ $systems }); name one with --system
error-attest-no-system = { $file } has no system `{ $system }` (systems: { $systems })
error-attest-no-answers = system `{ $system }` has no [systems.appendix3.answers] to attest
error-attest-incomplete = not attesting `{ $system }` in { $file }: the checklist is incomplete (see above)
error-attest-inline = `appendix3` of `{ $system }` must be a [systems.appendix3] table to be edited

## plan check: notes on standard error (`label-note` first)

note-check-interrupted = a `plan new-year` was interrupted (its drafts are in { $dir }); run `plan new-year` to finish or undo it
note-check-all-changed = { $file } changed, so every object is checked

## plan import: what it writes

import-skipped = skipped { $file }: it exists already (rows { $rows })
import-created = created { $file }: { $systems } (rows { $rows })
import-would-create = would create { $file }: { $systems } (rows { $rows })
import-summary = imported { $objects ->
        [one] { $objects } object
       *[other] { $objects } objects
    } ({ $systems ->
        [one] { $systems } system
       *[other] { $systems } systems
    }) as draft plans of { $year }{ $skipped ->
        [0] {""}
        [one] ; skipped { $skipped } object that already has a plan of { $year }
       *[other] ; skipped { $skipped } objects that already have a plan of { $year }
    }
import-summary-dry-run = would import { $objects ->
        [one] { $objects } object
       *[other] { $objects } objects
    } ({ $systems ->
        [one] { $systems } system
       *[other] { $systems } systems
    }) as draft plans of { $year }{ $skipped ->
        [0] {""}
        [one] ; skipped { $skipped } object that already has a plan of { $year }
       *[other] ; skipped { $skipped } objects that already have a plan of { $year }
    }
import-dry-run = nothing written (--dry-run)
import-next = fill in the empty values, then run `plan check`
import-unusable = { $file }: { $count ->
        [one] { $count } row or column cannot be used
       *[other] { $count } rows or columns cannot be used
    }; nothing written
error-import-xlsx = reading { $file } as an XLSX workbook
error-import-no-sheet = the workbook has no sheet

## plan import: a row or column it cannot use (`file: row 4, column C (Drift): …`)

import-at-cell = row { $row }, column { $column } ({ $header })
import-at-column = row { $row }, column { $column }
import-at-row = row { $row }
import-same-object = `{ $text }` and `{ $other }` (row { $row }) both make the object id `{ $object }`
    .help = spell one object the same way in every row, or give two objects names that differ in more than accents and punctuation
import-same-system = the system id `{ $system }` of object `{ $object }` is made by row { $row } already
    .help = give each system of an object its own name
import-one-holder = { $role } of `{ $object }` is { $first } in row { $row }, { $other } here; the role is held by one person
    .help = name the same person in every row of the object
import-no-rows = the export has no rows below its header
import-not-value = `{ $text }` is not { $expected }
import-expected-hosting = a hosting: write internal, external or hybrid (intern, extern)
import-expected-lifecycle = a lifecycle: write planned, active, phasing-out or retired (planerad, aktiv, avvecklas, avvecklad)
import-expected-yes-no = yes or no (ja, nej)
import-expected-level = a classification level 0–3
import-expected-date = a date like 2028-06-30
import-no-system = the row names no system: its object, system and name are empty
    .help = fill in the system's name, or remove the row
import-no-id = `{ $text }` makes no id: it has no letter or digit
import-not-holder = `{ $text }` is not a name, an e-mail address, or "Name <e-mail>"
    .help = write it as Karin Ek <karin.ek@example.se>
import-many-holders = { $role } is held by one person; the cell names { $count }
    .help = keep one name
import-no-header = column { $column } has values (row { $row }) but no header
    .help = name it in row 1, or remove the column
import-repeated-column = column `{ $title }` holds what column { $column } (`{ $first }`) holds already
    .help = keep one of them
import-unknown-column = unknown column `{ $title }`
import-did-you-mean = did you mean `{ $name }`?
import-columns = the columns a register export may have: { $columns }, and one per role of the model { $model } (its id or label)
import-no-system-column = no column names the systems
    .help = a register export needs a column `system` (or `name`/`namn`, or `object`/`objekt`)

## plan hook install

hook-installed = installed { $hook }: `plan check --staged --changed-since HEAD` runs before each commit
error-hook-exists = { $hook } exists and was not written by plan; not replacing it (use --force to replace it, keeping it as pre-commit.orig)
error-hook-keeping = keeping the old hook as pre-commit.orig
# The hook's own comment (each line becomes a shell comment) and what it says when
# it cannot find plan (each line echoed on standard error).
hook-script-comment =
    Checks what this commit changes in the förvaltningsplaner; `git commit --no-verify`
    skips it once. Install again (`plan hook install`) after moving the plan program.
hook-script-missing =
    pre-commit: the plan program is neither at { $installed } nor on PATH, so the plans cannot be checked.
    Install it (cargo install --path <the plan project>), then run `plan hook install` again;
    or skip the check once with `git commit --no-verify`.

## plan init

init-created = created in { $dir }: { $files }
init-next = next: plan new <object> --year <year> --name "<name>"
note-init-ci-exists = .gitlab-ci.yml exists; left as it is (see README for the plan check job)
note-init-gitignore-exists = .gitignore exists; left as it is (README lists the editor leftovers to ignore)
error-init-git = git init { $dir }
