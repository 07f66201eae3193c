#!/bin/bash
# BAD: relies on set -e: a failed rollout status ends the script right there, before any undo,
# so the failed release stays where it landed.
# fails: when the canary's rollout fails: undoes it, leaves api alone, exits non-zero
# fails: when the main rollout fails: undoes api and the canary, exits non-zero
set -euo pipefail
[[ $# -eq 1 ]] || { echo "Usage: promote.sh IMAGE:TAG" >&2; exit 2; }
image=$1
trap 'echo "error: promotion failed" >&2' ERR
for d in api-canary api; do
  echo "rolling out $d"
  kubectl -n shop set image "deployment/$d" "api=$image"
  kubectl -n shop rollout status "deployment/$d" --timeout=120s
done
echo "promoted $image"
