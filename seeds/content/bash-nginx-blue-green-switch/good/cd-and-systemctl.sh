#!/bin/bash
# Works from inside conf.d, reads the status code with -w, swaps with ln -sfn + mv -Tf and
# reloads through systemd.
set -u

usage() { echo "usage: switch.sh blue|green" >&2; exit 64; }
[ $# -eq 1 ] || usage
case $1 in blue|green) ;; *) usage ;; esac
want=$1
if [ "$want" = green ]; then port=8082; else port=8081; fi

cd nginx/conf.d || { echo "no nginx/conf.d here" >&2; exit 1; }
old=$(readlink upstream.conf)

code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$port/healthz")
if [ "$code" != 200 ]; then
  echo "refusing to switch: $want answered $code" >&2
  exit 1
fi
echo "$want is healthy"

swap() {
  ln -sfn "$1" .upstream.next && mv -Tf .upstream.next upstream.conf
}
swap "../upstreams/$want.conf" || { echo "could not swap the link" >&2; exit 1; }
echo "upstream.conf -> ../upstreams/$want.conf"
if nginx -t 2>/dev/null; then
  systemctl reload nginx || { echo "reload failed" >&2; exit 1; }
  echo "switched to $want"
else
  swap "$old"
  echo "config test failed; restored upstream.conf -> $old" >&2
  exit 1
fi
