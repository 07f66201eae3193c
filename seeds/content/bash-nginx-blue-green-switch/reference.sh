#!/usr/bin/env bash
# Usage: switch.sh blue|green
# Points nginx's live upstream at the given colour: health-check it, swap the symlink
# atomically (a new link renamed over the old one), test the configuration, reload; put the old
# link back when the test fails.
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

# Points the live link at $1, atomically: readers see the old target or the new one, never none.
point_live_at() {
  local tmp
  tmp=$(mktemp -u "$CONF_DIR/.upstream.XXXXXX")
  ln -s "$1" "$tmp"
  mv -T "$tmp" "$LIVE"
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
