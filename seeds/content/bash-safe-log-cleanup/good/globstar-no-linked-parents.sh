#!/bin/bash
# Globbing instead of find: ./**/*.log with globstar. ** does not descend into a symlinked
# directory, but it does match one as a path component (archive/x.log), so a candidate whose
# parent is a link is skipped, as is any candidate that is itself a link or not a regular file.
set -u
shopt -s globstar nullglob dotglob

DRY=false
case ${1-} in
  --dry-run) DRY=true; shift ;;
esac
if [ $# -ne 1 ] || [ -z "$1" ]; then
  printf 'Usage: %s [--dry-run] LOG_DIR\n' "${0##*/}" >&2
  exit 64
fi
dir=${1%/}
[ -n "$dir" ] || dir=/
if [ ! -d "$dir" ]; then
  printf 'cleanup: no such directory: %q\n' "$1" >&2
  exit 66
fi
cd -- "$dir" || exit 66

cutoff=$(( $(date +%s) - 14 * 86400 ))
budget=1048576

delete() {
  if $DRY; then
    printf 'DELETE %q (%s)\n' "$dir/$1" "$2"
  else
    rm -f -- "$1" || printf 'cleanup: could not remove %q\n' "$1" >&2
  fi
}

declare -A mtime=() size=()
for f in ./**/*.log ./**/*.gz; do
  [[ -f $f && ! -L $f ]] || continue
  # ** matches a symlinked directory as a path component: refuse any linked parent
  parent=${f%/*} linked=false
  while [[ $parent != . ]]; do
    [[ -L $parent ]] && { linked=true; break; }
    parent=${parent%/*}
  done
  $linked && continue
  read -r m s < <(stat -c '%Y %s' -- "$f") || continue
  mtime[$f]=$m; size[$f]=$s
done

total=0
survivors=()
for f in "${!mtime[@]}"; do
  if (( mtime[$f] < cutoff )); then
    delete "$f" "older than 14 days"
  else
    survivors+=("$f"); total=$(( total + size[$f] ))
  fi
done

if (( total > budget )); then
  # oldest first; the index keeps names out of sort's hands
  while IFS=' ' read -r _ idx; do
    (( total > budget )) || break
    f=${survivors[idx]}
    delete "$f" "over the 1 MiB budget"
    total=$(( total - size[$f] ))
  done < <(for i in "${!survivors[@]}"; do printf '%s %s\n' "${mtime[${survivors[i]}]}" "$i"; done | sort -n -k1,1)
fi
exit 0
