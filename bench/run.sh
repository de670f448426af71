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
# virtual environment; only up to 10,000 files, since at 100,000 it takes many minutes). The first
# three are run in turn, on every size in turn, REPEAT times, and the median of each is kept, so
# that the ratios hold up on a machine whose load changes. Each round also times `cp -r` of the reports audit run wrote, the
# cost of merely writing those files on this file system. Prints a Markdown table of wall and CPU
# time, files/s, MB/s and peak memory, then the targets.
#
# The checklists and the reports are written under BENCH_DIR: by default /dev/shm (memory) when it
# has 8 GB free, else the temporary folder. At 100,000 files they take about 3.5 GB. audit run's own
# spool of rendered rows goes to the system temporary folder (TMPDIR) as always, which is normally
# on disk, so it is not hidden in memory that the peak RSS would not show.
#
# Last, bench/memory.sh times writing 1,000 to 4,000 MB into the same file system after an idle pause:
# what fresh memory costs the machine at the sizes audit run writes, which the scaling ratio carries.
#
# Environment: SEED (default 1), REPEAT (timed runs per measurement, the median is kept; default 3),
# JSONSCHEMA_MAX (largest size check-jsonschema runs at; default 10000, 0 to skip it), BENCH_DIR,
# MEMORY_PROBE (0 to skip bench/memory.sh, which takes about two and a half minutes).
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

base="${BENCH_DIR:-}"
if [[ -z "$base" ]]; then
  base="${TMPDIR:-/tmp}"
  if [[ -d /dev/shm && -w /dev/shm ]] && (( $(df -Pk /dev/shm | awk 'NR == 2 { print $4 }') > 8 * 1024 * 1024 )); then
    base=/dev/shm
  fi
fi
work="$(mktemp -d "$base/audit-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
note "checklists and reports under $work ($(df -PT "$work" | awk 'NR == 2 { print $2 }')); the spool in ${TMPDIR:-/tmp}"

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

# once NAME SIZE COMMAND...: runs COMMAND once under /usr/bin/time and appends "wall cpu rss"
# (seconds, user+system seconds, KB) to $work/runs-NAME-SIZE.txt.
results="$work/results.tsv"
: > "$results"
once() {
  local name="$1" size="$2"
  shift 2
  [[ "$name" == "audit run" ]] && rm -rf "$work/reports"
  local status=0
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" > /dev/null 2> "$work/stderr.txt" || status=$?
  # check-jsonschema through xargs: 123 means some file failed the schema, which is a finding.
  if (( status > 1 )) && ! [[ "$name" == check-jsonschema && $status -eq 123 ]]; then
    echo "$name failed (exit $status):" >&2
    cat "$work/stderr.txt" >&2
    exit 1
  fi
  tail -n 1 "$work/time.txt" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' >> "$work/runs-$name-$size.txt"
}

# record NAME FILES: appends the median run of NAME by wall time to the results.
record() {
  local name="$1" files="$2" runs="$work/runs-$1-$2.txt"
  local count
  count=$(wc -l < "$runs")
  sort -n "$runs" | sed -n "$(( (count + 1) / 2 ))p" |
    awk -v name="$name" -v files="$files" '{ printf "%s\t%s\t%s\t%s\t%s\n", name, files, $1, $2, $3 }' >> "$results"
  note "$(tail -n 1 "$results")"
  rm -f "$runs"
}

