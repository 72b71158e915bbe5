#!/usr/bin/env bash
# Benchmark of `plan` on generated repositories of 10,000 and 50,000 objects (one
# plan file per object: a single year, 2027). See benches/README.md.
#
#   benches/run.sh [--install] [--runs N] [--sizes "10000 50000"] [--work DIR]
#                  [--no-taplo] [--fresh]
#
# --install   install what is missing: hyperfine (apt-get) and taplo
#             (`cargo install taplo-cli --locked` into DIR/tools)
# --runs N    runs per measurement (default 5; taplo and new-year get at most 3);
#             medians reported
# --sizes     repository sizes, in objects (default "10000 50000")
# --work DIR  where repositories, tools and results go (default /tmp/plan-bench);
#             never inside the project
# --no-taplo  skip the taplo comparison
# --fresh     generate the repositories again (they are kept between runs)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=/tmp/plan-bench
RUNS=5
SIZES="10000 50000"
INSTALL=0
TAPLO_WANTED=1
FRESH=0
TODAY=2027-03-01
HEAVY_TODAY=2029-06-01
YEAR=2027

while [ $# -gt 0 ]; do
    case "$1" in
        --install) INSTALL=1 ;;
        --runs) RUNS=$2; shift ;;
        --sizes) SIZES=$2; shift ;;
        --work) WORK=$2; shift ;;
        --no-taplo) TAPLO_WANTED=0 ;;
        --fresh) FRESH=1 ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done
