// bash-deploy moved onto the Bash world kit (docs/decisions/020) without changing a verdict:
// every seed variant and every script the bash-deploy tests grade gets, test by test, the name,
// status and message the hand-built harness gave it (bash-deploy-verdicts.json, recorded from
// that harness before the move). BASH_DEPLOY_VERDICTS_OUT=<file> also writes what this run saw,
// with each test's first 80 characters of output, for a full diff against another commit.
// Messages changed since, on purpose, statuses did not (2026-12-03): a step the script never took
// is only "never ran" (not also "the pull failed but the script exited 0"), the image is named
// instead of "IMAGE", and the logging check says which run it read.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import { seedFile, seedFiles } from './seed-files';

const SLUG = 'write-bash-script-pulls-specified-docker';
const SNAPSHOT = path.join(import.meta.dirname, 'bash-deploy-verdicts.json');

// The scripts bash-deploy.test.ts grades besides the seed folder, and a flood of calls (the
// attack tests read its message).
const EXTRA = [
  { name: 'extra/call-flood.sh', code: '#!/bin/bash\nfor i in $(seq 60); do docker ps >/dev/null; done\nexit 1\n' },
  { name: 'extra/jail-probe.sh', code: '#!/bin/bash\necho "self $$"\nexit 1\n' },
  { name: 'extra/syntax-error.sh', code: '#!/bin/bash\nif [ -z "$1" ]; then\n  echo usage\n' },
  { name: 'extra/endless-loop.sh', code: '#!/bin/bash\nwhile true; do :; done\n' },
];

const VARIANTS = [
  { name: 'reference.sh', code: seedFile(SLUG, 'reference.sh') },
  ...seedFiles(SLUG, 'good').map((f) => ({ ...f, name: `good/${f.name}` })),
  ...seedFiles(SLUG, 'bad').map((f) => ({ ...f, name: `bad/${f.name}` })),
  ...EXTRA,
];

type Verdict = { status: string; message: string; tests: { name: string; status: string; message: string; output80?: string }[] };

// On a host so busy that a jail waited for a CPU for most of its limit, the grading is our
// infra_error ("too busy"), which the queue grades again; so does this test, a few times, as the
// queue would (the endless loop, which needs a CPU for its whole limit, met it at load 10).
const TOO_BUSY = /^the grading machine was too busy/;
const BUSY_HOST_TRIES = 4;

async function verdict(code: string): Promise<Verdict> {
  let result = await gradeCode({ kind: 'bash', answer: code, harness: { name: 'bash-deploy', version: 1 } });
  for (let tries = 1; tries < BUSY_HOST_TRIES && result.status === 'infra_error' && TOO_BUSY.test(result.message); tries++) {
    result = await gradeCode({ kind: 'bash', answer: code, harness: { name: 'bash-deploy', version: 1 } });
  }
  return { status: result.status, message: result.message, tests: result.tests.map((t) => ({ name: t.name, status: t.status, message: t.message, output80: (t.output ?? '').slice(0, 80) })) };
}

// A flood meets one of two caps, the scenario's (40) or the run's (96, shared by the scenarios
// running at once): which one first is a race between the scenarios' jails, and with calls that
// need no process (fast-fakes-source.ts) one scenario can reach its own cap before the others
// have used up the run's. Either message is right (in a test's message and in the summary); the
// rest of the verdict is compared as it is.
const FLOOD = /(stopped: the script made more docker\/systemctl calls than the grader answers) \((?:40 in this run|96 across all runs)\)/;
// On a busy host the endless loop's wall limit is stretched by the time the jail waited for a CPU
// (host-cpu-stall.ts) and its message says so ("timed out after 10 s (its 5 s limit, extended
// while the grading machine was busy)"); the verdict is the same, so the wording is compared as
// the quiet host's.
const STRETCHED = /timed out after [\d.]+ s \(its ([\d.]+) s limit, extended while the grading machine was busy\)/;
const sameFlood = (message: string) => message.replace(FLOOD, '$1 (one of its caps)').replace(STRETCHED, 'timed out after $1 s');

const withoutOutput = (v: Verdict): Verdict => ({ ...v, message: sameFlood(v.message), tests: v.tests.map(({ output80: _, ...t }) => ({ ...t, message: sameFlood(t.message) })) });
const recordedAs = (v: Verdict): Verdict => ({ ...v, message: sameFlood(v.message), tests: v.tests.map((t) => ({ ...t, message: sameFlood(t.message) })) });

describe('bash-deploy verdicts', () => {
  it('are the hand-built harness\'s for every variant, test by test', async () => {
    const seen: Record<string, Verdict> = {};
    for (const variant of VARIANTS) seen[variant.name] = await verdict(variant.code);
    if (process.env.BASH_DEPLOY_VERDICTS_OUT) writeFileSync(process.env.BASH_DEPLOY_VERDICTS_OUT, `${JSON.stringify(seen, null, 2)}\n`);
    const recorded = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, Verdict>;
    const expected = Object.fromEntries(Object.entries(recorded).map(([name, v]) => [name, recordedAs(v)]));
    expect(Object.fromEntries(Object.entries(seen).map(([name, v]) => [name, withoutOutput(v)]))).toEqual(expected);
  }, 180_000);
});
