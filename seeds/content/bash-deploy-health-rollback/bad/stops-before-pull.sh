#!/bin/bash
# BAD: removes the running container first and pulls afterwards: the site is down for the whole
# download, and stays down when the pull fails.
# fails: deploys IMAGE:TAG: pulls it first, replaces web and checks its health
# fails: when the pull fails: exits non-zero and leaves web untouched
set -euo pipefail
url=http://127.0.0.1:8080/healthz
[[ $# -eq 1 ]] || { echo "Usage: deploy.sh IMAGE:TAG" >&2; exit 2; }
image=$1
systemctl is-active --quiet docker || { echo "error: docker is not running" >&2; exit 1; }
previous=$(docker inspect --format '{{.Config.Image}}' web)
echo "removing web"
docker rm -f web >/dev/null
echo "pulling $image"
docker pull "$image" >/dev/null || { echo "error: pull failed" >&2; exit 1; }
docker run -d --name web -p 8080:8080 "$image" >/dev/null
delay=1
for attempt in 1 2 3 4 5; do
  if curl -fsS --max-time 2 -o /dev/null "$url"; then echo "deployed $image"; exit 0; fi
  sleep "$delay"; delay=$((delay * 2))
done
echo "error: unhealthy; rolling back to $previous" >&2
docker rm -f web >/dev/null; docker run -d --name web -p 8080:8080 "$previous" >/dev/null
exit 1
