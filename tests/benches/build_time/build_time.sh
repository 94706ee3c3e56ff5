#!/usr/bin/env bash
# Build time of dify-models (the #[entity] DSL) against the same tables written
# by hand as Diesel `table!`s and derives. See README.md next to this script.
#
#   tests/benches/build_time/build_time.sh
#
# Environment:
#   BUILD_TIME_RUNS      runs of each measurement (default 2)
#   BUILD_TIME_DIR       work directory (default ${TMPDIR:-/tmp}/dify-build-time);
#                        holds the copy of the workspace, the generated crate and
#                        the one target directory everything here is built in
#   PRINT_SCHEMA_IN      repo | copy: where `dify-db print-schema` runs (default:
#                        the repo with its normal target dir when its sources are
#                        those of the measured commit, else the copy)
#
# Nothing under the repository is written: the DSL side is built from a clone of
# its HEAD, the hand-written crate is generated under BUILD_TIME_DIR.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(git -C "$HERE" rev-parse --show-toplevel)
RUNS=${BUILD_TIME_RUNS:-2}
ROOT=${BUILD_TIME_DIR:-${TMPDIR:-/tmp}/dify-build-time}
TARGET=$ROOT/target
WS=$ROOT/ws
HAND=$ROOT/handwritten-models
EDIT=$ROOT/handwritten-edit
ORIG=$ROOT/handwritten-orig
LOGS=$ROOT/logs
mkdir -p "$ROOT" "$LOGS"

[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "BUILD_TIME_RUNS must be a positive integer" >&2; exit 2; }

say() { printf '%s\n' "$*"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }

