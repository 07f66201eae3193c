// Fake tools without a process per call. On the 2-core grading hosts a fork costs 6-8 ms and a
// Perl relay (bash-deploy/fake-tool-sources.ts) about 14 ms a call, which made a deploy script's
// 26 calls most of a Bash grading. So every bash in a scenario jail also loads (BASH_ENV) a shell
// function per relayed tool that sends the call from bash itself, over /dev/tcp to a relay on
// 127.0.0.1 in the jail's own network namespace, started by the jail's pid 1 before the script
// (FAST_RELAY_PERL). The relay passes each connection, one at a time, to a new connection on the
// channel: the grader sees the same request as from the Perl fake, and the same rules (bounds,
// flood, hostile bytes) apply. The Perl fakes stay first on PATH for everything that does not
// call a function (exec, sudo, timeout, xargs, command, sh -c), and a function whose relay cannot
// be reached (the script killed it) falls back to them.
//
// What a script can tell: `type docker` says function, `command -v docker` prints the name, and
// BASH_ENV and the relay's process are there; all of it the same in every scenario. With set -x,
// the call is traced as with a program and nothing of the function's own body.
// REHEARSE_RELAY_PORT is set only by the benchmark's unjailed runs (the host's loopback is shared).
export const FAST_RELAY_PORT = 7301;
export const FAST_FAKES_FILE = 'fakes.bash';

const TOOL_NAME = /^[a-z][a-z0-9_-]*$/;

// The file BASH_ENV names. `local -` restores the caller's options when the function returns. The
// call's status is returned, not left as a failing command's: with set -E a failing command in the
// function would fire the script's ERR trap once more than a program does.
export function fastFakesSource(tools: readonly string[]) {
  const functions = tools.map((tool) => {
    if (!TOOL_NAME.test(tool)) throw new Error(`not a tool name for a shell function: ${tool}`);
    return `${tool}() { { local -; set +xeuET +o pipefail; } 2>/dev/null; local __status=0; __rehearse_call ${tool} "$@" || __status=$?; return "$__status"; }`;
  });
  return String.raw`# Rehearse's fake tools as shell functions: each call goes to the grader through the jail's relay.
__rehearse_call() {
  local __fd __code __out_n __err_n __out= __err= LC_ALL=C
  { exec {__fd}<>"/dev/tcp/127.0.0.1/${'$'}{REHEARSE_RELAY_PORT:-${FAST_RELAY_PORT}}"; } 2>/dev/null || { command "$@"; return; }
  builtin printf '%s\0' "$#" "$@" >&"$__fd"
  IFS=' ' builtin read -r -u "$__fd" __code __out_n __err_n
  if [[ $__code =~ ^[0-9]+$ && $__out_n =~ ^[0-9]+$ && $__err_n =~ ^[0-9]+$ ]]; then
    (( __out_n == 0 )) || IFS= builtin read -r -N "$__out_n" -u "$__fd" __out
    (( __err_n == 0 )) || IFS= builtin read -r -N "$__err_n" -u "$__fd" __err
  else
    __code=125 __err="$1: no answer from the daemon"$'\n'
  fi
  exec {__fd}>&-
  builtin printf '%s' "$__out"
  builtin printf '%s' "$__err" >&2
  return "$__code"
}
${functions.join('\n')}
`;
}

// Perl, for the jail's pid 1 (scenario-start-source.ts, tree-supervisor-source.ts): start_fast_relay()
// listens before the script exists (so its first call finds the relay), forks the relay and
// returns in the parent; the handles given after the path (pid 1's own connection) are closed in
// the relay. The relay holds no secret and reads nothing but its connections; a script
// that kills it only sends its own calls the slow way. It serves one connection at a time, so a
// caller that sends half a request and waits is given up on after 3 s of silence.
export const FAST_RELAY_PERL = String.raw`
sub write_all {
  my ($fh, $data) = @_;
  while (length $data) {
    my $sent = syswrite($fh, $data);
    return 0 unless $sent;
    substr($data, 0, $sent) = '';
  }
  return 1;
}

sub relay_one {
  my ($client, $channel_path) = @_;
  socket(my $up, 1, 1, 0) or return;
  connect($up, pack('S Z108', 1, $channel_path)) or return;
  my ($c, $u, $client_open) = (fileno($client), fileno($up), 1);
  while (1) {
    my $rin = '';
    vec($rin, $u, 1) = 1;
    vec($rin, $c, 1) = 1 if $client_open;
    my $ready = select(my $rout = $rin, undef, undef, 3);
    return unless $ready && $ready > 0;
    if (vec($rout, $u, 1)) {
      my $read = sysread($up, my $chunk, 65536);
      return unless $read;
      write_all($client, $chunk) or return;
    }
    if ($client_open && vec($rout, $c, 1)) {
      my $read = sysread($client, my $chunk, 65536);
      if ($read) { write_all($up, $chunk) or return; }
      else { $client_open = 0; shutdown($up, 1); }
    }
  }
}

sub start_fast_relay {
  my ($channel_path, @close) = @_;
  my $port = $ENV{REHEARSE_CHANNEL} ? 0 : ${FAST_RELAY_PORT};
  socket(my $listen, 2, 1, 6) or return;
  setsockopt($listen, 1, 2, pack('i', 1));
  bind($listen, pack('S n C4 x8', 2, $port, 127, 0, 0, 1)) or return;
  listen($listen, 128) or return;
  $ENV{REHEARSE_RELAY_PORT} = (unpack('S n', getsockname($listen)))[1] unless $port;
  my $pid = fork();
  return unless defined $pid;
  if ($pid) { close $listen; return; }
  close $_ for @close;
  $SIG{PIPE} = 'IGNORE';
  open(STDIN, '<', '/dev/null');
  open(STDOUT, '>', '/dev/null');
  open(STDERR, '>', '/dev/null');
  while (1) {
    if (accept(my $client, $listen)) { relay_one($client, $channel_path); close $client; }
    else { select(undef, undef, undef, 0.01); }
  }
}
`;
