#!/bin/bash
# BAD: when api fails it undoes api but forgets the canary, which keeps serving the release that
# just failed.
# fails: when the main rollout fails: undoes api and the canary, exits non-zero
set -uo pipefail
[[ $# -eq 1 ]] || { echo "Usage: promote.sh IMAGE:TAG" >&2; exit 2; }
image=$1
echo "rolling out api-canary"
kubectl -n shop set image deployment/api-canary "api=$image"
if ! kubectl -n shop rollout status deployment/api-canary; then
  echo "error: canary failed; undoing it" >&2
  kubectl -n shop rollout undo deployment/api-canary
  exit 1
fi
echo "rolling out api"
kubectl -n shop set image deployment/api "api=$image"
if ! kubectl -n shop rollout status deployment/api; then
  echo "error: api failed; undoing it" >&2
  kubectl -n shop rollout undo deployment/api
  exit 1
fi
echo "promoted $image"