case "$WORK" in
    "$ROOT"|"$ROOT"/*) echo "run.sh: --work must be outside the project" >&2; exit 2 ;;
esac
mkdir -p "$WORK/results"
WORK=$(cd "$WORK" && pwd)
RES=$WORK/results
SMALL=${SIZES%% *}
LARGE=${SIZES##* }

say() { printf '== %s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------
say "building (release)"
(cd "$ROOT" && cargo build --release --quiet --bin plan --example gen-repo --example parse-baseline)
PLAN=$ROOT/target/release/plan
GEN=$ROOT/target/release/examples/gen-repo
BASELINE=$ROOT/target/release/examples/parse-baseline

if ! command -v hyperfine >/dev/null && [ $INSTALL = 1 ]; then
    say "installing hyperfine"
    apt-get install -y -qq hyperfine >/dev/null || (apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null)
fi
HYPERFINE=$(command -v hyperfine || true)
TIME=/usr/bin/time
[ -x $TIME ] || { echo "run.sh: needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }

TAPLO=""
if [ $TAPLO_WANTED = 1 ]; then
    TAPLO=$(command -v taplo || true)
    [ -z "$TAPLO" ] && [ -x "$WORK/tools/bin/taplo" ] && TAPLO=$WORK/tools/bin/taplo
    if [ -z "$TAPLO" ] && [ $INSTALL = 1 ]; then
        say "installing taplo-cli (cargo install, takes a while)"
        cargo install taplo-cli --locked --quiet --root "$WORK/tools"
        TAPLO=$WORK/tools/bin/taplo
    fi
fi

# --- repositories --------------------------------------------------------------
# Deleting many files slows down creating files on some file systems for minutes
# (see benches/README.md): every mass deletion here is noted, and the measuring
# waits until the last one is six minutes old.
DELETED=$WORK/last-mass-deletion
deleted() { touch "$DELETED"; }
wait_after_deletion() {
    [ -f "$DELETED" ] || return 0
    local left=$(( $(stat -c %Y "$DELETED") + 360 - $(date +%s) ))
    if [ "$left" -gt 0 ]; then
        say "waiting ${left} s: many files were deleted here lately, which slows down creating files (benches/README.md)"
        sleep "$left"
    fi
}

# objects = plan files: every generated object has one plan, for 2027.
repo_of() { echo "$WORK/plans-$1"; }
for n in $SIZES; do
    repo=$(repo_of "$n")
    if [ $FRESH = 1 ] || [ ! -f "$WORK/plans-$n.ready" ]; then
        say "generating $n objects in $repo"
        [ -e "$repo" ] && deleted
        rm -rf "$repo" "$WORK/plans-$n.ready"
        "$GEN" --objects "$n" --out "$repo" --years $YEAR --seed 1 --git
        # A branch that changes one object: for --changed-since main. Every
        # measurement runs on this work tree, so all compare the same files.
        dirs=("$repo"/objects/*)
        first=$(basename "${dirs[0]}")
        git -C "$repo" checkout -q -b bench
        sed -i 's/^title = "\(.*\)"/title = "\1 (ändrad)"/' "$repo/objects/$first/$YEAR.toml"
        git -C "$repo" -c user.name=bench -c user.email=bench@example.se commit -q -am "bench: change $first"
        touch "$WORK/plans-$n.ready"
    fi
done
# Let the writes of the generator reach the disk before anything is timed.
sync
wait_after_deletion

# --- measuring -----------------------------------------------------------------
# The median of the numbers in a file, one a line (lines that are not numbers,
# such as "Command exited with non-zero status 1", are skipped).
median() {
    grep -E '^[0-9.]+$' "$1" | sort -n |
        awk '{a[NR]=$1} END {if (NR) printf "%.3f\n", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2); else print "n/a"}'
}

# The median (seconds) of a hyperfine CSV export with one command.
median_of() { awk -F, 'NR == 2 { printf "%.3f\n", $4 }' "$1"; }

# measure NAME RUNS DIR CMD...: median wall seconds into $RES/NAME.
measure() {
    local name=$1 runs=$2 dir=$3; shift 3
    say "$name: $*"
    if [ -n "$HYPERFINE" ]; then
        (cd "$dir" && "$HYPERFINE" --style none --warmup 1 --runs "$runs" -i -N \
            --export-csv "$RES/$name.csv" -- "$(printf '%q ' "$@")" >/dev/null 2>&1)
        median_of "$RES/$name.csv" > "$RES/$name"
    else
        (cd "$dir" && "$@" >/dev/null 2>&1) || true
        : > "$RES/$name.times"
        for _ in $(seq "$runs"); do
            (cd "$dir" && $TIME -a -o "$RES/$name.times" -f '%e' "$@" >/dev/null 2>&1) || true
        done
        median "$RES/$name.times" > "$RES/$name"
    fi
}

# peak NAME DIR CMD...: peak resident memory (MiB) of one run into $RES/NAME.
peak() {
    local name=$1 dir=$2; shift 2
    (cd "$dir" && $TIME -o "$RES/$name.kb" -f '%M' "$@" >/dev/null 2>&1) || true
    awk '/^[0-9]+$/ {printf "%.0f\n", $1/1024}' "$RES/$name.kb" > "$RES/$name"
}

# measure_writes NAME RUNS DIR CLEAN CMD...: like measure, for a command that writes
# files: the shell command CLEAN runs before every run (and once after the last) to
# take away what the run before wrote.
measure_writes() {
    local name=$1 runs=$2 dir=$3 clean=$4; shift 4
    say "$name: $*"
    if [ -n "$HYPERFINE" ]; then
        (cd "$dir" && "$HYPERFINE" --style none --warmup 1 --runs "$runs" -i \
            --prepare "$clean" --export-csv "$RES/$name.csv" -- "$(printf '%q ' "$@")" >/dev/null 2>&1)
        median_of "$RES/$name.csv" > "$RES/$name"
    else
        : > "$RES/$name.times"
        for _ in $(seq "$runs"); do
            bash -c "$clean"
            (cd "$dir" && $TIME -a -o "$RES/$name.times" -f '%e' "$@" >/dev/null 2>&1) || true
        done
        median "$RES/$name.times" > "$RES/$name"
    fi
    bash -c "$clean"
}

"$PLAN" --repo "$(repo_of "$SMALL")" schema > "$WORK/plan-schema.json"

for n in $SIZES; do
    repo=$(repo_of "$n")
    check=("$PLAN" --repo "$repo" --today $TODAY check --format json)
    measure "parse-$n" "$RUNS" "$repo" "$BASELINE" "$repo"
    measure "check-$n" "$RUNS" "$repo" "${check[@]}"
    peak "rss-$n" "$repo" "${check[@]}"
    # Findings-heavy: the same plans checked two years on, when every activity and
    # deviation is overdue and every upgrade long past (a few findings per plan,
    # as a real repository that is not kept up has): what findings cost in memory.
    # Its time in the JSON format, and its peak memory in every format that shows
    # all findings (the row gives the largest).
    heavy=("$PLAN" --repo "$repo" --today $HEAVY_TODAY check)
    measure "check-heavy-$n" "$RUNS" "$repo" "${heavy[@]}" --format json
    for fmt in human json sarif junit gitlab github; do
        peak "rss-heavy-$fmt-$n" "$repo" "${heavy[@]}" --format $fmt
    done
    cat "$RES"/rss-heavy-{human,json,sarif,junit,gitlab,github}-"$n" | sort -n | tail -1 > "$RES/rss-heavy-$n"
    "${heavy[@]}" --format json 2>/dev/null | awk '/"errors":|"warnings":/ { gsub(/[^0-9]/, ""); s += $0 } END { print s + 0 }' > "$RES/findings-heavy-$n" || true
    measure "changed-$n" "$RUNS" "$repo" "${check[@]}" --changed-since main
    measure "rev-$n" "$RUNS" "$repo" "${check[@]}" --rev HEAD
    measure "verify-$n" "$RUNS" "$repo" "${check[@]}" --verify-attestations
    # plan site into a fresh folder each run, as CI builds it; earlier sites are
    # moved aside, not deleted (see new-year below), and deleted at the end.
    trash=$WORK/trash
    mkdir -p "$trash"
    out=$WORK/site-$n
    site_clean="[ ! -e $out ] || mv $out $trash/site-\$\$-\$RANDOM"
    SITE_RUNS=$(( RUNS < 3 ? RUNS : 3 ))
    say "site-$n"
    if [ -n "$HYPERFINE" ]; then
        (cd "$repo" && "$HYPERFINE" --style none --warmup 1 --runs "$SITE_RUNS" -i \
            --prepare "$site_clean" --export-csv "$RES/site-$n.csv" \
            "$PLAN --repo $repo --today $TODAY site --year $YEAR --out $out" >/dev/null 2>&1)
        median_of "$RES/site-$n.csv" > "$RES/site-$n"
    else
        : > "$RES/site-$n.times"
        for _ in $(seq "$SITE_RUNS"); do
            bash -c "$site_clean"
            $TIME -a -o "$RES/site-$n.times" -f '%e' "$PLAN" --repo "$repo" --today $TODAY \
                site --year $YEAR --out "$out" >/dev/null 2>&1 || true
        done
        median "$RES/site-$n.times" > "$RES/site-$n"
    fi
    bash -c "$site_clean"
    peak "site-rss-$n" "$repo" "$PLAN" --repo "$repo" --today $TODAY site --year $YEAR --out "$out"
    bash -c "$site_clean"
    if "$PLAN" new-year --help >/dev/null 2>&1; then
        # Every run writes 2028 plans; they are moved aside before the next one, not
        # deleted: on ext4 without a journal, creating files shortly after deleting
        # thousands makes the kernel skip each recently freed inode one by one
        # (`recently_deleted`, up to five minutes after the deletion), which would add
        # seconds no user ever sees. The moved files are deleted after the last
        # measurement.
        trash=$WORK/trash
        mkdir -p "$trash"
        clean="find $repo/objects -name 2028.toml -print0 | xargs -0 -r perl -e 'for (@ARGV) { m{/([^/]+)/2028\\.toml\$} or die; rename(\$_, \"$trash/\$1.\$\$.toml\") or die \"\$_: \$!\" }'"
        measure_writes "new-year-$n" "$(( RUNS < 3 ? RUNS : 3 ))" "$repo" "$clean" \
            "$PLAN" --repo "$repo" --today $TODAY new-year --from $YEAR --to $((YEAR + 1))
        git -C "$repo" status --porcelain | grep -q . && git -C "$repo" checkout -q -- . 2>/dev/null || true
    else
        echo "n/a" > "$RES/new-year-$n"
    fi
done
# `plan import` of a register export of $SMALL rows (semicolons, Swedish headers, as
# a Swedish spreadsheet program writes it; two systems for every third object) into
# an empty repository, then `plan check` of the plans it wrote. Before each run the
# plans of the last one are moved aside (not deleted, see new-year above).
if "$PLAN" import --help >/dev/null 2>&1; then
    imp=$WORK/import-$SMALL
    register=$WORK/register-$SMALL.csv
    awk -v n="$SMALL" 'BEGIN {
        print "Förvaltningsobjekt;System;Namn;Leverantör;Drift;Livscykel;Version;Personuppgifter;Konfidentialitet;Riktighet;Tillgänglighet;Avtal;Avtalet löper ut;Systemägare;IT-systemägare;Systemförvaltare;IT-systemförvaltare"
        split("intern;extern;hybrid", drift, ";"); split("aktiv;aktiv;aktiv;planerad;avvecklas", liv, ";")
        object = 0
        for (i = 1; i <= n; i++) {
            if (i % 3 != 2) object++
            printf "Objekt %d;System %d;Systemet nummer %d;Leverantör %d AB;%s;%s;%d.%d;%s;%d;%d;%d;AVT-%05d;%d-%02d-28;Ägare %d <agare%d@example.se>;IT-ägare %d <itagare%d@example.se>;Förvaltare %d <forvaltare%d@example.se>;IT-förvaltare %d\n",
                object, i, i, i % 97, drift[i % 3 + 1], liv[i % 5 + 1], i % 9 + 1, i % 40, (i % 4 ? "ja" : "nej"),
                i % 4, (i + 1) % 4, (i + 2) % 4, i, 2027 + i % 5, i % 12 + 1, object, object, object % 50, object % 50, object, object, object % 80
        }
    }' > "$register"
    rm -rf "$imp"
    mkdir -p "$imp/objects"
    cp "$(repo_of "$SMALL")/plan.toml" "$imp/"
    trash=$WORK/trash
    mkdir -p "$trash"
    clean="mv $imp/objects $trash/import-objects.\$\$.\$RANDOM && mkdir $imp/objects"
    measure_writes "import-$SMALL" "$(( RUNS < 3 ? RUNS : 3 ))" "$imp" "$clean" \
        "$PLAN" --repo "$imp" --today $TODAY import "$register" --year $YEAR
    # The plans to check: those of one more import.
    "$PLAN" --repo "$imp" --today $TODAY import "$register" --year $YEAR >/dev/null
    measure "import-check-$SMALL" "$RUNS" "$imp" "$PLAN" --repo "$imp" --today $TODAY check --format json
    IMPORTED=$(find "$imp/objects" -name "$YEAR.toml" | wc -l)
else
    echo "n/a" > "$RES/import-$SMALL"
    echo "n/a" > "$RES/import-check-$SMALL"
    IMPORTED=n/a
fi

if [ -n "$TAPLO" ]; then
    repo=$(repo_of "$SMALL")
    measure "taplo-$SMALL" "$(( RUNS < 3 ? RUNS : 3 ))" "$repo" \
        "$TAPLO" check --schema "file://$WORK/plan-schema.json" "objects/**/*.toml"
