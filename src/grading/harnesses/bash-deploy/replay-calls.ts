// Replays the calls the fakes logged against a model of docker + systemd kept on the Node side,
// so the verdict never depends on a state file the candidate's script could have edited. Only
// what matters for a verdict is modelled: whether the target image is present and whether myapp
// was stopped and is running.
import type { Injection } from './scenarios';

export type Call = { tool: 'docker' | 'systemctl'; args: string[] };

export type Replay = {
  // Index of the first call that put the target image in place (a successful pull or tag).
  firstPullOk: number | null;
  // Index of the first call that actually stopped myapp (stop, or a restart's stop half).
  firstStop: number | null;
  activeAtEnd: boolean;
  dockerCalls: number;
};

const normalize = (ref: string) => (ref.includes(':') && !ref.endsWith(']') && /:[^/]+$/.test(ref) ? ref : `${ref}:latest`);

function positional(args: string[]): string[] {
  return args.filter((arg) => !arg.startsWith('-'));
}

export function replayCalls(calls: Call[], inject: Injection[], image: string): Replay {
  const has = (flag: Injection) => inject.includes(flag);
  const target = normalize(image);
  let active = true;
  let firstPullOk: number | null = null;
  let firstStop: number | null = null;
  let dockerCalls = 0;
  calls.forEach((call, index) => {
    if (call.tool === 'docker') {
      dockerCalls++;
      const words = positional(call.args);
      let verb = words[0];
      if ((verb === 'image' || verb === 'container') && words[1]) verb = words[1];
      if (verb === 'pull') {
        const ref = words[verb === words[0] ? 1 : 2];
        if (ref && normalize(ref) === target && !has('pull_fail') && !has('pull_noop') && firstPullOk === null) firstPullOk = index;
      }
      return;
    }
    const words = positional(call.args);
    const verb = words[0];
    const unit = (words[1] ?? '').replace(/\.service$/, '');
    if (unit !== 'myapp') return;
    if (verb === 'stop') {
      if (has('stop_fail')) return;
      active = false;
      firstStop ??= index;
    } else if (verb === 'start') {
      active = !has('start_fail');
    } else if (verb === 'restart' || verb === 'try-restart' || verb === 'reload-or-restart') {
      if (has('stop_fail')) return;
      firstStop ??= index;
      active = !has('start_fail');
    }
  });
  return { firstPullOk, firstStop, activeAtEnd: active, dockerCalls };
}
