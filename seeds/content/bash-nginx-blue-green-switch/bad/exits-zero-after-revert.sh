#!/bin/bash
# BAD: reverts after a failed config test, then exits 0: the pipeline reports a switch that did
# not happen.
# fails: reverts to blue when nginx -t fails, without reloading
set -uo pipefail
LIVE=nginx/conf.d/upstream.conf
case ${1:-} in blue) port=8081 ;; green) port=8082 ;; *) echo "Usage: switch.sh blue|green" >&2; exit 2 ;; esac
colour=$1
old=$(readlink "$LIVE")
relink() { ln -s "$1" "$LIVE.tmp" && mv -T "$LIVE.tmp" "$LIVE"; }
curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" || { echo "error: $colour unhealthy" >&2; exit 1; }
relink "../upstreams/$colour.conf"
if ! nginx -t; then relink "$old"; echo "config test failed; reverted to $old"; exit 0; fi
nginx -s reload
echo "switched to $colour"
