#!/usr/bin/env bash
# Usage: cleanup.sh [--dry-run] LOG_DIR
# Delete *.log and *.gz files under LOG_DIR older than 14 days, then the oldest remaining ones
# until they total at most 1 MiB. Safe for any file name; never follow symlinks out of LOG_DIR.
set -euo pipefail

readonly MAX_AGE_DAYS=14
readonly MAX_TOTAL_BYTES=$((1024 * 1024))

# TODO
