#!/usr/bin/env bash
# Keeps the previous container (stopped, renamed web-prev) so a rollback is docker rename and
# docker start, not a re-create (from a review, where the fake docker had no rename).
set -Eeuo pipefail
log() { echo "deploy: $*"; }
err() { echo "deploy: ERROR: $*" >&2; }
[[ $# -eq 1 ]] || { echo "Usage: deploy.sh IMAGE:TAG" >&2; exit 2; }
new=$1

log "checking docker.service"
systemctl is-active --quiet docker || { err "docker.service is not active"; exit 1; }
prev=$(docker ps --filter 'name=^web$' --format '{{.Image}}')
[[ -n $prev ]] || { err "no running web container"; exit 1; }
log "web runs $prev"

log "pulling $new"
docker pull "$new" || { err "pull of $new failed; web left on $prev"; exit 1; }

log "parking the current container as web-prev"
docker rm -f web-prev >/dev/null 2>&1 || true
docker stop web >/dev/null
docker rename web web-prev
log "starting $new"
docker run -d --name web -p 8080:8080 "$new" >/dev/null

for wait in 1 2 4 8 0; do
  if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 http://127.0.0.1:8080/healthz || true) == 200 ]]; then
    docker rm web-prev >/dev/null
    log "deployed $new"
    exit 0
  fi
  (( wait )) && { log "not healthy, retrying in ${wait}s"; sleep "$wait"; }
done

err "$new never became healthy; rolling back to $prev"
docker rm -f web >/dev/null
docker rename web-prev web
docker start web >/dev/null
err "rolled back: web runs $prev again"
exit 1
