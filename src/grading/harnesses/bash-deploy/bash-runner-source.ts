// The in-jail runner of the Bash harness (Python, run read-only from /harness). Kept as a string so
// the grader needs no file lookups at run time, whatever bundles it. Protocol (one JSON object per
// line on the channel socket): runner -> grader hello, syntax, start, call, end, skipped, done;
// grader -> runner {id, code, out, err} answering a call.
export const BASH_RUNNER_PY = String.raw`# Runs every scenario of a Bash harness in one jail. It is a relay, not a judge: fake tools hand
# their calls to it through a FIFO, it forwards them to the grader over the channel socket and
# passes the grader's answer back; per scenario it reports the script's exit status and output.
# It holds the only connection to the grader and makes itself non-dumpable before any candidate
# code starts, so the script (same uid, no capabilities) can neither read its memory nor steal
# its socket (ptrace, /proc/<pid>/mem and pidfd_getfd all need a dumpable target).
import ctypes, json, os, select, signal, socket, stat, subprocess, sys, time

MAX_ARGS_BYTES = 64 * 1024


def make_undumpable():
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(4, 0, 0, 0, 0) != 0:  # PR_SET_DUMPABLE
        raise OSError(ctypes.get_errno(), 'prctl(PR_SET_DUMPABLE)')


class Channel:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.buffer = b''

    def send(self, message):
        self.sock.sendall((json.dumps(message) + '\n').encode())

    def receive(self):
        data = self.sock.recv(1 << 16)
        if not data:
            raise SystemExit(3)  # the grader hung up: nothing left to report to
        self.buffer += data
        *lines, self.buffer = self.buffer.split(b'\n')
        return [json.loads(line) for line in lines if line]


class Capture:
    def __init__(self, cap):
        self.cap, self.data, self.truncated = cap, bytearray(), False

    def add(self, chunk):
        room = self.cap - len(self.data)
        if len(chunk) > room:
            self.truncated = True
        self.data += chunk[:max(room, 0)]

    def text(self):
        return self.data.decode('utf-8', 'replace')


def others():
    me = os.getpid()
    alive = []
    for name in os.listdir('/proc'):
        if not name.isdigit() or int(name) in (1, me):
            continue
        try:
            with open(f'/proc/{name}/stat') as f:
                if f.read().rsplit(')', 1)[1].split()[0] != 'Z':
                    alive.append(int(name))
        except OSError:
            pass
    return alive


def kill_everything_else(config, proc):
    if config['sweep'] != 'namespace':
        # Outside a jail (the benchmark's bare runs of our own reference) only the script's
        # session is ours to kill.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass
        return
    # The script's daemons and double-forked children included: all of them are in this pid
    # namespace, and only pid 1 (bwrap's init) and this runner may survive a scenario.
    for _ in range(200):
        pids = others()
        if not pids:
            return
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        time.sleep(0.002)


def read_args(rpc_fd, token):
    fd = os.open(f'{token}.args', os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=rpc_fd)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = os.read(fd, MAX_ARGS_BYTES)
    finally:
        os.close(fd)
    return [part.decode('utf-8', 'replace') for part in data.split(b'\0')[:-1]]


def write_reply(rpc_fd, token, answer):
    out = answer['out'].split('\n')[:-1] if answer['out'] else []
    err = answer['err'].split('\n')[:-1] if answer['err'] else []
    payload = '\n'.join([f"{answer['code']} {len(out)} {len(err)}", *out, *err]) + '\n'
    try:
        fd = os.open(f'{token}.reply', os.O_WRONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=rpc_fd)
    except OSError:
        return  # the caller is gone
    try:
        if stat.S_ISFIFO(os.fstat(fd).st_mode):
            os.write(fd, payload.encode())
    except OSError:
        pass
    finally:
        os.close(fd)


def fresh_rpc_dir(paths, index):
    # A new directory per scenario: nothing a previous scenario left behind can answer for it.
    # The fakes find it through a fixed symlink.
    rpc, link = f"{paths['tmp']}/.rehearse-rpc-{index}", f"{paths['tmp']}/.rehearse-rpc"
    os.mkdir(rpc, 0o700)
    os.mkfifo(f'{rpc}/calls', 0o600)
    os.symlink(rpc, f'{link}.new')
    os.replace(f'{link}.new', link)
    rpc_fd = os.open(rpc, os.O_RDONLY | os.O_DIRECTORY)
    # Read-write, so the FIFO never reports end-of-file between two callers.
    calls_fd = os.open('calls', os.O_RDWR | os.O_NONBLOCK, dir_fd=rpc_fd)
    return rpc_fd, calls_fd


def run_scenario(chan, index, args, config, next_id):
    paths = config['paths']
    rpc_fd, calls_fd = fresh_rpc_dir(paths, index)
    work = f"{paths['work']}/run-{index}"
    os.mkdir(work)
    chan.send({'t': 'start', 's': index})
    env = {'PATH': f"{paths['harness']}/bin:/usr/bin:/bin", 'HOME': work, 'LANG': 'C.UTF-8', 'TERM': 'dumb',
           'TMPDIR': paths['tmp'], 'USER': 'root', 'LOGNAME': 'root', 'SHELL': '/bin/bash',
           'REHEARSE_RPC': f"{paths['tmp']}/.rehearse-rpc"}
    proc = subprocess.Popen(['/bin/bash', f"{paths['harness']}/deploy.sh", *args], cwd=work, env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, close_fds=True)
    pidfd = os.pidfd_open(proc.pid)
    out, err = Capture(config['outputCapBytes']), Capture(config['outputCapBytes'])
    streams = {proc.stdout.fileno(): out, proc.stderr.fileno(): err}
    poller = select.poll()
    for fd in [*streams, calls_fd, chan.sock.fileno(), pidfd]:
        poller.register(fd, select.POLLIN)
    pending, leftover = {}, b''
    deadline = time.monotonic() + config['timeoutSeconds']
    exited = timed_out = False
    while not exited:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            timed_out = True
            break
        for fd, _ in poller.poll(remaining * 1000):
            if fd in streams:
                chunk = os.read(fd, 1 << 16)
                if chunk:
                    streams[fd].add(chunk)
                else:
                    poller.unregister(fd)
            elif fd == calls_fd:
                try:
                    leftover += os.read(calls_fd, 1 << 16)
                except BlockingIOError:
                    continue
                *tokens, leftover = leftover.split(b'\n')
                for raw in tokens:
                    token = raw.decode('ascii', 'replace')
                    if not token.replace('.', '').isdigit() or len(token) > 40:
                        continue
                    try:
                        argv = read_args(rpc_fd, token)
                    except OSError:
                        continue
                    if not argv:
                        continue
                    pending[next_id] = token
                    chan.send({'t': 'call', 's': index, 'id': next_id, 'argv': argv})
                    next_id += 1
            elif fd == pidfd:
                exited = True
            else:
                for answer in chan.receive():
                    token = pending.pop(answer.get('id'), None)
                    if token is not None:
                        write_reply(rpc_fd, token, answer)
    kill_everything_else(config, proc)
    proc.wait()
    for fd, capture in streams.items():
        os.set_blocking(fd, False)
        try:
            while chunk := os.read(fd, 1 << 16):
                capture.add(chunk)
        except OSError:
            pass
    # Calls still queued came from processes that are dead now: they never got an answer.
    for fd in (calls_fd, rpc_fd, pidfd):
        os.close(fd)
    proc.stdout.close()
    proc.stderr.close()
    code = proc.returncode
    chan.send({'t': 'end', 's': index, 'timedOut': timed_out,
               'exitCode': None if timed_out or code < 0 else code,
               'signal': signal.Signals(-code).name if code < 0 and not timed_out else None,
               'stdout': out.text(), 'stdoutTruncated': out.truncated,
               'stderr': err.text(), 'stderrTruncated': err.truncated})
    return timed_out, next_id


def main():
    make_undumpable()
    with open(sys.argv[1]) as f:
        config = json.load(f)
    chan = Channel(config['paths']['channel'])
    chan.send({'t': 'hello'})
    check = subprocess.run(['/bin/bash', '-n', f"{config['paths']['harness']}/deploy.sh"], stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=5)
    if check.returncode != 0:
        chan.send({'t': 'syntax', 'message': check.stderr.decode('utf-8', 'replace')[:4000]})
        return
    timeouts, next_id = 0, 1
    for index, args in enumerate(config['scenarios']):
        if timeouts >= config['maxTimeouts']:
            chan.send({'t': 'skipped', 's': index})
            continue
        timed_out, next_id = run_scenario(chan, index, args, config, next_id)
        timeouts += timed_out
    chan.send({'t': 'done'})


main()
`;
