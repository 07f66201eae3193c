// A Bash kit question's messages are true for what the script did: a step it never took is "never
// pulled", not also "the pull failed but the script exited 0"; "the deploy worked" needs a deploy
// that worked; and a logging check that reads another scenario's run says which run, since the
// output shown beside it is its own scenario's (a starter script that does nothing, exit 0 or 1).
import { describe, expect, it } from 'vitest';
import type { ScenarioObservation } from '@/grading/harnesses/bash-deploy/relay-session';
import { BASH_DEPLOY_SPEC } from '@/grading/harnesses/bash-deploy/bash-deploy-harness';
import { BASH_KIT_SPECS } from '@/grading/harnesses/bash-kit/bash-kit-harnesses';
import type { BashKitSpec } from '@/grading/harnesses/bash-kit/bash-kit-spec';
import { scenarioWorld } from '@/grading/harnesses/bash-kit/create-bash-kit-harness';
import { judgeKitAssertion, judgeKitCheck, unmodelledRefusal } from '@/grading/harnesses/bash-kit/judge-kit-assertion';
import { createKitWorld, type KitWorld } from '@/grading/harnesses/bash-kit/kit-world';
import { answerKitCallAtOnce } from '../../../support/answer-kit-call-at-once';

const spec = (name: string) => BASH_KIT_SPECS.find((s) => s.name === name)!;

// Every scenario's end for a script that makes no call and prints nothing.
function idle(s: BashKitSpec, exitCode: number) {
  return (id: string): ScenarioObservation<KitWorld> => {
    const world = createKitWorld(scenarioWorld(s, s.scenarios.find((x) => x.id === id)!.world));
    return { status: 'ended', exitCode, signal: null, timedOut: false, stdout: '', stderr: '', outputTruncated: false, calls: [], failure: null, world };
  };
}
const problems = (s: BashKitSpec, check: string, exitCode: number) => judgeKitCheck(s.checks.find((c) => c.name.startsWith(check))!, idle(s, exitCode));

describe('bash-deploy-health-rollback messages', () => {
  const rollback = spec('bash-deploy-health-rollback');

  it('says a script that never pulled only that it never pulled', () => {
    expect(problems(rollback, 'when the pull fails', 0)).toEqual(['the script never pulled the new image']);
  });

  it('says "the deploy worked" only when web runs the new image', () => {
    expect(problems(rollback, 'deploys', 1)).toEqual(['the script never pulled the new image', 'web does not run the new image at the end', 'the new release was never health-checked (curl http://127.0.0.1:8080/healthz)']);
    expect(problems(rollback, 'retries a slow start', 1)).not.toContain('the release became healthy but the script exited non-zero');
    expect(problems(rollback, 'rolls back', 0)).toContain('the new release never became healthy but the script exited 0: a failed deploy looks successful');
  });

  // docker rename keeps the old container (same id) for a rollback: the checks read where it ends,
  // and a web that was stopped and renamed while the pull failed was touched, even if put back.
  it('judges a container parked with docker rename and put back by what happened to it', () => {
    const played = (id: string, calls: string[][], exitCode: number) => {
      const observation = idle(rollback, exitCode)(id);
      for (const argv of calls) answerKitCallAtOnce(observation.world, argv);
      return observation;
    };
    const check = (name: string) => rollback.checks.find((c) => c.name.startsWith(name))!;
    const park = [['docker', 'stop', 'web'], ['docker', 'rename', 'web', 'web-prev']];
    const putBack = [['docker', 'rename', 'web-prev', 'web'], ['docker', 'start', 'web']];
    const pull = ['docker', 'pull', 'registry.example.com/shop/web:2.1.0'];
    expect(judgeKitCheck(check('when the pull fails'), () => played('pull-fails', [pull], 1))).toEqual([]);
    expect(judgeKitCheck(check('when the pull fails'), () => played('pull-fails', [...park, pull, ...putBack], 1))).toEqual([
      'the pull failed but web was stopped or renamed, even if it was put back afterwards: an outage for nothing',
    ]);
    const rolledBack = played('never-healthy', [pull, ...park, ['docker', 'run', '-d', '--name', 'web', 'registry.example.com/shop/web:2.1.0'], ['docker', 'rm', '-f', 'web'], ...putBack], 1);
    expect(judgeKitAssertion(check('rolls back').expect[0]!, rolledBack)).toBeNull();
  });

  it('names the run each logging problem was found in', () => {
    expect(problems(rollback, 'logs each step', 0)).toEqual([
      'in the run where every step works, the script printed fewer than 3 lines of its own: log each step (pull, replace, health check)',
      "in the run where docker pull fails, no line the script printed itself said what failed (docker's own error does not count): print an error that names the failed step",
    ]);
  });
});

