#!/usr/bin/env bash
# Usage: switch.sh blue|green
# As the reference, but swaps the live link with GNU ln -sfn, which replaces it atomically itself.
set -euo pipefail

readonly CONF_DIR=nginx/conf.d
readonly LIVE=$CONF_DIR/upstream.conf

log() { printf '[switch] %s\n' "$*"; }
die() { printf '[switch] ERROR: %s\n' "$*" >&2; exit 1; }

case ${1:-} in
  blue) port=8081 ;;
  green) port=8082 ;;
  *) echo "Usage: switch.sh blue|green" >&2; exit 2 ;;
esac
colour=$1

# Points the live link at $1, atomically: GNU ln -sfn (coreutils 8.27 and later) makes the new
# link under a temporary name and renames it over the old one, so readers see the old target or
# the new one, never none (from a review that took it for an unlink, then a symlink).
point_live_at() {
  ln -sfn -- "$1" "$LIVE"
}

previous=$(readlink "$LIVE") || die "$LIVE is not a symlink"
target=../upstreams/$colour.conf
if [[ $previous == "$target" ]]; then
  log "$colour is already live"
  exit 0
fi

log "checking $colour on port $port"
curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:$port/healthz" || die "$colour is not healthy; staying on $previous"

log "switching $LIVE to $target"
point_live_at "$target"
if ! nginx -t; then
  log "configuration test failed; reverting to $previous"
  point_live_at "$previous"
  die "nginx -t failed with $colour; reverted to $previous, nginx was not reloaded"
fi
nginx -s reload || die "nginx reload failed"
log "$colour is live"
