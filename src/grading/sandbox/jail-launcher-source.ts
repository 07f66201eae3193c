// The jail launcher: a small Perl process each driver keeps beside it, which forks the launch
// chain of every jail (build-launch-argv.ts) so that the grading process does not. Node's spawn()
// is a synchronous fork() of the whole grading process on its event loop: 7–18 ms each for a
// ~120 MB process on a loaded 2-core host, eight times per Bash grading, during which the grader
// answers no fake docker call. A fork of this process costs a fraction of a millisecond.
// It runs no candidate code and changes nothing in the chain: the same argv, an empty
// environment, cwd /, default signal dispositions, fds 0-3 as stdin, stdout, stderr and bwrap's
// status pipe and nothing else (it closes what it inherited at start, and every other fd before
// exec; the chain's bash closes everything above 3 again). It relays each
// jail's output to the driver, capped per stream as the driver caps it (past the cap it closes the
// pipe, so the writer gets SIGPIPE), and its exit status once reaped.
// Protocol on stdin: "S id outCap errCap statusCap stdinLength argc\n", then per argument
// "length\n" and the bytes, then the stdin bytes; "K id\n" kills that jail's chain (SIGKILL).
// "R" instead of "S": the arguments start with the launch chain's steps, which the child does
// itself before exec'ing the rest (prepare_chain; build-launch-argv.ts, buildNativeLaunch).
// On stdout, frames "type id length\n" and the bytes: P (started, pid), F (could not fork),
// O/E/T (stdout, stderr, status bytes), o/e/t (that stream ended; "1" when cut at its cap),
// X (reaped: "code signal", "-" for the one that does not apply).
// When the driver goes away (EOF on stdin) it kills every chain it started and exits; the jails
// die with it (bwrap --die-with-parent).
export const JAIL_LAUNCHER_PL = String.raw`
use strict;
use warnings;
use POSIX ();
use Fcntl qw(F_GETFL F_SETFL O_NONBLOCK);

sub nonblocking { my ($fh) = @_; fcntl($fh, F_SETFL, fcntl($fh, F_GETFL, 0) | O_NONBLOCK); }

# Fds the driver's process leaked to this one (Node closes only the fds it opened itself): gone
# before anything else is opened. Whatever this process opens later is close-on-exec.
sub close_fds_above {
  my ($keep) = @_;
  opendir(my $dir, '/proc/self/fd') or return;
  my @fds = grep { /^\d+$/ && $_ > $keep } readdir $dir;
  closedir $dir;
  POSIX::close($_) for @fds;
}
close_fds_above(2);

$SIG{PIPE} = 'IGNORE';
# SIGCHLD wakes the select loop through this pipe (a signal between two selects is not lost).
pipe(my $wake_r, my $wake_w) or die "pipe: $!";
nonblocking($wake_w);
$SIG{CHLD} = sub { syswrite($wake_w, 'c') };
binmode STDIN;
binmode STDOUT;

my %runs;     # id => { pid, fh => { O, E, T }, cap => {...}, sent => {...}, stdin => buffer, in => fh }
my %by_fd;    # fileno => [id, type]
my %by_pid;   # pid => id
my $input = '';

sub send_frame {
  my ($type, $id, $data) = @_;
  $data = '' unless defined $data;
  my $frame = "$type $id " . length($data) . "\n" . $data;
  while (length $frame) {
    my $n = syswrite(STDOUT, $frame);
    if (!defined $n) {
      next if $!{EINTR} || $!{EAGAIN};
      stop_all();
    }
    substr($frame, 0, $n) = '';
  }
}

sub stop_all {
  kill 'KILL', keys %by_pid;
  POSIX::_exit(0);
}

sub maybe_forget {
  my ($id) = @_;
  my $run = $runs{$id} or return;
  return if !$run->{reaped} || %{$run->{fh}};
  close $run->{in} if $run->{in};
  delete $runs{$id};
}

sub end_stream {
  my ($id, $type, $cut) = @_;
  my $run = $runs{$id} or return;
  my $fh = delete $run->{fh}{$type} or return;
  delete $by_fd{fileno $fh};
  close $fh;
  send_frame(lc $type, $id, $cut ? '1' : '0');
  maybe_forget($id);
}

sub fail {
  my ($code, $why) = @_;
  syswrite(STDERR, "$why\n");
  POSIX::_exit($code);
}

# The launch chain done here, in the forked child, instead of exec'ing bash, prlimit and setpriv
# (an "R" request; build-launch-argv.ts, buildNativeLaunch, says what each field is). Exit 126 on
# any failure and 125 when a cgroup cannot be joined, as the exec'd chain does; bwrap then never
# reports a start, so the driver calls it our failure.
sub prepare_chain {
  my ($argv) = @_;
  my ($setrlimit, $setgroups, $setresgid, $setresuid, $capset, $seccomp) = splice(@$argv, 0, 6);
  if (length $seccomp) {
    # bwrap reads the filter from fd 4 (--seccomp 4), which must survive the exec: dup clears
    # close-on-exec, whatever open set.
    my $fd = POSIX::open($seccomp, POSIX::O_RDONLY()) // fail(126, "could not open $seccomp: $!");
    my $copy = POSIX::dup($fd) // fail(126, "dup: $!");
    POSIX::dup2($copy, 4) // fail(126, "dup2: $!");
    POSIX::close($_) for grep { $_ != 4 } $fd, $copy;
  }
  # Joined before anything can fork, so nothing escapes the run's cgroups.
  for my $file (splice(@$argv, 0, shift @$argv)) {
    open(my $fh, '>', $file) or fail(125, "$file: $!");
    print $fh "$$\n";
    close($fh) or fail(125, "$file: $!");
  }
  my @rlimits = splice(@$argv, 0, 3 * shift @$argv);
  while (my ($resource, $soft, $hard) = splice(@rlimits, 0, 3)) {
    my $limit = pack('QQ', $soft, $hard);
    syscall($setrlimit + 0, $resource + 0, $limit) == 0 or fail(126, "setrlimit $resource: $!");
  }
  my ($uid, $gid) = splice(@$argv, 0, 2);
  if ($uid ne '-') {
    # No supplementary groups, then gid and uid (real, effective and saved): leaving uid 0 clears
    # the permitted and effective capabilities; the inheritable ones are cleared explicitly.
    syscall($setgroups + 0, 0, 0) == 0 or fail(126, "setgroups: $!");
    syscall($setresgid + 0, $gid + 0, $gid + 0, $gid + 0) == 0 or fail(126, "setresgid: $!");
    syscall($setresuid + 0, $uid + 0, $uid + 0, $uid + 0) == 0 or fail(126, "setresuid: $!");
    # _LINUX_CAPABILITY_VERSION_3, this process; effective, permitted, inheritable all empty.
    my ($header, $data) = (pack('LL', 0x20080522, 0), pack('L6', (0) x 6));
    syscall($capset + 0, $header, $data) == 0 or fail(126, "capset: $!");
    my @groups = split ' ', $);
    fail(126, 'the uid or gid did not change')
      if POSIX::getuid() != $uid || POSIX::geteuid() != $uid || POSIX::getgid() != $gid || POSIX::getegid() != $gid || grep { $_ != $gid } @groups;
  }
}

sub start {
  my ($id, $argv, $stdin, $caps, $native) = @_;
  my (%r, %w);
  for my $type (qw(I O E T)) {
    pipe($r{$type}, $w{$type}) or do { send_frame('F', $id, "pipe: $!"); return };
  }
  my $pid = fork();
  if (!defined $pid) {
    send_frame('F', $id, "fork: $!");
    return;
  }
  if ($pid == 0) {
    POSIX::dup2(fileno $r{I}, 0) or POSIX::_exit(126);
    POSIX::dup2(fileno $w{O}, 1) or POSIX::_exit(126);
    POSIX::dup2(fileno $w{E}, 2) or POSIX::_exit(126);
    POSIX::dup2(fileno $w{T}, 3) or POSIX::_exit(126);
    close_fds_above(3);
    $SIG{$_} = 'DEFAULT' for keys %SIG;
    chdir '/';
    %ENV = ();
    # Never back into the loop above: any error here ends the child.
    eval { prepare_chain($argv); 1 } or fail(126, "could not prepare the jail: $@") if $native;
    { exec { $argv->[0] } @$argv; }
    syswrite(STDERR, "could not start $argv->[0]: $!\n");
    POSIX::_exit(127);
  }
  close $r{I};
  close $w{$_} for qw(O E T);
  my $run = { pid => $pid, fh => {}, cap => $caps, sent => { O => 0, E => 0, T => 0 }, stdin => $stdin, in => $w{I} };
  for my $type (qw(O E T)) {
    $run->{fh}{$type} = $r{$type};
    $by_fd{fileno $r{$type}} = [$id, $type];
  }
  $runs{$id} = $run;
  $by_pid{$pid} = $id;
  send_frame('P', $id, $pid);
  nonblocking($w{I}) if length $stdin;
  write_stdin($id);
}

# Writes what the pipe takes now; the rest when select says it has room.
sub write_stdin {
  my ($id) = @_;
  my $run = $runs{$id} or return;
  return unless $run->{in};
  if (length $run->{stdin}) {
    my $n = syswrite($run->{in}, $run->{stdin}, 65536);
    if (defined $n) {
      substr($run->{stdin}, 0, $n) = '';
    } elsif (!($!{EAGAIN} || $!{EINTR})) {
      $run->{stdin} = '';
    }
  }
  if (!length $run->{stdin}) {
    close $run->{in};
    $run->{in} = undef;
  }
}

sub reap {
  while ((my $pid = waitpid(-1, POSIX::WNOHANG())) > 0) {
    my $status = $?;
    my $id = delete $by_pid{$pid};
    next unless defined $id;
    my $signal = $status & 127;
    send_frame('X', $id, $signal ? "- $signal" : (($status >> 8) . ' -'));
    $runs{$id}{reaped} = 1;
    maybe_forget($id);
  }
}

sub parse {
  while (1) {
    my $end = index($input, "\n");
    return if $end < 0;
    my @head = split / /, substr($input, 0, $end);
    if ($head[0] eq 'K') {
      substr($input, 0, $end + 1) = '';
      my $run = $runs{$head[1]};
      kill 'KILL', $run->{pid} if $run && !$run->{reaped};
      next;
    }
    POSIX::_exit(2) unless ($head[0] eq 'S' || $head[0] eq 'R') && @head == 7;
    my ($id, $out_cap, $err_cap, $status_cap, $stdin_length, $argc) = @head[1 .. 6];
    my $at = $end + 1;
    my @argv;
    for (1 .. $argc) {
      my $line = index($input, "\n", $at);
      return if $line < 0;
      my $length = substr($input, $at, $line - $at);
      $at = $line + 1;
      return if length($input) < $at + $length;
      push @argv, substr($input, $at, $length);
      $at += $length;
    }
    return if length($input) < $at + $stdin_length;
    my $stdin = substr($input, $at, $stdin_length);
    substr($input, 0, $at + $stdin_length) = '';
    start($id, \@argv, $stdin, { O => $out_cap, E => $err_cap, T => $status_cap }, $head[0] eq 'R');
  }
}

while (1) {
  reap();
  my ($rin, $win) = ('', '');
  vec($rin, 0, 1) = 1;
  vec($rin, fileno $wake_r, 1) = 1;
  vec($rin, $_, 1) = 1 for keys %by_fd;
  for my $run (values %runs) {
    vec($win, fileno $run->{in}, 1) = 1 if $run->{in};
  }
  my $ready = select(my $rout = $rin, my $wout = $win, undef, 0.25);
  next if $ready <= 0;
  if (vec($rout, fileno $wake_r, 1)) {
    sysread($wake_r, my $drain, 4096);
  }
  if (vec($rout, 0, 1)) {
    my $got = sysread(STDIN, my $chunk, 1 << 20);
    stop_all() if (defined $got && $got == 0) || (!defined $got && !($!{EINTR} || $!{EAGAIN}));
    if ($got) {
      $input .= $chunk;
      parse();
    }
  }
  for my $fd (keys %by_fd) {
    next unless $by_fd{$fd} && vec($rout, $fd, 1);
    my ($id, $type) = @{$by_fd{$fd}};
    my $run = $runs{$id};
    my $got = sysread($run->{fh}{$type}, my $chunk, 65536);
    next if !defined $got && ($!{EINTR} || $!{EAGAIN});
    if (!$got) {
      end_stream($id, $type, 0);
      next;
    }
    my $room = $run->{cap}{$type} - $run->{sent}{$type};
    if ($got > $room) {
      send_frame($type, $id, substr($chunk, 0, $room)) if $room > 0;
      $run->{sent}{$type} += $room;
      end_stream($id, $type, 1);
    } else {
      send_frame($type, $id, $chunk);
      $run->{sent}{$type} += $got;
    }
  }
  for my $id (keys %runs) {
    my $in = $runs{$id}{in};
    write_stdin($id) if $in && vec($wout, fileno $in, 1);
  }
}
`;
