#!/usr/bin/env bash
# Usage: deploy.sh IMAGE:TAG
# Replace the "web" container with IMAGE:TAG, health-check it with retries and growing waits,
# and roll back to the tag that ran before when it never becomes healthy.
set -euo pipefail

readonly HEALTH_URL=http://127.0.0.1:8080/healthz

image=${1:-}

# TODO
