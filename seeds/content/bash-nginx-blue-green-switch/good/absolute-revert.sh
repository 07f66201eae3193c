#!/usr/bin/env bash
# Records the previous target with readlink -f (an absolute path to the same blue.conf) and puts
# that back when nginx -t fails: the link resolves to blue.conf, so nginx is as it was (from a
# review, where it was told blue was not put back). Temp link named with a dot, outside *.conf.
set -uo pipefail
die() { echo "switch: $*" >&2; exit 1; }
[[ ${1:-} =~ ^(blue|green)$ ]] || { echo "usage: switch.sh blue|green" >&2; exit 64; }
colour=$1
declare -A port=([blue]=8081 [green]=8082)
live=nginx/conf.d/upstream.conf
tmp="nginx/conf.d/.upstream.conf.$$"
trap 'rm -f -- "$tmp"' EXIT

echo "switch: health-checking $colour"
curl -fsS --max-time 3 -o /dev/null "http://127.0.0.1:${port[$colour]}/healthz" || die "$colour failed its health check; traffic stays where it is"

prev=$(readlink -f -- "$live") || die "cannot resolve $live"
echo "switch: live upstream is $prev"

relink() { ln -s -- "$1" "$tmp" && mv -T -- "$tmp" "$live"; }
relink "../upstreams/$colour.conf" || die "could not relink"

if nginx -t; then
  systemctl reload nginx || die "reload failed"
  echo "switch: traffic now goes to $colour"
else
  relink "$prev" || die "REVERT FAILED: fix $live by hand"
  die "nginx -t rejected the $colour configuration; reverted to $prev, nothing reloaded"
fi
