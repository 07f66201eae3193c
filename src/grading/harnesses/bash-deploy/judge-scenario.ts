// Decides one scenario from what the harness observed: the script's exit code (from the runner),
// its output, and the logged calls replayed against the Node-side model.
import { replayCalls, type Call } from './replay-calls';
import { TARGET_IMAGE, type Scenario } from './scenarios';

export type ScenarioObservation = {
  exitCode: number | null;
  timedOut: boolean;
  output: string;
  calls: Call[];
};

export type ScenarioVerdict = { status: 'pass' | 'fail' | 'error'; message: string };

export function judgeScenario(scenario: Scenario, seen: ScenarioObservation, timeoutSeconds: number): ScenarioVerdict {
  if (seen.timedOut) {
    return { status: 'error', message: `timed out after ${timeoutSeconds} s: a deploy that hangs blocks every release behind it` };
  }
  const replay = replayCalls(seen.calls, scenario.inject, scenario.args[0] ?? TARGET_IMAGE);
  const exitedZero = seen.exitCode === 0;
  const problems: string[] = [];
  switch (scenario.kind) {
    case 'success':
    case 'clear-logs': {
      if (scenario.kind === 'clear-logs') {
        if (seen.output.trim().length === 0) problems.push('the script printed nothing: whoever runs it cannot tell what happened or where it stopped');
        break;
      }
      if (replay.firstPullOk === null) problems.push(`${TARGET_IMAGE} was never pulled: the new release never ships`);
      if (replay.firstStop === null) problems.push('myapp was never stopped or restarted: it keeps running the old image');
      if (replay.firstPullOk !== null && replay.firstStop !== null && replay.firstStop < replay.firstPullOk) {
        problems.push('myapp was stopped before the image was pulled: the outage lasts as long as the download');
      }
      if (!replay.activeAtEnd) problems.push('myapp was left stopped: an outage');
      if (!exitedZero) problems.push(`the script exited ${seen.exitCode} on a healthy deploy: the pipeline reports a failure that did not happen`);
      break;
    }
    case 'pull-fails':
    case 'image-missing': {
      const what = scenario.kind === 'pull-fails' ? 'pull failed' : 'the image was missing after a "successful" pull';
      if (replay.firstStop !== null) problems.push(`${what} but myapp was stopped: an outage`);
      if (exitedZero) problems.push(`${what} but the script exited 0: the failed deploy looks successful`);
      break;
    }
    case 'stop-fails':
      if (exitedZero) problems.push('systemctl stop failed but the script exited 0: the old version keeps running while the deploy reports success');
      break;
    case 'start-fails':
      if (exitedZero) problems.push('myapp failed to start but the script exited 0: the outage goes unnoticed');
      break;
    case 'no-argument':
      if (exitedZero) problems.push('without an image argument the script exited 0: a typo in the pipeline deploys nothing and reports success');
      if (replay.dockerCalls > 0) problems.push('without an image argument the script still called docker: it may pull or run the wrong image');
      if (!/usage/i.test(seen.output)) problems.push('no usage message: whoever runs it does not learn which argument is missing');
      break;
  }
  return problems.length === 0 ? { status: 'pass', message: '' } : { status: 'fail', message: problems.join('; ') };
}
