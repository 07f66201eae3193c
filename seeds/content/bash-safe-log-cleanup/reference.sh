#!/usr/bin/env bash
# Usage: cleanup.sh [--dry-run] LOG_DIR
# Deletes *.log and *.gz files under LOG_DIR older than 14 days, then the oldest of the rest
# until they total at most 1 MiB. Never follows symlinks; any file name is safe.
set -euo pipefail

readonly MAX_AGE_SECONDS=$((14 * 24 * 3600))
readonly MAX_TOTAL_BYTES=$((1024 * 1024))

usage() {
  echo "Usage: cleanup.sh [--dry-run] LOG_DIR" >&2
  exit 2
}

dry_run=0
if [[ ${1:-} == --dry-run ]]; then
  dry_run=1
  shift
fi
[[ $# -eq 1 && -n $1 ]] || usage
dir=$1
if [[ ! -d $dir || -L $dir ]]; then
  echo "error: $dir is not a directory" >&2
  exit 1
fi

remove() {
  if ((dry_run)); then
    printf 'would delete %q (%s)\n' "$1" "$2"
  else
    rm -f -- "$1"
    printf 'deleted %q (%s)\n' "$1" "$2"
  fi
}

now=$(date +%s)
kept=()
kept_sizes=()
total=0
# Oldest first. find does not follow symlinks (no -L) and -type f skips them; NUL-separated
# records survive any byte in a name.
while IFS=$'\t' read -r -d '' mtime size path; do
  if ((now - ${mtime%.*} > MAX_AGE_SECONDS)); then
    remove "$path" "older than 14 days"
  else
    kept+=("$path")
    kept_sizes+=("$size")
    total=$((total + size))
  fi
done < <(find "$dir" -type f \( -name '*.log' -o -name '*.gz' \) -printf '%T@\t%s\t%p\0' | sort -z -n)

for i in "${!kept[@]}"; do
  ((total > MAX_TOTAL_BYTES)) || break
  remove "${kept[i]}" "over the 1 MiB limit"
  total=$((total - kept_sizes[i]))
done
echo "done: $((total / 1024)) KiB of logs left in $dir$( ((dry_run)) && echo ' (dry run: nothing deleted)')"
