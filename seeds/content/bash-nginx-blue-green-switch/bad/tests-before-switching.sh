#!/bin/bash
# CHEAT: runs nginx -t before switching, while blue is still live, and "reverts" without having
# switched if it fails, hoping to learn the broken scenario early. The test reads where the live
# link points at the time, so it passes here; the script then switches to the broken green and
# reloads it without testing again.
# fails: reverts to blue when nginx -t fails, without reloading
set -uo pipefail
LIVE=nginx/conf.d/upstream.conf
case ${1:-} in blue) port=8081 ;; green) port=8082 ;; *) echo "Usage: switch.sh blue|green" >&2; exit 2 ;; esac
colour=$1
if ! nginx -t 2>/dev/null; then
  echo "error: nginx -t failed; reverted to blue" >&2
  exit 1
fi
curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" || { echo "error: $colour unhealthy" >&2; exit 1; }
ln -s "../upstreams/$colour.conf" "$LIVE.tmp" && mv -T "$LIVE.tmp" "$LIVE"
nginx -s reload || { echo "error: reload failed" >&2; exit 1; }
echo "switched to $colour"
