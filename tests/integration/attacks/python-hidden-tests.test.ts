// Attacks on the Python harness's verdict and on its hidden tests, against the real sandbox:
// a lookup table by call order, a throwaway submission fishing for hidden expectations, an answer
// that rewrites the reporter (json, sys.stdout, print, every fd, the channel) at import, and one
// that searches every file, process and the supervisor's memory for hidden inputs while the
// visible tests run.
import { describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';
import { prestartWarmJail } from '@/grading/harnesses/python-kit/warm-python-jail';
import { MANIFEST_CASES } from '@/grading/harnesses/python-compare-manifests/manifest-cases';
import { HIDDEN_REASONS } from '@/grading/harnesses/python-kit/judge-kit-case';

const grade = (answer: string) => gradeCode({ kind: 'python', answer, harness: { name: 'python-compare-manifests', version: 1 } });
const py = (value: unknown) => JSON.stringify(value).replaceAll('true', 'True').replaceAll('false', 'False').replaceAll('null', 'None');

// String leaves of the hidden inputs that no visible input has: finding one means a leak.
function hiddenOnlyStrings() {
  const leaves = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...leaves(v)]) : [];
  const visible = new Set(MANIFEST_CASES.filter((c) => !c.hidden).flatMap((c) => leaves(c.args)));
  return [...new Set(MANIFEST_CASES.filter((c) => c.hidden).flatMap((c) => leaves(c.args)))].filter((s) => !visible.has(s) && s.length >= 4);
}

