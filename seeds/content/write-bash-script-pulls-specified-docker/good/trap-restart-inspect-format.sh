#!/bin/bash
# errexit with an ERR trap; verification through `docker inspect --type image --format`;
# a single restart; waits for the unit with a bounded is-active loop.
set -Eeuo pipefail
trap 'echo "deploy: FAILED at line $LINENO: $BASH_COMMAND" >&2' ERR

[[ -n ${1:-} ]] || { echo "usage: deploy.sh <registry/name:tag>" >&2; exit 64; }
readonly IMAGE=$1
ts() { date -u +%FT%TZ; }

echo "$(ts) pull $IMAGE"
docker pull --quiet "$IMAGE" >/dev/null
id=$(docker inspect --type image --format '{{.Id}}' "$IMAGE")
echo "$(ts) pulled $IMAGE ($id)"

echo "$(ts) restarting myapp.service"
sudo systemctl restart myapp.service
for _ in 1 2 3 4 5; do
  if systemctl is-active --quiet myapp.service; then
    echo "$(ts) myapp.service is active on $IMAGE"
    exit 0
  fi
  sleep 1
done
echo "$(ts) myapp.service did not become active" >&2
exit 1
