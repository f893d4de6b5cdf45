#!/usr/bin/env bash
# Runs every program in bench/programs under eshkol's release build and under the
# peers (Guile's evaluator, CHICKEN's csi, TinyScheme, Elk, Python where an
# equivalent exists, Steel when installed), checks each printed result against
# bench/expected.txt, times them with hyperfine and writes docs/performance.md.
# Chez Scheme's interpreter (`petite --script`) and Gambit's (`gsi`) are the
# fastest interpreters among the peers, and the evaluator's yardstick.
#
# Environment: BENCH_PROGRAMS / BENCH_IMPLS restrict the run (space-separated
# names), BENCH_OUT changes the output file, BENCH_NO_INSTALL=1 skips apt-get,
# BENCH_NOTE adds a paragraph to the report.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/bench
OUT=${BENCH_OUT:-$ROOT/docs/performance.md}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
ESHKOL=$TARGET/release/eshkol
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
TIMEOUT=60 # seconds allowed for the checking run of one program
SLOW=2     # a checking run longer than this many seconds gets 3 timed runs, no warm-up

log() { echo "compare.sh: $*" >&2; }

# --- peers from Debian -------------------------------------------------------
install_peers() {
    [ "${BENCH_NO_INSTALL:-0}" = 1 ] && return
    local missing=() pkg
    command -v hyperfine >/dev/null || missing+=(hyperfine)
    command -v guile >/dev/null || missing+=(guile-3.0)
    command -v csi >/dev/null || missing+=(chicken-bin)
    command -v tinyscheme >/dev/null || missing+=(tinyscheme)
    command -v elk >/dev/null || missing+=(elk)
    command -v petite >/dev/null || missing+=(chezscheme)
    command -v gsi >/dev/null || missing+=(gambc)
    [ ${#missing[@]} -eq 0 ] && return
    if ! command -v apt-get >/dev/null || [ "$(id -u)" != 0 ]; then
        log "cannot install ${missing[*]} (no apt-get or not root); skipping them"
        return
    fi
    apt-get update >/dev/null 2>&1 || log "apt-get update failed"
    for pkg in "${missing[@]}"; do
        if apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
            DEBIAN_FRONTEND=noninteractive apt-get install -y "$pkg" >/dev/null 2>&1 ||
                log "installing $pkg failed; skipping it"
        else
            log "no Debian package $pkg; skipping it"
        fi
    done
}
install_peers

# Steel, the Rust bytecode-VM Scheme, comes from crates.io (a build of about
# 15 minutes, once); it needs its data directory to exist.
install_steel() {
    [ "${BENCH_NO_INSTALL:-0}" = 1 ] && return
    command -v steel >/dev/null && return
    log "installing Steel (cargo install steel-interpreter)"
    cargo install --quiet steel-interpreter >/dev/null 2>&1 || log "installing Steel failed; skipping it"
}
install_steel
mkdir -p "$HOME/.local/share/steel"
command -v hyperfine >/dev/null || { log "hyperfine is required"; exit 1; }

log "building eshkol (release)"
(cd "$ROOT" && cargo build --release --quiet --bin eshkol) || { log "release build failed"; exit 1; }

# Guile runs its evaluator: no auto-compilation and an empty compiled-file cache.
export GUILE_AUTO_COMPILE=0
export XDG_CACHE_HOME=$WORK/cache
mkdir -p "$XDG_CACHE_HOME"
python=$(command -v /usr/bin/python3 || command -v python3 || true)
steel=$(command -v steel || true)

ALL_IMPLS="eshkol petite gambit guile chicken tinyscheme elk python steel"
IMPLS=${BENCH_IMPLS:-$ALL_IMPLS}
available() {
    case $1 in
        eshkol) [ -x "$ESHKOL" ] ;;
        petite) command -v petite >/dev/null ;;
        gambit) command -v gsi >/dev/null ;;
        guile) command -v guile >/dev/null ;;
        chicken) command -v csi >/dev/null ;;
        tinyscheme) command -v tinyscheme >/dev/null ;;
        elk) command -v elk >/dev/null ;;
        python) [ -n "$python" ] ;;
        steel) [ -n "$steel" ] ;;
    esac
}

