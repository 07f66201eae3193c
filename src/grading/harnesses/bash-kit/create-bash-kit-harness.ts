// Builds a Harness from a Bash world kit spec (docs/decisions/020). The answer runs once per
// scenario, each in a jail of its own (run-relayed-script.ts), all at once and started in a
// random order, beside the check jail's `bash -n` (or a `bash -n` jail of its own when the grading
// runs no check, as in the benchmark); no scenario id, index or fault enters a jail. The fakes
// relay every call to the scenario's world here, outside the jail, and the verdict is read from
// the exit status the outer bwrap saw, the calls answered and the world's end state: as in
// bash-deploy, printing PASS, editing the fakes or writing to the channel changes nothing the
// judge reads.
import { randomBytes, randomInt } from 'node:crypto';
import { DEFAULT_LIMITS, JAIL_FILES_DIR, PERL_PATH, type SandboxDriver, type SandboxFile } from '../../sandbox/sandbox-driver';
import type { TestResult } from '../../contract';
import { describeKill } from '../../sandbox/describe-kill';
import { describeStarved } from '../../sandbox/supervise-jail';
import { hasPerl } from '../../sandbox/has-perl';
import { warmKeyOf } from '../../sandbox/warm-jail';
import { capOutput, joinStreams } from '../../code/cap-output';
import { storableText } from '../../storable-text';
import type { Harness, HarnessOutcome, HarnessRunOptions } from '../harness';
import { CHECKED_ANSWER_PATH } from '../../code/shellcheck-advice';
import { capText } from '../bash-deploy/cap-text';
import { checkBashSyntax } from '../bash-deploy/check-bash-syntax';
import { fakeToolFiles } from '../bash-deploy/fake-tool-sources';
import { formatCall } from '../bash-deploy/format-call';
import { createCallBudget, createRelaySession } from '../bash-deploy/relay-session';
import { answerKitCall } from './answer-kit-call';
import { BashKitSpecSchema, scenariosRead, type BashKitSpec, type BashKitSpecInput } from './bash-kit-spec';
import { judgeKitCheck, unmodelledRefusal } from './judge-kit-assertion';
import { createKitWorld, type KitWorld } from './kit-world';
import { answerFile, runRelayedScript, scenarioJailSpec, type RelayedScript, type ScenarioJailShape, type ScenarioRun } from './run-relayed-script';
import { prestartWarmBashJails, takeWarmBashJails } from './warm-bash-jails';
import { scenarioStarter } from './scenario-start-source';
import { WorldSpecSchema, type WorldSpec } from './world-spec';
import { TREE_SUPERVISOR_SOURCE } from './tree-supervisor-source';
import { createTreeSession, MAX_TREE_ENTRIES, TREE_SCRIPT_SECONDS } from './tree-session';
import { describeTimeout } from './describe-timeout';
import { errorMessage } from '@/lib/error-message';

// Measured from the jail's start, so it includes start-up on a busy host: generous on purpose.
const SCENARIO_TIMEOUT_MS = 5_000;
// And stretched by the time the host kept tasks waiting for a CPU, up to twice as long: under
// load (bench:load, 2 cores) correct deploy scripts ran out of 5 s with their jails starved,
// and a hang is a verdict on the script, not on the host (docs/decisions/004). A scratch-tree
// scenario's own script timer (3 s, in its supervisor) stretches by the same factor.
const BUSY_HOST_STRETCH = 2;
// A scratch-tree scenario's jail stretches further, so that on a host that keeps it off the CPU
// its supervisor, not the jail's limit, decides: the script timer (6 s at most) starts only once
// the tree is built, and a starved supervisor built it, polled and walked it seconds late (the
// jail's 10 s ran out first for two of four scenarios at load 15). The supervisor ends the script
// itself either way; the jail's limit is the guard for a supervisor that cannot.
const TREE_JAIL_STRETCH = 3;
const MAX_LISTED_CALLS = 40;
const SUPERVISOR = 'tree-supervisor.pl';
const LIMITS = {
  wallTimeMs: SCENARIO_TIMEOUT_MS,
  cpuTimeSeconds: 3,
  memoryBytes: 128 * 1024 * 1024,
  workDirBytes: 8 * 1024 * 1024,
  tmpDirBytes: 8 * 1024 * 1024,
  stdoutBytes: 16 * 1024,
  stderrBytes: 16 * 1024,
};

type Check = BashKitSpec['checks'][number];
type Runs = Map<string, ScenarioRun<KitWorld>>;

