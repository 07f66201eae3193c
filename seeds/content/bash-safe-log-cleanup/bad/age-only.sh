#!/bin/bash
# BAD: applies the age limit only: a burst of recent logs fills the disk and nothing is freed
# until they turn 14 days old.
# fails: then deletes the oldest remaining logs until they total at most 1 MiB
set -euo pipefail
dry=0
[[ ${1:-} == --dry-run ]] && { dry=1; shift; }
[[ $# -eq 1 ]] || { echo "Usage: cleanup.sh [--dry-run] LOG_DIR" >&2; exit 2; }
[[ -d $1 && ! -L $1 ]] || { echo "error: no directory $1" >&2; exit 1; }
if ((dry)); then
  find "$1" -type f \( -name '*.log' -o -name '*.gz' \) -mtime +13 -printf 'would delete %p\n'
else
  find "$1" -type f \( -name '*.log' -o -name '*.gz' \) -mtime +13 -printf 'deleted %p\n' -delete
fi
