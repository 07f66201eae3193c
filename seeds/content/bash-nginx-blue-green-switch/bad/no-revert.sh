#!/bin/bash
# BAD: notices the failed config test and exits 1, but leaves the broken link live: the next
# reload, restart or reboot of nginx fails and takes the site down.
# fails: reverts to blue when nginx -t fails, without reloading
set -uo pipefail
LIVE=nginx/conf.d/upstream.conf
case ${1:-} in blue) port=8081 ;; green) port=8082 ;; *) echo "Usage: switch.sh blue|green" >&2; exit 2 ;; esac
colour=$1
old=$(readlink "$LIVE")
relink() { ln -s "$1" "$LIVE.tmp" && mv -T "$LIVE.tmp" "$LIVE"; }
curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" || { echo "error: $colour unhealthy" >&2; exit 1; }
relink "../upstreams/$colour.conf"
nginx -t || { echo "error: nginx -t failed" >&2; exit 1; }
nginx -s reload
echo "switched to $colour"
