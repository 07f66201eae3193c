// Pid 1 of a Bash scenario jail without a scratch tree: it connects to the channel, starts the fast
// fakes' relay (fast-fakes-source.ts), waits for the scenario's arguments, closes the connection
// and becomes the script with exec: the script is pid 1, its exit status reaches the grader from
// the outer bwrap, and when it exits the kernel ends the rest. In a pre-started jail
// (warm-bash-jails.ts) the script does not exist in /harness until the grading has written it.
// It reads nothing but the channel. With `--no-relay` first it starts no relay: the Bash check's
// jail (code/shellcheck-advice.ts, where it runs under bwrap's own init), where nothing calls a
// fake tool. Two builds of one program: C (scenario-start-c-source.ts), compiled on the host when
// it has a C compiler, and this Perl one (perl-base, like the fakes' relays) otherwise; the
// scenarioStarter() below picks one per process.
//
// Wire format, one line from the grader: "G" then " xHEX" per argument ("x" and the argument's
// bytes in hex, as in tree-supervisor-source.ts), then "\n".
import { compileNativeHelper } from '../../sandbox/compile-native-helper';
import { JAIL_FILES_DIR, PERL_PATH, type SandboxFile } from '../../sandbox/sandbox-driver';
import { FAST_RELAY_PERL, PERL_CHANNEL_PATH } from './fast-fakes-source';
import { SCENARIO_START_HELPER } from './scenario-start-c-source';

export const SCENARIO_START_SOURCE = String.raw`#!/usr/bin/perl
use strict;
# No 'use warnings': loading warnings.pm costs every jail's start about 2 ms of CPU (decision
# 004, "Perl starts without warnings.pm"); this code is tested, and a warning here would only
# have reached the candidate's stderr.

${FAST_RELAY_PERL}
my $relay = !(@ARGV && $ARGV[0] eq '--no-relay');
shift @ARGV unless $relay;
my @command = @ARGV or die "no command\n";
my $channel_path = ${PERL_CHANNEL_PATH};
socket(my $channel, 1, 1, 0) or die "socket: $!\n";
connect($channel, pack('S Z108', 1, $channel_path)) or die "connect: $!\n";
# Before the wait, so a pre-started jail has its relay up when the grading comes.
start_fast_relay($channel_path, $channel) if $relay;
my $line = '';
until ($line =~ /\n\z/) {
  my $read = sysread($channel, my $chunk, 65536);
  die "the grader closed the channel\n" unless $read;
  $line .= $chunk;
  die "the start line is too long\n" if length $line > 1 << 20;
}
chomp $line;
my ($tag, @fields) = split / /, $line;
die "not a start line\n" unless defined $tag && $tag eq 'G' && !grep { !/\Ax(?:[0-9a-f]{2})*\z/ } @fields;
my @args = map { pack('H*', substr($_, 1)) } @fields;
close $channel;
exec { $command[0] } @command, @args or exit 127;
`;

// The start line for `args`.
export const encodeScenarioStart = (args: string[]) => `G${args.map((arg) => ` x${Buffer.from(arg, 'utf8').toString('hex')}`).join('')}\n`;

export type ScenarioStarter = {
  kind: 'c' | 'perl';
  // In /harness of every scenario jail (with the fakes), whether or not its pid 1 is the starter.
  file: SandboxFile;
  // The command that runs the starter, then `rest` ("--no-relay" first, or not, then the command it execs).
  command: (...rest: string[]) => string[];
  // Why the C build is not used (no compiler, it failed, or REHEARSE_NATIVE_HELPERS=off).
  fallbackReason?: string;
};

const PERL_STARTER: Omit<ScenarioStarter, 'fallbackReason'> = {
  kind: 'perl',
  file: { path: 'start.pl', content: SCENARIO_START_SOURCE },
  command: (...rest) => [PERL_PATH, `${JAIL_FILES_DIR}/start.pl`, ...rest],
};

let chosen: ScenarioStarter | null = null;

// The C starter when this host can compile it, else the Perl one: decided once per process, at
// the first jail (compiling takes about a tenth of a second, once per host: the binary is cached).
// REHEARSE_NATIVE_HELPERS=off keeps the Perl one (compile-native-helper.ts).
export function scenarioStarter(): ScenarioStarter {
  if (chosen) return chosen;
  const native = compileNativeHelper(SCENARIO_START_HELPER);
  if ('reason' in native) return (chosen = { ...PERL_STARTER, fallbackReason: native.reason });
  return (chosen = {
    kind: 'c',
    file: { path: 'start', content: native.binary, executable: true },
    command: (...rest) => [`${JAIL_FILES_DIR}/start`, ...rest],
  });
}
