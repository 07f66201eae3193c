// Attack: reach another process of the jail from inside. The seccomp filter answers EPERM to
// ptrace (PTRACE_ATTACH on the jail's pid 1, bwrap), pidfd_getfd (stealing pid 1's fds through the
// pidfd that pidfd_open still gives), process_vm_readv, new namespaces, keyrings, bpf, userfaultfd
// and perf; ordinary work (fork, threads, subprocess) still runs. The probes call the raw
// syscalls through python3's ctypes.
import { describe, expect, it } from 'vitest';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';

const PROBE = String.raw`
import ctypes, json, os, subprocess, threading
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
def call(nr, *args):
    ctypes.set_errno(0)
    result = libc.syscall(ctypes.c_long(nr), *[ctypes.c_long(a) for a in args])
    return [result, ctypes.get_errno()]
PTRACE_ATTACH = 16
iov = (ctypes.c_char * 16)()
out = {
  'ptrace_attach_pid1': call(101, PTRACE_ATTACH, 1, 0, 0),
  'ptrace_traceme': call(101, 0, 0, 0, 0),
  'pidfd_getfd_pid1': call(438, libc.syscall(ctypes.c_long(434), ctypes.c_long(1), ctypes.c_long(0)), 1, 0),
  'process_vm_readv': call(310, 1, 0, 1, 0, 1, 0),
  'unshare_user': call(272, 0x10000000),
  'clone_newpid': call(56, 0x20000000 | 17, 0, 0, 0, 0),
  'keyctl': call(250, 0, 0, 0, 0, 0),
  'bpf': call(321, 0, 0, 0),
  'userfaultfd': call(323, 0),
  'perf_event_open': call(298, 0, 0, -1, -1, 0),
  'seccomp_mode': [l for l in open('/proc/self/status').read().splitlines() if l.startswith('Seccomp:')][0].split()[1],
}
pid = os.fork()
if pid == 0:
    os._exit(7)
out['fork'] = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
box = []
t = threading.Thread(target=lambda: box.append('ran')); t.start(); t.join()
out['thread'] = box
out['subprocess'] = subprocess.run(['/bin/echo', 'ok'], capture_output=True, text=True).stdout.strip()
print(json.dumps(out))
`;

describe('seccomp filter in the jail', () => {
  it('answers EPERM to ptrace, pidfd_getfd and the other denied calls, and still runs ordinary code', async () => {
    const result = await createBwrapDriver().run({ command: ['/usr/bin/python3', '-I', '-c', PROBE] });
    expect(result.infraError).toBeNull();
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout) as Record<string, unknown>;
    const EPERM = [-1, 1];
    for (const probe of ['ptrace_attach_pid1', 'ptrace_traceme', 'pidfd_getfd_pid1', 'process_vm_readv', 'unshare_user', 'clone_newpid', 'keyctl', 'bpf', 'userfaultfd', 'perf_event_open']) {
      expect([probe, out[probe]]).toEqual([probe, EPERM]);
    }
    expect(out).toMatchObject({ seccomp_mode: '2', fork: 7, thread: ['ran'], subprocess: 'ok' });
  });

  it('is in force for the jail\'s pid 1 too, and leaves no filter fd behind', async () => {
    const result = await createBwrapDriver().run({
      command: ['/usr/bin/python3', '-I', '-c', "import os; print(open('/proc/1/status').read().count('Seccomp:\\t2')); print(sorted(os.listdir('/proc/self/fd')))"],
    });
    expect(result.stdout.trim().split('\n')).toEqual(['1', "['0', '1', '2', '3']"]);
  });
});
