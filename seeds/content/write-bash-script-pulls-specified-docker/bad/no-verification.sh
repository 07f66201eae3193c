#!/bin/bash
# BAD: trusts the pull's exit code; never checks the image is there.
set -e
[ -n "$1" ] || { echo "usage: $0 IMAGE:TAG" >&2; exit 1; }
echo "pulling $1"
docker pull "$1"
systemctl stop myapp
systemctl start myapp
echo "done"