# The source file implementation $1 runs for program $2 (empty name: the empty
# program), or nothing when it has no version of that program.
source_for() {
    local impl=$1 prog=$2 src dst
    if [ "$impl" = python ]; then
        if [ -z "$prog" ]; then : >"$WORK/empty.py"; echo "$WORK/empty.py"
        elif [ -f "$BENCH/python/$prog.py" ]; then echo "$BENCH/python/$prog.py"; fi
        return
    fi
    if [ -z "$prog" ]; then src=$BENCH/empty.scm; else src=$BENCH/programs/$prog.scm; fi
    [ "$prog" = arena ] && [ "$impl" != eshkol ] && return # arenas are eshkol's own
    # CHICKEN's Debian package has no SRFI-69 egg; TinyScheme and Elk have no hash tables.
    if [ "$prog" = hash ]; then case $impl in chicken | tinyscheme | elk) return ;; esac; fi
    dst=$WORK/$impl-${prog:-empty}.scm
    if [ -f "$BENCH/prelude/$impl.scm" ]; then cat "$BENCH/prelude/$impl.scm" "$src" >"$dst"; else cp "$src" "$dst"; fi
    echo "$dst"
}

# The command line (one string, no shell) running file $2 under implementation $1.
command_for() {
    case $1 in
        eshkol) echo "$ESHKOL $2" ;;
        petite) echo "petite --script $2" ;;
        gambit) echo "gsi $2" ;;
        guile) echo "guile --no-auto-compile -s $2" ;;
        chicken) echo "csi -s $2" ;;
        tinyscheme) echo "tinyscheme $2" ;;
        elk) echo "elk -h 400000 -l $2" ;; # the default 48 MB heap is too small for sort and string
        python) echo "$python $2" ;;
        steel) echo "$steel $2" ;;
    esac
}

