// The in-jail runner for python-compare-manifests. The runner (non-dumpable, holds the report
// channel fd 3 and the run nonce) never imports candidate code: it starts a worker process that
// imports the candidate module and answers one call per request over a pipe. A worker that dies
// (os._exit at import, a crash) or hangs is killed and, for the remaining tests, restarted.
// The jail only ever receives inputs; expected values stay in Node.
export const RUNNER_PY = String.raw`
import ctypes, json, os, select, signal, subprocess, sys, time
ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 0
nonce = sys.stdin.readline().strip()
os.set_inheritable(3, False)
events = os.fdopen(3, 'w')
config = json.load(open(sys.argv[1]))
here = os.path.dirname(os.path.abspath(sys.argv[1]))
work = os.getcwd()

def emit(report):
    events.write(nonce + ' ' + json.dumps(report) + '\n')
    events.flush()

class Worker:
    def __init__(self):
        r, w = os.pipe()
        self.proc = subprocess.Popen(['/usr/bin/python3', '-I', '-S', os.path.join(here, 'worker.py'), str(w)],
                                     cwd=work, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, pass_fds=(w,), start_new_session=True)
        os.close(w)
        self.r = r
        self.buf = b''
    def read_line(self, deadline):
        while b'\n' not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                return 'timeout'
            ready, _, _ = select.select([self.r], [], [], left)
            if ready:
                chunk = os.read(self.r, 65536)
                if not chunk:
                    return None
                self.buf += chunk
        line, self.buf = self.buf.split(b'\n', 1)
        try:
            return json.loads(line)
        except ValueError:
            return None
    def kill(self):
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except OSError:
            pass
        self.proc.wait()
        os.close(self.r)

budget = config['timeoutSeconds']
worker = None
import_state = None
for test in config['tests']:
    if import_state is not None:
        # The module cannot be imported (or hangs doing so): the same verdict for every test.
        emit(dict(import_state, id=test['id']))
        continue
    if worker is None:
        worker = Worker()
        hello = worker.read_line(time.monotonic() + budget)
        if hello == 'timeout':
            worker.kill(); worker = None
            import_state = {'outcome': 'timeout', 'seconds': budget, 'phase': 'import'}
            emit(dict(import_state, id=test['id']))
            continue
        if not isinstance(hello, dict) or 'ready' not in hello and 'importError' not in hello:
            worker.kill(); worker = None
            import_state = {'outcome': 'crash', 'phase': 'import', 'exit': 'the module exited or crashed while being imported'}
            emit(dict(import_state, id=test['id']))
            continue
        if 'importError' in hello:
            worker.kill(); worker = None
            import_state = {'outcome': 'import_error', 'error': hello['importError'], 'output': hello.get('output', '')}
            emit(dict(import_state, id=test['id']))
            continue
    try:
        worker.proc.stdin.write((json.dumps({'old': test['old'], 'new': test['new']}) + '\n').encode())
        worker.proc.stdin.flush()
    except OSError:
        pass
    answer = worker.read_line(time.monotonic() + budget)
    if answer == 'timeout':
        worker.kill(); worker = None
        emit({'id': test['id'], 'outcome': 'timeout', 'seconds': budget})
        budget = config['timeoutAfterTimeoutSeconds']
        continue
    if not isinstance(answer, dict):
        worker.kill(); worker = None
        emit({'id': test['id'], 'outcome': 'crash', 'exit': 'the process exited while compare_manifests was running'})
        continue
    answer['id'] = test['id']
    emit(answer)
if worker is not None:
    worker.kill()
`;

// The worker: imports the candidate's solution.py, then answers {"old","new"} lines from stdin
// with {"outcome":"value"|"exception", ...} on the pipe fd it was given. Captures prints.
export const WORKER_PY = String.raw`
import io, json, os, sys, traceback
out = os.fdopen(int(sys.argv[1]), 'w')
sys.path.insert(0, os.getcwd())
CAP = 4000
def send(obj):
    out.write(json.dumps(obj) + '\n'); out.flush()
captured = io.StringIO()
sys.stdout = sys.stderr = captured
try:
    import solution
    fn = getattr(solution, 'compare_manifests')
except BaseException:
    send({'importError': traceback.format_exc(limit=5)[-CAP:], 'output': captured.getvalue()[:CAP]})
    sys.exit(0)
send({'ready': True})
for line in sys.stdin:
    request = json.loads(line)
    captured = io.StringIO()
    sys.stdout = sys.stderr = captured
    try:
        value = fn(request['old'], request['new'])
        try:
            encoded = json.loads(json.dumps(value))
        except (TypeError, ValueError):
            encoded = repr(value)
        send({'outcome': 'value', 'value': encoded, 'type': type(value).__name__, 'output': captured.getvalue()[:CAP]})
    except BaseException:
        send({'outcome': 'exception', 'error': traceback.format_exc(limit=5)[-CAP:], 'output': captured.getvalue()[:CAP]})
`;
