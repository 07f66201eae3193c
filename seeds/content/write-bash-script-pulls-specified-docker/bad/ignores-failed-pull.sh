#!/bin/bash
# BAD: carries on after a failed pull (stops myapp for nothing).
[ -n "$1" ] || { echo "usage: $0 IMAGE:TAG" >&2; exit 1; }
echo "pulling $1"
docker pull "$1"
systemctl stop myapp || exit 1
systemctl start myapp || exit 1
echo "done"
