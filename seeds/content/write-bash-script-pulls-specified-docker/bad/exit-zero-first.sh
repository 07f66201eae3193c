exit 0
#!/bin/bash
docker pull "$1" || exit 1
systemctl restart myapp || exit 1
