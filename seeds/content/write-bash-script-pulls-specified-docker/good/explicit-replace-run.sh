#!/usr/bin/env bash
# Explicit container replacement with docker run, errexit plus a trap for the log.
set -Eeuo pipefail
trap 'echo "deploy failed at line $LINENO" >&2' ERR

usage() { echo "Usage: $(basename "$0") <image:tag>" >&2; exit 1; }
[[ $# -eq 1 ]] || usage
IMAGE=$1

echo "Pulling ${IMAGE}..."
docker pull "${IMAGE}"
echo "Verifying ${IMAGE}..."
docker image inspect "${IMAGE}" > /dev/null
echo "Stopping myapp..."
systemctl stop myapp.service
echo "Replacing container..."
if docker ps -a --format '{{.Names}}' | grep -qx myapp; then
  docker rm -f myapp > /dev/null
fi
docker run -d --name myapp --restart unless-stopped "${IMAGE}" > /dev/null
echo "Starting myapp..."
systemctl start myapp.service
sleep 2
systemctl is-active --quiet myapp.service
echo "myapp is running ${IMAGE}"
