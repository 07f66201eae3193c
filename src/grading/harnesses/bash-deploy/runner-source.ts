// The in-jail runner for bash-deploy (Python, run from the read-only staging mount). It loops over
// every scenario in one jail: fresh state dir, the candidate's script under bash with the fakes
// first on PATH, a pipe (fd 9) the fakes log calls to, a deadline, then it SIGKILLs every other
// process in the pid namespace before reporting. Reports go to fd 3 (a pipe to Node), prefixed
// with a per-run nonce read from stdin. The runner makes itself non-dumpable first, so nothing
// the candidate starts (same uid, no capabilities) can open /proc/<runner>/fd/3 or read its
// memory; fd 3 is not inherited by children.
export const RUNNER_PY = String.raw`
import ctypes, json, os, selectors, signal, subprocess, sys, time

ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 0
nonce = sys.stdin.readline().strip()
os.set_inheritable(3, False)
events = os.fdopen(3, 'w')
config = json.load(open(sys.argv[1]))
here = os.path.dirname(os.path.abspath(sys.argv[1]))
me, parent = os.getpid(), os.getppid()
work = os.getcwd()
CAP = config['outputCap']

def reap_others():
    # Everything but pid 1 (bwrap's init), the launcher and us: the script, its children, daemons.
    for _ in range(50):
        others = [int(p) for p in os.listdir('/proc') if p.isdigit() and int(p) not in (1, me, parent)]
        if not others:
            return
        for pid in others:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        time.sleep(0.002)

budget = config['timeoutSeconds']
for scenario in config['scenarios']:
    state = os.path.join(work, 's', scenario['id'])
    os.makedirs(state, exist_ok=True)
    with open(os.path.join(state, 'inject'), 'w') as f:
        f.write('\n'.join(scenario['inject']) + '\n')
    with open(os.path.join(state, 'images'), 'w') as f:
        f.write('\n'.join(config['initialImages']) + '\n')
    with open(os.path.join(state, 'containers'), 'w') as f:
        f.write('myapp ' + config['initialImages'][0] + ' running\n')
    open(os.path.join(state, 'active'), 'w').close()
    log_r, log_w = os.pipe()
    os.dup2(log_w, 9)
    os.close(log_w)
    env = {'PATH': here + '/fakes:/usr/bin:/bin', 'HOME': work, 'LANG': 'C.UTF-8', 'REHEARSE_STATE': state}
    started = time.monotonic()
    proc = subprocess.Popen(['/bin/bash', os.path.join(work, 'answer.sh')] + scenario['args'], cwd=state, env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            pass_fds=(9,), start_new_session=True)
    os.close(9)
    out, log, truncated, timed_out = bytearray(), bytearray(), False, False
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ, 'out')
    sel.register(log_r, selectors.EVENT_READ, 'log')
    deadline = started + budget
    while True:
        if proc.poll() is not None:
            break
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            break
        if not sel.get_map():
            # Both pipes hit EOF: only the exit is left to wait for.
            try:
                proc.wait(timeout=left)
            except subprocess.TimeoutExpired:
                pass
            continue
        for key, _ in sel.select(min(left, 0.05)):
            fd = key.fileobj if isinstance(key.fileobj, int) else key.fileobj.fileno()
            chunk = os.read(fd, 65536)
            if not chunk:
                sel.unregister(key.fileobj)
                continue
            if key.data == 'out':
                if len(out) < CAP:
                    out += chunk[:CAP - len(out)]
                if len(out) >= CAP:
                    truncated = True
            elif len(log) < 262144:
                log += chunk
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except OSError:
        pass
    if config['reap']:
        reap_others()
    code = proc.wait()
    # Drain what is left: every writer is dead now, so these reads end.
    for key in list(sel.get_map().values()):
        fd = key.fileobj if isinstance(key.fileobj, int) else key.fileobj.fileno()
        while True:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            if key.data == 'out':
                if len(out) < CAP:
                    out += chunk[:CAP - len(out)]
                else:
                    truncated = True
            elif len(log) < 262144:
                log += chunk
    sel.close()
    os.close(log_r)
    if timed_out:
        budget = config['timeoutAfterTimeoutSeconds']
    report = {'id': scenario['id'], 'exitCode': None if timed_out else code, 'timedOut': timed_out,
              'output': out.decode('utf-8', 'replace'), 'outputTruncated': truncated,
              'log': log.decode('utf-8', 'replace'), 'ms': round((time.monotonic() - started) * 1000)}
    events.write(nonce + ' ' + json.dumps(report) + '\n')
    events.flush()
`;
