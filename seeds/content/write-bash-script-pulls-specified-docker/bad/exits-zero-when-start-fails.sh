#!/bin/bash
# BAD: ignores a failed start and reports success.
[ -n "$1" ] || { echo "usage: $0 IMAGE:TAG" >&2; exit 1; }
echo "pulling $1"
docker pull "$1" || exit 1
docker image inspect "$1" >/dev/null || exit 1
systemctl stop myapp || exit 1
systemctl start myapp
echo "deployed $1"
exit 0