const newGroup = () => `bash-${randomBytes(6).toString('hex')}`;

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function whyUnfinished(run: ScenarioRun<KitWorld>, hang: string) {
  const o = run.observation;
  if (o.failure) return o.failure;
  if (o.timedOut) return describeTimeout(SCENARIO_TIMEOUT_MS, o.timeLimitMs, hang);
  return `the run was stopped before this test finished: ${describeKill(run, { ...DEFAULT_LIMITS, ...LIMITS }) ?? 'it ended abnormally'}`;
}

function testFor(check: Check, runs: Runs, hang: string): TestResult {
  const shown = runs.get(check.scenario)!.observation;
  const output = capOutput(storableText(joinStreams(shown.stdout, shown.stderr)), shown.outputTruncated);
  const calls = shown.calls.slice(0, MAX_LISTED_CALLS).map(formatCall);
  if (shown.calls.length > MAX_LISTED_CALLS) calls.push(`… ${shown.calls.length - MAX_LISTED_CALLS} more calls`);
  const base = { name: check.name, ...output, calls };
  for (const id of scenariosRead(check)) {
    const run = runs.get(id)!;
    if (run.observation.failure || run.observation.status !== 'ended') return { ...base, status: 'error', message: whyUnfinished(run, hang) };
  }
  try {
    const observe = (id: string) => runs.get(id)!.observation;
    const problems = judgeKitCheck(check, observe);
    if (problems.length === 0) return { ...base, status: 'pass', message: '' };
    // A check that fails after a fake refused what the grader does not model cannot be judged.
    const refusal = unmodelledRefusal(check, observe);
    if (refusal) return { ...base, status: 'error', message: refusal };
    return { ...base, status: 'fail', message: problems.join('; ') };
  } catch (error) {
    return { ...base, status: 'error', message: `the grader could not judge this run: ${capText(storableText(errorMessage(error)), 300)}` };
  }
}

// A scenario's world: the base world with the parts the scenario replaces.
export function scenarioWorld(spec: BashKitSpec, overrides: BashKitSpec['scenarios'][number]['world']): WorldSpec {
  const merged: Record<string, unknown> = { ...spec.world };
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) merged[key] = value;
  return WorldSpecSchema.parse(merged);
}

