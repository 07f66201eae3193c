#!/usr/bin/env bash
# Walks the stages in a loop and keeps a stack of what changed; any failure undoes the stack in
# reverse order.
set -euo pipefail

image=${1:?Usage: promote.sh IMAGE:TAG}
changed=()

undo_all() {
  local i
  for ((i = ${#changed[@]} - 1; i >= 0; i--)); do
    echo "rolling back ${changed[i]}" >&2
    kubectl rollout undo "deployment/${changed[i]}" -n shop >/dev/null || echo "could not undo ${changed[i]}" >&2
  done
}

for stage in api-canary api; do
  echo "-> $stage: $image"
  kubectl set image "deployment/$stage" "api=$image" -n shop >/dev/null
  changed+=("$stage")
  if ! kubectl rollout status "deployment/$stage" -n shop --timeout=120s >/dev/null; then
    echo "error: $stage failed to roll out" >&2
    undo_all
    exit 1
  fi
  echo "   $stage rolled out"
done
echo "-> promoted"
