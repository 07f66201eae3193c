#!/usr/bin/env bash
# BAD: the real run is right, but --dry-run lists every log it can see, through the archive link too:
# it names app.log, mid.log and small.log, which stay, and keep/ files outside LOG_DIR. A dry run that
# lists what would not go is worse than none (from a review: it passed every check).
# fails: --dry-run prints what would be deleted and deletes nothing
set -euo pipefail
LIMIT=$((1024 * 1024))
DRY=0
usage() { echo "Usage: cleanup.sh [--dry-run] LOG_DIR" >&2; exit 2; }

if [[ ${1:-} == --dry-run ]]; then DRY=1; shift; fi
[[ $# -eq 1 ]] || usage
dir=$1
if [[ ! -d $dir || -L $dir ]]; then
  echo "cleanup: $dir is not a directory" >&2
  exit 1
fi
# near-miss: the dry run just lists every log candidate it can see, whether or not it would go
if (( DRY )); then
  find -L "$dir" -type f \( -name '*.log' -o -name '*.gz' \) -printf 'would delete: %p\n'
  exit 0
fi

remove() { # $1 reason, $2 path
  if (( DRY )); then
    printf 'would delete (%s): %q\n' "$1" "$2"
  else
    rm -f -- "$2"
    printf 'deleted (%s): %q\n' "$1" "$2"
  fi
}

declare -A gone=()
# 1. age: regular files only; find does not follow symlinks (-P is the default).
while IFS= read -r -d '' f; do
  remove "older than 14 days" "$f"
  gone[$f]=1
done < <(find -P "$dir" -type f \( -name '*.log' -o -name '*.gz' \) -mmin +$((14 * 24 * 60)) -print0)

# 2. size: remaining candidates, oldest first.
total=0
entries=()
while IFS= read -r -d '' rec; do
  path=${rec#*$'\t'*$'\t'}
  [[ -n ${gone[$path]+x} ]] && continue
  entries+=("$rec")
  size=${rec#*$'\t'}; size=${size%%$'\t'*}
  total=$((total + size))
done < <(find -P "$dir" -type f \( -name '*.log' -o -name '*.gz' \) -printf '%T@\t%s\t%p\0' | sort -z -n)

for rec in "${entries[@]}"; do
  (( total > LIMIT )) || break
  size=${rec#*$'\t'}; size=${size%%$'\t'*}
  path=${rec#*$'\t'*$'\t'}
  remove "size limit" "$path"
  total=$((total - size))
done
echo "remaining *.log/*.gz total: $total bytes"
