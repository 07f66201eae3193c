// Starts jails in batches from one small bash process instead of one Node fork each. Node's
// spawn() is a synchronous fork of the whole grading process, on the event loop: measured at
// 20 ms for an 84 MB process and 140 ms for a 480 MB one (host at load 11), per jail. A Bash
// grading starts seven jails at once; they now cost one such fork, and bash forks the rest (a
// small process, off Node's thread).
//
// A batch is every run that reached its start while no other run was still being prepared (or
// after BATCH_WAIT_MS). The launcher gets four pipes per jail (stdin, stdout, stderr, bwrap's
// status fd) and forks a watcher per jail, which forks the jail's subshell (it keeps only its own
// four pipes, as 0-3, and execs the chain of build-launch-argv.ts) and reports on the launcher's
// stdout `start <i> <pid>` and, waiting for that very pid, `exit <i> <status>` (not `wait -n`:
// bash forgets a job it has already reported as killed). The launcher exits when every watcher has.
import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough, type Readable, type Writable } from 'node:stream';

export type JailExit = { code: number | null; signal: NodeJS.Signals | null; spawnError?: Error };
export type JailProcess = { stdin: Writable; stdout: Readable; stderr: Readable; status: Readable; exited: Promise<JailExit>; kill(): void };

const BATCH_WAIT_MS = 3;
const FDS_PER_JAIL = 4;
const FIRST_JAIL_FD = 3;

// $1: the number of jails; then per jail the length of its chain and the chain. Per jail: keep
// only its own pipes as 0-3 (closing whatever else was inherited: libuv closes only fds it opened),
// open the seccomp filter as fd 4, join its cgroups with its own pid before anything can fork,
// and exec the rest. bash rather than sh: dash cannot close fds above 9.
const LAUNCHER = String.raw`
closeAbove() { for fd in /proc/$BASHPID/fd/*; do fd=${'$'}{fd##*/}; if [ "$fd" -gt "$1" ]; then eval "exec $fd>&-" 2>/dev/null; fi; done; }
n=$1; shift
for ((i = 0; i < n; i++)); do
  count=$1; shift
  base=$((${FIRST_JAIL_FD} + ${FDS_PER_JAIL} * i))
  # A watcher per jail: starts it, reports its pid, waits for it by pid and reports its status.
  (
    (
      exec 0<&"$base" 1>&"$((base + 1))" 2>&"$((base + 2))" 3>&"$((base + 3))"
      closeAbove 3
      set -- "${'$'}{@:1:count}"
      if [ "$1" = --seccomp ]; then exec 4<"$2" || exit 126; shift 2; fi
      while [ "$1" != -- ]; do echo $BASHPID > "$1" || exit 125; shift; done; shift
      unset PWD OLDPWD SHLVL
      exec "$@"
    ) &
    echo "start $i $!"
    # No copies of any jail's pipes here: a pipe's end of file is the end of that jail's output.
    closeAbove 2
    wait "$!"
    echo "exit $i $?"
  ) &
  for ((fd = base; fd < base + ${FDS_PER_JAIL}; fd++)); do eval "exec $fd>&-"; done
  shift "$count"
done
wait
`;

type Pending = { chain: string[]; resolve: (jail: JailProcess) => void };

