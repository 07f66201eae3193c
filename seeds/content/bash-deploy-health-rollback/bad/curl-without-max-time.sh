#!/usr/bin/env bash
# BAD: health checks with curl and no --max-time: when /healthz takes the connection and never
# answers (a release stuck starting), a real curl waits for ever and the deploy never retries
# or rolls back (from a review, where the fake curl gave up after 2 s by itself).
# fails: retries a slow start with growing waits and keeps the new release
set -Eeuo pipefail
trap 'echo "ERROR: line $LINENO: $BASH_COMMAND failed" >&2' ERR

log() { printf '[deploy] %s\n' "$*"; }
die() { printf '[deploy] ERROR: %s\n' "$*" >&2; exit 1; }

[[ $# -eq 1 && -n ${1:-} ]] || { echo "usage: $0 IMAGE:TAG" >&2; exit 2; }
NEW=$1
NAME=web

healthy() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/healthz) || true
  [[ $code == 200 ]]
}

start() {
  docker rm -f "$NAME" >/dev/null
  docker run -d --name "$NAME" -p 8080:8080 "$1" >/dev/null
}

log "checking docker daemon"
systemctl is-active --quiet docker || die "docker.service is not active"

log "reading current release"
OLD=$(docker inspect --format '{{.Config.Image}}' "$NAME")
log "current: $OLD"

log "pulling $NEW"
if ! docker pull "$NEW" >/dev/null; then
  die "pull of $NEW failed; leaving $OLD running"
fi

log "starting $NEW"
start "$NEW"

delay=1
for attempt in 1 2 3 4 5; do
  if healthy; then
    log "healthy after $attempt check(s); deployed $NEW"
    exit 0
  fi
  log "not healthy yet (check $attempt), waiting ${delay}s"
  sleep "$delay"
  delay=$((delay * 2))
done

log "new release never became healthy; rolling back to $OLD"
start "$OLD"
echo "[deploy] ERROR: rolled back to $OLD" >&2
exit 1
