#!/bin/bash
# BAD: copies the upstream file onto upstream.conf. cp writes through the symlink, so blue.conf
# itself is overwritten with green's servers: the link never moves and there is no blue left to
# go back to.
# fails: switches nginx to green: checks it, tests the config, then reloads
set -uo pipefail
LIVE=nginx/conf.d/upstream.conf
case ${1:-} in blue) port=8081 ;; green) port=8082 ;; *) echo "Usage: switch.sh blue|green" >&2; exit 2 ;; esac
colour=$1
old=$(readlink "$LIVE")
relink() { ln -s "$1" "$LIVE.tmp" && mv -T "$LIVE.tmp" "$LIVE"; }
curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" || { echo "error: $colour unhealthy" >&2; exit 1; }
cp "nginx/upstreams/$colour.conf" "$LIVE"
if ! nginx -t; then cp "nginx/upstreams/blue.conf" "$LIVE"; echo "error: config test failed; reverted" >&2; exit 1; fi
nginx -s reload
echo "switched to $colour"
