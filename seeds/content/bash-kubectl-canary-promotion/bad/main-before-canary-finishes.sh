#!/bin/bash
# BAD: starts both rollouts and only then waits for them: the canary protects nothing, since api
# is already rolling out the release when the canary's failure is noticed.
# fails: promotes IMAGE: the canary first, the main deployment only once the canary has rolled out
# fails: when the canary's rollout fails: undoes it, leaves api alone, exits non-zero
set -uo pipefail
[[ $# -eq 1 ]] || { echo "Usage: promote.sh IMAGE:TAG" >&2; exit 2; }
image=$1
echo "rolling out $image"
kubectl -n shop set image deployment/api-canary "api=$image"
kubectl -n shop set image deployment/api "api=$image"
for d in api-canary api; do
  if ! kubectl -n shop rollout status "deployment/$d"; then
    echo "error: $d failed; undoing both" >&2
    kubectl -n shop rollout undo deployment/api
    kubectl -n shop rollout undo deployment/api-canary
    exit 1
  fi
done
echo "promoted $image"
