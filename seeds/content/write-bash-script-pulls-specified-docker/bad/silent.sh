#!/bin/bash
# BAD: correct steps, but prints nothing of its own: nobody can tell how far it got.
[ -n "$1" ] || { echo "usage: $0 IMAGE:TAG" >&2; exit 1; }
docker pull "$1" >/dev/null 2>&1 || exit 1
docker image inspect "$1" >/dev/null 2>&1 || exit 1
systemctl stop myapp || exit 1
systemctl start myapp || exit 1
