// The bash-deploy verdicts from observations: order of calls, exit codes and the model's final
// state decide; text the script prints does not (except for the logging test). The checks are
// the Bash world kit spec's (bash-kit/questions/bash-deploy.json), judged as the harness does.
import { describe, expect, it } from 'vitest';
import { BASH_DEPLOY_SPEC } from '@/grading/harnesses/bash-deploy/bash-deploy-harness';
import { NEW_IMAGE } from '@/grading/harnesses/bash-deploy/deploy-world';
import type { ScenarioObservation } from '@/grading/harnesses/bash-deploy/relay-session';
import { answerKitCallAtOnce } from '../../../support/answer-kit-call-at-once';
import { scenarioWorld } from '@/grading/harnesses/bash-kit/create-bash-kit-harness';
import { judgeKitCheck } from '@/grading/harnesses/bash-kit/judge-kit-assertion';
import { createKitWorld, type KitWorld } from '@/grading/harnesses/bash-kit/kit-world';

type DeployScenarioId = 'success' | 'pull-fails' | 'no-image' | 'stop-fails' | 'start-fails' | 'no-argument';
type Observation = ScenarioObservation<KitWorld>;

// Plays a script as a list of calls (stopping at the first failure, like set -e) against a
// scenario's world.
function observe(id: DeployScenarioId, lines: string[], { exitOnFailure = true, stdout = '' } = {}): Observation {
  const world = createKitWorld(scenarioWorld(BASH_DEPLOY_SPEC, BASH_DEPLOY_SPEC.scenarios.find((s) => s.id === id)!.world));
  const calls = [];
  let exitCode = 0;
  for (const line of lines) {
    const argv = line.split(' ');
    const reply = answerKitCallAtOnce(world, argv, BASH_DEPLOY_SPEC.tools);
    calls.push({ argv, reply });
    if (reply.code !== 0 && exitOnFailure) {
      exitCode = 1;
      break;
    }
  }
  return { status: 'ended', exitCode, signal: null, timedOut: false, stdout, stderr: '', outputTruncated: false, calls, failure: null, world };
}

const check = (prefix: string) => {
  const found = BASH_DEPLOY_SPEC.checks.find((c) => c.name.startsWith(prefix))!;
  return { judge: (runs: Partial<Record<DeployScenarioId, Observation>>) => judgeKitCheck(found, (id) => runs[id as DeployScenarioId]!) };
};
const runs = (overrides: Partial<Record<DeployScenarioId, Observation>>) => overrides;
const correct = [`docker pull ${NEW_IMAGE}`, `docker image inspect ${NEW_IMAGE}`, 'systemctl stop myapp', 'systemctl start myapp'];

describe('bash-deploy checks', () => {
  it('passes a correct deploy and explains a stop before the pull as an outage', () => {
    expect(check('deploys').judge(runs({ success: observe('success', correct) }))).toEqual([]);
    const early = observe('success', ['systemctl stop myapp', `docker pull ${NEW_IMAGE}`, 'systemctl start myapp']);
    expect(check('deploys').judge(runs({ success: early })).join()).toContain('stopped before the image was pulled');
  });

  it('sees that a deploy which never restarted myapp left the old image running', () => {
    const problems = check('deploys').judge(runs({ success: observe('success', [`docker pull ${NEW_IMAGE}`]) }));
    expect(problems.join()).toContain('still runs registry.example.com/team/myapp:1.4.1');
  });

  it('fails a script that stops myapp after a failed pull, however it exits', () => {
    const ignoring = observe('pull-fails', [`docker pull ${NEW_IMAGE}`, 'systemctl stop myapp', 'systemctl start myapp'], { exitOnFailure: false });
    ignoring.exitCode = 1;
    expect(check('when the pull fails').judge(runs({ 'pull-fails': ignoring }))).toEqual(['the pull failed but myapp was stopped: an outage']);
    expect(check('when the pull fails').judge(runs({ 'pull-fails': observe('pull-fails', correct) }))).toEqual([]);
  });

  it('does not let "exit 1" alone pass a failure scenario: the step has to be attempted', () => {
    const quitter = { ...observe('stop-fails', []), exitCode: 1 };
    expect(check('when myapp cannot be stopped').judge(runs({ 'stop-fails': quitter }))).toEqual(['the script never tried to stop myapp']);
  });

  it('counts only the script\'s own lines as logs, not what docker printed for it', () => {
    const quiet = observe('success', correct);
    quiet.stdout = quiet.calls.map((c) => c.reply.out).join('');
    const pullFails = { ...observe('pull-fails', correct), stderr: 'ERROR: pull failed\n' };
    expect(check('logs').judge(runs({ success: quiet, 'pull-fails': pullFails })).join()).toContain('fewer than 3 lines of its own');
    const chatty = { ...quiet, stdout: `${quiet.stdout}pulling\nstopping\nstarting\n` };
    expect(check('logs').judge(runs({ success: chatty, 'pull-fails': pullFails }))).toEqual([]);
  });
});
