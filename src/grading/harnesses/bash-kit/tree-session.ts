// The grader's end of a scratch-tree jail's channel. The first connection is the supervisor's
// (it connects before the script exists): it is sent the tree to build and the script's
// arguments, and its one report (exit status, what is left in /work) is read, checked and bounded
// here. Every later connection is a fake tool's call, handed to the relay session. The wire format
// is described in tree-supervisor-source.ts.
import type { Duplex } from 'node:stream';
import type { KitWorld, TreeComparison, TreeEntryKind } from './kit-world';
import type { WorldSpec } from './world-spec';

// Seconds the supervisor gives the script; the jail's wall time is longer, so the report still comes.
export const TREE_SCRIPT_SECONDS = 3;
const MAX_REPORT_BYTES = 4 << 20;
// The supervisor's MAX_ENTRIES: past it the walk stops and says it was cut.
export const MAX_TREE_ENTRIES = 2000;
const KINDS = new Set<TreeEntryKind>(['file', 'dir', 'symlink', 'other']);
const decoder = new TextDecoder('utf-8');

// `givenMs`: when timed out, how long the supervisor gave the script (stretched on a busy host).
// `starved`: its timer ran out at its cap while the host kept the script off the CPU; not a
// timeout, and nothing about the script (the grader makes it an infra error: graded again).
export type TreeReport = { exitCode: number | null; timedOut: boolean; givenMs: number | null; starved?: true };

const hex = (text: string) => `x${Buffer.from(text, 'utf8').toString('hex')}`;

function unhex(field: string | undefined): string | undefined | null {
  if (field === '-') return undefined;
  if (!field?.startsWith('x') || field.length % 2 !== 1 || !/^x[0-9a-f]*$/.test(field)) return null;
  return decoder.decode(Buffer.from(field.slice(1), 'hex'));
}

// `stretch`: how far the supervisor may extend the script's time while the host is short of CPU
// (the jail's wall limit stretches by the same factor, so the report still comes).
export function encodeTreeSetup(tree: NonNullable<WorldSpec['tree']>, args: string[], stretch = 1) {
  const lines = [`S ${TREE_SCRIPT_SECONDS} ${TREE_SCRIPT_SECONDS * stretch}${args.map((arg) => ` ${hex(arg)}`).join('')}`];
  for (const e of tree) {
    const extra = e.kind === 'symlink' ? e.target : e.content;
    lines.push(`E ${e.kind} ${e.bytes} ${Math.round(e.ageDays * 86400)} ${hex(e.path)} ${extra === undefined ? '-' : hex(extra)}`);
  }
  return `${lines.join('\n')}\n.\n`;
}

// The report's lines, or null when they are not what the supervisor writes.
export function parseTreeReport(text: string): { report: TreeReport; cut: boolean; entries: Map<string, { kind: TreeEntryKind; target?: string }> } | null {
  const lines = text.split('\n');
  const head = lines[0]?.split(' ');
  if (!head || head.length !== 4 || head[0] !== 'R' || lines[lines.length - 2] !== '.') return null;
  const exitCode = head[1] === '-' ? null : /^\d{1,3}$/.test(head[1]!) ? Number(head[1]) : NaN;
  if (Number.isNaN(exitCode)) return null;
  // TIMED_OUT "starved": the script was stopped, so it has no exit status.
  const starved = head[2] === 'starved';
  if (starved && exitCode !== null) return null;
  // TIMED_OUT: 0, or the seconds the script was given (to the hundredth).
  const given = head[2] === '0' || starved ? null : /^\d{1,3}\.\d{2}$/.test(head[2]!) ? Math.round(Number(head[2]) * 1000) : NaN;
  if (Number.isNaN(given)) return null;
  const entries = new Map<string, { kind: TreeEntryKind; target?: string }>();
  for (const line of lines.slice(1, -2)) {
    const [tag, kind, path, target] = line.split(' ');
    const name = unhex(path);
    const link = unhex(target);
    if (tag !== 'F' || !KINDS.has(kind as TreeEntryKind) || typeof name !== 'string' || link === null || entries.size >= MAX_TREE_ENTRIES) return null;
    entries.set(name, { kind: kind as TreeEntryKind, ...(link === undefined ? {} : { target: link }) });
  }
  return { report: { exitCode, timedOut: given !== null, givenMs: given, ...(starved ? { starved: true as const } : {}) }, cut: head[3] === '1', entries };
}

// The text a tree file was built with (at most 4,096 characters: the spec requires a content).
function builtText(tree: NonNullable<WorldSpec['tree']>, path: string) {
  const content = tree.find((e) => e.path === path && e.kind === 'file')?.content;
  if (content === undefined) throw new Error(`the tree has no file "${path}" with a content`);
  return content;
}

const ANSWERS = new Map<string, TreeComparison>([
  ['A same', 'same'],
  ['A different', 'different'],
  ['A unreadable', 'unreadable'],
]);

export function createTreeSession(world: KitWorld, tree: NonNullable<WorldSpec['tree']>, args: string[], relay: (socket: Duplex) => void, stretch = 1) {
  const outcome: { report: TreeReport | null; problem: string | null } = { report: null, problem: null };
  let first = true;

  function accept(socket: Duplex) {
    if (!first) return relay(socket);
    first = false;
    // What the supervisor sent and the grader has not taken as an answer: its report, in the end.
    const chunks: Buffer[] = [];
    let size = 0;
    let open = true;
    // Questions about the tree, answered in the order they were asked; any still open when the
    // supervisor stops answering (the script ended) is "unreadable": its caller is gone by then.
    const waiting: ((answer: TreeComparison) => void)[] = [];
    const stopAsking = () => {
      open = false;
      for (const resolve of waiting.splice(0)) resolve('unreadable');
    };
    world.probeTree = (path, builtAs) =>
      new Promise<TreeComparison>((resolve) => {
        const question = `Q ${hex(path)} ${builtAs === undefined ? '-' : hex(builtText(tree, builtAs))}\n`;
        if (!open) return resolve('unreadable');
        waiting.push(resolve);
        socket.write(question);
      });
    socket.on('error', () => socket.destroy());
    socket.on('close', stopAsking);
    socket.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REPORT_BYTES) {
        outcome.problem ??= 'the supervisor\'s report passed the size limit';
        socket.destroy();
        return;
      }
      chunks.push(chunk);
      if (waiting.length > 0) takeAnswers();
    });
    // Answers come only while questions wait, before the report (a few bytes each).
    function takeAnswers() {
      let unread = Buffer.concat(chunks.splice(0));
      for (let end = unread.indexOf(10); waiting.length > 0 && end >= 0; end = unread.indexOf(10)) {
        const answer = ANSWERS.get(unread.subarray(0, end).toString('latin1'));
        // Not an answer: the report has begun (the script ended before these questions were read).
        if (!answer) {
          stopAsking();
          break;
        }
        unread = unread.subarray(end + 1);
        waiting.shift()!(answer);
      }
      if (unread.length > 0) chunks.push(unread);
    }
    socket.on('end', () => {
      stopAsking();
      if (outcome.problem) return;
      const parsed = parseTreeReport(decoder.decode(Buffer.concat(chunks)));
      if (!parsed) {
        outcome.problem = 'the supervisor sent a report the grader could not read';
        return;
      }
      world.tree = { built: world.tree?.built ?? [], final: parsed.entries, cut: parsed.cut };
      outcome.report = parsed.report;
    });
    socket.write(encodeTreeSetup(tree, args, stretch));
  }

  return { accept, outcome };
}
