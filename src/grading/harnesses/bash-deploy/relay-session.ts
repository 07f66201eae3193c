// The grader's end of the Bash runner's channel: answers each relayed docker/systemctl call from
// the scenario's world (so the model is the only state that counts) and records what the runner
// saw of each scenario: exit status, output, and every call with its answer, in order.
import type { Duplex } from 'node:stream';
import { readJsonLines } from '../read-json-lines';
import type { ToolReply } from '../tool-reply';
import type { DeployWorld } from './deploy-world';
import { handleToolCall } from './handle-tool-call';

// Enough for any sensible script; a polling loop past it is still answered, just not listed.
export const MAX_RECORDED_CALLS = 200;

export type RecordedCall = { argv: string[]; reply: ToolReply };

export type ScenarioObservation = {
  status: 'ended' | 'skipped' | 'unfinished';
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  outputTruncated: boolean;
  calls: RecordedCall[];
  callsDropped: number;
  world: DeployWorld;
};

export type RelayOutcome = {
  hello: boolean;
  syntaxError: string | null;
  done: boolean;
  protocolError: string | null;
  observations: ScenarioObservation[];
};

const str = (value: unknown) => (typeof value === 'string' ? value : '');

export function createRelaySession(worlds: DeployWorld[]) {
  const outcome: RelayOutcome = {
    hello: false,
    syntaxError: null,
    done: false,
    protocolError: null,
    observations: worlds.map((world) => ({
      status: 'unfinished',
      exitCode: null,
      signal: null,
      timedOut: false,
      stdout: '',
      stderr: '',
      outputTruncated: false,
      calls: [],
      callsDropped: 0,
      world,
    })),
  };
  let current = -1;
  const fail = (problem: string) => (outcome.protocolError ??= problem);

  function onMessage(message: Record<string, unknown>, socket: Duplex) {
    const index = typeof message.s === 'number' ? message.s : -1;
    const observation = outcome.observations[index];
    switch (message.t) {
      case 'hello':
        outcome.hello = true;
        return;
      case 'syntax':
        outcome.syntaxError = str(message.message);
        return;
      case 'start':
        if (!observation) return fail(`start of unknown scenario ${index}`);
        current = index;
        return;
      case 'call': {
        if (!observation || index !== current || !Array.isArray(message.argv)) return fail('call outside its scenario');
        const argv = message.argv.map(String);
        const reply = handleToolCall(observation.world, argv);
        if (observation.calls.length < MAX_RECORDED_CALLS) observation.calls.push({ argv, reply });
        else observation.callsDropped++;
        socket.write(`${JSON.stringify({ id: message.id, ...reply })}\n`);
        return;
      }
      case 'end':
        if (!observation || index !== current) return fail(`end of scenario ${index} that was not running`);
        Object.assign(observation, {
          status: 'ended',
          exitCode: typeof message.exitCode === 'number' ? message.exitCode : null,
          signal: typeof message.signal === 'string' ? message.signal : null,
          timedOut: message.timedOut === true,
          stdout: str(message.stdout),
          stderr: str(message.stderr),
          outputTruncated: message.stdoutTruncated === true || message.stderrTruncated === true,
        });
        current = -1;
        return;
      case 'skipped':
        if (observation) observation.status = 'skipped';
        return;
      case 'done':
        outcome.done = true;
        return;
      default:
        fail(`unknown message ${JSON.stringify(message.t)}`);
    }
  }

  return {
    connect(socket: Duplex) {
      readJsonLines(socket, (message) => onMessage(message, socket), fail);
    },
    outcome: () => outcome,
  };
}
