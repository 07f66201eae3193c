#!/usr/bin/env bash
# Leaves the waits to curl: --retry 4 waits 1, 2, 4, 8 s between tries (curl's exponential
# backoff without --retry-delay), and --retry-connrefused retries while nothing listens yet
# (from a review, where the fake curl took no waits and the backoff check failed it).
set -euo pipefail

readonly HEALTH_URL=http://127.0.0.1:8080/healthz

log() { printf '[deploy] %s\n' "$*"; }
die() { printf '[deploy] ERROR: %s\n' "$*" >&2; exit 1; }

if [[ $# -ne 1 || -z $1 ]]; then
  echo "Usage: deploy.sh IMAGE:TAG" >&2
  exit 2
fi
new_image=$1

systemctl is-active --quiet docker || die "docker.service is not active; nothing was changed"

previous_image=$(docker inspect --format '{{.Config.Image}}' web) || die "could not read the image web runs now"
log "web runs $previous_image; deploying $new_image"

log "pulling $new_image"
docker pull "$new_image" >/dev/null || die "pull of $new_image failed; web still runs $previous_image"
docker image inspect "$new_image" >/dev/null 2>&1 || die "$new_image is not on this host after the pull"

replace_web() {
  docker rm -f web >/dev/null
  docker run -d --name web -p 8080:8080 --restart unless-stopped "$1" >/dev/null
}

wait_healthy() {
  # curl's own retry: exponential backoff 1s, 2s, 4s, 8s between tries
  if curl -fsS --max-time 2 --retry 4 --retry-connrefused -o /dev/null "$HEALTH_URL"; then
    log "healthy"; return 0
  fi
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
