#!/bin/bash
# BAD: find -L follows the archive symlink out of the log directory and deletes the old files it
# finds there: a cleanup that reaches into another team's data.
# fails: never follows a link out of the directory
set -euo pipefail
dry=0
[[ ${1:-} == --dry-run ]] && { dry=1; shift; }
[[ $# -eq 1 ]] || { echo "Usage: cleanup.sh [--dry-run] LOG_DIR" >&2; exit 2; }
[[ -d $1 ]] || { echo "error: no directory $1" >&2; exit 1; }
limit=1048576
mapfile -d '' files < <(find -L "$1" -type f \( -name '*.log' -o -name '*.gz' \) -printf '%T@\t%s\t%p\0' | sort -z -n)
now=$(date +%s); total=0; keep=()
for rec in "${files[@]}"; do
  IFS=$'\t' read -r t s p <<<"$rec"
  if ((now - ${t%.*} > 14 * 86400)); then
    ((dry)) && echo "would delete $p" || { rm -f -- "$p"; echo "deleted $p"; }
  else keep+=("$rec"); total=$((total + s)); fi
done
for rec in "${keep[@]}"; do
  ((total > limit)) || break
  IFS=$'\t' read -r t s p <<<"$rec"
  ((dry)) && echo "would delete $p" || { rm -f -- "$p"; echo "deleted $p"; }
  total=$((total - s))
done
