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
new-year-next = next: review the drafts, run `plan check --year { $year }`, and attest appendix 3 again with `plan attest`
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
attest-done = attested appendix 3 of `{ $system }` in { $file }: attested_by = "{ $attester }", attested_on = { $date }, { $digest }
attest-done-signed = attested appendix 3 of `{ $system }` in { $file }: attested_by = "{ $attester }", attested_on = { $date }, { $digest }, signed_by = "{ $signer }"
warning-attest-no-identity = git has no identity (user.email) here, so signed_by is not recorded and `plan check --verify-attestations` will report this attestation; set it with `git config user.email you@example.se` and run `{ $command }` again
note-attest-not-holder = you ({ $me }) do not hold the attesting role { $role } in { $file }, so this attestation is recorded as signed by you and `plan check --verify-attestations` will report it
help-attest-no-email = { $role } has no e-mail in { $file }; add the holder's e-mail under [roles.{ $attester }], commit that, and have the holder run `{ $command }` and commit it under that e-mail
help-attest-holder = { $role } is { $holders }; they run `{ $command }` and commit it under that e-mail (git config user.email), which replaces signed_by
error-attest-too-large = { $file } is larger than { $mib } MiB, more than a plan file may be; run `plan check { $file }`
error-attest-no-systems = { $file } has no [[systems]]: there is no appendix 3 to attest
error-attest-which-system = { $file } has { $count } systems ({ $systems }); name one with --system
error-attest-no-system = { $file } has no system `{ $system }` (systems: { $systems })
error-attest-no-answers = system `{ $system }` has no [systems.appendix3.answers] to attest
error-attest-incomplete = not attesting `{ $system }` in { $file }: the checklist is incomplete (see above)
error-attest-inline = `appendix3` of `{ $system }` must be a [systems.appendix3] table to be edited

## plan check: notes on standard error (`label-note` first)

note-check-interrupted = a `plan new-year` was interrupted (its drafts are in { $dir }); run `plan new-year` to finish or undo it
note-check-all-changed = { $file } changed, so every object is checked
