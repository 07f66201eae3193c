#!/bin/bash
# BAD: prints what a passing run might print and does nothing.
echo "PASS deploys the image when everything works"
echo "Deployed $1 successfully"
exit 0
