// The grader's end of one scenario's jail: every connection on the jail's channel is one relayed
// docker/systemctl call (or, for the Bash world kit, any fake tool). It is answered from the scenario's own world (the only state that
// counts) and recorded in order. Everything here touches candidate data, so it is bounded and
// guarded: calls per scenario and per run, bytes per call and per reply; a flood ends the
// scenario with a message, and an exception answering a call fails the scenario, never the worker.
import type { Duplex } from 'node:stream';
import { reply, type ToolReply } from '../tool-reply';
import { capText } from './cap-text';
import type { DeployWorld } from './deploy-world';
import { handleToolCall } from './handle-tool-call';
import { createCallRequestReader } from './read-call-request';
import { errorMessage } from '@/lib/error-message';

// A deploy makes about ten calls; a polling loop a few dozen. Each call costs a connection and the
// grader's work answering it (a process too, where it goes through a Perl fake), so these also
// bound how much CPU a flood can take from gradings running beside it.
export const MAX_CALLS_PER_SCENARIO = 40;
export const MAX_CALLS_PER_RUN = 96;
export const MAX_REPLY_OUT_BYTES = 48 * 1024;
export const MAX_REPLY_ERR_BYTES = 8 * 1024;
// How long a call the real tool would never answer (ToolReply.hangs) is held before the grader
// ends the scenario with the reason: long enough for a `timeout 1 curl …` wrapper to end it
// first, as it would the real one, and well inside the scenario's own time limit, so the
// candidate reads what hung rather than a bare timeout.
export const HUNG_CALL_HOLD_MS = 2_000;

// `hung`: the call was never answered; 'gave-up' when its caller stopped waiting (a `timeout`
// wrapper killed it) before the grader ended the run.
export type RecordedCall = { argv: string[]; reply: ToolReply; requestTruncated?: boolean; hung?: 'waiting' | 'gave-up' };

// Calls left for the whole run, shared by its scenarios.
export type CallBudget = { left: number };
export const createCallBudget = (calls = MAX_CALLS_PER_RUN): CallBudget => ({ left: calls });

export type ScenarioObservation<W = DeployWorld> = {
  status: 'ended' | 'unfinished';
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  // When timedOut: how long the script was given (more than the plain limit when the limit
  // stretched on a busy host), for the message the candidate reads.
  timeLimitMs?: number;
  stdout: string;
  stderr: string;
  outputTruncated: boolean;
  calls: RecordedCall[];
  // Why the grader ended the scenario itself (a flood of calls, a call it could not answer).
  failure: string | null;
  world: W;
};

// How a session answers and bounds calls. bash-deploy uses the defaults; the Bash world kit
// (../bash-kit) passes its own world's dispatcher, caps and the tools it names in messages.
export type RelayOptions<W> = {
  // A promise when the answer needs the jail's supervisor (a configuration test that reads the
  // scratch tree); the call keeps its place in the record meanwhile.
  answerCall: (world: W, argv: string[]) => ToolReply | Promise<ToolReply>;
  maxCallsPerScenario?: number;
  maxCallsPerRun?: number;
  tools?: string;
  model?: string;
  // Why a flood of calls matters, after the limit in the message.
  floodConsequence?: string;
};

// The reply as the script gets it, and as it is recorded: a fake can answer a short request at
// length (docker inspect of one name 4,000 times is 2 MB of JSON), and what is kept for the
// judge (its output lines are told apart from the script's) is what was sent, not more.
const capReply = (answer: ToolReply): ToolReply => ({ ...answer, out: capText(answer.out, MAX_REPLY_OUT_BYTES), err: capText(answer.err, MAX_REPLY_ERR_BYTES) });

function encodeReply(answer: ToolReply) {
  const out = Buffer.from(answer.out, 'utf8');
  const err = Buffer.from(answer.err, 'utf8');
  return Buffer.concat([Buffer.from(`${answer.code} ${out.length} ${err.length}\n`), out, err]);
}

