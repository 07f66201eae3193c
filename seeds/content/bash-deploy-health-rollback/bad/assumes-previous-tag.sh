#!/usr/bin/env bash
# BAD: deploys IMAGE:TAG and health-checks it well, but "rolls back" to a tag it assumes
# (registry.example.com/shop/web:2.0.0, the one in the prompt) instead of reading the one web
# runs: on a host that ran another tag the rollback is to the wrong release (from a review,
# where it scored 100).
# fails: rolls back to the previous tag when the new release never gets healthy
set -euo pipefail

readonly HEALTH_URL=http://127.0.0.1:8080/healthz
readonly ATTEMPTS=5

log() { printf '[deploy] %s\n' "$*"; }
die() { printf '[deploy] ERROR: %s\n' "$*" >&2; exit 1; }

if [[ $# -ne 1 || -z $1 ]]; then
  echo "Usage: deploy.sh IMAGE:TAG" >&2
  exit 2
fi
new_image=$1

systemctl is-active --quiet docker || die "docker.service is not active; nothing was changed"

previous_image=registry.example.com/shop/web:2.0.0
log "web runs $previous_image; deploying $new_image"

log "pulling $new_image"
docker pull "$new_image" >/dev/null || die "pull of $new_image failed; web still runs $previous_image"
docker image inspect "$new_image" >/dev/null 2>&1 || die "$new_image is not on this host after the pull"

replace_web() {
  docker rm -f web >/dev/null
  docker run -d --name web -p 8080:8080 --restart unless-stopped "$1" >/dev/null
}

wait_healthy() {
  local delay=1 attempt
  for ((attempt = 1; attempt <= ATTEMPTS; attempt++)); do
    if curl -fsS --max-time 2 -o /dev/null "$HEALTH_URL"; then
      log "healthy after $attempt check(s)"
      return 0
    fi
    if ((attempt < ATTEMPTS)); then
      log "not healthy yet (check $attempt of $ATTEMPTS); retrying in ${delay}s"
      sleep "$delay"
      delay=$((delay * 2))
    fi
  done
  return 1
}

log "replacing web with $new_image"
replace_web "$new_image"
if wait_healthy; then
  log "deployed $new_image"
  exit 0
fi

log "$new_image never became healthy; rolling back to $previous_image"
replace_web "$previous_image"
if wait_healthy; then
  die "deploy of $new_image failed; rolled back to $previous_image"
fi
die "deploy of $new_image failed and the rollback to $previous_image is not healthy either: page someone"