describe('bash-kubectl-canary-promotion messages', () => {
  const canary = spec('bash-kubectl-canary-promotion');

  it('says "the promotion worked" only when both Deployments run IMAGE', () => {
    expect(problems(canary, 'promotes IMAGE', 1)).toEqual([
      'api-canary does not run the new image at the end',
      'api does not run the new image at the end: the release was never promoted',
      "the script never waited for api's own rollout (kubectl rollout status deployment/api): it reports success for a rollout that may still fail",
    ]);
    const promoted = (id: string) => {
      const o = idle(canary, 1)(id);
      for (const d of o.world.kube!.deployments) d.revisions.push('registry.example.com/shop/api:3.5.0');
      return o;
    };
    const check = canary.checks.find((c) => c.name.startsWith('promotes IMAGE'))!;
    expect(judgeKitCheck(check, promoted)).toContain('the promotion worked but the script exited non-zero');
  });

  it('names a call the grader refused for its own limit, not the consequences', () => {
    const check = canary.checks.find((c) => c.name.startsWith('promotes IMAGE'))!;
    const refused = (id: string) => {
      const o = idle(canary, 1)(id);
      const unmodelled = 'an expression this grader does not support: -o jsonpath={..image} (recursive descent (..))';
      o.calls.push({ argv: ['kubectl', 'get', 'deployment', 'api', '-o', 'jsonpath={..image}'], reply: { code: 1, out: '', err: 'error: …\n', unmodelled } });
      return o;
    };
    expect(unmodelledRefusal(check, refused)).toBe(
      'kubectl refused an expression this grader does not support: -o jsonpath={..image} (recursive descent (..)). That is a limit of this grader, not a fault in the script, so what followed from it is not judged; the question lists what the fake tools support',
    );
    expect(unmodelledRefusal(check, idle(canary, 1))).toBeNull();
  });

  it('names the run each logging problem was found in', () => {
    expect(problems(spec('bash-kubectl-canary-promotion'), 'logs each step', 0)).toEqual([
      'in the run where both rollouts work, the script printed fewer than 2 lines of its own: log the canary and the main step',
      "in the run where api's rollout fails, no line the script printed itself said what failed (kubectl's own error does not count)",
    ]);
  });
});

describe('bash-safe-log-cleanup messages', () => {
  const cleanup = spec('bash-safe-log-cleanup');
  // Its listing assertions only: the others read the scratch tree, which an idle run has not got.
  const check = cleanup.checks.find((c) => c.scenario === 'dry-run')!;
  const dryRun = { ...check, expect: check.expect.filter((a) => a.kind === 'log-all' || a.kind === 'log-none') };
  const printing = (stdout: string) => (id: string) => ({ ...idle(cleanup, 0)(id), stdout });
  const listed = 'would delete logs/app-2026-11-01.log\nwould delete logs/old\\ report.log\nwould delete $\'logs/line\\nbreak.log\'\nwould delete logs/-rf.log\nwould delete logs/nested/worker.log.gz\nwould delete logs/space\\ dir/queue.log\nwould delete logs/big-recent.log';

  it('passes a dry run that lists exactly what would go, and lines that say a file stays', () => {
    expect(judgeKitCheck(dryRun, printing(listed))).toEqual([]);
    expect(judgeKitCheck(dryRun, printing(`${listed}\nkeeping logs/mid.log (recent)\nskipping symlink logs/archive`))).toEqual([]);
  });

  it('names what a dry run left out, and what it listed that a real run keeps', () => {
    expect(judgeKitCheck(dryRun, printing('would delete logs/big-recent.log\nwould delete logs/mid.log\nwould delete logs/archive/important.log'))).toEqual([
      'the dry run did not list every file the real run deletes (the six old logs, and big-recent.log for the size limit): no line of its own names app-2026-11-01.log, report.log, break.log, -rf.log, worker.log.gz, queue.log',
      'the dry run listed files the real run does not delete (mid.log, important.log, archive): files that stay, or files outside the log directory through the archive link; a dry run prints only what would go',
    ]);
  });
});