export function createBashKitHarness(input: BashKitSpecInput | unknown): Harness & { spec: BashKitSpec } {
  const spec = BashKitSpecSchema.parse(input);
  const scenarios = spec.scenarios.map((s) => ({ id: s.id, args: s.args, world: scenarioWorld(spec, s.world) }));

  // A scenario with a scratch tree: the supervisor is pid 1, builds the tree, runs the script
  // and reports its exit status and what is left (tree-session.ts). Its report, not the jail's
  // own exit status, says how the script ended.
  async function runTreeScenario(run: RelayedScript<KitWorld>, tree: NonNullable<WorldSpec['tree']>, driver: SandboxDriver) {
    const { session } = run;
    const supervised = createTreeSession(session.observation.world, tree, run.args, session.accept, BUSY_HOST_STRETCH);
    const finished = await runRelayedScript({ ...run, session: { accept: supervised.accept, observation: session.observation } }, driver);
    if (finished.infraError) return finished;
    const o = finished.observation;
    const report = supervised.outcome.report;
    // Kept off the CPU past the timer's cap: ours, as a starved jail is (supervise-jail.ts), so
    // the grading is an infra error the queue grades again. The message is built from the limits
    // here, not from the jail; a script that forged the flag only gets its grading repeated.
    if (report?.starved) return { ...finished, infraError: describeStarved(TREE_SCRIPT_SECONDS * 1000, TREE_SCRIPT_SECONDS * BUSY_HOST_STRETCH * 1000) };
    if (report) {
      o.exitCode = report.timedOut ? null : report.exitCode;
      if (report.timedOut) {
        const failure = describeTimeout(TREE_SCRIPT_SECONDS * 1000, report.givenMs ?? undefined, spec.wording.hang);
        Object.assign(o, { status: 'unfinished', timedOut: true, failure: o.failure ?? failure });
      }
    } else if (o.status === 'ended') {
      o.failure ??= `the run ended before the grader could read the directory tree${supervised.outcome.problem ? ` (${supervised.outcome.problem})` : ''}`;
    }
    // A path missing from a walk that was not whole may still be there: nothing is judged on it.
    if (report && o.world.tree?.cut) {
      o.failure ??= `the grader could not read all the script left in /work (more than ${MAX_TREE_ENTRIES} entries, or a path it could not open), so it cannot say what is left`;
    }
    return finished;
  }

  // The jail of each scenario, in the harness's order: what a pre-started set is made of. Every
  // scenario's jail has the same files (cold, they share one folder, the bash -n jail's too).
  // Made at the first jail, not when the harness is made: choosing the starter may compile it.
  let supportFiles: SandboxFile[] | null = null;
  const support = () => (supportFiles ??= [...(scenarios.some((s) => s.world.tree) ? [{ path: SUPERVISOR, content: TREE_SUPERVISOR_SOURCE }] : []), scenarioStarter().file, ...fakeToolFiles(spec.tools)]);
  const shapes = (group: string): ScenarioJailShape[] =>
    scenarios.map((scenario) => {
      const tree = scenario.world.tree !== undefined;
      return {
        script: spec.script,
        // The script's path on the command line, where the benchmark's unjailed runs can rewrite it.
        ...(tree ? { supervisor: [PERL_PATH, `${JAIL_FILES_DIR}/${SUPERVISOR}`] } : {}),
        files: support(),
        limits: LIMITS,
        maxCalls: spec.maxCallsPerScenario + (tree ? 1 : 0),
        group,
        stretchWallOnBusyHost: tree ? TREE_JAIL_STRETCH : BUSY_HOST_STRETCH,
      };
    });
  const warmKey = warmKeyOf(spec);
  const prestart = (driver: SandboxDriver) => prestartWarmBashJails(driver, warmKey, shapes(newGroup()).map(scenarioJailSpec));

  async function run(answer: string, driver: SandboxDriver, options: HarnessRunOptions = {}): Promise<HarnessOutcome> {
    if (!hasPerl()) {
      return { kind: 'infra_error', message: `the ${spec.name} harness needs ${PERL_PATH} for its fake tools (apt-get install perl-base)` };
    }
    const files = [answerFile(spec.script, answer), ...support()];
    const budget = createCallBudget(spec.maxCallsPerRun);
    const warm = takeWarmBashJails(driver, warmKey);
    const group = newGroup();
    const shaped = shapes(group);
    const order = shuffled(scenarios.map((scenario, i) => ({ scenario, shape: shaped[i]!, warm: warm?.[i] ?? null })));
    const { tools, model, flood } = spec.wording;
    const answerCall = (world: KitWorld, argv: string[]) => answerKitCall(world, argv, spec.tools);
    const relay = { answerCall, maxCallsPerScenario: spec.maxCallsPerScenario, maxCallsPerRun: spec.maxCallsPerRun, tools, model, floodConsequence: flood };
    const [syntax, ...finished] = await Promise.all([
      // bash -n's verdict from the ShellCheck jail when gradeCode ran it; else a jail of its own.
      (async () => {
        const given = await options.syntax;
        if (!given) return checkBashSyntax(files, group, driver, spec.script);
        return { error: given.error === null ? null : given.error.split(CHECKED_ANSWER_PATH).join(spec.script), infraError: given.infraError ?? null };
      })(),
      ...order.map(({ scenario, shape, warm: jail }) => {
        const controller = new AbortController();
        const world = createKitWorld(scenario.world);
        const session = createRelaySession(world, budget, () => controller.abort(), relay);
        const relayed = { shape, answer, args: scenario.args, session, controller, warm: jail };
        return scenario.world.tree ? runTreeScenario(relayed, scenario.world.tree, driver) : runRelayedScript(relayed, driver);
      }),
    ]);
    // The next grading of this question finds its jails started, off this one's path: once the
    // ShellCheck jail beside it has ended too (its syntax verdict comes at its end), since the new
    // jails' start-up took the CPU from it and made it the slowest part of the grading.
    const startNextSet = () => prestart(driver);
    void Promise.resolve(options.syntax).then(startNextSet, startNextSet);
    const infraError = syntax!.infraError ?? finished.find((r) => r.infraError)?.infraError;
    if (infraError) return { kind: 'infra_error', message: infraError };
    if (syntax!.error !== null) {
      const message = `bash could not parse the script: ${capText(storableText(syntax!.error), 2000)}`;
      return { kind: 'error', message, tests: spec.checks.map((check) => ({ name: check.name, status: 'error', message: 'not run: the script has a syntax error' })) };
    }
    const runs: Runs = new Map(order.map(({ scenario }, i) => [scenario.id, finished[i]!]));
    return { kind: 'tests', tests: spec.checks.map((check) => testFor(check, runs, spec.wording.hang)) };
  }

  return { name: spec.name, version: spec.version, answerKind: 'bash', run, spec };
}
