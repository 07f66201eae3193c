#!/bin/bash
# BAD: one health check straight after the start: a release that needs a few seconds to warm up
# is rolled back as if it were broken.
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
if curl -fsS --max-time 2 -o /dev/null "$url"; then echo "deployed $image"; exit 0; fi
echo "error: $image is unhealthy; rolling back to $previous" >&2
replace "$previous"
exit 1
