#!/bin/bash
# BAD: cd "$1" without checking it worked: given a directory that does not exist, the cd fails,
# the script carries on in whatever directory it started in and cleans that instead.
# fails: refuses a missing directory or no argument and touches nothing
dry=0
[ "$1" = --dry-run ] && { dry=1; shift; }
[ -n "$1" ] || { echo "Usage: cleanup.sh [--dry-run] LOG_DIR" >&2; exit 2; }
cd "$1"
now=$(date +%s); total=0; keep=(); sizes=()
while IFS=$'\t' read -r -d '' t s p; do
  if ((now - ${t%.*} > 14 * 86400)); then
    ((dry)) && echo "would delete $p" || { rm -f -- "$p"; echo "deleted $p"; }
  else keep+=("$p"); sizes+=("$s"); total=$((total + s)); fi
done < <(find . -type f \( -name '*.log' -o -name '*.gz' \) -printf '%T@\t%s\t%p\0' | sort -z -n)
for i in "${!keep[@]}"; do
  ((total > 1048576)) || break
  ((dry)) && echo "would delete ${keep[i]}" || { rm -f -- "${keep[i]}"; echo "deleted ${keep[i]}"; }
  total=$((total - sizes[i]))
done
exit 0
