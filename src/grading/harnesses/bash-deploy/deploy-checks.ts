// The bash-deploy tests and how each is decided: from the exit status the runner saw, the calls
// the grader answered (in order), and the state of the grader's own model of the host. Each
// failure message names the production consequence.
import { CURRENT_IMAGE, NEW_IMAGE } from './deploy-world';
import type { DeployScenarioId } from './deploy-scenarios';
import { firstIndex, isMyappVerb, isPullOfNewImage, myappUntouched, ownLines, runsNewImage, STARTS, STOPS } from './call-facts';
import type { ScenarioObservation } from './relay-session';

export type DeployCheck = {
  name: string;
  // The run whose output and calls the test shows.
  scenario: DeployScenarioId;
  // Problems found; none means the test passes.
  judge: (runs: Record<DeployScenarioId, ScenarioObservation>) => string[];
};

const pulled = (o: ScenarioObservation) => firstIndex(o.calls, isPullOfNewImage) >= 0;
const stopped = (o: ScenarioObservation) => firstIndex(o.calls, (c) => isMyappVerb(c, STOPS)) >= 0;
const exitedZero = (o: ScenarioObservation) => o.exitCode === 0;

export const DEPLOY_CHECKS: DeployCheck[] = [
  {
    name: 'deploys IMAGE:TAG: pulls it, stops myapp, replaces it and starts it again',
    scenario: 'success',
    judge: ({ success: o }) => {
      const problems: string[] = [];
      const pull = firstIndex(o.calls, isPullOfNewImage);
      const stop = firstIndex(o.calls, (c) => isMyappVerb(c, STOPS));
      if (pull < 0) problems.push(`the script never ran docker pull ${NEW_IMAGE}: the new release was not fetched`);
      if (stop >= 0 && (pull < 0 || stop < pull)) problems.push('myapp was stopped before the image was pulled: the outage lasts the whole download, and a failed pull leaves it down');
      if (stop < 0) problems.push('myapp was never stopped or restarted with systemctl');
      if (!runsNewImage(o)) {
        problems.push(
          o.world.units.get('myapp.service') !== 'active'
            ? 'myapp is not running at the end: an outage'
            : `myapp still runs ${CURRENT_IMAGE}: the service was not restarted after the pull`,
        );
      }
      if (!exitedZero(o)) problems.push(`the deploy worked but the script exited ${o.exitCode ?? o.signal}: the pipeline reports a failure that did not happen`);
      return problems;
    },
  },
  {
    name: 'when the pull fails: exits non-zero and leaves myapp running',
    scenario: 'pull-fails',
    judge: ({ 'pull-fails': o }) => [
      ...(pulled(o) ? [] : ['the script never ran docker pull IMAGE']),
      ...(stopped(o) || !myappUntouched(o) ? ['the pull failed but myapp was stopped: an outage'] : []),
      ...(exitedZero(o) ? ['the pull failed but the script exited 0: a failed deploy looks successful'] : []),
    ],
  },
  {
    name: 'when the image is missing after a "successful" pull: notices, exits non-zero, leaves myapp running',
    scenario: 'no-image',
    judge: ({ 'no-image': o }) => [
      ...(pulled(o) ? [] : ['the script never ran docker pull IMAGE']),
      ...(stopped(o) || !myappUntouched(o) ? ['the image was not there after the pull, yet myapp was stopped: an outage with nothing to start'] : []),
      ...(exitedZero(o) ? ['docker pull exited 0 but the image was missing, and the script exited 0: verify the image (docker image inspect, docker images -q)'] : []),
    ],
  },
  {
    name: 'when myapp cannot be stopped: exits non-zero',
    scenario: 'stop-fails',
    judge: ({ 'stop-fails': o }) => [
      ...(stopped(o) ? [] : ['the script never tried to stop myapp']),
      ...(exitedZero(o) ? ['stopping myapp failed but the script exited 0: the old version keeps running while the deploy reports success'] : []),
    ],
  },
  {
    name: 'when myapp fails to start: exits non-zero',
    scenario: 'start-fails',
    judge: ({ 'start-fails': o }) => [
      ...(firstIndex(o.calls, (c) => isMyappVerb(c, STARTS)) >= 0 ? [] : ['the script never started myapp again']),
      ...(exitedZero(o) ? ['myapp failed to start but the script exited 0: the service is down and the deploy looks green'] : []),
    ],
  },
  {
    name: 'without an argument: prints usage, exits non-zero, touches nothing',
    scenario: 'no-argument',
    judge: ({ 'no-argument': o }) => [
      ...(exitedZero(o) ? ['without an image the script exited 0: a broken pipeline variable deploys nothing and reports success'] : []),
      ...(o.calls.length > 0 ? ['without an image the script still called docker or systemctl: it acted on an empty image name'] : []),
      ...(/usage|argument|required|missing|image/i.test(`${o.stdout}\n${o.stderr}`) ? [] : ['no usage message: say what is expected, e.g. "Usage: deploy.sh IMAGE:TAG"']),
    ],
  },
  {
    name: 'logs each step and says clearly what failed',
    scenario: 'success',
    judge: ({ success, 'pull-fails': pullFails }) => [
      ...(ownLines(success).length >= 3 ? [] : ['a successful deploy printed fewer than 3 lines of its own: log each step (pull, stop, start) so whoever runs it can follow']),
      ...(ownLines(pullFails).some((line) => /fail|error|could ?n.?t|unable|cannot|abort/i.test(line))
        ? []
        : ['when the pull failed the script did not say so: print an error that names the failed step']),
    ],
  },
];
