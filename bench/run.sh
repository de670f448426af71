#!/usr/bin/env bash
# The benchmark: one command, run from anywhere in the repository.
#
#   bench/run.sh                 # 1,000, 10,000 and 100,000 checklists
#   bench/run.sh 1000 10000      # only these sizes
#
# Builds the release binary and the bare libyaml parser, generates each size's checklists into a
# temporary folder (bench/generate.py, seed 1), and measures on the same files, side by side:
# libyaml's bare event parse on one core, `audit validate --quiet`, `audit run --quiet --out DIR`
# and check-jsonschema with the schema from `audit schema` (installed from PyPI into a temporary
# virtual environment; only up to 10,000 files, since at 100,000 it takes many minutes). Prints a
# Markdown table of wall and CPU time, files/s, MB/s and peak memory, then the targets.
#
# Environment: SEED (default 1), REPEAT (timed runs per measurement, the median is kept; default 3),
# JSONSCHEMA_MAX (largest size check-jsonschema runs at; default 10000, 0 to skip it),
# TMPDIR (where the checklists and reports are written; about 3 GB at 100,000).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
(( ${#sizes[@]} > 0 )) || sizes=(1000 10000 100000)
seed="${SEED:-1}"
repeat="${REPEAT:-3}"
jsonschema_max="${JSONSCHEMA_MAX:-10000}"

note() { echo "== $*" >&2; }

if [[ ! -x /usr/bin/time ]]; then
  note "installing GNU time"
  if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && apt-get install -y -qq time >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq time >/dev/null; fi
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/audit-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

note "building the release binary"
swift build -c release --product audit >&2
audit="$(swift build -c release --show-bin-path)/audit"
note "building the bare libyaml parser"
# shellcheck disable=SC2046
cc -O2 -o "$work/parse" bench/parse.c $(pkg-config --cflags --libs yaml-0.1)
"$audit" schema > "$work/schema.json"

checker=""
if (( jsonschema_max > 0 )); then
  note "installing check-jsonschema into a virtual environment"
  if python3 -m venv "$work/venv" >&2 && "$work/venv/bin/pip" install -q check-jsonschema >&2; then
    checker="$work/venv/bin/check-jsonschema"
  else
    note "check-jsonschema could not be installed; it is left out"
  fi
fi

# measure NAME FILES COMMAND...: runs COMMAND `repeat` times and appends the median run by wall
# time to the results: name, files, wall, user+system CPU, peak RSS in KB.
results="$work/results.tsv"
: > "$results"
measure() {
  local name="$1" files="$2"
  shift 2
  local runs="$work/runs.txt" count="$repeat"
  [[ "$name" == check-jsonschema ]] && count=1
  : > "$runs"
  for (( i = 0; i < count; i++ )); do
    [[ "$name" == "audit run" ]] && rm -rf "$work/reports"
    local status=0
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" > /dev/null 2> "$work/stderr.txt" || status=$?
    if (( status > 1 )); then
      echo "$name failed (exit $status):" >&2
      cat "$work/stderr.txt" >&2
      exit 1
    fi
    tail -n 1 "$work/time.txt" >> "$runs"
  done
  sort -n "$runs" | sed -n "$(( (count + 1) / 2 ))p" |
    awk -v name="$name" -v files="$files" '{ printf "%s\t%s\t%s\t%.2f\t%s\n", name, files, $1, $2 + $3, $4 }' >> "$results"
  note "$(tail -n 1 "$results")"
}

declare -A megabytes
for size in "${sizes[@]}"; do
  data="$work/checklists-$size"
  note "generating $size checklists"
  python3 bench/generate.py --count "$size" --seed "$seed" --out "$data" >&2
  find "$data" -name '*.yaml' | LC_ALL=C sort > "$work/list-$size.txt"
  megabytes[$size]=$(find "$data" -name '*.yaml' -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')
  "$work/parse" -l "$work/list-$size.txt" > /dev/null   # warms the page cache for every tool alike

  measure "libyaml parse" "$size" "$work/parse" -l "$work/list-$size.txt"
  measure "audit validate" "$size" "$audit" validate --quiet "$data"
  measure "audit run" "$size" "$audit" run --quiet --out "$work/reports" "$data"
  if [[ -n "$checker" ]] && (( size <= jsonschema_max )); then
    measure "check-jsonschema" "$size" xargs -s 2000000 -a "$work/list-$size.txt" \
      "$checker" --schemafile "$work/schema.json"
  fi
  rm -rf "$data" "$work/reports"
done

cores="$(getconf _NPROCESSORS_ONLN)"
echo
echo "Release build, $cores cores, $(uname -sm); median of $repeat runs (check-jsonschema: one run)."
echo
echo "| files | MB | tool | wall s | CPU s | files/s | MB/s | peak RSS MB |"
echo "|---:|---:|---|---:|---:|---:|---:|---:|"
while IFS=$'\t' read -r name files wall cpu rss; do
  awk -v n="$name" -v f="$files" -v w="$wall" -v c="$cpu" -v r="$rss" -v mb="${megabytes[$files]}" 'BEGIN {
    wall = (w > 0) ? w : 0.01
    printf "| %d | %s | %s | %.2f | %.2f | %.0f | %.1f | %.0f |\n", f, mb, n, w, c, f / wall, mb / wall, r / 1024
  }'
done < "$results"

value() { awk -F'\t' -v n="$1" -v f="$2" -v c="$3" '$1 == n && $2 == f { print $c }' "$results"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2f", a / b }'; }
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN {
  if (v == "n/a") print "not measured"; else if ((op == "<=" && v <= t) || (op == "<" && v < t)) print "met"; else print "NOT MET" }'; }

parse10k="$(value "libyaml parse" 10000 3)"
validate10k="$(value "audit validate" 10000 3)"
run10k="$(value "audit run" 10000 3)"
run100k="$(value "audit run" 100000 3)"
rss100k="$(value "audit run" 100000 5)"
r1="$(ratio "$validate10k" "$parse10k")"
r2="$(ratio "$run10k" "$parse10k")"
r3="$(ratio "$run100k" "$run10k")"
mem="$( [[ -n "$rss100k" ]] && awk -v r="$rss100k" 'BEGIN { printf "%.0f", r / 1024 }' || echo n/a)"
echo
echo "| target | measured | |"
echo "|---|---:|---|"
echo "| audit validate ÷ libyaml parse, wall, 10,000 files: ≤ 1.5 | $r1 | $(verdict "$r1" 1.5 "<=") |"
echo "| audit run ÷ libyaml parse, wall, 10,000 files: ≤ 2.5 | $r2 | $(verdict "$r2" 2.5 "<=") |"
echo "| audit run, wall, 100,000 ÷ 10,000 files: ≤ 11 | $r3 | $(verdict "$r3" 11 "<=") |"
echo "| audit run peak memory, 100,000 files: < 300 MB | $mem MB | $(verdict "$mem" 300 "<") |"
if [[ -z "$checker" ]]; then
  echo
  echo "check-jsonschema was not measured (not installable here, or JSONSCHEMA_MAX=0)."
elif (( jsonschema_max < 100000 )); then
  echo
  echo "check-jsonschema runs at up to $jsonschema_max files only: at 100,000 it takes many minutes."
fi
