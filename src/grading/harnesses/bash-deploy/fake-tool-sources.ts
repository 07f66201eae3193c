// The programs put first on PATH in the jail. docker and systemctl only relay: they hand their
// argv to the runner and print the grader's answer, so editing, bypassing or faking them changes
// what the script itself sees, never what the grader's model of the host records.
import type { SandboxFile } from '../../sandbox/sandbox-driver';
import { FAKE_TOOLS } from './handle-tool-call';

const relay = (tool: string) => String.raw`#!/bin/bash
# Fake ${tool}: relays the call to the harness runner and prints the answer.
rpc=$REHEARSE_RPC
[[ -n $rpc ]] || rpc=/tmp/.rehearse-rpc
token="$$.$RANDOM"
printf '%s\0' ${tool} "$@" > "$rpc/$token.args" || exit 125
/usr/bin/mkfifo -m 600 "$rpc/$token.reply" || exit 125
# Read-write: opening the FIFO does not wait for the runner, and its answer cannot be missed.
exec 3<>"$rpc/$token.reply"
printf '%s\n' "$token" > "$rpc/calls" || exit 125
read -r code nout nerr <&3 || exit 125
for ((i = 0; i < nout; i++)); do IFS= read -r line <&3; printf '%s\n' "$line"; done
for ((i = 0; i < nerr; i++)); do IFS= read -r line <&3; printf '%s\n' "$line" >&2; done
exit "$code"
`;

const SUDO = String.raw`#!/bin/bash
# sudo: the script already runs as root in the jail; skip sudo's options and run the command.
while [[ $# -gt 0 && $1 == -* ]]; do
  case $1 in
    -u|-g|-p|-C|-h|-U|-r|-t|-D) shift 2 ;;
    --) shift; break ;;
    *) shift ;;
  esac
done
exec "$@"
`;

// Waiting proves nothing against fakes and would only slow grading down.
const SLEEP = '#!/bin/bash\nexit 0\n';

const LOGGER = String.raw`#!/bin/bash
# logger: the jail has no syslog; messages go to stderr, as with logger -s.
while [[ $# -gt 0 && $1 == -* ]]; do
  case $1 in -t|-p|-n|-P|-u|--tag|--priority|--server|--port|--socket) shift 2 ;; *) shift ;; esac
done
if [[ $# -gt 0 ]]; then printf '%s\n' "$*" >&2; else while IFS= read -r line; do printf '%s\n' "$line" >&2; done; fi
`;

const JOURNALCTL = '#!/bin/bash\necho "-- No entries --"\n';

export function fakeToolFiles(): SandboxFile[] {
  return [
    ...FAKE_TOOLS.map((tool) => ({ path: `bin/${tool}`, content: relay(tool), executable: true })),
    { path: 'bin/sudo', content: SUDO, executable: true },
    { path: 'bin/sleep', content: SLEEP, executable: true },
    { path: 'bin/logger', content: LOGGER, executable: true },
    { path: 'bin/journalctl', content: JOURNALCTL, executable: true },
  ];
}
