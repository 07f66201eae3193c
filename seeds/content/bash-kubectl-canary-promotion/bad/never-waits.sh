#!/bin/bash
# BAD: sets both images and reports success at once: set image returns before any Pod has
# started, so a release that cannot start goes everywhere.
# fails: promotes IMAGE: the canary first, the main deployment only once the canary has rolled out
# fails: when the canary's rollout fails: undoes it, leaves api alone, exits non-zero
# fails: when the main rollout fails: undoes api and the canary, exits non-zero
set -euo pipefail
[[ $# -eq 1 ]] || { echo "Usage: promote.sh IMAGE:TAG" >&2; exit 2; }
echo "updating api-canary"
kubectl -n shop set image deployment/api-canary api="$1"
echo "updating api"
kubectl -n shop set image deployment/api api="$1"
echo "promoted $1"
