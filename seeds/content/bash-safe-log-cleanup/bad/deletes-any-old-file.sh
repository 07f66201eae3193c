#!/bin/bash
# BAD: no name filter: every old regular file goes, README.txt included (and, on a real host,
# whatever config or marker file lives beside the logs).
# fails: keeps recent logs and files that are not logs
set -euo pipefail
dry=0
[[ ${1:-} == --dry-run ]] && { dry=1; shift; }
[[ $# -eq 1 ]] || { echo "Usage: cleanup.sh [--dry-run] LOG_DIR" >&2; exit 2; }
[[ -d $1 && ! -L $1 ]] || { echo "error: no directory $1" >&2; exit 1; }
now=$(date +%s); total=0; keep=(); sizes=()
while IFS=$'\t' read -r -d '' t s p; do
  if ((now - ${t%.*} > 14 * 86400)); then
    ((dry)) && echo "would delete $p" || { rm -f -- "$p"; echo "deleted $p"; }
  else keep+=("$p"); sizes+=("$s"); total=$((total + s)); fi
done < <(find "$1" -type f -printf '%T@\t%s\t%p\0' | sort -z -n)
for i in "${!keep[@]}"; do
  ((total > 1048576)) || break
  ((dry)) && echo "would delete ${keep[i]}" || { rm -f -- "${keep[i]}"; echo "deleted ${keep[i]}"; }
  total=$((total - sizes[i]))
done
