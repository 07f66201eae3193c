#!/bin/bash
# BAD: accepts --dry-run but deletes anyway: whoever previews a cleanup on a production box loses
# the files they meant to look at.
# fails: --dry-run prints what would be deleted and deletes nothing
set -euo pipefail
[[ ${1:-} == --dry-run ]] && { echo "dry run"; shift; }
[[ $# -eq 1 ]] || { echo "Usage: cleanup.sh [--dry-run] LOG_DIR" >&2; exit 2; }
[[ -d $1 && ! -L $1 ]] || { echo "error: no directory $1" >&2; exit 1; }
find "$1" -type f \( -name '*.log' -o -name '*.gz' \) -mtime +13 -print -delete
total=$(find "$1" -type f \( -name '*.log' -o -name '*.gz' \) -printf '%s\n' | awk '{s+=$1} END {print s+0}')
while IFS=$'\t' read -r -d '' size path; do
  ((total > 1048576)) || break
  rm -f -- "$path"; echo "deleted $path"; total=$((total - size))
done < <(find "$1" -type f \( -name '*.log' -o -name '*.gz' \) -printf '%T@\t%s\t%p\0' | sort -z -n | cut -z -f2-)
