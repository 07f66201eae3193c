// A Harness from a Python kit spec (docs/decisions/018): the answer defines spec.function. The
// runner in the jail imports it in a child process; the grader sends the arguments over the
// channel in a random order, the visible cases' first and the hidden ones only after every
// visible result is in (so no hidden input can surface in a visible test's output), and judges
// here the values returned. The jail's files hold no arguments and no expected values; nothing in
// the jail names a test.
import { randomInt } from 'node:crypto';
import { DEFAULT_LIMITS, JAIL_CHANNEL_PATH, JAIL_FILES_DIR, sandboxInfraResult, type SandboxDriver } from '../../sandbox/sandbox-driver';
import { reportSandboxRun } from '../../sandbox/sandbox-events';
import { describeKill } from '../../sandbox/describe-kill';
import { capOutput } from '../../code/cap-output';
import type { Harness, HarnessOutcome, HarnessRunOptions } from '../harness';
import { judgeKitCase } from './judge-kit-case';
import { PythonKitSpecSchema, type KitCase, type PythonKitSpec, type PythonKitSpecInput } from './kit-spec';
import { PYTHON_RUNNER_PY, RUNNER_BUSY_HOST_STRETCH } from './python-runner-source';
import { createPythonSession, type PythonReport, type PythonSession } from './python-session';
import { prestartWarmJail, takeWarmJail } from './warm-python-jail';
import { errorMessage } from '@/lib/error-message';

const MAX_TIMEOUTS = 2;
const FATAL_LABELS = { syntax: 'Python could not parse the answer', import_error: 'importing the answer failed', missing: 'nothing to test' };

export function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

// starved: a call was kept off the CPU past the runner's stretched deadline (the runner then
// runs nothing more, and no later batch is sent).
type Calls = { reports: Map<KitCase, PythonReport>; skipped: Set<KitCase>; starved: boolean };

// A starved import or call: our machine, not the answer, decided its time. The queue grades an
// infra error again (decision 007). Built here from the limits, never from text out of the jail.
function starvedOutcome(what: 'import' | 'test', limitSeconds: number): HarnessOutcome {
  const doing = what === 'import' ? 'import the answer' : 'run a test';
  return {
    kind: 'infra_error',
    message: `the grading machine was too busy to time the answer: its Python process waited for a CPU most of the time it had to ${doing} (${limitSeconds} s, extended up to ${RUNNER_BUSY_HOST_STRETCH * limitSeconds} s); it is graded again`,
  };
}

async function drive(session: PythonSession, cases: readonly KitCase[]) {
  const load = await session.loaded();
  if (load.kind !== 'ready') return { load, calls: null };
  const calls: Calls = { reports: new Map(), skipped: new Set(), starved: false };
  // Hidden inputs enter the jail only once every visible result is in.
  for (const batch of [shuffled(cases.filter((c) => !c.hidden)), shuffled(cases.filter((c) => c.hidden))]) {
    if (batch.length === 0) continue;
    const answers = await session.batch(batch.map((c) => c.args));
    answers.forEach((answer, i) => {
      if (answer === 'skipped') calls.skipped.add(batch[i]!);
      else if (answer) calls.reports.set(batch[i]!, answer);
      if (answer && answer !== 'skipped' && answer.starved) calls.starved = true;
    });
    if (calls.starved) break;
  }
  session.end();
  return { load, calls };
}

