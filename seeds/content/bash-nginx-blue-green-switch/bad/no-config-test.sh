#!/bin/bash
# BAD: switches and reloads without nginx -t: a broken upstream file is loaded straight into
# production (and the live link is left pointing at it).
# fails: switches nginx to green: checks it, tests the config, then reloads
# fails: reverts to blue when nginx -t fails, without reloading
set -uo pipefail
LIVE=nginx/conf.d/upstream.conf
case ${1:-} in blue) port=8081 ;; green) port=8082 ;; *) echo "Usage: switch.sh blue|green" >&2; exit 2 ;; esac
colour=$1
old=$(readlink "$LIVE")
relink() { ln -s "$1" "$LIVE.tmp" && mv -T "$LIVE.tmp" "$LIVE"; }
curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" || { echo "error: $colour unhealthy" >&2; exit 1; }
relink "../upstreams/$colour.conf"
nginx -s reload
echo "switched to $colour"
