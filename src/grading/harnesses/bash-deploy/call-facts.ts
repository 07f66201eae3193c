// Questions the checks ask of a recorded call list: which calls pulled the new image, which ones
// stopped or started myapp, and which output lines were the script's own (not the fakes').
import { CONTAINER, findContainer, NEW_IMAGE, normalizeRef, SERVICE } from './deploy-world';
import { parseCliArgs } from './parse-cli-args';
import type { RecordedCall, ScenarioObservation } from './relay-session';

const GLOBAL_VALUE_OPTIONS = new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level']);

export function dockerVerb(argv: string[]) {
  let i = 1;
  while (i < argv.length && argv[i]!.startsWith('-')) i += GLOBAL_VALUE_OPTIONS.has(argv[i]!) ? 2 : 1;
  let verb = argv[i];
  let rest = argv.slice(i + 1);
  if ((verb === 'image' || verb === 'container') && rest[0]) {
    verb = rest[0];
    rest = rest.slice(1);
  }
  return { verb, rest };
}

export function isPullOfNewImage(call: RecordedCall) {
  if (call.argv[0] !== 'docker') return false;
  const { verb, rest } = dockerVerb(call.argv);
  const ref = parseCliArgs(rest, new Set(['--platform'])).positionals[0];
  return verb === 'pull' && ref !== undefined && normalizeRef(ref) === NEW_IMAGE;
}

export function isMyappVerb(call: RecordedCall, verbs: string[]) {
  if (call.argv[0] !== 'systemctl') return false;
  const [verb, ...units] = parseCliArgs(call.argv.slice(1), new Set(['-p', '--property', '-t', '--type', '-H', '--host'])).positionals;
  return verb !== undefined && verbs.includes(verb) && units.some((unit) => unit === 'myapp' || unit === SERVICE);
}

export const STOPS = ['stop', 'restart', 'try-restart', 'reload-or-restart'];
export const STARTS = ['start', 'restart', 'try-restart', 'reload-or-restart'];

export const firstIndex = (calls: RecordedCall[], test: (call: RecordedCall) => boolean) => calls.findIndex(test);

// Running the new image under an active unit: the state a successful deploy leaves behind.
export function runsNewImage(observation: ScenarioObservation) {
  const container = findContainer(observation.world, CONTAINER);
  return observation.world.units.get(SERVICE) === 'active' && container?.running === true && container.imageRef === NEW_IMAGE;
}

// Untouched: the unit still active and the original container still running.
export function myappUntouched(observation: ScenarioObservation) {
  const container = findContainer(observation.world, CONTAINER);
  return observation.world.units.get(SERVICE) === 'active' && container?.running === true && container.id === observation.world.initialContainerId;
}

// The script's own lines: its output minus what the fake tools printed on its behalf.
export function ownLines(observation: Pick<ScenarioObservation<unknown>, 'calls' | 'stdout' | 'stderr'>) {
  const fromTools = new Map<string, number>();
  for (const call of observation.calls) {
    for (const line of `${call.reply.out}${call.reply.err}`.split('\n')) fromTools.set(line.trim(), (fromTools.get(line.trim()) ?? 0) + 1);
  }
  const own: string[] = [];
  for (const raw of `${observation.stdout}\n${observation.stderr}`.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const left = fromTools.get(line) ?? 0;
    if (left > 0) fromTools.set(line, left - 1);
    else own.push(line);
  }
  return own;
}
