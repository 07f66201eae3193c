#!/usr/bin/env bash
# Promote IMAGE through the api-canary Deployment to api, in namespace shop. Each step waits for
# its rollout; a failed rollout is undone (and, once api has changed, the canary too) and the
# script exits non-zero.
set -uo pipefail

readonly NS=shop
readonly CONTAINER=api
readonly TIMEOUT=180s

log() { printf '[promote] %s\n' "$*"; }
fail() { printf '[promote] ERROR: %s\n' "$*" >&2; exit 1; }

if [[ $# -ne 1 || -z $1 ]]; then
  echo "Usage: promote.sh IMAGE:TAG" >&2
  exit 2
fi
image=$1

# Sets the image and waits for the rollout; undoes it when the rollout does not complete.
roll_out() {
  local deployment=$1
  log "rolling $deployment out to $image"
  kubectl -n "$NS" set image "deployment/$deployment" "$CONTAINER=$image" || return 1
  if kubectl -n "$NS" rollout status "deployment/$deployment" --timeout="$TIMEOUT"; then
    return 0
  fi
  log "$deployment did not roll out; undoing it"
  kubectl -n "$NS" rollout undo "deployment/$deployment" || log "undo of $deployment failed too: check it by hand"
  return 1
}

roll_out api-canary || fail "the canary failed to roll out; api was not touched"
log "canary is healthy; promoting to api"
if ! roll_out api; then
  log "undoing api-canary as well"
  kubectl -n "$NS" rollout undo deployment/api-canary || log "undo of api-canary failed: check it by hand"
  fail "api failed to roll out $image; both deployments were rolled back"
fi
log "promoted $image to api-canary and api"
