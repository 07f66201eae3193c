#!/bin/bash
# BAD: rolls back correctly, then exits 0: the pipeline goes green and nobody learns that the
# release never shipped.
# fails: rolls back to the previous tag when the new release never gets healthy
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
delay=1
for attempt in 1 2 3 4 5; do
  if curl -fsS --max-time 2 -o /dev/null "$url"; then echo "deployed $image"; exit 0; fi
  sleep "$delay"; delay=$((delay * 2))
done
echo "$image is unhealthy; rolled back to $previous"
replace "$previous"
exit 0
