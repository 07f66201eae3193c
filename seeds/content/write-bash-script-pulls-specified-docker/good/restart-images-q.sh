#!/bin/bash
# Restart style: pull, verify with `docker images -q`, then one systemctl restart.
if [ -z "$1" ]; then
  echo "usage: $0 IMAGE:TAG" >&2
  exit 64
fi
IMAGE="$1"
echo "==> pulling $IMAGE"
if ! docker pull "$IMAGE"; then
  echo "!! pull failed, leaving myapp alone" >&2
  exit 1
fi
if [ -z "$(docker images -q "$IMAGE")" ]; then
  echo "!! $IMAGE not found locally after pull" >&2
  exit 1
fi
echo "==> restarting myapp on $IMAGE"
if ! systemctl restart myapp; then
  echo "!! restart of myapp failed" >&2
  systemctl status myapp --no-pager >&2 || true
  exit 1
fi
echo "==> done"
