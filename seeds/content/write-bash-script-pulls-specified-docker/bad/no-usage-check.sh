#!/bin/bash
# BAD: no argument check, so it pulls "" and restarts anyway.
echo "deploying $1"
docker pull "$1"
docker image inspect "$1" >/dev/null || exit 1
systemctl restart myapp || exit 1
echo "done"