# Runs cargo with the private target dir; on failure shows the log's tail.
# usage: build LOGNAME DIR cargo-args...
OFFLINE=(--offline)
build() {
    local log=$LOGS/$1.log dir=$2
    shift 2
    if ! (cd "$dir" && CARGO_TARGET_DIR=$TARGET cargo "$@" "${OFFLINE[@]}") >"$log" 2>&1; then
        if ((${#OFFLINE[@]})) && grep -q -e 'offline' -e 'network' "$log"; then
            say "  (offline build impossible, retrying with the network: $(grep -m1 -e offline -e network "$log"))"
            OFFLINE=()
            build "$(basename "$log" .log)" "$dir" "$@"
            return
        fi
        say "FAILED: cargo $* (in $dir); last lines of $log:"
        tail -30 "$log"
        exit 1
    fi
}

say "# Build time: dify-models (DSL) vs the same tables in hand-written Diesel"
say
say "date:    $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
say "nproc:   $(nproc)"
say "rustc:   $(rustc -V)"
say "cargo:   $(cargo -V)"
say "load:    $(load) (1, 5, 15 min)"
say "work:    $ROOT (target dir: $TARGET)"
say "runs:    $RUNS"

# --- 1. A copy of the workspace at its HEAD ------------------------------------
if [[ -d $WS/.git ]]; then
    git -C "$WS" fetch -q "$REPO" HEAD
    git -C "$WS" reset -q --hard FETCH_HEAD
else
    git clone -q "$REPO" "$WS"
fi
COMMIT=$(git -C "$WS" rev-parse HEAD)
say "commit:  $COMMIT ($(git -C "$WS" log -1 --format=%s | cut -c1-70))"
TAG_RS=$WS/dify-models/src/tag.rs
cp "$TAG_RS" "$ROOT/tag.rs.orig"

# --- 2. The Diesel schema, from the project's own tool ---------------------------
SRC_PATHS=(Cargo.toml Cargo.lock dify-models dify-schema dify-schema-macros)
where=${PRINT_SCHEMA_IN:-}
if [[ -z $where ]]; then
    if git -C "$REPO" diff --quiet "$COMMIT" -- "${SRC_PATHS[@]}" &&
        [[ -z $(git -C "$REPO" ls-files --others --exclude-standard -- "${SRC_PATHS[@]}") ]]; then
        where=repo
    else
        where=copy
    fi
fi
say
if [[ $where == repo ]]; then
    say "print-schema: in $REPO (its sources are those of $COMMIT), normal target dir"
    (cd "$REPO" && cargo run -q -p dify-models --bin dify-db -- print-schema) >"$ROOT/schema.rs" 2>"$LOGS/print-schema.log" ||
        { tail -30 "$LOGS/print-schema.log"; exit 1; }
else
    say "print-schema: in the copy (the repo's working tree differs from $COMMIT), private target dir"
    build print-schema-build "$WS" build -p dify-models --bin dify-db
    (cd "$WS" && CARGO_TARGET_DIR=$TARGET cargo run -q "${OFFLINE[@]}" -p dify-models --bin dify-db -- print-schema) \
        >"$ROOT/schema.rs" 2>"$LOGS/print-schema.log" || { tail -30 "$LOGS/print-schema.log"; exit 1; }
fi
say "  $(grep -c '^diesel::table!' "$ROOT/schema.rs") table!s, $(grep -c '^diesel::joinable!' "$ROOT/schema.rs") joinable!s, $(grep -c 'allow_tables_to_appear_in_same_query' "$ROOT/schema.rs" || true) allow_tables_to_appear_in_same_query!"

# --- 3. The hand-written crate ----------------------------------------------------
rm -rf "$EDIT"
python3 "$HERE/handwritten.py" --schema "$ROOT/schema.rs" --models-src "$WS/dify-models/src" \
    --workspace-toml "$WS/Cargo.toml" --out "$HAND" --edit-dir "$EDIT" 2>&1 | sed 's/^/  /'
cp "$WS/Cargo.lock" "$HAND/Cargo.lock"
rm -rf "$ORIG"
mkdir -p "$ORIG"
(cd "$EDIT" && find . -type f) | while read -r f; do
    mkdir -p "$ORIG/$(dirname "$f")"
    cp "$HAND/$f" "$ORIG/$f"
done
say "  hand-written crate: $HAND ($(cat "$HAND"/src/*.rs "$HAND"/src/models/*.rs | wc -l) lines of Rust)"
say "  dify-models:        $(cat "$WS"/dify-models/src/*.rs | wc -l) lines in dify-models/src/*.rs"

# The DSL edit: a nullable text column at the end of `Tag`.
awk '/^pub struct Tag \{/ { t = 1 }
     t && /^\}/ { print "    #[column(text)]"; print "    pub note: Option<String>,"; t = 0 }
     { print }' "$ROOT/tag.rs.orig" >"$ROOT/tag.rs.edit"
grep -q 'pub note: Option<String>' "$ROOT/tag.rs.edit" || { say "could not edit Tag in $TAG_RS"; exit 1; }

# --- 4. Dependencies (and both crates) built once, untimed --------------------------
say
say "warm-up (untimed): dependencies and both crates, load $(load)"
build warmup-hand "$HAND" build --lib
say "  handwritten-models: built, $(grep -c '^warning' "$LOGS/warmup-hand.log" || true) warning lines, 0 errors"
build warmup-dsl "$WS" build -p dify-models --lib
say "  dify-models --lib: built"
say "  offline: $( ((${#OFFLINE[@]})) && echo yes || echo no)"

# --- 5. Measurements, interleaved so both sides see similar load --------------------
declare -A TIMES LOADS

# usage: measure KEY RUN CRATE DIR cargo-args...
measure() {
    local key=$1 run=$2 crate=$3 dir=$4
    shift 4
    local l t0 t1 dt
    l=$(load)
    t0=$(now)
    build "$key-$run" "$dir" "$@"
    t1=$(now)
    dt=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
    grep -q "Compiling $crate " "$LOGS/$key-$run.log" ||
        { say "FAILED: $key run $run did not compile $crate (see $LOGS/$key-$run.log)"; exit 1; }
    TIMES[$key]+="$dt "
    LOADS[$key]+="$l; "
    printf '  %-44s %7.1f s   load before: %s\n' "$key" "$dt" "$l"
}

copy_files() { (cd "$1" && find . -type f) | while read -r f; do cp "$1/$f" "$HAND/$f"; done; }

HAND_BUILD=(build --lib)
DSL_BUILD=(build -p dify-models --lib)
restore() { copy_files "$ORIG"; cp "$ROOT/tag.rs.orig" "$TAG_RS"; }
trap restore EXIT

# Each run: a clean build of each crate, then the edit (a column added to `tags`)
# and the rebuild. The edit is reverted without a build: the next run starts
# with `cargo clean -p` anyway.
for ((run = 1; run <= RUNS; run++)); do
    say
    say "run $run/$RUNS"
    restore
    (cd "$HAND" && CARGO_TARGET_DIR=$TARGET cargo clean -q -p handwritten-models "${OFFLINE[@]}")
    measure hand-clean "$run" handwritten-models "$HAND" "${HAND_BUILD[@]}"
    (cd "$WS" && CARGO_TARGET_DIR=$TARGET cargo clean -q -p dify-models "${OFFLINE[@]}")
    measure dsl-clean "$run" dify-models "$WS" "${DSL_BUILD[@]}"

    copy_files "$EDIT"
    measure hand-add-column "$run" handwritten-models "$HAND" "${HAND_BUILD[@]}"
    cp "$ROOT/tag.rs.edit" "$TAG_RS"
    measure dsl-add-column "$run" dify-models "$WS" "${DSL_BUILD[@]}"
done
restore

# --- 6. Summary ---------------------------------------------------------------
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g |
    awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.1f", v[(NR + 1) / 2]; else printf "%.1f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
cell() { printf '%s s (%s)' "$(median "${TIMES[$1]}")" "$(sed 's/ $//; s/ / s, /g; s/$/ s/' <<<"${TIMES[$1]}")"; }
ratio() { awk -v a="$(median "${TIMES[$1]}")" -v b="$(median "${TIMES[$2]}")" 'BEGIN { printf "%.2f", a / b }'; }
row() { printf '| %s | %s | %s | %s |\n' "$1" "$(cell "$2")" "$(cell "$3")" "$(ratio "$2" "$3")"; }

say
say "## Results ($RUNS runs each; median, then each run)"
say
say "dev profile, separate target dir, dependencies built; dify-models measured with \`--lib\`"
say "(the \`dify-db\` binary is not built); ratio = DSL / hand-written."
say
say "| build | dify-models (DSL) | hand-written Diesel | ratio |"
say "| --- | ---: | ---: | ---: |"
row "clean build of the crate (\`cargo clean -p\`, then \`cargo build --lib\`)" dsl-clean hand-clean
row "rebuild after adding a column to \`tags\` (\`note\`, nullable text)" dsl-add-column hand-add-column
say
say "load average (1, 5, 15 min) before each measurement, nproc = $(nproc):"
for k in dsl-clean hand-clean dsl-add-column hand-add-column; do
    printf '  %-20s %s\n' "$k" "${LOADS[$k]%; }"
done
say
say "commit $COMMIT; $(rustc -V); logs in $LOGS"