// A review: `docker exec web curl -f localhost/healthz` was "not a docker command" to the fake,
// so a good health check failed and was told so. Real docker runs it; the model does not.
describe('a docker command the grader does not model', () => {
  const cases = [
    { s: BASH_DEPLOY_SPEC, check: 'deploys', argv: ['docker', 'exec', 'myapp', 'curl', '-fsS', 'localhost:8080/healthz'] },
    { s: spec('bash-deploy-health-rollback'), check: 'deploys', argv: ['docker', 'container', 'exec', 'web', 'curl', '-fsS', 'localhost:8080/healthz'] },
  ];

  it.each(cases)('is named first in $s.name, as kubectl\'s refusals are, never listed as consequences', ({ s, check, argv }) => {
    const picked = s.checks.find((c) => c.name.startsWith(check))!;
    const refused = (id: string) => {
      const o = idle(s, 1)(id);
      o.calls.push({ argv, reply: answerKitCallAtOnce(o.world, argv, s.tools) });
      return o;
    };
    expect(judgeKitCheck(picked, refused)).not.toEqual([]);
    const name = argv[1] === 'container' ? 'docker container exec' : 'docker exec';
    expect(unmodelledRefusal(picked, refused)).toBe(
      `docker refused a command this grader does not support: ${name}. That is a limit of this grader, not a fault in the script, so what followed from it is not judged; the question lists what the fake tools support`,
    );
  });

  it('leaves a word docker does not have to be judged as the script\'s mistake', () => {
    const picked = BASH_DEPLOY_SPEC.checks.find((c) => c.name.startsWith('deploys'))!;
    const typo = (id: string) => {
      const o = idle(BASH_DEPLOY_SPEC, 1)(id);
      const argv = ['docker', 'exce', 'myapp', 'true'];
      o.calls.push({ argv, reply: answerKitCallAtOnce(o.world, argv, BASH_DEPLOY_SPEC.tools) });
      return o;
    };
    expect(typo('success').calls[0]!.reply.err).toContain("'exce' is not a docker command");
    expect(unmodelledRefusal(picked, typo)).toBeNull();
  });
});

describe('bash-nginx-blue-green-switch link checks', () => {
  const nginx = spec('bash-nginx-blue-green-switch');
  const linkCheck = { kind: 'link', path: 'nginx/conf.d/upstream.conf', target: '../upstreams/blue.conf', reason: 'not blue' } as const;
  const ending = (target: string, extra: [string, { kind: 'symlink' | 'file'; target?: string }][] = []) => {
    const o = idle(nginx, 1)(nginx.scenarios[0]!.id);
    const final = new Map<string, { kind: 'symlink' | 'file' | 'dir'; target?: string }>([
      ['nginx/upstreams/blue.conf', { kind: 'file' }],
      ['nginx/upstreams/green.conf', { kind: 'file' }],
      ['nginx/conf.d/upstream.conf', { kind: 'symlink', target }],
      ...extra,
    ]);
    o.world.tree = { built: [], final, cut: false };
    return o;
  };

  it('takes a link to the same file however it is spelled', () => {
    for (const target of ['../upstreams/blue.conf', '/work/nginx/upstreams/blue.conf', './../upstreams/./blue.conf', '../../../work/nginx/upstreams/blue.conf', '../current']) {
      expect(judgeKitAssertion(linkCheck, ending(target, [['nginx/current', { kind: 'symlink', target: 'upstreams/blue.conf' }]])), target).toBeNull();
    }
  });

  it('refuses a link elsewhere, out of /work, or in a loop', () => {
    for (const target of ['../upstreams/green.conf', '/etc/nginx/upstreams/blue.conf', '../../../nginx/upstreams/blue.conf', '../loop']) {
      expect(judgeKitAssertion(linkCheck, ending(target, [['nginx/loop', { kind: 'symlink', target: 'loop' }]])), target).toBe('not blue');
    }
  });
});
