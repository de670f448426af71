#!/usr/bin/env bash
# Renders reports/summary.html to docs/summary.png with headless Chromium, the picture the README
# shows. Regenerate the reports first with `swift run audit run --lang zh`.
#
#   scripts/screenshot.sh [HTML] [PNG]     (SCREENSHOT_WIDTH, SCREENSHOT_HEIGHT: the window, default 1280×2290)
#
# Needs Debian's chromium and fonts-noto-cjk; installs them with apt-get when missing (through sudo
# when not run as root).
set -euo pipefail

# Paths given on the command line are relative to where the script is run from; the defaults are
# relative to the repository.
absolute() {
  local dir
  dir="$(cd "$(dirname "$1")" 2>/dev/null && pwd)" || { echo "$1"; return; }
  echo "$dir/$(basename "$1")"
}
if [[ $# -ge 2 ]]; then mkdir -p "$(dirname "$2")"; fi
html="$(if [[ $# -ge 1 ]]; then absolute "$1"; else echo reports/summary.html; fi)"
png="$(if [[ $# -ge 2 ]]; then absolute "$2"; else echo docs/summary.png; fi)"
cd "$(dirname "$0")/.."
width="${SCREENSHOT_WIDTH:-1280}"
height="${SCREENSHOT_HEIGHT:-2290}"

if [[ ! -f "$html" ]]; then
  echo "screenshot: $html is missing; run 'swift run audit run --lang zh' first" >&2
  exit 2
fi

fonts="$(fc-list 2>/dev/null || true)"
if ! command -v chromium >/dev/null 2>&1 || [[ "$fonts" != *"Noto Sans CJK"* ]]; then
  echo "== installing chromium and fonts-noto-cjk"
  sudo=""
  if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk
fi

mkdir -p "$(dirname "$png")"
out="$(absolute "$png")"
url="file://$(absolute "$html")"
rm -f "$out"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --user-data-dir="$profile" --no-first-run --disable-extensions \
  --force-device-scale-factor=1 --window-size="$width,$height" \
  --screenshot="$out" "$url" >/dev/null 2>&1

if [[ ! -s "$png" ]]; then
  echo "screenshot: chromium wrote no picture to $png" >&2
  exit 1
fi
echo "wrote $png ($(wc -c < "$png") bytes)"
