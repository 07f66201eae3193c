#!/bin/bash
# Age step with find's own -delete (or -print for a dry run); size step over the survivors,
# read NUL-separated and oldest first. Options parsed with a loop, so --dry-run may come last.
set -u

dry=false
dir=
for arg in "$@"; do
  case $arg in
    --dry-run) dry=true ;;
    -*) echo "unknown option: $arg" >&2; exit 2 ;;
    *) [ -z "$dir" ] || { echo "usage: cleanup.sh [--dry-run] LOG_DIR" >&2; exit 2; }; dir=$arg ;;
  esac
done
if [ -z "$dir" ]; then
  echo "usage: cleanup.sh [--dry-run] LOG_DIR" >&2
  exit 2
fi
if ! [ -d "$dir" ] || [ -h "$dir" ]; then
  echo "cleanup: no such directory: $dir" >&2
  exit 1
fi

logs=( -type f '(' -name '*.log' -o -name '*.gz' ')' )
if $dry; then
  find "$dir" "${logs[@]}" -mtime +13 -printf 'would remove (age): %p\n'
else
  find "$dir" "${logs[@]}" -mtime +13 -printf 'removing (age): %p\n' -delete
fi

limit=1048576
total=$(find "$dir" "${logs[@]}" -mtime -14 -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
while IFS= read -r -d '' record && [ "$total" -gt "$limit" ]; do
  size=${record%% *}
  rest=${record#* }
  path=${rest#* }
  if $dry; then
    printf 'would remove (size): %s\n' "$path"
  else
    printf 'removing (size): %s\n' "$path"
    rm -f -- "$path"
  fi
  total=$((total - size))
done < <(find "$dir" "${logs[@]}" -mtime -14 -printf '%s %T@ %p\0' | sort -z -k2,2n)
echo "cleanup finished; $total bytes of logs remain"
