// The programs put first on PATH in each scenario's jail. docker and systemctl only relay: each
// call opens its own connection to the grader, sends its argv and prints the answer, so editing,
// bypassing or faking them changes what the script itself sees, never what the grader's model of
// the host records. They are Perl (always on Debian as perl-base) rather than Bash because only
// Perl of the two can open a Unix socket itself: one process per call, no FIFO, no helper.
import type { SandboxFile } from '../../sandbox/sandbox-driver';
import { FAKE_TOOLS } from './handle-tool-call';
import { FAST_FAKES_FILE, fastFakesSource, PERL_CHANNEL_PATH } from '../bash-kit/fast-fakes-source';

// Request: "ARGC\0TOOL\0ARG1\0…"; answer: "CODE OUTBYTES ERRBYTES\n" then stdout, then stderr.
const relay = (tool: string) => `#!/usr/bin/perl
# Fake ${tool}: relays the call to the grader and prints its answer.
$SIG{PIPE} = 'IGNORE';
socket(my $s, 1, 1, 0) or exit 125;
connect($s, pack('S Z108', 1, ${PERL_CHANNEL_PATH})) or do { print STDERR "${tool}: cannot reach the daemon\\n"; exit 125 };
my $request = join('', map { "$_\\0" } scalar(@ARGV) + 1, '${tool}', @ARGV);
while (length $request) {
  my $sent = syswrite($s, $request);
  last unless defined $sent && $sent > 0;
  substr($request, 0, $sent) = '';
}
my $answer = '';
while (sysread($s, my $chunk, 65536)) { $answer .= $chunk; }
my ($code, $out, $err) = $answer =~ /\\A(\\d+) (\\d+) (\\d+)\\n/ or do { print STDERR "${tool}: no answer from the daemon\\n"; exit 125 };
my $body = substr($answer, $+[0]);
syswrite(STDOUT, substr($body, 0, $out)) if $out;
syswrite(STDERR, substr($body, $out, $err)) if $err;
exit $code;
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
const SLEEP = '#!/bin/sh\nexit 0\n';

const LOGGER = String.raw`#!/bin/bash
# logger: the jail has no syslog; messages go to stderr, as with logger -s.
while [[ $# -gt 0 && $1 == -* ]]; do
  case $1 in -t|-p|-n|-P|-u|--tag|--priority|--server|--port|--socket) shift 2 ;; *) shift ;; esac
done
if [[ $# -gt 0 ]]; then printf '%s\n' "$*" >&2; else while IFS= read -r line; do printf '%s\n' "$line" >&2; done; fi
`;

const JOURNALCTL = '#!/bin/sh\necho "-- No entries --"\n';

// `relayed`: the tools answered by the grader. The Bash world kit relays sleep too (its checks
// read the waits a retry loop asks for); otherwise sleep returns at once.
export function fakeToolFiles(relayed: readonly string[] = FAKE_TOOLS): SandboxFile[] {
  return [
    ...relayed.map((tool) => ({ path: `bin/${tool}`, content: relay(tool), executable: true })),
    // The same tools as shell functions, for calls that need no process (BASH_ENV).
    { path: FAST_FAKES_FILE, content: fastFakesSource(relayed) },
    { path: 'bin/sudo', content: SUDO, executable: true },
    ...(relayed.includes('sleep') ? [] : [{ path: 'bin/sleep', content: SLEEP, executable: true }]),
    { path: 'bin/logger', content: LOGGER, executable: true },
    { path: 'bin/journalctl', content: JOURNALCTL, executable: true },
  ];
}
