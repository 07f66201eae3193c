#!/bin/bash
# BAD: keeps a backup of the old link inside conf.d, where nginx includes every *.conf: the
# next reload sees two "upstream app" blocks and fails.
# fails: switches atomically: upstream.conf stays a symlink and conf.d holds nothing else
set -uo pipefail
LIVE=nginx/conf.d/upstream.conf
case ${1:-} in blue) port=8081 ;; green) port=8082 ;; *) echo "Usage: switch.sh blue|green" >&2; exit 2 ;; esac
colour=$1
old=$(readlink "$LIVE")
relink() { ln -s "$1" "$LIVE.tmp" && mv -T "$LIVE.tmp" "$LIVE"; }
curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" || { echo "error: $colour unhealthy" >&2; exit 1; }
cp -P "$LIVE" nginx/conf.d/previous.conf
relink "../upstreams/$colour.conf"
if ! nginx -t; then relink "$old"; echo "error: config test failed; reverted to $old" >&2; exit 1; fi
nginx -s reload
echo "switched to $colour"
