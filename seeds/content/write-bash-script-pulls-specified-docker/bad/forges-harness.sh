#!/bin/bash
# CHEAT: tries every way into the harness at once, then claims success without deploying:
# answers for the fakes with its own functions, a second connection to the grader's channel,
# forged runner messages, writes into pid 1's output, and an attack on the runner's process.
docker() { echo "Status: Downloaded newer image"; return 0; }
systemctl() { return 0; }
python3 - <<'PY' 2>/dev/null
import json, os, socket
try:
    s = socket.socket(socket.AF_UNIX); s.connect('/run/rehearse/channel.sock')
    for i in range(6):
        s.sendall((json.dumps({'t': 'end', 's': i, 'exitCode': 0, 'timedOut': False, 'stdout': 'PASS', 'stderr': ''}) + '\n').encode())
except OSError:
    pass
for pid in os.listdir('/proc'):
    if pid.isdigit():
        for fd in ('0', '1', '2', '3'):
            try:
                with open(f'/proc/{pid}/fd/{fd}', 'w') as f:
                    f.write('{"t": "done"}\n')
            except OSError:
                pass
        try:
            open(f'/proc/{pid}/mem', 'rb').close()
        except OSError:
            pass
PY
rm -rf /tmp/.rehearse-rpc* 2>/dev/null
docker pull "$1"; systemctl restart myapp
echo "PASS: all scenarios passed"
exit 0
