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
// What a script can tell (all of it the same in every scenario): BASH_ENV and the relay's process
// are there; `declare -F` lists the functions; an ERR trap's $BASH_COMMAND names the function's
// last command, not the call; with set -x the call is traced as a program's is, but with
// BASH_XTRACEFD set the function's first line shows too; with set -T, DEBUG and RETURN traps see
// it; a script that made LC_ALL read-only (and not C) gets non-ASCII replies cut short.
// REHEARSE_RELAY_PORT is set only by the benchmark's unjailed runs (the host's loopback is shared).
import { JAIL_CHANNEL_PATH } from '../../sandbox/sandbox-driver';
import { MAX_REQUEST_BYTES } from '../bash-deploy/read-call-request';

export const FAST_RELAY_PORT = 7301;
export const FAST_FAKES_FILE = 'fakes.bash';

const TOOL_NAME = /^[a-z][a-z0-9_-]*$/;

// The file BASH_ENV names. `local -` restores the caller's options when the function returns. The
// call's status is returned, not left as a failing command's: with set -E a failing command in the
// function would fire the script's ERR trap once more than a program does. `command -v|-V` and
// `type` answer for the fakes (and for themselves) as they would without the functions, in a
// subshell that removes them, so `[ -x "$(command -v docker)" ]` still finds /harness/bin/docker.
// A request longer than the grader reads (MAX_REQUEST_BYTES: it answers early and closes) goes to
// the program on PATH, which ignores the broken pipe; so does printing the reply in a subshell
// (a pipeline, a substitution) whose reader may have stopped: SIGPIPE is ignored around it.
export function fastFakesSource(tools: readonly string[]) {
  for (const tool of tools) if (!TOOL_NAME.test(tool)) throw new Error(`not a tool name for a shell function: ${tool}`);
  const guard = '{ local -; set +xeuET +o pipefail; } 2>/dev/null; local __status=0';
  const functions = tools.map((tool) => `${tool}() { ${guard}; __rehearse_call ${tool} "$@" || __status=$?; return "$__status"; }`);
  const hidden = [...tools, 'command', 'type'].join(' ');
  return String.raw`# Rehearse's fake tools as shell functions: each call goes to the grader through the jail's relay.
__rehearse_hidden=" ${hidden} "
# Tools called from this shell: bash would have hashed their programs, so type says "hashed".
__rehearse_called=" "
__rehearse_names_hidden() {
  local __a
  for __a; do [[ $__a != -* && $__rehearse_hidden == *" $__a "* ]] && return 0; done
  return 1
}
__rehearse_pipe_ignored() {
  local __k __v
  while read -r __k __v; do [[ $__k == SigIgn: ]] && { (( 0x$__v & 0x1000 )); return; }; done < "/proc/$BASHPID/status"
  return 1
}
__rehearse_print() {
  builtin printf '%s' "$__out" 2>/dev/null
  builtin printf '%s' "$__err" >&2
}
__rehearse_call() {
  local __fd __code __out_n __err_n __out= __err= __n=0 __a
  { local LC_ALL=C; } 2>/dev/null
  for __a; do (( (__n += ${'$'}{#__a} + 1) > ${MAX_REQUEST_BYTES - 64} )) && { builtin command "$@"; return; }; done
  { exec {__fd}<>"/dev/tcp/127.0.0.1/${'$'}{REHEARSE_RELAY_PORT:-${FAST_RELAY_PORT}}"; } 2>/dev/null || { builtin command "$@"; return; }
  [[ $__rehearse_called == *" $1 "* ]] || __rehearse_called+="$1 "
  builtin printf '%s\0' "$#" "$@" >&"$__fd"
  IFS=' ' builtin read -r -u "$__fd" __code __out_n __err_n
  if [[ $__code =~ ^[0-9]+$ && $__out_n =~ ^[0-9]+$ && $__err_n =~ ^[0-9]+$ ]]; then
    (( __out_n == 0 )) || IFS= builtin read -r -N "$__out_n" -u "$__fd" __out
    (( __err_n == 0 )) || IFS= builtin read -r -N "$__err_n" -u "$__fd" __err
  else
    __code=125 __err="$1: no answer from the daemon"$'\n'
  fi
  exec {__fd}>&-
  if [[ $BASHPID != "$$" ]] && ! __rehearse_pipe_ignored; then
    trap '' PIPE
    __rehearse_print
    trap - PIPE
  else
    __rehearse_print
  fi
  return "$__code"
}
command() {
  ${guard}
  if [[ $1 == -v || $1 == -V ]] && __rehearse_names_hidden "$@"; then
    ( unset -f ${hidden}; [[ $__rehearse_called == " " ]] || builtin hash $__rehearse_called 2>/dev/null; builtin command "$@" ) || __status=$?
  else
    builtin command "$@" || __status=$?
  fi
  return "$__status"
}
type() {
  ${guard}
  if __rehearse_names_hidden "$@"; then
    ( unset -f ${hidden}; [[ $__rehearse_called == " " ]] || builtin hash $__rehearse_called 2>/dev/null; builtin type "$@" ) || __status=$?
  else
    builtin type "$@" || __status=$?
  fi
  return "$__status"
}
${functions.join('\n')}
`;
}

// Perl: the channel's path, in every Perl program of a scenario jail (the fakes, the starter, the
// tree supervisor). REHEARSE_CHANNEL is set only by the benchmark's unjailed runs of our
// reference; in a jail the socket is always at the same path (a script that points the fakes
// elsewhere only hides its own calls).
export const PERL_CHANNEL_PATH = `$ENV{REHEARSE_CHANNEL} // '${JAIL_CHANNEL_PATH}'`;

// Perl, for the jail's pid 1 (scenario-start-source.ts, tree-supervisor-source.ts): start_fast_relay()
// listens before the script exists (so its first call finds the relay), forks the relay and
// returns in the parent; the handles given after the path (pid 1's own connection) are closed in
// the relay. The relay holds no secret and reads nothing but its connections; a script
// that kills it only sends its own calls the slow way. It serves one connection at a time, so a
// caller that sends half a request and waits is given up on after 3 s of silence (a whole request
// waits for the grader's answer however long a busy host makes it).
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
  # The request is "ARGC\0" and ARGC more fields, each ending in \0: once it is all through, the
  # relay waits for the grader as long as it takes; before, 3 s of silence ends the connection.
  my ($head, $argc, $nuls) = ('', undef, 0);
  while (1) {
    my $rin = '';
    vec($rin, $u, 1) = 1;
    vec($rin, $c, 1) = 1 if $client_open;
    my $complete = defined $argc && $nuls > $argc;
    my $ready = select(my $rout = $rin, undef, undef, $complete ? undef : 3);
    return unless $ready && $ready > 0;
    if (vec($rout, $u, 1)) {
      my $read = sysread($up, my $chunk, 65536);
      return unless $read;
      write_all($client, $chunk) or return;
    }
    if ($client_open && vec($rout, $c, 1)) {
      my $read = sysread($client, my $chunk, 65536);
      if ($read) {
        $nuls += ($chunk =~ tr/\0//);
        if (!defined $argc && length $head < 16) { $head .= $chunk; $argc = $1 if $head =~ /\A(\d{1,9})\0/; }
        write_all($up, $chunk) or return;
      }
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