export function createPythonKitHarness(input: PythonKitSpecInput | unknown): Harness {
  // A broken spec is our bug: it fails when the grader loads, not when a candidate is graded.
  const spec: PythonKitSpec = PythonKitSpecSchema.parse(input);
  const limits = { ...DEFAULT_LIMITS, wallTimeMs: Math.ceil((MAX_TIMEOUTS * (spec.timeoutSeconds + 1) + 2 * spec.importTimeoutSeconds + 5) * 1000) };

  async function run(answer: string, driver: SandboxDriver, { visibleOnly = false }: HarnessRunOptions = {}): Promise<HarnessOutcome> {
    // Run before Submit: the hidden cases are not even handed to the session.
    const cases = visibleOnly ? spec.cases.filter((c) => !c.hidden) : spec.cases;
    const session = createPythonSession();
    const config = {
      function: spec.function,
      timeoutSeconds: spec.timeoutSeconds,
      importTimeoutSeconds: spec.importTimeoutSeconds,
      maxTimeouts: MAX_TIMEOUTS,
      paths: { harness: JAIL_FILES_DIR, channel: JAIL_CHANNEL_PATH },
    };
    const driven = drive(session, cases);
    // A pre-started jail when the driver keeps one (warm-python-jail.ts): the same jail, with the
    // settings and the answer sent as the channel's first message instead of written as files
    // (as UTF-8, as the file would be: a lone surrogate becomes U+FFFD either way).
    const warm = takeWarmJail(driver);
    const first = `${JSON.stringify({ t: 'start', config, source: Buffer.from(answer, 'utf8').toString('utf8') })}\n`;
    const cold = () =>
      driver.run({
        command: ['/usr/bin/python3', '-I', '-S', '-B', `${JAIL_FILES_DIR}/runner.py`, `${JAIL_FILES_DIR}/cases.json`],
        files: [
          { path: 'runner.py', content: PYTHON_RUNNER_PY },
          { path: 'cases.json', content: JSON.stringify(config) },
          { path: 'answer.py', content: answer },
        ],
        channel: (socket) => session.connect(socket),
        // The supervisor is pid 1 (not bwrap's init): it makes itself undumpable, so the answer's
        // process cannot reach its memory, and when it exits the kernel ends everything in the jail.
        asPid1: true,
        limits,
        // Room for the runner's stretched deadlines: on a busy host the jail's limit stretches by
        // the host's CPU stall, as far as theirs do (and a jail starved past that is ours too).
        stretchWallOnBusyHost: RUNNER_BUSY_HOST_STRETCH,
      });
    // A warm jail that could not take the answer (null) leaves the grading to a cold one.
    const jail = (warm ? warm.claim({ wallTimeMs: limits.wallTimeMs, connect: (socket) => session.connect(socket), first }) : Promise.resolve(null)).then((result) => result ?? cold());
    // Once this jail has ended, the next grading's jail starts (off this grading's path) and the
    // session stops waiting for answers.
    const ended = jail.finally(() => {
      prestartWarmJail(driver);
      session.abort();
    });
    // Awaited below unless every verdict is in first; then nobody awaits it, and a failure of the
    // jail after its grade was returned is still counted with the sandbox's infra failures.
    let returned = false;
    ended.catch((error: unknown) => {
      if (returned) reportSandboxRun(sandboxInfraResult(`the jail failed after its grade was returned: ${errorMessage(error)}`));
    });
    // Every verdict is judged from values the session received, so once each case has its report
    // the grade does not wait for the jail's own end: its teardown (the supervisor's exit, the pid
    // namespace, bwrap, the cgroup) took about half of a warm grading (≈ 25 of 47 ms). How the jail
    // ended only matters for a test that got no report.
    const everyCaseAnswered = driven.then(({ load, calls }) => (load.kind === 'ready' && calls && (calls.starved || calls.reports.size === cases.length) ? calls : null));
    const answered = await Promise.race([everyCaseAnswered, ended.then(() => null, () => null)]);
    // `stopped`: why the jail ended, for the tests that got no report.
    const judge = (got: Calls | null, stopped: string) =>
      cases.map((testCase) => {
        // Tests run in a random order but are listed in a fixed one: "earlier" would point at
        // the tests above this one, which may not be the ones that timed out.
        const notRun = got?.skipped.has(testCase) ? `not run: the run stopped after ${MAX_TIMEOUTS} tests timed out` : `not run: ${stopped}`;
        return judgeKitCase(testCase, spec.compare, got?.reports.get(testCase) ?? null, notRun, spec.timeoutSeconds, spec.cases);
      });
    if (answered) {
      // The next grading's jail starts now, beside this one's teardown, rather than after it.
      prestartWarmJail(driver);
      returned = true;
      if (answered.starved) return starvedOutcome('test', spec.timeoutSeconds + 1);
      return { kind: 'tests', tests: judge(answered, 'the jail ended') };
    }
    const result = await ended;
    const { load, calls } = await driven;
    if (result.infraError) return { kind: 'infra_error', message: result.infraError };
    if (!session.hasSaidHello()) {
      return { kind: 'infra_error', message: `the Python runner did not start (exit ${result.exitCode ?? result.signal}): ${result.stderr.slice(-500) || 'no output'}. It needs /usr/bin/python3 on the grading host.` };
    }
    if (load.kind === 'starved') return starvedOutcome('import', spec.importTimeoutSeconds + 1);
    if (calls?.starved) return starvedOutcome('test', spec.timeoutSeconds + 1);
    if (load.kind === 'fatal') {
      const { fatal } = load;
      const message = `${FATAL_LABELS[fatal.kind]}: ${fatal.message.trim()}`;
      // Import runs before any input exists in the jail, so its output is safe to show on every test.
      const output = capOutput([fatal.message, fatal.output].filter(Boolean).join('\n'));
      return { kind: 'error', message, tests: cases.map((c) => ({ name: c.name, ...(c.hidden ? { hidden: true } : {}), status: 'error', message: 'not run: the answer did not load', ...output })) };
    }
    return { kind: 'tests', tests: judge(calls, describeKill(result, limits) ?? 'the answer ended the Python process (exit, os._exit, a crash or running out of its memory limit)') };
  }

  return { name: spec.name, version: spec.version, answerKind: 'python', run };
}
