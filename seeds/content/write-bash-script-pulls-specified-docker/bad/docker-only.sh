#!/bin/bash
# BAD: replaces the container behind systemd's back instead of stopping and starting the service.
[ -n "$1" ] || { echo "usage: $0 IMAGE:TAG" >&2; exit 1; }
echo "pulling $1"
docker pull "$1" || { echo "pull failed" >&2; exit 1; }
docker image inspect "$1" >/dev/null || { echo "image missing" >&2; exit 1; }
echo "replacing container"
docker rm -f myapp || { echo "rm failed" >&2; exit 1; }
docker run -d --name myapp "$1" || { echo "run failed" >&2; exit 1; }
echo "deployed $1"
