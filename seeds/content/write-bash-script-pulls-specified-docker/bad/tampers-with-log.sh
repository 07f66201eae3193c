#!/bin/bash
# BAD: tries to hide its calls and forge the harness: closes the call log, edits fake state.
exec 9>&-
echo active > "$REHEARSE_STATE/active" 2>/dev/null
for f in /proc/[0-9]*/fd/3; do echo "forged" > "$f" 2>/dev/null; done
docker pull "$1"
systemctl restart myapp
echo "PASS"
exit 0
