// The jail's pid 1 for Bash kit questions with a scratch tree (a real directory the script works
// on, such as logs to clean up). Perl from perl-base, like the fake tools' relays: it starts in a
// millisecond where Python took a hundred on a busy host. First it makes itself undumpable
// (prctl(PR_SET_DUMPABLE, 0), checked with PR_GET_DUMPABLE): no other process in the jail may then
// read its memory or open its file descriptors, even as the same user.
//
// It connects to the grader BEFORE the script exists, so the channel's first connection is always
// its own; then it starts the fast fakes' relay (fast-fakes-source.ts); the grader sends the tree to build (paths, sizes, ages, links, texts) and the script's
// arguments on it, never through a file. It builds the tree in the directory it starts in, starts
// the script (its path is argv[0] here) as its child, waits with a deadline, kills every process
// left in the jail (kill(-1) as pid 1; only the script's group anywhere else), walks the tree
// without following links and reports the exit status and what is left on that connection. Perl
// marks its sockets close-on-exec, so the script has no way to write on it.
//
// Wire format, both ways: one record per line, fields separated by spaces, every text field hex
// with an "x" in front (so no byte of a name can break a line), "-" for none, "." alone to end.
//   grader:     S SECONDS MAX_SECONDS xARG…        E KIND BYTES AGE_SECONDS xPATH (xTARGET_OR_TEXT | -)
//   supervisor: R (EXIT | -) TIMED_OUT CUT        F KIND xPATH (xTARGET | -)
//   while the script runs, grader: Q xPATH (xTEXT | -)    supervisor: A (same | different | unreadable)
// TIMED_OUT is 0, or the seconds the script was given when it ran out of them ("3.00", more when
// its timer stretched on a busy host), or "starved" (with EXIT "-") when it ran out at its cap
// while the host kept the script off the CPU (see starved); CUT is 1 when the walk is not whole: it stopped at
// MAX_ENTRIES, or a directory or entry could not be read. Each directory is made readable and
// searchable again before it is read (the script, the same user, may have taken that away to
// hide what it left), so a cut walk means a tree the grader cannot judge, never a cleaned one.
import { FAST_RELAY_PERL, PERL_CHANNEL_PATH } from './fast-fakes-source';