else
    echo "n/a" > "$RES/taplo-$SMALL"
fi

if [ -d "$WORK/trash" ]; then
    rm -rf "$WORK/trash"
    deleted
fi

# --- the table -----------------------------------------------------------------
get() { cat "$RES/$1" 2>/dev/null || echo n/a; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else printf "n/a" }'; }
per_file() { awk -v t="$1" -v n="$2" 'BEGIN { if (t ~ /^[0-9.]+$/) printf "%.1f", t / n * 1e6; else printf "n/a" }'; }
toml_bytes() { find "$1/objects" -name '*.toml' -printf '%s\n' | awk '{s += $1} END {print s + 0}'; }
bytes=$(toml_bytes "$(repo_of "$SMALL")")
large_bytes=$(toml_bytes "$(repo_of "$LARGE")")

cat <<EOF

plan benchmark — $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)
objects = plan files (one year, $YEAR); $SMALL objects: $((bytes / 1000000)) MB of TOML, $LARGE objects: $((large_bytes / 1000000)) MB
medians of $RUNS runs (taplo, new-year: at most 3) with $([ -n "$HYPERFINE" ] && echo hyperfine || echo /usr/bin/time)

| figure | $SMALL objects | $LARGE objects | ratio | goal |
| --- | ---: | ---: | ---: | --- |
| untyped parse, 1 thread (parse-baseline) | $(get parse-$SMALL) s | $(get parse-$LARGE) s | | reference |
| \`plan check\`, every rule | $(get check-$SMALL) s | $(get check-$LARGE) s | $(ratio "$(get check-$SMALL)" "$(get parse-$SMALL)") × parse | ≤ 1 × parse |
| \`taplo check --schema\` | $(get taplo-$SMALL) s | | $(ratio "$(get taplo-$SMALL)" "$(get check-$SMALL)") × slower than check | ≥ 8 × |
| check time per file | $(per_file "$(get check-$SMALL)" "$SMALL") µs | $(per_file "$(get check-$LARGE)" "$LARGE") µs | $(ratio "$(per_file "$(get check-$LARGE)" "$LARGE")" "$(per_file "$(get check-$SMALL)" "$SMALL")") × | ≤ 1.2 × |
| peak memory of check | $(get rss-$SMALL) MiB | $(get rss-$LARGE) MiB | | < 256 MiB at $LARGE |
| \`plan check\`, findings-heavy (--today $HEAVY_TODAY: $(get findings-heavy-$SMALL) / $(get findings-heavy-$LARGE) findings) | $(get check-heavy-$SMALL) s | $(get check-heavy-$LARGE) s | $(ratio "$(get check-heavy-$SMALL)" "$(get check-$SMALL)") × check | |
| peak memory, findings-heavy (largest of the six formats) | $(get rss-heavy-$SMALL) MiB | $(get rss-heavy-$LARGE) MiB | | < 256 MiB at $LARGE |
| \`--changed-since main\` (1 object changed) | $(get changed-$SMALL) s | $(get changed-$LARGE) s | $(ratio "$(get changed-$SMALL)" "$(get check-$SMALL)") × check | ≤ 0.25 × |
| \`--rev HEAD\` | $(get rev-$SMALL) s | $(get rev-$LARGE) s | $(ratio "$(get rev-$SMALL)" "$(get check-$SMALL)") × check | ≤ 1.2 × |
| \`--verify-attestations\` (history of every attestation) | $(get verify-$SMALL) s | $(get verify-$LARGE) s | $(ratio "$(get verify-$SMALL)" "$(get check-$SMALL)") × check | |
| \`plan site\` (a fresh folder) | $(get site-$SMALL) s | $(get site-$LARGE) s | $(ratio "$(get site-$SMALL)" "$(get check-$SMALL)") × check | ≤ 2 × |
| peak memory of \`plan site\` | $(get site-rss-$SMALL) MiB | $(get site-rss-$LARGE) MiB | | < 256 MiB |
| \`new-year\` ($YEAR → $((YEAR + 1))) | $(get new-year-$SMALL) s | $(get new-year-$LARGE) s | $(ratio "$(get new-year-$SMALL)" "$(get check-$SMALL)") × check | ≤ 3 × |
| \`import\` of $SMALL register rows ($IMPORTED plans) | $(get import-$SMALL) s | | $(ratio "$(get import-$SMALL)" "$(get import-check-$SMALL)") × check of them | < 1 × |
| \`plan check\` of the imported plans | $(get import-check-$SMALL) s | | | reference |
EOF
