#!/bin/bash
# BAD: carries on when myapp cannot be stopped, and reports success.
[ -n "$1" ] || { echo "usage: $0 IMAGE:TAG" >&2; exit 1; }
echo "pulling $1"
docker pull "$1" || { echo "pull failed" >&2; exit 1; }
docker image inspect "$1" >/dev/null || { echo "image missing" >&2; exit 1; }
echo "stopping myapp"
systemctl stop myapp
echo "starting myapp"
systemctl start myapp || { echo "start failed" >&2; exit 1; }
echo "deployed $1"
