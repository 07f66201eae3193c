#!/usr/bin/env bash
# Usage: promote.sh IMAGE:TAG
# Roll api-canary out to IMAGE and wait; then api and wait. Undo what failed (both, once api
# has changed) and exit non-zero.
set -uo pipefail

readonly NS=shop

image=${1:-}

# TODO
