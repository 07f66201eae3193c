#!/usr/bin/env bash
# Rolls back from an EXIT trap: once the old container is gone, any failure (set -e included)
# puts the previous tag back before the script exits non-zero.
set -Eeuo pipefail

main() {
  local image=${1:?usage: deploy.sh IMAGE:TAG}
  systemctl is-active --quiet docker.service || { echo "docker.service is down: aborting" >&2; return 1; }

  PREVIOUS=$(docker inspect -f '{{.Config.Image}}' web)
  echo "==> pulling $image (web stays on $PREVIOUS meanwhile)"
  docker image pull "$image" || { echo "!! pull failed: web still on $PREVIOUS" >&2; return 1; }

  echo "==> switching web to $image"
  ROLLBACK_ARMED=1
  docker rm --force web
  docker run --detach --name web --publish 8080:8080 "$image"

  local wait=1 tries=0
  until curl --fail --silent --max-time 2 http://127.0.0.1:8080/healthz >/dev/null; do
    tries=$((tries + 1))
    if ((tries >= 6)); then
      echo "!! $image is unhealthy after $tries checks" >&2
      return 1
    fi
    echo "    waiting ${wait}s for $image"
    sleep "$wait"
    wait=$((wait * 2))
  done
  ROLLBACK_ARMED=0
  echo "==> web is healthy on $image"
}

on_exit() {
  local status=$?
  if ((${ROLLBACK_ARMED:-0})); then
    echo "==> rolling back web to $PREVIOUS" >&2
    docker rm --force web >/dev/null 2>&1 || true
    docker run --detach --name web --publish 8080:8080 "$PREVIOUS" >/dev/null
    ((status != 0)) || status=1
  fi
  exit "$status"
}
trap on_exit EXIT

if [[ $# -lt 1 ]]; then
  echo "usage: deploy.sh IMAGE:TAG" >&2
  exit 2
fi
main "$@"
