#!/usr/bin/env bash
# Usage: switch.sh blue|green
# Health-check the colour, point nginx/conf.d/upstream.conf at ../upstreams/<colour>.conf
# atomically, nginx -t, reload; put the old link back if the test fails.
set -euo pipefail

readonly LIVE=nginx/conf.d/upstream.conf

# TODO
