// Questions asked of a recorded call list: which docker verb a call names, and which output
// lines were the script's own (not the fakes').
import type { ScenarioObservation } from './relay-session';

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
