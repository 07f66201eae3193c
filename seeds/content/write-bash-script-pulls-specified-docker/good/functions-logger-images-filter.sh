#!/bin/bash
# Functions, syslog-style logging through logger, `docker images --filter reference=` to verify,
# and explicit stop / start with checks on every step.
log()  { echo "[$(date +%T)] $*"; logger -t deploy "$*"; }
fail() { echo "[$(date +%T)] ERROR: $*" >&2; exit 1; }

main() {
  local image=${1:-}
  [ -n "$image" ] || { echo "Usage: $0 IMAGE:TAG" >&2; return 2; }

  log "pulling $image"
  docker pull "$image" > /dev/null || fail "docker pull $image failed"

  local found
  found=$(docker images --filter "reference=$image" --format '{{.Repository}}:{{.Tag}}')
  [ "$found" = "$image" ] || fail "$image missing after pull (got '${found}')"

  log "stopping myapp"
  systemctl stop myapp || fail "systemctl stop myapp failed"
  log "removing old container"
  if docker ps -aq --filter name=myapp | grep -q .; then
    docker rm myapp > /dev/null || fail "could not remove the old container"
  fi
  log "starting myapp on $image"
  systemctl start myapp || fail "systemctl start myapp failed"
  log "done"
}

main "$@"
