#!/bin/bash
# BAD: never checks the target's health: traffic is switched to a colour that answers 503.
# fails: switches nginx to green: checks it, tests the config, then reloads
# fails: stays on blue when green is unhealthy
set -uo pipefail
LIVE=nginx/conf.d/upstream.conf
case ${1:-} in blue) port=8081 ;; green) port=8082 ;; *) echo "Usage: switch.sh blue|green" >&2; exit 2 ;; esac
colour=$1
old=$(readlink "$LIVE")
relink() { ln -s "$1" "$LIVE.tmp" && mv -T "$LIVE.tmp" "$LIVE"; }
relink "../upstreams/$colour.conf"
if ! nginx -t; then relink "$old"; echo "error: config test failed; reverted to $old" >&2; exit 1; fi
nginx -s reload
echo "switched to $colour"