// A call the grader holds unanswered: the socket stays open until the caller goes away or the
// grader ends the run.
const HUNG = Symbol('hung');
type Hung = { [HUNG]: true; call: RecordedCall; reason: string };
const isHung = (value: unknown): value is Hung => typeof value === 'object' && value !== null && HUNG in value;

export function createRelaySession<W = DeployWorld>(world: W, budget: CallBudget, stop: () => void, options?: RelayOptions<W>) {
  const answerCall = options?.answerCall ?? (handleToolCall as unknown as RelayOptions<W>['answerCall']);
  const maxCalls = options?.maxCallsPerScenario ?? MAX_CALLS_PER_SCENARIO;
  const maxRunCalls = options?.maxCallsPerRun ?? MAX_CALLS_PER_RUN;
  const tools = options?.tools ?? 'docker/systemctl';
  const model = options?.model ?? 'docker and systemd';
  const floodConsequence = options?.floodConsequence ?? 'a deploy that keeps calling the daemon never finishes';
  const observation: ScenarioObservation<W> = {
    status: 'unfinished',
    exitCode: null,
    signal: null,
    timedOut: false,
    stdout: '',
    stderr: '',
    outputTruncated: false,
    calls: [],
    failure: null,
    world,
  };
  const fail = (message: string) => {
    observation.failure ??= message;
    stop();
  };

  // Holds a call that never answers; the run ends with its reason unless the caller goes first.
  function hold(socket: Duplex, { call, reason }: Hung) {
    const timer = setTimeout(() => {
      if (call.hung === 'waiting') fail(reason);
    }, HUNG_CALL_HOLD_MS);
    timer.unref?.();
    socket.once('close', () => {
      clearTimeout(timer);
      if (call.hung === 'waiting' && !observation.failure) call.hung = 'gave-up';
    });
  }

  const unanswerable = (error: unknown) => {
    fail(`the grader's model of ${model} could not answer a call: ${errorMessage(error)}`);
    return reply(125, '', 'rehearse: the grader could not answer this call\n');
  };

  function answer(argv: string[], requestTruncated: boolean): ToolReply | Promise<ToolReply> | Hung {
    if (observation.failure) return reply(125, '', 'rehearse: this run was ended by the grader\n');
    if (observation.calls.length >= maxCalls || budget.left <= 0) {
      const limit = observation.calls.length >= maxCalls ? `${maxCalls} in this run` : `${maxRunCalls} across all runs`;
      fail(`stopped: the script made more ${tools} calls than the grader answers (${limit}); ${floodConsequence}`);
      return reply(125, '', `rehearse: too many ${tools} calls\n`);
    }
    budget.left--;
    // Recorded in the order the calls came; an answer still pending when the run ends says so.
    const recorded: RecordedCall = { argv, reply: reply(125, '', 'rehearse: the run ended before this call was answered\n'), requestTruncated };
    observation.calls.push(recorded);
    const settle = (result: ToolReply) => (recorded.reply = result);
    try {
      if (requestTruncated) return settle(reply(126, '', `${argv[0] ?? 'docker'}: argument list too long\n`));
      const result = answerCall(world, argv);
      if (result instanceof Promise) return result.then(capReply, unanswerable).then(settle);
      if (result.hangs !== undefined) {
        recorded.hung = 'waiting';
        recorded.reply = reply(124);
        return { [HUNG]: true, call: recorded, reason: result.hangs };
      }
      return settle(capReply(result));
    } catch (error) {
      return settle(unanswerable(error));
    }
  }

  function accept(socket: Duplex) {
    const reader = createCallRequestReader();
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      try {
        const request = reader.push(chunk);
        if (request === 'more') return;
        if (request === 'invalid') {
          socket.destroy();
          return;
        }
        // Closed once the answer is out: an over-long request is not read to its end.
        const send = (result: ToolReply) => socket.end(encodeReply(result), () => socket.destroy());
        const result = answer(request.argv, request.truncated);
        if (isHung(result)) hold(socket, result);
        else if (result instanceof Promise) void result.then(send);
        else send(result);
      } catch (error) {
        socket.destroy();
        fail(`the grader could not read a call: ${errorMessage(error)}`);
      }
    });
  }

  return { accept, observation };
}
