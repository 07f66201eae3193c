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

type DeployScenarioId = 'success' | 'other-tag' | 'pull-fails' | 'no-image' | 'stop-fails' | 'start-fails' | 'no-argument';
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

const OTHER_IMAGE = 'registry.example.com/team/myapp:1.5.0';
const deploying = (image: string) => [`docker pull ${image}`, `docker image inspect ${image}`, 'systemctl stop myapp', 'systemctl start myapp'];
const correct = deploying(NEW_IMAGE);
// The run given another tag, when a test does not play it: deployed as it should be.
const check = (prefix: string) => {
  const found = BASH_DEPLOY_SPEC.checks.find((c) => c.name.startsWith(prefix))!;
  const played = (runs: Partial<Record<DeployScenarioId, Observation>>, id: string) => runs[id as DeployScenarioId] ?? (id === 'other-tag' ? observe('other-tag', deploying(OTHER_IMAGE)) : undefined)!;
  return { judge: (runs: Partial<Record<DeployScenarioId, Observation>>) => judgeKitCheck(found, (id) => played(runs, id)) };
};
const runs = (overrides: Partial<Record<DeployScenarioId, Observation>>) => overrides;

describe('bash-deploy checks', () => {
  it('passes a correct deploy and explains a stop before the pull as an outage', () => {
    expect(check('deploys').judge(runs({ success: observe('success', correct) }))).toEqual([]);
    const early = observe('success', ['systemctl stop myapp', `docker pull ${NEW_IMAGE}`, 'systemctl start myapp']);
    expect(check('deploys').judge(runs({ success: early })).join()).toContain('stopped before the image was pulled');
  });

  // A review: a script that deployed a fixed image (the prompt's example) whatever it was given
  // scored 100, as every run gave it that image.
  it('fails a deploy that ignores its argument, in the run given another tag', () => {
    const fixed = observe('other-tag', correct);
    expect(check('deploys').judge(runs({ success: observe('success', correct), 'other-tag': fixed }))).toEqual([
      `in the run given ${OTHER_IMAGE}, the script never pulled it: deploy the IMAGE:TAG given as the first argument, not a fixed one`,
    ]);
    expect(check('deploys').judge(runs({ success: observe('success', correct), 'other-tag': observe('other-tag', deploying(OTHER_IMAGE)) }))).toEqual([]);
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

  // The starter script runs nothing and exits 0: a step it never took is "never ran", not a step
  // that failed ("the pull failed but the script exited 0"), and the image is named, not "IMAGE".
  it('tells a script that does nothing only what it never did', () => {
    const idle = (id: DeployScenarioId) => observe(id, []);
    const all: Partial<Record<DeployScenarioId, Observation>> = Object.fromEntries(BASH_DEPLOY_SPEC.scenarios.map((s) => [s.id, idle(s.id as DeployScenarioId)]));
    expect(check('deploys').judge(all)).toEqual([
      `the script never ran docker pull ${NEW_IMAGE}: the new release was not fetched`,
      'myapp was never stopped or restarted with systemctl',
      'myapp still runs registry.example.com/team/myapp:1.4.1 at the end: it was never restarted on the new image',
    ]);
    // Nor, exiting 1 without deploying, that "the deploy worked".
    expect(check('deploys').judge({ ...all, success: { ...idle('success'), exitCode: 1 } })).toHaveLength(3);
    expect(check('when the pull fails').judge(all)).toEqual([`the script never ran docker pull ${NEW_IMAGE}`]);
    expect(check('when the image is missing').judge(all)).toEqual([`the script never ran docker pull ${NEW_IMAGE}`]);
    expect(check('when myapp cannot be stopped').judge(all)).toEqual(['the script never tried to stop myapp']);
    expect(check('when myapp fails to start').judge(all)).toEqual(['the script never started myapp again']);
  });

  it('says a step failed only when the script took it, and that the deploy worked only when it did', () => {
    const failing = { ...observe('success', correct), exitCode: 1 };
    expect(check('deploys').judge(runs({ success: failing }))).toEqual(['the deploy worked but the script exited 1: the pipeline reports a failure that did not happen']);
    const ignoring = observe('pull-fails', [`docker pull ${NEW_IMAGE}`], { exitOnFailure: false });
    expect(check('when the pull fails').judge(runs({ 'pull-fails': ignoring }))).toEqual(['the pull failed but the script exited 0: a failed deploy looks successful']);
    const unchecked = observe('no-image', [`docker pull ${NEW_IMAGE}`]);
    expect(check('when the image is missing').judge(runs({ 'no-image': unchecked }))).toEqual([
      'docker pull exited 0 but the image was missing, and the script exited 0: verify the image (docker image inspect, docker images -q)',
    ]);
    const stopIgnored = observe('stop-fails', [`docker pull ${NEW_IMAGE}`, 'systemctl stop myapp'], { exitOnFailure: false });
    expect(check('when myapp cannot be stopped').judge(runs({ 'stop-fails': stopIgnored }))).toEqual([
      'stopping myapp failed but the script exited 0: the old version keeps running while the deploy reports success',
    ]);
  });

  // The test shows the output of the run where every step works; the logging check also reads the
  // run where the pull fails, so its message says which run it means.
  it('names the run a logging problem was found in', () => {
    const silent = observe('success', correct);
    const problems = check('logs').judge(runs({ success: silent, 'pull-fails': observe('pull-fails', correct, { stdout: '[INFO] pulling\n' }) }));
    expect(problems).toEqual([
      'in the run where every step works, the script printed fewer than 3 lines of its own: log each step (pull, stop, start) so whoever runs it can follow',
      'in the run where docker pull fails, no line the script printed itself said what failed (docker\'s own error does not count): print an error that names the failed step',
    ]);
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
