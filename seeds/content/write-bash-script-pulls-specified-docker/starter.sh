#!/usr/bin/env bash
# Usage: deploy.sh IMAGE:TAG
# Pull the image, verify it, stop myapp, replace its container, start myapp.
set -euo pipefail

image=${1:-}

# TODO
