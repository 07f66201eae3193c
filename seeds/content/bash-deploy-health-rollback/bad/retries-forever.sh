#!/bin/bash
# BAD: retries with backoff but never gives up: a release that cannot start holds the deploy
# (and every deploy queued behind it) forever, and is never rolled back.
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
until curl -fsS --max-time 2 -o /dev/null "$url"; do
  echo "waiting ${delay}s"
  sleep "$delay"; delay=$((delay * 2))
done
echo "deployed $image"
