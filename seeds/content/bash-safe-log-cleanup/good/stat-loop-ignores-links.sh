#!/bin/bash
# One stat per candidate into parallel arrays, then the age and size steps over indexes. It
# tells the operator which symlinks it will not walk into ("ignoring symlink logs/archive"): a
# line about a kept file that says so is not a file the dry run would delete.
set -o nounset -o pipefail

DRY_RUN=false
if [[ "${1:-}" == "--dry-run" ]]; then
  DRY_RUN=true
  shift
fi
if [[ $# -ne 1 ]]; then
  echo "Usage: cleanup.sh [--dry-run] LOG_DIR" >&2
  exit 2
fi
LOG_DIR="$1"
if [[ ! -d "$LOG_DIR" ]]; then
  echo "cleanup.sh: '$LOG_DIR' does not exist or is not a directory" >&2
  exit 1
fi

MAX_BYTES=1048576
NOW=$(date +%s)
CUTOFF=$(( NOW - 14 * 86400 ))

# Tell the operator about links we will not walk into.
while IFS= read -r -d '' link; do
  printf 'ignoring symlink %s\n' "$link"
done < <(find "$LOG_DIR" -type l -print0)

declare -a files=() sizes=() mtimes=()
while IFS= read -r -d '' f; do
  read -r m s < <(stat --format '%Y %s' -- "$f")
  files+=("$f"); mtimes+=("$m"); sizes+=("$s")
done < <(find "$LOG_DIR" -type f \( -name '*.log' -o -name '*.gz' \) -print0)

zap() {
  local why=$1 f=$2
  if $DRY_RUN; then
    printf '[dry run] would delete %s (%s)\n' "${f@Q}" "$why"
  else
    rm -f -- "$f"
  fi
}

# Age first; survivors carry on to the size step as "mtime index" lines.
survivors=""
total=0
for i in "${!files[@]}"; do
  if (( mtimes[i] < CUTOFF )); then
    zap "older than 14 days" "${files[i]}"
  else
    survivors+="${mtimes[i]} $i"$'\n'
    total=$(( total + sizes[i] ))
  fi
done

if (( total > MAX_BYTES )); then
  while read -r _ i; do
    [[ -n $i ]] || continue
    (( total > MAX_BYTES )) || break
    zap "over the 1 MiB budget" "${files[i]}"
    total=$(( total - sizes[i] ))
  done < <(printf '%s' "$survivors" | sort -n)
fi
exit 0
