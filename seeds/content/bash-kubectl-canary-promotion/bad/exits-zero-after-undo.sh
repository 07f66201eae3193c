#!/bin/bash
# BAD: undoes a failed rollout correctly but exits 0: the pipeline shows a green promotion of a
# release that is no longer running anywhere.
# fails: when the canary's rollout fails: undoes it, leaves api alone, exits non-zero
# fails: when the main rollout fails: undoes api and the canary, exits non-zero
set -uo pipefail
[[ $# -eq 1 ]] || { echo "Usage: promote.sh IMAGE:TAG" >&2; exit 2; }
image=$1
echo "rolling out api-canary"
kubectl -n shop set image deployment/api-canary "api=$image"
if ! kubectl -n shop rollout status deployment/api-canary; then
  echo "canary failed; undoing it"
  kubectl -n shop rollout undo deployment/api-canary
  exit 0
fi
echo "rolling out api"
kubectl -n shop set image deployment/api "api=$image"
if ! kubectl -n shop rollout status deployment/api; then
  echo "api failed; undoing api and the canary"
  kubectl -n shop rollout undo deployment/api
  kubectl -n shop rollout undo deployment/api-canary
fi
echo "finished"