PROGRAMS=${BENCH_PROGRAMS:-$(cd "$BENCH/programs" && ls ./*.scm | sed 's|^\./||; s/\.scm$//' | tr '\n' ' ')}
RESULTS=$WORK/results.tsv # impl, program, status, median seconds, runs
FAILURES=$WORK/failures.tsv # impl, program, what went wrong
: >"$RESULTS"
: >"$FAILURES"
RUN_DATE=$(date -u "+%Y-%m-%d %H:%M UTC")
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# Times the command $3 for implementation $1 and program $2 (hyperfine median).
measure() {
    local impl=$1 prog=$2 cmd=$3 runs=$4 warmup=$5 json=$WORK/$1-$2.json
    if hyperfine -N --style none --warmup "$warmup" --runs "$runs" --export-json "$json" "$cmd" >/dev/null 2>&1; then
        printf '%s\t%s\tok\t%s\t%s\n' "$impl" "$prog" \
            "$("$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$json")" \
            "$runs" >>"$RESULTS"
    else
        printf '%s\t%s\terror\t\t\n' "$impl" "$prog" >>"$RESULTS"
    fi
}

for impl in $IMPLS; do
    if ! available "$impl"; then
        log "$impl is not installed; skipped"
        printf '%s\t-\tmissing\t\t\n' "$impl" >>"$RESULTS"
        continue
    fi
    measure "$impl" "(empty)" "$(command_for "$impl" "$(source_for "$impl" "")")" 10 2
    for prog in $PROGRAMS; do
        file=$(source_for "$impl" "$prog")
        if [ -z "$file" ]; then
            printf '%s\t%s\tn/a\t\t\n' "$impl" "$prog" >>"$RESULTS"
            continue
        fi
        cmd=$(command_for "$impl" "$file")
        expected=$(grep "^$prog " "$BENCH/expected.txt")
        start=$(date +%s.%N)
        # shellcheck disable=SC2086
        actual=$(timeout "$TIMEOUT" $cmd 2>"$WORK/stderr" </dev/null)
        status=$?
        elapsed=$(echo "$(date +%s.%N) - $start" | bc)
        actual=$(printf '%s\n' "$actual" | tail -n 1)
        if [ $status = 124 ]; then
            log "$impl $prog: timed out after ${TIMEOUT}s"
            printf '%s\t%s\ttimed out after %s s\n' "$impl" "$prog" "$TIMEOUT" >>"$FAILURES"
            printf '%s\t%s\ttimeout\t\t\n' "$impl" "$prog" >>"$RESULTS"
        elif [ $status != 0 ]; then
            log "$impl $prog: exit status $status: $(head -c 200 "$WORK/stderr")"
            printf '%s\t%s\texit status %s, printed "%s" (standard error: %s)\n' "$impl" "$prog" "$status" \
                "$(printf '%s' "$actual" | head -c 200)" "$(tr '\n\t' '  ' <"$WORK/stderr" | head -c 200)" >>"$FAILURES"
            printf '%s\t%s\terror\t\t\n' "$impl" "$prog" >>"$RESULTS"
        elif [ "$actual" != "$expected" ]; then
            log "$impl $prog: wrong result: $(printf '%s' "$actual" | head -c 200)"
            printf '%s\t%s\tprinted "%s" (standard error: %s)\n' "$impl" "$prog" \
                "$(printf '%s' "$actual" | head -c 200)" "$(tr '\n\t' '  ' <"$WORK/stderr" | head -c 200)" >>"$FAILURES"
            printf '%s\t%s\twrong\t\t\n' "$impl" "$prog" >>"$RESULTS"
        else
            log "$impl $prog: ok (${elapsed}s)"
            if [ "$(echo "$elapsed > $SLOW" | bc)" = 1 ]; then
                measure "$impl" "$prog" "$cmd" 3 0
            else
                measure "$impl" "$prog" "$cmd" 5 1
            fi
        fi
        if [ "$impl" = eshkol ] && [ "$prog" = arena ]; then cp "$WORK/stderr" "$WORK/arena-timing"; fi
    done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- eshkol's start-up and memory --------------------------------------------
hyperfine -N --style none --warmup 3 --runs 30 --export-json "$WORK/startup.json" "$ESHKOL -e 1" >/dev/null 2>&1
STARTUP=$("$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$WORK/startup.json")
FIB_KB=$( { /usr/bin/time -f %M "$ESHKOL" "$BENCH/programs/fib.scm" >/dev/null; } 2>&1 | tail -n 1)

# --- machine and versions ----------------------------------------------------
version() {
    case $1 in
        eshkol) "$ESHKOL" --version 2>/dev/null | head -n 1 ;;
        petite) echo "Chez Scheme (petite) $(petite --version 2>&1 | head -n 1)" ;;
        gambit) echo "Gambit $(gsi -v 2>&1 | cut -d" " -f1)" ;;
        guile) guile --version | head -n 1 ;;
        chicken) csi -version 2>/dev/null | grep -i version | head -n 1 ;;
        tinyscheme) echo "TinyScheme $(dpkg-query -W -f '${Version}' tinyscheme 2>/dev/null)" ;;
        elk) echo "Elk $(dpkg-query -W -f '${Version}' elk 2>/dev/null)" ;;
        python) "$python" --version ;;
        steel) echo "steel-interpreter $("$steel" --version 2>/dev/null | head -n 1)" ;;
    esac
}
{
    echo "date	$RUN_DATE"
    echo "cpus	$(nproc)"
    echo "model	$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)"
    echo "memory	$(free -h | awk '/^Mem:/ {print $2}')"
    echo "kernel	$(uname -sr)"
    echo "load_before	$LOAD_BEFORE"
    echo "load_after	$LOAD_AFTER"
    echo "hyperfine	$(hyperfine --version)"
    echo "startup	$STARTUP"
    echo "fib_kb	$FIB_KB"
    [ -f "$WORK/arena-timing" ] && echo "arena	$(tr '\n' ';' <"$WORK/arena-timing")"
    for impl in $IMPLS; do available "$impl" && echo "version_$impl	$(version "$impl")"; done
} >"$WORK/facts.tsv"

"$python" "$BENCH/report.py" "$RESULTS" "$WORK/facts.tsv" "$IMPLS" "$FAILURES" >"$OUT"
log "wrote $OUT"
