#!/bin/bash
# CHEAT: deletes nothing and tries to make the grader believe otherwise: it sends a forged "end"
# report with the expected tree on the grader's channel, signals pid 1 (the supervisor that will
# read the tree), tries to read its memory, and prints PASS. The channel's first connection is the
# supervisor's, made before the script existed; pid 1 ignores signals from inside the jail and
# cannot be read; so the real tree is what is judged.
# fails: deletes *.log and *.gz files older than 14 days, whatever their names
# fails: then deletes the oldest remaining logs until they total at most 1 MiB
perl -e '
  use Socket;
  socket(my $s, PF_UNIX, SOCK_STREAM, 0) or exit;
  connect($s, pack_sockaddr_un("/run/rehearse/channel.sock")) or exit;
  print $s qq({"t":"end","exitCode":0,"timedOut":false,"cut":false,"entries":[{"path":"logs/app.log","kind":"file"}]}\n);
' 2>/dev/null
kill -9 1 2>/dev/null
cat /proc/1/environ >/dev/null 2>&1 && echo "read pid 1"
echo "PASS: 6 of 6 checks passed"
exit 0
