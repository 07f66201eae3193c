#!/bin/bash
# BAD: never checks docker.service: with the daemon down it runs docker anyway and reports the
# daemon's error as if the registry or the image were at fault.
# fails: when Docker is down: checks with systemctl first and stops
set -euo pipefail
url=http://127.0.0.1:8080/healthz
[[ $# -eq 1 ]] || { echo "Usage: deploy.sh IMAGE:TAG" >&2; exit 2; }
image=$1
previous=$(docker inspect --format '{{.Config.Image}}' web)
echo "pulling $image"
docker pull "$image" >/dev/null || { echo "error: pull failed" >&2; exit 1; }
docker rm -f web >/dev/null; docker run -d --name web -p 8080:8080 "$image" >/dev/null
echo "started $image"
delay=1
for attempt in 1 2 3 4 5; do
  if curl -fsS --max-time 2 -o /dev/null "$url"; then echo "deployed $image"; exit 0; fi
  sleep "$delay"; delay=$((delay * 2))
done
echo "error: unhealthy; rolling back to $previous" >&2
docker rm -f web >/dev/null; docker run -d --name web -p 8080:8080 "$previous" >/dev/null
exit 1
