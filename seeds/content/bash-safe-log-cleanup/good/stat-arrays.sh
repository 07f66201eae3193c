#!/usr/bin/env bash
# Collects every candidate with find -print0 and GNU stat, decides in Bash, deletes at the end:
# the same decisions drive both the dry run and the real one.
set -Eeuo pipefail

main() {
  local dry_run=no
  if [[ $# -gt 0 && $1 == --dry-run ]]; then dry_run=yes; shift; fi
  if [[ $# -ne 1 ]]; then
    printf 'Usage: %s [--dry-run] LOG_DIR\n' "${0##*/}" >&2
    return 2
  fi
  local dir=$1 now cutoff budget=$((1 << 20))
  [[ -d $dir && ! -h $dir ]] || { printf 'refusing: %s is not a directory\n' "$dir" >&2; return 1; }
  now=$(date +%s)
  cutoff=$((now - 14 * 86400))

  local -a doomed=() young=()
  local file mtime
  while IFS= read -r -d '' file; do
    mtime=$(stat -c %Y -- "$file")
    if ((mtime < cutoff)); then doomed+=("$file"); else young+=("$mtime"$'\t'"$file"); fi
  done < <(find "$dir" -type f \( -name '*.log' -o -name '*.gz' \) -print0)

  local total=0 entry size
  local -a sorted=()
  if ((${#young[@]})); then mapfile -d '' -t sorted < <(printf '%s\0' "${young[@]}" | sort -z -n); fi
  for entry in "${sorted[@]}"; do total=$((total + $(stat -c %s -- "${entry#*$'\t'}"))); done
  for entry in "${sorted[@]}"; do
    ((total > budget)) || break
    file=${entry#*$'\t'}
    size=$(stat -c %s -- "$file")
    doomed+=("$file")
    total=$((total - size))
  done

  for file in "${doomed[@]}"; do
    if [[ $dry_run == yes ]]; then printf '[dry-run] %q\n' "$file"; else rm -f -- "$file" && printf 'removed %q\n' "$file"; fi
  done
  printf '%d file(s) %s\n' "${#doomed[@]}" "$([[ $dry_run == yes ]] && echo 'would be removed' || echo removed)"
}

main "$@"
