#!/usr/bin/env bash
# Deploy IMAGE:TAG to the systemd service myapp: pull, verify, stop, replace the container, start.
set -euo pipefail

log() { printf '[deploy] %s\n' "$*"; }
die() { printf '[deploy] ERROR: %s\n' "$*" >&2; exit 1; }

if [[ $# -ne 1 || -z "$1" ]]; then
  echo "Usage: $0 IMAGE:TAG" >&2
  exit 2
fi
image=$1

log "Pulling $image"
docker pull "$image" || die "pull of $image failed; myapp left running"

# A zero exit from the pull is not proof: check the image is really there before any downtime.
log "Verifying $image is present"
docker image inspect "$image" >/dev/null 2>&1 || die "$image is not present after the pull; myapp left running"

log "Stopping myapp"
systemctl stop myapp || die "could not stop myapp"

log "Replacing the myapp container"
docker rm -f myapp >/dev/null 2>&1 || true
docker create --name myapp "$image" >/dev/null || die "could not create the myapp container from $image"

log "Starting myapp"
systemctl start myapp || die "myapp failed to start with $image"
systemctl is-active --quiet myapp || die "myapp is not active after the start"

log "Deployed $image"