start_load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
declare -A megabytes reportMB
for size in "${sizes[@]}"; do
  data="$work/checklists-$size"
  note "generating $size checklists"
  python3 bench/generate.py --count "$size" --seed "$seed" --out "$data" >&2
  find "$data" -name '*.yaml' | LC_ALL=C sort > "$work/list-$size.txt"
  megabytes[$size]=$(find "$data" -name '*.yaml' -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')
done

# Every size's checklists exist before any is timed, and each round runs every tool on every size
# in turn: the three tools are interleaved, and so are the sizes, so that a change in the machine's
# speed falls on all of them alike. (Measured one size after the other, minutes apart, the bare
# parse alone took 9 to 12 times as long at 100,000 files as at 10,000 in four runs of one day.)
for (( i = 0; i < repeat; i++ )); do
  for size in "${sizes[@]}"; do
    data="$work/checklists-$size"
    "$work/parse" -l "$work/list-$size.txt" > /dev/null   # brings this size's files back into the page cache
    once "libyaml parse" "$size" "$work/parse" -l "$work/list-$size.txt"
    once "audit validate" "$size" "$audit" validate --quiet "$data"
    once "audit run" "$size" "$audit" run --quiet --out "$work/reports" "$data"
    (( i > 0 )) || reportMB[$size]=$(du -sb "$work/reports" | awk '{ printf "%.0f", $1 / 1e6 }')
    # What writing those report files alone costs on this file system: a copy of them.
    once "cp -r of the reports" "$size" cp -r "$work/reports" "$work/copy"
    # Neither is kept for the next tool: at 100,000 files they are 4 GB of memory, and holding
    # them, or freeing them just before, slowed the tools after them (audit run by 2 to 3 s of its
    # 18), which measured the benchmark's leftovers rather than the tools. The pause lets the
    # system finish freeing them before the next size is timed.
    rm -rf "$work/reports" "$work/copy"
    sleep 3
  done
done
for size in "${sizes[@]}"; do
  record "libyaml parse" "$size"
  record "audit validate" "$size"
  record "audit run" "$size"
  record "cp -r of the reports" "$size"
done
for size in "${sizes[@]}"; do
  if [[ -n "$checker" ]] && (( size <= jsonschema_max )); then
    once "check-jsonschema" "$size" xargs -s 2000000 -a "$work/list-$size.txt" "$checker" --schemafile "$work/schema.json"
    record "check-jsonschema" "$size"
  fi
done
rm -rf "$work"/checklists-*

cores="$(getconf _NPROCESSORS_ONLN)"
cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
echo
echo "Release build, $cores cores${cpu:+ ($cpu)}, $(uname -sm); median of $repeat runs (check-jsonschema: one run);"
echo "load average before: $start_load, after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)."
echo
echo "| files | MB | tool | wall s | CPU s | files/s | MB/s | peak RSS MB |"
echo "|---:|---:|---|---:|---:|---:|---:|---:|"
while IFS=$'\t' read -r name files wall cpu rss; do
  # The copy's megabytes are the reports', not the checklists'.
  mb="${megabytes[$files]}"
  [[ "$name" == "cp -r of the reports" ]] && mb="${reportMB[$files]}"
  awk -v n="$name" -v f="$files" -v w="$wall" -v c="$cpu" -v r="$rss" -v mb="$mb" 'BEGIN {
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
memText="$( [[ "$mem" == n/a ]] && echo n/a || echo "$mem MB")"
echo
echo "| target | measured | |"
echo "|---|---:|---|"
echo "| audit validate ÷ libyaml parse, wall, 10,000 files: ≤ 1.5 | $r1 | $(verdict "$r1" 1.5 "<=") |"
echo "| audit run ÷ libyaml parse, wall, 10,000 files: ≤ 2.5 | $r2 | $(verdict "$r2" 2.5 "<=") |"
echo "| audit run, wall, 100,000 ÷ 10,000 files: ≤ 11 | $r3 | $(verdict "$r3" 11 "<=") |"
echo "| audit run peak memory, 100,000 files: < 300 MB | $memText | $(verdict "$mem" 300 "<") |"
echo
parse100k="$(value "libyaml parse" 100000 3)"
drift="$(ratio "$parse100k" "$parse10k")"
if [[ "$drift" != n/a ]]; then
  echo "For the scale: libyaml's bare parse, whose work is exactly linear, took $drift times as long at 100,000"
  echo "files as at 10,000 in this run; more than 10 means the machine was slower when the larger size ran."
  echo
fi
copy10k="$(value "cp -r of the reports" 10000 3)"
copy100k="$(value "cp -r of the reports" 100000 3)"
copies="$(ratio "$copy100k" "$copy10k")"
if [[ "$copies" != n/a ]]; then
  bytes="$(ratio "${reportMB[100000]:-}" "${reportMB[10000]:-}")"
  echo "Writing alone: cp -r of the reports, $bytes times the bytes at 100,000 files, took $copies times as long"
  echo "as at 10,000; more than that means each byte written cost this machine more at the larger size."
  echo
fi
echo "audit run wrote $(for size in "${sizes[@]}"; do printf '%s MB of reports at %s files, ' "${reportMB[$size]}" "$size"; done | sed 's/, $//');"
echo "the cp -r lines time copying those files within the same file system, one process."
if [[ -z "$checker" ]]; then
  echo
  echo "check-jsonschema was not measured (not installable here, or JSONSCHEMA_MAX=0)."
elif (( jsonschema_max < 100000 )); then
  echo
  echo "check-jsonschema runs at up to $jsonschema_max files only: at 100,000 it takes many minutes."
fi
if [[ "${MEMORY_PROBE:-1}" != 0 ]]; then
  echo
  BENCH_DIR="$base" bench/memory.sh
fi