export function createJailLauncher(bash: string) {
  let queue: Pending[] = [];
  let preparing = 0;
  let timer: NodeJS.Timeout | null = null;

  function flush() {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = queue;
    queue = [];
    if (batch.length > 0) launch(batch);
  }

  function launch(batch: Pending[]) {
    const stdio = ['ignore', 'pipe', 'pipe', ...batch.flatMap(() => Array<'pipe'>(FDS_PER_JAIL).fill('pipe'))] as const;
    const args = [String(batch.length), ...batch.flatMap(({ chain }) => [String(chain.length), ...chain])];
    // An empty environment: the jail's pid 1 keeps the environment bwrap was started with, and
    // /proc/1/environ is readable inside; --clearenv alone would leave the worker's secrets there.
    let child: ChildProcess;
    let spawnError: Error | null = null;
    try {
      child = spawn(bash, ['--norc', '--noprofile', '-c', LAUNCHER, 'rehearse-launch', ...args], { cwd: '/', env: {} as NodeJS.ProcessEnv, stdio: [...stdio] });
    } catch (error) {
      spawnError = error instanceof Error ? error : new Error(String(error));
      child = null as unknown as ChildProcess;
    }
    const jails = batch.map((_, i) => {
      let pid: number | null = null;
      let killRequested = false;
      let done = false;
      let settle: (exit: JailExit) => void = () => {};
      const exited = new Promise<JailExit>((resolve) => (settle = resolve));
      const kill = () => {
        if (done) return;
        killRequested = true;
        if (pid === null) return;
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Gone already.
        }
      };
      const fd = (k: number) => child?.stdio[FIRST_JAIL_FD + FDS_PER_JAIL * i + k] as (Readable & Writable) | undefined;
      const jail = {
        stdin: fd(0)!,
        stdout: fd(1)!,
        stderr: fd(2)!,
        status: fd(3)!,
        exited,
        kill,
        // Launcher side.
        started(p: number) {
          pid = p;
          if (killRequested) kill();
        },
        ended(exit: JailExit) {
          if (done) return;
          done = true;
          settle(exit);
        },
      };
      return jail;
    });
    if (spawnError || !child.pid) {
      const error = spawnError ?? new Error('the jail launcher did not start');
      for (const jail of jails) jail.ended({ code: null, signal: null, spawnError: error });
      if (!spawnError) child.once('error', () => {});
      batch.forEach((pending, i) => pending.resolve(fakeStreams(jails[i]!)));
      return;
    }
    let stderr = '';
    let control = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      control += chunk;
      let newline: number;
      while ((newline = control.indexOf('\n')) >= 0) {
        const line = control.slice(0, newline);
        control = control.slice(newline + 1);
        const [word, a, b] = line.split(' ');
        if (word === 'start') jails[Number(a)]?.started(Number(b));
        else if (word === 'exit') jails[Number(a)]?.ended({ code: Number(b), signal: null });
      }
    });
    // Only for a launcher that failed itself: bash also reports jobs that died of a signal here
    // ("Killed"), which is what a jail killed at its limit does.
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
    child.once('error', () => {});
    // 'close', not 'exit': only then has everything the launcher wrote been read.
    child.once('close', (code, signal) => {
      // A jail whose end was not reported: the launcher or its watcher failed or died.
      const error = new Error(stderr.trim() || `the jail launcher ended (${signal ?? `exit ${code}`}) before the jail did`);
      for (const jail of jails) jail.ended({ code: null, signal: null, spawnError: error });
    });
    for (const jail of jails) for (const stream of [jail.stdin, jail.stdout, jail.stderr, jail.status]) stream.on('error', () => {});
    batch.forEach((pending, i) => pending.resolve(jails[i]!));
  }

  return {
    // A run is being prepared: the next batch waits for it (at most BATCH_WAIT_MS).
    begin() {
      preparing++;
      let open = true;
      return {
        start(chain: string[]): Promise<JailProcess> {
          if (open) {
            open = false;
            preparing--;
          }
          return new Promise((resolve) => {
            queue.push({ chain, resolve });
            if (preparing === 0) flush();
            else timer ??= setTimeout(flush, BATCH_WAIT_MS);
          });
        },
        // The run ended before starting a jail.
        cancel() {
          if (!open) return;
          open = false;
          preparing--;
          if (preparing === 0 && queue.length > 0) flush();
        },
      };
    },
  };
}

// Streams for a jail that never started: empty, ended.
function fakeStreams(jail: { exited: Promise<JailExit>; kill(): void }): JailProcess {
  const ended = () => {
    const stream = new PassThrough();
    stream.end();
    return stream;
  };
  return { stdin: new PassThrough(), stdout: ended(), stderr: ended(), status: ended(), exited: jail.exited, kill: jail.kill };
}
