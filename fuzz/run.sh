#!/bin/sh
# Fuzzes the reader and the evaluator (target `eval`) with libFuzzer.
#
#   fuzz/run.sh [SECONDS]      default 3600; needs the nightly toolchain
#
# Seeds the corpus with every paragraph of the Scheme tests, examples and
# benchmarks, builds a dictionary of builtin names and special forms, and runs
# in a scratch directory (the target unbinds the file procedures, and
# `include` resolves relative to it). Findings land in fuzz/artifacts/eval/
# (a crash that kills the process outright leaves its input in `last-input`);
# each one fixed becomes a regression test in tests/fuzz_findings.rs.
set -eu
seconds=${1:-3600}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
corpus="$here/corpus/eval"
mkdir -p "$corpus" "$here/artifacts/eval" "$here/scratch"

# Seeds: one file per blank-line-separated paragraph.
for file in "$root"/tests/scheme/*.scm "$root"/tests/r7rs/*.scm \
    "$root"/examples/*.scm "$root"/bench/programs/*.scm; do
    base=$(basename "$file" .scm)
    awk -v dir="$corpus" -v base="$base" 'BEGIN { RS = "" }
        { n++; printf "%s\n", $0 > (dir "/seed-" base "-" n ".scm"); close(dir "/seed-" base "-" n ".scm") }' "$file"
done

# Dictionary: builtin names, special forms and a few tokens of the syntax.
dict="$here/scratch/scheme.dict"
{
    grep -ho '"[a-z0-9!$%&*/:<=>?^_~+.@-]*[a-z!?*<>=-]"' "$root"/src/builtins/*.rs
    for word in define lambda if let 'let*' letrec 'letrec*' begin 'set!' quote \
        quasiquote unquote cond case and or when unless do delay guard \
        define-syntax syntax-rules let-syntax define-record-type parameterize \
        case-lambda let-values define-values call/cc dynamic-wind else '=>' '...'; do
        printf '"%s"\n' "$word"
    done
    for token in '(' ')' '#(' '#u8(' "'" '`' ',' ',@' '#t' '#f' '#\\a' '#\\x41' \
        '"\\x41;"' '#;' '#|' '|#' '#0=' '#0#' '1/2' '1e308' '-0.0' '+inf.0' '+nan.0' \
        '#e1.5' '#x-ff' '9223372036854775807' '-9223372036854775808'; do
        printf '"%s"\n' "$(printf '%s' "$token" | sed 's/\\/\\\\/g; s/"/\\"/g')"
    done
} | sort -u > "$dict"

cd "$here/scratch"
export ESHKOL_FUZZ_LAST="$here/artifacts/eval/last-input"
exec cargo +nightly fuzz run --fuzz-dir "$here" -s none -a eval "$corpus" -- \
    -dict="$dict" -max_total_time="$seconds" -max_len=4096 -timeout=20 \
    -rss_limit_mb=12288 -malloc_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$here/artifacts/eval/"
