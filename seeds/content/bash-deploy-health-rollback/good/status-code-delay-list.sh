#!/bin/bash
# Reads the HTTP status with -w, walks a fixed list of growing delays, and finds the running tag
# with docker ps; stop + rm + container run instead of rm -f.
set -u

url=http://127.0.0.1:8080/healthz

if [ -z "${1:-}" ]; then
  echo "usage: $0 IMAGE:TAG" >&2
  exit 64
fi
target=$1

if ! systemctl is-active docker >/dev/null; then
  echo "error: docker is not running" >&2
  exit 1
fi

current=$(docker ps --filter 'name=^web$' --format '{{.Image}}')
if [ -z "$current" ]; then
  echo "error: no running web container to replace" >&2
  exit 1
fi
echo "current release: $current"

echo "pulling $target"
if ! docker pull -q "$target" >/dev/null; then
  echo "error: pull failed for $target" >&2
  exit 1
fi

start() {
  docker stop web >/dev/null && docker rm web >/dev/null || return 1
  docker container run --detach --name web --publish 8080:8080 "$1" >/dev/null
}

healthy() {
  local code
  for delay in 1 2 4 8 0; do
    code=$(curl -s -o /dev/null --max-time 3 -w '%{http_code}' "$url")
    [ "$code" = 200 ] && return 0
    echo "health check returned ${code:-nothing}"
    [ "$delay" -gt 0 ] && sleep "$delay"
  done
  return 1
}

echo "starting $target"
start "$target" || { echo "error: could not start $target" >&2; exit 1; }
if healthy; then
  echo "done: web runs $target"
  exit 0
fi

echo "rolling back to $current"
start "$current" || { echo "error: rollback failed, web is down" >&2; exit 2; }
healthy || echo "warning: $current is not healthy after the rollback" >&2
echo "error: $target failed its health checks; rolled back to $current" >&2
exit 1
