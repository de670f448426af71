#!/usr/bin/env bash
# Builds the libFuzzer target FuzzChecklist and fuzzes the YAML loader, the checklist validator, the
# standard loader and the summary.json reader for SECONDS (default 600). With 0, it only runs every input of the corpus
# once, which is what .ci/run does.
#
#   fuzz/run.sh [SECONDS]
#
# The corpus is seeded from the test fixtures, checklists/, reports/summary.json and, when it exists,
# ../shared/corpus/yaml-test-suite/; it lives, with what the fuzzer adds to it, in
# .build-fuzz/corpus. A crash, timeout or leak is written to .build-fuzz/artifacts/ and ends the run
# with a non-zero status: keep the input as a fixture under Tests/AuditKitTests/Fixtures/fuzz/.
# To replay one input: .build-fuzz/debug/FuzzChecklist FILE
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
scratch=.build-fuzz

echo "== building FuzzChecklist with -sanitize=fuzzer,address"
# With -DFUZZING the target defines the entry point SwiftPM links as main itself and hands over to
# libFuzzer's driver (see Sources/FuzzChecklist/FuzzChecklist.swift); -parse-as-library keeps the
# compiler from making one of its own.
swift build -c debug --scratch-path "$scratch" --product FuzzChecklist \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
  -Xswiftc -DFUZZING -Xswiftc -enable-experimental-feature -Xswiftc Extern
fuzzer="$(swift build -c debug --scratch-path "$scratch" --show-bin-path)/FuzzChecklist"

corpus="$scratch/corpus"
artifacts="$scratch/artifacts"
mkdir -p "$corpus" "$artifacts"

echo "== seeding $corpus"
seed() {
  local file name
  while IFS= read -r -d '' file; do
    name="$(sha1sum "$file" | cut -c1-40)"
    [[ -e "$corpus/$name" ]] || cp "$file" "$corpus/$name"
  done
}
find Tests/AuditKitTests/Fixtures checklists -name '*.yaml' -type f -print0 | seed
find reports -maxdepth 1 -name 'summary.json' -type f -print0 | seed
if [[ -d ../shared/corpus/yaml-test-suite ]]; then
  find ../shared/corpus/yaml-test-suite -name '*.yaml' -type f -print0 | seed
fi
echo "$(find "$corpus" -type f | wc -l) inputs in the corpus"

if (( seconds == 0 )); then
  echo "== running the corpus once"
  limit=-runs=0
else
  echo "== fuzzing for $seconds s"
  limit=-max_total_time="$seconds"
fi
# Swift's lazily initialised globals (the format, the built-in standard) are allocated during the
# first input and look like leaks to LeakSanitizer: .ci/lsan.supp says why they are not.
export LSAN_OPTIONS="suppressions=$PWD/.ci/lsan.supp:print_suppressions=0"
"$fuzzer" "$corpus" \
  -dict=fuzz/yaml.dict \
  -max_len=70000 -timeout=10 -rss_limit_mb=2048 \
  "$limit" -print_final_stats=1 \
  -artifact_prefix="$artifacts/"
