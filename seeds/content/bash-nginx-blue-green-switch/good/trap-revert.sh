#!/usr/bin/env bash
# Arms an EXIT trap as soon as the link has moved: any failure after that (set -e included)
# restores the previous link before the script exits non-zero.
set -Eeuo pipefail

readonly LIVE=nginx/conf.d/upstream.conf
declare -A PORT=([blue]=8081 [green]=8082)

colour=${1:-}
if [[ -z $colour || -z ${PORT[$colour]:-} ]]; then
  printf 'Usage: %s blue|green\n' "${0##*/}" >&2
  exit 2
fi

relink() {
  ln -s "$1" "$LIVE.$$"
  mv --no-target-directory "$LIVE.$$" "$LIVE"
}

restore_on_failure() {
  local status=$?
  if ((status != 0)) && [[ -n ${OLD:-} ]]; then
    relink "$OLD"
    echo "!! failed; rolled back to $OLD" >&2
  fi
}
trap restore_on_failure EXIT

curl --fail --silent --max-time 2 "http://127.0.0.1:${PORT[$colour]}/healthz" >/dev/null \
  || { echo "!! $colour is unhealthy; not switching" >&2; exit 1; }
echo "-> $colour healthy"

old=$(readlink "$LIVE")
relink "../upstreams/$colour.conf"
OLD=$old
echo "-> link switched, testing configuration"
nginx -t
nginx -s reload
OLD=
echo "-> $colour is serving"
