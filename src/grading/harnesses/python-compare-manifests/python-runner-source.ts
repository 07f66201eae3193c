// The in-jail runner of the Python harness, kept as a string so the grader needs no file lookups at
// run time. Protocol (one JSON object per line on the channel socket): hello, then syntax |
// import_error | missing, or one result (or skipped) per input in order, then done.
export const PYTHON_RUNNER_PY = String.raw`# Runs the candidate's Python module in the jail and reports, per test input, what the function
# returned or raised. It reports values, never verdicts: the expected answers stay in the grader,
# and test names never enter the jail. Candidate code runs in this process, so it could write to
# the channel itself; all it can say there is "my function returned X", which is what returning X
# says anyway. Lean on purpose (no unittest): its import alone costs more than a test run.
import io, json, linecache, signal, socket, sys, traceback

ANSWER = 'answer.py'
OUTPUT_CAP = 8192


class TestTimeout(BaseException):
    pass  # a BaseException, so "except Exception" in the answer does not swallow it


def on_alarm(signum, frame):
    raise TestTimeout()


class Channel:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)

    def send(self, message):
        self.sock.sendall((json.dumps(message) + '\n').encode())


class Captured:
    def __enter__(self):
        self.saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
        return self

    def __exit__(self, *exc):
        self.out = sys.stdout.getvalue()[:OUTPUT_CAP] if isinstance(sys.stdout, io.StringIO) else ''
        self.err = sys.stderr.getvalue()[:OUTPUT_CAP] if isinstance(sys.stderr, io.StringIO) else ''
        sys.stdout, sys.stderr = self.saved
        return False


def answer_traceback(error):
    # Only the candidate's frames: the runner's own are noise to them.
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == ANSWER]
    lines = traceback.format_list(frames)
    return ('Traceback (most recent call last):\n' + ''.join(lines) if lines else '') + ''.join(traceback.format_exception_only(type(error), error))


def timed(seconds, action):
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return action()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def main():
    with open(sys.argv[1]) as f:
        config = json.load(f)
    chan = Channel(config['paths']['channel'])
    send = chan.send
    send({'t': 'hello'})
    with open(f"{config['paths']['harness']}/{ANSWER}", encoding='utf-8', errors='replace') as f:
        source = f.read()
    linecache.cache[ANSWER] = (len(source), None, source.splitlines(True), ANSWER)
    try:
        code = compile(source, ANSWER, 'exec')
    except (SyntaxError, ValueError) as error:
        send({'t': 'syntax', 'message': ''.join(traceback.format_exception_only(type(error), error))})
        return
    signal.signal(signal.SIGALRM, on_alarm)
    module = type(sys)('answer')
    module.__file__ = ANSWER
    sys.modules['answer'] = module
    with Captured() as captured:
        try:
            timed(config['importTimeoutSeconds'], lambda: exec(code, module.__dict__))
            error = None
        except TestTimeout:
            error = f"importing the module took longer than {config['importTimeoutSeconds']} s"
        except BaseException as raised:
            error = answer_traceback(raised)
    if error:
        send({'t': 'import_error', 'message': error, 'stdout': captured.out, 'stderr': captured.err})
        return
    function = getattr(module, config['function'], None)
    if not callable(function):
        send({'t': 'missing', 'message': f"the module defines no function {config['function']}()"})
        return
    timeouts = 0
    for index, raw in enumerate(config['inputs']):
        if timeouts >= config['maxTimeouts']:
            send({'t': 'skipped', 'i': index})
            continue
        args = json.loads(raw)  # fresh objects per call: an answer may mutate its inputs
        report = {'t': 'result', 'i': index}
        with Captured() as captured:
            try:
                value = timed(config['timeoutSeconds'], lambda: function(*args))
                report.update(ok=True, type=type(value).__name__, value=value if isinstance(value, bool) else None,
                              repr=timed(config['timeoutSeconds'], lambda: repr(value))[:300])
            except TestTimeout:
                timeouts += 1
                report.update(ok=False, timedOut=True)
            except BaseException as raised:
                report.update(ok=False, error=''.join(traceback.format_exception_only(type(raised), raised)).strip()[:300],
                              traceback=answer_traceback(raised)[:OUTPUT_CAP])
        report.update(stdout=captured.out, stderr=captured.err)
        send(report)
    send({'t': 'done'})


main()
`;
