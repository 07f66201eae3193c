// A configuration run, judged here from the runner's one JSON line (docs/decisions/019). The
// line is hostile text until checked: parsed inside a try, validated and capped with zod, and
// matched to the question's own list of checks by id. A check the runner did not report is
// "not run", a repeated id counts once, an id the question does not have is ignored.
import { z } from 'zod';
import type { TestResult } from '../../contract';
import { describeKill, describeTimeGiven } from '../../sandbox/describe-kill';
import type { SandboxLimits, SandboxResult } from '../../sandbox/sandbox-driver';
import type { HarnessOutcome } from '../harness';
import type { ConfigCheck } from './config-spec';

const text = (max: number) => z.string().catch('').transform((value) => value.slice(0, max));

const ReportSchema = z.discriminatedUnion('t', [
  z.object({
    t: z.literal('checks'),
    results: z.array(z.object({ id: text(80), ok: z.boolean().catch(false), detail: text(400).optional(), error: text(400).optional() })).max(200),
  }),
  z.object({ t: z.literal('refused'), message: text(500) }),
  z.object({ t: z.literal('broken'), message: text(500) }),
]);
type Report = z.infer<typeof ReportSchema>;

function readReport(stdout: string): Report | null {
  const line = stdout.trim().split('\n').pop() ?? '';
  try {
    const parsed = ReportSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function judgeConfigRun(checks: readonly ConfigCheck[], result: SandboxResult, limits: Pick<SandboxLimits, 'wallTimeMs' | 'maxProcesses' | 'memoryBytes'>): HarnessOutcome {
  // Ours, including a jail starved past its stretched limit on a busy host (graded again).
  if (result.infraError) return { kind: 'infra_error', message: result.infraError };
  const report = readReport(result.stdout);
  const notRun = (message: string): TestResult[] => checks.map((c) => ({ name: c.name, status: 'error', message }));
  if (!report) {
    // Only our parser ran: a run the sandbox stopped was stopped by what the YAML made it do.
    const killed = result.killedBy === 'wall-time' ? `it ran past the time limit (${describeTimeGiven(limits.wallTimeMs, result.wallLimitMs)})` : describeKill(result, limits);
    if (killed) return { kind: 'error', message: `The YAML could not be checked: ${killed}.`, tests: notRun('not run: the YAML could not be checked') };
    return { kind: 'infra_error', message: `the configuration checker did not report (exit ${result.exitCode ?? result.signal}): ${result.stderr.slice(-500) || 'no output'}` };
  }
  if (report.t === 'broken') return { kind: 'infra_error', message: `the configuration checker is broken: ${report.message}` };
  if (report.t === 'refused') return { kind: 'error', message: `The YAML could not be checked: ${report.message}`, tests: notRun('not run: the YAML could not be checked') };
  const byId = new Map<string, (typeof report.results)[number]>();
  for (const entry of report.results) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  return { kind: 'tests', tests: checks.map((c) => judgeCheck(c, byId.get(c.id))) };
}

function judgeCheck(check: ConfigCheck, entry: { ok: boolean; detail?: string | undefined; error?: string | undefined } | undefined): TestResult {
  if (!entry) return { name: check.name, status: 'error', message: 'not run: the checker did not report this check' };
  if (entry.error) return { name: check.name, status: 'error', message: `the check could not read this YAML (${entry.error}): ${check.why}` };
  if (entry.ok) return { name: check.name, status: 'pass', message: entry.detail ?? '' };
  return { name: check.name, status: 'fail', message: `${entry.detail || 'not as required'}: ${check.why}` };
}
