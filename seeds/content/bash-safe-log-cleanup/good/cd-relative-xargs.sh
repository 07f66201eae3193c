#!/usr/bin/env bash
# Works from inside LOG_DIR (cd -P, checked), so every path find prints starts with ./ and no
# command can take it for an option; old logs go through xargs -0 rm. The usage message names the
# arguments without the word "usage" (a synopsis is a usage message too).
set -Eeuo pipefail

prog=${0##*/}
die() { printf '%s: %s\n' "$prog" "$1" >&2; exit "${2:-1}"; }

dry=false
while (( $# )); do
  case $1 in
    --dry-run) dry=true; shift ;;
    --) shift; break ;;
    -*) die "unknown option $1" 2 ;;
    *) break ;;
  esac
done
(( $# == 1 )) || die "expected exactly one LOG_DIR: $prog [--dry-run] LOG_DIR" 2
target=$1
[[ -d $target ]] || die "not a directory: $target"
cd -P -- "$target" || die "cannot enter $target"

readonly LIMIT=1048576

logs() { find . -type f \( -name '*.log' -o -name '*.gz' \) "$@"; }

# 1. Age: -mtime +13 is "at least 14 whole days old".
if $dry; then
  logs -mtime +13 -printf 'would delete (older than 14 days): %p\n'
else
  logs -mtime +13 -print0 | xargs -0 -r rm -f --
fi

# 2. Size: total what remains (in a dry run: what would remain), oldest first.
mapfile -d '' -t rows < <(logs -mtime -14 -printf '%T@\t%s\t%p\0' | sort -z -t $'\t' -k1,1g)
total=0
for row in "${rows[@]}"; do
  IFS=$'\t' read -r _ size _ <<< "${row%%$'\n'*}"
  total=$(( total + size ))
done
for row in "${rows[@]}"; do
  (( total > LIMIT )) || break
  size=${row#*$'\t'}; size=${size%%$'\t'*}
  path=${row#*$'\t'*$'\t'}
  if $dry; then
    printf 'would delete (over 1 MiB): %s\n' "$path"
  else
    rm -f -- "$path"
  fi
  total=$(( total - size ))
done
