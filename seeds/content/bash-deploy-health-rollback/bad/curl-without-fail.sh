#!/usr/bin/env bash
# BAD: checks health with curl -sS and no -f: curl exits 0 on a 503, so the first check that
# answers at all passes and a broken release is declared healthy (from a review, where the
# feedback spoke of waits and too few checks instead).
# fails: retries a slow start with growing waits and keeps the new release
# fails: rolls back to the previous tag when the new release never gets healthy
set -uo pipefail

usage() { echo "Usage: ${0##*/} IMAGE:TAG" >&2; exit 64; }
(( $# == 1 )) || usage
image=$1

info() { echo "$(date -u +%FT%TZ) INFO  $*"; }
err()  { echo "$(date -u +%FT%TZ) ERROR $*" >&2; }

info "step 1/5: verifying docker.service"
if [[ $(systemctl is-active docker.service) != active ]]; then
  err "docker.service is not running"; exit 1
fi

info "step 2/5: recording the running release"
previous=$(docker container inspect -f '{{.Config.Image}}' web) || { err "no running web container"; exit 1; }

info "step 3/5: pulling $image"
docker pull "$image" || { err "docker pull $image failed"; exit 1; }

run_web() {
  docker stop web >/dev/null 2>&1
  docker rm web >/dev/null 2>&1
  docker run --detach --name web --publish 8080:8080 "$1"
}

info "step 4/5: replacing web ($previous -> $image)"
run_web "$image" || { err "could not start $image"; run_web "$previous"; exit 1; }

info "step 5/5: health check"
tries=0 wait=1
until curl -sS --max-time 3 -o /dev/null http://127.0.0.1:8080/healthz; do
  tries=$((tries + 1))
  if (( tries >= 6 )); then
    err "$image unhealthy after $tries checks; rolling back to $previous"
    run_web "$previous" >/dev/null
    err "rollback complete: web runs $previous"
    exit 1
  fi
  info "health check $tries failed; retrying in ${wait}s"
  sleep "$wait"
  wait=$((wait * 2))
done
info "web is healthy on $image"
