#!/bin/bash
# BAD: no check of its argument: run without one, it sets the container's image to "" and the
# API server's rejection is the only thing that stops it.
# fails: without an argument: prints usage, exits non-zero, touches nothing
set -uo pipefail
image=${1:-}
for d in api-canary api; do
  echo "rolling out $d"
  kubectl -n shop set image "deployment/$d" "api=$image" || { echo "error: set image failed" >&2; exit 1; }
  if ! kubectl -n shop rollout status "deployment/$d"; then
    echo "error: $d failed; rolling back" >&2
    kubectl -n shop rollout undo deployment/api-canary
    [[ $d == api ]] && kubectl -n shop rollout undo deployment/api
    exit 1
  fi
done
echo "promoted $image"
