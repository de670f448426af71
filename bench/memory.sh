#!/usr/bin/env bash
# What fresh memory costs this machine: the probe behind the scaling target's figures.
#
#   bench/memory.sh              # 1,000 to 4,000 MB
#   bench/memory.sh 500 2500     # only these sizes, in MB
#
# Writes each size of zeros into one new file, in 256 KB writes, after an idle pause, times it and
# removes the file. The file system's pages are memory the kernel hands out as the file grows, so
# this is the cost of the first write to that much memory, with no program work around it. On a
# machine whose memory costs the same at any size the seconds grow with the megabytes; where they
# grow faster, a run that writes more bytes pays more for each of them, whatever the program does.
#
# The file goes under BENCH_DIR: by default /dev/shm (memory) when it has room, as bench/run.sh
# puts the reports there, else the temporary folder. Sizes that do not fit in the file system or
# in the memory available are skipped. IDLE is the pause before each size (default 30 s), long
# enough for memory freed by what ran before to be given back to the system.
set -euo pipefail

sizes=("$@")
(( ${#sizes[@]} > 0 )) || sizes=(1000 2000 3000 4000)
idle="${IDLE:-30}"
# Each size's cost beyond the one before is printed, so the sizes must be whole megabytes, rising.
previous=0
for mb in "${sizes[@]}"; do
  if ! [[ "$mb" =~ ^[1-9][0-9]*$ ]] || (( mb <= previous )); then
    echo "bench/memory.sh: sizes are whole numbers of MB in rising order, such as 1000 2000 3000; got: ${sizes[*]}" >&2
    exit 2
  fi
  previous=$mb
done

base="${BENCH_DIR:-}"
if [[ -z "$base" ]]; then
  base="${TMPDIR:-/tmp}"
  [[ -d /dev/shm && -w /dev/shm ]] && base=/dev/shm
fi
work="$(mktemp -d "$base/audit-memory.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "Fresh memory: one file of N MB written into $(df -PT "$work" | awk 'NR == 2 { print $2 }'), after $idle s idle."
echo
echo "| MB | seconds | MB/s | seconds per GB beyond the size before |"
echo "|---:|---:|---:|---:|"
previousMB=0
previousSeconds=0
for mb in "${sizes[@]}"; do
  roomMB=$(( $(df -Pk "$work" | awk 'NR == 2 { print $4 }') / 1024 ))
  availableMB=$(( $(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo 2>/dev/null || echo 0) / 1024 ))
  if (( mb + 512 > roomMB )) || { (( availableMB > 0 )) && (( mb + 1024 > availableMB )); }; then
    echo "| $mb | skipped: $roomMB MB free in the file system, $availableMB MB of memory available | | |"
    continue
  fi
  sleep "$idle"
  /usr/bin/time -f "%e" -o "$work/time.txt" dd if=/dev/zero of="$work/fill" bs=256K count=$(( mb * 4 )) status=none
  seconds="$(tail -n 1 "$work/time.txt")"
  rm -f "$work/fill"
  awk -v mb="$mb" -v s="$seconds" -v pmb="$previousMB" -v ps="$previousSeconds" 'BEGIN {
    wall = (s > 0) ? s : 0.01
    printf "| %d | %.2f | %.0f | %.2f |\n", mb, s, mb / wall, (s - ps) / ((mb - pmb) / 1000)
  }'
  previousMB=$mb
  previousSeconds=$seconds
done
