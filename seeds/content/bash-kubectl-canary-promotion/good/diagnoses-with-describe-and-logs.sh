#!/usr/bin/env bash
# Like the loop, but on a failed rollout it first shows the Deployment and its logs, as an
# on-call engineer would want in the deploy log, then undoes what changed.
set -uo pipefail

image=${1:?Usage: promote.sh IMAGE:TAG}
ns=shop
changed=()

diagnose() {
  kubectl -n "$ns" describe deployment "$1" >&2 || true
  kubectl -n "$ns" logs "deployment/$1" --tail=50 >&2 || true
}

rollback() {
  local i
  for ((i = ${#changed[@]} - 1; i >= 0; i--)); do
    echo "undoing ${changed[i]}" >&2
    kubectl -n "$ns" rollout undo "deployment/${changed[i]}" >/dev/null || echo "could not undo ${changed[i]}" >&2
  done
}

for stage in api-canary api; do
  echo "rolling $stage to $image"
  kubectl -n "$ns" set image "deployment/$stage" "api=$image" >/dev/null || { rollback; exit 1; }
  changed+=("$stage")
  if ! kubectl -n "$ns" rollout status "deployment/$stage" --timeout=120s >/dev/null; then
    echo "error: $stage did not roll out" >&2
    diagnose "$stage"
    rollback
    exit 1
  fi
  echo "$stage rolled out"
done
echo "promoted $image"