export const TREE_SUPERVISOR_SOURCE = String.raw`#!/usr/bin/perl
use strict;
# No 'use warnings', as in scenario-start-source.ts: about 2 ms of CPU per jail.
use Config;
use POSIX ();

${FAST_RELAY_PERL}
my %PRCTL = (x86_64 => 157, aarch64 => 167);
my ($arch) = split /-/, $Config{archname};
my $prctl = $PRCTL{$arch} // die "no prctl system call number for $arch\n";
syscall($prctl, 4, 0, 0, 0, 0) == 0 or die "prctl(PR_SET_DUMPABLE, 0) failed\n";
syscall($prctl, 3, 0, 0, 0, 0) == 0 or die "still dumpable\n";

my $MAX_ENTRIES = 2000;
my $script = shift @ARGV // die "no script\n";
my $channel_path = ${PERL_CHANNEL_PATH};
socket(my $channel, 1, 1, 0) or die "socket: $!\n";
connect($channel, pack('S Z108', 1, $channel_path)) or die "connect: $!\n";
# Before the wait for the setup, so a pre-started jail has its relay up when the grading comes.
start_fast_relay($channel_path, $channel);

my $setup = '';
until ($setup eq ".\n" || substr($setup, -3) eq "\n.\n") {
  my $read = sysread($channel, my $chunk, 65536);
  die "the grader closed the channel\n" unless $read;
  $setup .= $chunk;
}
my $text_of = sub { my $field = shift; return undef if !defined $field || $field eq '-' || $field !~ /\Ax(?:[0-9a-f]{2})*\z/; return pack('H*', substr($field, 1)); };
my ($seconds, $max_seconds, @args, @entries) = (3, 3);
for my $line (split /\n/, $setup) {
  my @f = split / /, $line;
  next unless @f;
  if ($f[0] eq 'S') { ($seconds, $max_seconds) = @f[1, 2]; @args = map { $text_of->($_) } @f[3 .. $#f]; }
  elsif ($f[0] eq 'E') { push @entries, { kind => $f[1], bytes => $f[2], age => $f[3], path => $text_of->($f[4]), extra => $text_of->($f[5]) }; }
}

sub make_parents {
  my ($path) = @_;
  my @parts = split m{/}, $path;
  pop @parts;
  my $at = '.';
  for my $part (@parts) { $at .= "/$part"; mkdir $at; }
}

my $now = time;
for my $e (@entries) {
  my $path = "./$e->{path}";
  make_parents($e->{path});
  if ($e->{kind} eq 'symlink') { symlink($e->{extra}, $path) or die "symlink $e->{path}: $!\n"; next; }
  if ($e->{kind} eq 'dir') { mkdir $path; }
  else {
    open(my $fh, '>:raw', $path) or die "open $e->{path}: $!\n";
    print $fh (defined $e->{extra} ? $e->{extra} : 'x' x $e->{bytes});
    close $fh;
  }
  my $stamp = $now - $e->{age};
  utime($stamp, $stamp, $path);
}

# The tree's absolute path, for the walk: "." is looked up in the directory itself, so a script
# that takes away its search permission would make "." unreadable, and not fixable by chmod.
my $top = POSIX::getcwd() // die "getcwd: $!\n";
my $pid = fork() // die "fork: $!\n";
if ($pid == 0) {
  POSIX::setpgid(0, 0);
  $SIG{PIPE} = 'DEFAULT';
  close $channel;
  exec('/bin/bash', $script, @args) or POSIX::_exit(127);
}
# The script's time is SECONDS, stretched by the time the host kept tasks waiting for a CPU
# meanwhile, up to MAX_SECONDS: on a busy host a correct script is not a hang (the grader
# stretches the jail's own wall limit the same way, supervise-jail.ts).
sub cpu_stall_seconds {
  open(my $fh, '<', '/proc/pressure/cpu') or return undef;
  my $line = <$fh>;
  close $fh;
  return defined $line && $line =~ /^some\b.*\btotal=(\d+)/ ? $1 / 1e6 : undef;
}
# Seconds to the hundredth, from an arbitrary start (perl-base has no Time::HiRes; times() counts
# clock ticks since one): one system call, so the timer reads it at every poll. On a host that
# keeps this supervisor off the CPU a poll can take far longer than its 2 ms, and a clock read
# only every tenth poll ran a starved script's timer a second or two past its end.
my $TICKS = POSIX::sysconf(POSIX::_SC_CLK_TCK()) || 100;
sub now { return (POSIX::times())[0] / $TICKS; }
# CPU seconds the script and everything it started have used: every process in the jail (this
# supervisor is pid 1, so /proc lists only the jail's), each with the children it reaped
# (/proc/PID/stat fields 14-17, in hundredths), and of this supervisor only the orphans it reaped.
# A script that kept a fifth of a CPU busy was running, not starved: its time does not stretch
# (the grader's rule for the jail's own limit, supervise-jail.ts).
sub cpu_used_seconds {
  my $total = 0;
  # Outside a jail (the benchmark's unjailed runs) /proc is the host's: the script alone then.
  my @pids = ($pid, $$);
  if ($$ == 1 && opendir(my $proc, '/proc')) { @pids = grep { /^\d+$/ } readdir $proc; closedir $proc; }
  for my $entry (@pids) {
    open(my $fh, '<', "/proc/$entry/stat") or next;
    # The whole file: a process's name may hold a newline.
    my $line = do { local $/; <$fh> };
    close $fh;
    next unless defined $line && $line =~ /.*\)\s(.*)/s;
    my @f = split / /, $1;
    $total += $entry == $$ ? $f[13] + $f[14] : $f[11] + $f[12] + $f[13] + $f[14];
  }
  return $total / 100;
}
# Seconds run and seconds runnable but waiting for a CPU of each task of every process in the jail
# but this supervisor (the script's, and the relay serving its calls), by task id, from
# /proc/PID/task/TID/schedstat (the jail's own /proc; numbers only). A task that exited takes its
# times with it. Outside a jail, the script's process alone. The pids limit bounds the tasks; this
# bounds the reads if it is missing.
my $MAX_TASKS = 256;
sub task_schedstat {
  my %stats;
  my @pids = ($pid);
  if ($$ == 1 && opendir(my $proc, '/proc')) { @pids = grep { /^\d+$/ && $_ != $$ } readdir $proc; closedir $proc; }
  for my $entry (@pids) {
    opendir(my $tasks, "/proc/$entry/task") or next;
    my @tids = grep { /^\d+$/ } readdir $tasks;
    closedir $tasks;
    for my $tid (@tids) {
      return \%stats if scalar(keys %stats) >= $MAX_TASKS;
      open(my $fh, '<', "/proc/$entry/task/$tid/schedstat") or next;
      my $line = <$fh>;
      close $fh;
      $stats{$tid} = [$1 / 1e9, $2 / 1e9] if defined $line && $line =~ /^(\d+) (\d+)/;
    }
  }
  return \%stats;
}
# When the timer has run out at its cap while the host's stall asked for more: were the script's
# processes kept off the CPU (the grader's rule for the jail's own limit, supervise-jail.ts)? They
# waited for a CPU a quarter of the time or more since the timer started (each task against its
# own wait then, all of it for one started since) and ran less than a fifth of the plain limit
# (the larger of their schedstat run time and the CPU time counted above, which keeps the time
# of the processes they reaped). A script that sleeps or hangs waits for no CPU; one that spins
# gets its fifth of a CPU: both stay a timeout.
sub starved {
  my ($base, $elapsed, $used) = @_;
  my ($ran, $waited) = (0, 0);
  my $stats = task_schedstat();
  for my $tid (keys %$stats) {
    my ($run_then, $wait_then) = @{ $base->{$tid} // [0, 0] };
    my ($run, $wait) = ($stats->{$tid}[0] - $run_then, $stats->{$tid}[1] - $wait_then);
    $ran += $run if $run > 0;
    $waited += $wait if $wait > 0;
  }
  $ran = $used if $used > $ran;
  return $waited >= 0.25 * $elapsed && $ran < 0.2 * $seconds;
}
# While the script runs the grader may ask whether a file of the tree (symlinks followed) can be
# read and reads the same as a given text (fake-nginx.ts: a configuration test follows where the
# live link points at the time of the call). "Q xPATH (xTEXT | -)" is answered "A same", "A
# different" or "A unreadable" ("-": readable or not). The file is opened without blocking (nor
# as a controlling terminal) and read only if it is a regular file, at most 64 KiB: a FIFO, a
# device or a huge file the script put there is "unreadable", never a stall.
my ($asking, $questions) = (1, '');
sub read_tree_file {
  my ($path) = @_;
  sysopen(my $fh, "$top/$path", POSIX::O_RDONLY() | POSIX::O_NONBLOCK() | POSIX::O_NOCTTY()) or return undef;
  return undef unless -f $fh;
  my $data = '';
  while (length $data <= 65536) {
    my $read = sysread($fh, $data, 65537 - length $data, length $data);
    return undef unless defined $read;
    last unless $read;
  }
  return length $data > 65536 ? undef : $data;
}
sub answer_question {
  my @f = split / /, shift;
  my $path = @f == 3 && $f[0] eq 'Q' ? $text_of->($f[1]) : undef;
  my $answer = 'unreadable';
  if (defined $path) {
    my ($data, $text) = (read_tree_file($path), $text_of->($f[2]));
    $answer = !defined $data ? 'unreadable' : defined $text && $data eq $text ? 'same' : 'different';
  }
  my $line = "A $answer\n";
  while (length $line) {
    my $sent = syswrite($channel, $line);
    last unless $sent;
    substr($line, 0, $sent) = '';
  }
}
my $started = now();
my $stall_at_start = cpu_stall_seconds();
my $used_at_start = cpu_used_seconds();
my $waits_at_start = task_schedstat();
my $deadline = $started + $seconds;
my ($status, $timed_out) = (undef, 0);
while (1) {
  my $done = waitpid(-1, POSIX::WNOHANG());
  if ($done == $pid) { $status = $?; last; }
  last if $done < 0;
  next if $done > 0;
  if (now() > $deadline) {
    my $stall = defined $stall_at_start ? cpu_stall_seconds() : undef;
    my $wanted = $seconds + (defined $stall ? $stall - $stall_at_start : 0);
    my $allowed = $wanted > $max_seconds ? $max_seconds : $wanted;
    my $elapsed = now() - $started;
    my $used = cpu_used_seconds() - $used_at_start;
    my $self_busy = $used >= 0.2 * $elapsed;
    if (!$self_busy && $started + $allowed > $deadline + 0.01) { $deadline = $started + $allowed; next; }
    # At the cap with more stall than it allows for, a script kept off the CPU says nothing about
    # itself: "starved", which the grader makes its own infra error (graded again), never a timeout.
    if (!$self_busy && $wanted - $max_seconds >= 0.01 && starved($waits_at_start, $elapsed, $used)) { $timed_out = 'starved'; last; }
    # The report says how long the script was given (the grader tells the candidate).
    $timed_out = sprintf('%.2f', $deadline - $started);
    last;
  }
  # Waits 2 ms, or less when the grader asks about the tree meanwhile.
  my $rin = '';
  vec($rin, fileno($channel), 1) = 1 if $asking;
  next unless select(my $rout = $rin, undef, undef, 0.002) > 0;
  my $read = sysread($channel, my $chunk, 65536);
  if (!$read) { $asking = 0; next; }
  $questions .= $chunk;
  while ($questions =~ s/\A([^\n]*)\n//) { answer_question($1); }
  # Only the grader writes here, and never this much: stop listening rather than grow.
  if (length $questions > 1 << 20) { $asking = 0; $questions = ''; }
}
# Nothing the script started may change the tree while it is read.
if ($$ == 1) { kill 'KILL', -1; 1 while waitpid(-1, 0) > 0; }
else { kill '-KILL', $pid; waitpid($pid, 0) unless defined $status; }

my @found;
my $cut = 0;
sub walk {
  my ($dir, $rel) = @_;
  chmod 0700, $dir;
  opendir(my $dh, $dir) or do { $cut = 1; return; };
  my @names = sort grep { $_ ne '.' && $_ ne '..' } readdir $dh;
  closedir $dh;
  for my $name (@names) {
    return if $cut;
    my $path = "$dir/$name";
    my $inside = $rel eq '' ? $name : "$rel/$name";
    lstat $path or do { $cut = 1; return; };
    my $kind = -l _ ? 'symlink' : -d _ ? 'dir' : -f _ ? 'file' : 'other';
    push @found, [$kind, $inside, $kind eq 'symlink' ? readlink($path) : undef];
    if (@found >= $MAX_ENTRIES) { $cut = 1; return; }
    walk($path, $inside) if $kind eq 'dir';
  }
}
walk($top, '');

my $hex = sub { my $value = shift; return defined $value ? 'x' . unpack('H*', $value) : '-'; };
my $exit = !defined $status ? '-' : ($status & 127) ? 128 + ($status & 127) : $status >> 8;
my $report = join('', "R $exit $timed_out $cut\n", map({ "F $_->[0] " . $hex->($_->[1]) . ' ' . $hex->($_->[2]) . "\n" } @found), ".\n");
while (length $report) {
  my $sent = syswrite($channel, $report);
  last unless $sent;
  substr($report, 0, $sent) = '';
}
# Half-closed, until the grader has read the report and closes: a question it sent meanwhile (a
# call that came as the script ended) lands here unread, not on a closed socket, whose error
# would cut the report short on its side.
shutdown($channel, 1);
my $rin = '';
vec($rin, fileno($channel), 1) = 1;
while (select(my $rout = $rin, undef, undef, 2) > 0) { last unless sysread($channel, my $ignored, 65536); }
close $channel;
`;
