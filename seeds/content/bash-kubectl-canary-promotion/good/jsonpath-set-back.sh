#!/bin/bash
# Records the running image with jsonpath and sets it back by hand instead of rollout undo;
# --namespace=… and deploy/NAME spellings.
set -u

if [ $# -lt 1 ]; then
  echo "usage: promote.sh IMAGE:TAG" >&2
  exit 64
fi
new=$1
k() { kubectl --namespace=shop "$@"; }

old=$(k get deployment api -o jsonpath='{.spec.template.spec.containers[0].image}')
echo "api runs $old; promoting $new"

echo "step 1/2: canary"
k set image deploy/api-canary api="$new" >/dev/null
if ! k rollout status deploy/api-canary --timeout=5m; then
  echo "canary failed: reverting api-canary to $old" >&2
  k set image deploy/api-canary api="$old" >/dev/null
  exit 1
fi

echo "step 2/2: api"
k set image deploy/api api="$new" >/dev/null
if ! k rollout status deploy/api --timeout=5m; then
  echo "api rollout failed: reverting api and api-canary to $old" >&2
  k set image deploy/api api="$old" >/dev/null
  k set image deploy/api-canary api="$old" >/dev/null
  exit 1
fi
echo "done: $new is live"
