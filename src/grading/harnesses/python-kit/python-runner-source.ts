// The in-jail runner of the Python harness, kept as a string so the grader needs no file lookups at
// run time. Two processes: this supervisor holds the channel to the grader and never runs
// candidate code; a forked child imports the answer and calls the function. The grader sends a
// batch of inputs ({"t": "batch", "batch", "calls": [{"id", "args"}]}), visible ones first and
// hidden ones only after every visible result is in; the supervisor hands them to the child with a
// fresh nonce per call, enforces a hard deadline per call (killing and re-forking the child) and
// reports what came back (or 'starved': the host kept the child off the CPU, see stretched_deadline): a returned value as JSON text of plain data (dict, list, tuple, str,
// int, float, bool, None; exact types), which the grader compares with the expected one. Protocol to the grader (JSON lines): hello, then ready | syntax |
// import_error | missing | starved, then per call a result (or skipped), and batch_done per batch.
// How far the runner's wall deadlines stretch on a busy host (STRETCH below): at most this many
// times their limit. The jail's own wall limit stretches as far (stretchWallOnBusyHost).
export const RUNNER_BUSY_HOST_STRETCH = 3;

export const PYTHON_RUNNER_PY = String.raw`# Supervisor (parent) and candidate host (child) for one Python grading run. The parent reports
# values, never verdicts: expected answers stay in the grader, test names never enter the jail,
# the order is random and hidden inputs arrive only after the visible results. The child cannot
# reach the channel (closed before the answer is imported; the grader accepts one connection;
# pidfd_getfd and ptrace are refused by seccomp), and a reply counts only with the nonce of a call
# it was given: anything it forges speaks for those inputs alone, as returning a value would.
# The parent is the jail's pid 1 and not dumpable, so the child can neither read nor write its
# memory (/proc/1/mem), environ or fds, nor kill it (pid 1 takes no signal it did not ask for).
# Only C modules (no json, socket or signal packages: they pull in re and enum, which cost more
# than a whole test run).
import _json, _signal as signal, _socket as socket, io, marshal, os, select, sys, time


class JsonContext:
    # What _json's C scanner reads from json.JSONDecoder.
    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = float
    memo = {}


scan_json = _json.make_scanner(JsonContext())
quote = _json.encode_basestring_ascii


def json_line(message):
    # One JSON object of strings, booleans and None per line: all the runner ever sends.
    def encode(value):
        if value is True:
            return 'true'
        if value is False:
            return 'false'
        if value is None:
            return 'null'
        return quote(value if type(value) is str else '')
    return ('{' + ','.join(quote(key) + ':' + encode(value) for key, value in message.items()) + '}\n').encode()

ANSWER = 'answer.py'
SOURCE = ['']
OUTPUT_CAP = 8192
REPLY_CAP = 1 << 20
# The returned value travels as JSON text of at most this many characters.
DATA_CAP = 32768


class TestTimeout(BaseException):
    pass  # a BaseException, so "except Exception" in the answer does not swallow it


def on_cpu_limit(signum, frame):
    raise TestTimeout()


def timed(seconds, action):
    # The child's own CPU time (user + system, every thread), not the wall clock: on a busy host a
    # correct answer kept off the CPU is not cut off here. One that sleeps or blocks uses no CPU
    # and meets the parent's wall deadline instead.
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        return action()
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)


# ---------------------------------------------------------------- child: runs the answer

def answer_traceback(error):
    import linecache, traceback
    # Imported only when needed: the answer's source, for the traceback's lines.
    linecache.cache[ANSWER] = (len(SOURCE[0]), None, SOURCE[0].splitlines(True), ANSWER)
    # Only the candidate's frames: the runner's own are noise to them.
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == ANSWER]
    lines = traceback.format_list(frames)
    return ('Traceback (most recent call last):\n' + ''.join(lines) if lines else '') + ''.join(traceback.format_exception_only(type(error), error))


def exception_line(error):
    import traceback
    return ''.join(traceback.format_exception_only(type(error), error)).strip()


def reply_encoder():
    # Builds a reply line from builtins captured before the answer is imported, not from the json
    # module: an answer that rewrites json, sys.stdout or builtins at import cannot change it.
    from _json import encode_basestring_ascii as quote
    kind_of, as_text, write = type, str, os.write

    def encode(value):
        if value is True:
            return 'true'
        if value is False:
            return 'false'
        if value is None:
            return 'null'
        return quote(value if kind_of(value) is as_text else '')

    def send(fd, message):
        data = ('{' + ','.join(quote(key) + ':' + encode(value) for key, value in message.items()) + '}\n').encode()
        while data:
            data = data[write(fd, data):]

    return send


class NotPlainData(Exception):
    pass


def data_encoder():
    # The returned value as JSON text, built from builtins captured before the answer is imported
    # (rewriting builtins at import changes nothing here). Only exact dict, list, tuple, str, int,
    # float, bool and None count: a subclass or any other object could rig __eq__, __iter__ or
    # __repr__, and the grader compares plain data. No answer code runs while it walks the value.
    from _json import encode_basestring_ascii as quote
    kind_of, float_repr, int_repr, length, append, join = type, float.__repr__, int.__repr__, len, list.append, ''.join
    DICT, LIST, TUPLE, STR, INT, FLOAT = dict, list, tuple, str, int, float
    INFINITIES = (float('inf'), float('-inf'))
    Problem, TooLong = NotPlainData, ValueError

    def to_data(value):
        parts, size = [], [0]

        def put(text):
            size[0] += length(text)
            if size[0] > DATA_CAP:
                raise Problem('too large to compare')
            append(parts, text)

        def walk(item, depth):
            if depth > 32:
                raise Problem('nested too deeply to compare')
            kind = kind_of(item)
            if item is None:
                put('null')
            elif item is True:
                put('true')
            elif item is False:
                put('false')
            elif kind is STR:
                put(quote(item))
            elif kind is INT:
                put(int_repr(item))
            elif kind is FLOAT:
                if item != item or item in INFINITIES:
                    raise Problem('NaN or infinity is not comparable data')
                put(float_repr(item))
            elif kind is LIST or kind is TUPLE:
                put('[')
                first = True
                for element in item:
                    if not first:
                        put(',')
                    first = False
                    walk(element, depth + 1)
                put(']')
            elif kind is DICT:
                put('{')
                first = True
                for key in item:
                    if kind_of(key) is not STR:
                        raise Problem('dict keys must be str')
                    if not first:
                        put(',')
                    first = False
                    put(quote(key))
                    put(':')
                    walk(item[key], depth + 1)
                put('}')
            else:
                raise Problem('not plain data (dict, list, tuple, str, int, float, bool or None)')

        try:
            walk(value, 0)
        except Problem as problem:
            return None, problem.args[0]
        except TooLong:
            # int() refuses to print integers past 4,300 digits.
            return None, 'too large to compare'
        return join(parts), None

    return to_data


def child_main(config, source, requests, replies):
    SOURCE[0] = source
    send_reply = reply_encoder()
    to_data = data_encoder()
    kind_of, to_repr, length, flush_out, flush_err = type, repr, len, sys.stdout.flush, sys.stderr.flush

    def reply(message):
        # Output written during the call goes down the pipes before the reply does.
        for flush in (flush_out, flush_err):
            try:
                flush()
            except BaseException:
                pass
        send_reply(replies, message)

    try:
        code = compile(source, ANSWER, 'exec')
    except (SyntaxError, ValueError) as error:
        reply({'t': 'syntax', 'message': ''.join(__import__('traceback').format_exception_only(type(error), error))})
        return
    signal.signal(signal.SIGPROF, on_cpu_limit)
    module = type(sys)('answer')
    module.__file__ = ANSWER
    sys.modules['answer'] = module
    try:
        timed(config['importTimeoutSeconds'], lambda: exec(code, module.__dict__))
        error = None
    except TestTimeout:
        error = f"importing the module took longer than {config['importTimeoutSeconds']} s"
    except BaseException as raised:
        error = answer_traceback(raised)
    if error:
        reply({'t': 'import_error', 'message': error})
        return
    function = getattr(module, config['function'], None)
    if not callable(function):
        reply({'t': 'missing', 'message': f"the module defines no function {config['function']}()"})
        return
    reply({'t': 'ready'})
    # Requests are marshal data behind a 4-byte length: read with functions captured above, so an
    # answer that rewrote json or builtins at import still gets its inputs.
    read, load, from_bytes = os.read, marshal.loads, int.from_bytes
    new_buffer, get_text = io.StringIO, io.StringIO.getvalue

    def read_exactly(size):
        data = b''
        while length(data) < size:
            chunk = read(requests, size - length(data))
            if not chunk:
                return None
            data += chunk
        return data

    while True:
        header = read_exactly(4)
        body = header and read_exactly(from_bytes(header, 'big'))
        if body is None:
            return
        for request in load(body):
            args = request['args']
            report = {'nonce': request['nonce']}
            # Output is captured per call in memory (os-level writes go nowhere shown).
            out, err = new_buffer(), new_buffer()
            saved = sys.stdout, sys.stderr
            sys.stdout, sys.stderr = out, err
            try:
                value = timed(config['timeoutSeconds'], lambda: function(*args))
                name = kind_of(value).__name__
                data, issue = to_data(value)
                report.update(ok=True, type=name if kind_of(name) is str else '?', data=data, dataIssue=issue)
                try:
                    shown = timed(config['timeoutSeconds'], lambda: to_repr(value))
                except TestTimeout:
                    raise
                except BaseException:
                    # The value was returned; only printing it failed (an int past 4,300 digits).
                    shown = '<repr raised>'
                report.update(repr=shown[:300] if kind_of(shown) is str else '?')
            except TestTimeout:
                report.update(ok=False, timedOut=True)
            except BaseException as raised:
                report.update(ok=False, error=exception_line(raised)[:300], traceback=answer_traceback(raised)[:OUTPUT_CAP])
            finally:
                sys.stdout, sys.stderr = saved
            report.update(stdout=get_text(out)[:OUTPUT_CAP], stderr=get_text(err)[:OUTPUT_CAP])
            reply(report)


# ---------------------------------------------------------------- parent: the reporter

# A wall deadline that runs out while the answer's processes waited for a CPU this share of the
# time, having used less CPU than this share of the limit, was the host's doing, not the answer's:
# it is extended by their wait, to at most STRETCH times the limit; at that cap it is 'starved'
# (the grader's infra error: graded again), never a timeout. A child that sleeps or blocks is not
# runnable and waits for no CPU, so its deadline stays as it was; one that spins gets its fifth.
STARVED_WAIT_SHARE = 0.25
SELF_BUSY_CPU_SHARE = 0.2
STRETCH = ${RUNNER_BUSY_HOST_STRETCH}
# The pids limit bounds the jail's tasks; this bounds the reads if it is missing.
MAX_TASKS = 256


def answer_schedstat():
    # Per task of every process in the jail but this one (the answer's alone): seconds run and
    # seconds runnable but waiting for a CPU, from /proc/<pid>/task/<tid>/schedstat (the jail's
    # own /proc). Numbers only; a task that exited takes its time with it.
    stats, me = {}, os.getpid()
    for pid in os.listdir('/proc'):
        if not pid.isdigit() or int(pid) == me:
            continue
        try:
            tasks = os.listdir(f'/proc/{pid}/task')
        except OSError:
            continue
        for tid in tasks:
            if len(stats) >= MAX_TASKS:
                return stats
            try:
                with open(f'/proc/{pid}/task/{tid}/schedstat', 'rb') as f:
                    fields = f.read(100).split()
                stats[tid] = (int(fields[0]) / 1e9, int(fields[1]) / 1e9)
            except (OSError, ValueError, IndexError):
                pass
    return stats


def stretched_deadline(started, limit, base):
    # When the wall deadline started + limit (or an extension of it) has passed: a later one,
    # 'starved', or None (the time is up).
    ran = waited = 0.0
    for tid, (run_now, wait_now) in answer_schedstat().items():
        run_then, wait_then = base.get(tid, (0.0, 0.0))
        ran += max(0.0, run_now - run_then)
        waited += max(0.0, wait_now - wait_then)
    elapsed = time.monotonic() - started
    if waited < STARVED_WAIT_SHARE * elapsed or ran >= SELF_BUSY_CPU_SHARE * limit:
        return None
    wanted = limit + waited
    allowed = min(STRETCH * limit, wanted)
    if allowed - elapsed >= 0.005:
        return started + allowed
    # No room left: at the cap with more wait than it allows for, the time says nothing about the
    # answer; below it, the child was runnable for its whole limit and did not reply.
    return 'starved' if wanted - STRETCH * limit >= 0.005 else None


class Child:
    def __init__(self, config, source, channel):
        requests_r, self.requests = os.pipe()
        self.replies, replies_w = os.pipe()
        self.out, out_w = os.pipe()
        self.err, err_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            code = 0
            try:
                # The answer must not hold the channel: close the fd before it is imported.
                os.close(channel.fileno())
                for fd in (self.requests, self.replies, self.out, self.err):
                    os.close(fd)
                null = os.open('/dev/null', os.O_RDONLY)
                os.dup2(null, 0)
                os.dup2(out_w, 1)
                os.dup2(err_w, 2)
                for fd in (null, out_w, err_w):
                    os.close(fd)
                child_main(config, source, requests_r, replies_w)
            except BaseException:
                code = 1
            os._exit(code)
        for fd in (requests_r, replies_w, out_w, err_w):
            os.close(fd)
        for fd in (self.replies, self.out, self.err):
            os.set_blocking(fd, False)
        self.pending = b''
        self.alive = True

    def kill(self):
        if self.alive:
            self.alive = False
            try:
                os.kill(self.pid, signal.SIGKILL)
            except OSError:
                pass
            try:
                os.waitpid(self.pid, 0)
            except OSError:
                pass
            for fd in (self.requests, self.replies, self.out, self.err):
                try:
                    os.close(fd)
                except OSError:
                    pass

    def send(self, message):
        body = marshal.dumps(message)
        data = len(body).to_bytes(4, 'big') + body
        try:
            while data:
                select.select([], [self.requests], [], 1)
                data = data[os.write(self.requests, data):]
            return True
        except OSError:
            return False

    def read_reply(self, seconds, accept):
        # One JSON line from the child that accept() takes, within the deadline (stretched while
        # the host keeps the child off the CPU); the child's stdout and stderr meanwhile, capped.
        # Else 'ended', 'timeout' or 'starved'.
        started = time.monotonic()
        deadline = started + seconds
        base = answer_schedstat()
        out, err = bytearray(), bytearray()
        outcome = None
        while outcome is None:
            # Lines already read (a batch's replies can arrive together) come first.
            while b'\n' in self.pending:
                line, _, self.pending = self.pending.partition(b'\n')
                message = parse(line)
                if message is not None and accept(message):
                    outcome = message
                    break
            if outcome is not None:
                break
            if len(self.pending) > REPLY_CAP:
                self.pending = b''
            left = deadline - time.monotonic()
            if left <= 0:
                later = stretched_deadline(started, seconds, base)
                if later is None or later == 'starved':
                    outcome = later or 'timeout'
                    break
                deadline = later
                continue
            ready, _, _ = select.select([self.replies, self.out, self.err], [], [], left)
            for fd, sink in ((self.out, out), (self.err, err)):
                if fd in ready:
                    drain(fd, sink)
            if self.replies in ready:
                try:
                    chunk = os.read(self.replies, 65536)
                except BlockingIOError:
                    continue
                if not chunk:
                    outcome = 'ended'
                    break
                self.pending += chunk
        # Output written just before the reply is already in the pipes.
        drain(self.out, out)
        drain(self.err, err)
        text = lambda b: bytes(b[:OUTPUT_CAP]).decode('utf-8', 'replace')
        return outcome, text(out), text(err)


def drain(fd, sink):
    # Bounded: a writer that never stops (a thread left printing) cannot hold the supervisor here.
    for _ in range(64):
        try:
            chunk = os.read(fd, 65536)
        except (BlockingIOError, OSError):
            return
        if not chunk:
            return
        if len(sink) < OUTPUT_CAP:
            sink += chunk[:OUTPUT_CAP - len(sink)]


def parse(line):
    try:
        text = line.decode('utf-8').strip()
        message, end = scan_json(text, 0)
        if end != len(text):
            return None
    except (UnicodeDecodeError, StopIteration, ValueError, RecursionError):
        return None
    return message if isinstance(message, dict) else None


def lines(sock):
    # The grader's messages, one per line; a line past 4 MiB ends the conversation.
    pending = b''
    while True:
        while b'\n' in pending:
            line, _, pending = pending.partition(b'\n')
            yield line
        if len(pending) > 4 << 20:
            return
        chunk = sock.recv(65536)
        if not chunk:
            return
        pending += chunk


def text_field(message, key, cap):
    value = message.get(key)
    return value[:cap] if isinstance(value, str) else ''


def make_undumpable():
    # prctl(PR_SET_DUMPABLE, 0) through _ctypes alone (ctypes proper costs more): without
    # CAP_SYS_PTRACE, which nobody in the jail has, no other process may then open this one's
    # /proc/<pid>/mem, environ or fd/, even as the same user. Checked with PR_GET_DUMPABLE.
    import _ctypes

    class Int(_ctypes._SimpleCData):
        _type_ = 'i'

    class Function(_ctypes.CFuncPtr):
        _flags_ = _ctypes.FUNCFLAG_CDECL
        _restype_ = Int

    prctl = Function(_ctypes.dlsym(_ctypes.dlopen(None), 'prctl'))
    PR_GET_DUMPABLE, PR_SET_DUMPABLE = 3, 4
    if prctl(PR_SET_DUMPABLE, 0) != 0 or prctl(PR_GET_DUMPABLE, 0) != 0:
        raise OSError('prctl(PR_SET_DUMPABLE, 0) failed')


def main():
    # Before anything else: no hello (the grader then reports its own failure) unless it worked.
    make_undumpable()
    # "--warm CHANNEL": a pre-started jail (warm-python-jail.ts). It says hello and waits; the
    # grader's first message brings the settings and the answer, which then never touch a file.
    # One answer per jail: after it the supervisor exits, and with it everything in the jail.
    warm = sys.argv[1] == '--warm'
    if not warm:
        with open(sys.argv[1]) as f:
            config = scan_json(f.read(), 0)[0]
    channel = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    channel.connect(sys.argv[2] if warm else config['paths']['channel'])
    send = lambda message: channel.sendall(json_line(message))
    send({'t': 'hello'})
    incoming = lines(channel)
    if warm:
        start = parse(next(incoming, b''))
        if start is None or start.get('t') != 'start' or not isinstance(start.get('config'), dict) or not isinstance(start.get('source'), str):
            return
        config, source = start['config'], start['source']
    else:
        with open(f"{config['paths']['harness']}/{ANSWER}", encoding='utf-8', errors='replace') as f:
            source = f.read()
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    load_seconds = config['importTimeoutSeconds'] + 1

    def start(first):
        child = Child(config, source, channel)
        status, out, err = child.read_reply(load_seconds, lambda m: m.get('t') in ('ready', 'syntax', 'import_error', 'missing'))
        if isinstance(status, dict) and status['t'] == 'ready':
            return child, None
        child.kill()
        if status == 'starved':
            return None, {'t': 'starved'}
        if not first:
            return None, None
        if status == 'timeout':
            return None, {'t': 'import_error', 'message': f"importing the module took longer than {config['importTimeoutSeconds']} s", 'output': out + err}
        if status == 'ended' or status is None:
            return None, {'t': 'import_error', 'message': 'the answer ended the Python process while it was imported', 'output': out + err}
        return None, {'t': status['t'], 'message': text_field(status, 'message', OUTPUT_CAP), 'output': out + err}

    child, fatal = start(True)
    if fatal:
        send(fatal)
        return
    send({'t': 'ready'})
    broken = False
    # Once a call or a restart was starved the grading is graded again: the rest is not run.
    starved = False
    timeouts = 0
    for line in incoming:
        request = parse(line)
        if request is None or request.get('t') != 'batch' or not isinstance(request.get('calls'), list):
            break
        pending = [c for c in request['calls'] if isinstance(c, dict)]
        while pending:
            if starved:
                for call in pending:
                    send({'t': 'result', 'id': call.get('id'), 'ok': False, 'starved': True})
                break
            if timeouts >= config['maxTimeouts']:
                for call in pending:
                    send({'t': 'skipped', 'id': call.get('id')})
                break
            if child is None and not broken:
                child, problem = start(False)
                broken = child is None
                starved = problem is not None
                if starved:
                    continue
            if child is None:
                for call in pending:
                    send({'t': 'result', 'id': call.get('id'), 'ok': False, 'crashed': True})
                break
            # A fresh nonce per call: only the child's answer to that very call is taken.
            nonces = [os.urandom(12).hex() for _ in pending]
            child.send([{'nonce': nonce, 'args': call.get('args')} for nonce, call in zip(nonces, pending)])
            for nonce, call in zip(nonces, list(pending)):
                reply, _, _ = child.read_reply(config['timeoutSeconds'] + 1, lambda m: m.get('nonce') == nonce)
                pending.remove(call)
                report = {'t': 'result', 'id': call.get('id')}
                if reply == 'timeout':
                    report.update(ok=False, timedOut=True)
                elif reply == 'starved':
                    report.update(ok=False, starved=True)
                    starved = True
                elif not isinstance(reply, dict):
                    report.update(ok=False, crashed=True)
                else:
                    report.update(stdout=text_field(reply, 'stdout', OUTPUT_CAP), stderr=text_field(reply, 'stderr', OUTPUT_CAP))
                    if reply.get('ok') is True:
                        data = reply.get('data')
                        report.update(ok=True, type=text_field(reply, 'type', 100), data=data if isinstance(data, str) and len(data) <= DATA_CAP else None, dataIssue=text_field(reply, 'dataIssue', 100) or None, repr=text_field(reply, 'repr', 300))
                    else:
                        report.update(ok=False, timedOut=reply.get('timedOut') is True, error=text_field(reply, 'error', 300), traceback=text_field(reply, 'traceback', OUTPUT_CAP))
                send(report)
                if report.get('timedOut'):
                    timeouts += 1
                if not isinstance(reply, dict):
                    # Stuck or dead: a fresh child takes the calls still pending.
                    child.kill()
                    child = None
                    break
                if timeouts >= config['maxTimeouts']:
                    break
        send({'t': 'batch_done', 'batch': request.get('batch')})
    if child is not None:
        child.kill()

main()
`;
