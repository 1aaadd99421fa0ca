#!/usr/bin/env bash
# Qt needs a few system libraries even offscreen, and the label tests read PDFs with
# pdftotext; install what is missing (Debian/Ubuntu) or say what to install.
set -euo pipefail
declare -A packages=(
  [libGL.so.1]=libgl1
  [libEGL.so.1]=libegl1
  [libxkbcommon.so.0]=libxkbcommon0
  [libfontconfig.so.1]=libfontconfig1
  [libglib-2.0.so.0]=libglib2.0-0
  [libdbus-1.so.3]=libdbus-1-3
)
missing=()
for lib in "${!packages[@]}"; do
  ldconfig -p 2>/dev/null | grep -q "$lib" || missing+=("${packages[$lib]}")
done
command -v pdftotext >/dev/null || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing system packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
else
  echo "Please install: ${missing[*]}" >&2
  exit 1
fi
