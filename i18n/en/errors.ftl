# Errors that stop a command (exit 2) while reading or writing files or reading git.
# The operating system's or git's own words follow after ": " or in `$why`, as they
# come; these are the words around them. `label-error` comes first.

# What plan was doing when the operating system refused (its reason follows).
error-reading = reading { $file }
error-writing = writing { $file }
error-creating = creating { $file }
error-opening = opening { $file }
error-replacing = replacing { $file }
error-removing = removing { $file }

# Writes stay inside the repository and write only regular files.
error-outside = { $file } is not inside { $bound }; not writing it
error-link-outside = { $file } is a link to { $to }, outside the repository; plan writes nothing through it
error-link-dangling = { $file } is a link to { $to }, which does not exist; plan writes nothing through it
error-link-leads-outside = `{ $file }` is a link that leads outside the repository; it is not followed
error-not-a-folder = { $dir } is not a folder; not writing into it
error-not-a-file = { $file } is { $kind ->
        [fifo] a FIFO (named pipe)
        [socket] a socket
        [device] a device
        [folder] a folder
       *[other] not a regular file
    }, not a file plan can read or replace
error-not-a-plain-file = `{ $file }` is not a file
error-not-relative = `{ $file }` is not a path inside the repository
error-locked = { $file } is locked: { $lock } exists, so another `plan` is writing it or was interrupted; if no `plan` is running, delete { $lock }
error-read-only = { $file } is read-only; not replacing it
error-gone = { $file } no longer exists; not writing it
error-disappeared = { $file } disappeared while checking
error-output-folder = --output { $file }: is a folder
error-stdout = writing to standard output failed: { $why }
error-xlsx = building the XLSX workbook

# plan.toml, the repository settings.
error-config-missing = plan.toml not found in { $place }
error-config-not-a-file = { $file } is { $kind ->
        [folder] a folder
       *[other] not a regular file (a FIFO, socket or device)
    }; plan.toml must be a file (the repository settings)
error-config-dangling = { $file } is a link to { $to }, which does not exist
error-config-unreadable = reading { $file }: { $why }
error-role-undefined = role `{ $role }` is named but not defined under [[roles]]

# PATH arguments of `plan check`.
error-no-such-path = { $file }: no such file or folder
error-unreadable-path = { $file }: cannot be read
error-outside-repository = { $file } is outside the plan repository { $dir }
error-path-not-utf8 = { $file }: path is not valid UTF-8

# The site (`plan site --out`).
error-site-not-a-file = { $file } is not a regular file; not replacing it
error-site-not-ours = { $file } was not written by `plan site`; not replacing it (move it away, or choose another --out)

# An interrupted `plan new-year` (its files wait in a folder of their own).
error-batch-exists = { $dir } exists: another `plan new-year` is running; if none is, run `plan new-year` again to finish or undo the interrupted one
error-batch-in-use = another `plan new-year` is running ({ $dir } is in use); wait for it to finish
error-batch-taken = { $file } was written by someone else after a `plan new-year` was interrupted; the files that run wrote are in { $dir }: move { $file } aside and run `plan new-year` again
error-batch-placing = finishing the interrupted `plan new-year`: placing { $file }

# git
source-revision = revision { $rev }
source-index = the git index (staged changes)
error-no-git = { $dir } is not in a git repository ({ $why })
error-git-bare = the git repository at { $dir } has no work tree
error-outside-work-tree = { $dir } is outside the git work tree { $work_tree }
error-unknown-revision = unknown revision `{ $rev }`: { $why }
error-not-a-tree = `{ $rev }` does not name a commit or tree: { $why }
error-reading-head = reading HEAD: { $why }
error-no-commits = { $what }: the git repository has no commits yet; commit first, or check the staged files with --staged
error-index-file = --staged: GIT_INDEX_FILE names { $file }, which is not a file; unset GIT_INDEX_FILE to check git's own index
error-reading-index = reading the git index { $file }
error-conflicts = { $file } has unresolved merge conflicts in the index; resolve them before checking
error-git-link = `{ $file }` is a symbolic link; links are not followed

# --changed-since and --verify-attestations
-fetch-base = fetch the base branch (`git fetch origin <branch>`), or in GitLab CI set `GIT_DEPTH: 0` (variables:) so the clone has the history
-fetch-history = fetch the whole history: in GitLab CI set `GIT_DEPTH: 0` (variables:), elsewhere run `git fetch --unshallow`
error-base-auto = --changed-since auto takes the base from CI_MERGE_REQUEST_DIFF_BASE_SHA, which is not set (GitLab sets it in merge request pipelines); give a revision instead, e.g. origin/main
error-base-shallow = --changed-since { $base }: the revision is not in this shallow clone ({ $why }); { -fetch-base }
error-base-unknown = --changed-since { $base }: unknown revision ({ $why }); fetch it first, e.g. `git fetch origin { $base }`
error-rev-not-commit = --rev { $rev }: not a commit ({ $why })
error-base-no-head = --changed-since needs a HEAD commit: { $why }
error-base-cut-off = --changed-since { $base }: no merge base with { $tip } in this shallow clone, the history is cut off before the branches meet; { -fetch-base }
error-base-unrelated = --changed-since { $base }: { $tip } and { $base } share no history ({ $why })
error-verify-shallow = --verify-attestations: this is a shallow clone, so the history of the plans is cut off and every attestation would seem to come from the oldest commit there; { -fetch-history }

# A CI report (--format gitlab, junit) of a check that could not run.
error-could-not-run-title = plan check could not run
error-could-not-run = plan check could not run: { $why }

# A plan file a report or the site leaves out (a warning, not an error).
warning-left-out = { $file } is left out: it is not a readable TOML file (`plan check { $file }` shows why)

# git's index, when `plan new-year --commit` stages its files.
error-adding-to-index = could not add { $file } to the git index

# Errors that mean a defect in plan itself, never in the files: they should not
# happen. They still say what went wrong, in the language.
-bug = a defect in plan itself, not in your files: nothing was written; please report it
internal-edit-unparsable = the file could not be read for editing ({ $why }); { -bug }
internal-no-systems = the file has no [[systems]] to edit; { -bug }
internal-system-missing = the file has no [[systems]] with id = "{ $system }" to edit; { -bug }
internal-edit-does-not-parse = the edited file could not be read back ({ $why }); { -bug }
internal-system-lost = the system `{ $system }` was lost in the edit; { -bug }
internal-answers-changed = the edit changed the answers; { -bug }

# Something that is not a folder where plan needs one (`schema` is a file, so
# schema/plan-file.schema.json cannot be written): what it is and what to do,
# instead of the operating system's "File exists" or "Not a directory".
error-in-the-way = { $file } is { $kind ->
        [fifo] a FIFO (named pipe)
        [socket] a socket
        [device] a device
       *[other] a file
    }, where plan needs a folder; move it aside (or rename it) and run the command again
error-in-the-way-of = { $file } is { $kind ->
        [fifo] a FIFO (named pipe)
        [socket] a socket
        [device] a device
       *[other] a file
    }, where plan needs a folder for { $path }; move it aside (or rename it) and run the command again