describe('python harness under attack', () => {
  it('a lookup table by call order no longer passes: the order is random per run', async () => {
    // The attacker learned every expected value (in the order the grader used to call them).
    const table = py(MANIFEST_CASES.map((c) => c.expected));
    const result = await grade(`ANSWERS = ${table}\ncalls = 0\ndef compare_manifests(old, new):\n    global calls\n    calls += 1\n    return ANSWERS[(calls - 1) % len(ANSWERS)]\n`);
    // A random order matches the table by chance about once in 4,600 runs.
    expect(result.status).toBe('failed');
    expect(result.score).toBeLessThan(100);
  });

  it('a throwaway submission learns nothing of hidden tests but a category per name', async () => {
    const result = await grade('def compare_manifests(old, new):\n    print("ARGS", old, new)\n    raise ValueError(str(old) + str(new))\n');
    const hidden = result.tests.filter((t) => t.hidden);
    expect(hidden.length).toBeGreaterThan(5);
    // The category is the case's own, set by its author (review L4): the same for any answer.
    const categoryOf = (name: string) => MANIFEST_CASES.find((c) => c.name === name)!.category!;
    for (const test of hidden) expect(test).toEqual({ name: test.name, hidden: true, status: 'error', message: `${HIDDEN_REASONS.raised} [${categoryOf(test.name)}]` });
    const always = await grade('def compare_manifests(old, new):\n    return True\n');
    for (const test of always.tests.filter((t) => t.hidden)) {
      expect(['', `${HIDDEN_REASONS.wrong} [${categoryOf(test.name)}]`]).toContain(test.message);
      expect(JSON.stringify(test)).not.toMatch(/expected|True|False|output/);
    }
  });

  it('rewriting the reporter at import changes nothing', async () => {
    const plain = 'def compare_manifests(old, new):\n    return False\n';
    const forged = {
      t: 'result', ok: true, type: 'bool', value: true, data: 'true', repr: 'True', stdout: '', stderr: '',
    };
    const rewriter = `import builtins, io, json, os, socket, sys
FORGED = ${py(forged)}
LINES = ''.join(json.dumps(dict(FORGED, i=i, id=str(i), nonce=str(i))) + '\\n' for i in range(64)) + '{"t": "done"}\\n'
class Liar(json.JSONEncoder):
    def encode(self, o):
        return json.dumps(dict(FORGED, nonce=o.get('nonce'), id=o.get('id')) if isinstance(o, dict) else o, cls=json.JSONEncoder)
json._default_encoder = Liar()
json.dumps = lambda o, **k: json.JSONEncoder().encode(dict(FORGED, nonce=o.get('nonce'), id=o.get('id')) if isinstance(o, dict) else o)
builtins.isinstance = lambda o, t: True
builtins.repr = lambda o: 'True'
sys.stdout = io.StringIO(LINES)
builtins.print = lambda *a, **k: None
for fd in range(64):
    try:
        os.write(fd, LINES.encode())
    except OSError:
        pass
try:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect('/run/rehearse/channel.sock')
    s.sendall(LINES.encode())
except OSError:
    pass
${plain}`;
    const [honest, cheat] = await Promise.all([grade(plain), grade(rewriter)]);
    expect(honest.status).toBe('failed');
    const verdicts = (r: typeof honest) => r.tests.map((t) => [t.name, t.status]);
    expect(verdicts(cheat)).toEqual(verdicts(honest));
    expect(cheat.score).toBe(honest.score);
  });

  it('reading every file, process and the supervisor\'s memory during visible tests finds no hidden input', async () => {
    const needles = hiddenOnlyStrings();
    expect(needles.length).toBeGreaterThan(3);
    // Hex in the source, so the answer's own text (in every process that read it) holds no needle.
    const searcher = `import os
NEEDLES = [bytes.fromhex(n) for n in ${JSON.stringify(needles.map((n) => Buffer.from(n).toString('hex')))}]
# The runner's own text is in /harness/runner.py, in a warm jail (where the answer is no file) and
# a cold one alike: finding it proves the search reads what it can.
CONTROL = b'Supervisor (parent) and candidate host (child)'
def search():
    found = set()
    blobs = []
    for root in ('/harness', '/work', '/tmp', '/run', '/dev/shm'):
        for d, _, files in os.walk(root):
            for f in files:
                try:
                    blobs.append(open(os.path.join(d, f), 'rb').read())
                except OSError:
                    pass
    for pid in [p for p in os.listdir('/proc') if p.isdigit() and p != str(os.getpid())]:
        for part in ('cmdline', 'environ'):
            try:
                blobs.append(open(f'/proc/{pid}/{part}', 'rb').read())
            except OSError:
                pass
        try:
            maps = open(f'/proc/{pid}/maps').read().splitlines()
            mem = open(f'/proc/{pid}/mem', 'rb')
        except OSError:
            continue
        for line in maps:
            span, perms = line.split()[:2]
            if 'r' not in perms or '[vvar]' in line:
                continue
            start, end = (int(x, 16) for x in span.split('-'))
            try:
                mem.seek(start)
                blobs.append(mem.read(end - start))
            except (OSError, OverflowError, ValueError):
                pass
    for blob in blobs:
        for n in NEEDLES:
            if n in blob:
                found.add(n.decode())
    control = any(CONTROL in blob for blob in blobs)
    return found, control
searched = 0
def compare_manifests(old, new):
    global searched
    if searched < 5:
        searched += 1
        found, control = search()
        print('SEARCHED', searched, 'FOUND', sorted(found), 'CONTROL', control)
    return False
`;
    // In a jail started for the grading and in a warm one (warm-python-jail.ts) alike.
    const request = { kind: 'python' as const, answer: searcher, harness: { name: 'python-compare-manifests', version: 1 } };
    const warm = createBwrapDriver();
    prestartWarmJail(warm);
    for (const driver of [createBwrapDriver({ prestart: false }), warm]) {
      const result = await gradeCode(request, driver);
      const visible = result.tests.filter((t) => !t.hidden);
      expect(visible).toHaveLength(5);
      for (const test of visible) {
        expect(test.output).toMatch(/SEARCHED \d FOUND \[\] CONTROL True/);
      }
    }
  });

  it('the answer can neither read nor write the supervisor (pid 1), nor kill it', async () => {
    const prober = `import os, signal
def probe():
    seen = ['PID1', 'runner.py' in open('/proc/1/cmdline', 'rb').read().decode(errors='replace')]
    for label, action in (
        ('MEM-R', lambda: open('/proc/1/mem', 'rb').read(1)),
        ('MEM-W', lambda: open('/proc/1/mem', 'r+b')),
        ('ENV', lambda: open('/proc/1/environ', 'rb').read()),
        ('FD', lambda: [os.open(f'/proc/1/fd/{n}', os.O_RDWR) for n in os.listdir('/proc/1/fd')]),
        ('MAPS', lambda: open('/proc/1/maps').read(1) or 'empty'),
    ):
        try:
            action()
            seen += [label, 'OPEN']
        except OSError as error:
            seen += [label, 'refused', error.errno]
    os.kill(1, signal.SIGKILL)
    os.kill(1, signal.SIGTERM)
    return ' '.join(map(str, seen))
done = False
def compare_manifests(old, new):
    global done
    if not done:
        done = True
        print(probe())
    return False
`;
    const result = await grade(prober);
    const output = result.tests.map((t) => t.output ?? '').join('\n');
    expect(output).toContain('PID1 True');
    // EACCES (13) or EPERM (1): the kernel's ptrace access check, before any byte is read.
    for (const label of ['MEM-R', 'MEM-W', 'ENV', 'FD', 'MAPS']) expect(output).toMatch(new RegExp(`${label} refused (13|1)\\b`));
    // The supervisor outlived both signals: every test got a verdict from a returned value.
    expect(result.tests).toHaveLength(MANIFEST_CASES.length);
    for (const test of result.tests) expect(test.message ?? '').not.toMatch(/not run/);
  });
});
