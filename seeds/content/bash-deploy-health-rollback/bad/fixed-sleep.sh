#!/bin/bash
# BAD: retries, but always waits the same 2 seconds: no backoff for a service that is struggling
# to start.
# fails: retries a slow start with growing waits and keeps the new release
set -euo pipefail
url=http://127.0.0.1:8080/healthz
[[ $# -eq 1 ]] || { echo "Usage: deploy.sh IMAGE:TAG" >&2; exit 2; }
image=$1
systemctl is-active --quiet docker || { echo "error: docker is not running" >&2; exit 1; }
previous=$(docker inspect --format '{{.Config.Image}}' web)
echo "pulling $image"
docker pull "$image" >/dev/null || { echo "error: pull failed" >&2; exit 1; }
replace() { docker rm -f web >/dev/null; docker run -d --name web -p 8080:8080 "$1" >/dev/null; }
echo "starting $image"
replace "$image"
for attempt in 1 2 3 4 5; do
  if curl -fsS --max-time 2 -o /dev/null "$url"; then echo "deployed $image"; exit 0; fi
  sleep 2
done
echo "error: $image is unhealthy; rolling back to $previous" >&2
replace "$previous"
exit 1
