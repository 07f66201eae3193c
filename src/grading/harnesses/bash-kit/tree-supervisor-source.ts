// The jail's pid 1 for Bash kit questions with a scratch tree (a real directory the script works
// on, such as logs to clean up). Python, because only it of the jail's languages can make itself
// undumpable (prctl) without a compiler: after that no other process in the jail may read its
// memory or open its file descriptors, even as the same user.
//
// It connects to the grader BEFORE the script exists, so the channel's first connection is always
// its own; the grader sends the tree to build (paths, sizes, ages) on it, never through a file.
// It then starts the script as its child in /work, waits (with a deadline), kills every process
// left in the jail (kill(-1) from pid 1), walks /work without following links and reports the
// script's exit status and what is left, on that same connection. Python sockets are not
// inherited, so the script has no way to write on it.
export const TREE_SUPERVISOR_SOURCE = String.raw`
import json, os, signal, socket, sys, time

MAX_ENTRIES = 2000


def make_undumpable():
    import _ctypes

    class Int(_ctypes._SimpleCData):
        _type_ = 'i'

    class Function(_ctypes.CFuncPtr):
        _flags_ = _ctypes.FUNCFLAG_CDECL
        _restype_ = Int

    prctl = Function(_ctypes.dlsym(_ctypes.dlopen(None), 'prctl'))
    if prctl(4, 0) != 0 or prctl(3, 0) != 0:
        raise OSError('prctl(PR_SET_DUMPABLE, 0) failed')


def read_line(channel):
    data = b''
    while not data.endswith(b'\n'):
        chunk = channel.recv(65536)
        if not chunk:
            raise EOFError('the grader closed the channel')
        data += chunk
    return json.loads(data)


def build(root, entries, now):
    for entry in entries:
        path = os.path.join(root, entry['path'])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        kind = entry.get('kind', 'file')
        if kind == 'dir':
            os.makedirs(path, exist_ok=True)
        elif kind == 'symlink':
            os.symlink(entry['target'], path)
            continue
        else:
            with open(path, 'wb') as f:
                f.write(entry['content'].encode() if 'content' in entry else b'x' * entry['bytes'])
        stamp = now - entry['ageDays'] * 86400
        os.utime(path, (stamp, stamp))


def walk(root):
    found = []
    for directory, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(directory, name)
            try:
                st = os.lstat(path)
            except OSError:
                continue
            kind = 'symlink' if os.path.islink(path) else 'dir' if os.path.isdir(path) else 'file' if os.path.isfile(path) else 'other'
            item = {'path': os.path.relpath(path, root), 'kind': kind, 'bytes': st.st_size}
            if kind == 'symlink':
                item['target'] = os.readlink(path)
            found.append(item)
            if len(found) >= MAX_ENTRIES:
                return found, True
    return found, False


def main():
    make_undumpable()
    channel = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    channel.connect(os.environ.get('REHEARSE_CHANNEL', '/run/rehearse/channel.sock'))
    setup = read_line(channel)
    # The directory the command starts in: /work in a jail (the benchmark's unjailed runs of our
    # reference use a temporary one). Never a path from the channel.
    root = os.getcwd()
    build(root, setup['entries'], time.time())
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    pid = os.fork()
    if pid == 0:
        os.setpgid(0, 0)
        os.execv('/bin/bash', ['/bin/bash', sys.argv[1]] + setup['args'])
    deadline = time.monotonic() + setup['seconds']
    status, timed_out = None, False
    while status is None:
        try:
            done, raw = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if done == pid:
            status = os.waitstatus_to_exitcode(raw)
        elif done == 0:
            if time.monotonic() > deadline:
                timed_out = True
                break
            time.sleep(0.002)
    # Nothing the script started may change the tree while it is read. As the jail's pid 1,
    # kill(-1) reaches every other process in the jail; anywhere else only the script's group.
    try:
        if os.getpid() == 1:
            os.kill(-1, signal.SIGKILL)
        else:
            os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    while os.getpid() == 1 or status is None:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            break
    if status is not None and status < 0:
        status = 128 - status
    entries, cut = walk(root)
    channel.sendall((json.dumps({'t': 'end', 'exitCode': status, 'timedOut': timed_out, 'entries': entries, 'cut': cut}) + '\n').encode())
    channel.close()


main()
`;
