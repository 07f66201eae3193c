#!/usr/bin/env bash
# Usage: deploy.sh IMAGE:TAG
# Pull IMAGE:TAG, check it is really there, stop myapp, replace its container, start myapp.
# Exit non-zero on any failure and log each step.
set -euo pipefail

image=${1:-}

# TODO
