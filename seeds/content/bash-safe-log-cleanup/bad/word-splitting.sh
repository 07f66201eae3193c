#!/bin/bash
# BAD: loops over $(find ...): every name is split at spaces and newlines, so "old report.log"
# becomes "old" and "report.log", neither of which exists, and the old logs stay.
# fails: deletes *.log and *.gz files older than 14 days, whatever their names
[ $# -ge 1 ] || { echo "Usage: cleanup.sh [--dry-run] LOG_DIR" >&2; exit 2; }
dry=0; [ "$1" = --dry-run ] && { dry=1; shift; }
[ -d "$1" ] || { echo "error: no directory $1" >&2; exit 1; }
for f in $(find "$1" -type f \( -name '*.log' -o -name '*.gz' \) -mtime +13); do
  if [ $dry = 1 ]; then echo "would delete $f"; else rm -f -- "$f" 2>/dev/null; echo "deleted $f"; fi
done
total=0
for f in $(find "$1" -type f \( -name '*.log' -o -name '*.gz' \) -mtime -14 -printf '%T@:%s:%p\n' | sort -n); do
  size=$(echo "$f" | cut -d: -f2); path=$(echo "$f" | cut -d: -f3-)
  total=$((total + size))
done
for f in $(find "$1" -type f \( -name '*.log' -o -name '*.gz' \) -mtime -14 -printf '%T@:%s:%p\n' | sort -n); do
  [ $total -gt 1048576 ] || break
  size=$(echo "$f" | cut -d: -f2); path=$(echo "$f" | cut -d: -f3-)
  if [ $dry = 1 ]; then echo "would delete $path"; else rm -f -- "$path"; echo "deleted $path"; fi
  total=$((total - size))
done
